"""Extremal graphs: dense graphs without forbidden structures (girth, C4-free, Ramsey colourings).

Problems are data (:mod:`discover.extremal.problems`), the search is Numba tabu and saturate-and-delete
over edge flips with an incremental score (:mod:`discover.extremal.kernels`), every graph is re-checked
independently (:mod:`discover.extremal.check`) and stored in graph6 up to isomorphism
(:mod:`discover.extremal.canon`). The CLI is ``discover extremal``.
"""
