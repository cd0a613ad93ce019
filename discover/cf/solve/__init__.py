"""Solvers (issue 20, item 4).

* :mod:`~discover.cf.solve.euler`: the Euler-family form of a PCF (a = h1(n) + h2(n), b = -h1(n-1) h2(n)),
  the series it is Euler's continued fraction of, and an f, fbar CMF that holds it;
* :mod:`~discover.cf.solve.coboundary`: a coboundary V(n) N(n+s) = rho(n) M(n) V(n+1) between two
  polynomial matrices (the integer nullspace solver of :mod:`discover.cf.novelty.equivalence`), with an
  independent check.
"""
