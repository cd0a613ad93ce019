"""Voltage lifts (discover.extremal.lift): the groups are groups, the lift is the textbook one, every
graph the search returns has girth >= 5 by networkx, and the search finds the Moore graphs of girth 5
that are lifts (Petersen, Hoffman-Singleton: ex(10) = 15, ex(50) = 175, OEIS A006856)."""

import itertools
import json

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.extremal.lift.groups import groups_of_order, metacyclic
from discover.extremal.lift.plan import _run_for, arms_for, best_lift, lifted_graph
from discover.extremal.lift.voltage import lift_edges, orbit_candidates


@pytest.mark.parametrize("order", range(1, 25))
def test_every_group_is_a_group(order):
    for group in groups_of_order(order):
        t = group.table
        assert group.order == order and t.shape == (order, order)
        e = np.arange(order)
        assert (t[0] == e).all() and (t[:, 0] == e).all()  # 0 is the identity
        assert (t[e, group.inverse] == 0).all() and (t[group.inverse, e] == 0).all()
        assert all(sorted(row) == list(e) for row in t)  # Latin square
        assert (t[t[:, :, None], e[None, None, :]] == t[e[:, None, None], t[None, :, :]]).all()  # associative
        assert group.abelian == bool((t == t.T).all())


def test_group_counts_of_small_orders():
    # split metacyclic groups: order 6: Z6, D3; order 8: Z8, Z4xZ2, D4 (not Z2^3, not the quaternions);
    # order 9: Z9, Z3xZ3; order 12: Z12, Z6xZ2, D6, Z3 x| Z4 (the dicyclic group), and A4 is not metacyclic
    assert len(groups_of_order(6)) == 2 and len(groups_of_order(8)) == 3
    assert len(groups_of_order(9)) == 2 and len(groups_of_order(12)) == 4
    assert {g.name for g in groups_of_order(10)} == {"Z10", "D5"}
    with pytest.raises(ValueError):
        metacyclic(5, 2, 2)  # 2^2 = 4 != 1 (mod 5)


def test_petersen_is_a_lift_over_z5():
    # the pentagon (0, 0, 1), the pentagram (1, 1, 2) and the spokes (0, 1, 0)
    edges = lift_edges(2, metacyclic(5, 1, 1), [(0, 0, 1), (1, 1, 2), (0, 1, 0)])
    assert nx.is_isomorphic(nx.Graph(edges), nx.petersen_graph())


def test_orbits_partition_the_edges():
    group = metacyclic(4, 2, 3)  # D4
    cu, cv, cg, size = orbit_candidates(3, group)
    seen = set()
    for u, v, g, s in zip(cu, cv, cg, size):
        edges = lift_edges(3, group, [(int(u), int(v), int(g))])
        assert len(edges) == s and not seen & set(edges)
        seen |= set(edges)
    assert seen == set(itertools.combinations(range(24), 2))  # every pair of K_24 in exactly one orbit


@pytest.mark.parametrize("n,k,name", [(24, 3, "D4"), (36, 2, "Z6xZ3"), (40, 4, "Z10"), (42, 1, "Z7:3Z6")])
def test_every_graph_the_walk_keeps_has_girth_five(n, k, name):
    arm = next(a for a in arms_for(n, 8) if a.k == k and a.group.name == name)
    rng = np.random.default_rng(n)
    for _ in range(3):
        _run_for(arm, float("inf"), rng, moves=200)
        graph = nx.Graph(lifted_graph(arm))
        graph.add_nodes_from(range(n))
        assert graph.number_of_edges() == arm.best_edges
        assert nx.girth(graph) >= 5
        # the current orbit set too, not only the best one
        current = lift_edges(k, arm.group, [o for o, c in zip(zip(*arm.candidates[:3]), arm.chosen) if c])
        assert nx.girth(nx.Graph(current)) >= 5


def test_hoffman_singleton_as_a_lift_over_z5_x_z5():
    arm = next(a for a in arms_for(50, 2) if a.k == 2 and a.group.name == "Z5xZ5")
    _run_for(arm, float("inf"), np.random.default_rng(0), moves=20_000)
    graph = nx.Graph(lifted_graph(arm))
    # ex(50; {C3, C4}) = 175, reached only by the Hoffman-Singleton graph: 7-regular, girth 5, diameter 2
    assert graph.number_of_edges() == 175
    assert {d for _, d in graph.degree} == {7} and nx.girth(graph) == 5 and nx.diameter(graph) == 2


def test_best_lift_finds_petersen_and_gives_up_on_primes():
    edges, arm = best_lift(10, 2.0, 0)
    assert edges == 15 and nx.is_isomorphic(nx.Graph(lifted_graph(arm)), nx.petersen_graph())
    assert arms_for(23, 16) == [] and best_lift(23, 0.5, 0) is None
    # k = 1 takes only non-abelian groups (an abelian Cayley graph of degree > 2 has a 4-cycle)
    assert all(not a.group.abelian for a in arms_for(21, 16) if a.k == 1)


def test_cli_lift_stores_the_graph_with_its_construction(tmp_path):
    store = str(tmp_path / "s.sqlite")
    result = CliRunner().invoke(cli, ["extremal", "lift", "--n", "10,12", "--time", "2", "--workers", "1",
                                      "--store", store, "--json"])
    assert result.exit_code == 0, result.output
    recs = {r["n"]: r for r in map(json.loads, result.stdout.splitlines()) if "n" in r}
    assert recs[10]["edges"] == 15 and recs[10]["status"] == "matches"  # ex(10) = 15: the Petersen graph
    c = recs[10]["construction"]
    assert c["kind"] == "voltage lift" and c["base_vertices"] * c["group_order"] == 10
    assert recs[12]["edges"] <= 18 and recs[12]["engine"] == "extremal.search"
    # the stored graph seeds `extremal search --continue` like any other record
    result = CliRunner().invoke(cli, ["extremal", "search", "--n", "10", "--time", "0.5", "--workers", "1",
                                      "--continue", "--store", store, "--json"])
    assert result.exit_code == 0, result.output
