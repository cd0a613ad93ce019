"""Exact linear algebra on small integer matrices, in pure Python (no FLINT import for a usual reaction).

Definitions (all results are unique, so they agree exactly with FLINT's, which the tests check):

* :func:`echelon`: the reduced row echelon form over Q (zeros above and below each pivot), each row
  kept as a primitive integer multiple of the RREF row; the rank is the number of pivots.
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

from math import gcd, lcm
from typing import Sequence


def echelon(rows: Sequence[Sequence[int]], columns: Sequence[int] | None = None) -> tuple[list[list[int]], list[int]]:
    """The reduced row echelon form over Q, kept in integers: (rows, pivot columns), row ``i`` being a
    positive multiple of the RREF's row ``i`` divided by its gcd (so RREF entry ``(i, j)`` is
    ``rows[i][j] / rows[i][pivots[i]]``). Pivots are chosen in the order ``columns`` (default left to
    right); zero rows are dropped. Gauss-Jordan on integers: a row is updated as ``a * row - b * pivot
    row`` and divided by its gcd, so no fractions are formed."""
    m = [list(row) for row in rows if any(row)]
    ncols = len(rows[0]) if rows else 0
    order = range(ncols) if columns is None else columns
    pivots: list[int] = []
    r = 0
    for c in order:
        if r == len(m):
            break
        pivot = next((i for i in range(r, len(m)) if m[i][c]), None)
        if pivot is None:
            continue
        m[r], m[pivot] = m[pivot], m[r]
        if m[r][c] < 0:
            m[r] = [-x for x in m[r]]
        a, top = m[r][c], m[r]
        for i in range(len(m)):
            b = m[i][c]
            if i != r and b:
                row = [a * x - b * y for x, y in zip(m[i], top)]
                g = gcd(*row)
                m[i] = [x // g for x in row] if g > 1 else row
        pivots.append(c)
        r += 1
    for i in range(r):  # make every pivot positive (rows above a later pivot may have turned negative)
        if m[i][pivots[i]] < 0:
            m[i] = [-x for x in m[i]]
    return m[:r], pivots


def rank(rows: Sequence[Sequence[int]]) -> int:
    return len(echelon(rows)[1]) if rows else 0


def kernel_rref(rows: Sequence[Sequence[int]], ncols: int) -> list[list[int]]:
    """Primitive integer rows spanning ``{x in Q^ncols : rows x = 0}``, in reduced row echelon form."""
    if ncols == 0:
        return []
    reduced, pivots = echelon(rows, columns=range(ncols - 1, -1, -1)) if rows else ([], [])
    basis = []
    pivot_set = set(pivots)
    for f in range(ncols):
        if f in pivot_set:
            continue
        # v_f = e_f - sum_i (reduced[i][f] / a_i) e_{p_i}, scaled by the lcm of the a_i involved
        used = [(p, row[f], row[p]) for p, row in zip(pivots, reduced) if row[f]]
        scale = lcm(1, *(a for _, _, a in used))
        v = [0] * ncols
        v[f] = scale
        for p, b, a in used:
            v[p] = -b * (scale // a)
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
