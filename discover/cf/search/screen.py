"""Stage 1 of the search: screen every PCF of a coefficient box at low depth, in one Numba kernel.

The box. a(n) has ``len(a_lo)`` coefficients (lowest degree first), coefficient j ranging over
a_lo[j] .. a_lo[j] + a_span[j] - 1; the same for b. Candidates are numbered 0 .. total - 1 in mixed
radix, a's constant coefficient varying fastest, then a's higher coefficients, then b's (see
:func:`decode`). A shard is an index range [first, first + count).

The kernel computes, for each candidate, the convergents x_N = p_N / q_N and x_{N-1} at depth N
(``depth``, 32 by default) with the three-term recurrence in float64, renormalised (every 4 steps,
p, q, p', q' are multiplied by 2^-600 when one exceeds 2^600, and by 2^600 when all fall below 2^-600;
the ratio is unchanged; coefficients are assumed below 2^50 so 4 steps cannot overflow). ``deltas``
holds e_N, the estimated error of x_N (the matcher's tolerance is a multiple of it). a(n) and b(n)
are advanced by forward differences (exact in float64 for integer values below 2^53), and candidates
by an odometer, so the inner loop has no division; 64 candidates advance in lock step (arrays of
lanes), so the recurrence vectorises across candidates. No Python runs per candidate. Each candidate gets a status:

* ``OK`` (0): converged at screening precision: the estimated error e_N <= tol * max(1, |x_N|), where
  e_N is the error model of :mod:`discover.cf.convergence` (step h = 1) applied to the last two
  differences d_N = x_N - x_{N-1}, d_{N-1} = x_{N-1} - x_{N-2} (:func:`_model_error`): the last step alone
  under-states the error of a power-law tail (PCF(2n^3+3n^2+11n+5, -n^6) = 1/(zeta(3) - 1) has last
  step 1.4e-10 at N = 32 and true error 7e-10; the model says 8e-10);
* ``ZERO_B`` (1): b is the zero polynomial (not a continued fraction);
* ``ZERO_A`` (2): a is the zero polynomial (x = b(1)/(b(2)/(...)): degenerate, skipped);
* ``MIRROR`` (3): the leading coefficient of a is negative and the box is symmetric in a, so the
  mirror image (-a, b), whose limit is the negative, is screened instead (only with ``skip_mirror``);
* ``TERMINATES`` (4): b(k) = 0 for some 1 <= k <= depth: a finite fraction, rational;
* ``NOT_CONVERGED`` (5): divergent, oscillating or too slow to give ``tol`` at this depth;
* ``BAD`` (6): q_N = 0 or a non-finite value;
* ``ACCELERATED`` (7): not converged at depth N, but accelerated to ``accel_tol`` (below; only with
  ``accelerate_slow``): ``values`` then holds the extrapolated limit and ``deltas`` its error estimate.

Slowly converging candidates. Fractions whose convergents approach L like a power of N (1/log 2 =
PCF(1, n^2) has 1.7 digits at depth 32) are ``NOT_CONVERGED`` above. With ``accelerate_slow``, every
``NOT_CONVERGED`` candidate whose estimated error is small enough to be converging (e_N <=
``ACC_FLAG`` max(1, |x_N|)) goes to a second kernel, :func:`accelerate_rows_kernel`: the flagged
candidates' coefficient rows in, two arrays out. It recomputes x_0 .. x_31 in float64 together with the differences d_n = x_n - x_{n-1}
from the determinant identity (d_n = d_{n-1} (-b(n)) q_{n-2} / q_n: no cancellation), splits them into
the even and the odd convergents (an error (-1)^n n^-s (...) + n^-t (...) is a plain power law on each
half), and applies Levin's u-transform (beta = 1; exact for y_m = L + (m+1) Delta y_m sum_{j<k} c_j
(m+1)^-j, so any exponent s and its 1/m corrections) of order ``ACC_ORDER`` = 8 from m = ``ACC_START`` = 3
to each half, with y_m - y_top summed from the accurate differences. The value is the mean of the two
halves; the error estimate the largest of five differences: even/odd, order 8/6 on each half, and
start 3/7 on each half. Float64 round-off caps it at about 10 digits (a low start keeps the transform's
cancellation small: 10.1 and 10.5 true digits for 1/log 2 and 4/pi + 1, estimated 7.8 and 8.7). A
candidate whose estimate is at most ``accel_tol`` max(1, |x|) becomes ``ACCELERATED``. No Python runs
per candidate here either; the flagged share is small in boxes where most fractions converge fast
(0.7% of the benchmark box), and the whole box where none does (deg a = 0, deg b = 2).

Structured domains (:mod:`discover.cf.search.families`) are not boxes: their candidates come as
coefficient rows, screened by :func:`screen_rows` (:func:`screen_rows_kernel`, a(n) and b(n) by Horner,
one candidate at a time, the same status codes and error model) and accelerated by the same kernel.

A pure-Python version of both computations lives in the tests, which check the kernels against it.
"""

