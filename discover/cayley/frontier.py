"""The frontier loop over exact packed keys: breadth-first layers from a set of start states.

Layer 0 is the set of start states (sorted, distinct); layer k+1 is every neighbour ``s . g`` of a state
of layer k (g one of the generators given) that lies in no earlier layer. This is the one frontier loop of
the package: the growth engine (:mod:`discover.cayley.bfs`), the meet-in-the-middle solver and the
exact-distance ball of the beam search (:mod:`discover.cayley.solve`) all step it.

States are keys of K 64-bit words; a layer is a sorted array of distinct keys, and "already seen" is a
merge against sorted arrays. Two kinds of key:

* *Lehmer ranks* (one word) when the states are permutations of 0..L-1 with L <= 20 (L! < 2^63): the rank
  of ``s . g`` is computed straight from the unranked state, with no packed intermediate, and a layer is
  sorted by numpy's one-word sort (D. H. Lehmer, "Teaching combinatorial tricks to a computer", 1960;
  the ranking is :func:`discover.cayley.kernels.rank_perms`'s);
* *packed entries* otherwise (:func:`discover.cayley.plan.key_layout`: each entry in ``width`` bits),
  sorted by a radix sort when they take several words. Over the integers (a matrix group with no
  modulus) an entry x is stored as x + B, where B bounds every entry up to the depth searched: with
  r(S) the largest absolute row sum, r(S M) <= r(S) r(M), so B = r(start) max_g r(g)^depth. With inverse-closed
generators (``undirected``) a neighbour of layer k lies in layer k-1, k or k+1, so only the last two
layers are needed to drop the seen ones; otherwise every visited state is kept. ``keep_all`` keeps every
layer (for walking a path back), in which case nothing extra is kept.
"""

from __future__ import annotations

import numpy as np

import math

import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit, prange

from discover.cayley import kernels as K
from discover.cayley.graph import GraphDef
from discover.cayley.plan import MAX_BITMAP_DEGREE, key_layout
from discover.errors import InputError
from discover.kernels.bits import popcount

BLOCK_KEYS = 1 << 21  # neighbours expanded, sorted and merged at once (bounds the scratch memory)
U64 = np.uint64


CHUNK = 1024  # states a worker unranks at once in expand_ranks


