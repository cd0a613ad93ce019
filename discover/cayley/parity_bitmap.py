"""The parity bitmap: breadth-first layers of a Cayley graph of S_n in half a bit per state, checkpointed.

For an *undirected* (inverse-closed generators) Cayley graph whose generators are all *odd*
permutations, every edge joins an even and an odd permutation, so layer k holds only permutations of
sign (-1)^k, and a neighbour of layer k lies in layer k-1 or layer k+1 (never in layer k, never further:
undirected). A parity class is ranked densely by ``s = rank >> 1`` (:mod:`discover.cayley.parity_kernels`),
so one bit array of n!/2 bits indexes either class. Every layer is kept on disk, encoded
(:mod:`discover.cayley.layer_files`: about a byte per state at LRX's densities, and the last two layers
only). To go from layer k to layer k+1:

1. clear the array (the chunks that hold set bits);
2. read layer k from disk chunk by chunk and set the bit of every neighbour of its states: the array
   then holds layer k+1 and the states of layer k-1 that have a neighbour in layer k;
3. read layer k-1 and clear it: the array holds exactly layer k+1;
4. write layer k+1 to disk, which is also the checkpoint. Its number of states, counted while encoding,
   must equal the bits set in step 2 less those cleared in step 3.

Memory: n!/16 bytes (S_14: 5.07 GiB) and four 16 MiB chunk buffers, whatever the number of threads;
disk: three encoded layers. A killed run resumes at step 1 after the last layer written.
This is the frontier-search idea of keeping only the layers an undirected search needs (Korf, Zhang,
Thayer and Hohwald, "Frontier search", J. ACM 52 (2005)) on the dense Lehmer ranking, with the sign
telling two adjacent layers apart.
"""

from __future__ import annotations

import math

import numpy as np

from discover.cayley import layer_files as F
from discover.errors import InputError, RuntimeFailure
from discover.runner.inner import report


SLICE_WORDS = 1 << 17  # words of a layer expanded by one kernel call (about 0.1 s at LRX S_14's densest layer)


def unsuitable(graph) -> str | None:
    """Why ``graph`` cannot use the parity bitmap (None when it can)."""
    if graph.kind != "perm" or not graph.is_regular_start:
        return "only for permutation groups acting on a word with distinct letters"
    if graph.degree < 3:
        return "needs n >= 3"
    if not graph.undirected:
        return "needs an inverse-closed generating set (an undirected graph)"
    if not all(is_odd(g) for g in graph.generators):
        return "needs every generator to be an odd permutation (a bipartite graph)"
    return None


def is_odd(g) -> bool:
    """Whether the permutation g (one-line, 0-based) is odd: n minus its number of cycles is odd."""
    seen = [False] * len(g)
    cycles = 0
    for i in range(len(g)):
        if not seen[i]:
            cycles += 1
            while not seen[i]:
                seen[i] = True
                i = g[i]
    return (len(g) - cycles) % 2 == 1


