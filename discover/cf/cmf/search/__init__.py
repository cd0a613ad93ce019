"""``cf.cmf``: walks of a CMF along trajectories (``cf cmf walk``, ``cf cmf search``): :mod:`.engine`
(spec, shards, run_shard) and :mod:`.verify` (the closed-form check and the record)."""