from __future__ import annotations

import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
import numba
import numpy as np

__all__ = ["OK", "ACCELERATED", "STATUS_NAMES", "screen", "screen_rows", "accelerate", "decode", "box_size"]

OK, ZERO_B, ZERO_A, MIRROR, TERMINATES, NOT_CONVERGED, BAD, ACCELERATED = range(8)
STATUS_NAMES = ("ok", "zero b", "zero a", "mirror", "terminates", "not converged", "bad", "accelerated")

# Acceleration of slowly converging candidates (see the module doc).
ACC_ORDER = 8       # Levin order k
ACC_LOWER = 6       # the lower order it is compared with
ACC_START = 3       # first index m of each half used
ACC_SHIFT = 4       # the later start compared with
ACC_DEPTH = 2 * (ACC_START + ACC_ORDER + ACC_SHIFT) + 1   # x_0 .. x_31
ACC_FLAG = 0.5      # |x_N - x_{N-1}| <= ACC_FLAG max(1, |x_N|): worth accelerating
ACC_TOL = 1e-7      # default acceptance of the accelerated value (relative error estimate)


LANES = 64  # candidates advanced together, so the recurrence loop vectorises across candidates


@numba.njit(cache=True, nogil=True, inline="always")
def _difference_table(coef, offset, size, W, out):
    """out[k, w] = Delta^k p(1) for the polynomial p of lane w with coefficients coef[offset + j, w]
    (j < size, ascending): evaluate p at 1..size (Horner), then difference in place."""
    for k in range(size):
        for w in range(W):
            acc = 0.0
            for j in range(size - 1, -1, -1):
                acc = acc * (k + 1) + coef[offset + j, w]
            out[k, w] = acc
    for k in range(1, size):
        for j in range(size - 1, k - 1, -1):
            for w in range(W):
                out[j, w] = out[j, w] - out[j - 1, w]


@numba.njit(cache=True, nogil=True, inline="always")
def _model_error(d1, d0, n):
    """The error model of :func:`discover.cf.convergence.estimate_error` with step 1, in float64: the
    estimated |L - x_N| from d1 = x_N - x_{N-1}, d0 = x_{N-1} - x_{N-2}, at depth n."""
    a1 = abs(d1)
    a0 = abs(d0)
    if a1 == 0.0 or a0 == 0.0:
        return a1
    r = a1 / a0
    if r >= 1.0 or (d1 * d0 < 0.0 and r > 0.5):
        return max(a1, a0)
    err = a1 * r / (1.0 - r)
    if r > 0.5:
        s = n * (1.0 - r) - 1.0
        if s > 0.0:
            err = max(err, a1 * n / s)
        else:
            err = max(err, a1 * n)
    return err


