"""The Numba kernel of the coboundary screen (:mod:`discover.cf.novelty.coboundary_screen`, whose module doc
states the matrix and why its full rank modulo a prime proves the system unsolvable): the screen matrix
built from the values at the points, and Gaussian elimination modulo P on int64 (residues < 2^26, so a
product is below 2^52 and entries can take many updates before they are reduced)."""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

__all__ = ["full_rank_mod"]


P = 2 ** 26 - 5  # coboundary_screen.PRIME (a constant here, so that "% P" compiles to multiplications)


@njit(cache=True)
def _inverse(a):
    """a^-1 mod P (extended Euclid; a not 0 mod P)."""
    t, new_t, r, new_r = 0, 1, P, a % P
    while new_r:
        q = r // new_r
        t, new_t = new_t, t - q * new_t
        r, new_r = new_r, r - q * new_r
    return t % P


@njit(cache=True)
def _value(coeffs, x):
    """The polynomial with coefficients ``coeffs`` (mod P, lowest first) at x, mod P (Horner)."""
    v = 0
    for q in range(coeffs.shape[0] - 1, -1, -1):
        v = (v * x + coeffs[q]) % P
    return v


@njit(cache=True)
def full_rank_mod(points, m_a, m_b, n_a, n_b, h1, h2, c1, c2, degree):
    """True when the screen matrix E (:func:`discover.cf.novelty.coboundary_screen.screen_matrix`, built
    here entry by entry) has full column rank modulo P: then the coboundary system has no solution.
    ``points``: int64; ``m_a``, ``m_b``, ``n_a``, ``n_b``: a(x), b(x) of M and a'(x), b'(x) of N at the
    points, mod P; the scalar is g1/g2 with g1 = c1 h1, g2 = c2 h2 (``h1``, ``h2`` coefficient arrays,
    ``c1``, ``c2`` integers, all mod P)."""
    t = points.shape[0]
    cols = 4 * (degree + 1)
    rows = 4 * t
    E = np.empty((rows, cols), dtype=np.int64)
    for s in range(t):
        x = points[s] % P
        x1 = (points[s] + 1) % P
        g1 = c1 * _value(h1, x) % P
        g2 = c2 * _value(h2, x) % P
        for r in range(2):
            for c in range(2):
                row = 4 * s + 2 * r + c
                for i in range(2):
                    for j in range(2):
                        # N_jc and M_ri of [[0, b], [1, a]]
                        n_jc = (0 if c == 0 else n_b[s]) if j == 0 else (1 if c == 0 else n_a[s])
                        m_ri = (0 if i == 0 else m_b[s]) if r == 0 else (1 if i == 0 else m_a[s])
                        left = g2 * n_jc % P if r == i else 0
                        right = g1 * m_ri % P if j == c else 0
                        xp, x1p = 1, 1
                        for q in range(degree + 1):
                            E[row, (2 * i + j) * (degree + 1) + q] = (left * xp - right * x1p) % P
                            xp = xp * x % P
                            x1p = x1p * x1 % P
    # Elimination with lazy reduction: the pivot row and each multiplier f are reduced (< P < 2^26), the
    # other entries only when read as a pivot candidate; an entry takes at most `cols` updates f * e
    # (< 2^52 each) on top of its reduced start, so it stays below cols * 2^52 + P < 2^57 (int64).
    rank = 0
    for col in range(cols):
        pivot = -1
        for row in range(rank, rows):
            E[row, col] %= P
            if pivot < 0 and E[row, col] != 0:
                pivot = row
        if pivot < 0:
            return False  # a column without a pivot: the rank is short (the exact solver decides)
        if pivot != rank:
            for q in range(col, cols):
                E[rank, q], E[pivot, q] = E[pivot, q], E[rank, q]
        inv = _inverse(E[rank, col])
        for q in range(col, cols):
            E[rank, q] = E[rank, q] % P * inv % P
        for row in range(rank + 1, rows):
            f = E[row, col]
            if f:
                for q in range(col + 1, cols):
                    E[row, q] -= f * E[rank, q]
                E[row, col] = 0
        rank += 1
    return True