def parity_layers(graph, gens8, tables, fact, threads, keep: int, checkpoint: str | None):
    """The layer sizes of ``graph`` (generators ``gens8``, maybe read with reversed positions, and their
    block ``tables``) and the Lehmer ranks of its last layer when it has at most ``keep`` states (else an
    empty array). ``checkpoint``: the directory to resume from and write to (None: a temporary one)."""
    from discover.cayley import parity_kernels as PK

    why = unsuitable(graph)
    if why is not None:
        raise InputError(f"the parity bitmap {why} ({graph.name})")
    n = gens8.shape[1]
    nwords = F.class_words(n)
    nchunks = -(-nwords // F.CHUNK_WORDS)
    spar = PK.suffix_signs(tables.suffix)
    array = np.zeros(nwords, dtype=np.uint64)
    touched = np.ones(nchunks, dtype=np.uint8)  # chunks of the array that may hold set bits
    shift = F.CHUNK_WORDS.bit_length() - 1 + 6  # a chunk is 2**shift states
    buffer = np.zeros(min(F.CHUNK_WORDS, nwords), dtype=np.uint64)  # one chunk of the layer expanded
    out = np.empty(buffer.shape[0] * 8, dtype=np.uint8)  # an encoded chunk (at most its raw size)
    store = F.LayerDir(checkpoint, F.identity(graph), nchunks)
    total = math.factorial(n)
    try:
        sizes = store.sizes
        if not sizes:
            array[0] = np.uint64(1)  # the identity, rank 0, even
            _write(store, 0, array, touched, out, PK)
            sizes = [1]
            store.commit(sizes)
        while True:
            k = len(sizes) - 1
            for c in np.flatnonzero(touched):
                array[c * F.CHUNK_WORDS:(c + 1) * F.CHUNK_WORDS] = 0
            touched[:] = 0
            threads(sizes[-1] * gens8.shape[0])
            new = 0
            read = store.read(k)
            try:
                for c in range(nchunks):
                    chunk = buffer[:min(F.CHUNK_WORDS, nwords - c * F.CHUNK_WORDS)]
                    chunk[:] = 0
                    if _apply(read, k, c, chunk, clear=False)[0]:
                        for a in range(0, chunk.shape[0], SLICE_WORDS):  # short kernel calls: Ctrl-C is seen
                            new += PK.expand_parity(chunk[a:a + SLICE_WORDS], c * F.CHUNK_WORDS + a, array, touched,
                                                    shift, k % 2, gens8, *tables.kernel_args(), fact, spar,
                                                    threads.count())
                    report(layer=k + 1, expanded=f"{100 * (c + 1) // nchunks}%", states=f"{sum(sizes):,} of {total:,}")
            finally:
                read.close()
            # the array: the neighbours of layer k, i.e. layer k+1 and part of layer k-1; clear layer k-1
            again = _load(store, k - 1, array, nchunks, clear=True) if k >= 1 else 0
            written = _write(store, k + 1, array, touched, out, PK)
            if written != new - again:
                raise RuntimeFailure(f"parity bitmap: layer {k + 1} has {written:,} states on disk but {new - again:,} "
                                     "were found (a damaged checkpoint?)")
            if written == 0:
                store.commit(sizes, complete=True)
                break
            sizes = sizes + [written]
            if sum(sizes) > total:  # cannot happen for a graph that passed unsuitable(); never loop on
                raise RuntimeFailure(f"parity bitmap: {sum(sizes):,} states found, more than n! = {total:,}")
            store.commit(sizes)
        ranks = np.empty(0, dtype=np.int64)
        if sizes[-1] <= keep:
            array[:] = 0
            _load(store, len(sizes) - 1, array, nchunks, clear=False)
            ranks = PK.parity_to_ranks(array, (len(sizes) - 1) % 2, n, fact, sizes[-1])
        return sizes, ranks
    finally:
        store.close()


def _write(store, k: int, words: np.ndarray, touched: np.ndarray, out: np.ndarray, PK) -> int:
    """Encode layer k (the set bits of ``words``, only in the ``touched`` chunks) chunk by chunk into the
    store; returns its size."""
    writer = store.writer(k)
    total = 0
    empty = out[:0]
    for c in range(touched.shape[0]):
        chunk = words[c * F.CHUNK_WORDS:(c + 1) * F.CHUNK_WORDS]
        count = int(PK.count_bits(chunk)) if touched[c] else 0
        nbytes = int(PK.encode_gaps(chunk, out[:chunk.shape[0] * 8])) if count else 0
        if nbytes < 0:
            writer.add(c, F.RAW, chunk, count)
        else:
            writer.add(c, F.GAPS, out[:nbytes] if count else empty, count)
        total += count
        report(layer=k, written=f"{100 * (c + 1) // touched.shape[0]}%")
    writer.close()
    return total


def _load(store, k: int, words: np.ndarray, nchunks: int, clear: bool) -> int:
    """Set (or clear) the states of stored layer k in ``words``; returns how many of their bits were set."""
    read = store.read(k)
    hits = 0
    try:
        for c in range(nchunks):
            hits += _apply(read, k, c, words[c * F.CHUNK_WORDS:(c + 1) * F.CHUNK_WORDS], clear)[1]
    finally:
        read.close()
    return hits


def _apply(read, k: int, c: int, chunk: np.ndarray, clear: bool) -> tuple[int, int]:
    """Set (or clear) the states of chunk c of stored layer k in ``chunk``, checking their count; returns
    (their count, how many of their bits were set before)."""
    from discover.cayley import parity_kernels as PK

    kind, payload, count = read(c)
    if count == 0:
        return 0, 0
    if kind == F.RAW:
        raw = payload.view(np.uint64)
        if raw.shape[0] != chunk.shape[0] or int(PK.count_bits(raw)) != count:
            raise RuntimeFailure(f"parity bitmap: layer {k}, chunk {c} is damaged")
        if clear:
            return count, int(PK.clear_words(chunk, raw))
        hits = count - int(PK.count_bits(raw & ~chunk))
        chunk |= raw
        return count, hits
    got, hits = PK.apply_gaps(payload, chunk, clear)
    if got != count:
        raise RuntimeFailure(f"parity bitmap: layer {k}, chunk {c} is damaged")
    return count, int(hits)
