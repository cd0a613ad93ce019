"""Numba kernels of the Cayley-graph engine (typed arrays in, arrays out, ``cache=True``).

Two families of kernels, one per search engine (:mod:`discover.cayley.bfs`):

**Ranked bitmap BFS** (full groups of permutations). A permutation p of 0..n-1 is ranked by its
Lehmer code, ``rank(p) = sum_i d_i (n-1-i)!`` with ``d_i = #{j > i : p[j] < p[i]}``, a bijection onto
0..n!-1 (the identity has rank 0). :func:`bitmap_layer` runs one layer over bit arrays indexed by rank
(64 states per ``uint64`` word): ``seen`` (visited) and, for each worker and each parity of the layer,
``found`` (the neighbours it met). The frontier of a layer is what any worker found in the previous
layer and is not yet seen; each frontier state's neighbours are ranked with the block tables of
:mod:`discover.cayley.lehmer_blocks` (a few lookups per neighbour instead of a re-ranking) and recorded
in the worker's own ``found`` row. So no atomic operation touches the state arrays and no cache line
is written by two cores; duplicates (a state found twice, or found again later) cost nothing, since
only states not yet seen enter a frontier. Directed and undirected graphs are treated alike. No hash
table anywhere.

When those per-worker records do not fit in memory, :func:`bitmap_expand_shared` works on a 2-bit code
per rank instead (0 unvisited, 1/2 the alternating frontier codes, 3 done), set with an atomic OR, and
:func:`bitmap_retire` turns a layer's code into "done"; the unitriangular engine
(:mod:`discover.cayley.unitriangular`) uses the same codes.

**Frontier search on packed keys** (cosets, matrix groups, sparse permutation groups). A state is a
row of small integers (< 2^b); its key packs ``64 // b`` entries per ``uint64`` word, so a key of K
words is exact for any width (two words for the 24 stickers of the 2x2x2 cube, ...), never a hash.
:func:`expand_perm` / :func:`expand_matrix` write the packed keys of all neighbours of a block of
states; the caller sorts them (numpy for one-word keys, :func:`radix_sort_rows` for wider ones), and
:func:`unique_sorted`, :func:`difference_sorted` and :func:`union_sorted` are merge passes over
lexicographically sorted key arrays.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit, prange, types
from numba.core import cgutils
from numba.extending import intrinsic

from discover.cayley.lehmer_blocks import DELTA, LOCAL, ROTATE_LEFT, ROTATE_RIGHT
from discover.kernels.arrays import copy_row
from discover.kernels.bits import popcount, trailing_zeros
from discover.kernels.workers import run_workers

U64 = np.uint64
FRONTIER_MASK = np.uint64(0x5555555555555555)


# ---------------------------------------------------------------------------- intrinsics
@intrinsic
def atomic_or(typingctx, arr, idx, val):
    """``old = arr[idx]; arr[idx] |= val`` as one atomic operation; returns ``old`` (uint64 arrays)."""
    if not (isinstance(arr, types.Array) and arr.dtype == types.uint64):
        return None
    sig = types.uint64(arr, idx, val)

    def codegen(context, builder, signature, args):
        aryty = signature.args[0]
        ary = context.make_array(aryty)(context, builder, args[0])
        index = context.cast(builder, args[1], signature.args[1], types.intp)
        value = context.cast(builder, args[2], signature.args[2], types.uint64)
        ptr = cgutils.get_item_pointer(context, builder, aryty, ary, [index])
        return builder.atomic_rmw("or", ptr, value, "monotonic")

    return sig, codegen


@intrinsic
def atomic_add(typingctx, arr, idx, val):
    """``old = arr[idx]; arr[idx] += val`` as one atomic operation; returns ``old`` (int64 arrays)."""
    if not (isinstance(arr, types.Array) and arr.dtype == types.int64):
        return None
    sig = types.int64(arr, idx, val)

    def codegen(context, builder, signature, args):
        aryty = signature.args[0]
        ary = context.make_array(aryty)(context, builder, args[0])
        index = context.cast(builder, args[1], signature.args[1], types.intp)
        value = context.cast(builder, args[2], signature.args[2], types.int64)
        ptr = cgutils.get_item_pointer(context, builder, aryty, ary, [index])
        return builder.atomic_rmw("add", ptr, value, "monotonic")

    return sig, codegen


@intrinsic
def prefetch(typingctx, arr, idx):
    """Hint the CPU to load ``arr[idx]`` into cache (a read prefetch); no effect on results."""
    if not isinstance(arr, types.Array):
        return None
    sig = types.void(arr, idx)

    def codegen(context, builder, signature, args):
        from llvmlite import ir

        aryty = signature.args[0]
        ary = context.make_array(aryty)(context, builder, args[0])
        index = context.cast(builder, args[1], signature.args[1], types.intp)
        ptr = cgutils.get_item_pointer(context, builder, aryty, ary, [index])
        i8p = ir.IntType(8).as_pointer()
        i32 = ir.IntType(32)
        fn = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.VoidType(), [i8p, i32, i32, i32]), "llvm.prefetch.p0i8")
        builder.call(fn, [builder.bitcast(ptr, i8p), i32(0), i32(1), i32(1)])
        return context.get_dummy_value()

    return sig, codegen


# ---------------------------------------------------------------------------- ranking
@njit(cache=True, inline="always")
def _rank(p, fact):
    """Lehmer rank of the permutation p (values 0..n-1)."""
    n = p.shape[0]
    used = U64(0)
    r = 0
    for i in range(n):
        v = p[i]
        bit = U64(1) << U64(v)
        smaller = popcount(used & (bit - U64(1)))
        r += (v - np.int64(smaller)) * fact[n - 1 - i]
        used |= bit
    return r


def _select_table() -> np.ndarray:
    """``table[b, k]`` = position of the k-th set bit (from 0) of the byte b."""
    t = np.zeros((256, 8), dtype=np.int64)
    for b in range(256):
        k = 0
        for i in range(8):
            if b >> i & 1:
                t[b, k] = i
                k += 1
    return t


_SELECT = _select_table()
_INV_FACT = np.array([1.0 / float(np.prod(np.arange(1, i + 1, dtype=np.float64))) for i in range(21)])


@njit(cache=True, inline="always")
def _unrank_prefix(r, fact, out, count, digits):
    """Write the first ``count`` positions of the permutation of rank r into ``out`` (length n <= 20)
    and their Lehmer digits into ``digits``; return the bit mask of the values not used by them.

    Digit i of the factorial-base expansion is ``r // (n-1-i)!`` (a floating-point estimate corrected
    exactly), and the value at position i is the d-th smallest value not used yet, found with a
    popcount per byte and a select table."""
    n = out.shape[0]
    free = U64((1 << n) - 1)
    for i in range(count):
        f = fact[n - 1 - i]
        d = np.int64(np.float64(r) * _INV_FACT[n - 1 - i])
        if d * f > r:
            d -= 1
        elif (d + 1) * f <= r:
            d += 1
        r -= d * f
        digits[i] = d
        base = 0
        m = free
        c = np.int64(popcount(m & U64(0xFF)))
        while d >= c:
            d -= c
            m >>= U64(8)
            base += 8
            c = np.int64(popcount(m & U64(0xFF)))
        v = base + _SELECT[np.int64(m & U64(0xFF)), d]
        out[i] = v
        free &= ~(U64(1) << U64(v))
    return free


@njit(cache=True, inline="always")
def _unrank(r, fact, out, digits):
    """The permutation of rank r, written into ``out`` (its Lehmer digits into ``digits``)."""
    _unrank_prefix(r, fact, out, out.shape[0], digits)


@njit(cache=True)
def rank_perms(perms, fact):
    """Lehmer ranks of the rows of ``perms`` (m x n)."""
    out = np.empty(perms.shape[0], np.int64)
    for i in range(perms.shape[0]):
        out[i] = _rank(perms[i], fact)
    return out


@njit(cache=True)
def unrank_perms(ranks, n, fact):
    """The permutations (rows) of the given Lehmer ranks."""
    out = np.empty((ranks.shape[0], n), np.int64)
    digits = np.empty(n, np.int64)
    for i in range(ranks.shape[0]):
        _unrank(ranks[i], fact, out[i], digits)
    return out


# ---------------------------------------------------------------------------- bitmap BFS
TILE_SHIFT = 2  # the touched flags are kept per tile of 4 words (256 states)
@njit(cache=True, inline="always")
def _block_tables(perm, digits, rem, remb, rfact, gens, mode, window, varying, base, hh, M, S):
    """Fill the per-block parts (``base``, ``hh``, ``M``) of every generator's neighbour rank, for the
    block whose prefix values and digits are ``perm[:P]``, ``digits[:P]`` and whose leftover values are
    ``rem`` (see :mod:`discover.cayley.lehmer_blocks`)."""
    n = perm.shape[0]
    L = rem.shape[0]
    P = n - L
    for g in range(gens.shape[0]):
        md = mode[g]
        if md == ROTATE_LEFT:
            p0 = perm[0]
            acc = 0
            for i in range(P - 1):
                acc += (digits[i + 1] + np.int64(perm[i + 1] > p0)) * rfact[i]
            base[g] = acc
            k = 0
            while k < L and rem[k] < p0:
                k += 1
            hh[g] = k
        elif md == ROTATE_RIGHT:
            acc = 0
            for j in range(P):
                acc += digits[j] * rfact[j + 1]
            base[g] = acc
            for k in range(L):
                e = rem[k] * rfact[0]
                for j in range(P):
                    e -= np.int64(perm[j] > rem[k]) * rfact[j + 1]
                M[g, 0, k] = e
        elif md == LOCAL:
            pass  # nothing per block: the neighbour's rank is first + TS[g, low]
        elif md == DELTA:
            a = window[g, 0]
            used = U64(0)
            for i in range(a):
                used |= U64(1) << U64(perm[i])
            acc = 0
            for i in range(a, window[g, 1]):
                v = perm[gens[g, i]]
                bit = U64(1) << U64(v)
                acc += (v - np.int64(popcount(used & (bit - U64(1)))) - digits[i]) * rfact[i]
                used |= bit
            base[g] = acc
        else:
            # inversions among prefix values (a backward pass), then the mixed ones (a forward pass:
            # S[k] = weight of the prefix values before position i that exceed rem[k])
            after = U64(0)
            acc = 0
            for i in range(n - 1, -1, -1):
                if varying[g, i] == 0:
                    bit = U64(1) << U64(perm[gens[g, i]])
                    acc += np.int64(popcount(after & (bit - U64(1)))) * rfact[i]
                    after |= bit
            base[g] = acc
            for k in range(L):
                S[k] = 0
            t = 0
            for i in range(n):
                f = rfact[i]
                if varying[g, i] == 0:
                    v = perm[gens[g, i]]
                    after &= ~(U64(1) << U64(v))
                    for k in range(L):
                        S[k] += f * np.int64(v > rem[k])
                else:
                    for k in range(L):
                        M[g, t, k] = S[k] + f * np.int64(popcount(after & remb[k]))
                    t += 1


def block_scratch(nthreads: int, n: int, L: int, G: int, queue: int) -> tuple:
    """Each worker's arrays (row w for worker w): for :func:`_enter_block` the block's prefix values and
    digits, its leftover values and their below-masks, the per-block tables (base, hh, M) and their
    scratch S; then a queue of ``queue`` neighbour ranks. Made here, outside the workers, because the
    workers are compiled without Numba's reference counting (``_nrt=False``, see :func:`_layer_worker`),
    so they allocate nothing."""
    T = nthreads
    return (np.empty((T, n), np.int64), np.empty((T, n), np.int64), np.empty((T, L), np.int64),
            np.empty((T, L), np.uint64), np.empty((T, G), np.int64), np.empty((T, G), np.int64),
            np.empty((T, G, L, L), np.int64), np.empty((T, L), np.int64), np.empty((T, queue), np.int64))


@njit(cache=True, inline="always")
def _worker_scratch(scratch, worker, n, L, G):
    """Worker ``worker``'s rows of :func:`block_scratch`: (perm, digits, rem, remb, base, hh, M, S, queue).

    Each row but the queue is reshaped to its own shape, (n,), (L,) or (G, L, L): views, nothing is copied.
    Why: a row's shape and strides come to LLVM as unknown numbers, while the reshaped view's are the
    loop bounds n, L and G themselves, so the index arithmetic of the per-block tables folds and leaves
    the loops; without it the records kernel ran 10% (LRX) to 23% (pancake) slower than the same body with
    arrays allocated in place (``benchmarks/bench_cayley.py --threads 1``)."""
    return (scratch[0][worker].reshape((n,)), scratch[1][worker].reshape((n,)), scratch[2][worker].reshape((L,)),
            scratch[3][worker].reshape((L,)), scratch[4][worker].reshape((G,)), scratch[5][worker].reshape((G,)),
            scratch[6][worker].reshape((G, L, L)), scratch[7][worker].reshape((L,)), scratch[8][worker])


@njit(cache=True, inline="always")
def _enter_block(r, BL, fact, perm, digits, rem, remb, rfact, gens, mode, window, varying, base, hh, M, S):
    """Unrank the block of rank r (its prefix and leftover values) and fill its per-block tables;
    returns the block's first rank."""
    first = (r // BL) * BL
    free = _unrank_prefix(first, fact, perm, perm.shape[0] - rem.shape[0], digits)
    k = 0
    while free != U64(0):
        rem[k] = np.int64(trailing_zeros(free))
        remb[k] = (U64(1) << U64(rem[k])) - U64(1)
        free &= free - U64(1)
        k += 1
    _block_tables(perm, digits, rem, remb, rfact, gens, mode, window, varying, base, hh, M, S)
    return first


@njit(cache=True, inline="always")
def _neighbour_rank(g, r, first, low, mode, base, hh, M, SIG, TV, TS, TL, TR, KR):
    """The rank of ``p[g]`` for the state p of rank r (= first + low) of the current block."""
    md = mode[g]
    if md == LOCAL:
        return first + TS[g, low]
    if md == DELTA:
        return r + base[g]
    if md == ROTATE_LEFT:
        return base[g] + TL[hh[g], low]
    if md == ROTATE_RIGHT:
        return base[g] + TR[low] + M[g, 0, KR[low]]
    q = base[g] + TV[g, low]
    for t in range(SIG.shape[2]):
        q += M[g, t, SIG[g, low, t]]
    return q


@njit(cache=True, inline="always")
def _queue_neighbours(r, first, low, mode, base, hh, M, SIG, TV, TS, TL, TR, KR, qs, nq, target, per_word):
    """Append the ranks of all neighbours of the state of rank r to ``qs`` (from index ``nq``; returns the
    new count) and prefetch their words of ``target`` (``2**per_word`` states per word)."""
    for g in range(mode.shape[0]):
        q = _neighbour_rank(g, r, first, low, mode, base, hh, M, SIG, TV, TS, TL, TR, KR)
        prefetch(target, q >> per_word)
        qs[nq] = q
        nq += 1
    return nq


def _weights(fact, n: int):
    """``rfact[i] = (n-1-i)!``, the weight of Lehmer digit i."""
    return np.ascontiguousarray(fact[n - 1::-1], dtype=np.int64)


@njit(cache=True, nogil=True, _nrt=False)
def _layer_worker(worker, counter, nchunks, per, seen, found, touched, side, gens, mode, window, varying, SIG, TV,
                  TS, TL, TR, KR, fact, rfact, out, out_count, scratch):
    """One worker of :func:`bitmap_layer`: claims chunks of ``per`` tiles from ``counter`` until none is left;
    returns the frontier states it added to ``seen``. Started once per thread by :func:`bitmap_layer`
    (:mod:`discover.kernels.workers`: why not ``prange``).

    Compiled without reference counting (``_nrt=False``): with it, every array handed to the inlined
    helpers costs an atomic increment and decrement per neighbour, which made the loop about 8 times
    slower than the same body as a ``prange`` loop; so the worker allocates nothing and takes its scratch
    arrays (:func:`block_scratch`) from the caller."""
    n = gens.shape[1]
    G = gens.shape[0]
    L = SIG.shape[2]
    BL = SIG.shape[1]
    nw = seen.shape[0]
    T = found.shape[1]
    ntiles = touched.shape[2]
    prev = 1 - side
    limit = out.shape[1]
    mine = found[side, worker]
    flags = touched[side, worker]
    perm, digits, rem, remb, base, hh, M, S, qs = _worker_scratch(scratch, worker, n, L, G)
    first = np.int64(0)  # the current block is first .. first + BL - 1
    first_after = np.int64(0)
    s_loc = 0
    kept = 0
    while True:
        c = atomic_add(counter, 0, 1)
        if c >= nchunks:
            break
        for tile in range(c * per, min(ntiles, (c + 1) * per)):
            hit = False
            for t in range(T):
                hit |= touched[prev, t, tile] != 0
                touched[prev, t, tile] = 0
            if not hit:
                continue
            for w in range(tile << TILE_SHIFT, min(nw, (tile + 1) << TILE_SHIFT)):
                m = U64(0)
                for t in range(T):
                    m |= found[prev, t, w]
                    found[prev, t, w] = U64(0)
                m &= ~seen[w]
                if m == U64(0):
                    continue
                seen[w] |= m
                s_loc += np.int64(popcount(m))
                nq = 0
                while m != U64(0):
                    r = np.int64(w) * 64 + np.int64(trailing_zeros(m))
                    m &= m - U64(1)
                    if kept < limit:  # the first states of the layer (the last layer may be small)
                        out[worker, kept] = r
                        kept += 1
                    if r >= first_after or r < first:  # a new block (no division per state)
                        first = _enter_block(r, BL, fact, perm, digits, rem, remb, rfact, gens, mode,
                                             window, varying, base, hh, M, S)
                        first_after = first + BL
                    low = r - first
                    nq = _queue_neighbours(r, first, low, mode, base, hh, M, SIG, TV, TS, TL, TR, KR,
                                           qs, nq, mine, 6)
                for t in range(nq):
                    q = qs[t]
                    mine[q >> 6] |= U64(1) << U64(q & 63)
                    flags[q >> (6 + TILE_SHIFT)] = 1
    out_count[worker] = kept
    return s_loc


def bitmap_layer(seen, found, touched, side, shift, gens, mode, window, varying, SIG, TV, TS, TL, TR, KR,
                 fact, nthreads, out, out_count):
    """One BFS layer. The frontier is every state recorded in ``found[1 - side]`` (by any worker, in
    the previous layer) that is not in ``seen``; it is added to ``seen`` and expanded, each worker
    recording the neighbours it finds in its own ``found[side, worker]`` and flagging their tiles in
    ``touched[side, worker]``. Returns the size of the frontier (0: the search is over). Each worker
    also keeps the first ``out.shape[1]`` frontier ranks it meets in ``out[worker]`` (how many in
    ``out_count[worker]``), so a small last layer can be listed.

    Arrays: ``seen`` 1 bit per state (64 per word); ``found`` (2, workers, words) the same layout;
    ``touched`` (2, workers, tiles), a tile being ``2**TILE_SHIFT`` words. Workers claim chunks of
    ``2**shift`` words; only tiles that some worker touched are read (a small layer costs little), and
    the records read are cleared for reuse two layers later.

    ``gens`` is G x n (one-line, 0-based, uint8); the neighbour of p under g is ``q = p[g]``. Its rank
    comes from the block decomposition of :mod:`discover.cayley.lehmer_blocks` (``mode`` ... ``KR`` are
    its tables): frontier states are visited in increasing rank, the per-block parts are computed once
    per block of L! ranks that has frontier states, and each neighbour costs one to L + 1 lookups. The
    neighbour ranks of one word of frontier states are computed first (and their words prefetched),
    then recorded, so that the random memory accesses overlap.

    No atomic operation on the state arrays and no cache line written by two cores: a worker writes
    ``seen`` only in the chunk it holds and ``found``, ``out`` only in its own row. Work is shared
    dynamically: each of the ``nthreads`` workers takes the next chunk from an atomic counter until
    none is left, so a worker that the OS deschedules (a busy machine) does not hold the others up."""
    n = gens.shape[1]
    ntiles = touched.shape[2]
    per = 1 << (shift - TILE_SHIFT)  # tiles per chunk
    nchunks = (ntiles + per - 1) // per
    sizes = run_workers(_layer_worker, nthreads, np.zeros(1, np.int64), nchunks, per, seen, found, touched, side,
                        gens, mode, window, varying, SIG, TV, TS, TL, TR, KR, fact, _weights(fact, n), out, out_count,
                        block_scratch(nthreads, n, SIG.shape[2], gens.shape[0], 64 * gens.shape[0]))
    return sum(sizes)


@njit(cache=True, inline="always")
def frontier_bits(x, cur):
    """The low bits (2i) of the states of word x whose code is ``cur`` (1 or 2)."""
    lo = x & FRONTIER_MASK
    hi = (x >> U64(1)) & FRONTIER_MASK
    return lo & ~hi if cur == 1 else hi & ~lo


@njit(cache=True, inline="always")
def visit(bits, q, code, alone):
    """Give state q the frontier ``code`` if it is unvisited (code 0); returns 1 if it was, else 0.
    ``alone``: the only writer, so a plain branch-free read-modify-write; otherwise an atomic OR whose
    old value tells which of the racing writers found the state first."""
    w = q >> 5
    sh = U64((q & 31) * 2)
    if alone:
        word = bits[w]
        fresh = U64(((word >> sh) & U64(3)) == U64(0))
        bits[w] = word | ((code * fresh) << sh)
        return np.int64(fresh)
    if (bits[w] >> sh) & U64(3) != U64(0):
        return 0
    return np.int64((atomic_or(bits, w, code << sh) >> sh) & U64(3) == U64(0))


@njit(cache=True, nogil=True, _nrt=False)
def _shared_worker(worker, counter, nchunks, chunk, bits, gens, mode, window, varying, SIG, TV, TS, TL, TR, KR, fact,
                   rfact, cur, alone, counts, scratch):
    """One worker of :func:`bitmap_expand_shared`: claims chunks of ``chunk`` words from ``counter`` until none
    is left; writes (states expanded, new states) to ``counts[worker]``. Started once per thread by
    :func:`bitmap_expand_shared`; compiled without reference counting, as :func:`_layer_worker`."""
    n = gens.shape[1]
    G = gens.shape[0]
    L = SIG.shape[2]
    BL = SIG.shape[1]
    nw = bits.shape[0]
    nxt = U64(3 - cur)
    perm, digits, rem, remb, base, hh, M, S, qs = _worker_scratch(scratch, worker, n, L, G)
    first, first_after = np.int64(0), np.int64(0)  # the current block: first .. first_after - 1
    e_loc, f_loc = 0, 0
    while True:
        c = atomic_add(counter, 0, 1)
        if c >= nchunks:
            break
        for w in range(c * chunk, min(nw, (c + 1) * chunk)):
            m = frontier_bits(bits[w], cur)
            nq = 0
            while m != U64(0):
                r = np.int64(w) * 32 + np.int64(trailing_zeros(m) >> U64(1))
                m &= m - U64(1)
                if r >= first_after or r < first:
                    first = _enter_block(r, BL, fact, perm, digits, rem, remb, rfact, gens, mode,
                                         window, varying, base, hh, M, S)
                    first_after = first + BL
                low = r - first
                e_loc += 1
                nq = _queue_neighbours(r, first, low, mode, base, hh, M, SIG, TV, TS, TL, TR, KR,
                                       qs, nq, bits, 5)
            for t in range(nq):
                f_loc += visit(bits, qs[t], nxt, alone)
    counts[worker, 0] = e_loc
    counts[worker, 1] = f_loc


def bitmap_expand_shared(bits, chunk, gens, mode, window, varying, SIG, TV, TS, TL, TR, KR, fact, cur, nthreads):
    """The 2-bit layout (the low-memory layer, n!/4 bytes whatever the number of workers): ``bits``
    holds a code per rank (32 per word): 0 unvisited, 1 or 2 the frontier (alternating between
    layers), 3 done. Expands every state of code ``cur``: each neighbour of code 0 gets code 3 - cur,
    set with an atomic OR since all workers write the one array (a plain write on one thread), the
    returned old word counting each new state once. Returns (states expanded, new states);
    :func:`bitmap_retire` then turns code ``cur`` into 3. Neighbours are ranked as in
    :func:`bitmap_layer`; workers claim chunks of ``chunk`` words."""
    nchunks = (bits.shape[0] + chunk - 1) // chunk
    counts = np.zeros((nthreads, 2), np.int64)
    run_workers(_shared_worker, nthreads, np.zeros(1, np.int64), nchunks, chunk, bits, gens, mode, window, varying, SIG,
                TV, TS, TL, TR, KR, fact, _weights(fact, gens.shape[1]), cur, nthreads == 1, counts,
                block_scratch(nthreads, gens.shape[1], SIG.shape[2], gens.shape[0], 32 * gens.shape[0]))
    return int(counts[:, 0].sum()), int(counts[:, 1].sum())


@njit(cache=True)
def _retire_collect(bits, cur, out):
    """The ranks of the first ``out.shape[0]`` states of code ``cur``, into ``out``."""
    k = 0
    for w in range(bits.shape[0]):
        m = frontier_bits(bits[w], cur)
        while m != U64(0) and k < out.shape[0]:
            b = trailing_zeros(m)
            m &= m - U64(1)
            out[k] = np.int64(w) * 32 + np.int64(b >> U64(1))
            k += 1


@njit(cache=True, nogil=True, _nrt=False)
def _retire_worker(worker, nthreads, bits, cur):
    """Worker ``worker`` of :func:`bitmap_retire`: code ``cur`` becomes 3 in its share of the words."""
    nw = bits.shape[0]
    for w in range(worker * nw // nthreads, (worker + 1) * nw // nthreads):
        x = bits[w]
        lo = x & FRONTIER_MASK
        hi = (x >> U64(1)) & FRONTIER_MASK
        if cur == 1:
            m = lo & ~hi
            bits[w] = x | (m << U64(1))
        else:
            m = hi & ~lo
            bits[w] = x | m


def bitmap_retire(bits, cur, out, nthreads: int = 1) -> None:
    """Turn code ``cur`` into 3 (done), on ``nthreads`` threads. If ``out`` is not empty, first write the
    ranks of the states with code ``cur`` into it (it must be large enough: the caller knows the layer
    size; serial, only for a small last layer)."""
    if out.shape[0] > 0:
        _retire_collect(bits, cur, out)
    run_workers(_retire_worker, nthreads, nthreads, bits, cur)


# ---------------------------------------------------------------------------- packed keys
@njit(parallel=True, cache=True)
def expand_perm(states, gens, width, keys):
    """Packed keys of the neighbours of ``states`` (m x L, uint16) under permutation generators
    (G x L): row i*G+g of ``keys`` (m*G x K, uint64) is the key of ``states[i][gens[g]]``."""
    m = states.shape[0]
    L = states.shape[1]
    G = gens.shape[0]
    K = keys.shape[1]
    per = 64 // width
    for i in prange(m):
        for g in range(G):
            row = i * G + g
            for k in range(K):
                acc = U64(0)
                for j in range(k * per, min(L, (k + 1) * per)):
                    acc |= U64(states[i, gens[g, j]]) << U64((j - k * per) * width)
                keys[row, k] = acc


@njit(parallel=True, cache=True)
def expand_matrix(states, gens, k, p, width, keys):
    """Packed keys of ``S M mod p`` for every state S (its L entries are L/k rows of length k,
    row-major) and every generator M (G x k*k, row-major)."""
    m = states.shape[0]
    L = states.shape[1]
    rows = L // k
    G = gens.shape[0]
    K = keys.shape[1]
    per = 64 // width
    inv_p = 1.0 / p
    for i in prange(m):
        for g in range(G):
            row = i * G + g
            for t in range(K):
                keys[row, t] = U64(0)
            for a in range(rows):
                for b in range(k):
                    s = 0
                    for c in range(k):
                        s += np.int64(states[i, a * k + c]) * gens[g, c * k + b]
                    # s mod p without a division: a floating-point quotient, corrected exactly
                    # (s < k p^2 < 2^53, so the estimate is off by at most one)
                    quot = np.int64(np.float64(s) * inv_p)
                    s -= quot * p
                    if s < 0:
                        s += p
                    elif s >= p:
                        s -= p
                    j = a * k + b
                    keys[row, j // per] |= U64(s) << U64((j % per) * width)


@njit(cache=True)
def pack(states, width, K):
    """Packed keys (m x K) of the rows of ``states``."""
    m = states.shape[0]
    L = states.shape[1]
    per = 64 // width
    keys = np.zeros((m, K), np.uint64)
    for i in range(m):
        for j in range(L):
            keys[i, j // per] |= U64(states[i, j]) << U64((j % per) * width)
    return keys


@njit(parallel=True, cache=True)
def unpack(keys, L, width):
    """The rows (m x L, uint16) packed in ``keys``."""
    m = keys.shape[0]
    per = 64 // width
    mask = (U64(1) << U64(width)) - U64(1)
    out = np.empty((m, L), np.uint16)
    for i in prange(m):
        for j in range(L):
            out[i, j] = np.uint16((keys[i, j // per] >> U64((j % per) * width)) & mask)
    return out


@njit(cache=True, inline="always")
def _cmp(a, i, b, j):
    """Lexicographic comparison of key rows a[i] and b[j]: -1, 0 or 1."""
    for t in range(a.shape[1]):
        x = a[i, t]
        y = b[j, t]
        if x < y:
            return -1
        if x > y:
            return 1
    return 0


@njit(cache=True)
def unique_sorted(a):
    """Number of distinct rows of the sorted key array ``a``, compacted in place to the front."""
    m = a.shape[0]
    if m == 0:
        return 0
    k = 1
    for i in range(1, m):
        if _cmp(a, i, a, k - 1) != 0:
            if k != i:
                copy_row(a, k, a, i)
            k += 1
    return k


@njit(cache=True)
def difference_sorted(a, b):
    """Rows of sorted-unique ``a`` that are not in sorted-unique ``b``, compacted in place to the front
    of ``a``; returns their number (one merge pass)."""
    m = a.shape[0]
    nb = b.shape[0]
    j = 0
    k = 0
    for i in range(m):
        while j < nb and _cmp(b, j, a, i) < 0:
            j += 1
        if j < nb and _cmp(b, j, a, i) == 0:
            continue
        if k != i:
            copy_row(a, k, a, i)
        k += 1
    return k


@njit(cache=True)
def union_sorted(a, b):
    """Sorted union of two disjoint sorted-unique key arrays (one merge pass)."""
    out = np.empty((a.shape[0] + b.shape[0], a.shape[1]), np.uint64)
    i = 0
    j = 0
    k = 0
    while i < a.shape[0] and j < b.shape[0]:
        if _cmp(a, i, b, j) <= 0:
            copy_row(out, k, a, i)
            i += 1
        else:
            copy_row(out, k, b, j)
            j += 1
        k += 1
    while i < a.shape[0]:
        copy_row(out, k, a, i)
        i += 1
        k += 1
    while j < b.shape[0]:
        copy_row(out, k, b, j)
        j += 1
        k += 1
    return out


@njit(cache=True)
def radix_sort_rows(keys, used_bits):
    """The rows of ``keys`` (m x K) in lexicographic order (word 0 most significant): an LSD radix sort
    with 16-bit digits over the low ``used_bits`` bits of each word, skipping digits that are equal in
    every row. Returns a new array (``keys`` is used as scratch)."""
    m = keys.shape[0]
    K = keys.shape[1]
    src = keys
    dst = np.empty_like(keys)
    cnt = np.empty(65536 + 1, np.int64)
    for t in range(K - 1, -1, -1):
        for shift in range(0, used_bits, 16):
            cnt[:] = 0
            sh = U64(shift)
            for i in range(m):
                cnt[np.int64((src[i, t] >> sh) & U64(0xFFFF)) + 1] += 1
            if m == 0 or cnt[np.int64((src[0, t] >> sh) & U64(0xFFFF)) + 1] == m:
                continue  # one bucket: this digit is the same in every row
            for d in range(65536):
                cnt[d + 1] += cnt[d]
            for i in range(m):
                d = np.int64((src[i, t] >> sh) & U64(0xFFFF))
                pos = cnt[d]
                cnt[d] = pos + 1
                for k in range(K):
                    dst[pos, k] = src[i, k]
            tmp = src
            src = dst
            dst = tmp
    return src
