"""Continued fractions: exact PCF evaluation, identification of limits, recurrences, and their engines.

The shared mathematical objects, one job per module:

* :mod:`~discover.cf.limits`: the sizes every cf command accepts (degree, digits, depth, bits, trajectory);
* :mod:`~discover.cf.polynomial`: integer polynomials in n parsed from text (own parser, no sympy);
* :mod:`~discover.cf.walk`: exact products M(start) ... M(stop) of integer polynomial matrices (FLINT,
  baby-step/giant-step + binary splitting), any k x k, and the bound on their size;
* :mod:`~discover.cf.convergence`: the one error model of convergents (PCFs and CMF walks);
* :mod:`~discover.cf.pcf`: the PCF object: convergents, the limit with its digits, delta, rate, the
  canonical form used for de-duplication, deflation;
* :mod:`~discover.cf.constants`: the registry of named constants (FLINT arb) and arbitrary expressions;
* :mod:`~discover.cf.relation`: integer relations by LLL (python-flint) on fixed-point lattices;
* :mod:`~discover.cf.identify`: identification of a limit (Moebius forms, pairs of constants with their
  product, integer combinations), the acceptance rule, the Moebius-form tables of the search, decimal
  values as users write them;
* :mod:`~discover.cf.closed_form`: the text of a closed form, written without sympy;
* :mod:`~discover.cf.formula`: the shared PCF verifier (deepening, extrapolation, the PCF record);
* :mod:`~discover.cf.bigint`: sizes and decimal text of big integers.

The engines, one subpackage each, every one with ``engine.py`` (spec, shards, ``run_shard``) and
``verify.py`` (its check) beside its kernels:

* :mod:`~discover.cf.eval` (``cf.eval``), :mod:`~discover.cf.search` (``cf.search``, kernel ``screen``),
  :mod:`~discover.cf.esma` (``cf.esma``, kernel ``expansion``);
* :mod:`~discover.cf.cmf`: conservative matrix fields, with the engines ``cmf.search`` (``cf.cmf``),
  ``cmf.locate`` (``cf.cmf.locate``) and ``cmf.fit`` (``cf.cmf.fit``);
* :mod:`~discover.cf.recurrence` (``cf.recurrence``): linear recurrences of any order with polynomial
  coefficients, their limits over several columns, fold/unfold/compose and asymptotics;
* :mod:`~discover.cf.solve` (``cf.solve.euler``, ``cf.solve.coboundary``): the Euler-family form of a PCF
  and its f, fbar CMF, and coboundaries between polynomial matrices;
* :mod:`~discover.cf.novelty`: known, equivalent or new, against the shipped lists of published PCFs.

Nothing heavy is imported here: ``import discover.cf`` stays cheap.
"""
