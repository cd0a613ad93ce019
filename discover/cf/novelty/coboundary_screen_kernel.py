"""The Numba kernel of the coboundary screen (:mod:`discover.cf.novelty.coboundary_screen`, whose module doc
states the matrix and why its full rank modulo a prime proves the system unsolvable): the screen matrix
built from the values at the points, and Gaussian elimination modulo p on int64 (residues < 2^31, so
every product stays below 2^62)."""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

__all__ = ["full_rank_mod"]


@njit(cache=True)
def _inverse(a, p):
    """a^-1 mod p (extended Euclid; a not 0 mod p)."""
    t, new_t, r, new_r = 0, 1, p, a % p
    while new_r:
        q = r // new_r
        t, new_t = new_t, t - q * new_t
        r, new_r = new_r, r - q * new_r
    return t % p


@njit(cache=True)
def full_rank_mod(points, m_a, m_b, n_a, n_b, g1, g2, degree, p):
    """True when the screen matrix E (:func:`discover.cf.novelty.coboundary_screen.screen_matrix`, built
    here entry by entry) has full column rank modulo ``p``: then the coboundary system has no solution. All arguments but ``degree`` and ``p`` are int64 arrays over the
    points: the points, a(x), b(x) of M, a'(x), b'(x) of N, g1(x), g2(x), each reduced mod ``p``."""
    t = points.shape[0]
    cols = 4 * (degree + 1)
    E = np.zeros((4 * t, cols), dtype=np.int64)
    for s in range(t):
        x = points[s] % p
        x1 = (points[s] + 1) % p
        # M_ri and N_jc at x: [[0, b], [1, a]]
        M = np.array([[0, m_b[s]], [1, m_a[s]]], dtype=np.int64)
        N = np.array([[0, n_b[s]], [1, n_a[s]]], dtype=np.int64)
        for r in range(2):
            for c in range(2):
                row = 4 * s + 2 * r + c
                for i in range(2):
                    for j in range(2):
                        left = g2[s] * N[j, c] % p if r == i else 0
                        right = g1[s] * M[r, i] % p if j == c else 0
                        xp, x1p = 1, 1
                        for q in range(degree + 1):
                            E[row, (2 * i + j) * (degree + 1) + q] = (left * xp - right * x1p) % p
                            xp = xp * x % p
                            x1p = x1p * x1 % p
    rank = 0
    for col in range(cols):
        pivot = -1
        for row in range(rank, 4 * t):
            if E[row, col] != 0:
                pivot = row
                break
        if pivot < 0:
            return False  # a column without a pivot: the rank is short (the exact solver decides)
        if pivot != rank:
            for q in range(cols):
                E[rank, q], E[pivot, q] = E[pivot, q], E[rank, q]
        inv = _inverse(E[rank, col], p)
        for q in range(col, cols):
            E[rank, q] = E[rank, q] * inv % p
        for row in range(rank + 1, 4 * t):
            f = E[row, col]
            if f:
                for q in range(col, cols):
                    E[row, q] = (E[row, q] - f * E[rank, q]) % p
        rank += 1
    return True
