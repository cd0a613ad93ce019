"""Euler's family: PCFs whose recurrence has a hypergeometric-term solution, so that the limit is a
hypergeometric series (Euler's continued fraction of a series, any degrees).

Definition. PCF(a, b) is in the family when, for integer polynomials h1, h2, f (deg f <= 2 here),

    b(n) = -h1(n) h2(n)   and   a(n) f(n) = h1(n) f(n-1) + h2(n+1) f(n+1)            (E)

(polynomial identities, checked exactly). Then F(n) = f(n) / (h1(1) ... h1(n)) solves the tail
recurrence F(n-1) = a(n) F(n) + b(n+1) F(n+1): substituting (E), the residual is
f(n-1) (G(n-1) - h1(n) G(n)) + h2(n+1) f(n+1) (h1(n+1) G(n+1) - G(n)) with G(n) = 1/(h1(1)...h1(n)), and both
brackets vanish. The Casoratian C(n) = F1(n-1) F2(n) - F1(n) F2(n-1) of two solutions obeys C(n+1) =
-C(n)/b(n+1), so reduction of order gives the second solution F1 u with u(n) - u(n-1) = C(n)/(F1(n-1) F1(n)),
whose increments are, up to a constant, the hypergeometric terms

    T(k) = h1(1) ... h1(k-1) / (h2(1) ... h2(k) f(k-1) f(k))      (T(k+1)/T(k) = h1(k) f(k-1) / (h2(k+1) f(k+1))).

When R = sum_(k>=1) T(k) converges, F1(n) sum_(k>n) T(k) is the minimal solution (Pincherle), and

    L = PCF(a, b) = f(-1) h1(0) / f(0) + 1 / (f(0)^2 R).

With f = 1 this is Euler's formula connecting a series sum_m prod_(j<=m) r_j, r_j = h1(j)/h2(j+1), with the
continued fraction 1/(1 - r1/(1 + r1 - r2/(1 + r2 - ...))) (L. Euler, Introductio in analysin infinitorum I,
1748, ch. 18; Cuyt, Petersen, Verdonk, Waadeland, Jones, Handbook of Continued Fractions for Special
Functions, 2008, sec. 1.7); a polynomial f of higher degree is the same construction after a rational
change of gauge. The family is decided exactly: b is factored over Z (FLINT), every split -b = h1 h2 over its
irreducible factors and the divisors of its content (a content of 18 digits or more: only 1 and itself) is
tried (at most :data:`MAX_SPLITS`), and (E) is linear
in f's coefficients (an integer nullspace). Apery's fractions are not in it (their recurrences have no
hypergeometric solution).
"""

from __future__ import annotations

import itertools

__all__ = ["euler_family", "MAX_SPLITS", "MAX_F_DEGREE", "MAX_DEGREES"]

MAX_SPLITS = 1024       # splits -b = h1 h2 tried at most
MAX_F_DEGREE = 2        # degree of f
MAX_DEGREES = (6, 12)   # deg a, deg b of the fractions tried


def _divisors(c: int) -> list[int]:
    """The positive divisors of c; for |c| >= 10^18 only 1 and |c| (nothing waits on factoring a large
    content, at the price of the splits of that content)."""
    from flint import fmpz

    if abs(c) >= 10 ** 18:
        return sorted({1, abs(c)})
    divs = [1]
    for p, e in fmpz(abs(c)).factor():
        divs = [d * int(p) ** i for d in divs for i in range(int(e) + 1)]
    return sorted(divs)


