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
(``cf eval``, ``cf novelty``: importing Numba, or even NumPy, would cost more than the systems it saves)
the matrix is built in Python and its rank taken by FLINT's ``nmod_mat`` (a few tenths of a ms, about
half an exact solve), until the process has screened :data:`KERNEL_AFTER` systems this way (a thorough
classification, ``cf unify``, an export): then Numba is loaded (about a second, once) and the kernel
used. Both compute the same rank. Reference: the rank of a matrix over Z_p bounds its rank over Q from below (e.g.
J. von zur Gathen, J. Gerhard, Modern Computer Algebra, 3rd ed. (2013), ch. 5, on modular methods).
"""

from __future__ import annotations

import sys

__all__ = ["PRIME", "KERNEL_AFTER", "screen_points", "values_mod", "screen_matrix", "Screen"]

PRIME = 2 ** 26 - 5  # a prime; residues < 2^26 keep the kernel's products and sums inside int64
KERNEL_AFTER = 3000  # systems screened without Numba before loading it (~0.3 ms each; ~1 s once): ski rental
_SCREENED_WITHOUT_KERNEL = [0]


def screen_points(degree: int) -> list[int]:
    """The evaluation points for V of degree <= ``degree``: ``degree + 3`` of them (any points are
    valid, module doc; these are away from the small integer roots that b, b' and the scalars have)."""
    return [1009 + 97 * t for t in range(degree + 3)]


def values_mod(poly, points) -> list[int]:
    """poly(x) mod :data:`PRIME` at each point (``poly`` an ``fmpz_poly``)."""
    return [int(poly(int(x))) % PRIME for x in points]


def screen_matrix(points, m_a, m_b, n_a, n_b, g1, g2, degree: int) -> list[list[int]]:
    """The screen matrix E of the module doc modulo :data:`PRIME` (rows (x, r, c), columns (i, j, q)), from
    the values mod :data:`PRIME` at the points: a(x), b(x) of M, a'(x), b'(x) of N, g1(x), g2(x)."""
    p = PRIME
    rows = []
    for s, x in enumerate(points):
        x, x1 = x % p, (x + 1) % p
        pw = [pow(x, q, p) for q in range(degree + 1)]
        pw1 = [pow(x1, q, p) for q in range(degree + 1)]
        M = ((0, m_b[s]), (1, m_a[s]))  # M[r][i]
        N = ((0, n_b[s]), (1, n_a[s]))  # N[j][c]
        for r in range(2):
            for c in range(2):
                row = []
                for i in range(2):
                    for j in range(2):
                        left = g2[s] * N[j][c] % p if r == i else 0
                        right = g1[s] * M[r][i] % p if j == c else 0
                        row.extend((left * pw[q] - right * pw1[q]) % p for q in range(degree + 1))
                rows.append(row)
    return rows


class Screen:
    """The screen for the systems of one coboundary search from the PCF (a, b) (``fmpz_poly``), V of degree
    <= ``degree``: :meth:`unsolvable` per (shift k, scalar). ``kernel``: the Numba kernel (True) or Python
    + FLINT ``nmod_mat`` (False); default: the kernel when Numba is loaded already or this process has
    screened :data:`KERNEL_AFTER` systems without it (module doc)."""

    def __init__(self, a, b, degree: int, kernel: bool | None = None):
        self.degree = degree
        if kernel is None:
            kernel = "numba" in sys.modules or _SCREENED_WITHOUT_KERNEL[0] >= KERNEL_AFTER
        self.kernel = kernel
        self.points = screen_points(degree)
        self.known = (values_mod(a, self.points), values_mod(b, self.points))
        self.shifts: dict = {}
        if self.kernel:
            import numpy as np

            self.np = np
            self.at = np.array(self.points, dtype=np.int64)
            self.known = tuple(np.array(v, dtype=np.int64) for v in self.known)

    def add_shift(self, k: int, a2, b2) -> None:
        """The candidate (a', b') shifted by k (``fmpz_poly``)."""
        vals = (values_mod(a2, self.points), values_mod(b2, self.points))
        self.shifts[k] = tuple(self.np.array(v, dtype=self.np.int64) for v in vals) if self.kernel else vals

    def unsolvable(self, k: int, h1, h2, c1: int, c2: int) -> bool:
        """True when the system of shift ``k`` with the scalar (c1 h1) / (c2 h2) (``h1``, ``h2``
        ``fmpz_poly``, ``c1``, ``c2`` integers) has no solution: full column rank modulo :data:`PRIME`."""
        if self.kernel:
            from discover.cf.novelty.coboundary_screen_kernel import full_rank_mod

            np = self.np
            h1c = np.array([int(c) % PRIME for c in h1.coeffs()] or [0], dtype=np.int64)
            h2c = np.array([int(c) % PRIME for c in h2.coeffs()] or [0], dtype=np.int64)
            return bool(full_rank_mod(self.at, *self.known, *self.shifts[k], h1c, h2c, c1 % PRIME, c2 % PRIME,
                                      self.degree))
        from flint import nmod_mat

        _SCREENED_WITHOUT_KERNEL[0] += 1
        g1 = [v * (c1 % PRIME) % PRIME for v in values_mod(h1, self.points)]
        g2 = [v * (c2 % PRIME) % PRIME for v in values_mod(h2, self.points)]
        E = screen_matrix(self.points, *self.known, *self.shifts[k], g1, g2, self.degree)
        return nmod_mat(E, PRIME).rank() == len(E[0])
