"""Cayley graphs: generator families, growth functions (BFS), diameters and conjectures about them.

* :mod:`~discover.cayley.perms` and :mod:`~discover.cayley.graph`: permutations, matrices mod p and the
  :class:`~discover.cayley.graph.GraphDef` (generators acting on a start state);
* :mod:`~discover.cayley.families`: the named generating sets (lrx, pancake, heisenberg, ...);
* :mod:`~discover.cayley.bfs` and :mod:`~discover.cayley.kernels`: the two BFS engines (ranked 2-bit
  bitmap for full permutation groups, frontier search on exact packed keys for the rest);
* :mod:`~discover.cayley.fit`: quasi-polynomial formulas fitted on some sizes, checked on the others;
* :mod:`~discover.cayley.engine`: the runner engines behind ``discover cayley growth`` and ``mine``.
"""
