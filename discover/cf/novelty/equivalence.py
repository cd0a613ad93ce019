"""Exact equivalences between PCFs: the canonical form, folds, coboundaries, and the Moebius map they carry.

Notation. A PCF (a, b) has the companion matrix M(n) = [[0, b(n)], [1, a(n)]] and the head
H = [[1, a(0)], [0, 1]]; its convergents are the last column of H M(1) ... M(N) and its limit L is the
limit ratio of that column (:mod:`discover.cf.pcf`). Every test here is integer / rational arithmetic
(FLINT); nothing floating decides anything.

1. **Canonical form** (:meth:`discover.cf.pcf.PCF.canonical`): sign, deflation (inflation), shift of n,
   scaling. Equal canonical forms: the same formula.

2. **Folds** (even and odd contractions). Grouping the steps in pairs, the even convergents p_{2k}/q_{2k}
   are the walk of S_0(k) = M(2k-1) M(2k) (k >= 1) and the odd ones that of S_1(k) = M(2k) M(2k+1) after
   the head H M(1); each is a 2x2 polynomial step matrix in k, and its PCF
   (:func:`discover.cf.cmf.unification.pcf_of_trajectory`, deflated) has a limit that is a Moebius map
   of L with rational coefficients. :func:`fold` returns it.

3. **Coboundary.** Two PCFs with companions M and N are coboundary-equivalent when

       V(n) N(n + k) = rho(n) M(n) V(n + 1)        for all n,

   with V a 2x2 matrix of integer polynomials of degree <= :data:`COBOUNDARY_DEGREE`, det V not
   identically 0, a shift k with |k| <= :data:`COBOUNDARY_SHIFT`, and a rational scalar rho = h1/h2 (the
   projective freedom of a step matrix; it does not change the convergents' ratio). So the gauge
   U = V / (scalar) is a matrix of rational functions whose numerators have degree <= 2 and whose
   denominators are products of factors of b and b'. For each (k, h1, h2) the equation is *linear* in the
   coefficients of V: :func:`coboundary` solves it as an integer nullspace (FLINT ``fmpz_mat.nullspace``),
   after a screen (:mod:`discover.cf.novelty.coboundary_screen`: the equation at a few points, full rank
   modulo a prime) has not proved it unsolvable. A screened system counts against the budget like a
   solved one, so the screen changes the work, never a result.
   The scalars tried are c h1/h2 with h1, h2 products of at most 4 irreducible factors of b(n), b(n +- 1),
   b'(n + k), b'(n + k +- 1) (fewest factors first, at most :data:`MAX_SCALARS` per shift), those allowed by
   degrees, deg b' - deg b = 2 (deg h1 - deg h2), with the constant c from the leading coefficients
   (from det: b'(n+k) = rho^2 b(n) det V(n+1) / det V(n)). The shifts tried are |k| <= 2 and those that
   align a factor of b with one of b' (+- 2).

4. **Moebius map.** From V, the limits are related exactly: for n >= n0 (past the integer roots of
   det V, h1, h2, b) both walks are products of the same M's, so

       L' = T(L),  T = H' N(1) ... N(n0 - 1 + k) V(n0)^-1 (H M(1) ... M(n0 - 1))^-1

   (a rational 2x2 matrix, scaled to coprime integers): a proof-carrying Moebius relation between the
   two limits (valid when the known walk converges to a rank-one limit, which its convergence gives, and
   V(N) e_2 stays off the one exceptional direction, which :func:`moebius_of_coboundary` callers confirm
   numerically on the two limits as a sanity check, never as the decision).

The invariants used to pick partners (:func:`coboundary_class`) follow from the equation: the
exponential rate (a_lead^2 / b_lead when deg b = 2 deg a; the excess 2 deg a - deg b otherwise), and
for det: the parity of the multiplicity of each shift class of irreducible factors of b and the
square class of b's leading coefficient (det V(n+1)/det V(n) cancels shift classes, rho^2 contributes
even multiplicities).
"""

from __future__ import annotations

import functools
import itertools

