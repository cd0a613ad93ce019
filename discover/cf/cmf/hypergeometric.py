"""The hypergeometric CMFs pFq(p, q, z) for any p, q and rational z, and what their walks converge to.

Definition. F(a; b; z) = pFq(a_1..a_p; b_1..b_q; z) = sum_n (a_1)_n ... (a_p)_n / ((b_1)_n ... (b_q)_n)
z^n / n!, and theta = z d/dz. F satisfies the differential equation (DLMF 16.8.3)

    theta prod_j (theta + b_j - 1) F = z prod_i (theta + a_i) F,

a polynomial P(theta) F = 0 of degree r = max(p, q + 1) in theta; when p = q + 1 and z = 1 the leading
coefficient 1 - z vanishes and r = p - 1 (the equation read in the quotient ring Q(a, b)[theta]/(P),
as ramanujantools does). With T the companion matrix of the monic P (superdiagonal ones, last row the
negated coefficients) the state vector v = (F, theta F, ..., theta^(r-1) F) obeys the contiguous
relations (DLMF 16.3.7-16.3.8: theta F = a_i (F(a_i + 1) - F) = (b_j - 1)(F(b_j - 1) - F))

    v(a + e_i) = (I + T / a_i) v(a),          v(b + e_j) = (I + T(b + e_j) / b_j)^(-1) v(b).

Shifts in different parameters commute, so the transposed matrices M_i = (I + T/a_i)^T,
M_j = ((I + T(b + e_j)/b_j)^(-1))^T form a CMF whose axes are the parameters (x0..x{p-1} upper,
y0..y{q-1} lower, the names ramanujantools uses): a walk multiplies row vectors, v(s + N t)^T =
v(s)^T W_N.

Limits. If v(s + N t) grows slower than W_N (the walk picks the minimal solution) then
v(s)^T W_N[:, j] = o(|W_N|) for every column j: the columns of the walk tend to the hyperplane
orthogonal to v(s). For a rank-2 field this fixes the limit: W[0,1]/W[1,1] -> -v_1(s)/v_0(s) =
-theta F/F(s) (:func:`predicted_limit`); for any rank, :func:`column_residual` measures v(s) . W_N[:, k-1]
(measured: about 10^-90 at 90 digits for 3F2 at z = -1 and 1/2, 4F3 at z = 1 and 3F3, even where the
limit itself has converged to a few digits only). The state vector at the start is computed
independently of the walk: F at the start and at the start shifted along one axis e (k values
F(s + j e), j < k, with mpmath's ``hyper``), related to v(s) by the exact matrices M_e
(v(s + j e)^T = v(s)^T M_e(s) ... M_e(s + (j - 1) e), whose first columns give k linear equations for
v(s)). A lower parameter is shifted when there is one (it keeps the series convergent at z = 1).
Meijer-G fields (:mod:`discover.cf.cmf.meijer`) use the same state vector with mpmath's ``meijerg``;
their contiguous matrices reproduce ``meijerg`` along every axis (tested), but the walks tried so far
converge along another solution, so no walk check is made for them.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

from discover.errors import InputError

__all__ = ["hypergeometric", "pfq_cmf", "parse_family_args", "state_vector", "predicted_limit",
           "start_ratios", "column_residual", "MAX_PFQ_ORDER"]

# p and q of a pFq field: the rank is max(p, q + 1) and matrices are at most MAX_CMF_RANK square.
MAX_PFQ_ORDER = 5


def _rational(v, what: str):
    import sympy

    try:
        q = Fraction(str(v).strip())
    except (ValueError, ZeroDivisionError):
        raise InputError(f"{what}: {v!r} is not a rational number such as 1 or -1/2") from None
    return sympy.Rational(q.numerator, q.denominator)


def companion(poly, t):
    """(T, r): the companion matrix of the monic ``poly`` in ``t`` (degree r; superdiagonal ones, last row
    the negated coefficients c_0/c_r .. c_(r-1)/c_r), so that theta v = T v for v = (F, ..., theta^(r-1) F)."""
    import sympy

    coeffs = sympy.Poly(sympy.expand(poly), t).all_coeffs()[::-1]  # c_0 .. c_r
    r = len(coeffs) - 1
    T = sympy.zeros(r, r)
    for i in range(r - 1):
        T[i, i + 1] = 1
    for j in range(r):
        T[r - 1, j] = sympy.cancel(-coeffs[j] / coeffs[r])
    return T, r


def hypergeometric(upper: Sequence, lower: Sequence, z, name: str | None = None, constants=(),
                   factored: bool = False):
    """The CMF of pFq(upper; lower; z) whose axes are the parameters given as names.

    ``upper`` and ``lower`` mix axis names (``"x0"``) and fixed rational numbers; ``z`` is a rational
    number other than 0 (z = 1 with p = q + 1 lowers the rank by one). The matrices are those of the
    module doc. ``factored``: entries written factored by sympy (slower; the library's 2F1 and 3F2 keep
    the texts, hence the record keys, they always had)."""
    import sympy

    from discover.cf.cmf.field import CMF, MAX_CMF_RANK

    p, q = len(upper), len(lower)
    zq = _rational(z, "hypergeometric CMF: z")
    if zq == 0:
        raise InputError("hypergeometric CMF: z must not be 0")
    if p > MAX_PFQ_ORDER or q > MAX_PFQ_ORDER:
        raise InputError(f"hypergeometric CMF: p = {p}, q = {q}; at most {MAX_PFQ_ORDER} each")

    def param(v):
        if isinstance(v, str) and v.isidentifier():
            return sympy.Symbol(v)
        return _rational(v, "hypergeometric CMF: a parameter")

    As = [param(v) for v in upper]
    Bs = [param(v) for v in lower]
    axes = [str(v) for v in As + Bs if isinstance(v, sympy.Symbol)]
    if not axes:
        raise InputError("hypergeometric CMF: give at least one parameter as an axis name")
    if len(set(axes)) != len(axes):
        raise InputError("hypergeometric CMF: a parameter name is repeated")
    text = _matrices_in_fraction_field(As, Bs, zq, axes, MAX_CMF_RANK, f"{p}F{q} at z = {zq}", factored)
    tag = name or f"{p}F{q}"
    fmt = lambda vs: ", ".join(map(str, vs))  # noqa: E731
    notes = {"family": "pFq", "upper": [str(a) for a in As], "lower": [str(b) for b in Bs], "z": str(zq)}
    return CMF(
        name=tag, axes=tuple(axes), matrices=text, constants=tuple(constants),
        source="contiguous relations of the hypergeometric function (DLMF 16.3, 16.8; theta-operator "
               "companion matrix)",
        description=f"{p}F{q}({fmt(As)}; {fmt(Bs)}; {zq})", default_start=None, notes=notes,
    )


def _matrices_in_fraction_field(As, Bs, z, axes, max_rank: int, label: str, factored: bool = False) -> tuple:
    """The CMF matrices of the module doc as entry texts, computed in the field Q(axes) (sympy's sparse
    rational functions and ``DomainMatrix``: no symbolic simplification, which took seconds per field).
    P(theta) = theta prod (theta + b - 1) - z prod (theta + a) is expanded coefficient by coefficient."""
    import sympy
    from sympy.polys.domains import QQ
    from sympy.polys.matrices import DomainMatrix

    K = QQ.frac_field(*[sympy.Symbol(a) for a in axes])
    conv = lambda v: K.from_sympy(sympy.sympify(v))  # noqa: E731

    def poly_mul(f, g):  # coefficient lists, lowest degree first
        out = [K.zero] * (len(f) + len(g) - 1)
        for i, fi in enumerate(f):
            for j, gj in enumerate(g):
                out[i + j] += fi * gj
        return out

    def companion(lowers):
        lhs = [K.zero, K.one]
        for b in lowers:
            lhs = poly_mul(lhs, [b - K.one, K.one])
        rhs = [conv(z)]
        for a in A:
            rhs = poly_mul(rhs, [a, K.one])
        n = max(len(lhs), len(rhs))
        coeffs = [(lhs[i] if i < len(lhs) else K.zero) - (rhs[i] if i < len(rhs) else K.zero) for i in range(n)]
        while coeffs and coeffs[-1] == K.zero:
            coeffs.pop()
        r = len(coeffs) - 1
        if not 2 <= r <= max_rank:
            raise InputError(f"hypergeometric CMF {label}: rank {r}; a CMF needs 2 x 2 to {max_rank} x {max_rank} "
                             "matrices (1F0 and 2F1 at z = 1 are rank 1: closed forms by the binomial theorem and "
                             "Gauss)")
        rows = [[K.zero] * r for _ in range(r)]
        for i in range(r - 1):
            rows[i][i + 1] = K.one
        for j in range(r):
            rows[r - 1][j] = -coeffs[j] / coeffs[r]
        return rows, r

    A = [conv(a) for a in As]
    B = [conv(b) for b in Bs]
    T, r = companion(B)
    eye = [[K.one if i == j else K.zero for j in range(r)] for i in range(r)]
    mats = []
    for a_sym, a in zip(As, A):
        if isinstance(a_sym, sympy.Symbol):
            mats.append([[eye[j][i] + T[j][i] / a for j in range(r)] for i in range(r)])  # (I + T/a)^T
    for idx, (b_sym, b) in enumerate(zip(Bs, B)):
        if isinstance(b_sym, sympy.Symbol):
            shifted = B[:idx] + [b + K.one] + B[idx + 1:]
            Tb, _ = companion(shifted)
            D = DomainMatrix([[eye[i][j] + Tb[i][j] / b for j in range(r)] for i in range(r)], (r, r), K)
            inv = D.inv().to_ddm()
            mats.append([[inv[j][i] for j in range(r)] for i in range(r)])  # ((I + T(b+1)/b)^-1)^T
    if factored:
        show = lambda e: sympy.sstr(sympy.factor(K.to_sympy(e)))  # noqa: E731
    else:
        show = str
    return tuple(tuple(tuple(show(e) for e in row) for row in M) for M in mats)


def parse_family_args(text: str, count: int, what: str) -> list[str]:
    """'3,2,1/2' -> ['3', '2', '1/2'] (exactly ``count`` parts)."""
    parts = [s.strip() for s in str(text).split(",")]
    if len(parts) != count or not all(parts) or len(text) > 200:
        raise InputError(f"{what}: expected {count} values separated by commas")
    return parts


def pfq_cmf(p: int, q: int, z) -> "object":
    """pFq(p, q, z): every parameter an axis (x0..x{p-1}, y0..y{q-1}), named ``pFq:p,q,z``."""
    if not (0 <= p <= MAX_PFQ_ORDER and 0 <= q <= MAX_PFQ_ORDER):
        raise InputError(f"CMF pFq:{p},{q},{z}: p and q must be between 0 and {MAX_PFQ_ORDER}")
    zq = _rational(z, f"CMF pFq:{p},{q},{z}: z")
    name = f"pFq:{p},{q},{zq}"
    return hypergeometric([f"x{i}" for i in range(p)], [f"y{j}" for j in range(q)], zq, name=name)


def _param_values(cmf, start) -> tuple[list, list, object]:
    """(upper, lower, z) as Fractions at the start point (axes read from the start, numbers fixed)."""
    notes = cmf.notes
    at = dict(zip(cmf.axes, (Fraction(v) for v in start)))
    ups = [at[a] if a in at else Fraction(a) for a in notes["upper"]]
    lows = [at[b] if b in at else Fraction(b) for b in notes["lower"]]
    return ups, lows, Fraction(notes["z"])


def _shift_axis(cmf) -> int:
    """The axis the state vector is recovered along: the first lower parameter, else the first upper
    (Meijer G: the first b, whose step matrix needs no inverse)."""
    if cmf.notes.get("family") == "meijerg":
        return cmf.notes["p"]
    lows = [i for i, a in enumerate(cmf.axes) if a in cmf.notes["lower"]]
    return lows[0] if lows else 0


def _meijer_value(cmf, point, dps: int):
    """G^{m,n}_{p,q}(a; b | z) at a point (mpmath ``meijerg``); None when it cannot be evaluated."""
    import mpmath

    nt = cmf.notes
    m, n, p = nt["m"], nt["n"], nt["p"]
    vals = [mpmath.mpf(Fraction(v).numerator) / Fraction(v).denominator for v in point]
    a, b = vals[:p], vals[p:]
    z = Fraction(nt["z"])
    with mpmath.workdps(dps):
        try:
            v = mpmath.meijerg([a[:n], a[n:]], [b[:m], b[m:]], mpmath.mpf(z.numerator) / z.denominator)
        except (ValueError, ZeroDivisionError, mpmath.libmp.NoConvergence):
            return None
    return _real_value(v, dps)


def _function_value(cmf, point, dps: int):
    """F at a point (mpmath ``hyper`` at ``dps`` digits); None when the series diverges there."""
    import mpmath

    ups, lows, z = _param_values(cmf, point)
    if any(b.denominator == 1 and b <= 0 for b in lows):
        return None
    p, q = len(ups), len(lows)
    if p > q + 1 or (p == q + 1 and abs(z) == 1 and sum(lows) - sum(ups) <= (0 if z == 1 else -1)):
        return None
    with mpmath.workdps(dps):
        try:
            v = mpmath.hyper([mpmath.mpf(a.numerator) / a.denominator for a in ups],
                             [mpmath.mpf(b.numerator) / b.denominator for b in lows],
                             mpmath.mpf(z.numerator) / z.denominator, maxterms=10**6)
        except (ValueError, ZeroDivisionError, mpmath.libmp.NoConvergence):
            return None
    return _real_value(v, dps)


def state_vector(cmf, start, dps: int, direction=None, value=None):
    """v(s) = (F, theta F, ..., theta^(k-1) F) at the start, from F(s + j e), j < k, and the exact axis
    matrices along e (module doc); None when a value diverges or the linear system is singular.
    ``direction`` (a lattice vector, default the unit step of :func:`_shift_axis`) and ``value`` (point ->
    F as an mpf, default mpmath's ``hyper``) let a caller supply closed-form values (Gauss, Kummer)."""
    import mpmath

    from discover.cf.cmf.trajectory import step_matrix_at

    if value is None:
        family = cmf.notes.get("family")
        if family == "pFq":
            value = lambda pt: _function_value(cmf, pt, dps)  # noqa: E731
        elif family == "meijerg":
            value = lambda pt: _meijer_value(cmf, pt, dps)  # noqa: E731
        else:
            return None
    k = cmf.rank
    if direction is None:
        direction = tuple(int(i == _shift_axis(cmf)) for i in range(cmf.dim))
    point = [Fraction(v) for v in start]
    values, cols = [], []
    P = [[Fraction(int(i == j)) for j in range(k)] for i in range(k)]
    for j in range(k):
        f = value(tuple(point))
        if f is None:
            return None
        values.append(f)
        cols.append([P[i][0] for i in range(k)])  # F(s + j e) = sum_i v_i(s) P[i][0]
        if j == k - 1:
            break
        M = step_matrix_at(cmf, direction, point)
        if M is None:
            return None
        P = [[sum(P[i][t] * M[t][c] for t in range(k)) for c in range(k)] for i in range(k)]
        point = [a + b for a, b in zip(point, direction)]
    with mpmath.workdps(dps):
        A = mpmath.matrix([[mpmath.mpf(c.numerator) / c.denominator for c in col] for col in cols])
        try:
            v = mpmath.lu_solve(A, mpmath.matrix(values))
        except ZeroDivisionError:
            return None
        return [v[i] for i in range(k)]


def predicted_limit(cmf, start, dps: int):
    """-v_1(s) / v_0(s) for a rank-2 hypergeometric field (the limit of a walk that picks the minimal
    solution, module doc), at ``dps`` digits; None when it cannot be computed."""
    import mpmath

    if cmf.rank != 2:
        return None
    v = state_vector(cmf, start, dps + 10)
    if v is None or v[0] == 0:
        return None
    with mpmath.workdps(dps):
        return -v[1] / v[0]


def start_ratios(cmf, start, dps: int):
    """v_j(s) / v_0(s), j = 1..k-1 (None when they cannot be computed)."""
    import mpmath

    v = state_vector(cmf, start, dps + 10)
    if v is None or v[0] == 0:
        return None
    with mpmath.workdps(dps):
        return [v[j] / v[0] for j in range(1, len(v))]


def function_text(cmf, start) -> str:
    """pFq(a; b; z) (or G^{m,n}_{p,q}(a; b | z)) at the start, as text."""
    if cmf.notes.get("family") == "meijerg":
        nt = cmf.notes
        pts = [str(v) for v in start]
        return (f"G^{nt['m']},{nt['n']}_{nt['p']},{nt['q']}({', '.join(pts[:nt['p']])}; "
                f"{', '.join(pts[nt['p']:])} | {nt['z']})")
    ups, lows, z = _param_values(cmf, start)
    f = lambda vs: ", ".join(str(v) for v in vs)  # noqa: E731
    return f"{len(ups)}F{len(lows)}({f(ups)}; {f(lows)}; {z})"


def column_residual(cmf, start, column, dps: int):
    """How far the walk's last column c = W_N[:, k-1] is from the hyperplane v(s)^T c = 0 (the module
    doc: v(s)^T W_N = v(s + N t)^T is small against W_N when the walk picks the minimal solution):
    |v . c| / max_i |v_i c_i|, at ``dps`` digits; None when v(s) cannot be computed. For k = 2 this is
    the agreement of W[0,1]/W[1,1] with -v_1/v_0."""
    import mpmath

    v = state_vector(cmf, start, dps + 10)
    if v is None:
        return None
    with mpmath.workdps(dps + 10):
        terms = [v[i] * mpmath.mpf(int(column[i])) for i in range(len(v))]
        scale = max(abs(t) for t in terms)
        if scale == 0:
            return None
        return abs(mpmath.fsum(terms)) / scale


def _real_value(v, dps: int):
    """A function value as a real mpf: None when it is complex beyond rounding (at ``dps`` digits) or not
    finite."""
    import mpmath

    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > mpmath.mpf(10) ** (-dps + 5) * max(1, abs(v.real)):
            return None
        v = v.real
    return v if mpmath.isfinite(v) else None
