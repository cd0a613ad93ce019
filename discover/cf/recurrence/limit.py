"""The limit of a linear recurrence: a ratio of two solutions, computed exactly, with its error.

Definition. For the recurrence R of order k (:mod:`.recurrence`) applied from n = s, and two initial
vectors P = (u(s - k), ..., u(s - 1)) and Q (integers), let p(n), q(n) be the solutions they start. The
limit is L = lim p(N) / q(N). By default P = e_0 and Q = e_{k-1} (for a PCF written as
"1, -a(n), -b(n)" with s = 1, P = (1, a(0)) and Q = (0, 1) give its convergents p_N / q_N).

Method. W = M(s) ... M(N - 4) exactly (:func:`discover.cf.walk.walk`, FLINT, binary splitting), then the
last four steps one at a time; P W_m and Q W_m are the states at m = N - 4 .. N, so x(n) = p(n) / q(n)
is known exactly for n = N - 3 - k .. N. The differences x(n) - x(n - 1) are exact cross products
p(n) q(n-1) - p(n-1) q(n) (FLINT), and the error of x(N) is the one error model of the project
(:func:`discover.cf.convergence.estimate_error`: geometric or power law, the step h = 2 for alternating
differences).

Several columns. The last column of W holds all k solutions e_0 W, ..., e_{k-1} W at N: the vector
v(N) = (u_0(N), ..., u_{k-1}(N)). Every ratio of two solutions is a ratio of two integer combinations
of v, so the direction of v is *the* limit of the recurrence: ``column_limits`` are v_i / v_{k-1}
(each with its digits), and :func:`discover.cf.recurrence.identify.identify_initial` finds initial vectors
(a, b) with a . v / b . v equal to a constant (what ramanujantools' ``Limit.identify`` does with PSLQ, here
with LLL). Consecutive indices (the k columns of P W) must agree on the limit to its digits; this is
checked (``columns_agree``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

from discover.errors import InputError

__all__ = ["RecurrenceLimit", "UndefinedRatio", "recurrence_limit", "check_limit_request", "default_initial",
           "ratio_value", "MAX_RECURRENCE_DEPTH", "MIN_RECURRENCE_DEPTH", "bits_limit"]

# The depth N at most this: the independent check (:mod:`.verify`) recurs forward N steps in mpmath.
MAX_RECURRENCE_DEPTH = 100_000
MIN_RECURRENCE_DEPTH = 8


class UndefinedRatio(ArithmeticError):
    """q(N) = 0: the ratio is undefined at the depth asked (known only once the walk is done)."""


def default_initial(k: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(P, Q) = (e_0, e_{k-1})."""
    return tuple(int(i == 0) for i in range(k)), tuple(int(i == k - 1) for i in range(k))


def check_limit_request(rec, depth: int, start: int, p_initial: Sequence[int], q_initial: Sequence[int]) -> None:
    """InputError unless the request is within the stated limits: depth, start, initial vectors of length
    k and not zero, a_0(n) != 0 for n = start .. depth, and the walk's integers within :func:`bits_limit`
    (estimated beforehand)."""
    from discover.cf.limits import MAX_START_ENTRY
    from discover.cf.walk import estimate_walk_bits

    if isinstance(depth, bool) or not isinstance(depth, int) or not MIN_RECURRENCE_DEPTH <= depth <= MAX_RECURRENCE_DEPTH:
        raise InputError(f"--depth {depth}: must be an integer between {MIN_RECURRENCE_DEPTH} and "
                         f"{MAX_RECURRENCE_DEPTH:,}")
    if not isinstance(start, int) or abs(start) > MAX_START_ENTRY or start > depth - MIN_RECURRENCE_DEPTH:
        raise InputError(f"--start {start}: must be an integer of absolute value at most {MAX_START_ENTRY} "
                         f"and at most --depth - {MIN_RECURRENCE_DEPTH}")
    k = rec.order
    for name, vec in (("--p-initial", p_initial), ("--q-initial", q_initial)):
        if len(vec) != k:
            raise InputError(f"{name} {','.join(map(str, vec))}: {len(vec)} values, the order is {k} "
                             f"(give u({start - k}), ..., u({start - 1}))")
        if not any(vec):
            raise InputError(f"{name}: all zero (the zero solution)")
        if any(abs(int(x)).bit_length() > 1000 for x in vec):
            raise InputError(f"{name}: values of at most 300 digits")
    rec.check_range(start, depth)
    bits = estimate_walk_bits(rec.companion(), start, depth)
    allowed = bits_limit(k)
    if bits > allowed:
        raise InputError(f"--depth {depth}: the solutions would have about {bits:.3g} bits, above the limit of "
                         f"{allowed:,} bits for order {k}; use a smaller depth")