__all__ = ["canonical_key", "fold", "folds", "coboundary", "coboundary_class", "moebius_of_coboundary",
           "COBOUNDARY_DEGREE", "COBOUNDARY_SHIFT", "MAX_SCALARS", "Coboundary", "apply_coboundary",
           "solve_coboundary", "poly_det"]

COBOUNDARY_DEGREE = 4   # degree bound of V's polynomial entries
COBOUNDARY_SHIFT = 2    # |k|: relative shifts of n tried
MAX_SCALARS = 64        # (h1, h2) pairs tried per shift


def _poly(coeffs):
    from flint import fmpz_poly

    return fmpz_poly([int(c) for c in coeffs])


def _coeffs(p) -> tuple[int, ...]:
    out = [int(c) for c in p.coeffs()]
    while out and out[-1] == 0:
        out.pop()
    return tuple(out)


def _shift(p, k: int):
    from flint import fmpz_poly

    return p(fmpz_poly([k, 1])) if (k and p.degree() > 0) else p


def canonical_key(a, b) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The canonical form (sign, deflation, shift, scaling) of the PCF with coefficients a, b."""
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    return PCF(Polynomial(tuple(a)), Polynomial(tuple(b))).canonical()


def fold(a, b, parity: int):
    """The PCF (a', b') of the even (``parity`` 0) or odd (1) contraction of (a, b) (module doc, 2), as
    coefficient tuples, or None when the contracted step matrix has no PCF (a zero off-diagonal)."""
    from flint import fmpz_poly

    A, B = _poly(a), _poly(b)
    k = fmpz_poly([0, 1])

    def M(offset):  # M(2k + offset) as polynomials in k
        arg = 2 * k + offset
        return [[fmpz_poly([0]), B(arg)], [fmpz_poly([1]), A(arg)]]

    left, right = (M(-1), M(0)) if parity == 0 else (M(0), M(1))
    pair = _step_pcf(_mat_mul(left, right))
    return None if pair is None else (_coeffs(pair[0]), _coeffs(pair[1]))


def _step_pcf(S):
    """The deflated PCF (fmpz_poly pair) of a 2x2 polynomial step matrix, or None when it has none."""
    from discover.cf.cmf.unification import pcf_of_trajectory
    from discover.errors import InputError

    try:
        fa, fb = pcf_of_trajectory(S)
    except InputError:
        return None
    if fa.is_zero() or fb.is_zero():
        return None
    return fa, fb


def folds(a, b) -> list[tuple[int, tuple]]:
    """[(parity, canonical key of the fold)] for the even and the odd contraction."""
    out = []
    for parity in (0, 1):
        f = fold(a, b, parity)
        if f is not None:
            try:
                out.append((parity, canonical_key(*f)))
            except (ValueError, ZeroDivisionError):
                continue
    return out


def _shift_class(g) -> tuple[int, ...]:
    """Representative of {g(n + k)}: the shift putting the n^(d-1) coefficient in [0, d |lead|)."""
    d = g.degree()
    c = int(g[d])
    if c < 0:
        g, c = -g, -c
    if d >= 1:
        sub = int(g[d - 1])
        k = -(sub // (d * c))
        g = _shift(g, k)
    return _coeffs(g)


def _squarefree(x: int) -> int:
    from flint import fmpz

    sign = -1 if x < 0 else 1
    out = 1
    for p, e in fmpz(abs(x)).factor():
        if e % 2:
            out *= int(p)
    return sign * out


def coboundary_class(a, b) -> tuple:
    """Invariants of coboundary equivalence (module doc): (rate class, det class)."""
    from fractions import Fraction  # here, not at the top: a look-up that hits never needs it (~10 ms)

    A, B = _poly(a), _poly(b)
    da, db = A.degree(), B.degree()
    if da < 0:
        rate = ("slow",)
    elif 2 * da > db:
        rate = ("super", 2 * da - db)
    elif 2 * da == db:
        rate = ("exp", Fraction(int(A[da]) ** 2, int(B[db])))
    else:
        rate = ("slow",)
    content, factors = B.factor()
    parity: dict = {}
    for g, m in factors:
        if g.degree() >= 1:
            key = _shift_class(g)
            parity[key] = parity.get(key, 0) + m
    odd = tuple(sorted(key for key, m in parity.items() if m % 2))
    return rate, (_squarefree(int(B[db])), odd)


class Coboundary:
    """A solution of V(n) N(n + k) = (h1/h2)(n) M(n) V(n + 1) (module doc, 3): V's entries as coefficient
    tuples, the shift k, the scalar's numerator and denominator."""

    def __init__(self, V, shift, h1, h2):
        from math import gcd

        g = 0
        for row in V:
            for e in row:
                for c in e:
                    g = gcd(g, c)
        if g > 1:  # V and V / g solve the same homogeneous equation
            V = [[tuple(c // g for c in e) for e in row] for row in V]
        self.V, self.shift, self.h1, self.h2 = V, shift, h1, h2

    def to_json(self) -> dict:
        from discover.cf.polynomial import Polynomial

        return {"V": [[str(Polynomial(e)) for e in row] for row in self.V], "shift": self.shift,
                "scalar": f"({Polynomial(self.h1)})/({Polynomial(self.h2)})",
                "equation": "V(n) N(n+shift) = scalar(n) M(n) V(n+1), M, N the companions of the listed and "
                            "the new PCF"}


def _solve(Ma, Mb, Na, Nb, h1, h2, degree: int):
    """Integer nullspace of V -> h2 V N - h1 M V(n+1) over V with entries of degree <= ``degree``
    (M = [[0, Mb], [1, Ma]], N likewise); returns V (2x2 fmpz_poly) with det V != 0, or None."""
    from flint import fmpz_poly

    one, zero = fmpz_poly([1]), fmpz_poly([0])
    return solve_coboundary([[zero, Mb], [one, Ma]], [[zero, Nb], [one, Na]], h1, h2, degree)


def solve_coboundary(M, N, h1, h2, degree: int):
    """V with h2(n) V(n) N(n) = h1(n) M(n) V(n + 1) and det V not identically 0, or None: the k x k
    matrices M, N and the scalars h1, h2 are ``fmpz_poly``; V's entries are integer polynomials of degree
    <= ``degree``. The equation is linear in V's coefficients: its integer nullspace (FLINT
    ``fmpz_mat.nullspace``) is a basis of all solutions, and a few fixed integer combinations of the
    basis are tried for a V with det V != 0 (module doc, 3; shared with :mod:`discover.cf.solve`)."""
    from flint import fmpz_mat, fmpz_poly

    k = len(M)
    zero = fmpz_poly([0])
    n1 = fmpz_poly([1, 1])
    columns = []
    for i, j, p in itertools.product(range(k), range(k), range(degree + 1)):
        e = fmpz_poly([0] * p + [1])
        e1 = e(n1)
        # residual of V = e * E_ij: h2 * (E_ij N) - h1 * (M E_ij(n+1))
        res = [[zero] * k for _ in range(k)]
        for c in range(k):
            res[i][c] += h2 * e * N[j][c]
        for r in range(k):
            res[r][j] -= h1 * M[r][i] * e1
        columns.append(res)
    length = max(max(res[r][c].degree() for r in range(k) for c in range(k)) for res in columns) + 1
    rows = []
    for r, c in itertools.product(range(k), range(k)):
        for power in range(length):
            rows.append([int(col[r][c][power]) if power <= col[r][c].degree() else 0 for col in columns])
    A = fmpz_mat(rows)
    X, nullity = A.nullspace()
    if nullity == 0:
        return None
    basis = [[int(X[r, c]) for r in range(X.nrows())] for c in range(nullity)]
    for weights in [(1,) * nullity] + [tuple((w * 7 + 3) % 5 + 1 for w in range(i, i + nullity))
                                        for i in range(4)]:
        vec = [sum(w * v[t] for w, v in zip(weights, basis)) for t in range(len(basis[0]))]
        V = [[fmpz_poly(vec[(k * i + j) * (degree + 1):(k * i + j + 1) * (degree + 1)]) for j in range(k)]
             for i in range(k)]
        if not poly_det(V).is_zero():
            return V
    return None


def poly_det(V):
    """det of a square matrix of ``fmpz_poly`` (cofactor expansion; k is small)."""
    k = len(V)
    if k == 1:
        return V[0][0]
    if k == 2:
        return V[0][0] * V[1][1] - V[0][1] * V[1][0]
    total = None
    for j in range(k):
        minor = [row[:j] + row[j + 1:] for row in V[1:]]
        term = V[0][j] * poly_det(minor)
        total = term if total is None else (total + term if j % 2 == 0 else total - term)
    return total


def coboundary(known, candidate, degree: int = COBOUNDARY_DEGREE, max_shift: int = COBOUNDARY_SHIFT,
               max_scalars: int = MAX_SCALARS, budget: list | None = None) -> Coboundary | None:
    """A coboundary from the PCF ``known`` = (a, b) to ``candidate`` = (a', b') (module doc, 3), or None
    when there is none within the bounds. ``budget``: a one-element list, the linear systems that may
    still be solved (decremented; shared by the caller's several partners so the work is bounded)."""
    from fractions import Fraction

    from discover.cf.novelty.coboundary_screen import Screen

    Ma, Mb = _poly(known[0]), _poly(known[1])
    Na0, Nb0 = _poly(candidate[0]), _poly(candidate[1])
    shifted = [(k, _shift(Na0, k), _shift(Nb0, k)) for k in _shifts(Mb, Nb0, max_shift)]
    tried = {k: 0 for k, _a, _b in shifted}
    # The modular screen (coboundary_screen.py): a system it proves unsolvable is not built; it still
    # counts against the budget, so the systems solved, and so every decision, are those without it.
    screen = Screen(Ma, Mb, degree)
    for k, Na, Nb in shifted:
        screen.add_shift(k, Na, Nb)
    pools: dict = {}  # shift -> the scalars' factors (_scalar_pool)
    # Simplest scalars first across all shifts: a true coboundary's scalar is a product of few factors.
    for weight in range(5):
        for k, Na, Nb in shifted:
            if k not in pools:
                pools[k] = _scalar_pool(Mb, Nb)
            for h1, h2 in _scalar_pairs(Mb, Nb, weight, pools[k]):
                if Nb.degree() - Mb.degree() != 2 * (h1.degree() - h2.degree()):
                    continue
                tried[k] += 1
                if tried[k] > max_scalars:
                    break
                # The scalar's constant c: c^2 = lead(b') lead(h2)^2 / (lead(b) lead(h1)^2) (determinants).
                c2 = Fraction(int(Nb[Nb.degree()]) * int(h2[h2.degree()]) ** 2,
                              int(Mb[Mb.degree()]) * int(h1[h1.degree()]) ** 2)
                root = _rational_sqrt(abs(c2))
                if root is None:
                    continue
                for sign in (1, -1):
                    if budget is not None:
                        if budget[0] <= 0:
                            return None
                        budget[0] -= 1
                    c = sign * root
                    g1, g2 = h1 * c.numerator, h2 * c.denominator
                    if screen.unsolvable(k, h1, h2, c.numerator, c.denominator):
                        continue
                    V = _solve(Ma, Mb, Na, Nb, g1, g2, degree)
                    if V is not None:
                        return Coboundary([[_coeffs(e) for e in row] for row in V], k, _coeffs(g1), _coeffs(g2))
    return None


def _shifts(Mb, Nb, max_shift: int) -> list[int]:
    """Relative shifts k to try: |k| <= ``max_shift``, and k0 + d (|d| <= ``max_shift``) for every k0 with
    h(n + k0) = +-g(n), g an irreducible factor of b and h one of b' (the factors a coboundary carries)."""
    out = list(range(-max_shift, max_shift + 1))
    _c, fm = Mb.factor()
    _c, fn = Nb.factor()
    for g, _m in fm:
        if g.degree() < 1:
            continue
        for h, _m2 in fn:
            if h.degree() != g.degree():
                continue
            # h(n + k0) = +-g(n): compare the n^(d-1) coefficients (d >= 1): d k0 lead + h_(d-1) = g_(d-1)
            d, lead = h.degree(), int(h[h.degree()])
            sign = 1 if int(g[d]) == lead else -1
            if int(g[d]) != sign * lead:
                continue
            num = sign * int(g[d - 1]) - int(h[d - 1])
            if num % (d * lead):
                continue
            k0 = num // (d * lead)
            if _shift(h, k0) * sign == g:
                out += [k0 + x for x in range(-max_shift, max_shift + 1)]
    seen = []
    for k in sorted(out, key=abs):
        if k not in seen:
            seen.append(k)
    return seen[:4 * max_shift + 5]


def _scalar_pool(Mb, Nb) -> list:
    """The irreducible factors (``fmpz_poly``, positive leading coefficient, each once, in a fixed order)
    of b(n), b(n+-1), b'(n), b'(n+-1) that the scalars are made of."""
    pool: list = []
    for p in (Nb, Mb, _shift(Nb, -1), _shift(Nb, 1), _shift(Mb, 1), _shift(Mb, -1)):
        for key in _positive_factors(_coeffs(p)):
            if key not in pool:
                pool.append(key)
    return [_poly(key) for key in pool]


@functools.lru_cache(maxsize=4096)
def _positive_factors(coeffs: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """The irreducible factors of positive degree of the polynomial ``coeffs``, each with a positive leading
    coefficient, in FLINT's order (remembered: the same b(n +- 1) recurs across shifts and partners)."""
    out = []
    for g, _m in _poly(coeffs).factor()[1]:
        if g.degree() >= 1:
            out.append(_coeffs(g if g[g.degree()] > 0 else -g))
    return tuple(out)


def _scalar_pairs(Mb, Nb, weight: int, pool: list | None = None):
    """(h1, h2): products of ``weight`` irreducible factors of b(n), b(n+-1), b'(n), b'(n+-1) (h1 over h2,
    no factor on both sides): the scalars rho = h1/h2 tried. ``pool``: :func:`_scalar_pool` of (Mb, Nb)
    when the caller has it already (it is the same for every weight)."""
    from flint import fmpz_poly

    if pool is None:
        pool = _scalar_pool(Mb, Nb)
    signed = [(i, 1) for i in range(len(pool))] + [(i, -1) for i in range(len(pool))]
    for combo in itertools.combinations_with_replacement(signed, weight):
        ups = {i for i, e in combo if e > 0}
        if any(i in ups for i, e in combo if e < 0):
            continue
        h1, h2 = fmpz_poly([1]), fmpz_poly([1])
        for i, e in combo:
            if e > 0:
                h1 *= pool[i]
            else:
                h2 *= pool[i]
        yield h1, h2


def _rational_sqrt(x: Fraction) -> Fraction | None:
    from fractions import Fraction
    from math import isqrt

    p, q = x.numerator, x.denominator
    rp, rq = isqrt(p), isqrt(q)
    return Fraction(rp, rq) if rp * rp == p and rq * rq == q else None


def _mat_mul(X, Y):
    return [[X[i][0] * Y[0][j] + X[i][1] * Y[1][j] for j in range(2)] for i in range(2)]


def _companion_at(a, b, n):
    from fractions import Fraction

    from discover.cf.polynomial import Polynomial

    return [[Fraction(0), Fraction(Polynomial(tuple(b))(n))], [Fraction(1), Fraction(Polynomial(tuple(a))(n))]]


def moebius_of_coboundary(known, candidate, cob: Coboundary) -> tuple[int, int, int, int] | None:
    """(t0, t1, t2, t3), coprime integers with L' = (t0 L + t1) / (t2 L + t3) (module doc, 4), or None
    when the relation cannot be anchored (a zero of b among the first steps)."""
    from fractions import Fraction

    from discover.cf.polynomial import Polynomial

    a, b = tuple(known[0]), tuple(known[1])
    a2, b2 = tuple(candidate[0]), tuple(candidate[1])
    k = cob.shift
    V = [[Polynomial(e) for e in row] for row in cob.V]
    h1, h2 = Polynomial(cob.h1), Polynomial(cob.h2)
    B = Polynomial(b)
    bad = set()
    for p in (h1, h2, B, Polynomial(b2).shift(k)):
        if not p.is_zero and p.degree >= 1:
            bad.update(p.integer_roots())
    detV = Polynomial(tuple(int(c) for c in (V[0][0].to_fmpz_poly() * V[1][1].to_fmpz_poly()
                                               - V[0][1].to_fmpz_poly() * V[1][0].to_fmpz_poly()).coeffs()))
    if detV.degree >= 1:
        bad.update(detV.integer_roots())
    elif detV.is_zero:
        return None
    n0 = max([1] + [r + 1 for r in bad])
    n0 = max(n0, 1 - k)
    if n0 > 200:
        return None
    # known side: P_M = H M(1) ... M(n0 - 1)
    PM = [[Fraction(1), Fraction(Polynomial(a)(0))], [Fraction(0), Fraction(1)]]
    for n in range(1, n0):
        PM = _mat_mul(PM, _companion_at(a, b, n))
    PN = [[Fraction(1), Fraction(Polynomial(a2)(0))], [Fraction(0), Fraction(1)]]
    for n in range(1, n0 + k):
        PN = _mat_mul(PN, _companion_at(a2, b2, n))
    Vn = [[Fraction(V[i][j](n0)) for j in range(2)] for i in range(2)]
    det_v = Vn[0][0] * Vn[1][1] - Vn[0][1] * Vn[1][0]
    det_m = PM[0][0] * PM[1][1] - PM[0][1] * PM[1][0]
    if det_v == 0 or det_m == 0:
        return None
    Vinv = [[Vn[1][1] / det_v, -Vn[0][1] / det_v], [-Vn[1][0] / det_v, Vn[0][0] / det_v]]
    PMinv = [[PM[1][1] / det_m, -PM[0][1] / det_m], [-PM[1][0] / det_m, PM[0][0] / det_m]]
    T = _mat_mul(_mat_mul(PN, Vinv), PMinv)
    entries = [T[0][0], T[0][1], T[1][0], T[1][1]]
    from math import gcd, lcm

    den = 1
    for x in entries:
        den = lcm(den, x.denominator)
    ints = [int(x * den) for x in entries]
    g = 0
    for x in ints:
        g = gcd(g, x)
    if g == 0:
        return None
    ints = [x // g for x in ints]
    if ints[0] * ints[3] - ints[1] * ints[2] == 0:
        return None
    return tuple(ints)


def apply_coboundary(a, b, V, shift: int = 0):
    """The PCF of the step matrix V(n)^-1 M(n) V(n+1) up to scalars, i.e. of adj(V(n)) M(n) V(n+1)
    (a polynomial matrix), with M the companion of (a, b): a test helper that makes a coboundary-equivalent
    PCF from a listed one (``V`` 2x2 coefficient tuples), shifted by ``shift``. Returns coefficient tuples
    or None."""
    from flint import fmpz_poly

    A, B = _poly(a), _poly(b)
    M = [[fmpz_poly([0]), B], [fmpz_poly([1]), A]]
    Vp = [[_poly(e) for e in row] for row in V]
    n1 = fmpz_poly([1, 1])
    V1 = [[e(n1) for e in row] for row in Vp]
    adj = [[Vp[1][1], -Vp[0][1]], [-Vp[1][0], Vp[0][0]]]
    pair = _step_pcf(_mat_mul(_mat_mul(adj, M), V1))
    if pair is None:
        return None
    fa, fb = _shift(pair[0], shift), _shift(pair[1], shift)
    return _past_roots(_coeffs(fa), _coeffs(fb))


def _past_roots(a, b):
    """(a, b) shifted so that b(n) != 0 for every n >= 1 (a PCF that does not terminate)."""
    from discover.cf.polynomial import Polynomial

    roots = [r for r in Polynomial(b).integer_roots() if r >= 1] if len(b) > 1 else []
    k = max(roots, default=0)
    if k:
        a, b = _coeffs(_shift(_poly(a), k)), _coeffs(_shift(_poly(b), k))
    return a, b
