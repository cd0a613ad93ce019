"""Walks in a CMF along a trajectory: the one-step matrix as integer polynomials in n, the exact walk,
its limit, digits, delta and identification.

Definition. For a direction t in Z^d (the trajectory) and a start s, the *trajectory matrix* is the
product of the axis matrices along one step from p(n) = s + n t to p(n + 1):

    S(n) = prod over axes i (in order), |t_i| times:  M_i(q)   then q += e_i       (t_i > 0)
                                                     M_i(q - e_i)^(-1), q -= e_i (t_i < 0)

starting from q = p(n). By conservativity the order does not matter. Scalar factors are irrelevant to
the limit (a projective quantity), so each factor is taken with its denominators cleared (M_i(q)
times the lcm of its entry denominators; the inverse as the adjugate), and the final polynomial matrix
is divided by the gcd of its entries. The entries are evaluated on the line directly with FLINT
polynomials (:mod:`discover.cf.cmf.ratfunc`; no sympy here); when a matrix is undefined on the whole
line for the axis order given, the other orders are tried. S(n) then has integer polynomial entries in
n (FLINT ``fmpz_poly``), and the walk of depth N,

    W_N = S(0) S(1) ... S(N - 1),

is computed exactly by :func:`discover.cf.walk.walk` (baby-step/giant-step and binary splitting).
The limit is L = lim W_N[0, k-1] / W_N[1, k-1] (the convention of PCFs and of ramanujantools).

Digits: the error of x_N = p_N / q_N is estimated from the exact differences x_N - x_{N-1} and
x_{N-1} - x_{N-2} (their logarithms and signs read off the integers p q' - p' q and q q') by the one
error model of convergents, :mod:`discover.cf.convergence`. delta = -1 - log|L - p/q| / log q with p/q reduced and
L the identified closed form at high precision.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from discover.cf.cmf.field import CMF
from discover.cf.cmf.ratfunc import LineSingular
from discover.cf.limits import MAX_VERIFY_DIGITS
from discover.errors import InputError
from discover.cf.bigint import log10_abs
from discover.cf.convergence import estimate_error

__all__ = ["primitive_trajectories", "trajectory_matrix", "WalkEvaluation", "walk_limit", "identify_walk", "parse_point",
           "is_rational_identification", "looks_rational"]


def primitive_trajectories(dim: int, max_step: int, negative: bool = False) -> list[tuple[int, ...]]:
    """Every non-zero integer direction with coordinates in [0, K] ([-K, K] with ``negative``) and gcd 1,
    ordered by L1 length then lexicographically."""
    lo = -max_step if negative else 0
    out = []
    for t in itertools.product(range(lo, max_step + 1), repeat=dim):
        if not any(t):
            continue
        g = 0
        for v in t:
            g = math.gcd(g, v)
        if g == 1:
            out.append(t)
    out.sort(key=lambda t: (sum(abs(v) for v in t), tuple(-v for v in t)))
    return out


def parse_point(text, dim: int, what: str, rational: bool = False) -> tuple:
    """'1,1' -> (1, 1) with ``dim`` coordinates; InputError naming ``what`` otherwise. With ``rational``
    a coordinate may be a fraction ('1/2,1'): integers stay ``int``, fractions become their text
    ``'1/2'`` (JSON-ready; :func:`point_values` reads them)."""
    kind = "rational numbers (such as 1/2)" if rational else "integers"
    if isinstance(text, (tuple, list)):
        vals = tuple(text)
    else:
        try:
            parts = str(text).replace(" ", "").split(",") if len(str(text)) < 1000 else []
            if rational:
                from discover.cf.cmf.parametric import fraction_text

                fr = [Fraction(v) for v in parts if "/" not in v or v.split("/")[1].strip("0")]
                if len(fr) != len(parts) or any(len(v) > 62 for v in parts):
                    raise ValueError
                vals = tuple(int(v) if v.denominator == 1 else fraction_text(v) for v in fr)
            else:
                vals = tuple(int(v) for v in parts)
        except (ValueError, ZeroDivisionError):
            raise InputError(f"{what} {text!r}: expected {dim} {kind} separated by commas") from None
    if len(vals) != dim or not all(isinstance(v, int) or (rational and isinstance(v, str)) for v in vals):
        raise InputError(f"{what} {text!r}: expected {dim} {kind} separated by commas")
    return vals


def point_values(point) -> tuple[Fraction, ...]:
    """A point's coordinates (ints or fraction texts) as Fractions."""
    return tuple(Fraction(v) for v in point)


