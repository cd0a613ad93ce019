"""The square-with-whiskers family (square_whiskers:q:e) against independent facts: each generator is an
involution, their transpositions draw a square with two whiskers, the group is S_n and the growth equals
a plain networkx BFS of the Cayley graph."""

import collections
import math

import networkx as nx
import pytest
from brute import cayley_graph

from discover.cayley.bfs import growth
from discover.cayley.families import build_family
from discover.cayley.perm_families import square_whiskers


def edges(gens):
    return [(i, g[i]) for g in gens for i in range(len(g)) if i < g[i]]


@pytest.mark.parametrize("n,q,e,w,t", [(7, 1, 1, 0, 0), (8, 1, 0, 0, 0), (9, 2, 0, 0, 0), (10, 3, 1, 0, 0),
                                       (9, 1, 0, 1, 1), (10, 2, 0, 1, 1)])
def test_the_drawing_is_a_square_with_two_whiskers(n, q, e, w, t):
    gens, _ = square_whiskers(n, q, e, w, t)
    assert all(g[g[i]] == i for g in gens for i in range(n)) and all(g != tuple(range(n)) for g in gens)
    simple = nx.Graph(edges(gens))
    assert nx.is_connected(simple) and simple.number_of_nodes() == n
    cycles = nx.cycle_basis(simple)
    assert [len(c) for c in cycles] == [4]  # one cycle, the square
    square = set(cycles[0])
    # removing the square's edges leaves paths (the whiskers) hanging from two adjacent corners
    rest = nx.Graph([(a, b) for a, b in simple.edges if not (a in square and b in square)])
    assert all(d <= 2 for _, d in rest.degree)
    corners = [v for v in square if v in rest]
    assert len(corners) == (q > 0) + (n - 4 - q > 0)
    if len(corners) == 2:
        assert simple.has_edge(*corners)


def networkx_layers(gens, n):
    dist = nx.single_source_shortest_path_length(cayley_graph(gens, n), tuple(range(n)))
    counts = collections.Counter(dist.values())
    return [counts[k] for k in range(max(counts) + 1)]


@pytest.mark.parametrize("n,q,e,w,t", [(5, 1, 0, 0, 0), (7, 1, 1, 0, 0), (7, 2, 1, 0, 0), (8, 1, 0, 0, 0),
                                       (8, 1, 0, 1, 1)])
def test_growth_equals_networkx(n, q, e, w, t):
    graph = build_family(f"square_whiskers:{q}:{e}:{w}:{t}", n)
    layers = networkx_layers(graph.generators, n)
    assert sum(layers) == math.factorial(n)  # the group is S_n
    assert growth(graph).layer_sizes == layers


def test_diameters_at_7_and_8():
    # found by networkx alone; the exhaustive maxdiam search gives the same maxima (30, 39): see the README
    assert len(networkx_layers(build_family("square_whiskers:1:1", 7).generators, 7)) - 1 == 30
    assert len(networkx_layers(build_family("square_whiskers:1:0", 8).generators, 8)) - 1 == 39
