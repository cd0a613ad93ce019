"""``cf.search``: the meet-in-the-middle search for PCF formulas over a coefficient box or a structured
domain: :mod:`.engine` (spec, shards, run_shard: screen, filter, match, de-duplicate), :mod:`.screen`
(the Numba stage-1 kernels, boxes and coefficient rows), :mod:`.families` (the Ramanujan Machine's
symmetric domains), :mod:`.forms` (combined forms of several constants), :mod:`.factorial` (the
factorial-reduction measure) and :mod:`.verify` (stage 2, the exact check of each hit, and the records
of factorial reductions and relations). :mod:`.relations` is the ``cf relations`` engine (integer
relations among several constants and their products). Nothing heavy is imported here."""
