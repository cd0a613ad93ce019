"""The double description loop in Numba, on int64 with an overflow guard.

Same mathematics and the same conventions as :func:`discover.chem.rays.extreme_rays_exact` (which
is the exact reference): the cone ``{z >= 0 : M z = 0}`` starts from the ``d`` kernel vectors in
reduced row echelon form (nonnegative at the pivot columns), and each remaining column constraint
``z_c >= 0`` is added in turn (the one with the fewest positive x negative pairs first, ties to the
lowest column). Adjacent pairs are found with the combinatorial test on zero sets stored as ``uint64``
bit words, with the cardinality pre-test ``|common zeros| >= d - 2``.

Overflow guard: before each combination ``b * r_i + a * r_j`` the kernel checks, in floating point
with a margin, that every entry stays below 2**62; when it would not, the kernel stops and returns
status 1, and the caller redoes the whole enumeration with exact Python integers. Status 2 means the
ray count passed ``max_rays``. So the result is always exact: either every entry fitted in int64, or
the exact path ran.

Interruption: the kernel releases the GIL (``nogil``) and reads ``stop[0]`` before every pair it
examines; the caller runs it in a thread and sets ``stop[0] = 1`` on Ctrl-C, and the kernel returns
status 3 at once (a long enumeration stops within milliseconds, not when it finishes).
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.kernels.arrays import copy_row, copy_rows

LIMIT = float(2 ** 62)


@njit(cache=True)
def _gcd(a, b):
    if a < 0:
        a = -a
    if b < 0:
        b = -b
    while b:
        a, b = b, a % b
    return a


@njit(cache=True)
def _popcount(x):
    n = 0
    while x:
        x &= x - np.uint64(1)
        n += 1
    return n


@njit(cache=True, nogil=True)
def double_description(init, pivot_mask, max_rays, stop):
    """Extreme rays of ``{z >= 0 : M z = 0}`` from the echelon kernel basis ``init`` (d x N, int64).

    ``pivot_mask`` (uint64 words) marks the pivot columns. Returns ``(rays, status)``: ``rays`` is
    (r x N) int64, each row primitive; ``status`` 0 = done, 1 = int64 overflow avoided (redo exactly),
    2 = more than ``max_rays`` rays, 3 = stopped because ``stop[0]`` was set.
    """
    d, N = init.shape
    W = pivot_mask.shape[0]
    need = d - 2
    cap = max(16, 2 * d)
    rays = np.zeros((cap, N), dtype=np.int64)
    zeros = np.zeros((cap, W), dtype=np.uint64)
    n = d
    for i in range(d):
        for k in range(N):
            rays[i, k] = init[i, k]
            if init[i, k] == 0:
                zeros[i, k // 64] |= np.uint64(1) << np.uint64(k % 64)
    processed = pivot_mask.copy()
    remaining = np.ones(N, dtype=np.bool_)
    for k in range(N):
        if (processed[k // 64] >> np.uint64(k % 64)) & np.uint64(1):
            remaining[k] = False
    left = 0
    for k in range(N):
        if remaining[k]:
            left += 1
    common = np.zeros(W, dtype=np.uint64)
    while left > 0:
        best_c = -1
        best_cost = -1
        for c in range(N):
            if not remaining[c]:
                continue
            pos = 0
            neg = 0
            for i in range(n):
                if rays[i, c] > 0:
                    pos += 1
                elif rays[i, c] < 0:
                    neg += 1
            cost = pos * neg
            if best_c < 0 or cost < best_cost:
                best_c = c
                best_cost = cost
                if cost == 0:
                    break
        c = best_c
        remaining[c] = False
        left -= 1
        # the new ray set: rays with z_c >= 0, then one ray per adjacent (positive, negative) pair
        ncap = max(16, n + best_cost if best_cost < 4 * n else 2 * n)
        new_rays = np.zeros((ncap, N), dtype=np.int64)
        new_zeros = np.zeros((ncap, W), dtype=np.uint64)
        m = 0
        for i in range(n):
            if rays[i, c] >= 0:
                copy_row(new_rays, m, rays, i)
                copy_row(new_zeros, m, zeros, i)
                m += 1
        if best_cost > 0:
            maxabs = np.zeros(n, dtype=np.float64)
            for i in range(n):
                mx = 0
                for k in range(N):
                    v = rays[i, k]
                    if v < 0:
                        v = -v
                    if v > mx:
                        mx = v
                maxabs[i] = mx
            for i in range(n):
                if rays[i, c] <= 0:
                    continue
                for j in range(n):
                    if rays[j, c] >= 0:
                        continue
                    if stop[0]:
                        return rays[:0, :].copy(), 3
                    count = 0
                    for w in range(W):
                        common[w] = zeros[i, w] & zeros[j, w] & processed[w]
                        count += _popcount(common[w])
                    if count < need:
                        continue
                    adjacent = True
                    for k in range(n):
                        if k == i or k == j:
                            continue
                        inside = True
                        for w in range(W):
                            if common[w] & ~zeros[k, w]:
                                inside = False
                                break
                        if inside:
                            adjacent = False
                            break
                    if not adjacent:
                        continue
                    a = rays[i, c]
                    b = -rays[j, c]
                    if float(b) * maxabs[i] + float(a) * maxabs[j] >= LIMIT:
                        return rays[:0, :].copy(), 1
                    if m >= ncap:
                        if m >= max_rays:
                            return rays[:0, :].copy(), 2
                        grown = np.zeros((2 * ncap, N), dtype=np.int64)
                        copy_rows(grown, new_rays, m)
                        new_rays = grown
                        grownz = np.zeros((2 * ncap, W), dtype=np.uint64)
                        copy_rows(grownz, new_zeros, m)
                        new_zeros = grownz
                        ncap *= 2
                    g = 0
                    for k in range(N):
                        v = b * rays[i, k] + a * rays[j, k]
                        new_rays[m, k] = v
                        g = _gcd(g, v)
                    for w in range(W):
                        new_zeros[m, w] = np.uint64(0)
                    for k in range(N):
                        if g > 1:
                            new_rays[m, k] //= g
                        if new_rays[m, k] == 0:
                            new_zeros[m, k // 64] |= np.uint64(1) << np.uint64(k % 64)
                    m += 1
        if m > max_rays:
            return rays[:0, :].copy(), 2
        rays = new_rays
        zeros = new_zeros
        n = m
        processed[c // 64] |= np.uint64(1) << np.uint64(c % 64)
    return rays[:n, :].copy(), 0