def bits_limit(k: int) -> int:
    """The bit size the walk's integers may reach for order k: the PCF limit
    (:data:`~discover.cf.limits.MAX_CONVERGENT_BITS`) for k = 2, scaled by 8 / k^3 (a k x k product costs
    k^3 multiplications), so that every order takes about as long at its limit."""
    from discover.cf.limits import MAX_CONVERGENT_BITS

    return MAX_CONVERGENT_BITS if k <= 2 else MAX_CONVERGENT_BITS * 8 // k ** 3


@dataclass(frozen=True)
class RecurrenceLimit:
    """``value``: p(N)/q(N) (mpmath, ``precision_digits``); ``digits``: estimated significant digits;
    ``abs_digits``: -log10 |L - x(N)|; ``rate``: measured digits per step; ``power``: the exponent of a
    power-law error, else None; ``p``, ``q``: the exact p(N), q(N); ``column``: the exact last column of
    the walk (the k solutions at N, :mod:`module doc <discover.cf.recurrence.limit>`);
    ``column_limits``: [(v_i / v_{k-1} as mpmath, digits)] for i < k - 1; ``columns_agree``: the digits on
    which x(N - k + 1 .. N) agree."""

    depth: int
    start: int
    p: Any
    q: Any
    value: Any
    digits: float
    abs_digits: float
    rate: float
    power: float | None
    precision_digits: int
    column: tuple
    column_limits: tuple
    columns_agree: float
    extra: dict = field(default_factory=dict)


def ratio_value(p, q, digits: float):
    """p / q (FLINT or Python integers) as an mpmath number with ``digits`` significant digits: both are
    cut to the same number of leading bits first, so huge integers are never converted whole."""
    import mpmath
    from flint import fmpz

    p, q = fmpz(p), fmpz(q)
    keep = int(digits * 3.33) + 64
    cut = max(0, min(_bits(p), _bits(q)) - keep)
    if cut:
        p, q = _shift_toward_zero(p, cut), _shift_toward_zero(q, cut)
    with mpmath.workdps(int(digits) + 10):
        return mpmath.mpf(int(p)) / mpmath.mpf(int(q))


def _bits(x) -> int:
    return int(abs(x)).bit_length() if abs(x) < (1 << 4096) else abs(x).bit_length()


def _shift_toward_zero(x, s: int):
    return x >> s if x >= 0 else -((-x) >> s)


def _log_diff(p1, q1, p2, q2) -> tuple[float, int]:
    """(log10 |p1/q1 - p2/q2|, sign) from the exact cross product."""
    from discover.cf.bigint import log10_abs

    num = p1 * q2 - p2 * q1
    if num == 0:
        return float("-inf"), 0
    sign = (1 if num > 0 else -1) * (1 if q1 > 0 else -1) * (1 if q2 > 0 else -1)
    return log10_abs(num) - log10_abs(q1) - log10_abs(q2), sign


def _estimate(xs: dict, N: int):
    """The error model on the exact ratios ``xs`` = {n: (p, q)} at N (module doc)."""
    from discover.cf.convergence import ErrorEstimate, estimate_error

    def diff(i, j):
        if i not in xs or j not in xs or xs[i][1] == 0 or xs[j][1] == 0:
            return None
        return _log_diff(*xs[i], *xs[j])

    d1, d2 = diff(N, N - 1), diff(N - 1, N - 2)
    if d1 is None:  # a q(n) = 0 among the last ones: no digits are claimed (the error ~ the value itself)
        p, q = xs[N]
        from discover.cf.bigint import log10_abs

        return ErrorEstimate(max(0.0, log10_abs(p) - log10_abs(q)) if p != 0 else 0.0)
    if d1[1] == 0:
        return ErrorEstimate(float("-inf"))
    if d2 is None or d2[1] == 0:
        return ErrorEstimate(d1[0])
    h, D1, D2 = 1, d1, d2
    if d1[1] * d2[1] < 0:
        e1, e2 = diff(N, N - 2), diff(N - 2, N - 4)
        if e1 and e2 and e1[1] and e2[1] and e1[1] * e2[1] > 0:
            h, D1, D2 = 2, e1, e2
    return estimate_error(D1[0], D2[0], N, h, alternating=D1[1] * D2[1] < 0)