def _compiled(cmf: CMF):
    """Per axis: the entries (row by row) compiled for evaluation on lines (see :mod:`.ratfunc`)."""
    from discover.cf.cmf.field import compiled_entries

    if cmf.free_parameters:
        raise InputError(f"CMF {cmf.name} has free parameters {', '.join(cmf.free_parameters)}: give --param "
                         + ",".join(f"{p}=..." for p in cmf.free_parameters))
    return compiled_entries(cmf)


def _entries_on_line(cmf: CMF, entries, base, direction):
    """(nums, dens): the entries (row by row) on the line base + n direction as ``fmpq_poly`` in n, the
    bound parameters substituted. LineSingular when a denominator vanishes on the whole line."""
    from discover.cf.cmf.ratfunc import evaluate_on_line

    from discover.cf.cmf.ratfunc import line_env

    values = cmf.parameter_values()
    names = cmf.names
    full_base = list(base) + [values[p] for p in cmf.parameters]
    full_dir = list(direction) + [0] * len(cmf.parameters)
    env = line_env(names, full_base, full_dir)
    nums, dens = [], []
    for node in entries:
        nn, d = evaluate_on_line(node, names, full_base, full_dir, env=env)
        nums.append(nn)
        dens.append(d)
    return nums, dens


def _factor_on_line(cmf: CMF, entries, k: int, base, direction):
    """The axis matrix on the line base + n direction, times the lcm of its denominators there: a k x k
    list of ``fmpq_poly`` in n. LineSingular when a denominator vanishes on the whole line."""
    nums, dens = _entries_on_line(cmf, entries, base, direction)
    lcm = dens[0]
    for d in dens[1:]:
        if d != lcm:
            lcm = lcm * d / lcm.gcd(d)
    return [[nums[r * k + c] * (lcm / dens[r * k + c]) if dens[r * k + c] != lcm else nums[r * k + c]
             for c in range(k)] for r in range(k)]


def matmul(A, B):
    """The product A B of two square matrices whose entries support + and * (polynomials, integers)."""
    k = len(A)
    return [[sum((A[i][t] * B[t][j] for t in range(1, k)), A[i][0] * B[0][j]) for j in range(k)] for i in range(k)]


def adjugate(A):
    """adj(A) for a small square matrix of polynomials (cofactor expansion)."""
    k = len(A)
    if k == 1:
        return [[A[0][0].__class__([1])]]

    def minor(M, r, c):
        return [row[:c] + row[c + 1:] for i, row in enumerate(M) if i != r]

    return [[(determinant(minor(A, c, r)) if (r + c) % 2 == 0 else -determinant(minor(A, c, r))) for c in range(k)] for r in range(k)]


def trajectory_matrix(cmf: CMF, trajectory: Sequence[int], start: Sequence[int], order=None):
    """S(n) (see the module doc) as a k x k list of ``fmpz_poly`` in n, divided by the gcd of its
    entries. The axes are taken in their order, or in the first other order whose path avoids a
    hyperplane where a matrix is undefined (conservativity makes every order equivalent). Raises
    InputError when the trajectory is zero or every order is singular."""
    t = tuple(int(v) for v in trajectory)
    s = point_values(start)
    if order is None:
        order = _axis_order(cmf, t, s)
    return _normalise(cmf, _step_product(cmf, t, s, order), t, tuple(start))


# Orders of the axes tried for a pole-free path (at most this many; 5 moving axes have 120).
MAX_ORDERS = 720


def _orders(cmf: CMF, t):
    """Orders of the axes for one step: the moving axes permuted (their own order first), at most
    :data:`MAX_ORDERS`; axes that do not move contribute no factor."""
    moving = [i for i in range(cmf.dim) if t[i] != 0]
    orders = list(itertools.islice(itertools.permutations(moving), MAX_ORDERS))
    if len(orders) > 1:  # the reversed order next: it avoids the poles the own order meets, most often
        rev = tuple(reversed(moving))
        orders = [orders[0], rev] + [o for o in orders[1:] if o != rev]
    return orders


