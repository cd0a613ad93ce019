"""Copies between arrays inside Numba kernels, as plain loops.

``dst[:, :] = src`` (or ``dst[:] = src``, ``dst[k, :] = src[i, :]``) in a Numba function compiles Numba's
general broadcasting assignment, whose shape check formats its error message at run time: integer-to-string
conversion, string joins and their helpers get compiled with it, 2.4-3.6 s the first time in a process and
0.2-0.5 s for each further signature (measured alone: 3.64 s for a uint8 matrix against 0.10 s for the loop
below), paid on every fresh install or empty cache. The kernels copy between arrays of known, equal
shapes, so they need none of it.
"""

from __future__ import annotations

import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit


@njit(cache=True, inline="always")
def copy_vector(dst, src):
    """``dst[j] = src[j]`` for every j of ``dst`` (``src`` at least as long)."""
    for j in range(dst.shape[0]):
        dst[j] = src[j]


@njit(cache=True, inline="always")
def copy_row(dst, k, src, i):
    """Row ``i`` of ``src`` into row ``k`` of ``dst`` (``dst[k, :] = src[i, :]``; the same array allowed)."""
    copy_vector(dst[k], src[i])


@njit(cache=True, inline="always")
def copy_rows(dst, src, m):
    """The first ``m`` rows of ``src`` into those of ``dst`` (``dst[:m, :] = src[:m, :]``)."""
    for i in range(m):
        copy_vector(dst[i], src[i])


@njit(cache=True, inline="always")
def copy_matrix(dst, src):
    """``dst[i, j] = src[i, j]`` for every i, j of ``dst`` (``src`` has at least its shape)."""
    copy_rows(dst, src, dst.shape[0])