@numba.njit(cache=True, nogil=True)
def screen_kernel(a_lo, a_span, b_lo, b_span, first, count, depth, tol, skip_mirror, values, deltas, status):
    na = a_lo.shape[0]
    nb = b_lo.shape[0]
    nc = na + nb
    W = LANES
    # odometer digits of the current candidate: a's coefficients, then b's
    digits = np.empty(nc, dtype=np.int64)
    spans = np.empty(nc, dtype=np.int64)
    los = np.empty(nc, dtype=np.int64)
    for j in range(na):
        spans[j] = a_span[j]
        los[j] = a_lo[j]
    for j in range(nb):
        spans[na + j] = b_span[j]
        los[na + j] = b_lo[j]
    idx = first
    for j in range(nc):
        digits[j] = idx % spans[j]
        idx //= spans[j]
    coef = np.zeros((nc, W), dtype=np.float64)   # coefficients of the lane's a then b
    da = np.zeros((na, W), dtype=np.float64)     # forward differences of a at the current n
    db = np.zeros((nb, W), dtype=np.float64)
    p = np.empty(W)
    pp = np.empty(W)
    ppp = np.empty(W)   # p_{n-2}, q_{n-2}: the error model needs the last two differences
    q = np.empty(W)
    qp = np.empty(W)
    qpp = np.empty(W)
    dead = np.zeros(W, dtype=np.bool_)
    big = 2.0 ** 600
    small = 2.0 ** -600
    for base in range(0, count, W):
        lanes = min(W, count - base)
        # 1. decode the lanes' coefficients (odometer) and their static status
        for w in range(W):
            if w < lanes:
                if base + w > 0:
                    j = 0
                    while j < nc:
                        digits[j] += 1
                        if digits[j] < spans[j]:
                            break
                        digits[j] = 0
                        j += 1
                for j in range(nc):
                    coef[j, w] = los[j] + digits[j]
            else:
                for j in range(nc):
                    coef[j, w] = 1.0
        for w in range(lanes):
            i = base + w
            values[i] = np.nan
            deltas[i] = np.nan
            status[i] = 0
            a_zero = True
            for j in range(na):
                if coef[j, w] != 0:
                    a_zero = False
            b_zero = True
            for j in range(nb):
                if coef[na + j, w] != 0:
                    b_zero = False
            if b_zero:
                status[i] = 1
            elif a_zero:
                status[i] = 2
            elif skip_mirror:
                lead = 0.0
                for j in range(na - 1, -1, -1):
                    if coef[j, w] != 0:
                        lead = coef[j, w]
                        break
                if lead < 0:
                    status[i] = 3
        # 2. difference tables at n = 1: da[k] = Delta^k a(1), so a(n+1) follows by additions only
        _difference_table(coef, 0, na, W, da)
        _difference_table(coef, na, nb, W, db)
        # 3. the recurrence, all lanes in step
        for w in range(W):
            ppp[w] = 0.0
            pp[w] = 1.0
            p[w] = coef[0, w]
            qpp[w] = 1.0
            qp[w] = 0.0
            q[w] = 1.0
            dead[w] = False
        for n in range(1, depth + 1):
            for w in range(W):
                an = da[0, w]
                bn = db[0, w]
                dead[w] = dead[w] | (bn == 0.0)
                p_new = an * p[w] + bn * pp[w]
                q_new = an * q[w] + bn * qp[w]
                ppp[w] = pp[w]
                pp[w] = p[w]
                p[w] = p_new
                qpp[w] = qp[w]
                qp[w] = q[w]
                q[w] = q_new
            for j in range(na - 1):
                for w in range(W):
                    da[j, w] += da[j + 1, w]
            for j in range(nb - 1):
                for w in range(W):
                    db[j, w] += db[j + 1, w]
            if (n & 3) == 0:
                for w in range(W):
                    m = max(max(abs(p[w]), abs(q[w])), max(abs(pp[w]), abs(qp[w])))
                    f = small if m > big else (big if m < small and m > 0.0 else 1.0)
                    p[w] *= f
                    q[w] *= f
                    pp[w] *= f
                    qp[w] *= f
                    ppp[w] *= f
                    qpp[w] *= f
        # 4. results
        for w in range(lanes):
            i = base + w
            if status[i] != 0:
                continue
            if dead[w]:
                status[i] = 4
                continue
            if q[w] == 0.0 or qp[w] == 0.0:
                status[i] = 6
                continue
            x = p[w] / q[w]
            x1 = pp[w] / qp[w]
            d = abs(x - x1)
            if qpp[w] != 0.0:
                d = _model_error(x - x1, x1 - ppp[w] / qpp[w], depth)
            if not (np.isfinite(x) and np.isfinite(d)):
                status[i] = 6
                continue
            values[i] = x
            deltas[i] = d
            if d <= tol * max(1.0, abs(x)):
                status[i] = 0
            else:
                status[i] = 5
    return 0