def _axis_order(cmf: CMF, t, s):
    """The first order of the axes (their own order first) whose one-step path has every matrix defined
    on the whole line (conservativity makes every order give the same product)."""
    if len(t) != cmf.dim or len(s) != cmf.dim:
        raise InputError(f"CMF {cmf.name}: trajectory and start need {cmf.dim} coordinates")
    if not any(t):
        raise InputError("trajectory: must not be the zero vector")
    error = None
    for order in _orders(cmf, t):
        try:
            _step_product(cmf, t, s, order)
            return order
        except LineSingular as exc:
            error = exc
    shown = tuple(str(v) for v in s)
    raise InputError(f"CMF {cmf.name} along {t} from ({', '.join(shown)}): {error}")


def _step_points(cmf: CMF, t, s, order):
    """The factors of one step, in order: (axis index, inverse?, base point of the factor's line)."""
    offset = [0] * cmf.dim
    out = []
    for i in order:
        for _ in range(abs(t[i])):
            if t[i] < 0:
                offset[i] -= 1
            out.append((i, t[i] < 0, [s[a] + offset[a] for a in range(cmf.dim)]))
            if t[i] > 0:
                offset[i] += 1
    return out


def _integer_roots(poly, depth: int) -> list[int]:
    """The integer roots n in [0, depth) of an ``fmpq_poly`` (linear factors of its integer numerator)."""
    from flint import fmpz_poly

    if poly.is_zero() or poly.degree() < 1:
        return []
    num = fmpz_poly([int(c * poly.denom()) for c in poly.coeffs()])
    roots = []
    for f, _mult in num.factor()[1]:
        if f.degree() == 1:
            a, b = int(f[1]), int(f[0])
            if b % a == 0 and 0 <= -b // a < depth:
                roots.append(-b // a)
    return roots


def walk_order(cmf: CMF, trajectory, start, depth: int):
    """(order, None): an order of the axes whose path of ``depth`` steps meets no pole (pass it to
    :func:`trajectory_matrix`); or (None, where) when every order meets one, ``where`` naming the first
    pole of the axes' own order (see :func:`walk_singularity`)."""
    t = tuple(int(v) for v in trajectory)
    s = point_values(start)
    first = None
    for order in _orders(cmf, t):
        try:
            where = _first_pole(cmf, t, s, depth, order, earliest=first is None)
        except LineSingular:
            continue
        if where is None:
            return order, None
        first = first or where
    if first is None:
        _axis_order(cmf, t, s)  # raises, naming the denominator that vanishes on the whole line
    return None, first


def walk_singularity(cmf: CMF, trajectory, start, depth: int) -> str | None:
    """Where the walk of ``depth`` steps meets a pole whatever the order of the axes in a step, or None:
    the first step n (0-based) at which an entry of one of the axis matrices on the path has a vanishing
    denominator, or a matrix to be inverted (a negative step) is singular. The text names the point, the
    axis and the entry."""
    return walk_order(cmf, trajectory, start, depth)[1]


def _first_pole(cmf: CMF, t, s, depth: int, order, earliest: bool = True) -> str | None:
    """The earliest pole of the path with the axes in ``order`` (any pole when not ``earliest``)."""
    axes = _compiled(cmf)
    k = cmf.rank
    worst = None
    for i, inverse, base in _step_points(cmf, t, s, order):
        nums, dens = _entries_on_line(cmf, axes[i], base, t)
        for idx, d in enumerate(dens):
            for n in _integer_roots(d, depth):
                if worst is None or n < worst[0]:
                    worst = (n, f"entry ({idx // k + 1}, {idx % k + 1}) of the matrix of axis {cmf.axes[i]} "
                                f"has a pole", [b + n * tt for b, tt in zip(base, t)])
                if not earliest:
                    return "a pole"
        if inverse:
            F = _factor_on_line(cmf, axes[i], k, base, t)
            det = determinant(F)
            for n in _integer_roots(det, depth):
                if worst is None or n < worst[0]:
                    worst = (n, f"the matrix of axis {cmf.axes[i]} is not invertible (a negative step)",
                             [b + n * tt for b, tt in zip(base, t)])
    if worst is None:
        return None
    n, what, point = worst
    pt = ", ".join(str(v) for v in point)
    at = f" with {', '.join(f'{a}={v}' for a, v in cmf.values)}" if cmf.values else ""
    return f"{what} at the point ({pt}){at}, step {n} of the walk along {t}"


def _step_product(cmf: CMF, t, s, order):
    """The product of the axis matrices along one step, axes taken in ``order`` (fmpq_poly entries)."""
    axes = _compiled(cmf)
    k = cmf.rank
    result = None
    for i, inverse, base in _step_points(cmf, t, s, order):
        F = _factor_on_line(cmf, axes[i], k, base, t)
        if inverse:
            F = adjugate(F)
        result = F if result is None else matmul(result, F)
    return result


def determinant(A):
    """det(A) of a small square matrix of polynomials (cofactor expansion along the first row)."""
    if len(A) == 1:
        return A[0][0]
    if len(A) == 2:
        return A[0][0] * A[1][1] - A[0][1] * A[1][0]
    acc = None
    for c in range(len(A)):
        minor = [row[:c] + row[c + 1:] for row in A[1:]]
        term = A[0][c] * determinant(minor)
        if c % 2:
            term = -term
        acc = term if acc is None else acc + term
    return acc


def step_matrix_at(cmf: CMF, direction, point):
    """The exact product of the axis matrices along one step ``direction`` from ``point`` (no scaling;
    Fractions), the same path as :func:`trajectory_matrix` at n = 0; None at a pole or a singular
    inverse."""
    t = tuple(int(v) for v in direction)
    s = point_values(point)
    axes = _compiled(cmf)
    k = cmf.rank
    result = None
    try:
        order = _axis_order(cmf, t, s)
    except InputError:
        return None
    for i, inverse, base in _step_points(cmf, t, s, order):
        nums, dens = _entries_on_line(cmf, axes[i], base, t)
        vals = []
        for nn, d in zip(nums, dens):
            dv = Fraction(int(d[0].p), int(d[0].q)) if not d.is_zero() else Fraction(0)
            if dv == 0:
                return None
            vals.append(Fraction(int(nn[0].p), int(nn[0].q)) / dv if not nn.is_zero() else Fraction(0))
        F = [vals[r * k:(r + 1) * k] for r in range(k)]
        if inverse:
            import sympy

            Mi = sympy.Matrix(F)
            if Mi.det() == 0:
                return None
            F = [[Fraction(str(v)) for v in row] for row in Mi.inv().tolist()]
        result = F if result is None else [[sum(result[r][m] * F[m][c] for m in range(k)) for c in range(k)]
                                           for r in range(k)]
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
    terminating: bool = False
    column: tuple = ()  # the last column W_N[:, k-1] (exact integers; rows 0 and 1 are p and q)

    def value_text(self, digits: float | None = None) -> str:
        import mpmath

        d = max(1, int(min(self.digits if digits is None else digits, 10000)))
        with mpmath.workdps(d + 10):
            return mpmath.nstr(self.value, d)


def _ratio(p, q, digits: int):
    """p / q to ``digits`` significant digits without converting the full integers."""
    import mpmath

    bits = int(digits * 3.33) + 64
    p, q = int(p), int(q)
    s = max(0, min(abs(p).bit_length(), abs(q).bit_length()) - bits)
    sign = -1 if (p < 0) != (q < 0) else 1
    return sign * mpmath.mpf(abs(p) >> s) / mpmath.mpf(abs(q) >> s)


def check_walk_size(cmf: CMF, trajectory: Sequence[int], start: Sequence[int], depth: int, matrix) -> None:
    """InputError when the walk of ``depth`` steps of ``matrix`` would have integers beyond
    :data:`~discover.cf.limits.MAX_CONVERGENT_BITS` (an upper bound, :func:`discover.cf.walk.estimate_walk_bits`)."""
    from discover.cf.limits import MAX_CONVERGENT_BITS
    from discover.cf.walk import estimate_walk_bits

    bits = estimate_walk_bits(matrix, 0, depth - 1)
    if bits > MAX_CONVERGENT_BITS:
        raise InputError(f"--depth {depth}: the walk of CMF {cmf.name} along {tuple(trajectory)} from {tuple(start)} "
                         f"would have integers of about {bits:.3g} bits, above the limit of {MAX_CONVERGENT_BITS:,}; "
                         "use a smaller depth")


def walk_limit(cmf: CMF, trajectory: Sequence[int], start: Sequence[int], depth: int,
               matrix=None) -> WalkEvaluation:
    """Walk ``depth`` steps (see module doc) and estimate the limit and its digits."""
    import mpmath

    from discover.cf.walk import evaluate, walk

    if depth < 4:
        raise InputError(f"--depth {depth}: must be at least 4")
    t0 = time.perf_counter()
    S = matrix if matrix is not None else trajectory_matrix(cmf, trajectory, start)
    check_walk_size(cmf, trajectory, start, depth, S)
    k = len(S)
    W2 = walk(S, 0, depth - 3)
    W1 = W2 * evaluate(S, depth - 2)
    W = W1 * evaluate(S, depth - 1)
    p, q = W[0, k - 1], W[1, k - 1]
    if q == 0:
        raise InputError(f"CMF {cmf.name}: the walk along {tuple(trajectory)} from {tuple(start)} "
                         f"has q = 0 at depth {depth} (a singular start?)")
    # Error model from the exact differences x_N - x_{N-1} = (p q' - p' q)/(q q') (logs of integers)
    p1, q1, p2, q2 = W1[0, k - 1], W1[1, k - 1], W2[0, k - 1], W2[1, k - 1]
    num1, num2 = p * q1 - p1 * q, p1 * q2 - p2 * q1  # x_N - x_{N-1} = num1 / (q q1), and so on
    l1 = log10_abs(num1) - log10_abs(q) - log10_abs(q1) if q1 != 0 else None
    l2 = log10_abs(num2) - log10_abs(q1) - log10_abs(q2) if (q1 != 0 and q2 != 0) else None
    mag = log10_abs(p) - log10_abs(q) if p != 0 else 0.0
    rate = 0.0
    if l1 is None:
        err = mag  # no previous convergent: no digits can be claimed
    elif l1 == float("-inf"):
        err = -1e9  # the last two convergents agree exactly: a terminating (rational) walk
    else:
        # d_N and d_{N-1} alternate when num1 / (q q1) and num2 / (q1 q2) differ in sign
        alternating = l2 is not None and ((num1 > 0) != (num2 > 0)) != ((q > 0) != (q2 > 0))
        est = estimate_error(l1, l2, depth, alternating=alternating)
        err, rate = est.log10_error, est.rate
    digits = max(0.0, mag - err) if p != 0 else max(0.0, -err)
    log_q = log10_abs(q)
    prec = int(max(60, min(digits, 2 * log_q) + 40))
    digits = min(digits, float(prec - 20))
    with mpmath.workdps(prec):
        value = _ratio(p, q, prec)
    return WalkEvaluation(cmf.name, tuple(trajectory), tuple(start), depth, p, q, value, digits, rate,
                          time.perf_counter() - t0, tuple(tuple(e for e in row) for row in S),
                          terminating=bool(l1 is not None and l1 == float("-inf")),
                          column=tuple(W[i, k - 1] for i in range(k)))


def usable_walk(cmf: CMF, trajectory: Sequence[int], start: Sequence[int], depth: int, matrix,
                min_digits: float) -> WalkEvaluation | None:
    """:func:`walk_limit`, or None when the walk is degenerate (a pole, a start off the field's domain)
    or its limit has fewer than ``min_digits`` digits: the screen every CMF search applies first."""
    try:
        ev = walk_limit(cmf, trajectory, start, depth, matrix)
    except (InputError, ZeroDivisionError):
        return None
    return ev if ev.digits >= min_digits else None


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
    # The check uses at most MAX_VERIFY_DIGITS of the limit (a deep walk can have a million): the constants
    # at twice that precision are the slow part. The record's digits are min(walk digits, agreement).
    work = int(2 * min(ev.digits, MAX_VERIFY_DIGITS) + 30)
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
            lq = log10_abs(qr)
            delta = -1.0 - float(mpmath.log10(+diff)) / lq if lq > 0 else float("nan")
    return ident, agree, delta, L


def looks_rational(ev: WalkEvaluation, max_denominator_digits: int = 12) -> bool:
    """True when the limit is 0, or the walk terminates (the last convergents are equal), or it agrees
    with a fraction whose denominator has at most ``max_denominator_digits`` digits to far more digits
    than that fraction needs (PSLQ on (1, x); a relation of size S is accepted only with 2 S + 10 <=
    digits)."""
    import mpmath

    if ev.p == 0 or ev.terminating:
        return True
    D = min(ev.digits, 200.0)
    if D < 2 * max_denominator_digits + 10:
        return False
    with mpmath.workdps(int(D) + 10):
        x = +ev.value
        try:
            rel = mpmath.pslq([mpmath.mpf(1), x], tol=mpmath.mpf(10) ** (-(D - 5)),
                              maxcoeff=10**max_denominator_digits, maxsteps=2000)
        except (ValueError, ZeroDivisionError):
            return False
    if rel is None or rel[1] == 0:
        return False
    size = sum(math.log10(1 + abs(int(v))) for v in rel)
    return 2 * size + 10 <= D


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
