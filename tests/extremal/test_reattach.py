"""The vertex re-attachment walk (cycle problems with C4): exact repair step, validity, Moore graphs.

The Moore bound says a graph of girth >= 5 with n vertices has average degree d with n >= 1 + d^2, and
one of girth >= 6 has n >= 2(1 + (d-1) + (d-1)^2) (Alon, Hoory and Linial 2002 for irregular graphs).
So ex(50; {C3,C4}) <= 175 and ex(14; {C3,C4,C5}) <= 21, attained only by 7-regular (Hoffman-Singleton)
and 3-regular (Heawood) graphs: the walk must reach those values, and its graphs must be regular there.
"""

import itertools
import random

import networkx as nx
import numpy as np
import pytest

import discover.kernels.numba_start  # noqa: F401,I001 - before numba
from numba import njit

from discover.extremal import flips as K
from discover.extremal import reattach as R
from discover.extremal.verify import verify
from discover.extremal.problems import get_problem
from discover.extremal.lanes import edges_from_adjacency, kernel_params


CYCLES = {"c3c4": (3, 4), "c3c4c5": (3, 4, 5), "c4": (4,)}


def _closes(G, u, v, cycles):
    """Whether the edge uv would close a forbidden cycle: a simple u-v path of length k - 1."""
    return any(len(p) - 1 == k - 1 for p in nx.all_simple_paths(G, u, v, cutoff=max(cycles) - 1)
               for k in cycles)


def _random_valid_graph(n, cycles, rng):
    """A random maximal graph with no cycle of a length in ``cycles``, edge by edge."""
    G = nx.empty_graph(n)
    pairs = list(itertools.combinations(range(n), 2))
    rng.shuffle(pairs)
    for u, v in pairs:
        if not _closes(G, u, v, cycles):
            G.add_edge(u, v)
    return G


def _has_forbidden(G, cycles):
    return any(len(c) in cycles for c in nx.simple_cycles(G, length_bound=max(cycles)))


def _bits(G, n):
    W = (n + 63) // 64
    B = np.zeros((n, W), np.uint64)
    for u, v in G.edges():
        B[u, v >> 6] |= np.uint64(1) << np.uint64(v & 63)
        B[v, u >> 6] |= np.uint64(1) << np.uint64(u & 63)
    return B


def _brute_largest(G, v, cycles):
    """Largest S such that joining the isolated vertex v to all of S closes no forbidden cycle:
    a maximum clique (networkx) of the graph of pairs s, t with no s-t path of length k - 2."""
    ok = lambda a, b: not any(len(p) - 1 == k - 2 for k in cycles  # noqa: E731
                              for p in nx.all_simple_paths(G, a, b, cutoff=max(cycles) - 2))
    cand = [x for x in G if x != v]
    H = nx.Graph()
    H.add_nodes_from(cand)
    H.add_edges_from((a, b) for a, b in itertools.combinations(cand, 2) if ok(a, b))
    return max((len(c) for c in nx.find_cliques(H)), default=0)


@pytest.mark.parametrize("problem", ["c3c4", "c3c4c5", "c4"])
@pytest.mark.parametrize("seed", range(5))
def test_largest_set_is_maximum(problem, seed):
    """Seeds 0-3 are graphs of one word per neighbourhood (the single-word search), seed 4 of two."""
    rng = random.Random(seed)
    n = 18 + 5 * seed if seed < 4 else 67
    cycles = CYCLES[problem]
    lengths = R._walk_lengths(kernel_params(get_problem(problem), n, 0, 0))
    G = _random_valid_graph(n, cycles, rng)
    # free a few vertices: the repair step's input
    for v in rng.sample(range(n), 3):
        G.remove_edges_from(list(G.edges(v)))
    v = rng.choice([x for x in G if G.degree(x) == 0])
    B = _bits(G, n)
    W = B.shape[1]
    best_set = np.zeros(n + 1, np.int64)
    size = R._largest_set(B, v, lengths, np.zeros((n, W), np.uint64),
                          np.zeros((n + 1, W), np.uint64), np.zeros(n + 1, np.int64), best_set,
                          np.zeros(W, np.uint64), np.zeros(W, np.uint64), np.zeros(W, np.uint64),
                          np.zeros(W, np.uint64))
    assert size == _brute_largest(G, v, cycles)
    H = G.copy()
    H.add_edges_from((v, int(s)) for s in best_set[:size])
    assert not _has_forbidden(H, cycles)


