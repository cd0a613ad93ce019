"""A coboundary between two polynomial matrices: V(n) N(n + s) = rho(n) M(n) V(n + 1), found exactly.

Definition. Two k x k step matrices M, N (integer polynomials in n) are coboundary-equivalent when a
matrix V of polynomials with det V not identically 0, a shift s and a rational function rho = h1/h2
satisfy the equation above for all n. Then the walks are conjugate, M(n) ... M(m) V(m + 1) =
(prod rho) V(n) N(n + s) ... N(m + s), so their limits are related by a Moebius map (for PCFs:
:func:`discover.cf.novelty.equivalence.moebius_of_coboundary`). This is ramanujantools'
``Matrix.coboundary`` relation, solved here for V rather than applied.

Method. For fixed (s, h1, h2) the equation is linear in V's coefficients; its integer nullspace is
computed exactly by :func:`discover.cf.novelty.equivalence.solve_coboundary` (FLINT), the solver the
novelty check uses. The scalars tried are c g1/g2 with g1, g2 products of at most :data:`MAX_FACTORS`
irreducible factors of det M(n), det M(n +- 1), det N(n + s), det N(n + s +- 1) (the factors a
coboundary carries: det N(n+s) h2^k det V(n) = h1^k det M(n) det V(n+1)), those allowed by the degrees
(k deg h2 + deg det N = k deg h1 + deg det M) and the constant c from the leading coefficients
(c^k = lead(h2)^k lead(det N) / (lead(h1)^k lead(det M)), a rational k-th root, both signs for even k).

Check (:func:`discover.cf.solve.verify.check_coboundary`, independent of the solver): both sides evaluated
with Python integers at more integer points than their degree: a polynomial identity.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["MatrixCoboundary", "find_coboundary", "MAX_FACTORS", "MAX_SIZE"]

MAX_FACTORS = 3   # factors in the scalar's numerator and denominator together
MAX_SIZE = 4      # k at most this
MAX_SYSTEMS = 400  # linear systems solved at most per search


@dataclass(frozen=True)
class MatrixCoboundary:
    """V (entries as coefficient tuples), the shift s and the scalar h1/h2 (coefficient tuples)."""

    V: tuple
    shift: int
    h1: tuple
    h2: tuple

    def to_json(self) -> dict:
        from discover.cf.polynomial import Polynomial

        return {"V": [[str(Polynomial(e)) for e in row] for row in self.V], "shift": self.shift,
                "scalar": f"({Polynomial(self.h1)})/({Polynomial(self.h2)})",
                "equation": "V(n) N(n+shift) = scalar(n) M(n) V(n+1)"}


def _fp(entry):
    from flint import fmpz_poly

    from discover.cf.polynomial import Polynomial

    if isinstance(entry, fmpz_poly):
        return entry
    return Polynomial.parse(entry).to_fmpz_poly()


def _shift(p, s: int):
    from flint import fmpz_poly

    return p(fmpz_poly([s, 1])) if s and p.degree() > 0 else p


def _coeffs(p) -> tuple:
    out = [int(c) for c in p.coeffs()]
    while out and out[-1] == 0:
        out.pop()
    return tuple(out)


def _kth_root(x: Fraction, k: int) -> Fraction | None:
    def iroot(n: int) -> int | None:
        r = round(abs(n) ** (1.0 / k)) if n else 0
        for c in (r - 1, r, r + 1):
            if c >= 0 and c ** k == abs(n):
                return c
        return None

    if x < 0 and k % 2 == 0:
        return None
    p, q = iroot(x.numerator), iroot(x.denominator)
    if p is None or q is None:
        return None
    return Fraction(p if x >= 0 else -p, q)


def find_coboundary(M, N, degree: int = 4, max_shift: int = 2) -> MatrixCoboundary | None:
    """A coboundary from M to N (module doc) with V of degree <= ``degree`` and |s| <= ``max_shift``, or
    None. ``M``, ``N``: square matrices of the same size of polynomials (text, Polynomial or fmpz_poly)."""
    from flint import fmpz_poly

    from discover.cf.novelty.equivalence import poly_det, solve_coboundary

    Mp = [[_fp(e) for e in row] for row in M]
    N0 = [[_fp(e) for e in row] for row in N]
    k = len(Mp)
    dM = poly_det(Mp)
    systems = 0
    for s in sorted(range(-max_shift, max_shift + 1), key=abs):
        Np = [[_shift(e, s) for e in row] for row in N0]
        dN = poly_det(Np)
        if dM.is_zero() or dN.is_zero():
            return None
        pool = []
        for p in (dM, _shift(dM, 1), _shift(dM, -1), dN, _shift(dN, 1), _shift(dN, -1)):
            for g, _m in p.factor()[1]:
                if g.degree() >= 1:
                    key = _coeffs(g if g[g.degree()] > 0 else -g)
                    if key not in pool:
                        pool.append(key)
        for weight in range(MAX_FACTORS + 1):
            for ups in range(weight + 1):
                for top in itertools.combinations_with_replacement(range(len(pool)), ups):
                    for bottom in itertools.combinations_with_replacement(range(len(pool)), weight - ups):
                        if set(top) & set(bottom):
                            continue
                        g1, g2 = fmpz_poly([1]), fmpz_poly([1])
                        for i in top:
                            g1 *= fmpz_poly(list(pool[i]))
                        for i in bottom:
                            g2 *= fmpz_poly(list(pool[i]))
                        if k * g2.degree() + dN.degree() != k * g1.degree() + dM.degree():
                            continue
                        ck = Fraction(int(g2[g2.degree()]) ** k * int(dN[dN.degree()]),
                                      int(g1[g1.degree()]) ** k * int(dM[dM.degree()]))
                        root = _kth_root(ck, k)
                        if root is None:
                            continue
                        for sign in ((1, -1) if k % 2 == 0 else (1,)):
                            c = sign * root
                            h1, h2 = g1 * c.numerator, g2 * c.denominator
                            systems += 1
                            if systems > MAX_SYSTEMS:
                                return None
                            V = solve_coboundary(Mp, Np, h1, h2, degree)
                            if V is not None:
                                return MatrixCoboundary(tuple(tuple(_coeffs(e) for e in row) for row in V), s,
                                                        _coeffs(h1), _coeffs(h2))
    return None
