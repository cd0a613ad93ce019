"""Cayley graphs: generator families, growth functions (BFS), diameters and conjectures about them.

Definitions and input:

* :mod:`~discover.cayley.perms`: permutations (one-line tuples, the action convention, GAP-style parsing);
* :mod:`~discover.cayley.graph`: :class:`~discover.cayley.graph.GraphDef` (generators acting on a start
  state), matrices mod p;
* :mod:`~discover.cayley.families`: the named generating sets (lrx, pancake, heisenberg, ...) with the
  orders of their groups in closed form;
* :mod:`~discover.cayley.parse`: matrices and start states as users write them;
* :mod:`~discover.cayley.limits`: the stated limits of every size, degree and modulus.

The engine (``engine.py`` + ``verify.py`` + kernels):

* :mod:`~discover.cayley.engine`: specs, shards, ``run_shard`` and records of the runner engines
  ``cayley.growth``, ``cayley.mine`` (growth then fit, one pipeline run) and ``cayley.fit``;
* :mod:`~discover.cayley.verify`: the independent checks (group and orbit orders by closed form,
  Schreier-Sims or enumeration; the fitted formula re-parsed and checked), sharing no code with the BFS;
* :mod:`~discover.cayley.plan`: engine choice and memory estimate before a search (no kernel loaded);
* :mod:`~discover.cayley.bfs`: ``growth(graph)``, the permutation bitmap and frontier engines;
* :mod:`~discover.cayley.unitriangular`: the ranked bitmap engine of unitriangular matrix groups mod p;
* :mod:`~discover.cayley.layers`: what the engines share (the Growth result, threads, the 2-bit layer loop);
* :mod:`~discover.cayley.kernels` and :mod:`~discover.cayley.lehmer_blocks`: the Numba kernels and the
  block tables that rank permutation neighbours;
* :mod:`~discover.cayley.frontier`: the one frontier loop over packed keys (layers from a set of states),
  stepped by the growth engine, the exact solver and the pattern databases;
* :mod:`~discover.cayley.fit`: quasi-polynomial formulas fitted on some sizes, predicting the others.

Path finding (``cayley solve``):

* :mod:`~discover.cayley.solve`: meet-in-the-middle (shortest words) and beam search, every word verified;
* :mod:`~discover.cayley.patterns`: pattern databases, admissible lower bounds for the beam;
* :mod:`~discover.cayley.beam_kernels`: the beam's Numba kernels (expand and hash, scores);
* :mod:`~discover.cayley.states`: states as users write them (permutations, ``word:...``, files).
"""