@njit
def _seeded_largest_sets(B, vs, lengths, seed, single_word):
    """The largest sets of the vertices ``vs`` of B (each with its edges removed first), by the
    single-word search or the general one, after seeding Numba's generator with ``seed``."""
    np.random.seed(seed)
    n, W = B.shape
    far, sets = np.zeros((n, W), np.uint64), np.zeros((n + 1, W), np.uint64)
    chosen, best_set = np.zeros(n + 1, np.int64), np.zeros(n + 1, np.int64)
    rows = np.zeros((4, W), np.uint64)
    found = np.full((vs.shape[0], n + 1), -1, np.int64)
    for i in range(vs.shape[0]):
        C = B.copy()
        v = vs[i]
        for u in range(n):
            C[v, u >> 6] = np.uint64(0)
            C[u, v >> 6] &= ~(np.uint64(1) << np.uint64(v & 63))
        if single_word:
            size = R._largest_set_word(C, v, lengths, far, sets, chosen, best_set)
        else:
            size = R._largest_set_words(C, v, lengths, far, sets, chosen, best_set, rows[0], rows[1],
                                        rows[2], rows[3])
        found[i, 0] = size
        found[i, 1:size + 1] = best_set[:size]
    return found


@pytest.mark.parametrize("problem", ["c3c4", "c3c4c5", "c4"])
@pytest.mark.parametrize("n", [23, 64])
def test_single_word_search_finds_the_same_sets(problem, n):
    """Graphs of at most 64 vertices take the single-word branch and bound; with the same random
    numbers it returns the same set as the general one, so the walk's moves do not depend on which
    ran (n = 64: a full word)."""
    rng = random.Random(n)
    cycles = CYCLES[problem]
    lengths = R._walk_lengths(kernel_params(get_problem(problem), n, 0, 0))
    G = _random_valid_graph(n, cycles, rng)
    for v in rng.sample(range(n), 4):
        G.remove_edges_from(list(G.edges(v)))
    B = _bits(G, n)
    vs = np.array([rng.randrange(n) for _ in range(40)], np.int64)
    single = _seeded_largest_sets(B, vs, lengths, 11, True)
    general = _seeded_largest_sets(B, vs, lengths, 11, False)
    assert (single == general).all() and (single[:, 0] > 0).all()


@pytest.mark.parametrize("problem", ["c3c4", "c3c4c5", "c4"])
@pytest.mark.parametrize("slack, low_degree", [(1, 0), (2, 1000)])
def test_walk_keeps_graphs_valid_and_never_loses_its_best(problem, slack, low_degree):
    pr = get_problem(problem)
    cycles = CYCLES[problem]
    rng = random.Random(7)
    n = 30
    A = nx.to_numpy_array(_random_valid_graph(n, cycles, rng), dtype=np.uint8)
    start_edges = int(A.sum()) // 2
    best = A.copy()
    state = K.new_state()
    for chunk in range(5):
        P = kernel_params(pr, n, 10**6, chunk)
        P[K.P_KICK] = 4
        P[K.P_WORSE] = 200  # many edge-losing moves: the walk still returns valid graphs
        P[K.P_SLACK], P[K.P_LOW_DEGREE] = slack, low_degree
        assert R.reattach_climb(A, best, state, P, 300) == 300
        for a in (A, best):
            assert (a == a.T).all() and not a.diagonal().any()
            assert verify(pr, n, edges_from_adjacency(a))["ok"]
        assert int(best.sum()) // 2 == state[K.S_BEST_EDGES] >= start_edges
        assert int(A.sum()) // 2 == state[K.S_EDGES]


