"""Numba kernels of the beam search (:mod:`discover.cayley.solve`): one job each, plain arrays in and out.

* :func:`expand_hash`: the neighbours ``s . g`` (``(s . g)[i] = s[g[i]]``) of every beam state under every
  generator, row ``i*G + g``, with a 64-bit hash of each row (a sum of ``state[j] * mult[j]`` mod 2^64 with
  random odd multipliers: distinct states collide with probability about 2^-63, and a collision can only
  drop a state from the beam, never make a wrong word, since every word is verified by applying it);
* :func:`mismatches`: the Hamming distance of each row to the target state (the number of positions
  that differ);
* :func:`pancake_gaps`: the gap count of each row (adjacent positions whose values are not consecutive,
  plus the bottom one when it is not the largest), for prefix reversals of the identity arrangement.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit, prange

U64 = np.uint64


@njit(parallel=True, cache=True)
def expand_hash(states, gens, mult, out, hashes):
    """``out[i*G + g] = states[i][gens[g]]`` and ``hashes[i*G + g]`` its hash (see the module docstring)."""
    m = states.shape[0]
    L = states.shape[1]
    G = gens.shape[0]
    for i in prange(m):
        for g in range(G):
            row = i * G + g
            h = U64(0)
            for j in range(L):
                v = states[i, gens[g, j]]
                out[row, j] = v
                h += U64(v + 1) * mult[j]
            hashes[row] = h


@njit(parallel=True, cache=True)
def mismatches(states, rows, target, out):
    """``out[t]`` = the number of positions j where ``states[rows[t], j] != target[j]``."""
    L = states.shape[1]
    for t in prange(rows.shape[0]):
        i = rows[t]
        c = 0
        for j in range(L):
            if states[i, j] != target[j]:
                c += 1
        out[t] = c


@njit(parallel=True, cache=True)
def pancake_gaps(states, rows, out):
    """``out[t]`` = the gap count of ``states[rows[t]]`` (values 0..n-1; the plate counts as value n)."""
    n = states.shape[1]
    for t in prange(rows.shape[0]):
        i = rows[t]
        c = 0
        for j in range(n - 1):
            d = np.int64(states[i, j]) - np.int64(states[i, j + 1])
            if d != 1 and d != -1:
                c += 1
        if states[i, n - 1] != n - 1:
            c += 1
        out[t] = c


@njit(parallel=True, cache=True)
def cyclic_displacement(states, rows, out):
    """``out[t]`` = min over rotations r of the sum over positions j of the cyclic distance between the value
    ``states[rows[t], j]`` and ``j + r`` mod n: how far the arrangement is from a rotation of 0..n-1 (rotations
    cost nothing; a swap of two neighbours changes the sum by at most 2)."""
    n = states.shape[1]
    for t in prange(rows.shape[0]):
        i = rows[t]
        best = n * n
        for r in range(n):
            c = 0
            for j in range(n):
                d = (np.int64(states[i, j]) - j - r) % n
                c += min(d, n - d)
            if c < best:
                best = c
        out[t] = best
