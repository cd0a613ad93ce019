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
the prime P = 2^26 - 5 too, where v is not 0 (primitive). So if E has full column rank modulo P, the
system has no nonzero solution and the exact solver would return None: discarding it changes no
decision. (The converse is not claimed: a rank drop, from the points, the prime or a real solution,
just sends the system to the exact solver.) Any points are valid; t = D + 3 gives 4 rows to spare.

The rank modulo P: in a process that has Numba loaded already (a search: its screen kernels), the Numba
kernel of :mod:`discover.cf.novelty.coboundary_screen_kernel` (a few microseconds a system); otherwise
(``cf eval``, ``cf novelty``: importing Numba would cost about a second, more than the systems it saves)
the matrix is built with NumPy and its rank taken by FLINT's ``nmod_mat`` (about 0.1 ms). Both compute
the same rank. Reference: the rank of a matrix over Z_p bounds its rank over Q from below (e.g.
J. von zur Gathen, J. Gerhard, Modern Computer Algebra, 3rd ed. (2013), ch. 5, on modular methods).
"""

from __future__ import annotations

import sys

import numpy as np

__all__ = ["PRIME", "screen_points", "values_mod", "coefficients_mod", "screen_matrix", "unsolvable"]

PRIME = 2 ** 26 - 5  # a prime; residues < 2^26 keep the kernel's products and sums inside int64


def screen_points(degree: int) -> list[int]:
    """The evaluation points for V of degree <= ``degree``: ``degree + 3`` of them (any points are
    valid, module doc; these are away from the small integer roots that b, b' and the scalars have)."""
    return [1009 + 97 * t for t in range(degree + 3)]


def values_mod(poly, points) -> np.ndarray:
    """poly(x) mod :data:`PRIME` at each point (``poly`` an ``fmpz_poly``), as an int64 array."""
    return np.array([int(poly(int(x))) % PRIME for x in points], dtype=np.int64)


def coefficients_mod(poly) -> np.ndarray:
    """The coefficients of ``poly`` (``fmpz_poly``, lowest first) mod :data:`PRIME`, as an int64 array."""
    return np.array([int(c) % PRIME for c in poly.coeffs()] or [0], dtype=np.int64)


def screen_matrix(points, m_a, m_b, n_a, n_b, g1, g2, degree: int, p: int = PRIME) -> np.ndarray:
    """The screen matrix E of the module doc modulo ``p`` (rows (x, r, c), columns (i, j, q), int64), from
    the values at the points (int64 arrays, reduced mod ``p``): a(x), b(x) of M, a'(x), b'(x) of N, g1, g2."""
    t = len(points)
    x = np.asarray(points, dtype=np.int64) % p
    powers = np.ones((t, degree + 1), dtype=np.int64)
    powers1 = np.ones((t, degree + 1), dtype=np.int64)
    for q in range(1, degree + 1):
        powers[:, q] = powers[:, q - 1] * x % p
        powers1[:, q] = powers1[:, q - 1] * ((x + 1) % p) % p
    zero, one = np.zeros(t, dtype=np.int64), np.ones(t, dtype=np.int64)
    M = np.stack([np.stack([zero, m_b], 1), np.stack([one, m_a], 1)], 1)  # M[x, r, i]
    N = np.stack([np.stack([zero, n_b], 1), np.stack([one, n_a], 1)], 1)  # N[x, j, c]
    left = g2[:, None, None] * N % p
    right = g1[:, None, None] * M % p
    E = np.zeros((t, 2, 2, 2, 2, degree + 1), dtype=np.int64)  # x, r, c, i, j, q
    for r in range(2):  # [r = i] g2 N_jc x^q
        E[:, r, :, r, :, :] += left.transpose(0, 2, 1)[:, :, :, None] * powers[:, None, None, :]
    for c in range(2):  # - [j = c] g1 M_ri (x + 1)^q
        E[:, :, c, :, c, :] -= right[:, :, :, None] * powers1[:, None, None, :]
    return (E % p).reshape(4 * t, 4 * (degree + 1))


def unsolvable(points, m_a, m_b, n_a, n_b, h1, h2, c1: int, c2: int, degree: int, kernel: bool | None = None) -> bool:
    """True when the screen proves the coboundary system with the scalar (c1 h1) / (c2 h2) unsolvable (full
    column rank modulo :data:`PRIME`). ``points``: int64 array; ``m_a``, ``m_b``, ``n_a``, ``n_b``: the
    values of a, b (listed) and a', b' (candidate, shifted) there (:func:`values_mod`); ``h1``, ``h2``:
    ``fmpz_poly``; ``c1``, ``c2``: integers. ``kernel``: the Numba kernel (True) or NumPy + FLINT (False);
    default: the kernel when Numba is loaded already (module doc)."""
    if kernel or (kernel is None and "numba" in sys.modules):
        from discover.cf.novelty.coboundary_screen_kernel import full_rank_mod

        return bool(full_rank_mod(points, m_a, m_b, n_a, n_b, coefficients_mod(h1), coefficients_mod(h2),
                                  c1 % PRIME, c2 % PRIME, degree))
    from flint import nmod_mat

    E = screen_matrix(points, m_a, m_b, n_a, n_b, values_mod(h1, points) * (c1 % PRIME) % PRIME,
                      values_mod(h2, points) * (c2 % PRIME) % PRIME, degree)
    rows, cols = E.shape
    return nmod_mat(rows, cols, E.ravel().tolist(), PRIME).rank() == cols