def _splits(negb):
    """(h1, h2) with h1 h2 = negb (fmpz_poly), over its factorisation and content divisors, both signs."""
    from flint import fmpz_poly

    content, factors = negb.factor()
    content = int(content)
    count = 0
    for exps in itertools.product(*[range(m + 1) for _g, m in factors]):
        h1 = fmpz_poly([1])
        h2 = fmpz_poly([1])
        for (g, m), e in zip(factors, exps):
            h1 *= g ** e
            h2 *= g ** (m - e)
        for d in _divisors(content):
            for sign in (1, -1):
                count += 1
                if count > MAX_SPLITS:
                    return
                yield h1 * (sign * d), h2 * (sign * (content // d))


def _solve_f(A, h1, h2):
    """f with A(n) f(n) = h1(n) f(n-1) + h2(n+1) f(n+1), deg f <= MAX_F_DEGREE (lowest degree first), or None."""
    from flint import fmpz_mat, fmpz_poly

    up, down = fmpz_poly([1, 1]), fmpz_poly([-1, 1])
    h2up = h2(up) if h2.degree() > 0 else h2
    for deg in range(MAX_F_DEGREE + 1):
        cols = []
        for d in range(deg + 1):
            e = fmpz_poly([0] * d + [1])
            cols.append(A * e - h1 * (e(down) if d else e) - h2up * (e(up) if d else e))
        rows = max(c.degree() for c in cols) + 1
        if rows <= 0:  # every column is zero: f = 1
            return fmpz_poly([1])
        M = fmpz_mat([[int(c[i]) if i <= c.degree() else 0 for c in cols] for i in range(rows)])
        X, nullity = M.nullspace()
        if nullity:
            f = fmpz_poly([int(X[i, 0]) for i in range(X.nrows())])
            if not f.is_zero():
                return f
    return None


def euler_family(a, b):
    """The :class:`~discover.cf.novelty.classical.Family` ``Euler`` of PCF(a, b) (module doc), or None."""
    from flint import fmpz_poly

    from discover.cf.novelty.classical import Family
    from discover.cf.polynomial import Polynomial

    A, B = fmpz_poly([int(x) for x in a]), fmpz_poly([int(x) for x in b])
    if A.is_zero() or B.is_zero() or A.degree() > MAX_DEGREES[0] or B.degree() > MAX_DEGREES[1]:
        return None
    for h1, h2 in _splits(-B):
        f = _solve_f(A, h1, h2)
        if f is None:
            continue
        # the formula needs f(k) != 0 for k >= -1 and h2(j) != 0 for j >= 1 (b(j) != 0 past the start)
        fp = Polynomial(tuple(int(c) for c in f.coeffs()))
        if any(fp(k) == 0 for k in (-1, 0)) or (fp.degree >= 1 and any(r >= -1 for r in fp.integer_roots())):
            continue
        h1p = Polynomial(tuple(int(c) for c in h1.coeffs()))
        h2p = Polynomial(tuple(int(c) for c in h2.coeffs()))
        if h2p.degree >= 1 and any(r >= 1 for r in h2p.integer_roots()):
            continue
        return _family(h1p, h2p, fp)
    return None


def _family(h1, h2, f):
    from discover.cf.novelty.classical import Family

    def value(n0):
        return _limit(h1, h2, f, n0)

    ratio = "h1(k) f(k-1) / (h2(k+1) f(k+1))"
    z = None
    if h1.degree == h2.degree:
        from fractions import Fraction

        z = Fraction(h1.coeffs[-1], h2.coeffs[-1])
    params = {"h1": str(h1), "h2": str(h2), "f": str(f), "term ratio T(k+1)/T(k)": ratio}
    if z is not None:
        params["z (series argument)"] = str(z)
    return Family("Euler", params,
                  "f(-1) h1(0)/f(0) + 1/(f(0)^2 R), R = sum_(k>=1) h1(1)..h1(k-1) / (h2(1)..h2(k) f(k-1) f(k))",
                  "b = -h1 h2 and a f = h1 f(n-1) + h2(n+1) f(n+1) (exact): F(n) = f(n)/(h1(1)..h1(n)) solves the "
                  "recurrence; reduction of order (Casoratian) gives the minimal solution and the series R",
                  "Q", _value=value)


def _limit(h1, h2, f, n0: int):
    """t_n0 of the family's fraction, the module doc's formula for the tail (h1, h2, f shifted by n0),
    the series summed by mpmath.nsum from exact-rational term ratios."""
    import mpmath

    def H1(k):
        return h1(k + n0)

    def H2(k):
        return h2(k + n0)

    def F(k):
        return f(k + n0)

    cache = [None, mpmath.mpf(1) / (H2(1) * F(0) * F(1))]

    def term(k):
        k = int(k)
        while len(cache) <= k:
            j = len(cache) - 1
            cache.append(cache[j] * mpmath.mpf(H1(j) * F(j - 1)) / (H2(j + 1) * F(j + 1)))
        return cache[k]

    R = mpmath.nsum(term, [1, mpmath.inf])
    return mpmath.mpf(F(-1) * H1(0)) / F(0) + 1 / (mpmath.mpf(F(0)) ** 2 * R)
