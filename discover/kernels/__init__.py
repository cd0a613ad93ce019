"""Numba / FLINT arithmetic shared by more than one engine.

Empty for now on purpose: each engine's kernels are specific to it (the PCF screen and exact walks in
:mod:`discover.cf`, the ranked-bitmap BFS in :mod:`discover.cayley`, the edge-flip scores in
:mod:`discover.extremal`, the double description in :mod:`discover.chem`). A kernel moves here when a
second engine needs it.
"""
