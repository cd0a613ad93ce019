"""The Numba kernels agree with plain-Python reference counts on small graphs."""

import itertools

import networkx as nx
import numpy as np
import pytest

from discover.extremal import flips as K
from discover.extremal.problems import get_problem
from discover.extremal.lanes import kernel_params


def _paths(adj, u, v, length, banned_edge):
    """Simple paths u -> v with exactly ``length`` edges, not using the edge ``banned_edge``."""
    count = 0

    def dfs(x, depth, seen):
        nonlocal count
        if depth == length:
            count += x == v
            return
        for y in adj[x]:
            if {x, y} == banned_edge or y in seen or (y == v and depth + 1 != length):
                continue
            dfs(y, depth + 1, seen | {y})

    dfs(u, 0, {u})
    return count


def _reference_costs(a, problem):
    n = a.shape[0]
    adj = [set(np.nonzero(a[x])[0].tolist()) for x in range(n)]
    pres = np.zeros((n, n), np.int64)
    absn = np.zeros((n, n), np.int64)
    for u, v in itertools.combinations(range(n), 2):
        p = sum(_paths(adj, u, v, k - 1, {u, v}) for k in problem.cycles)
        others = [w for w in range(n) if w not in (u, v)]
        if problem.clique:
            p += sum(all(a[x, y] for x, y in itertools.combinations(s + (u, v), 2) if {x, y} != {u, v})
                     for s in itertools.combinations(others, problem.clique - 2))
            q = sum(all(not a[x, y] for x, y in itertools.combinations(s + (u, v), 2) if {x, y} != {u, v})
                    for s in itertools.combinations(others, problem.independent - 2))
            absn[u, v] = absn[v, u] = q
        pres[u, v] = pres[v, u] = p
    return pres, absn


def _reference_violations(a, problem):
    n = a.shape[0]
    g = nx.from_numpy_array(a)
    total = 0
    if problem.cycles:
        lengths = [len(c) for c in nx.simple_cycles(g, length_bound=max(problem.cycles))]
        total += sum(lengths.count(k) for k in problem.cycles)
    if problem.clique:
        total += sum(all(a[x, y] for x, y in itertools.combinations(s, 2))
                     for s in itertools.combinations(range(n), problem.clique))
        total += sum(all(not a[x, y] for x, y in itertools.combinations(s, 2))
                     for s in itertools.combinations(range(n), problem.independent))
    return total


def _random_graph(n, p, seed):
    rng = np.random.default_rng(seed)
    a = (rng.random((n, n)) < p).astype(np.uint8)
    a = np.triu(a, 1)
    return (a + a.T).astype(np.uint8)


@pytest.mark.parametrize("name", ["c3c4", "c4", "c3", "c3c4c5", "ramsey-3-4", "ramsey-4-4", "ramsey-3-5"])
@pytest.mark.parametrize("seed", range(4))
def test_pair_costs_and_violations_match_reference(name, seed):
    problem = get_problem(name)
    n = 7 + seed % 3
    a = _random_graph(n, 0.3 + 0.1 * seed, seed)
    P = kernel_params(problem, n, 0, seed)
    pres, absn = K.pair_costs(a, P)
    rp, ra = _reference_costs(a, problem)
    assert np.array_equal(pres, rp)
    assert np.array_equal(absn, ra)
    assert K.count_violations(a, P) == _reference_violations(a, problem)


@pytest.mark.parametrize("name", ["c3c4", "c4", "ramsey-3-4"])
def test_incremental_state_stays_exact(name):
    """After many flips and kicks the carried edge and violation counts equal a fresh recount."""
    problem = get_problem(name)
    n = 8 if problem.objective == "witness" else 12  # R(3,4) = 9: witnesses exist up to 8
    a = _random_graph(n, 0.4, 3)
    best = np.zeros((n, n), np.uint8)
    tabu = np.zeros((n, n), np.int64)
    state = K.new_state()
    P = kernel_params(problem, n, 10**6, 5)
    P[K.P_STALL] = 50  # force saturate-and-delete kicks
    for chunk in range(5):
        P[K.P_SEED] = chunk
        K.tabu_search(a, best, tabu, state, P, 300)
        assert state[K.S_EDGES] == int(a.sum()) // 2
        assert state[K.S_VIOL] == _reference_violations(a, problem)
        if problem.objective == "witness" and state[K.S_BEST_EDGES] >= 0:
            break
    assert state[K.S_BEST_EDGES] >= 0
    assert _reference_violations(best, problem) == 0
    if problem.objective == "edges":
        assert int(best.sum()) // 2 == state[K.S_BEST_EDGES]


def test_saturate_gives_a_maximal_valid_graph():
    problem = get_problem("c3c4")
    n = 15
    a = np.zeros((n, n), np.uint8)
    P = kernel_params(problem, n, 0, 0)
    added = K.saturate(a, P, 11)
    assert added == int(a.sum()) // 2 > 0
    assert K.count_violations(a, P) == 0
    pres, _ = K.pair_costs(a, P)
    assert all(a[u, v] or pres[u, v] > 0 for u in range(n) for v in range(u + 1, n))


@pytest.mark.parametrize("name", ["c3c4", "c4", "c3c4c5"])
def test_hill_climb_keeps_valid_maximal_graphs(name):
    """Saturate-and-delete moves never create a forbidden structure and never lose edges."""
    problem = get_problem(name)
    n = 18
    a = np.zeros((n, n), np.uint8)
    P = kernel_params(problem, n, 10**6, 0)
    K.saturate(a, P, 3)
    start = int(a.sum()) // 2
    best = a.copy()
    recent = np.full((n, n), -(1 << 40), np.int64)
    state = K.new_state()
    P[K.P_KICK], P[K.P_TENURE] = 2, 5
    for chunk in range(4):
        P[K.P_SEED] = chunk
        assert K.hill_climb(a, best, recent, state, P, 500) == 500
        assert _reference_violations(a, problem) == 0
        assert state[K.S_EDGES] == int(a.sum()) // 2 >= start
    assert _reference_violations(best, problem) == 0
    assert int(best.sum()) // 2 == state[K.S_BEST_EDGES] >= start
