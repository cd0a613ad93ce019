"""Breadth-first growth of Cayley and Schreier coset graphs.

``growth(graph)`` returns the *growth function*: ``layer_sizes[k]`` is the number of vertices at
distance k from the start state (layer 0 is the start itself), the diameter (eccentricity of the start;
for a Cayley graph, which is vertex-transitive, this is the diameter) and the vertices of the last
layer when there are few.

Two engines, one loop shape (expand a frontier, keep what is new):

* ``bitmap``: full (or dense) groups of permutations. States are Lehmer ranks into bit arrays
  (:mod:`discover.cayley.kernels`), expanded by a Numba kernel on all cores: each worker recording the
  neighbours it finds in its own 1-bit array (``records``, n!(1 + 2 workers)/8 bytes), or a shared 2-bit
  code per state (``shared``, n!/4 bytes), or, for undirected graphs with odd generators, half a bit
  per state with the layers on disk and a checkpoint per layer (``parity``, n!/16 bytes:
  :mod:`discover.cayley.parity_bitmap`); :func:`discover.cayley.plan.bitmap_layout` chooses. Signed
  permutations (a subgroup of B_n acting on 2n sides) are ranked by ``lehmer(|p|) 2^n + signs`` into a
  2-bit code per element of B_n (:mod:`discover.cayley.signed_bitmap`).
* ``frontier``: everything else (cosets, matrix groups, sparse permutation groups). Layers are sorted
  arrays of exact packed keys; duplicates and already-seen states are removed by merges. An undirected
  graph (inverse-closed generators) keeps only the previous and current layers, since a neighbour of
  layer k lies in layer k-1, k or k+1; a directed one keeps every visited state.

Before starting, :func:`estimate_memory` says how many bytes the search needs and :func:`growth`
refuses (``InputError``) when that exceeds the memory limit.
"""

from __future__ import annotations

import math
import time

import numpy as np

from discover.cayley import kernels as K
from discover.cayley.graph import GraphDef
from discover.cayley.layers import Growth, Threads, bitmap_layers
from discover.cayley.lehmer_blocks import block_tables, local_count, reversed_positions
from discover.cayley.frontier import Frontier
from discover.cayley.plan import available_memory, bitmap_layout, check_engine, check_memory, choose_engine
from discover.cayley.unitriangular import unitriangular_growth
from discover.errors import InputError, RuntimeFailure
from discover.runner.inner import report

LAST_LAYER_LIMIT = 20
LAST_LAYER_MAX = 1 << 22  # the bitmap engine lists a last layer of at most this many states


def growth(graph: GraphDef, engine: str = "auto", memory_limit: int | None = None,
           last_layer_limit: int = LAST_LAYER_LIMIT, order: int | None = None, max_depth: int | None = None,
           max_layer_size: int | None = None, keep_layers=(), keep_limit: int = 0) -> Growth:
    """The growth function of ``graph`` from its start state (see the module docstring). ``order``: the
    number of states when known in advance (for the choice of engine and the memory estimate).

    A *partial* search (``max_depth`` and/or ``max_layer_size``) runs the frontier engine and stops after
    layer ``max_depth``, or before a layer of more than ``max_layer_size`` states (that layer is computed,
    then dropped), or before a layer whose worst case (every state with all its neighbours new, held with
    the layers kept and the sort copies) would exceed the memory limit: the memory check of the layers
    reached. ``Growth.stopped_by`` says which ("max_depth", "max_layer_size", "memory"; None: the search
    ended by itself).
    Several start states (``graph.more_starts``) run the frontier engine from all of them (layer 0 is the set).
    ``keep_layers``: layer indices whose states are returned in ``Growth.kept_layers`` (frontier engine;
    a layer of more than ``keep_limit`` states is refused at run time)."""
    partial = max_depth is not None or max_layer_size is not None
    if partial or keep_layers or graph.more_starts:
        if engine == "bitmap":
            raise InputError("--engine bitmap: partial searches, --layers and several --start run the frontier engine")
        engine = "frontier"
    if engine == "auto":
        engine = choose_engine(graph, order)
    check_engine(graph, engine)
    if not partial:  # a partial search checks each layer before it is built (_frontier_growth)
        check_memory(graph, engine, memory_limit, order)
    t0 = time.perf_counter()
    if engine == "bitmap" and graph.kind == "matrix":
        out = unitriangular_growth(graph, last_layer_limit)
    elif engine == "bitmap" and graph.signed_size is not None:
        from discover.cayley.signed_bitmap import signed_growth

        out = signed_growth(graph, min(last_layer_limit, LAST_LAYER_MAX))
    elif engine == "bitmap":
        out = _bitmap_growth(graph, last_layer_limit, memory_limit)
    else:
        out = _frontier_growth(graph, last_layer_limit, memory_limit, max_depth, max_layer_size,
                               set(keep_layers), keep_limit)
    out.engine = engine
    out.seconds = time.perf_counter() - t0
    return out


# ---------------------------------------------------------------------------- bitmap engine
def _factorials(n: int) -> np.ndarray:
    return np.array([math.factorial(i) for i in range(n + 1)], dtype=np.int64)


