"""The matching tables of stage 1: Moebius forms of one constant, or combined forms of several.

A *combined form* of constants C_1 .. C_k with coefficient bound K is

    y = (c_0 + c_1 C_1 + ... + c_k C_k) / (d_0 + d_1 C_1 + ... + d_k C_k),   |c_i|, |d_i| <= K,

with the numerator not a multiple of the denominator (y is not rational: some 2x2 minor c_i d_j -
c_j d_i is non-zero), gcd of all coefficients 1 and the last non-zero denominator coefficient positive
(one representative of +-). k = 1 is the Moebius form of :func:`discover.cf.identify.mobius_table`
(which is used then). A value of the zeta(5) PCF, 2/(1 - 2 zeta(3) + 2 zeta(5)), is the combined form
(2, 0, 0)/(1, -2, 2) of zeta(3), zeta(5) with K = 2, not a Moebius form of either. The table has
(2K + 1)^(2k + 2) forms before reduction; :data:`MAX_FORMS` bounds it (checked before a run starts).
"""

from __future__ import annotations

__all__ = ["MAX_FORMS", "combined_size", "combined_table"]

MAX_FORMS = 2_000_000   # forms before reduction: the enumeration peaks near 300 bytes a form


def combined_size(k: int, K: int) -> int:
    """(2K + 1)^(2k + 2): the forms enumerated for k constants with bound K."""
    return (2 * int(K) + 1) ** (2 * int(k) + 2)


def combined_table(values, K: int):
    """(sorted float64 values, int64 coefficients (m, 2k + 2): c_0..c_k, d_0..d_k) of the combined
    forms of the constants with float values ``values`` (module doc); numerically equal values keep the
    form of smallest sum |coefficients|."""
    import numpy as np

    k = len(values)
    n = 2 * k + 2
    r = np.arange(-K, K + 1, dtype=np.int64)
    grid = np.stack([m.ravel() for m in np.meshgrid(*([r] * n), indexing="ij")], axis=1)
    num, den = grid[:, : k + 1], grid[:, k + 1:]
    # not rational: some minor c_i d_j - c_j d_i != 0
    keep = np.zeros(len(grid), dtype=bool)
    for i in range(k + 1):
        for j in range(i + 1, k + 1):
            keep |= num[:, i] * den[:, j] - num[:, j] * den[:, i] != 0
    g = np.gcd.reduce(np.abs(grid), axis=1)
    keep &= g == 1
    nz = den != 0
    last = np.where(nz.any(axis=1), den[np.arange(len(den)), k - np.argmax(nz[:, ::-1], axis=1)], 0)
    keep &= last > 0
    grid = grid[keep]
    basis = np.concatenate([[1.0], np.asarray(values, dtype=np.float64)])
    top = grid[:, : k + 1] @ basis
    bottom = grid[:, k + 1:] @ basis
    ok = np.abs(bottom) > 1e-12
    grid, vals = grid[ok], top[ok] / bottom[ok]
    size = np.abs(grid).sum(axis=1)
    order = np.lexsort((size, vals))
    vals, grid = vals[order], grid[order]
    first = np.ones(len(vals), dtype=bool)
    first[1:] = vals[1:] != vals[:-1]
    return vals[first], grid[first]
