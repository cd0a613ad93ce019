"""Two of Ramanujan's continued fractions for Hurwitz-type sums, with a parameter x (Chapter 12 of his second
notebook: B. C. Berndt, R. L. Lamphere, B. M. Wilson, Rocky Mountain J. Math. 15 (1985) 235-310; B. C. Berndt,
Ramanujan's Notebooks, Part II (1989), ch. 12).

Definitions. For a rational x and a scale s > 0 (an integer: the coefficients are integers),

    PCF(s (2n + 1)(n^2 + n + 2x^2 + 2x + 1), -s^2 n^6) = s / zeta(3, x + 1),   x >= 0,          (Z3)

where zeta(3, x + 1) = sum_(k>=1) 1/(x + k)^3 is Hurwitz's zeta function (Entry 32(iii) of the chapter; at x = 0
the fraction is Euler's 1/zeta(3), at x = 4 the one of OEIS A143006); and

    PCF(s (8n^2 + 8n + x^2 + 3), -16 s^2 n^4) = s / f(x),   f(x) = 2 sum_(k>=0) (-1)^k / (x + 2k + 1)^2,  x > 1, (B2)

the even contraction of Ramanujan's fraction f(x) = 1/(x^2 - 1 + 2^2/(1 + 2^2/(x^2 - 1 + 4^2/(1 + ...)))) of the
same chapter. For even x, f(x) is Catalan's constant up to a rational (f(2) = 2 (1 - G)); for odd x it is pi^2
up to a rational. For integer x the Z3 limits are zeta(3) less a rational, for half-integers 7 zeta(3) / 8 less a
rational: searches for zeta(3) and Catalan's constant find such members (PCF((2n + 1)(2n^2 + 2n + 5), -4n^6) =
2/(7 zeta(3) - 8) is Z3 at x = 1/2, s = 2; PCF(16n^2 + 16n + 14, -64n^4) = 1/(1 - G) is B2 at x = 2, s = 2).
The mirror image PCF(-a, b) converges to the negative, and a tail PCF(a(n + m), b(n + m)), m >= 0 an integer,
is in the family too (its limit is the tail t_m of the fraction), as for Stieltjes's fraction
(:mod:`discover.cf.novelty.trigamma_family`).

A PCF is put in a family exactly (integer and rational tests, no floating point): the degrees, b(n) = c (n + m)^k
with the family's sign and an integer m >= 0, c = s^2 (times 16 for B2) with s an integer, a(n - m) of the
family's shape with s and a rational q = 2x^2 + 2x + 1 (Z3) or p = x^2 + 3 (B2), and x rational within the
range stated above (2q - 1 or p - 3 a rational square). Both fractions converge like a power of n.
"""

from __future__ import annotations

from fractions import Fraction
from math import isqrt

from discover.cf.novelty.trigamma_family import tail, unshift

__all__ = ["ramanujan_family"]


def ramanujan_family(a, b):
    """The :class:`~discover.cf.novelty.classical.Family` ``Ramanujan zeta(3, x)`` (Z3) or ``Ramanujan f(x)``
    (B2) of PCF(a, b) (module doc), or None."""
    from discover.cf.novelty.classical import _trim

    a, b = [int(v) for v in _trim(a)], [int(v) for v in _trim(b)]
    if len(a) == 4 and len(b) == 7:
        return _zeta3(a, b)
    if len(a) == 3 and len(b) == 5:
        return _f_of_x(a, b)
    return None


def _rational_sqrt(x: Fraction) -> Fraction | None:
    """The non-negative rational square root of ``x``, or None (x negative or not a rational square)."""
    from discover.cf.novelty.equivalence import _rational_sqrt as root

    return None if x < 0 else root(x)


def _zeta3(a, b):
    from discover.cf.novelty.classical import Family

    if b[6] >= 0:
        return None
    beta = -b[6]
    s = isqrt(beta)
    if s * s != beta:
        return None
    got = unshift(a, b, 6, -beta)
    if got is None:
        return None
    m, A = got  # A(N) = sign s (2N^3 + 3N^2 + (2q + 1) N + q)
    A = list(A) + [0] * (4 - len(A))
    if abs(A[3]) != 2 * s:
        return None
    sign = 1 if A[3] > 0 else -1
    q = Fraction(A[0], sign * s)
    if A[2] != sign * 3 * s or Fraction(A[1]) != sign * s * (2 * q + 1):
        return None
    r = _rational_sqrt(2 * q - 1)
    if r is None:
        return None
    x = (r - 1) / 2
    if x < 0:
        return None

    def value(n0):
        import mpmath

        t = sign * s / mpmath.zeta(3, mpmath.mpf(x.numerator) / x.denominator + 1)
        return tail(t, lambda k: sign * s * (2 * k + 1) * (k * k + k + q), lambda k: -beta * k ** 6, m + n0)

    return Family("Ramanujan zeta(3, x)", {"x": str(x), "s": str(s), "shift m": str(m)},
                  f"{'-' if sign < 0 else ''}s / zeta(3, x + 1), zeta(3, x + 1) = sum_(k>=1) 1/(x + k)^3 "
                  "(Hurwitz), for the fraction with m = 0; the tail t_m of it otherwise",
                  f"scaling by s: a/s = {'-' if sign < 0 else ''}(2N + 1)(N^2 + N + 2x^2 + 2x + 1), b/s^2 = -N^6, "
                  "N = n + m" + (" (the mirror image (-a, b) of the family's fraction)" if sign < 0 else ""),
                  "Q", _value=value)


def _f_of_x(a, b):
    from discover.cf.novelty.classical import Family

    if b[4] >= 0 or (-b[4]) % 16:
        return None
    beta = -b[4] // 16
    s = isqrt(beta)
    if s * s != beta:
        return None
    got = unshift(a, b, 4, b[4])
    if got is None:
        return None
    m, A = got  # A(N) = sign s (8N^2 + 8N + p)
    A = list(A) + [0] * (3 - len(A))
    if abs(A[2]) != 8 * s:
        return None
    sign = 1 if A[2] > 0 else -1
    if A[1] != sign * 8 * s:
        return None
    p = Fraction(A[0], sign * s)
    x = _rational_sqrt(p - 3)
    if x is None or x <= 1:
        return None

    def value(n0):
        import mpmath

        xm = mpmath.mpf(x.numerator) / x.denominator
        f = (mpmath.zeta(2, (xm + 1) / 4) - mpmath.zeta(2, (xm + 3) / 4)) / 8
        return tail(sign * s / f, lambda k: sign * s * (8 * k * k + 8 * k + p), lambda k: -16 * beta * k ** 4,
                     m + n0)

    return Family("Ramanujan f(x)", {"x": str(x), "s": str(s), "shift m": str(m)},
                  f"{'-' if sign < 0 else ''}s / f(x), f(x) = 2 sum_(k>=0) (-1)^k / (x + 2k + 1)^2, for the fraction "
                  "with m = 0; the tail t_m of it otherwise",
                  f"scaling by s: a/s = {'-' if sign < 0 else ''}(8N^2 + 8N + x^2 + 3), b/s^2 = -16 N^4, N = n + m"
                  + (" (the mirror image (-a, b) of the family's fraction)" if sign < 0 else ""),
                  "Q", _value=value)
