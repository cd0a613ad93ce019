"""The independent check (discover/extremal/verify.py) against networkx on named graphs."""

import networkx as nx
import pytest

from discover.extremal.problems import get_problem
from discover.extremal.verify import failure_reason, girth, has_c4, verify
from extremal_graphs import GIRTH, NAMED, edge_list


@pytest.mark.parametrize("name", sorted(NAMED))
def test_girth_and_c4(name):
    n, edges = edge_list(NAMED[name])
    assert girth(n, edges) == GIRTH[name]
    if GIRTH[name] != float("inf"):
        assert girth(n, edges) == nx.girth(nx.Graph(edges))
    cycles4 = any(len(c) == 4 for c in nx.simple_cycles(nx.Graph(edges), length_bound=4)) if edges else False
    assert has_c4(n, edges) == cycles4


def test_verify_problems():
    c3c4, c4 = get_problem("c3c4"), get_problem("c4")
    n, e = edge_list(nx.petersen_graph())
    assert verify(c3c4, n, e)["ok"] and verify(c4, n, e)["ok"]
    n, e = edge_list(nx.hypercube_graph(3))
    assert not verify(c3c4, n, e)["ok"] and not verify(c4, n, e)["ok"]
    n, e = edge_list(nx.complete_graph(3))
    assert not verify(c3c4, n, e)["ok"] and verify(c4, n, e)["ok"]
    r33 = get_problem("ramsey-3-3")
    assert verify(r33, *edge_list(nx.cycle_graph(5)))["ok"]
    assert not verify(r33, *edge_list(nx.cycle_graph(6)))["ok"]
    assert not verify(c3c4, 3, [(0, 1), (1, 0)])["ok"]
    g6 = get_problem("girth6")
    assert verify(g6, *edge_list(nx.heawood_graph()))["ok"]
    assert not verify(g6, *edge_list(nx.petersen_graph()))["ok"]
    c3 = get_problem("c3")
    assert verify(c3, *edge_list(nx.complete_bipartite_graph(3, 4)))["ok"]
    assert not verify(c3, *edge_list(nx.complete_graph(3)))["ok"]




def test_failure_reasons_say_what_is_forbidden():
    c3c4, r33 = get_problem("c3c4"), get_problem("ramsey-3-3")
    cube = edge_list(nx.hypercube_graph(3))
    assert failure_reason(c3c4, verify(c3c4, *cube)) == "girth 4 (at least 5 needed)"
    assert failure_reason(get_problem("c4"), verify(get_problem("c4"), *cube)) == "a 4-cycle"
    k6 = edge_list(nx.complete_graph(6))
    assert failure_reason(r33, verify(r33, *k6)) == "a clique of 6 (at most 2 allowed)"
    assert failure_reason(c3c4, verify(c3c4, 3, [(0, 1), (1, 0)])) == "bad or repeated edge (1, 0)"
