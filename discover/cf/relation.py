"""Integer relations by lattice reduction (FLINT's LLL), the search primitive of :mod:`discover.cf.identify`.

Problem. Given reals v_1, ..., v_n known to about Ds significant digits, find small integers u (not all
zero) with u . v = 0 to that precision.

Method. Write each v_i in fixed point, V_i = round(v_i 2^B) with 2^B |v|_max ~ 10^Ds, and LLL-reduce
(``flint.fmpz_mat.lll``, delta = 0.99) the rows of the n x (n + 1) integer matrix [I_n | V]. A row of the
lattice is (u, u . V); a true relation gives a row whose last entry is only the rounding noise
|u . V| <= (sum |u_i|) / 2 + 1, so its length is about |u|, while an n-dimensional lattice of
determinant ~ 2^B holds vectors of length ~ 2^(B/n) whatever v is: LLL returns a row of size |u| when
|u| is well below 2^(B/n) (within its 2^((n-1)/2) approximation factor). Every reduced row is returned
with its residual u . V; which of them is a relation is the caller's decision (the acceptance rule of
:mod:`discover.cf.identify`: a relation of S digits is taken only when S <= Ds/2 + 1, far below the
Ds digits of a chance lattice vector, and its values agree to all digits on an independent check).

This replaces mpmath's pure-Python PSLQ: the same relations, found by FLINT's C implementation
(``benchmarks/bench_identify.py`` compares the two).
"""

from __future__ import annotations

import math
from typing import Sequence

__all__ = ["fixed_point", "lll_relations", "scale_bits"]

LOG2_10 = math.log2(10)


def scale_bits(digits: float, magnitude: float = 1.0) -> int:
    """B such that 2^B * magnitude ~ 10^digits: fixed point with ``digits`` significant digits of a value
    of size ``magnitude`` (at least 8 bits)."""
    return max(8, int(digits * LOG2_10 - math.log2(max(magnitude, 1e-300))))


def fixed_point(value, bits: int) -> int:
    """round(value 2^bits) for an mpmath number (exact integer arithmetic on its mantissa)."""
    import mpmath

    sign, man, exp, _bc = mpmath.mpf(value)._mpf_  # (mpf.man_exp drops the sign: read the raw tuple)
    if man == 0:
        return 0
    shift = exp + bits
    mag = int(man) << shift if shift >= 0 else (int(man) + (1 << (-shift - 1))) >> -shift  # round half up
    return -mag if sign else mag


def lll_relations(scaled: Sequence[int]) -> list[tuple[tuple[int, ...], int]]:
    """The LLL-reduced rows of [I_n | scaled] as (u, u . scaled), shortest first: candidate relations u of
    the reals whose fixed-point values (all at one scale) are ``scaled``."""
    from flint import fmpz_mat

    n = len(scaled)
    rows = [[1 if i == j else 0 for j in range(n)] + [int(v)] for i, v in enumerate(scaled)]
    reduced = fmpz_mat(rows).lll()
    out = []
    for i in range(n):
        u = tuple(int(reduced[i, j]) for j in range(n))
        out.append((u, int(reduced[i, n])))
    return out
