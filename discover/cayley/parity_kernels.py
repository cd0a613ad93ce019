"""Numba kernels of the parity bitmap (1 bit per state; :mod:`discover.cayley.parity_bitmap`).

**Parity ranks.** The sign of a permutation is the parity of the sum of its Lehmer digits, and the
last digit ``d_{n-2}`` (weight 1! = 1) is the low bit of the rank. So within one parity class the map
``r -> s = r >> 1`` is a bijection onto 0..n!/2 - 1, and the rank is recovered as ``r = 2s + d`` with
``d = parity XOR (digit sum of 2s mod 2)``. Each class gets its own bit array indexed by s.

With the block decomposition of :mod:`discover.cayley.lehmer_blocks` (blocks of L! ranks, L! even), the
digit-sum parity of ``2s`` is the parity of the block's prefix digits XOR ``SPAR[low]``, the sign of
the suffix permutation of rank ``low`` (a table of L! bits).

**Layers on disk.** A layer is stored chunk by chunk (``CHUNK_WORDS`` words of one class's array): the
gaps between consecutive set bits as LEB128 varints (about one byte a state at the densities of LRX),
or the raw words when that is shorter.
"""

from __future__ import annotations

import itertools

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.cayley.kernels import (_enter_block, _queue_neighbours, _unrank, _weights, _worker_scratch, atomic_add,
                                     atomic_or, block_scratch)
from discover.kernels.bits import popcount, trailing_zeros
from discover.kernels.workers import run_workers

U64 = np.uint64
QUEUE = 64  # states whose neighbours are ranked (and their words prefetched) before any is set


def suffix_signs(L: int) -> np.ndarray:
    """``SPAR[low]``: the sign (0 even, 1 odd) of the permutation of 0..L-1 of Lehmer rank ``low``
    (itertools lists permutations in lexicographic order, which is Lehmer order)."""
    out = np.empty(np.prod(np.arange(1, L + 1)), dtype=np.int64)
    for low, sigma in enumerate(itertools.permutations(range(L))):
        out[low] = sum(sigma[j] > sigma[i] for i in range(L) for j in range(i)) & 1
    return out


@njit(cache=True, nogil=True, _nrt=False)
def _parity_worker(worker, counter, npieces, piece, cur, offset, other, touched, chunk_shift, parity, gens, mode,
                   window, varying, SIG, TV, TS, TL, TR, KR, fact, rfact, SPAR, alone, scratch):
    """One worker of :func:`expand_parity`: claims pieces of ``piece`` words of ``cur`` from ``counter``
    until none is left; returns how many bits it took from 0 to 1. Started once per thread
    (:mod:`discover.kernels.workers`), compiled without reference counting and given its scratch rows, as
    :func:`discover.cayley.kernels._layer_worker`."""
    n = gens.shape[1]
    G = gens.shape[0]
    L = SIG.shape[2]
    BL = SIG.shape[1]
    P = n - L
    span = cur.shape[0]
    perm, digits, rem, remb, base, hh, M, S, qs = _worker_scratch(scratch, worker, n, L, G)
    first, first_after, prefix_sign = np.int64(0), np.int64(0), np.int64(0)
    loc = 0
    while True:
        c = atomic_add(counter, 0, 1)
        if c >= npieces:
            break
        nq = 0
        end = min(span, (c + 1) * piece)
        for w in range(c * piece, end):
            m = cur[w]
            while m != U64(0):
                r = 2 * ((offset + np.int64(w)) * 64 + np.int64(trailing_zeros(m)))
                m &= m - U64(1)
                if r >= first_after or r < first:  # a new block: its prefix and the sign of its digits
                    first = _enter_block(r, BL, fact, perm, digits, rem, remb, rfact, gens, mode, window,
                                         varying, base, hh, M, S)
                    first_after = first + BL
                    prefix_sign = 0
                    for i in range(P):
                        prefix_sign += digits[i]
                    prefix_sign &= 1
                d = parity ^ prefix_sign ^ SPAR[r - first]  # the last digit: the state's own rank
                r += d
                nq = _queue_neighbours(r, first, r - first, mode, base, hh, M, SIG, TV, TS, TL, TR, KR,
                                       qs, nq, other, 7)
            if nq < QUEUE * G and w + 1 < end:
                continue  # a sparse layer: queue more states' neighbours, so more loads overlap
            for t in range(nq):
                s = qs[t] >> 1
                touched[s >> chunk_shift] = 1
                bit = U64(1) << U64(s & 63)
                if alone:
                    old = other[s >> 6]
                    other[s >> 6] = old | bit
                else:
                    old = atomic_or(other, s >> 6, bit)
                loc += np.int64((old & bit) == U64(0))
            nq = 0
    return loc


