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

Precision levels (:func:`find_relation`). A relation of small size shows at low precision already, and
checking a candidate at all D digits costs n multiplications of D-digit integers, while an LLL at D
digits costs far more than one at 20. So the lattice is reduced at 20 digits, then 40, 80, ... up to
D, and the first level whose shortest rows include a relation that holds to all D digits
(|u . V| <= sum |u_i| + 1 on the full fixed-point values) returns it: the result is a relation to D
digits, like PSLQ's at tolerance 10^-D, found where it first appears.

This replaces mpmath's pure-Python PSLQ: the same relations, found by FLINT's C implementation
(``benchmarks/bench_identify.py`` compares the two).
"""

from __future__ import annotations

import math
from typing import Sequence

__all__ = ["fixed_point", "lll_relations", "scale_bits", "find_relation"]

LOG2_10 = math.log2(10)


def scale_bits(digits: float, magnitude: float = 1.0) -> int:
    """B such that 2^B * magnitude ~ 10^digits: fixed point with ``digits`` significant digits of a value
    of size ``magnitude`` (at least 8 bits)."""
    return max(8, int(digits * LOG2_10 - math.log2(max(magnitude, 1e-300))))


def fixed_point(value, bits: int) -> int:
    """round(value 2^bits) for an mpmath number (exact integer arithmetic on its mantissa)."""
    import mpmath

    if not isinstance(value, mpmath.mpf):
        value = mpmath.mpf(value)
    # The raw tuple: mpf.man_exp drops the sign, and mpf(value) would round to the working precision.
    sign, man, exp, _bc = value._mpf_
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
    flat = [int(v) for v in fmpz_mat(rows).lll().entries()]  # row-major, n + 1 per row
    return [(tuple(flat[i * (n + 1): i * (n + 1) + n]), flat[i * (n + 1) + n]) for i in range(n)]


def find_relation(values, digits: float, start: float = 20.0, max_coeff: int | None = None):
    """A relation u (a tuple of integers) with u . values = 0 to ``digits`` digits, found by LLL at
    increasing precision levels (``start``, then doubling up to ``digits``; module doc); ``None`` if none holds
    (or none with all |u_i| <= ``max_coeff``). ``values``: mpmath numbers carrying ``digits`` digits."""
    mag = max(1.0, max(float(abs(v)) for v in values))
    full_bits = scale_bits(digits, mag)
    full = [fixed_point(v, full_bits) for v in values]
    level = min(float(digits), float(start))
    while True:
        bits = scale_bits(level, mag)
        scaled = [v >> (full_bits - bits) for v in full] if bits < full_bits else full
        for u, _ in lll_relations(scaled)[:2]:
            if not any(u) or (max_coeff is not None and max(abs(c) for c in u) > max_coeff):
                continue
            if abs(sum(c * v for c, v in zip(u, full))) <= sum(abs(c) for c in u) + 1:
                return u
        if level >= digits:
            return None
        level = min(float(digits), 2 * level)