@njit(parallel=True, cache=True)
def expand_ranks(ranks, gens, first, last, fact, keys):
    """Lehmer ranks of the neighbours of the permutations of rank ``ranks`` (m) under the generators
    (G x n), generator-major: ``keys[g*m + i]`` is the rank of ``s[gens[g]]`` for s of rank ``ranks[i]``.

    The rank is sum over positions j of d_j (n-1-j)!, the digit d_j counting the values smaller than the
    j-th value and not used before it (one popcount of a 64-bit mask of the values used). A generator
    that moves only positions ``first[g]..last[g]`` leaves the digits before them unchanged, and also
    those after them (the same values come before, in another order), so only that window is re-ranked
    against the state's own prefix sums: a transposition of neighbours costs two steps, not n."""
    m = ranks.shape[0]
    n = gens.shape[1]
    G = gens.shape[0]
    for c in prange((m + CHUNK - 1) // CHUNK):
        lo = c * CHUNK
        hi = min(m, lo + CHUNK)
        states = K.unrank_perms(ranks[lo:hi], n, fact)
        prefix = np.empty(n + 1, np.int64)  # prefix[j]: the rank's sum over positions before j
        used_before = np.empty(n + 1, np.uint64)  # the values at positions before j
        for i in range(hi - lo):
            s = states[i]
            used = U64(0)
            r = np.int64(0)
            for j in range(n):
                prefix[j] = r
                used_before[j] = used
                v = s[j]
                bit = U64(1) << U64(v)
                r += (v - np.int64(popcount(used & (bit - U64(1))))) * fact[n - 1 - j]
                used |= bit
            prefix[n] = r
            for g in range(G):
                a = first[g]
                b = last[g]
                used = used_before[a]
                t = prefix[a] + r - prefix[b + 1]
                for j in range(a, b + 1):
                    v = s[gens[g, j]]
                    bit = U64(1) << U64(v)
                    t += (v - np.int64(popcount(used & (bit - U64(1))))) * fact[n - 1 - j]
                    used |= bit
                keys[g * m + lo + i] = U64(t)


def integer_entry_bound(graph: GraphDef, depth: int) -> int:
    """A bound B on |entries| of every state within ``depth`` steps of the start of an integer matrix group
    (r(S M) <= r(S) r(M) for r the largest absolute row sum)."""
    k = graph.degree

    def r(flat):
        return max(sum(abs(v) for v in flat[a * k:(a + 1) * k]) for a in range(len(flat) // k))

    starts = [graph.start, *graph.more_starts]
    return max(r(s) for s in starts) * max(r(g) for g in graph.generators) ** depth


def integer_depth_limit(graph: GraphDef) -> int:
    """The largest depth whose entry bound fits the 63-bit keys and arithmetic of :func:`expand_integer`."""
    depth = 0
    while depth < 1 << 16 and integer_entry_bound(graph, depth + 1) < 1 << 62:
        depth += 1
    return depth


def _are_permutations(starts: np.ndarray) -> bool:
    """Whether every row of ``starts`` is a permutation of 0..L-1."""
    want = np.arange(starts.shape[1])
    return all(np.array_equal(np.sort(row), want) for row in starts)


def sort_unique(keys: np.ndarray, used_bits: int = 64) -> np.ndarray:
    """The distinct rows of ``keys`` in lexicographic order (one word: numpy's sort; wider keys: a radix
    sort over the ``used_bits`` low bits of each word)."""
    if keys.shape[0] == 0:
        return keys
    if keys.shape[1] == 1:  # stable: a merge sort that takes the runs already sorted (see Frontier.next_layer)
        keys = np.sort(keys[:, 0], kind="stable").reshape(-1, 1)
    else:
        keys = K.radix_sort_rows(keys, used_bits)
    return keys[: K.unique_sorted(keys)]


def contains(layer: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """For each row of ``keys`` (any order), whether it is a row of the sorted-unique ``layer``."""
    out = np.zeros(keys.shape[0], dtype=bool)
    for i in range(keys.shape[0]):
        probe = keys[i: i + 1].copy()
        out[i] = K.difference_sorted(probe, layer) == 0
    return out


def common_row(a: np.ndarray, b: np.ndarray) -> np.ndarray | None:
    """One row present in both sorted-unique key arrays, or None when they are disjoint."""
    if a.shape[0] == 0 or b.shape[0] == 0:
        return None
    small, big = (a, b) if a.shape[0] <= b.shape[0] else (b, a)
    rest = small.copy()
    kept = K.difference_sorted(rest, big)
    if kept == small.shape[0]:
        return None
    # rows of ``small`` missing from the compacted ``rest`` are in ``big``: walk both in order
    j = 0
    for i in range(small.shape[0]):
        if j < kept and np.array_equal(small[i], rest[j]):
            j += 1
        else:
            return small[i].copy()
    return None


class Frontier:
    """Breadth-first layers of packed keys under permutation or matrix generators (see the module
    docstring). ``generators``: the rows acting (default: the graph's); ``starts``: states (m x L) of
    layer 0 (default: the graph's start state)."""

    def __init__(self, graph: GraphDef, generators=None, starts=None, undirected: bool | None = None,
                 keep_all: bool = False, depth: int | None = None):
        self.graph = graph
        self.L = graph.state_length
        gens = graph.generators if generators is None else generators
        self.G = len(gens)
        if graph.kind == "perm":
            self.gens = np.array(gens, dtype=np.int64).reshape(self.G, self.L)
        else:
            self.gens = np.array(gens, dtype=np.int64).reshape(self.G, graph.degree ** 2)
        dtype = np.int64 if graph.over_integers else np.uint16
        starts = np.array([graph.start] if starts is None else starts, dtype=dtype).reshape(-1, self.L)
        self.ranked = graph.kind == "perm" and self.L <= MAX_BITMAP_DEGREE and _are_permutations(starts)
        self.offset = 0
        if graph.over_integers:  # ``depth``: how far the search may go (it bounds the entries)
            if depth is None or depth > integer_depth_limit(graph):
                raise InputError(f"{graph.name}: a matrix group over the integers is searched to a stated depth "
                                 f"(--max-depth), at most {integer_depth_limit(graph)} for these generators "
                                 "(entries must stay below 2^62)")
            self.offset = integer_entry_bound(graph, depth)
            self.width = (2 * self.offset).bit_length()
            self.nwords = -(-self.L // (64 // self.width))
            self.used_bits = (64 // self.width) * self.width
        elif self.ranked:
            self.width, self.nwords, self.used_bits = 0, 1, 64
            self.fact = np.array([math.factorial(i) for i in range(self.L + 1)], dtype=np.int64)
            moved = [np.flatnonzero(g != np.arange(self.L)) for g in self.gens]
            self.first = np.array([w[0] if w.size else 0 for w in moved], dtype=np.int64)
            self.last = np.array([w[-1] if w.size else -1 for w in moved], dtype=np.int64)
        else:
            self.width, self.nwords = key_layout(graph)
            self.used_bits = (64 // self.width) * self.width
        self.cur = sort_unique(self.pack(starts), self.used_bits)
        self.prev = np.empty((0, self.nwords), dtype=np.uint64)
        self.undirected = graph.undirected if undirected is None else undirected
        self.visited = self.cur.copy() if not (self.undirected or keep_all) else self.prev
        self.keep_all = keep_all
        self.layers = [self.cur] if keep_all else []
        self.block = max(1, BLOCK_KEYS // max(self.G, 1))

    def pack(self, states) -> np.ndarray:
        """Keys (m x K) of the states (rows of length L)."""
        if self.ranked:
            rows = np.asarray(states, dtype=np.int64).reshape(-1, self.L)
            return K.rank_perms(rows, self.fact).astype(np.uint64).reshape(-1, 1)
        if self.graph.over_integers:
            return self._pack_integers(np.asarray(states, dtype=np.int64).reshape(-1, self.L))
        return K.pack(np.asarray(states, dtype=np.uint16).reshape(-1, self.L), self.width, self.nwords)

    def unpack(self, keys) -> np.ndarray:
        """The states (m x L, uint16) of the keys."""
        if self.ranked:
            return K.unrank_perms(keys[:, 0].astype(np.int64), self.L, self.fact).astype(np.uint16)
        if self.graph.over_integers:
            per, mask = 64 // self.width, (1 << self.width) - 1
            out = np.empty((keys.shape[0], self.L), dtype=np.int64)
            for j in range(self.L):
                field = (keys[:, j // per] >> np.uint64((j % per) * self.width)) & np.uint64(mask)
                out[:, j] = field.astype(np.int64) - self.offset
            return out
        return K.unpack(keys, self.L, self.width)

    def _pack_integers(self, states: np.ndarray) -> np.ndarray:
        per = 64 // self.width
        keys = np.zeros((states.shape[0], self.nwords), dtype=np.uint64)
        for j in range(self.L):
            keys[:, j // per] |= (states[:, j] + self.offset).astype(np.uint64) << np.uint64((j % per) * self.width)
        return keys

    def neighbours(self, states: np.ndarray) -> np.ndarray:
        """Keys of ``states[i] . g`` for every state (m x L) and generator: row i*G + g."""
        keys = np.empty((states.shape[0] * self.G, self.nwords), dtype=np.uint64)
        if self.ranked:
            return self._ranked_neighbours(self.pack(states)).reshape(self.G, -1).T.reshape(-1, 1).copy()
        if self.graph.over_integers:  # exact products S M (the entry bound keeps them below 2^62)
            k = self.graph.degree
            rows = np.asarray(states, dtype=np.int64).reshape(states.shape[0], -1, k)
            products = np.einsum("iac,gcb->igab", rows, self.gens.reshape(self.G, k, k))
            return self._pack_integers(products.reshape(-1, self.L))
        if self.graph.kind == "perm":
            K.expand_perm(states, self.gens, self.width, keys)
        else:
            K.expand_matrix(states, self.gens, self.graph.degree, self.graph.modulus, self.width, keys)
        return keys

    def _ranked_neighbours(self, keys) -> np.ndarray:
        """Ranks of ``s . g`` for the states s of the rank ``keys`` (m x 1), generator-major (entry g*m + i)."""
        out = np.empty(keys.shape[0] * self.G, dtype=np.uint64)
        expand_ranks(keys[:, 0].astype(np.int64), self.gens, self.first, self.last, self.fact, out)
        return out

    def held_bytes(self) -> int:
        if self.keep_all:
            return sum(layer.nbytes for layer in self.layers)
        return self.prev.nbytes + self.cur.nbytes if self.undirected else self.visited.nbytes + self.cur.nbytes

    def next_bytes_bound(self) -> int:
        """Bytes the next layer may need at worst (every state with all its neighbours new, with sort copies)."""
        return self.held_bytes() + 3 * self.cur.nbytes * self.G + 2 * self.block * self.G * 8 * self.nwords

    def _drop_seen(self, keys: np.ndarray) -> np.ndarray:
        if self.keep_all and not self.undirected:
            for layer in self.layers:
                keys = keys[: K.difference_sorted(keys, layer)]
            return keys
        if not self.undirected:
            return keys[: K.difference_sorted(keys, self.visited)]
        keys = keys[: K.difference_sorted(keys, self.cur)]
        return keys[: K.difference_sorted(keys, self.prev)]

    def next_layer(self) -> np.ndarray:
        """The next layer's keys (sorted, distinct; empty at the end), not yet accepted (:meth:`advance`)."""
        parts = []
        for s in range(0, self.cur.shape[0], self.block):
            block = self.cur[s: s + self.block]
            if self.ranked:  # generator-major: each generator's images of a sorted block come in long sorted runs
                keys = sort_unique(self._ranked_neighbours(block).reshape(-1, 1))
            else:
                keys = sort_unique(self.neighbours(self.unpack(block)), self.used_bits)
            parts.append(self._drop_seen(keys).copy())
        if not parts:
            return np.empty((0, self.nwords), dtype=np.uint64)
        return sort_unique(np.concatenate(parts), self.used_bits) if len(parts) > 1 else parts[0]

    def advance(self, nxt: np.ndarray) -> None:
        """Accept ``nxt`` as the next layer."""
        if self.keep_all:
            self.layers.append(nxt)
        elif not self.undirected:
            self.visited = K.union_sorted(self.visited, nxt)
        self.prev, self.cur = self.cur, nxt