@numba.njit(cache=True, nogil=True)
def _levin_weights(k, start):
    """The weights (-1)^j C(k, j) ((m_j + 1) / (start + k + 1))^(k-1), m_j = start + j, of the Levin
    u-transform of order k started at ``start`` (the same for every candidate)."""
    c = np.empty(k + 1)
    binom = 1.0
    for j in range(k + 1):
        c[j] = binom * ((start + j + 1.0) / (start + k + 1.0)) ** (k - 1)
        if j & 1:
            c[j] = -c[j]
        binom = binom * (k - j) / (j + 1)
    return c


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _levin_u(y_top, dy, inv_w, k, start, c):
    """Levin u-transform (beta = 1) of order k on y[start .. start + k] with the weights c of
    :func:`_levin_weights`: dy[m] = y[m] - y[m-1] (accurate), inv_w[m] = 1 / ((m + 1) dy[m]), y_top =
    y[start + k]. The terms enter as y[m] - y_top, summed from dy. A zero difference gives a
    non-finite result (numpy error model: no exception), which the caller discards."""
    num = 0.0
    den = 0.0
    rel = 0.0        # y[m] - y_top
    for j in range(k, -1, -1):
        m = start + j
        num += c[j] * rel * inv_w[m]
        den += c[j] * inv_w[m]
        rel -= dy[m]
    return y_top + num / den


@numba.njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _accelerate_one(ca, cb, x, d, dye, dyo, iwe, iwo, c_main, c_lower, c_later):
    """(value, error estimate) of the Levin transform of the candidate with coefficients ca, cb (module
    doc), or (NaN, NaN); x, d, dye, dyo, iwe, iwo are work arrays, c_* the transform weights."""
    na = ca.shape[0]
    nb = cb.shape[0]
    D = ACC_DEPTH
    big = 2.0 ** 600
    small = 2.0 ** -600
    top = ACC_START + ACC_ORDER
    top_later = top + ACC_SHIFT
    top_lower = ACC_START + ACC_LOWER
    pp = 1.0
    p = ca[0]
    qp = 0.0
    q = 1.0
    x[0] = p
    d[0] = 0.0
    for n in range(1, D + 1):
        an = 0.0
        for j in range(na - 1, -1, -1):
            an = an * n + ca[j]
        bn = 0.0
        for j in range(nb - 1, -1, -1):
            bn = bn * n + cb[j]
        p_new = an * p + bn * pp
        q_new = an * q + bn * qp
        if q_new == 0.0 or bn == 0.0:
            return np.nan, np.nan
        inv = 1.0 / q_new
        if n == 1:
            d[1] = bn * inv                         # x_1 - x_0 = b(1) / q_1
        else:
            d[n] = d[n - 1] * (-bn) * (qp * inv)    # qp = q_{n-2} here
        x[n] = p_new * inv
        pp = p
        p = p_new
        qp = q
        q = q_new
        m = max(max(abs(p), abs(q)), max(abs(pp), abs(qp)))
        f = small if m > big else (big if m < small else 1.0)
        p *= f
        q *= f
        pp *= f
        qp *= f
    # halves: even y_m = x_{2m}, odd y_m = x_{2m+1}; differences from the accurate d's
    for m in range(ACC_START, top_later + 1):
        dye[m] = d[2 * m] + d[2 * m - 1]
        dyo[m] = d[2 * m + 1] + d[2 * m]
        iwe[m] = 1.0 / ((m + 1.0) * dye[m])
        iwo[m] = 1.0 / ((m + 1.0) * dyo[m])
    e = _levin_u(x[2 * top], dye, iwe, ACC_ORDER, ACC_START, c_main)
    o = _levin_u(x[2 * top + 1], dyo, iwo, ACC_ORDER, ACC_START, c_main)
    err = abs(e - o)
    err = max(err, abs(e - _levin_u(x[2 * top_lower], dye, iwe, ACC_LOWER, ACC_START, c_lower)))
    err = max(err, abs(o - _levin_u(x[2 * top_lower + 1], dyo, iwo, ACC_LOWER, ACC_START, c_lower)))
    later = ACC_START + ACC_SHIFT
    err = max(err, abs(e - _levin_u(x[2 * top_later], dye, iwe, ACC_ORDER, later, c_later)))
    err = max(err, abs(o - _levin_u(x[2 * top_later + 1], dyo, iwo, ACC_ORDER, later, c_later)))
    v = 0.5 * (e + o)
    if np.isfinite(v) and np.isfinite(err):
        return v, err
    return np.nan, np.nan


