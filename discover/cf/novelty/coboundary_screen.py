"""A modular screen for the coboundary linear system: a proof that it has no solution, in microseconds.

:func:`discover.cf.novelty.equivalence.coboundary` solves, for each shift k and scalar g1/g2,

    g2(n) V(n) N(n) = g1(n) M(n) V(n + 1)        (M = [[0, b], [1, a]], N = [[0, b'], [1, a']] shifted by k)

for V with integer polynomial entries of degree <= D: a homogeneous linear system in the 4 (D + 1)
coefficients of V, built and solved exactly (FLINT nullspace) at about 0.6 ms a system. Almost every
system tried has only V = 0 (a search record tries up to 96), so this module first proves that
cheaply, and only the systems it cannot rule out go to the exact solver.

The screen. Evaluate the equation at ``t`` integer points x_1..x_t instead of comparing coefficients:
row (x, r, c), column (i, j, p) of the t*4 x 4(D+1) integer matrix E is

    [r = i] g2(x) N_jc(x) x^p  -  [j = c] g1(x) M_ri(x) (x + 1)^p,

the (r, c) entry of the equation's residual at n = x for V = n^p E_ij. A solution V (coefficient vector
v, taken primitive) makes the residual the zero polynomial, so E v = 0 over the integers, and modulo
the prime P = 2^31 - 1 too, where v is not 0 (primitive). So if E has full column rank modulo P, the
system has no nonzero solution and the exact solver would return None: discarding it changes no
decision. (The converse is not claimed: a rank drop, from the points, the prime or a real solution,
just sends the system to the exact solver.) Any points are valid; t = D + 3 gives 4 rows to spare.

Kernel: Gaussian elimination modulo P on int64 (residues < 2^31, products < 2^62), in Numba. Reference:
the rank of a matrix over Z_p bounds its rank over Q from below (e.g. J. von zur Gathen, J. Gerhard,
Modern Computer Algebra, 3rd ed. (2013), ch. 5, on modular methods).
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

__all__ = ["PRIME", "screen_points", "values_mod", "full_rank_mod"]

PRIME = 2 ** 31 - 1


def screen_points(degree: int) -> list[int]:
    """The evaluation points for V of degree <= ``degree``: ``degree + 3`` of them (any points are
    valid, module doc; these are away from the small integer roots that b, b' and the scalars have)."""
    return [1009 + 97 * t for t in range(degree + 3)]


def values_mod(poly, points) -> np.ndarray:
    """poly(x) mod :data:`PRIME` at each point (``poly`` an ``fmpz_poly``), as an int64 array."""
    return np.array([int(poly(x)) % PRIME for x in points], dtype=np.int64)


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
    """True when the screen matrix E of the module doc has full column rank modulo ``p``: then the
    coboundary system has no solution. All arguments but ``degree`` and ``p`` are int64 arrays over the
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
