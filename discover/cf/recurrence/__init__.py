"""Linear recurrences of any order with polynomial coefficients (issue 20, item 3).

One job per module:

* :mod:`~discover.cf.recurrence.recurrence`: the object (a_0(n) u(n) + ... + a_k(n) u(n-k) = 0), its text
  syntax, its integer companion matrix, compose / unfold / fold, and companionization of any matrix;
* :mod:`~discover.cf.recurrence.limit`: the limit (a ratio of two solutions) computed exactly with the
  error model of :mod:`discover.cf.convergence`, and the limits of all columns;
* :mod:`~discover.cf.recurrence.asymptotics`: Newton polygon, characteristic roots, Birkhoff exponents,
  the predicted convergence rate (Poincare-Perron);
* :mod:`~discover.cf.recurrence.identify`: initial values whose ratio is a given constant (LLL);
* :mod:`~discover.cf.recurrence.engine` (``cf.recurrence``) and :mod:`~discover.cf.recurrence.verify`
  (the independent forward recomputation).
"""
