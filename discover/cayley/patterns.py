"""Pattern databases: admissible lower bounds of the distance to the start from small projections.

For a set T of k points (values) of a permutation group acting on arrangements of 0..n-1 (start = the
identity), the *pattern* of a state s is where the values of T lie: the positions ``pos_s(t)``, t in T.
Moving a state moves its pattern the same way (``s -> s . g`` sends the pattern of s to that of s . g),
so a path from s to the start is a path of patterns from s's to the start's, and the distance of the
pattern in the (much smaller) Schreier graph of patterns is a lower bound of the distance of s: an
*admissible* heuristic (Culberson and Schaeffer, "Pattern databases", Computational Intelligence 14, 1998).

A database is the whole orbit of the start's pattern with exact distances, found by the frontier loop
(:class:`discover.cayley.frontier.Frontier`) on words labelled 1..k at the points of T (0 elsewhere),
under the inverse generators. Patterns are coded in one 64-bit word (``bits`` per position, k <= 64/bits).
T runs over blocks of k points of each orbit of the group on points; the bound of a state is the
maximum over the databases (still admissible); the beam ranks states by the sum (a finer guide).
"""

from __future__ import annotations

import numpy as np

from discover.cayley import perms as P
from discover.cayley.graph import GraphDef, perm_graph


def point_orbits(graph: GraphDef) -> list[list[int]]:
    """The orbits of the group on the points 0..n-1 (union of the generators' cycles)."""
    parent = list(range(graph.degree))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for g in graph.generators:
        for i, j in enumerate(g):
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(graph.degree):
        groups.setdefault(root(i), []).append(i)
    return [sorted(o) for o in groups.values()]


def _falling(m: int, k: int) -> int:
    out = 1
    for i in range(k):
        out *= m - i
    return out


class PatternDatabases:
    """Databases over blocks of points (see the module docstring), each of at most ``max_states``
    patterns, at most ``max_total`` patterns in all."""

    def __init__(self, graph: GraphDef, max_states: int = 1 << 16, max_total: int = 1 << 21):
        from discover.cayley.frontier import Frontier

        n = graph.degree
        self.bits = max(1, (n - 1).bit_length())
        inverses = tuple(P.inverse(g) for g in graph.generators)
        self.blocks: list[np.ndarray] = []
        self.tables: list[tuple[np.ndarray, np.ndarray]] = []
        total = 0
        for orbit in point_orbits(graph):
            if len(orbit) < 2:
                continue
            k = 1
            while k < 64 // self.bits and _falling(len(orbit), k + 1) <= max_states:
                k += 1
            for s in range(0, len(orbit), k):
                block = orbit[s: s + k]
                size = _falling(len(orbit), len(block))
                if total + size > max_total:
                    break
                total += size
                word = [0] * n
                for j, t in enumerate(block):
                    word[t] = j + 1
                words = perm_graph("pattern", inverses, n, start=word)
                search = Frontier(words, undirected=graph.undirected, keep_all=True)
                codes, dists = [], []
                depth = 0
                layer = search.cur
                while layer.shape[0]:
                    codes.append(self._codes_of_words(search.unpack(layer), len(block)))
                    dists.append(np.full(layer.shape[0], depth, dtype=np.int16))
                    layer = search.next_layer()
                    search.advance(layer)
                    depth += 1
                codes_all = np.concatenate(codes)
                order = np.argsort(codes_all)
                self.blocks.append(np.array(block, dtype=np.int64))
                self.tables.append((codes_all[order], np.concatenate(dists)[order]))

    def _codes_of_words(self, words: np.ndarray, k: int) -> np.ndarray:
        """Codes of labelled words: the position of label j+1 in bits j*bits.. of the code."""
        code = np.zeros(words.shape[0], dtype=np.uint64)
        for j in range(k):
            pos = np.argmax(words == j + 1, axis=1).astype(np.uint64)
            code |= pos << np.uint64(j * self.bits)
        return code

    def distances(self, states: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(max, sum) over the databases of the pattern distances of each state (rows of ``states``)."""
        m, n = states.shape
        where = np.empty((m, n), dtype=np.int64)
        where[np.arange(m)[:, None], states.astype(np.int64)] = np.arange(n)  # where[i, v] = position of v
        best = np.zeros(m, dtype=np.int32)
        total = np.zeros(m, dtype=np.int32)
        for block, (codes, dists) in zip(self.blocks, self.tables):
            code = np.zeros(m, dtype=np.uint64)
            for j, t in enumerate(block):
                code |= where[:, t].astype(np.uint64) << np.uint64(j * self.bits)
            d = dists[np.searchsorted(codes, code)].astype(np.int32)
            best = np.maximum(best, d)
            total += d
        return best, total


class LazyPatterns:
    """:class:`PatternDatabases` of a graph built on first use (a state already near the start needs none)."""

    def __init__(self, graph: GraphDef):
        self.graph = graph
        self._databases = None

    def get(self) -> PatternDatabases:
        if self._databases is None:
            self._databases = PatternDatabases(self.graph)
        return self._databases
