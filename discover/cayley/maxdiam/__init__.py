"""Maximum-diameter search over generating sets of S_n of a given shape (``discover cayley maxdiam``).

* :mod:`~discover.cayley.maxdiam.shape`: shapes (the class of each generator) and what they can generate;
* :mod:`~discover.cayley.maxdiam.canon_kernels`: Numba kernels of the canonical enumeration;
* :mod:`~discover.cayley.maxdiam.enumerate`: sets up to simultaneous conjugacy, exhaustive or sampled;
* :mod:`~discover.cayley.maxdiam.engine`: spec, shards and run_shard (diameters by the bitmap BFS), then
  the per-size maximum as a second stage;
* :mod:`~discover.cayley.maxdiam.verify`: the independent checks (group orders by Schreier-Sims, the
  maximisers' diameters by another BFS).
"""
