"""Voltage lifts: graphs of girth >= 5 with a group acting on them, searched through the group.

A dense graph of girth 5 is often far easier to find among graphs with a large symmetry group: the
known cages of girth 5 (Petersen, Hoffman-Singleton, and most computer-found records of Exoo and
Jorgensen) are lifts of small multigraphs. Modules:

* :mod:`~discover.extremal.lift.groups`: the voltage groups (split metacyclic groups Z_a x|_s Z_r:
  cyclic, dihedral, direct products of two cyclic groups, Frobenius groups), as multiplication tables.
* :mod:`~discover.extremal.lift.voltage`: the lift of a voltage assignment and the Numba search over
  edge orbits (the objective: most edges, girth >= 5).
* :mod:`~discover.extremal.lift.engine`: the engine ``extremal.lift`` (one shard per size; records are
  the same c3c4 records as ``extremal search`` makes, with the construction in the payload).

The CLI is ``discover extremal lift`` (cli/extremal.py). A lifted graph is an ordinary start for
``discover extremal search --continue``, which drops the symmetry to add the edges the group forbids.
"""