@numba.njit(cache=True, nogil=True, error_model="numpy")
def accelerate_rows_kernel(A, B, rows, values, errors):
    """For each candidate with coefficient rows A[rows[t]], B[rows[t]]: x_0 .. x_ACC_DEPTH in float64,
    the Levin u-transform of its even and odd halves (module doc); values[t] = the mean, errors[t] = the
    error estimate (NaN when undefined)."""
    half = ACC_DEPTH // 2 + 1
    ca = np.empty(A.shape[1])
    cb = np.empty(B.shape[1])
    x = np.empty(ACC_DEPTH + 1)
    d = np.empty(ACC_DEPTH + 1)
    dye = np.zeros(half)
    dyo = np.zeros(half)
    iwe = np.zeros(half)
    iwo = np.zeros(half)
    c_main = _levin_weights(ACC_ORDER, ACC_START)
    c_lower = _levin_weights(ACC_LOWER, ACC_START)
    c_later = _levin_weights(ACC_ORDER, ACC_START + ACC_SHIFT)
    for t in range(rows.shape[0]):
        for j in range(A.shape[1]):
            ca[j] = A[rows[t], j]
        for j in range(B.shape[1]):
            cb[j] = B[rows[t], j]
        values[t], errors[t] = _accelerate_one(ca, cb, x, d, dye, dyo, iwe, iwo, c_main, c_lower, c_later)
    return 0


@numba.njit(cache=True, nogil=True)
def screen_rows_kernel(A, B, depth, tol, skip_mirror, values, deltas, status):
    """The screen of :func:`screen_kernel` for candidates given as coefficient rows (a structured
    domain, :mod:`discover.cf.search.families`): a(n), b(n) by Horner at each step, one candidate at a
    time (domains are small); the same status codes, renormalisation and error model."""
    count = A.shape[0]
    na = A.shape[1]
    nb = B.shape[1]
    big = 2.0 ** 600
    small = 2.0 ** -600
    for i in range(count):
        values[i] = np.nan
        deltas[i] = np.nan
        a_zero = True
        lead = 0.0
        for j in range(na):
            if A[i, j] != 0:
                a_zero = False
                lead = A[i, j]
        b_zero = True
        for j in range(nb):
            if B[i, j] != 0:
                b_zero = False
        if b_zero:
            status[i] = 1
            continue
        if a_zero:
            status[i] = 2
            continue
        if skip_mirror and lead < 0:
            status[i] = 3
            continue
        ppp = 0.0
        pp = 1.0
        p = float(A[i, 0])
        qpp = 1.0
        qp = 0.0
        q = 1.0
        dead = False
        for n in range(1, depth + 1):
            an = 0.0
            for j in range(na - 1, -1, -1):
                an = an * n + A[i, j]
            bn = 0.0
            for j in range(nb - 1, -1, -1):
                bn = bn * n + B[i, j]
            dead = dead or bn == 0.0
            p_new = an * p + bn * pp
            q_new = an * q + bn * qp
            ppp = pp
            pp = p
            p = p_new
            qpp = qp
            qp = q
            q = q_new
            m = max(max(abs(p), abs(q)), max(abs(pp), abs(qp)))
            f = small if m > big else (big if m < small and m > 0.0 else 1.0)
            p *= f
            q *= f
            pp *= f
            qp *= f
            ppp *= f
            qpp *= f
        if dead:
            status[i] = 4
            continue
        if q == 0.0 or qp == 0.0:
            status[i] = 6
            continue
        x = p / q
        x1 = pp / qp
        err = abs(x - x1)
        if qpp != 0.0:
            err = _model_error(x - x1, x1 - ppp / qpp, depth)
        if not (np.isfinite(x) and np.isfinite(err)):
            status[i] = 6
            continue
        values[i] = x
        deltas[i] = err
        status[i] = 0 if err <= tol * max(1.0, abs(x)) else 5
    return 0


def box_size(a_span, b_span) -> int:
    total = 1
    for s in list(a_span) + list(b_span):
        total *= int(s)
    return total


