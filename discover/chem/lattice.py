"""Exact linear algebra on small integer matrices, in pure Python (no FLINT import for a usual reaction).

Definitions (all results are unique, so they agree exactly with FLINT's, which the tests check):

* :func:`rref`: the reduced row echelon form over Q (pivots 1, zeros above and below each pivot),
  with its pivot columns; the rank is the number of pivots.
* :func:`kernel_rref`: a basis of the rational kernel ``{x : M x = 0}`` in reduced row echelon form,
  each row scaled to a primitive integer vector (gcd 1, pivot positive).
* :func:`hnf`: the row Hermite normal form of an integer matrix: upper echelon, pivots positive, every
  entry above a pivot in ``[0, pivot)``; its nonzero rows are a basis of the row lattice.

How :func:`kernel_rref` avoids a second elimination: reduce ``M`` with its columns taken right to left.
The free columns are then the leftmost ones that can be free, and the kernel vector ``v_f`` of free
column ``f`` (1 at ``f``, 0 at the other free columns) is nonzero at a pivot column ``p`` only when
``p > f``: so ``v_f`` leads at ``f``, and the ``v_f`` are exactly the rows of the kernel's RREF.
The cost is one elimination of ``M`` (a row per element: a few rows), linear in the species count.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm
from typing import Sequence


def rref(rows: Sequence[Sequence[int]], columns: Sequence[int] | None = None) -> tuple[list[list[Fraction]], list[int]]:
    """(RREF rows, pivot columns) of ``rows`` over Q, choosing pivots in the order ``columns`` (default
    left to right); the zero rows are dropped."""
    m = [[Fraction(x) for x in row] for row in rows]
    ncols = len(m[0]) if m else 0
    order = list(range(ncols)) if columns is None else list(columns)
    pivots: list[int] = []
    r = 0
    for c in order:
        if r == len(m):
            break
        pivot = next((i for i in range(r, len(m)) if m[i][c]), None)
        if pivot is None:
            continue
        m[r], m[pivot] = m[pivot], m[r]
        inv = 1 / m[r][c]
        m[r] = [x * inv for x in m[r]]
        for i in range(len(m)):
            if i != r and m[i][c]:
                f = m[i][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[r])]
        pivots.append(c)
        r += 1
    return m[:r], pivots


def rank(rows: Sequence[Sequence[int]]) -> int:
    return len(rref(rows)[1]) if rows else 0


def kernel_rref(rows: Sequence[Sequence[int]], ncols: int) -> list[list[int]]:
    """Primitive integer rows spanning ``{x in Q^ncols : rows x = 0}``, in reduced row echelon form."""
    if ncols == 0:
        return []
    reduced, pivots = rref(rows, columns=range(ncols - 1, -1, -1)) if rows else ([], [])
    pivot_row = {p: i for i, p in enumerate(pivots)}
    basis = []
    for f in range(ncols):
        if f in pivot_row:
            continue
        entries = {p: -reduced[i][f] for p, i in pivot_row.items() if reduced[i][f]}
        scale = lcm(1, *(x.denominator for x in entries.values()))
        v = [0] * ncols
        v[f] = scale
        for p, x in entries.items():
            v[p] = int(x * scale)
        g = gcd(*v)
        basis.append([x // g for x in v] if g > 1 else v)
    return basis


def _ext_gcd(a: int, b: int) -> tuple[int, int, int]:
    """(g, x, y) with x a + y b = g = gcd(a, b) >= 0."""
    x0, y0, x1, y1 = 1, 0, 0, 1
    while b:
        q, a, b = a // b, b, a % b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    if a < 0:
        a, x0, y0 = -a, -x0, -y0
    return a, x0, y0


def hnf(rows: Sequence[Sequence[int]]) -> list[list[int]]:
    """The row Hermite normal form (same shape as ``rows``: the zero rows come last)."""
    a = [list(row) for row in rows]
    nrows, ncols = len(a), len(a[0]) if a else 0
    r = 0
    for c in range(ncols):
        if r == nrows:
            break
        for i in range(r + 1, nrows):  # gcd steps fold column c of every lower row into row r
            if a[i][c]:
                g, x, y = _ext_gcd(a[r][c], a[i][c])
                p, q = a[r][c] // g, a[i][c] // g
                top, low = a[r], a[i]
                a[r] = [x * u + y * v for u, v in zip(top, low)]
                a[i] = [p * v - q * u for u, v in zip(top, low)]
        if a[r][c] == 0:
            continue
        if a[r][c] < 0:
            a[r] = [-u for u in a[r]]
        for i in range(r):
            k = a[i][c] // a[r][c]
            if k:
                a[i] = [u - k * v for u, v in zip(a[i], a[r])]
        r += 1
    return a
