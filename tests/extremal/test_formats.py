"""graph6, the canonical form and the independent checker, against networkx and known graphs."""

import random

import networkx as nx
import pytest

from discover.errors import InputError
from discover.extremal import graph6
from discover.extremal.canon import canonical_graph6
from discover.extremal.verify import girth, has_c4, verify
from discover.extremal.problems import get_problem


def _edges(g):
    g = nx.convert_node_labels_to_integers(g)
    return g.number_of_nodes(), [(min(u, v), max(u, v)) for u, v in g.edges()]


def _relabel(n, edges, rng):
    p = list(range(n))
    rng.shuffle(p)
    return [(p[u], p[v]) for u, v in edges]


@pytest.mark.parametrize("seed", range(20))
def test_graph6_matches_networkx(seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 2, 5, 13, 62, 63, 64, 100])
    g = nx.gnp_random_graph(n, rng.random(), seed=seed)
    n, edges = _edges(g)
    text = graph6.encode(n, edges)
    assert text == nx.to_graph6_bytes(g, header=False).decode().strip()
    m, back = graph6.decode(text)
    assert m == n and sorted(back) == sorted(edges)


@pytest.mark.parametrize("bad", ["", "I he", "IheA@GUA", "IheA@GUAoo", "~~????????", "I\u00e9eA@GUAo", "A@"])
def test_graph6_rejects_malformed(bad):
    with pytest.raises(InputError):
        graph6.decode(bad)


NAMED = {
    "petersen": nx.petersen_graph(), "hoffman-singleton": nx.hoffman_singleton_graph(),
    "heawood": nx.heawood_graph(), "cube": nx.hypercube_graph(4), "k5": nx.complete_graph(5),
    "c7": nx.cycle_graph(7), "empty": nx.empty_graph(6), "paley13": nx.paley_graph(13).to_undirected(),
    "tree": nx.balanced_tree(2, 4), "mcgee": nx.LCF_graph(24, [12, 7, -7], 8),
}
GIRTH = {"petersen": 5, "hoffman-singleton": 5, "heawood": 6, "cube": 4, "k5": 3, "c7": 7, "empty": float("inf"),
         "paley13": 3, "tree": float("inf"), "mcgee": 7}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_canonical_form_is_invariant(name):
    rng = random.Random(name)
    n, edges = _edges(NAMED[name])
    c = canonical_graph6(n, edges)
    for _ in range(3):
        assert canonical_graph6(n, _relabel(n, edges, rng)) == c
    m, back = graph6.decode(c)
    assert nx.is_isomorphic(nx.Graph(back), nx.Graph(edges)) if edges else m == n


def test_canonical_form_separates_non_isomorphic_graphs():
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 8)
        g = nx.gnp_random_graph(n, 0.5, seed=rng.randint(0, 10**9))
        h = nx.gnp_random_graph(n, 0.5, seed=rng.randint(0, 10**9))
        _, eg = _edges(g)
        _, eh = _edges(h)
        assert (canonical_graph6(n, eg) == canonical_graph6(n, eh)) == nx.is_isomorphic(g, h)
    # cospectral / same-degree regular graphs that 1-WL cannot tell apart
    a = nx.circulant_graph(12, [1, 5])
    b = nx.disjoint_union(nx.cycle_graph(6), nx.cycle_graph(6))
    b = nx.Graph(list(b.edges()) + [(i, i + 6) for i in range(6)])  # prism over C6
    assert not nx.is_isomorphic(a, b)
    assert canonical_graph6(*_edges(a)) != canonical_graph6(*_edges(b))


@pytest.mark.parametrize("name", sorted(NAMED))
def test_girth_and_c4(name):
    n, edges = _edges(NAMED[name])
    assert girth(n, edges) == GIRTH[name]
    if GIRTH[name] != float("inf"):
        assert girth(n, edges) == nx.girth(nx.Graph(edges))
    cycles4 = any(len(c) == 4 for c in nx.simple_cycles(nx.Graph(edges), length_bound=4)) if edges else False
    assert has_c4(n, edges) == cycles4


def test_verify_problems():
    c3c4, c4 = get_problem("c3c4"), get_problem("c4")
    n, e = _edges(nx.petersen_graph())
    assert verify(c3c4, n, e)["ok"] and verify(c4, n, e)["ok"]
    n, e = _edges(nx.hypercube_graph(3))
    assert not verify(c3c4, n, e)["ok"] and not verify(c4, n, e)["ok"]
    n, e = _edges(nx.complete_graph(3))
    assert not verify(c3c4, n, e)["ok"] and verify(c4, n, e)["ok"]
    r33 = get_problem("ramsey-3-3")
    assert verify(r33, *_edges(nx.cycle_graph(5)))["ok"]
    assert not verify(r33, *_edges(nx.cycle_graph(6)))["ok"]
    assert not verify(c3c4, 3, [(0, 1), (1, 0)])["ok"]
    g6 = get_problem("girth6")
    assert verify(g6, *_edges(nx.heawood_graph()))["ok"]
    assert not verify(g6, *_edges(nx.petersen_graph()))["ok"]
    c3 = get_problem("c3")
    assert verify(c3, *_edges(nx.complete_bipartite_graph(3, 4)))["ok"]
    assert not verify(c3, *_edges(nx.complete_graph(3)))["ok"]


def test_problem_names():
    assert get_problem("girth5").cycles == (3, 4)
    assert get_problem("ramsey-3-5").independent == 5
    for bad in ["c5c6", "ramsey-3-9", "", "ramsey"]:
        with pytest.raises(InputError):
            get_problem(bad)


def test_reference_module_agrees_with_the_table():
    from discover.extremal.reference import C3C4_EXACT, C3C4_RECORD
    from reference import reference_rows

    rows = [r for r in reference_rows("extremal_c3c4.tsv") if r[0].isdigit()]
    assert {int(r[0]): int(r[1]) for r in rows if r[2] == "exact"} == C3C4_EXACT
    assert {int(r[0]): int(r[1]) for r in rows if r[2] == "record"} == C3C4_RECORD
