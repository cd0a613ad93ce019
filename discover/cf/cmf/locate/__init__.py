"""``cf.cmf.locate``: :mod:`.engine` (spec, shards, run_shard, records), :mod:`.matching` (the kernel:
exact and Moebius matches of a PCF among CMF trajectories), :mod:`.verify` (the re-check of Moebius
matches). Nothing heavy is imported here."""
