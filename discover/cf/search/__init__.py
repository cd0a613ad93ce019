"""``cf.search``: the meet-in-the-middle search for PCF formulas over a coefficient box: :mod:`.engine`
(spec, shards, run_shard: screen, match, de-duplicate), :mod:`.screen` (the Numba stage-1 kernels) and
:mod:`.verify` (stage 2, the exact check of each hit). Nothing heavy is imported here."""
