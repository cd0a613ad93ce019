"""Walks in a CMF along a trajectory: the one-step matrix as integer polynomials in n, the exact walk,
its limit, digits, delta and identification.

Definition. For a direction t in Z^d (the trajectory) and a start s, the *trajectory matrix* is the
product of the axis matrices along one step from p(n) = s + n t to p(n + 1):

    S(n) = prod over axes i (in order), |t_i| times:  M_i(q)   then q += e_i       (t_i > 0)
                                                     M_i(q - e_i)^(-1), q -= e_i (t_i < 0)

starting from q = p(n). By conservativity the order does not matter. Scalar factors are irrelevant to
the limit (a projective quantity), so each factor is taken with its denominators cleared (M_i(q)
times the lcm of its entry denominators; the inverse as the adjugate), and the final polynomial matrix
is divided by the gcd of its entries. S(n) then has integer polynomial entries in n (FLINT
``fmpz_poly``), and the walk of depth N,

    W_N = S(0) S(1) ... S(N - 1),

is computed exactly by :func:`discover.cf.walk.walk` (baby-step/giant-step and binary splitting).
The limit is L = lim W_N[0, k-1] / W_N[1, k-1] (the convention of PCFs and of ramanujantools).

Digits: the error of x_N = p_N / q_N is estimated from the exact x_N, x_{N-1}, x_{N-2} as in
:mod:`discover.cf.pcf` (geometric model when the ratio r of the last differences is <= 1/2, the larger
of the geometric and power-law models otherwise). delta = -1 - log|L - p/q| / log q with p/q reduced and
L the identified closed form at high precision.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from discover.cf.cmf.field import CMF
from discover.errors import InputError

__all__ = ["trajectory_matrix", "WalkEvaluation", "walk_limit", "identify_walk", "parse_point",
           "is_rational_identification"]


def parse_point(text, dim: int, what: str) -> tuple[int, ...]:
    """'1,1' -> (1, 1) with ``dim`` coordinates; InputError naming ``what`` otherwise."""
    if isinstance(text, (tuple, list)):
        vals = tuple(text)
    else:
        try:
            vals = tuple(int(v) for v in str(text).replace(" ", "").split(","))
        except ValueError:
            raise InputError(f"{what} {text!r}: expected {dim} integers separated by commas") from None
    if len(vals) != dim or not all(isinstance(v, int) for v in vals):
        raise InputError(f"{what} {text!r}: expected {dim} integers separated by commas")
    return vals


@lru_cache(maxsize=32)
def _axis_polys(cmf: CMF):
    """Per axis: the entries as (numerator, denominator) sympy Polys over QQ in the axes."""
    import sympy

    syms = cmf.symbols()
    out = []
    for M in cmf.sympy_matrices():
        entries = []
        for r in range(M.rows):
            for c in range(M.cols):
                num, den = sympy.fraction(sympy.cancel(sympy.together(M[r, c])))
                entries.append((sympy.Poly(num, *syms, domain="QQ"), sympy.Poly(den, *syms, domain="QQ")))
        out.append(entries)
    return tuple(out)


def _factor_on_line(entries, k: int, base, direction, where: str):
    """The axis matrix on the line base + n direction, times the lcm of its denominators there: a k x k
    list of ``fmpq_poly`` in n. InputError when a denominator vanishes on the whole line."""
    nums, dens = [], []
    for num, den in entries:
        d = _subs_line(den, base, direction)
        if d.is_zero():
            raise _Singular(f"{where}: the matrix is undefined on the whole line (a denominator vanishes)")
        nn = _subs_line(num, base, direction)
        g = nn.gcd(d) if not nn.is_zero() else d
        nums.append(nn / g if not nn.is_zero() else nn)
        dens.append(d / g)
    lcm = dens[0]
    for d in dens[1:]:
        lcm = lcm * d / lcm.gcd(d)
    return [[nums[r * k + c] * (lcm / dens[r * k + c]) for c in range(k)] for r in range(k)]


def _subs_line(poly, base: Sequence[int], direction: Sequence[int]):
    """poly(base + n direction) as an ``fmpq_poly`` in n (poly a sympy Poly in the axes)."""
    from flint import fmpq, fmpq_poly

    lines = [fmpq_poly([int(b), int(t)]) for b, t in zip(base, direction)]
    acc = fmpq_poly([0])
    for monom, coeff in poly.terms():
        term = fmpq_poly([fmpq(int(coeff.p), int(coeff.q))])
        for e, line in zip(monom, lines):
            if e:
                term *= line**e
        acc += term
    return acc


def _matmul(A, B):
    k = len(A)
    return [[sum((A[i][t] * B[t][j] for t in range(1, k)), A[i][0] * B[0][j]) for j in range(k)] for i in range(k)]


def _adjugate(A):
    """adj(A) for a small square matrix of polynomials (cofactor expansion)."""
    k = len(A)
    if k == 1:
        return [[A[0][0].__class__([1])]]

    def minor(M, r, c):
        return [row[:c] + row[c + 1:] for i, row in enumerate(M) if i != r]

    def det(M):
        if len(M) == 1:
            return M[0][0]
        if len(M) == 2:
            return M[0][0] * M[1][1] - M[0][1] * M[1][0]
        acc = None
        for c in range(len(M)):
            term = M[0][c] * det(minor(M, 0, c))
            if c % 2:
                term = -term
            acc = term if acc is None else acc + term
        return acc

    return [[(det(minor(A, c, r)) if (r + c) % 2 == 0 else -det(minor(A, c, r))) for c in range(k)] for r in range(k)]


def trajectory_matrix(cmf: CMF, trajectory: Sequence[int], start: Sequence[int]):
    """S(n) (see the module doc) as a k x k list of ``fmpz_poly`` in n, divided by the gcd of its
    entries. The axes are taken in their order, or in the first other order whose path avoids a
    hyperplane where a matrix is undefined (conservativity makes every order equivalent). Raises
    InputError when the trajectory is zero or every order is singular."""
    t = tuple(int(v) for v in trajectory)
    s = tuple(int(v) for v in start)
    if len(t) != cmf.dim or len(s) != cmf.dim:
        raise InputError(f"CMF {cmf.name}: trajectory and start need {cmf.dim} coordinates")
    if not any(t):
        raise InputError("trajectory: must not be the zero vector")
    import itertools

    error = None
    for order in itertools.permutations(range(cmf.dim)):
        if any(t[i] == 0 for i in order[:-1]) and list(order) != sorted(order):
            continue
        try:
            result = _step_product(cmf, t, s, order)
            break
        except _Singular as exc:
            error = exc
    else:
        raise InputError(str(error))
    return _normalise(cmf, result, t, s)


class _Singular(InputError):
    pass


def _step_product(cmf: CMF, t, s, order):
    """The product of the axis matrices along one step, axes taken in ``order`` (fmpq_poly entries)."""
    axes = _axis_polys(cmf)
    k = cmf.rank
    result = None
    offset = [0] * cmf.dim
    for i in order:
        entries = axes[i]
        for _ in range(abs(t[i])):
            if t[i] < 0:
                offset[i] -= 1
            base = [s[a] + offset[a] for a in range(cmf.dim)]
            F = _factor_on_line(entries, k, base, t, f"CMF {cmf.name} along {t} from {s}")
            if t[i] < 0:
                F = _adjugate(F)
            else:
                offset[i] += 1
            result = F if result is None else _matmul(result, F)
    return result


def _normalise(cmf: CMF, result, t, s):
    """Integer coefficients, divided by the gcd of all entries, last diagonal entry positive."""
    from flint import fmpz_poly

    k = cmf.rank
    # clear rational coefficients, then divide by the gcd of all entries
    den = 1
    for row in result:
        for e in row:
            q = int(e.denom())
            den = den * q // math.gcd(den, q)
    ints = [[fmpz_poly([int(c * den) for c in e.coeffs()]) for e in row] for row in result]
    g = None
    for row in ints:
        for e in row:
            if not e.is_zero():
                g = e if g is None else g.gcd(e)
    if g is None:
        raise InputError(f"CMF {cmf.name}: the trajectory matrix vanishes identically along {t} from {s}")
    if g.degree() > 0 or abs(int(g[0])) > 1:
        ints = [[e // g if not e.is_zero() else e for e in row] for row in ints]
    if int(ints[k - 1][k - 1].leading_coefficient() if not ints[k - 1][k - 1].is_zero() else 1) < 0:
        ints = [[-e for e in row] for row in ints]
    return ints


@dataclass(frozen=True)
class WalkEvaluation:
    """A walk of ``depth`` steps: the exact p, q (last column, rows 0 and 1), the value, the estimated
    significant digits, the digits gained per step and the time taken."""

    cmf: str
    trajectory: tuple[int, ...]
    start: tuple[int, ...]
    depth: int
    p: object
    q: object
    value: object
    digits: float
    rate: float
    seconds: float
    matrix: tuple

    def value_text(self, digits: float | None = None) -> str:
        import mpmath

        d = max(1, int(min(self.digits if digits is None else digits, 10000)))
        with mpmath.workdps(d + 10):
            return mpmath.nstr(self.value, d)


def _log10_abs(v) -> float:
    v = abs(int(v))
    if v == 0:
        return float("-inf")
    b = v.bit_length()
    if b < 1000:
        return math.log10(v)
    return math.log10(v >> (b - 64)) + (b - 64) * math.log10(2)


def walk_limit(cmf: CMF, trajectory: Sequence[int], start: Sequence[int], depth: int,
               matrix=None) -> WalkEvaluation:
    """Walk ``depth`` steps (see module doc) and estimate the limit and its digits."""
    import mpmath
    from flint import fmpz_mat

    from discover.cf.walk import evaluate, walk

    if depth < 4:
        raise InputError(f"--depth {depth}: must be at least 4")
    t0 = time.perf_counter()
    S = matrix if matrix is not None else trajectory_matrix(cmf, trajectory, start)
    k = len(S)
    W2 = walk(S, 0, depth - 3)
    W1 = W2 * evaluate(S, depth - 2)
    W = W1 * evaluate(S, depth - 1)
    p, q = W[0, k - 1], W[1, k - 1]
    if q == 0:
        raise InputError(f"CMF {cmf.name}: the walk along {tuple(trajectory)} from {tuple(start)} "
                         f"has q = 0 at depth {depth} (a singular start?)")
    log_q = _log10_abs(q)
    prec = int(max(60, min(2 * log_q + 40, 200000)))
    with mpmath.workdps(prec):
        def ratio(M):
            if M[1, k - 1] == 0:
                return None
            return mpmath.mpf(int(M[0, k - 1])) / mpmath.mpf(int(M[1, k - 1]))

        x0, x1, x2 = ratio(W), ratio(W1), ratio(W2)
        rate = 0.0
        if x1 is None or x2 is None:
            err = abs(x0) if x0 != 0 else mpmath.mpf(1)
        else:
            d1, d2 = abs(x0 - x1), abs(x1 - x2)
            if d1 == 0:
                err = mpmath.mpf(10) ** (-prec + 10)
            elif d2 == 0 or d1 >= d2:
                err = max(d1, d2)
            else:
                r = d1 / d2
                err = d1 * r / (1 - r)
                if r > 0.5:
                    sexp = depth * (1 - r) - 1
                    err = max(err, d1 * depth / sexp if sexp > 0 else d1 * depth)
                with mpmath.workdps(20):
                    rate = float(-mpmath.log10(+r))
        scale = abs(x0) if x0 != 0 else mpmath.mpf(1)
        with mpmath.workdps(20):
            digits = float(-mpmath.log10(+(err / scale)))
        digits = max(0.0, min(digits, prec - 20))
        value = +x0
    return WalkEvaluation(cmf.name, tuple(trajectory), tuple(start), depth, p, q, value, digits, rate,
                          time.perf_counter() - t0, tuple(tuple(e for e in row) for row in S))


def identify_walk(ev: WalkEvaluation, constants: Sequence[str], max_identify_digits: int = 120):
    """Identify the limit against ``constants`` (Moebius forms of each, linear and Moebius forms of all;
    see :mod:`discover.cf.identify`) using at most ``max_identify_digits`` digits, then check the form
    against the limit to all of its digits. Returns (identification, agreement digits, delta) or None."""
    import mpmath
    from flint import fmpz

    from discover.cf.constants import parse_constants
    from discover.cf.identify import identify, mobius_value

    if ev.digits < 8:
        return None
    consts = parse_constants(list(constants))
    D = min(ev.digits, float(max_identify_digits))
    with mpmath.workdps(int(D) + 10):
        ident = identify(+ev.value, D, consts)
    if ident is None:
        return None
    by_name = {c.name: c for c in consts}
    used = [by_name[n] for n in ident.constants]
    work = int(2 * ev.digits + 30)
    with mpmath.workdps(work):
        vals = [c.value(work) for c in used]
        L = mobius_value(ident.numerator, ident.denominator, vals)
        p, q = fmpz(ev.p), fmpz(ev.q)
        g = p.gcd(q)
        pr, qr = p // g, q // g
        x = mpmath.mpf(int(pr)) / mpmath.mpf(int(qr))
        diff = abs(x - L)
        scale = abs(L) if L != 0 else mpmath.mpf(1)
    with mpmath.workdps(30):
        if diff == 0:
            agree = float(work)
            delta = float("inf")
        else:
            agree = float(-mpmath.log10(+(diff / scale)))
            lq = _log10_abs(qr)
            delta = -1.0 - float(mpmath.log10(+diff)) / lq if lq > 0 else float("nan")
    return ident, agree, delta, L


def is_rational_identification(ident) -> bool:
    """True when the identified form is a rational number (kind ``rational``, or a Moebius form whose
    constant cancels, e.g. (-2 - 2C)/(1 + C))."""
    if ident.kind == "rational":
        return True
    import sympy

    from discover.cf.constants import sympy_locals

    try:
        return bool(sympy.sympify(ident.closed_form, locals=sympy_locals()).is_Rational)
    except (sympy.SympifyError, TypeError):
        return False
