"""Numba kernels of the signed bitmap: breadth-first layers over the hyperoctahedral group B_n
(:mod:`discover.cayley.signed_bitmap`).

**Signed ranks.** A signed permutation is a state p of 2n sides (p[i] the side on top at position i,
p[i + n] the side underneath, the same element's other side: ``p[i + n] = p[i] +- n``), so it is its
first n entries: the element ``a_i = p[i] mod n`` and the sign bit ``s_i = [p[i] >= n]`` (turned over).
Its rank is ``r = lehmer(a) * 2^n + sum_i s_i 2^i``: the Lehmer rank of the unsigned permutation a
(:mod:`discover.cayley.kernels`) in the high part and the n sign bits in the low part, a bijection onto
0..2^n n! - 1 with the identity at rank 0.

**Neighbours.** A signed generator g (one-line on the 2n sides, commuting with i <-> i + n) is an
unsigned permutation ``|g|[i] = g[i] mod n`` and flips ``e_i = [g[i] >= n]``. The neighbour q = p[g] has
``q_i = p[g_i]``, so ``a(q) = a(p)[|g|]`` and ``s(q)_i = s(p)_{|g|[i]} XOR e_i``. The first is the
unsigned neighbour, ranked with the block tables of :mod:`discover.cayley.lehmer_blocks` once per
unsigned permutation a (it is shared by its 2^n sign patterns); the second is a permutation of the sign
bits followed by an XOR, which is linear over GF(2), so it is two table lookups: ``SA[g, low half of s]
XOR SB[g, high half of s]`` (e folded into SA). The 2^n states of one a are adjacent in the bitmap and
their neighbours under g are the 2^n states of ``a[|g|]``, so a frontier group's writes stay within G
groups of 2^n / 32 words (in cache) instead of scattering over the array.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.cayley.kernels import (_enter_block, _neighbour_rank, _rank, _unrank, _weights, _worker_scratch,
                                     atomic_add, block_scratch, frontier_bits, visit)
from discover.kernels.bits import trailing_zeros
from discover.kernels.workers import run_workers

U64 = np.uint64


@njit(cache=True)
def rank_signed(states, n, fact):
    """Signed ranks of the rows of ``states`` (m x 2n, or m x n: only the first n entries are read)."""
    out = np.empty(states.shape[0], np.int64)
    a = np.empty(n, np.int64)
    for k in range(states.shape[0]):
        s = 0
        for i in range(n):
            v = np.int64(states[k, i])
            a[i] = v % n
            if v >= n:
                s |= np.int64(1) << i
        out[k] = (_rank(a, fact) << n) | s
    return out


@njit(cache=True)
def unrank_signed(ranks, n, fact):
    """The states (rows of 2n sides) of the given signed ranks."""
    out = np.empty((ranks.shape[0], 2 * n), np.int64)
    a = np.empty(n, np.int64)
    digits = np.empty(n, np.int64)
    for k in range(ranks.shape[0]):
        r = ranks[k]
        _unrank(r >> n, fact, a, digits)
        for i in range(n):
            up = (r >> i) & 1
            out[k, i] = a[i] + n * up
            out[k, i + n] = a[i] + n * (1 - up)
    return out


@njit(cache=True, nogil=True, _nrt=False)
def _signed_worker(worker, counter, reach, counts, lo, budget, chunk, nchunks, bits, gens, mode, window, varying, SIG,
                   TV, TS, TL, TR, KR, fact, rfact, SA, SB, half, cur, alone, scratch):
    """One worker of :func:`signed_expand_shared`: claims chunks until none is left or the budget is spent;
    writes (states expanded, new states) to ``counts[worker]`` and 1 + its last chunk to ``reach[worker]``.
    Started once per thread (:mod:`discover.kernels.workers`: why not ``prange``); compiled without
    reference counting, as :func:`discover.cayley.kernels._layer_worker` (``qa`` is the scratch queue)."""
    n = gens.shape[1]
    G = gens.shape[0]
    L = SIG.shape[2]
    BL = SIG.shape[1]
    nxt = U64(3 - cur)
    smask = (np.int64(1) << n) - 1
    hmask = (np.int64(1) << half) - 1
    nw = bits.shape[0]
    # qa: the unsigned neighbours of ``last`` times 2^n
    perm, digits, rem, remb, base, hh, M, S, qa = _worker_scratch(scratch, worker, n, L, G)
    last = np.int64(-1)
    first, first_after = np.int64(0), np.int64(0)  # the current block: first .. first_after - 1
    e_loc, f_loc = 0, 0
    while True:
        c = atomic_add(counter, 0, 1)
        if c >= nchunks:
            break
        w0 = lo + c * chunk
        w1 = min(nw, w0 + chunk)
        e_chunk = e_loc
        for w in range(w0, w1):
            m = frontier_bits(bits[w], cur)
            while m != U64(0):
                r = np.int64(w) * 32 + np.int64(trailing_zeros(m) >> U64(1))
                m &= m - U64(1)
                a = r >> n
                if a != last:
                    if a >= first_after or a < first:
                        first = _enter_block(a, BL, fact, perm, digits, rem, remb, rfact, gens, mode,
                                             window, varying, base, hh, M, S)
                        first_after = first + BL
                    low = a - first
                    for g in range(G):
                        qa[g] = _neighbour_rank(g, a, first, low, mode, base, hh, M, SIG, TV, TS, TL, TR,
                                                KR) << n
                    last = a
                s = r & smask
                s_lo = s & hmask
                s_hi = s >> half
                e_loc += 1
                for g in range(G):
                    f_loc += visit(bits, qa[g] | (SA[g, s_lo] ^ SB[g, s_hi]), nxt, alone)
        reach[worker] = c + 1
        work = (e_loc - e_chunk) * G + (w1 - w0)
        if atomic_add(counter, 1, work) + work >= budget:  # after a chunk: every call makes progress
            break
    counts[worker, 0] = e_loc
    counts[worker, 1] = f_loc


def signed_expand_shared(bits, lo, budget, chunk, gens, mode, window, varying, SIG, TV, TS, TL, TR, KR, fact, SA,
                         SB, half, cur, nthreads):
    """The 2-bit layout over signed ranks (2^n n!/4 bytes): ``bits`` holds a code per rank (32 per
    word), 0 unvisited, 1 or 2 the frontier (alternating), 3 done, as in
    :func:`discover.cayley.kernels.bitmap_expand_shared`. Expands every state of code ``cur``: each
    neighbour of code 0 gets code 3 - cur (an atomic OR when several workers write, a plain write on
    one thread). Returns (states expanded, new states, the word where it stopped);
    :func:`discover.cayley.kernels.bitmap_retire` then retires the layer.

    A call starts at word ``lo`` and its workers stop claiming chunks once ``budget`` units of work are
    done (a neighbour visited or a word scanned is one unit), so the caller walks a layer in calls of a
    bounded time (Ctrl-C is seen between them) whatever the density of the frontier, with one barrier per
    call (not one per slice of words: a barrier costs milliseconds on a loaded machine).

    ``gens`` (G x n, uint8) are the unsigned parts |g| with their block tables (``mode`` ... ``KR``);
    ``SA`` (G x 2^h) and ``SB`` (G x 2^(n-h)) the sign tables of the low h = ``half`` and high n - h
    sign bits.
    Workers claim chunks of ``chunk`` words from an atomic counter; each keeps the unsigned neighbour
    ranks of the last unsigned permutation it met (frontier states come in increasing rank, so a
    permutation's sign patterns come together)."""
    nw = bits.shape[0]
    nchunks = (nw - lo + chunk - 1) // chunk
    counter = np.zeros(2, np.int64)  # the next chunk to claim, the work done
    reach = np.zeros(nthreads, np.int64)  # 1 + the last chunk each worker expanded
    counts = np.zeros((nthreads, 2), np.int64)
    run_workers(_signed_worker, nthreads, counter, reach, counts, lo, budget, chunk, nchunks, bits, gens, mode, window,
                varying, SIG, TV, TS, TL, TR, KR, fact, _weights(fact, gens.shape[1]), SA, SB, half, cur,
                nthreads == 1, block_scratch(nthreads, gens.shape[1], SIG.shape[2], gens.shape[0], gens.shape[0]))
    # chunks are claimed in order and expanded whole: every chunk below the last one expanded was
    return int(counts[:, 0].sum()), int(counts[:, 1].sum()), int(min(nw, lo + reach.max() * chunk))