def _bitmap_growth(graph: GraphDef, last_layer_limit: int, memory_limit: int | None = None,
                   layout: str | None = None) -> Growth:
    n = graph.degree
    fact = _factorials(n)
    gens = np.array(graph.generators, dtype=np.int64).reshape(len(graph.generators), n)
    flip = local_count(reversed_positions(gens), n) > local_count(gens, n)
    if flip:  # an isomorphic Cayley graph whose generators touch the low digits (see lehmer_blocks)
        gens = reversed_positions(gens)
    tables = block_tables(gens, n)
    threads = Threads()
    layout = layout or bitmap_layout(n, threads.full, memory_limit, graph)
    keep = min(last_layer_limit, math.factorial(n), LAST_LAYER_MAX)  # ranks of a layer kept for listing
    try:
        if layout == "parity":
            from discover.cayley.layer_files import checkpoint_path
            from discover.cayley.parity_bitmap import parity_layers

            sizes, last_ranks = parity_layers(graph, gens.astype(np.uint8), tables, fact, threads, keep,
                                              checkpoint_path(graph))
        elif layout == "records":
            sizes, last_ranks = _records_layers(K, gens.astype(np.uint8), tables, fact, threads, keep)
        else:
            sizes, last_ranks = _shared_layers(K, gens.astype(np.uint8), tables, fact, threads, keep)
    finally:
        threads.reset()
    last: list[tuple] = []
    if last_ranks.shape[0]:
        perms = K.unrank_perms(np.sort(last_ranks), n, fact)
        if flip:  # conjugating by the reversal again maps the states back (it is an involution)
            perms = reversed_positions(perms)
        relabel = np.array(graph.start)
        last = [tuple(int(v) for v in relabel[p]) for p in perms]
    return Growth(sizes, last)


def _records_layers(K, gens8, tables, fact, threads, keep):
    """Layers with :func:`kernels.bitmap_layer` (``records`` layout): (layer sizes, last layer's ranks
    when it has at most ``keep`` states, else an empty array)."""
    n = gens8.shape[1]
    nwords = -(-math.factorial(n) // 64)
    T = threads.full
    shift = max(K.TILE_SHIFT, min(10, (nwords // 1024).bit_length() - 1))  # chunks of 2**shift words
    seen = np.zeros(nwords, dtype=np.uint64)
    found = np.zeros((2, T, nwords), dtype=np.uint64)  # each worker's neighbours, alternate layers
    touched = np.zeros((2, T, -(-nwords >> K.TILE_SHIFT)), dtype=np.uint8)
    found[1, 0, 0] = 1  # the identity (rank 0) starts the search
    touched[1, 0, 0] = 1
    out = np.empty((T, keep), dtype=np.int64)
    out_count = np.zeros(T, dtype=np.int64)
    sizes: list[int] = []
    last_ranks = np.empty(0, dtype=np.int64)
    side = 0
    while True:
        threads((sizes[-1] if sizes else 1) * gens8.shape[0])
        out_count[:] = 0
        size = K.bitmap_layer(seen, found, touched, side, shift, gens8, *tables.kernel_args(), fact,
                              threads.count(), out, out_count)
        if size == 0:
            return sizes, last_ranks
        sizes.append(int(size))
        report(layer=len(sizes) - 1, states=sum(sizes))
        last_ranks = np.empty(0, dtype=np.int64)
        if size <= keep:
            last_ranks = np.concatenate([out[t, :out_count[t]] for t in range(T)])
        side = 1 - side


def _shared_layers(K, gens8, tables, fact, threads, keep):
    """Layers with :func:`kernels.bitmap_expand_shared` (``shared`` layout, 2 bits per state)."""

    def expand(bits, cur, chunk, nthreads):
        return K.bitmap_expand_shared(bits, chunk, gens8, *tables.kernel_args(), fact, cur, nthreads)

    return bitmap_layers(expand, math.factorial(gens8.shape[1]), gens8.shape[0], keep, threads)


# ---------------------------------------------------------------------------- frontier engine
def _frontier_growth(graph: GraphDef, last_layer_limit: int, memory_limit: int | None, max_depth: int | None = None,
                     max_layer_size: int | None = None, keep_layers=frozenset(), keep_limit: int = 0) -> Growth:
    limit = available_memory() if memory_limit is None else memory_limit
    search = Frontier(graph, starts=[graph.start, *graph.more_starts], depth=max_depth)
    sizes = [int(search.cur.shape[0])]
    threads = Threads()
    stopped_by = None
    kept = {}

    def keep(index, keys):
        if index in keep_layers:
            if keys.shape[0] > keep_limit:
                raise RuntimeFailure(f"--layers: layer {index} has {keys.shape[0]:,} states, more than the "
                                     f"limit of {keep_limit:,} (--layer-limit)")
            kept[index] = [tuple(int(v) for v in row) for row in search.unpack(keys)]

    keep(0, search.cur)
    partial = max_depth is not None or max_layer_size is not None
    while True:
        if max_depth is not None and len(sizes) - 1 >= max_depth:
            stopped_by = "max_depth"
            break
        if partial and search.next_bytes_bound() > limit:
            stopped_by = "memory"  # the next layer (at most G neighbours a state) might not fit: stop here
            break
        threads(search.cur.shape[0] * search.G)
        nxt = search.next_layer()
        if nxt.shape[0] == 0:
            break
        if max_layer_size is not None and nxt.shape[0] > max_layer_size:
            stopped_by = "max_layer_size"
            break
        sizes.append(int(nxt.shape[0]))
        report(layer=len(sizes) - 1, states=sum(sizes))
        keep(len(sizes) - 1, nxt)
        search.advance(nxt)
        if 2 * search.held_bytes() > limit:
            raise RuntimeFailure(f"{graph.name}: the search outgrew the available memory at layer {len(sizes) - 1}")
    threads.reset()
    last = []
    if search.cur.shape[0] <= last_layer_limit:
        last = [tuple(int(v) for v in row) for row in search.unpack(search.cur)]
    return Growth(sizes, last, stopped_by=stopped_by, kept_layers=kept)
