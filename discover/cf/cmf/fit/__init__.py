"""``cf.cmf.fit``: the f, fbar ansatz for 2D CMFs: :mod:`.engine` (spec, shards, run_shard, records),
:mod:`.ansatz` (the kernel: enumerating f and solving the linear conditions for fbar), :mod:`.verify`
(the exact conservativity proof of each pair)."""
