"""The lift of a voltage assignment, and a search over edge orbits for the most edges at girth >= 5.

Let B be a multigraph on base vertices 0..k-1 and G a group of order m (:mod:`.groups`). A *voltage
edge* (u, v, g), g in G, lifts to the m edges (u, h) - (v, h g), h in G, of a graph on the n = k m
vertices (u, h), numbered u m + h. A loop (u, u, g) needs g != 1 and is the same orbit as (u, u, g^-1);
when g^2 = 1 it lifts to m / 2 edges. Left multiplication (u, h) -> (u, a h) is an automorphism of
the lift that is transitive on each fibre {u} x G, so

* the edge sets of distinct voltage edges are disjoint (they are the orbits of G on the edges), and
* the lift has a cycle of length <= 4 through a new orbit at u if and only if it has one through the
  single vertex (u, 1): checking girth >= 5 after adding an orbit costs one vertex's neighbourhood,
  O(d^2) word operations on bitsets, instead of the whole graph.

The search (:func:`lift_walk`) keeps a set of orbits whose lift has girth >= 5: a greedy fill in
random order, then moves that drop 1..3 random orbits and refill greedily in a new random order, kept
when the edge count does not drop (plateau moves included) and undone otherwise. It is the "iterated
greedy" of Ruiz and Stutzle (Eur. J. Oper. Res. 177, 2007) over the orbits; the approach of searching
voltage assignments for small dense graphs of given girth follows Exoo and Jajcay's survey of cage
constructions ("Dynamic cage survey", Electron. J. Combin., DS16).
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.extremal.reattach import _has, _link
from discover.kernels.arrays import copy_matrix, copy_vector
from discover.kernels.bits import popcount, trailing_zeros

# state vector of a walk (int64): current and best edge counts, moves made
S_EDGES, S_BEST, S_MOVES = 0, 1, 2
N_STATE = 3
# a move drops between 1 and this many orbits before refilling
MAX_DROP = 3
# probability of keeping a move that loses edges (to leave a plateau): at n = 96 (k = 6, Z16, 100,000
# moves, 4 seeds) 0, 0.01, 0.03, 0.1 and 0.3 reached the 9-regular 432 edges in 0, 1, 2, 3 and 3 runs
WORSE = 0.1


def orbit_candidates(k: int, group) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every voltage edge of a base on k vertices over ``group``, once per orbit: (u, v, g, edges)
    arrays with u < v and any g, or u = v and g != 1 the smaller of g, g^-1; ``edges`` is the orbit's
    size (m, or m / 2 for an involution loop)."""
    m = group.order
    us, vs, gs, sizes = [], [], [], []
    for u in range(k):
        for v in range(u, k):
            for g in range(m):
                if u == v:
                    inv = int(group.inverse[g])
                    if g == 0 or g > inv:
                        continue
                    size = m // 2 if inv == g else m
                else:
                    size = m
                us.append(u)
                vs.append(v)
                gs.append(g)
                sizes.append(size)
    return tuple(np.array(x, np.int64) for x in (us, vs, gs, sizes))


def lift_edges(k: int, group, orbits) -> list[tuple[int, int]]:
    """The edges (u m + h, v m + h g) of the lift of the voltage edges ``orbits`` ((u, v, g) triples)."""
    m = group.order
    edges = set()
    for u, v, g in orbits:
        for h in range(m):
            x, y = u * m + h, v * m + int(group.table[h, g])
            edges.add((min(x, y), max(x, y)))
    return sorted(edges)


@njit(cache=True)
def _set_orbit(B, m, table, u, v, g, on):
    for h in range(m):
        _link(B, u * m + h, v * m + table[h, g], on)


@njit(cache=True)
def _no_short_cycle_at(B, x, nbrs):
    """Whether no cycle of length 3 or 4 passes through x: no two neighbours of x adjacent, and no two
    with a common neighbour besides x."""
    W = B.shape[1]
    d = 0
    for w in range(W):
        word = B[x, w]
        while word != 0:
            nbrs[d] = w * 64 + np.int64(trailing_zeros(word))
            d += 1
            word &= word - np.uint64(1)
    for i in range(d):
        a = nbrs[i]
        for w in range(W):
            if B[a, w] & B[x, w]:
                return False
        for j in range(i + 1, d):
            c = nbrs[j]
            common = 0
            for w in range(W):
                common += popcount(B[a, w] & B[c, w])
            if common >= 2:
                return False
    return True


@njit(cache=True)
def _try_add(B, m, table, u, v, g, nbrs):
    """Add the orbit of (u, v, g) if its lift keeps girth >= 5 (checked at (u, 1) only, see the module
    docstring); return whether it was added."""
    x = u * m
    if _has(B, x, v * m + table[0, g]):
        return False
    _set_orbit(B, m, table, u, v, g, True)
    if _no_short_cycle_at(B, x, nbrs):
        return True
    _set_orbit(B, m, table, u, v, g, False)
    return False


@njit(cache=True)
def _fill(B, m, table, cu, cv, cg, csize, chosen, order, nbrs):
    """Add the orbits in ``order`` that keep girth >= 5; return the edges added."""
    added = 0
    for j in order:
        if not chosen[j] and _try_add(B, m, table, cu[j], cv[j], cg[j], nbrs):
            chosen[j] = True
            added += csize[j]
    return added


@njit(cache=True)
def lift_walk(k, table, cu, cv, cg, csize, chosen, best, state, moves, seed, worse=WORSE):
    """Run ``moves`` iterated-greedy moves from the orbit set ``chosen`` (bool per candidate, updated
    in place; an empty set is filled greedily first) and keep the best set in ``best``. ``state`` holds
    the current and best edge counts and the moves made so far (:data:`S_EDGES`, ...)."""
    np.random.seed(seed)
    m = table.shape[0]
    n = k * m
    B = np.zeros((n, (n + 63) // 64), np.uint64)
    nbrs = np.zeros(n, np.int64)
    edges = 0
    for j in range(cu.shape[0]):
        if chosen[j]:
            _set_orbit(B, m, table, cu[j], cv[j], cg[j], True)
            edges += csize[j]
    order = np.arange(cu.shape[0])
    if edges == 0:
        np.random.shuffle(order)
        edges = _fill(B, m, table, cu, cv, cg, csize, chosen, order, nbrs)
        if edges > state[S_BEST]:
            state[S_BEST] = edges
            copy_vector(best, chosen)
    for _ in range(moves):
        members = np.nonzero(chosen)[0]
        if members.shape[0] == 0:
            break
        saved_B = B.copy()
        saved = chosen.copy()
        before = edges
        for _ in range(1 + np.random.randint(MAX_DROP)):
            j = members[np.random.randint(members.shape[0])]
            if chosen[j]:
                _set_orbit(B, m, table, cu[j], cv[j], cg[j], False)
                chosen[j] = False
                edges -= csize[j]
        np.random.shuffle(order)
        edges += _fill(B, m, table, cu, cv, cg, csize, chosen, order, nbrs)
        if edges >= before or np.random.random() < worse:
            if edges > state[S_BEST]:
                state[S_BEST] = edges
                copy_vector(best, chosen)
        else:
            copy_matrix(B, saved_B)
            copy_vector(chosen, saved)
            edges = before
    state[S_EDGES] = edges
    state[S_MOVES] += moves