def recurrence_limit(rec, depth: int, start: int = 1, p_initial: Sequence[int] | None = None,
                     q_initial: Sequence[int] | None = None) -> RecurrenceLimit:
    """The limit of ``rec`` from ``start`` at ``depth`` with the initial vectors (module doc); refuses
    (InputError, :func:`check_limit_request`) a request beyond the limits before any work."""
    from flint import fmpz_mat

    from discover.cf.bigint import log10_abs
    from discover.cf.walk import evaluate, walk

    k = rec.order
    P0, Q0 = default_initial(k)
    P0 = tuple(int(x) for x in (p_initial or P0))
    Q0 = tuple(int(x) for x in (q_initial or Q0))
    check_limit_request(rec, depth, start, P0, Q0)
    M = rec.companion()
    W = walk(M, start, depth - 4)
    Pm = fmpz_mat(1, k, list(P0)) * W
    Qm = fmpz_mat(1, k, list(Q0)) * W
    xs: dict = {}

    def record(m, Pm, Qm):
        for j in range(k):
            xs[m - k + 1 + j] = (Pm[0, j], Qm[0, j])

    record(depth - 4, Pm, Qm)
    from discover.cf.walk import as_poly_matrix

    Mp = as_poly_matrix(M)
    for m in range(depth - 3, depth + 1):
        Mm = evaluate(Mp, m)
        Pm, Qm = Pm * Mm, Qm * Mm
        W = W * Mm
        record(m, Pm, Qm)
    pN, qN = xs[depth]
    if qN == 0:
        raise UndefinedRatio(f"q({depth}) = 0: the ratio p/q is undefined at depth {depth} (another --depth or "
                             "--q-initial)")
    est = _estimate(xs, depth)
    abs_digits = -est.log10_error
    magnitude = log10_abs(pN) - log10_abs(qN) if pN != 0 else 0.0
    digits = abs_digits + magnitude
    # Columns: agreement of the ratios at N - k + 1 .. N (every one is a value of the same limit).
    agree = math.inf
    for n in range(depth - k + 1, depth):
        if xs[n][1] != 0:
            ld, _ = _log_diff(*xs[n], pN, qN)
            agree = min(agree, -(ld - magnitude))
    # The last differences exactly 0: the ratio is constant from there on (a terminating fraction; the
    # limit is the rational p/q itself): ``digits`` is inf and ``exact`` says so.
    exact = math.isinf(digits)
    prec = 60 if exact else int(max(digits, 0) + 25 + max(0.0, magnitude))
    value = ratio_value(pN, qN, prec)
    column = tuple(W[i, k - 1] for i in range(k))
    column_limits = _column_limits(W, M, depth)
    return RecurrenceLimit(depth=depth, start=start, p=pN, q=qN, value=value, digits=digits,
                           abs_digits=abs_digits, rate=est.rate, power=est.power, precision_digits=prec,
                           column=column, column_limits=column_limits, columns_agree=agree,
                           extra={"exact": exact})


def _column_limits(W, M, depth: int) -> tuple:
    """[(v_i / v_{k-1}, digits)] for the last column v of W (the k solutions at N), i < k - 1; the digits
    from the same column one step earlier (W M(N)^-1 is not formed: the previous state of row i is
    column k - 2 of W, u_i(N - 1))."""
    k = W.nrows()
    out = []
    if W[k - 1, k - 1] == 0:
        return ()
    for i in range(k - 1):
        x = (W[i, k - 1], W[k - 1, k - 1])
        y = (W[i, k - 2], W[k - 1, k - 2])
        from discover.cf.bigint import log10_abs

        mag = log10_abs(x[0]) - log10_abs(x[1]) if x[0] != 0 else 0.0
        if y[1] == 0:
            d = 0.0
        else:
            ld, _ = _log_diff(*x, *y)
            d = -(ld - mag) if ld != float("-inf") else math.inf
        out.append((ratio_value(x[0], x[1], max(30.0, min(d, 1e6)) + 20), d))
    return tuple(out)
