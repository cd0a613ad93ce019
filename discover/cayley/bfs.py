"""Breadth-first growth of Cayley and Schreier coset graphs.

``growth(graph)`` returns the *growth function*: ``layer_sizes[k]`` is the number of vertices at
distance k from the start state (layer 0 is the start itself), the diameter (eccentricity of the start;
for a Cayley graph, which is vertex-transitive, this is the diameter) and the vertices of the last
layer when there are few.

Two engines, one loop shape (expand a frontier, keep what is new):

* ``bitmap``: full (or dense) groups of permutations. States are Lehmer ranks into a 2-bit-per-state
  array (:mod:`discover.cayley.kernels`), expanded by a Numba kernel on all cores, each worker
  recording the neighbours it finds in its own 1-bit array; n!(2 + workers)/8 bytes.
* ``frontier``: everything else (cosets, matrix groups, sparse permutation groups). Layers are sorted
  arrays of exact packed keys; duplicates and already-seen states are removed by merges. An undirected
  graph (inverse-closed generators) keeps only the previous and current layers, since a neighbour of
  layer k lies in layer k-1, k or k+1; a directed one keeps every visited state.

Before starting, :func:`estimate_memory` says how many bytes the search needs and :func:`growth`
refuses (``InputError``) when that exceeds the memory limit.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, field

import numpy as np

from discover.cayley.graph import GraphDef
from discover.errors import InputError, RuntimeFailure

LAST_LAYER_LIMIT = 20
LAST_LAYER_MAX = 1 << 22  # the bitmap engine lists a last layer of at most this many states
MAX_BITMAP_DEGREE = 20  # 20! < 2^63
UNKNOWN_ORDER_BITMAP = 1 << 28  # bytes: a unitriangular bitmap used when the subgroup's order is unknown


@dataclass
class Growth:
    layer_sizes: list[int]
    last_layer: list[tuple] = field(default_factory=list)  # states of the last layer (when few)
    engine: str = ""
    seconds: float = 0.0

    @property
    def diameter(self) -> int:
        return len(self.layer_sizes) - 1

    @property
    def order(self) -> int:
        return sum(self.layer_sizes)


def available_memory() -> int:
    """Bytes of memory available now (``MemAvailable``), or the ``DISCOVER_MEMORY`` override."""
    env = os.environ.get("DISCOVER_MEMORY")
    if env:
        return int(float(env))
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 8 << 30


def _key_layout(graph: GraphDef) -> tuple[int, int]:
    """(bits per entry, words per key) of the exact packed keys of the states of ``graph``."""
    width = max(1, int(graph.value_bound - 1).bit_length())
    per = 64 // width
    return width, -(-graph.state_length // per)


def _unitriangular(graph: GraphDef) -> bool:
    if graph.kind != "matrix":
        return False
    from discover.cayley.unitriangular import is_unitriangular_cayley

    return is_unitriangular_cayley(graph)


def choose_engine(graph: GraphDef) -> str:
    """``bitmap`` for a dense group (all permutations of a word with distinct letters, or unitriangular
    matrices mod p: both ranked densely) when its bitmap is smaller than the frontier search's keys,
    else ``frontier``."""
    if _unitriangular(graph):
        from discover.cayley.unitriangular import unitriangular_bitmap_bytes

        order = graph.order
        width, K = _key_layout(graph)
        ranked_bytes = unitriangular_bitmap_bytes(graph)
        if order is None:  # a subgroup of unknown order: the bitmap only while it is small
            return "bitmap" if ranked_bytes <= UNKNOWN_ORDER_BITMAP else "frontier"
        return "bitmap" if ranked_bytes <= order * (16 * K + 2 * graph.state_length) else "frontier"
    if graph.kind != "perm" or not graph.is_regular_start or graph.degree > MAX_BITMAP_DEGREE:
        return "frontier"
    order = graph.order
    n = graph.degree
    width, K = _key_layout(graph)
    frontier_bytes = order * (16 * K + 2 * n)
    return "bitmap" if bitmap_bytes(n, "shared") <= frontier_bytes else "frontier"


def estimate_memory(graph: GraphDef, engine: str) -> int | None:
    """Bytes the search needs (None when the number of states is not known in advance)."""
    if engine == "bitmap" and graph.kind == "matrix":
        from discover.cayley.unitriangular import unitriangular_bitmap_bytes

        return unitriangular_bitmap_bytes(graph) + (1 << 20)
    if engine == "bitmap":
        return bitmap_bytes(graph.degree, "shared") + (1 << 20)  # the least it needs (see bitmap_layout)
    order = graph.order
    if order is None:
        return None
    width, K = _key_layout(graph)
    # keys of the layers kept + the sort copies + unpacked rows of the frontier
    return int(order * (16 * K + 2 * graph.state_length)) + (64 << 20)


MEMORY_FRACTION = 0.8  # of the available memory, when no limit is given (the machine is shared)


def bitmap_bytes(n: int, layout: str, workers: int = 1) -> int:
    """Bytes of the permutation bitmap's state arrays: ``shared`` keeps a 2-bit code per state (n!/4
    bytes); ``records`` keeps 1 bit per state seen plus, for each worker, 1-bit records of the
    neighbours it found in the last two layers (n!(1 + 2 workers)/8 bytes)."""
    states = math.factorial(n)
    return states // 4 if layout == "shared" else states * (1 + 2 * workers) // 8


def bitmap_layout(n: int, workers: int, limit: int | None = None) -> str:
    """``records`` (no atomic writes, the faster layer) when its arrays fit in ``limit`` bytes (default
    80% of the available memory), else ``shared`` (2 bits per state, whatever the number of workers)."""
    limit = int(MEMORY_FRACTION * available_memory()) if limit is None else limit
    return "records" if bitmap_bytes(n, "records", workers) + (1 << 20) <= limit else "shared"


def check_memory(graph: GraphDef, engine: str, limit: int | None = None) -> int | None:
    """Refuse (``InputError``) a search whose :func:`estimate_memory` exceeds ``limit`` bytes (default:
    80% of the memory available now)."""
    need = estimate_memory(graph, engine)
    limit = int(MEMORY_FRACTION * available_memory()) if limit is None else limit
    if need is not None and need > limit:
        if engine == "bitmap" and graph.kind == "perm":
            states = f"{math.factorial(graph.degree):,} states"
        elif engine == "bitmap":
            states = f"{graph.modulus ** (graph.degree * (graph.degree - 1) // 2):,} states (all of UT_{graph.degree})"
        else:
            states = f"{graph.order:,} states"
        raise InputError(
            f"--n: {graph.name} has {states}; the {engine} search needs about {need / 2**30:.1f} GiB "
            f"but the memory limit is {limit / 2**30:.1f} GiB (--memory GB; default 80% of the available memory)"
        )
    return need


def growth(graph: GraphDef, engine: str = "auto", memory_limit: int | None = None,
           last_layer_limit: int = LAST_LAYER_LIMIT) -> Growth:
    """The growth function of ``graph`` from its start state (see the module docstring)."""
    if engine == "auto":
        engine = choose_engine(graph)
    if engine == "bitmap" and not _unitriangular(graph) and (graph.kind != "perm" or not graph.is_regular_start):
        raise InputError("--engine bitmap: only for permutation groups acting on a word with distinct letters "
                         "and for unitriangular matrix groups mod p")
    if engine not in ("bitmap", "frontier"):
        raise InputError(f"--engine: unknown engine {engine!r} (bitmap, frontier or auto)")
    if engine == "bitmap" and graph.kind == "perm" and graph.degree > MAX_BITMAP_DEGREE:
        raise InputError(f"--engine bitmap: ranks need n <= {MAX_BITMAP_DEGREE}, got n={graph.degree}")
    check_memory(graph, engine, memory_limit)
    t0 = time.perf_counter()
    if engine == "bitmap" and graph.kind == "matrix":
        from discover.cayley.unitriangular import unitriangular_growth

        out = unitriangular_growth(graph, last_layer_limit)
    elif engine == "bitmap":
        out = _bitmap_growth(graph, last_layer_limit, memory_limit)
    else:
        out = _frontier_growth(graph, last_layer_limit, memory_limit)
    out.engine = engine
    out.seconds = time.perf_counter() - t0
    return out


# ---------------------------------------------------------------------------- threads
PARALLEL_WORK = 1 << 17  # below this many state expansions a layer runs on one thread


class _Threads:
    """Run small layers on one thread: a parallel region costs a barrier, which on a busy machine (a
    descheduled worker) costs milliseconds, more than the work of a small layer."""

    def __init__(self):
        import numba

        self.numba = numba
        self.full = numba.get_num_threads()  # the current setting (numba.set_num_threads is respected)

    def __call__(self, work: int) -> None:
        self.numba.set_num_threads(self.full if work >= PARALLEL_WORK else 1)

    def reset(self) -> None:
        self.numba.set_num_threads(self.full)

    def count(self) -> int:
        return self.numba.get_num_threads()


# ---------------------------------------------------------------------------- bitmap engine
def _factorials(n: int) -> np.ndarray:
    return np.array([math.factorial(i) for i in range(n + 1)], dtype=np.int64)


def _bitmap_growth(graph: GraphDef, last_layer_limit: int, memory_limit: int | None = None,
                   layout: str | None = None) -> Growth:
    from discover.cayley import kernels as K
    from discover.cayley.lehmer_blocks import block_tables, local_count, reversed_positions

    n = graph.degree
    fact = _factorials(n)
    gens = np.array(graph.generators, dtype=np.int64).reshape(len(graph.generators), n)
    flip = local_count(reversed_positions(gens), n) > local_count(gens, n)
    if flip:  # an isomorphic Cayley graph whose generators touch the low digits (see lehmer_blocks)
        gens = reversed_positions(gens)
    tables = block_tables(gens, n)
    threads = _Threads()
    layout = layout or bitmap_layout(n, threads.full, memory_limit)
    keep = min(last_layer_limit, math.factorial(n), LAST_LAYER_MAX)  # ranks of a layer kept for listing
    try:
        if layout == "records":
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
        last_ranks = np.empty(0, dtype=np.int64)
        if size <= keep:
            last_ranks = np.concatenate([out[t, :out_count[t]] for t in range(T)])
        side = 1 - side


def _shared_layers(K, gens8, tables, fact, threads, keep):
    """Layers with :func:`kernels.bitmap_expand_shared` (``shared`` layout, 2 bits per state)."""

    def expand(bits, cur, chunk, nthreads):
        return K.bitmap_expand_shared(bits, chunk, gens8, *tables.kernel_args(), fact, cur, nthreads)

    return bitmap_layers(expand, math.factorial(gens8.shape[1]), gens8.shape[0], keep, threads)


def bitmap_layers(expand, total: int, degree: int, last_layer_limit: int, threads: "_Threads | None" = None):
    """Breadth-first layers over ranks 0..total-1 from rank 0 on a 2-bit-per-rank bitmap (the shared
    layout of the permutation engine, and the unitriangular engine).

    ``expand(bits, cur, chunk, nthreads) -> (expanded, found)`` gives code ``3 - cur`` to the unvisited
    neighbours of the states of code ``cur``; ``degree`` neighbours per state (for the choice of one
    thread or all). Returns the layer sizes and the ranks of the last layer when it has at most
    ``last_layer_limit`` states (else an empty array)."""
    from discover.cayley.kernels import bitmap_retire

    nwords = -(-total // 32)
    bits = np.zeros(nwords, dtype=np.uint64)
    bits[0] = np.uint64(1)  # rank 0 gets frontier code 1
    chunk = max(1, min(1024, nwords // 1024))
    sizes: list[int] = []
    ranks = np.empty(0, dtype=np.int64)
    cur = 1
    threads = threads or _Threads()
    found = 1
    try:
        while found:
            threads(max(found * degree, nwords // 8))
            expanded, found = expand(bits, cur, chunk, threads.count())
            sizes.append(int(expanded))
            last = not found and expanded <= last_layer_limit
            ranks = np.empty(expanded if last else 0, dtype=np.int64)
            bitmap_retire(bits, cur, ranks)
            cur = 3 - cur
    finally:
        threads.reset()
    return sizes, ranks


# ---------------------------------------------------------------------------- frontier engine
def _sort_unique(keys: np.ndarray, used_bits: int = 64) -> np.ndarray:
    """The distinct rows of ``keys`` in lexicographic order (one word: numpy's sort; wider keys: a radix
    sort over the ``used_bits`` low bits of each word)."""
    from discover.cayley import kernels as K

    if keys.shape[0] == 0:
        return keys
    if keys.shape[1] == 1:
        keys = np.sort(keys[:, 0]).reshape(-1, 1)
    else:
        keys = K.radix_sort_rows(keys, used_bits)
    return keys[: K.unique_sorted(keys)]


def _frontier_growth(graph: GraphDef, last_layer_limit: int, memory_limit: int | None) -> Growth:
    from discover.cayley import kernels as K

    width, nwords = _key_layout(graph)
    used_bits = (64 // width) * width
    L = graph.state_length
    G = len(graph.generators)
    limit = available_memory() if memory_limit is None else memory_limit
    if graph.kind == "perm":
        gens = np.array(graph.generators, dtype=np.int64).reshape(G, L)

        def expand(states, keys):
            K.expand_perm(states, gens, width, keys)
    else:
        gens = np.array(graph.generators, dtype=np.int64).reshape(G, graph.degree ** 2)
        k, p = graph.degree, graph.modulus

        def expand(states, keys):
            K.expand_matrix(states, gens, k, p, width, keys)

    start = np.array([graph.start], dtype=np.uint16)
    cur = K.pack(start, width, nwords)
    prev = np.empty((0, nwords), dtype=np.uint64)
    visited = cur.copy()  # used only for directed graphs
    undirected = graph.undirected
    sizes = [1]
    block = max(1, (1 << 21) // max(G, 1))
    threads = _Threads()
    while True:
        threads(cur.shape[0] * G)
        parts = []
        for s in range(0, cur.shape[0], block):
            states = K.unpack(cur[s: s + block], L, width)
            keys = np.empty((states.shape[0] * G, nwords), dtype=np.uint64)
            expand(states, keys)
            keys = _sort_unique(keys, used_bits)
            if undirected:
                keys = keys[: K.difference_sorted(keys, cur)]
                keys = keys[: K.difference_sorted(keys, prev)]
            else:
                keys = keys[: K.difference_sorted(keys, visited)]
            parts.append(keys.copy())
        nxt = _sort_unique(np.concatenate(parts), used_bits) if len(parts) > 1 else parts[0]
        if nxt.shape[0] == 0:
            break
        sizes.append(int(nxt.shape[0]))
        if undirected:
            prev, cur = cur, nxt
            held = prev.nbytes + cur.nbytes
        else:
            visited = K.union_sorted(visited, nxt)
            cur = nxt
            held = visited.nbytes + cur.nbytes
        if 2 * held > limit:
            raise RuntimeFailure(f"{graph.name}: the search outgrew the available memory at layer {len(sizes) - 1}")
    threads.reset()
    last = []
    if cur.shape[0] <= last_layer_limit:
        last = [tuple(int(v) for v in row) for row in K.unpack(cur, L, width)]
    return Growth(sizes, last)