def decode(index: int, a_lo, a_span, b_lo, b_span) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The (a, b) coefficient tuples (lowest degree first) of candidate ``index``."""
    idx = int(index)
    a, b = [], []
    for lo, span in zip(a_lo, a_span):
        a.append(int(lo) + idx % int(span))
        idx //= int(span)
    for lo, span in zip(b_lo, b_span):
        b.append(int(lo) + idx % int(span))
        idx //= int(span)
    return tuple(a), tuple(b)


def accelerate(a_lo, a_span, b_lo, b_span, first: int, rows):
    """Run :func:`accelerate_rows_kernel` on the box candidates first + rows (an integer array; their
    coefficients decoded in numpy, mixed radix as :func:`decode`): the extrapolated values and their
    error estimates (NaN where undefined)."""
    rows = np.ascontiguousarray(rows, dtype=np.int64)
    values = np.empty(len(rows), dtype=np.float64)
    errors = np.empty(len(rows), dtype=np.float64)
    if len(rows):
        idx = first + rows
        cols = []
        for lo, span in zip(list(a_lo) + list(b_lo), list(a_span) + list(b_span)):
            cols.append(int(lo) + idx % int(span))
            idx = idx // int(span)
        C = np.stack(cols, axis=1).astype(np.float64)
        na = len(a_lo)
        accelerate_rows_kernel(np.ascontiguousarray(C[:, :na]), np.ascontiguousarray(C[:, na:]),
                               np.arange(len(rows), dtype=np.int64), values, errors)
    return values, errors


def screen(a_lo, a_span, b_lo, b_span, first: int, count: int, depth: int = 32, tol: float = 1e-9,
           skip_mirror: bool = False, accelerate_slow: bool = False, accel_tol: float = ACC_TOL):
    """Run the kernel on candidates [first, first + count). Returns (values, deltas, status) arrays:
    x_N, its estimated error e_N (NaN unless computed) and the status codes of the module doc. With
    ``accelerate_slow``, the slowly converging candidates are extrapolated (:func:`accelerate`) and those
    whose error estimate is at most ``accel_tol`` max(1, |x|) get status ``ACCELERATED``, the
    extrapolated value and the estimate in place of x_N and the last step."""
    a_lo = np.asarray(a_lo, dtype=np.int64)
    a_span = np.asarray(a_span, dtype=np.int64)
    b_lo = np.asarray(b_lo, dtype=np.int64)
    b_span = np.asarray(b_span, dtype=np.int64)
    values = np.empty(count, dtype=np.float64)
    deltas = np.empty(count, dtype=np.float64)
    status = np.empty(count, dtype=np.int8)
    screen_kernel(a_lo, a_span, b_lo, b_span, np.int64(first), np.int64(count), np.int64(depth), np.float64(tol),
             bool(skip_mirror), values, deltas, status)
    if accelerate_slow:
        _accelerate_flagged(values, deltas, status, accel_tol,
                            lambda rows: accelerate(a_lo, a_span, b_lo, b_span, first, rows))
    return values, deltas, status


def _accelerate_flagged(values, deltas, status, accel_tol, extrapolate) -> None:
    """In place: the NOT_CONVERGED candidates worth accelerating (few in most boxes: filter those only)
    go through ``extrapolate(rows) -> (values, errors)``; those within ``accel_tol`` become ACCELERATED."""
    rows = np.flatnonzero(status == NOT_CONVERGED)
    rows = rows[deltas[rows] <= ACC_FLAG * np.maximum(1.0, np.abs(values[rows]))]
    if len(rows):
        acc, err = extrapolate(rows)
        good = err <= accel_tol * np.maximum(1.0, np.abs(acc))   # False for NaN
        sel = rows[good]
        values[sel] = acc[good]
        deltas[sel] = err[good]
        status[sel] = ACCELERATED


def screen_rows(A, B, depth: int = 32, tol: float = 1e-9, skip_mirror: bool = False, accelerate_slow: bool = False,
                accel_tol: float = ACC_TOL):
    """:func:`screen` for candidates given as coefficient rows: int64 arrays A (count, deg a + 1) and B
    (count, deg b + 1), lowest degree first. Same outputs and status codes."""
    A = np.ascontiguousarray(A, dtype=np.float64)
    B = np.ascontiguousarray(B, dtype=np.float64)
    count = A.shape[0]
    values = np.empty(count, dtype=np.float64)
    deltas = np.empty(count, dtype=np.float64)
    status = np.empty(count, dtype=np.int8)
    screen_rows_kernel(A, B, np.int64(depth), np.float64(tol), bool(skip_mirror), values, deltas, status)

    def extrapolate(rows):
        acc = np.empty(len(rows), dtype=np.float64)
        err = np.empty(len(rows), dtype=np.float64)
        accelerate_rows_kernel(A, B, rows.astype(np.int64), acc, err)
        return acc, err

    if accelerate_slow:
        _accelerate_flagged(values, deltas, status, accel_tol, extrapolate)
    return values, deltas, status