def test_other_problems_are_left_alone():
    n = 12
    A = np.zeros((n, n), np.uint8)
    A[0, 1] = A[1, 0] = 1
    for name in ("c3", "ramsey-3-4"):
        P = kernel_params(get_problem(name), n, 10**6, 0)
        assert not R.applies(P)
        before = A.copy()
        assert R.reattach_climb(A, A.copy(), K.new_state(), P, 100) == 0
        assert (A == before).all()


def _walk_to(problem, n, target, moves, seed=1):
    P = kernel_params(get_problem(problem), n, target, seed)
    P[K.P_KICK] = 4
    A = np.zeros((n, n), np.uint8)
    best = A.copy()
    state = K.new_state()
    R.reattach_climb(A, best, state, P, moves)
    return best, int(state[K.S_BEST_EDGES])


def test_reaches_hoffman_singleton():
    """ex(50; {C3, C4}) = 175 (Moore bound 1 + d^2 <= 50), attained only by the Hoffman-Singleton
    graph: 7-regular, girth 5, diameter 2."""
    best, edges = _walk_to("c3c4", 50, 175, 200_000)
    assert edges == 175
    G = nx.from_numpy_array(best)
    assert {d for _, d in G.degree()} == {7}
    assert nx.girth(G) == 5 and nx.diameter(G) == 2


def test_reaches_heawood():
    """ex(14; {C3, C4, C5}) = 21 (Moore bound for girth 6), attained by the Heawood graph: 3-regular,
    girth 6, bipartite."""
    best, edges = _walk_to("c3c4c5", 14, 21, 200_000)
    assert edges == 21
    G = nx.from_numpy_array(best)
    assert {d for _, d in G.degree()} == {3}
    assert nx.girth(G) == 6 and nx.is_bipartite(G)


@pytest.mark.parametrize("problem", ["c3c4", "c3c4c5", "c4"])
@pytest.mark.parametrize("n", [17, 64, 70])
def test_allowed_partners_are_the_legal_edges(problem, n):
    """The bitset of allowed partners of x is exactly the set of y for which the edge xy closes no
    forbidden cycle (no simple x-y path of length k - 1, k forbidden), by networkx's path search;
    n = 64 and 70 cover a full last word and a partial second word."""
    rng = random.Random(n)
    cycles = CYCLES[problem]
    lengths = R._walk_lengths(kernel_params(get_problem(problem), n, 0, 0))
    G = _random_valid_graph(n, cycles, rng)
    for v in rng.sample(range(n), 4):  # some vertices with spare room
        G.remove_edges_from(list(G.edges(v)))
    B = _bits(G, n)
    W = B.shape[1]
    for x in rng.sample(range(n), 6):
        out = np.zeros(W, np.uint64)
        count = R._allowed(B, x, lengths, out, np.zeros(W, np.uint64), np.zeros(W, np.uint64),
                           np.zeros(W, np.uint64))
        got = {y for y in range(n) if (int(out[y >> 6]) >> (y & 63)) & 1}
        want = {y for y in G if y != x and not G.has_edge(x, y) and not _closes(G, x, y, cycles)}
        assert got == want and count == len(want)
        assert [R._nth_member(out, r) for r in range(count)] == sorted(want)


def test_first_victim_of_least_degree():
    """With ``low_degree`` 1 the first victim is always a vertex of least degree; the others are
    distinct vertices."""
    rng = random.Random(3)
    n = 40
    G = _random_valid_graph(n, (3, 4), rng)
    G.remove_edges_from(list(G.edges(5))[:2])
    least = min(d for _, d in G.degree())
    B = _bits(G, n)
    victims, near = np.zeros(4, np.int64), np.zeros(n, np.int64)
    for _ in range(50):
        m = R._pick_victims(B, 4, victims, near, 1.0)
        assert G.degree(int(victims[0])) == least
        assert len(set(victims[:m].tolist())) == m
