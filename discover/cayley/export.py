"""Small Cayley and Schreier graphs as whole graphs: vertices, edges, and the adjacency spectrum.

The vertices are the states reachable from the start (the group, or the orbit of a word), numbered in
breadth-first order (layer by layer, each layer in the order of its packed keys; vertex 0 is the start).
Every vertex v has one out-edge v -> v . g per generator g (``(s . g)[i] = s[g[i]]``); for an inverse-closed
generating set the graph is undirected and the edge {v, w} is listed once. The adjacency matrix A counts
generators: ``A[v, w]`` = the number of generators g with v . g = w (loops and multiple edges kept), so
for an inverse-closed set A is symmetric with row sums |S| and its eigenvalues (the *spectrum*) are real,
the largest being |S| (connected graphs have it once).

Formats: ``edgelist`` (``v w`` a line, what networkx's ``read_edgelist`` reads), ``graph6`` (the simple
undirected graph underneath: loops and multiplicities dropped; B. McKay's format), ``adjacency`` (the
rows of A, space-separated).
"""

from __future__ import annotations

import numpy as np

from discover.cayley.graph import GraphDef
from discover.errors import InputError, RuntimeFailure


def vertices_and_neighbours(graph: GraphDef, max_vertices: int) -> tuple[np.ndarray, np.ndarray]:
    """(states in breadth-first order, V x L; neighbour indices, V x G): ``RuntimeFailure`` beyond
    ``max_vertices`` (found while searching, before the graph is built)."""
    from discover.cayley.frontier import Frontier

    search = Frontier(graph, keep_all=True)
    total = search.cur.shape[0]
    while True:
        nxt = search.next_layer()
        if nxt.shape[0] == 0:
            break
        total += nxt.shape[0]
        if total > max_vertices:
            raise RuntimeFailure(f"{graph.name}: more than {max_vertices:,} vertices (the limit of this command)")
        search.advance(nxt)
    keys = np.concatenate(search.layers)
    index = {row.tobytes(): i for i, row in enumerate(keys)}
    states = search.unpack(keys)
    neighbours = search.neighbours(states)
    G = search.G
    targets = np.array([index[row.tobytes()] for row in neighbours], dtype=np.int64).reshape(-1, G)
    return states, targets


def adjacency(targets: np.ndarray) -> np.ndarray:
    """A[v, w] = number of generators taking v to w."""
    V = targets.shape[0]
    A = np.zeros((V, V), dtype=np.int64)
    np.add.at(A, (np.repeat(np.arange(V), targets.shape[1]), targets.ravel()), 1)
    return A


def edges(targets: np.ndarray, undirected: bool) -> list[tuple[int, int]]:
    """The edges v -> w, one per generator; for an undirected graph only those with v <= w (the edge
    {v, w} once per generator taking v to w: ``A[v, w]`` times)."""
    return [(v, int(w)) for v in range(targets.shape[0]) for w in targets[v] if not undirected or v <= w]


def graph6(targets: np.ndarray) -> str:
    """The graph6 string of the simple undirected graph underneath (no loops, no multiple edges)."""
    V = targets.shape[0]
    if V > 258047:
        raise InputError("--format graph6: at most 258,047 vertices")
    adj = set()
    for v in range(V):
        for w in targets[v]:
            w = int(w)
            if w != v:
                adj.add((min(v, w), max(v, w)))
    head = [V + 63] if V <= 62 else [126, 63 + (V >> 12 & 63), 63 + (V >> 6 & 63), 63 + (V & 63)]
    bits = [1 if (i, j) in adj else 0 for j in range(1, V) for i in range(j)]
    bits += [0] * (-len(bits) % 6)
    body = [63 + int("".join(map(str, bits[k: k + 6])), 2) for k in range(0, len(bits), 6)]
    return bytes(head + body).decode("ascii")


def spectrum(targets: np.ndarray, undirected: bool) -> list[float]:
    """The eigenvalues of A in increasing order (real for an undirected graph: ``eigvalsh``; else the
    real parts of ``eigvals``), rounded to 9 decimals."""
    A = adjacency(targets).astype(np.float64)
    values = np.linalg.eigvalsh(A) if undirected else np.sort(np.linalg.eigvals(A).real)
    return [round(float(x), 9) + 0.0 for x in values]
