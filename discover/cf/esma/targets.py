"""ESMA targets beyond Moebius forms: rational functions of higher degree and biased monomials.

A target is a rational function of the constant C with integer coefficients,

    x = num(C) / den(C),   num(C) = sum_i n_i C^i,  den(C) = sum_i d_i C^i

(coefficient tuples lowest degree first). The families:

* **Moebius forms** (c0 + c1 C)/(d0 + d1 C): degree 1 (:func:`discover.cf.esma.expansion.mobius_forms`).
* **Rational functions of degree r** (``rational_targets``): deg num, deg den <= r, every coefficient in
  [-K, K], not constant (num is not a multiple of den), gcd of all coefficients 1, the last non-zero
  coefficient of den positive; (2K + 1)^(2r + 2) candidates before reduction. With r = 2 and K = 1 this
  holds coth(1) = (e^2 + 1)/(e^2 - 1), whose regular continued fraction is [1; 3, 5, 7, ...] (Lambert).
* **Biased monomials** (``biased_monomials``): |c C^k + b| with 1 <= c <= c_max, 0 < |k| <= k_max,
  |b| <= b_max: the "biased monomials" of the ESMA paper's enumerations (R. Elimelech, O. David,
  C. De la Cruz Mengual, R. Kalisch, W. Berndt, M. Shalyt, M. Silberstein, Y. Hadad, I. Kaminer,
  "Algorithm-assisted discovery of an intrinsic order among mathematical constants", PNAS 2024; the
  definition as in the Ramanujan Machine repository's ESMA/lhs_generators.py). e^2 = |1 e^2 + 0| has
  the quasi-polynomial expansion [7; 2, 1, 1, 3, 18, 5, 1, 1, 6, 30, ...] (Euler).

Adding an integer to x changes only a_0 of every signed expansion, so one target is kept per value of
x mod 1 (:func:`one_per_fraction`: the smallest sum of |coefficients|, then C itself first, then the
coefficients in order), as for the Moebius forms.
"""

from __future__ import annotations

import itertools
import math
from typing import Iterable, Sequence

__all__ = ["one_per_fraction", "rational_targets", "biased_monomials", "rational_value_fn", "rational_expression",
           "rational_count", "IDENTITY"]

IDENTITY = ((0, 1), (1,))   # x = C


def _poly_value(coeffs: Sequence[int], v):
    acc = 0
    for c in reversed(coeffs):
        acc = acc * v + int(c)
    return acc


def _trim(coeffs: Sequence[int]) -> tuple[int, ...]:
    out = list(int(c) for c in coeffs)
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return tuple(out)


def one_per_fraction(value, candidates: Iterable[tuple[Sequence[int], Sequence[int]]]) -> list[tuple]:
    """The candidates (num, den), one per value of num(C)/den(C) mod 1 at C = ``value`` (mpmath, >= 30
    digits): the smallest sum of |coefficients| first, C itself before any other of that size, then the
    coefficients in order; finite values only (|den(C)| > 10^-30); ordered by that key."""
    import mpmath

    seen: dict[str, tuple] = {}
    with mpmath.workdps(40):
        v = mpmath.mpf(value)
        for num, den in candidates:
            num, den = tuple(int(c) for c in num), tuple(int(c) for c in den)
            bottom = _poly_value(den, v)
            if abs(bottom) < mpmath.mpf(10) ** -30:
                continue
            x = _poly_value(num, v) / bottom
            key = mpmath.nstr(x - mpmath.floor(x), 25)
            trimmed = (_trim(num), _trim(den))
            rank = (sum(abs(c) for c in num + den), trimmed != IDENTITY, num + den)
            if key not in seen or rank < seen[key][0]:
                seen[key] = (rank, (num, den))
    return [t for _r, t in sorted(seen.values())]


def rational_count(degree: int, K: int) -> int:
    """(2K + 1)^(2 degree + 2): the rational targets enumerated before reduction."""
    return (2 * int(K) + 1) ** (2 * int(degree) + 2)


def rational_targets(value, degree: int, K: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Rational functions num/den of degree <= ``degree`` with coefficients in [-K, K] (module doc), one
    per fractional part."""

    def candidates():
        r = range(-K, K + 1)
        for coeffs in itertools.product(r, repeat=2 * degree + 2):
            num, den = coeffs[: degree + 1], coeffs[degree + 1:]
            if not any(den) or math.gcd(*coeffs) != 1:
                continue
            if next(c for c in reversed(den) if c) < 0:
                continue
            if all(num[i] * den[j] == num[j] * den[i] for i in range(degree + 1) for j in range(i + 1, degree + 1)):
                continue   # num a multiple of den: a rational constant
            yield num, den

    return one_per_fraction(value, candidates())


def biased_monomials(value, max_power: int, max_coeff: int, max_bias: int) -> list[tuple]:
    """The targets |c C^k + b| (module doc) as (num, den) with a positive value, one per fractional part."""
    import mpmath

    def candidates():
        with mpmath.workdps(40):
            v = mpmath.mpf(value)
            for c in range(1, max_coeff + 1):
                for k in range(-max_power, max_power + 1):
                    if k == 0:
                        continue
                    for b in range(-max_bias, max_bias + 1):
                        p = abs(k)
                        if k > 0:   # b + c C^k
                            num, den = [b] + [0] * (p - 1) + [c], [1]
                        else:       # (c + b C^p) / C^p
                            num, den = [c] + [0] * (p - 1) + [b], [0] * p + [1]
                        if c * v ** k + b < 0:   # the absolute value
                            num = [-t for t in num]
                        yield tuple(num), tuple(den)

    return one_per_fraction(value, candidates())


def rational_value_fn(constant, num: Sequence[int], den: Sequence[int]):
    """D -> num(C)/den(C) at D significant digits (mpmath)."""
    num, den = tuple(int(c) for c in num), tuple(int(c) for c in den)

    def value(digits: int):
        import mpmath

        # guard digits for the cancellation of a polynomial of degree r: about r log10 |C| more
        with mpmath.workdps(int(digits) + 10 + 4 * len(num)):
            v = constant.value(int(digits) + 10 + 4 * len(num))
            return _poly_value(num, v) / _poly_value(den, v)

    return value


def rational_expression(constant_expr: str, num: Sequence[int], den: Sequence[int]) -> str:
    """A sympy-parseable text of num(C)/den(C), simplified (``cancel``)."""
    import sympy

    from discover.cf.constants import sympy_locals

    if (_trim(num), _trim(den)) == IDENTITY:
        return constant_expr
    C = sympy.sympify(constant_expr, locals=sympy_locals())
    top = sum(int(c) * C**i for i, c in enumerate(num))
    bottom = sum(int(c) * C**i for i, c in enumerate(den))
    return sympy.sstr(sympy.cancel(top / bottom))
