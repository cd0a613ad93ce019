"""Numba / FLINT arithmetic shared by more than one engine.

Only what a second engine needs moves here; each engine's own kernels stay in its package (the PCF
screen and exact walks in :mod:`discover.cf`, the ranked-bitmap BFS in :mod:`discover.cayley`, the
edge-flip scores in :mod:`discover.extremal`, the double description in :mod:`discover.chem`).

* :mod:`discover.kernels.bits`: ``popcount`` and ``trailing_zeros`` of a uint64 (the Cayley bitmaps,
  the extremal engine's vertex re-attachment).
"""
