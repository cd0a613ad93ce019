"""Extremal graphs: dense graphs without forbidden structures (girth, C4-free, Ramsey colourings).

The data path is spec -> lanes (shards) -> walks -> independent check -> graph6 records. Modules:

* :mod:`~discover.extremal.engine`: the engine as the runner sees it: ``ExtremalSearchSpec``, one shard
  per lane, ``run_shard``, the records, rounds (a pipeline, ``--rounds``) and ``--continue``; the check
  engine (``extremal check``) and the graph6 file reader.
* :mod:`~discover.extremal.verify`: the independent check of a graph from its edge list (girth, 4-cycles,
  cliques); it shares no code with the walks.
* :mod:`~discover.extremal.recheck`: a second check with networkx (girth from the edge list) before a
  graph above every published value we know is claimed as a new record.
* :mod:`~discover.extremal.lanes`: the lane driver: restarts, the curriculum across sizes and the time
  budget around the walks.
* :mod:`~discover.extremal.flips`: Numba kernels of the edge-flip walks (incremental score, saturation,
  tabu search, hill climbing) and the parameter and state vectors every walk reads.
* :mod:`~discover.extremal.reattach`: Numba kernel of the vertex re-attachment walk (C4 problems).
* :mod:`~discover.extremal.lift`: voltage lifts k x G of girth >= 5 (``extremal lift``): a search over
  edge orbits of a group, whose graphs seed the walks.
* :mod:`~discover.extremal.problems`: the problems as data; :mod:`~discover.extremal.reference`: the
  published values they are compared with, with their sources.
* :mod:`~discover.extremal.graph6`: the graph6 text format; :mod:`~discover.extremal.canon`: canonical
  labelling (isomorphic graphs are one record); :mod:`~discover.extremal.draw`: PNG drawings.

The CLI is ``discover extremal`` (cli/extremal.py).
"""
