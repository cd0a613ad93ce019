"""Lehmer ranks split into a block and a suffix: the tables that rank a neighbour with a few lookups.

The Lehmer rank of a permutation p of 0..n-1 is ``r = sum_i d_i (n-1-i)!`` with
``d_i = #{j > i : p_j < p_i}``. Split the positions into a *prefix* 0..P-1 and a *suffix* of
L = n - P positions. The L! permutations with the same ``r // L!`` (a *block*) share their prefix
values and digits; their suffix holds the L values left over, ``rem_0 < ... < rem_{L-1}``, in the order
of the permutation sigma of 0..L-1 whose Lehmer rank is ``low = r mod L!``: ``p_{P+j} = rem_{sigma(j)}``,
and the suffix digits of p are the Lehmer digits of sigma.

For a generator g (the neighbour is ``q = p[g]``, ``q_i = p_{g_i}``), the rank of q is a sum over its
inversions (i < j, q_j < q_i, weight (n-1-i)!), and an inversion is of one of three sorts:

* both values come from the prefix of p: the same for the whole block (``base``);
* both come from the suffix: whether q_j < q_i is whether sigma(s_j) < sigma(s_i) (the rem values
  are sorted), a function of ``low`` alone: the table ``TV[g, low]``, built once;
* one of each: it depends on the block and on *which* rem value sits at the suffix-valued position t
  of q: a small per-block table ``M[g, t, k]`` (t, k < L).

So ``rank(q) = base_g + TV[g, low] + sum_t M[g, t, SIG[g, low, t]]`` where ``SIG[g, low, t]`` is the
rem index of the t-th suffix-valued position of q, built once. The per-block work is O(n L) per
generator and is shared by every frontier state of the block in a layer; the per-state work is L + 1
lookups. Four special cases are cheaper still:

* ``LOCAL``: g fixes every prefix position, so q is in the same block: ``rank(q) = first + TS[g, low]``
  (``first`` the block's first rank), one lookup, and q's bit lies next to p's in memory. A
  generating set is therefore read with its positions reversed (``n-1-g[n-1-i]``) when that makes
  more generators local: conjugating by the reversal is an isomorphism of Cayley graphs that fixes
  the identity, so the growth is the same (:func:`reversed_positions`);
* ``DELTA``: g fixes every suffix position, so only prefix digits change and ``rank(q) = r + delta_g``
  with one delta per block (short windows: adjacent transpositions, short prefix reversals, ...);
* ``ROTATE_LEFT`` (q = p_1 ... p_{n-1} p_0): digit i of q is ``d_{i+1} + [p_{i+1} > p_0]``; with
  h = #{rem values < p_0} the suffix part is a table ``TL[h, low]``: one lookup;
* ``ROTATE_RIGHT`` (q = p_{n-1} p_0 ... p_{n-2}): digit 0 is p_{n-1} and digit i is
  ``d_{i-1} - [p_{i-1} > p_{n-1}]``; the suffix part is ``TR[low]`` and the part that depends on which
  rem value p_{n-1} is, a per-block table over the L rem values: two lookups.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

GENERAL = 1
DELTA = 0
ROTATE_LEFT = 2
ROTATE_RIGHT = 3
LOCAL = 4
SUFFIX_MAX = 6  # L: blocks of 720 states; long enough that a block has many frontier states per layer


@dataclass(frozen=True)
class BlockTables:
    """Kernel inputs for one generating set (see the module docstring for the meaning of each)."""

    suffix: int  # L
    mode: np.ndarray  # (G,) int64: DELTA, GENERAL, ROTATE_LEFT, ROTATE_RIGHT or LOCAL
    window: np.ndarray  # (G, 2) int64: [first, last + 1) of the positions a DELTA generator moves
    varying: np.ndarray  # (G, n) int64: 1 where q_i takes a suffix value (GENERAL)
    SIG: np.ndarray  # (G, L!, L) int8
    TV: np.ndarray  # (G, L!) int64
    TS: np.ndarray  # (G, L!) int64: the neighbour's low (LOCAL)
    TL: np.ndarray  # (L + 1, L!) int64
    TR: np.ndarray  # (L!,) int64
    KR: np.ndarray  # (L!,) int64: sigma(L-1), the rem index of the last value

    def kernel_args(self) -> tuple:
        """The tables in the order the bitmap kernels take them (mode ... KR)."""
        return (self.mode, self.window, self.varying, self.SIG, self.TV, self.TS, self.TL, self.TR, self.KR)


def suffix_length(n: int) -> int:
    return min(SUFFIX_MAX, max(1, n - 1))


def reversed_positions(gens: np.ndarray) -> np.ndarray:
    """The generators conjugated by the reversal w of positions: ``g'[i] = n-1-g[n-1-i]``."""
    n = gens.shape[1]
    return (n - 1 - gens[:, ::-1]).copy()


