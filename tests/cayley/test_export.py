"""Whole small graphs (`cayley graph`, `growth --spectrum`) checked against their definitions: a Cayley
graph of S_n with an inverse-closed set S is |S|-regular and connected with n! vertices, so its adjacency
spectrum has |S| once as its largest eigenvalue, sums to the number of loops (the trace) and is symmetric
about 0 exactly when the graph is bipartite (transpositions: odd permutations)."""

import json
import math

import networkx as nx
import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.cayley.export import adjacency, edges, graph6, spectrum, vertices_and_neighbours
from discover.cayley.families import build_family


def test_vertices_edges_and_regularity():
    graph = build_family("pancake", 5)
    states, targets = vertices_and_neighbours(graph, 1000)
    assert len({tuple(s) for s in states}) == 120 and tuple(states[0]) == graph.start
    G = nx.MultiGraph()
    G.add_edges_from(edges(targets, True))
    assert G.number_of_nodes() == 120 and all(d == 4 for _, d in G.degree()) and nx.is_connected(G)


def test_graph6_round_trip_through_networkx():
    graph = build_family("coxeter", 4)
    _, targets = vertices_and_neighbours(graph, 1000)
    G = nx.from_graph6_bytes(graph6(targets).encode())
    H = nx.Graph()
    H.add_edges_from(edges(targets, True))
    assert nx.is_isomorphic(G, H) and G.number_of_edges() == 24 * 3 // 2


@pytest.mark.parametrize("family,n,bipartite", [("coxeter", 5, True), ("pancake", 5, False), ("lrx", 5, False)])
def test_spectrum(family, n, bipartite):
    graph = build_family(family, n)
    _, targets = vertices_and_neighbours(graph, 1000)
    values = spectrum(targets, True)
    degree = len(graph.generators)
    assert len(values) == math.factorial(n)
    assert values[-1] == pytest.approx(degree) and values[-2] < degree - 1e-6  # connected
    assert sum(values) == pytest.approx(adjacency(targets).trace(), abs=1e-6)
    assert (values[0] == pytest.approx(-degree)) == bipartite


def test_cli_graph_and_spectrum(tmp_path):
    result = CliRunner().invoke(cli, ["cayley", "graph", "--generators", "lrx", "--n", "4"])
    assert result.exit_code == 0, result.output
    pairs = [tuple(map(int, line.split())) for line in result.output.splitlines()]
    assert len(pairs) == 24 * 3 // 2  # L and R pair up; X is an involution listed once per edge
    result = CliRunner().invoke(cli, ["cayley", "growth", "--generators", "coxeter", "--n", "4", "--spectrum",
                                      "--json", "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert len(record["spectrum"]) == 24 and record["spectrum"][-1] == pytest.approx(3)
