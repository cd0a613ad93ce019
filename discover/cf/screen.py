"""Stage 1 of the search: screen every PCF of a coefficient box at low depth, in one Numba kernel.

The box. a(n) has ``len(a_lo)`` coefficients (lowest degree first), coefficient j ranging over
a_lo[j] .. a_lo[j] + a_span[j] - 1; the same for b. Candidates are numbered 0 .. total - 1 in mixed
radix, a's constant coefficient varying fastest, then a's higher coefficients, then b's (see
:func:`decode`). A shard is an index range [first, first + count).

The kernel computes, for each candidate, the convergents x_N = p_N / q_N and x_{N-1} at depth N
(``depth``, 32 by default) with the three-term recurrence in float64, renormalised (every 4 steps,
p, q, p', q' are multiplied by 2^-600 when one exceeds 2^600, and by 2^600 when all fall below 2^-600;
the ratio is unchanged; coefficients are assumed below 2^50 so 4 steps cannot overflow). a(n) and b(n)
are advanced by forward differences (exact in float64 for integer values below 2^53), and candidates
by an odometer, so the inner loop has no division; 64 candidates advance in lock step (arrays of
lanes), so the recurrence vectorises across candidates. No Python runs per candidate. Each candidate gets a status:

* ``OK`` (0): converged at screening precision, |x_N - x_{N-1}| <= tol * max(1, |x_N|);
* ``ZERO_B`` (1): b is the zero polynomial (not a continued fraction);
* ``ZERO_A`` (2): a is the zero polynomial (x = b(1)/(b(2)/(...)): degenerate, skipped);
* ``MIRROR`` (3): the leading coefficient of a is negative and the box is symmetric in a, so the
  mirror image (-a, b), whose limit is the negative, is screened instead (only with ``skip_mirror``);
* ``TERMINATES`` (4): b(k) = 0 for some 1 <= k <= depth: a finite fraction, rational;
* ``NOT_CONVERGED`` (5): divergent, oscillating or too slow to give ``tol`` at this depth;
* ``BAD`` (6): q_N = 0 or a non-finite value.

A pure-Python version of the same computation lives in the tests, which check the kernel against it.
"""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["OK", "STATUS_NAMES", "screen", "decode", "box_size"]

OK, ZERO_B, ZERO_A, MIRROR, TERMINATES, NOT_CONVERGED, BAD = range(7)
STATUS_NAMES = ("ok", "zero b", "zero a", "mirror", "terminates", "not converged", "bad")


LANES = 64  # candidates advanced together, so the recurrence loop vectorises across candidates


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
    q = np.empty(W)
    qp = np.empty(W)
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
        for k in range(na):
            for w in range(W):
                acc = 0.0
                for j in range(na - 1, -1, -1):
                    acc = acc * (k + 1) + coef[j, w]
                da[k, w] = acc
        for k in range(1, na):
            for j in range(na - 1, k - 1, -1):
                for w in range(W):
                    da[j, w] = da[j, w] - da[j - 1, w]
        for k in range(nb):
            for w in range(W):
                acc = 0.0
                for j in range(nb - 1, -1, -1):
                    acc = acc * (k + 1) + coef[na + j, w]
                db[k, w] = acc
        for k in range(1, nb):
            for j in range(nb - 1, k - 1, -1):
                for w in range(W):
                    db[j, w] = db[j, w] - db[j - 1, w]
        # 3. the recurrence, all lanes in step
        for w in range(W):
            pp[w] = 1.0
            p[w] = coef[0, w]
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
                pp[w] = p[w]
                p[w] = p_new
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
            d = abs(x - pp[w] / qp[w])
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


def screen(a_lo, a_span, b_lo, b_span, first: int, count: int, depth: int = 32, tol: float = 1e-9,
           skip_mirror: bool = False):
    """Run the kernel on candidates [first, first + count). Returns (values, deltas, status) arrays:
    x_N, |x_N - x_{N-1}| (NaN unless computed) and the status codes of the module doc."""
    a_lo = np.asarray(a_lo, dtype=np.int64)
    a_span = np.asarray(a_span, dtype=np.int64)
    b_lo = np.asarray(b_lo, dtype=np.int64)
    b_span = np.asarray(b_span, dtype=np.int64)
    values = np.empty(count, dtype=np.float64)
    deltas = np.empty(count, dtype=np.float64)
    status = np.empty(count, dtype=np.int8)
    screen_kernel(a_lo, a_span, b_lo, b_span, np.int64(first), np.int64(count), np.int64(depth), np.float64(tol),
             bool(skip_mirror), values, deltas, status)
    return values, deltas, status
