"""Continued fractions: exact PCF evaluation, identification of limits, and the MITM search.

One job per module:

* :mod:`~discover.cf.polynomial`: integer polynomials in n parsed from text (sympy at the edge only);
* :mod:`~discover.cf.walk`: exact products M(start) ... M(stop) of integer polynomial matrices (FLINT,
  baby-step/giant-step + binary splitting), any k x k;
* :mod:`~discover.cf.pcf`: the PCF object: convergents, the limit with its digits, delta, rate, the
  canonical form used for de-duplication;
* :mod:`~discover.cf.constants`: the registry of named constants and arbitrary expressions (mpmath);
* :mod:`~discover.cf.identify`: PSLQ relations (Moebius forms, integer combinations), the acceptance
  rule, the Moebius-form tables of the search;
* :mod:`~discover.cf.screen`: the Numba stage-1 kernel;
* :mod:`~discover.cf.verify`: stage-2 verification and the records;
* :mod:`~discover.cf.search`, :mod:`~discover.cf.eval_engine`: the engines ``cf.search`` and ``cf.eval``.

Nothing heavy is imported here: ``import discover.cf`` stays cheap.
"""
