"""The drawing of a set of involutions, named from its shape; checked against networkx on the same edges."""

import random

import networkx as nx

from brute import involutions
from discover.cayley.maxdiam.drawing import SQUARE_WHISKERS, describe_drawing
from discover.cayley.perm_families import rapaport_m2, square_whiskers


def by_networkx(gens):
    n = len(gens[0])
    graph = nx.Graph([(i, g[i]) for g in gens for i in range(n) if i < g[i]])
    graph.add_nodes_from(range(n))
    cycles = nx.cycle_basis(graph)
    if not cycles:
        return "path" if max(d for _, d in graph.degree) <= 2 else "tree"
    if len(cycles) > 1:
        return "cycles"
    core = len(cycles[0])
    if core == 4:
        return SQUARE_WHISKERS if n > 4 else "square"
    return f"cycle {core}"


def test_named_sets():
    assert describe_drawing(rapaport_m2(7)[0])["kind"] == "path"  # (0 1) doubles the path's first edge
    assert describe_drawing(rapaport_m2(7)[0])["doubled"] == 1
    assert describe_drawing(square_whiskers(9, 2)[0])["kind"] == SQUARE_WHISKERS
    assert describe_drawing([(1, 0, 2), (0, 2, 1)]) == {"kind": "path", "doubled": 0, "cycle": None}
    assert describe_drawing([(1, 2, 0), (1, 0, 2)]) is None  # a 3-cycle has no drawing


def test_agrees_with_networkx_on_random_connected_sets():
    rng = random.Random(2)
    pool = involutions(7)
    kinds = set()
    for gens in (rng.sample(pool, 3) for _ in range(3000)):
        graph = nx.Graph([(i, g[i]) for g in gens for i in range(7) if i < g[i]])
        if graph.number_of_nodes() < 7 or not nx.is_connected(graph):
            continue
        kind = describe_drawing(gens)["kind"]
        assert kind == by_networkx(gens)
        kinds.add(kind)
    assert {"path", "tree", SQUARE_WHISKERS, "cycles"} <= kinds
