"""The ranked bitmap BFS of unitriangular matrix groups agrees with the frontier engine and with the
pure-Python BFS, and its layer sizes sum to the group order."""

import pytest
from cayley_reference import python_growth

from discover.cayley import bfs, layers
from discover.cayley.families import build_family
from discover.cayley.graph import identity_matrix, is_unitriangular_cayley, matrix_graph
from discover.cayley.plan import choose_engine, unitriangular_bitmap_bytes
from discover.cayley.unitriangular import rank_matrix, unitriangular_growth, unrank_matrix
from discover.cayley.verify import expected_order
from discover.errors import InputError

ALL = 10 ** 6  # a last-layer limit that keeps every last layer


def agree_with_frontier(graph):
    """The unitriangular growth of ``graph``, checked against the frontier engine."""
    ours = unitriangular_growth(graph, ALL)
    theirs = bfs.growth(graph, engine="frontier", last_layer_limit=ALL)
    assert ours.layer_sizes == theirs.layer_sizes
    assert sorted(ours.last_layer) == sorted(theirs.last_layer)
    assert ours.last_layer == sorted(ours.last_layer)  # in increasing rank = lexicographic entries
    return ours


@pytest.mark.parametrize("p", [2, 3, 5, 7, 11])
def test_heisenberg_agrees_with_frontier(p):
    graph = build_family("heisenberg", 3, p)
    assert is_unitriangular_cayley(graph)
    assert agree_with_frontier(graph).order == p ** 3


@pytest.mark.parametrize("family, n, p, order", [
    ("unitriangular", 4, 2, 2 ** 6),
    ("unitriangular", 4, 3, 3 ** 6),
    ("heisenberg", 4, 3, 3 ** 5),  # a proper subgroup of UT_4: the bitmap ranks all 3^6 elements
    ("unitriangular", 2, 7, 7),
])
def test_larger_unitriangular_agree_with_frontier(family, n, p, order):
    graph = build_family(family, n, p)
    assert is_unitriangular_cayley(graph)
    assert agree_with_frontier(graph).order == order


@pytest.mark.parametrize("gens, k, p, order", [
    ([(1, 1, 0, 0, 1, 1, 0, 0, 1)], 3, 5, 5),  # one matrix: a directed cycle
    ([(1, 1, 0, 0, 1, 1, 0, 0, 1)], 3, 2, 4),  # (I + N)^2 = I + N^2 mod 2: order 4
    ([(1, 1, 0, 0, 1, 0, 0, 0, 1), (1, 0, 0, 0, 1, 1, 0, 0, 1)], 3, 5, 125),  # x and y, no inverses
    ([(1, 2, 3, 0, 1, 4, 0, 0, 1), (1, 0, 1, 0, 1, 0, 0, 0, 1)], 3, 7, 49),  # A and a central element
    ([(1, 2, 3, 0, 1, 4, 0, 0, 1), (1, 0, 0, 0, 1, 1, 0, 0, 1)], 3, 7, 343),
    ([(1, 1, 2, 1, 0, 1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 1),  # three matrices whose superdiagonals
      (1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1),  # span (Z/3Z)^3: they generate UT_4 mod 3
      (1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1)], 4, 3, 3 ** 6),
])
def test_directed_agrees_with_frontier_and_python(gens, k, p, order):
    graph = matrix_graph("user", gens, k, p)
    assert not graph.undirected and is_unitriangular_cayley(graph)
    ours = agree_with_frontier(graph)
    sizes, last = python_growth(graph)
    assert ours.layer_sizes == sizes and sorted(ours.last_layer) == last
    assert ours.order == order


def test_threaded_layers_agree(monkeypatch):
    """Every layer on all threads (the atomic-OR path) gives the same growth as the default."""
    graphs = [build_family("heisenberg", 3, 31), build_family("unitriangular", 4, 3)]
    expected = [unitriangular_growth(g, ALL) for g in graphs]
    monkeypatch.setattr(layers, "PARALLEL_WORK", 1)
    for graph, want in zip(graphs, expected):
        got = unitriangular_growth(graph, ALL)
        assert got.layer_sizes == want.layer_sizes and got.last_layer == want.last_layer


def test_heisenberg_101_has_order_p_cubed():
    graph = build_family("heisenberg", 3, 101)
    out = unitriangular_growth(graph, bfs.LAST_LAYER_LIMIT)
    assert out.order == 101 ** 3 == expected_order(graph)[0]
    assert out.layer_sizes[:3] == [1, 4, 12]


def test_ranking_is_a_bijection_with_identity_at_zero():
    k, p = 4, 3
    assert rank_matrix(identity_matrix(k), k, p) == 0
    ranks = [rank_matrix(unrank_matrix(r, k, p), k, p) for r in range(p ** 6)]
    assert ranks == list(range(p ** 6))
    # row-major, the first above-diagonal entry most significant
    assert unrank_matrix(1, 3, 5) == (1, 0, 0, 0, 1, 1, 0, 0, 1)
    assert unrank_matrix(25, 3, 5) == (1, 1, 0, 0, 1, 0, 0, 0, 1)


def test_recognition_and_memory():
    assert not is_unitriangular_cayley(build_family("sl2", 2, 5))
    assert not is_unitriangular_cayley(build_family("lrx", 5))
    lower = matrix_graph("lower", [(1, 0, 0, 1, 1, 0, 0, 0, 1)], 3, 5)
    assert not is_unitriangular_cayley(lower)
    heis = build_family("heisenberg", 3, 5)
    orbit = matrix_graph("orbit", heis.generators, 3, 5, start=(1, 0, 0))
    assert not is_unitriangular_cayley(orbit)
    assert unitriangular_bitmap_bytes(build_family("heisenberg", 3, 101)) == -(-101 ** 3 // 32) * 8
    assert unitriangular_bitmap_bytes(build_family("heisenberg", 4, 3)) == 3 ** 6 // 32 * 8 + 8
    with pytest.raises(InputError):
        unitriangular_growth(build_family("sl2", 2, 5), 20)


def test_growth_chooses_the_bitmap_for_unitriangular_groups():
    """``growth`` (engine auto) ranks the Heisenberg group densely, and keeps the frontier search for a
    subgroup of unknown order inside a unitriangular group too large to rank (UT_5 mod 101: 101^10)."""
    heisenberg = build_family("heisenberg", 3, 7)
    assert choose_engine(heisenberg, expected_order(heisenberg)[0]) == "bitmap"
    result = bfs.growth(heisenberg)
    assert result.engine == "bitmap" and result.order == 7 ** 3
    k, p = 5, 101
    single = [int(i == j) or int((i, j) == (0, 1)) for i in range(k) for j in range(k)]
    cyclic = matrix_graph("cyclic", [single], k, p)
    assert choose_engine(cyclic) == "frontier"
    assert bfs.growth(cyclic).layer_sizes == [1] * p