def expand_parity(cur, offset, other, touched, chunk_shift, parity, gens, mode, window, varying, SIG, TV, TS, TL,
                  TR, KR, fact, SPAR, nthreads):
    """Set, in ``other`` (the array of the opposite class), the bits of every neighbour of the states
    whose bits are set in ``cur``: words ``offset ..`` of the array of class ``parity``, and flag the
    chunks of ``other`` written in ``touched`` (a chunk is ``2**chunk_shift`` bits). Returns how many
    bits went from 0 to 1 (exact: a plain read-modify-write on one thread, the old word of an atomic OR
    on several). Neighbours are ranked with the block tables (``mode`` ... ``KR``, see
    :func:`discover.cayley.kernels.bitmap_layer`); the neighbours of at least :data:`QUEUE` states (or a
    word's) are ranked first and their words prefetched, then set, so that the random accesses overlap.
    The ``nthreads`` workers (:func:`_parity_worker`) claim pieces of about a sixteenth of their share."""
    n = gens.shape[1]
    G = gens.shape[0]
    span = cur.shape[0]
    piece = max(1, (span + 16 * nthreads - 1) // (16 * nthreads))
    npieces = (span + piece - 1) // piece
    found = run_workers(_parity_worker, nthreads, np.zeros(1, np.int64), npieces, piece, cur, offset, other, touched,
                        chunk_shift, parity, gens, mode, window, varying, SIG, TV, TS, TL, TR, KR, fact,
                        _weights(fact, n), SPAR, nthreads == 1,
                        block_scratch(nthreads, n, SIG.shape[2], G, 2 * QUEUE * G))
    return sum(found)


@njit(cache=True)
def count_bits(words):
    total = 0
    for w in range(words.shape[0]):
        total += np.int64(popcount(words[w]))
    return total


@njit(cache=True)
def encode_gaps(words, out):
    """Write the gaps between the set bits of ``words`` (the first from -1) as LEB128 varints into
    ``out``; returns the number of bytes, or -1 when ``out`` is too small."""
    k = 0
    cap = out.shape[0]
    prev = np.int64(-1)
    for w in range(words.shape[0]):
        m = words[w]
        while m != U64(0):
            s = np.int64(w) * 64 + np.int64(trailing_zeros(m))
            m &= m - U64(1)
            g = s - prev - 1
            prev = s
            while g >= 128:
                if k >= cap:
                    return -1
                out[k] = np.uint8((g & 127) | 128)
                k += 1
                g >>= 7
            if k >= cap:
                return -1
            out[k] = np.uint8(g)
            k += 1
    return k


@njit(cache=True)
def apply_gaps(payload, words, clear):
    """Decode the varint gaps of ``payload`` (see :func:`encode_gaps`) and set (``clear`` False) or clear
    (True) those bits of ``words``. Returns (how many states the payload held, or -1 for a malformed
    payload; how many of their bits were set before)."""
    s = np.int64(-1)
    i = 0
    count = 0
    hits = 0
    nbits = words.shape[0] * 64
    while i < payload.shape[0]:
        g = np.int64(0)
        shift = 0
        while True:
            if i >= payload.shape[0] or shift > 56:
                return -1, hits
            b = np.int64(payload[i])
            i += 1
            g |= (b & 127) << shift
            shift += 7
            if b < 128:
                break
        s += g + 1
        if s >= nbits:
            return -1, hits
        bit = U64(1) << U64(s & 63)
        hits += np.int64((words[s >> 6] & bit) != U64(0))
        if clear:
            words[s >> 6] &= ~bit
        else:
            words[s >> 6] |= bit
        count += 1
    return count, hits


@njit(cache=True)
def clear_words(words, mask):
    """``words &= ~mask``; returns how many of the bits cleared were set."""
    hits = 0
    for w in range(words.shape[0]):
        hits += np.int64(popcount(words[w] & mask[w]))
        words[w] &= ~mask[w]
    return hits


@njit(cache=True)
def parity_to_ranks(words, parity, n, fact, limit):
    """The Lehmer ranks of the states set in one class's array (at most ``limit``), increasing in s."""
    out = np.empty(limit, np.int64)
    perm = np.empty(n, np.int64)
    digits = np.empty(n, np.int64)
    k = 0
    for w in range(words.shape[0]):
        m = words[w]
        while m != U64(0) and k < limit:
            r = 2 * (np.int64(w) * 64 + np.int64(trailing_zeros(m)))
            m &= m - U64(1)
            _unrank(r, fact, perm, digits)
            sign = 0
            for i in range(n):
                sign += digits[i]
            out[k] = r + ((parity ^ sign) & 1)
            k += 1
    return out[:k]
