"""The kernels' array copies (discover/kernels/arrays.py) do what the slice assignments they replace do."""

from __future__ import annotations

import numpy as np

import discover.kernels.numba_start  # noqa: F401,I001 - before numba
from numba import njit

from discover.kernels.arrays import copy_matrix, copy_row, copy_rows, copy_vector


@njit
def _apply(kind, dst, src, k, i, m):
    if kind == 0:
        copy_matrix(dst, src)
    elif kind == 1:
        copy_row(dst, k, src, i)
    elif kind == 2:
        copy_rows(dst, src, m)
    else:
        copy_vector(dst[k], src[i])


def test_each_copy_matches_numpy_slicing():
    rng = np.random.default_rng(5)
    src = rng.integers(-9, 9, size=(6, 4)).astype(np.int64)
    for kind, k, i, m in [(0, 0, 0, 0), (1, 2, 5, 0), (2, 0, 0, 3), (3, 1, 4, 0)]:
        dst = rng.integers(-9, 9, size=(6, 4)).astype(np.int64)
        want = dst.copy()
        if kind == 0:
            want[:, :] = src
        elif kind == 1:
            want[k, :] = src[i, :]
        elif kind == 2:
            want[:m, :] = src[:m, :]
        else:
            want[k] = src[i]
        _apply(kind, dst, src, k, i, m)
        assert (dst == want).all(), kind


def test_a_row_copied_within_one_array():
    a = np.arange(12, dtype=np.uint64).reshape(3, 4)
    _apply(1, a, a, 0, 2, 0)  # a[0, :] = a[2, :], as the packed-key merges do
    assert a[0].tolist() == [8, 9, 10, 11] and a[2].tolist() == [8, 9, 10, 11]
