"""The networkx re-check of a claimed new record (discover/extremal/recheck.py), and the claim's path
through the engine: a graph above every published value we know is stored only if it agrees."""

import networkx as nx

from discover.extremal import engine, recheck
from discover.extremal.problems import get_problem


def _edges(graph):
    return [tuple(e) for e in nx.convert_node_labels_to_integers(graph).edges]


def test_girth_and_c4_and_cliques_from_networkx():
    c3c4, c4, c3c4c5 = get_problem("c3c4"), get_problem("c4"), get_problem("c3c4c5")
    petersen, cube = nx.petersen_graph(), nx.hypercube_graph(3)
    assert recheck.recheck(c3c4, 10, _edges(petersen)) == {"edges": 15, "girth": 5, "ok": True,
                                                           "method": "networkx girth on the edge list"}
    bad = recheck.recheck(c3c4, 8, _edges(cube))
    assert not bad["ok"] and bad["reason"] == "networkx girth 4 (at least 5 needed)"
    assert not recheck.recheck(c3c4c5, 10, _edges(petersen))["ok"]  # girth 5 < 6
    assert recheck.recheck(c3c4c5, 14, _edges(nx.heawood_graph()))["ok"]  # girth 6
    # C4 alone: triangles are allowed, a 4-cycle is not
    assert recheck.recheck(c4, 3, [(0, 1), (1, 2), (0, 2)])["ok"]
    assert "4-cycle" in recheck.recheck(c4, 8, _edges(cube))["reason"]
    ramsey = get_problem("ramsey-3-3")
    assert recheck.recheck(ramsey, 5, _edges(nx.cycle_graph(5)))["ok"]
    assert not recheck.recheck(ramsey, 6, _edges(nx.cycle_graph(6)))["ok"]  # independent set of 3


def test_a_claim_the_recheck_refutes_is_not_stored(monkeypatch):
    """Should verify.py ever accept a graph that networkx refutes, a new record is not claimed."""
    from discover.extremal import reference, verify

    c3c4 = get_problem("c3c4")
    cube = _edges(nx.hypercube_graph(3))  # 12 edges, girth 4
    monkeypatch.setattr(verify, "verify", lambda problem, n, edges: {"ok": True, "method": "stub"})
    monkeypatch.setitem(reference.C3C4_EXACT, 8, 9)  # the cube's 12 edges would beat the table
    assert engine.make_record(c3c4, 8, cube, 0.0, 0, 0, 0) is None
    # a graph that matches the table is not a claim: verify.py alone decides it
    monkeypatch.setitem(reference.C3C4_EXACT, 8, 12)
    assert engine.make_record(c3c4, 8, cube, 0.0, 0, 0, 0).payload["status"] == "matches"


def test_a_new_record_names_what_it_was_compared_with(monkeypatch):
    from discover.extremal import reference

    c3c4 = get_problem("c3c4")
    monkeypatch.setitem(reference.C3C4_EXACT, 10, 14)
    rec = engine.make_record(c3c4, 10, _edges(nx.petersen_graph()), 0.0, 0, 0, 0)
    assert rec.payload["status"] == "new_record" and rec.payload["by"] == 1
    assert rec.payload["compared_with"] == [{"value": 14, "kind": "exact", "source": reference.SOURCES["A006856"]}]
    assert rec.verification["new_record_recheck"]["girth"] == 5 and rec.payload["table_incomplete"] is False
