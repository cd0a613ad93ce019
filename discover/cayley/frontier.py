"""The frontier loop over exact packed keys: breadth-first layers from a set of start states.

Layer 0 is the set of start states (sorted, distinct); layer k+1 is every neighbour ``s . g`` of a state
of layer k (g one of the generators given) that lies in no earlier layer. This is the one frontier loop of
the package: the growth engine (:mod:`discover.cayley.bfs`), the meet-in-the-middle solver and the
exact-distance ball of the beam search (:mod:`discover.cayley.solve`) all step it.

States are packed into keys of K 64-bit words (:func:`discover.cayley.plan.key_layout`); a layer is a
sorted array of distinct keys, and "already seen" is a merge against sorted arrays. With inverse-closed
generators (``undirected``) a neighbour of layer k lies in layer k-1, k or k+1, so only the last two
layers are needed to drop the seen ones; otherwise every visited state is kept. ``keep_all`` keeps every
layer (for walking a path back), in which case nothing extra is kept.
"""

from __future__ import annotations

import numpy as np

from discover.cayley import kernels as K
from discover.cayley.graph import GraphDef
from discover.cayley.plan import key_layout

BLOCK_KEYS = 1 << 21  # neighbours expanded, sorted and merged at once (bounds the scratch memory)


def sort_unique(keys: np.ndarray, used_bits: int = 64) -> np.ndarray:
    """The distinct rows of ``keys`` in lexicographic order (one word: numpy's sort; wider keys: a radix
    sort over the ``used_bits`` low bits of each word)."""
    if keys.shape[0] == 0:
        return keys
    if keys.shape[1] == 1:
        keys = np.sort(keys[:, 0]).reshape(-1, 1)
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
                 keep_all: bool = False):
        self.graph = graph
        self.width, self.nwords = key_layout(graph)
        self.used_bits = (64 // self.width) * self.width
        self.L = graph.state_length
        gens = graph.generators if generators is None else generators
        self.G = len(gens)
        if graph.kind == "perm":
            self.gens = np.array(gens, dtype=np.int64).reshape(self.G, self.L)
        else:
            self.gens = np.array(gens, dtype=np.int64).reshape(self.G, graph.degree ** 2)
        starts = np.array([graph.start] if starts is None else starts, dtype=np.uint16).reshape(-1, self.L)
        self.cur = sort_unique(K.pack(starts, self.width, self.nwords), self.used_bits)
        self.prev = np.empty((0, self.nwords), dtype=np.uint64)
        self.undirected = graph.undirected if undirected is None else undirected
        self.visited = self.cur.copy() if not (self.undirected or keep_all) else self.prev
        self.keep_all = keep_all
        self.layers = [self.cur] if keep_all else []
        self.block = max(1, BLOCK_KEYS // max(self.G, 1))

    def pack(self, states) -> np.ndarray:
        return K.pack(np.asarray(states, dtype=np.uint16).reshape(-1, self.L), self.width, self.nwords)

    def unpack(self, keys) -> np.ndarray:
        return K.unpack(keys, self.L, self.width)

    def neighbours(self, states: np.ndarray) -> np.ndarray:
        """Keys of ``states[i] . g`` for every state (m x L, uint16) and generator: row i*G + g."""
        keys = np.empty((states.shape[0] * self.G, self.nwords), dtype=np.uint64)
        if self.graph.kind == "perm":
            K.expand_perm(states, self.gens, self.width, keys)
        else:
            K.expand_matrix(states, self.gens, self.graph.degree, self.graph.modulus, self.width, keys)
        return keys

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
            keys = sort_unique(self.neighbours(self.unpack(self.cur[s: s + self.block])), self.used_bits)
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
