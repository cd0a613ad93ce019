"""Stieltjes's family: the continued fraction of the trigamma function psi'(x) = sum_(k>=0) 1/(x + k)^2.

Definition. For a rational x > 1/2 and a scale s > 0,

    PCF(s (2x - 1)(2n + 1), s^2 n^4) = 2 s / psi'(x),                                   (T)

the J-fraction of Stieltjes, psi'(x) = 1/(x - 1/2 + K_(m>=1) (m^4/(4 (2m-1)(2m+1))) / (x - 1/2)), after the
equivalence transformation with multipliers 2m + 1 and the scaling by 2s (T. J. Stieltjes, Sur quelques
integrales definies et leur developpement en fractions continues, Quart. J. Math. 24 (1890); A. Cuyt, V. B.
Petersen, B. Verdonk, H. Waadeland, W. B. Jones, Handbook of Continued Fractions for Special Functions (2008),
ch. 12, the polygamma functions). The mirror image PCF(-a, b) converges to the negative. A tail of such a
fraction, PCF(a(n + m), b(n + m)) for an integer m >= 0, is in the family too (its limit is t_m of the
fraction).

A PCF is put in the family exactly (integer tests, no floating point): deg a = 1, b(n) = beta (n + m)^4 with
an integer m >= 0 and beta a positive perfect square s^2, and a(n) = alpha (2(n + m) + 1) with alpha != 0; then
x = (|alpha| / s + 1) / 2 > 1/2. For integer and half-integer x, psi'(x) is zeta(2) or 3 zeta(2) less a
rational, which is why searches for zeta(2) keep finding members (PCF(4n+2, n^4) = 2/(3 zeta(2) - 4) is
x = 3/2); for x in (1/3) Z or (1/4) Z it brings in L(2, chi_-3) or Catalan's constant. (T) converges like
a power of n, slowly for x near 1/2.
"""

from __future__ import annotations

from fractions import Fraction
from math import isqrt

__all__ = ["trigamma_family", "unshift", "tail"]


def trigamma_family(a, b):
    """The :class:`~discover.cf.novelty.classical.Family` ``trigamma`` of PCF(a, b) (module doc), or None."""
    from discover.cf.novelty.classical import Family, _trim

    a, b = [int(v) for v in _trim(a)], [int(v) for v in _trim(b)]
    if len(a) != 2 or len(b) != 5 or b[4] <= 0:
        return None
    beta = b[4]
    got = unshift(a, b, 4, beta)
    if got is None:
        return None
    m, A = got  # A(N) = alpha (2N + 1)
    A = list(A) + [0] * (2 - len(A))
    s = isqrt(beta)
    alpha = Fraction(A[1], 2)
    if s * s != beta or alpha == 0 or Fraction(A[0]) != alpha:
        return None
    x = (abs(alpha) / s + 1) / 2
    sign = 1 if alpha > 0 else -1

    def value(n0):
        import mpmath

        t0 = sign * 2 * s / mpmath.psi(1, mpmath.mpf(x.numerator) / x.denominator)
        return tail(t0, lambda k: alpha * (2 * k + 1), lambda k: beta * k ** 4, m + n0)

    return Family("trigamma", {"x": str(x), "s": str(s), "alpha": str(alpha), "shift m": str(m)},
                  f"{'-' if sign < 0 else ''}2 s / psi'(x) for the fraction with m = 0; the tail t_m of it otherwise",
                  f"scaling by s: a/s = {'-' if sign < 0 else ''}(2x - 1)(2(n + m) + 1), b/s^2 = (n + m)^4"
                  + (" (the mirror image (-a, b) of the family's fraction)" if sign < 0 else ""),
                  "Q", _value=value)


def unshift(a, b, k: int, c: int):
    """(m, a(n - m)) when b(n) = c (n + m)^k for an integer m >= 0, else None: a family fraction's tail
    shifted by m, taken back to the fraction (also :mod:`discover.cf.novelty.ramanujan_family`)."""
    from discover.cf.polynomial import Polynomial

    if b[k - 1] % (k * c):
        return None
    m = b[k - 1] // (k * c)
    if m < 0 or tuple(b) != Polynomial((0,) * k + (c,)).shift(m).coeffs:
        return None
    return m, Polynomial(tuple(a)).shift(-m).coeffs


def tail(t0, a_of, b_of, m: int):
    """t_m of the fraction whose t_0 is ``t0`` (an mpmath number): t_(k+1) = b(k+1) / (t_k - a(k)), with
    ``a_of(k)`` an integer or a Fraction."""
    import mpmath

    t = t0
    for k in range(m):
        ak = Fraction(a_of(k))
        t = b_of(k + 1) / (t - mpmath.mpf(ak.numerator) / ak.denominator)
    return t
