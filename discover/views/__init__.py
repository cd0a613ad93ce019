"""Views: functions from store records to files (figures, the HTML report, LaTeX, b-files, graph6).

A view computes nothing of its own beyond what the records hold; where a figure needs a computation
(``plot convergence`` evaluates a PCF's convergents, ``plot reactions`` enumerates elementary reactions)
it calls the engine's public library functions, because the user asked for exactly that.

One job per module:

* :mod:`~discover.views.output`: checking an output path (folder exists, known extension) and writing
  a file atomically;
* :mod:`~discover.views.figure`: matplotlib (Agg) set-up and saving a figure as PNG, SVG or PDF;
* :mod:`~discover.views.growth`, :mod:`~discover.views.diameters`, :mod:`~discover.views.convergence`,
  :mod:`~discover.views.cmf`, :mod:`~discover.views.records`, :mod:`~discover.views.reactions`: one
  figure each; every ``plot_*`` function returns the data it plotted;
* :mod:`~discover.views.formats`: LaTeX, OEIS b-file and graph6 exports, and one record as LaTeX;
* :mod:`~discover.views.report`: the static HTML report of a store.

Nothing here is imported by ``import discover``; matplotlib is imported only when a figure is drawn.
"""