def local_count(gens: np.ndarray, n: int) -> int:
    """How many generators fix every prefix position (and are not the identity)."""
    P = n - suffix_length(n)
    identity = np.arange(n)
    return int(sum((g[:P] == identity[:P]).all() and not (g == identity).all() for g in gens))


def lehmer_ranks(perms: np.ndarray) -> np.ndarray:
    """Lehmer ranks of the rows of ``perms`` (m x L, small L), with numpy."""
    m, L = perms.shape
    out = np.zeros(m, dtype=np.int64)
    for j in range(L):
        d = (perms[:, j + 1:] < perms[:, j:j + 1]).sum(axis=1)
        out += d * math.factorial(L - 1 - j)
    return out


def block_tables(gens: np.ndarray, n: int) -> BlockTables:
    """The tables for the generators ``gens`` (G x n, one-line, 0-based), built with numpy."""
    L = suffix_length(n)
    P = n - L
    G = gens.shape[0]
    sigma = np.array(list(itertools.permutations(range(L))), dtype=np.int64)  # row low: Lehmer order
    BL = sigma.shape[0]
    digits = np.zeros((BL, L), dtype=np.int64)  # Lehmer digits of sigma
    for j in range(L):
        for j2 in range(j + 1, L):
            digits[:, j] += sigma[:, j2] < sigma[:, j]
    weight = np.array([math.factorial(L - j) for j in range(L + 1)], dtype=np.int64)  # (L - j)!
    TL = np.zeros((L + 1, BL), dtype=np.int64)
    for h in range(L + 1):
        TL[h] = ((digits + (sigma >= h)) * weight[:L]).sum(axis=1)
    TR = np.zeros(BL, dtype=np.int64)
    for j in range(L - 1):
        TR += (digits[:, j] - (sigma[:, j] > sigma[:, L - 1])) * math.factorial(L - 2 - j)
    KR = sigma[:, L - 1].copy()

    rfact = np.array([math.factorial(n - 1 - i) for i in range(n)], dtype=np.int64)
    identity = np.arange(n)
    mode = np.full(G, GENERAL, dtype=np.int64)
    window = np.zeros((G, 2), dtype=np.int64)
    varying = np.zeros((G, n), dtype=np.int64)
    SIG = np.zeros((G, BL, L), dtype=np.int8)
    TV = np.zeros((G, BL), dtype=np.int64)
    TS = np.zeros((G, BL), dtype=np.int64)
    for g in range(G):
        perm = gens[g]
        if (perm[:P] == identity[:P]).all() and not (perm == identity).all():
            mode[g] = LOCAL
            TS[g] = lehmer_ranks(sigma[:, perm[P:] - P])
            continue
        if n > 1 and (perm == (identity + 1) % n).all():
            mode[g] = ROTATE_LEFT
            continue
        if n > 1 and (perm == (identity - 1) % n).all():
            mode[g] = ROTATE_RIGHT
            continue
        if (perm[P:] == identity[P:]).all():
            mode[g] = DELTA
            moved = np.flatnonzero(perm != identity)
            if moved.size:
                window[g] = moved[0], moved[-1] + 1
            continue
        positions = np.flatnonzero(perm >= P)  # the L positions of q holding suffix values
        varying[g, positions] = 1
        sig = sigma[:, perm[positions] - P]
        SIG[g] = sig
        for a in range(L):
            for b in range(a + 1, L):
                TV[g] += (sig[:, b] < sig[:, a]) * rfact[positions[a]]
    return BlockTables(L, mode, window, varying, SIG, TV, TS, TL, TR, KR)
