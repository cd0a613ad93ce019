"""Matrix groups over the integers (no modulus): balls of the word metric, searched to a stated depth,
against an independent plain breadth-first search over 2x2 and 3x3 integer matrices (Python tuples)."""

import pytest

from discover.cayley.bfs import growth
from discover.cayley.frontier import integer_depth_limit
from discover.cayley.graph import integer_matrix_graph
from discover.errors import InputError

A, B = (1, 1, 0, 1), (1, 0, 1, 1)  # the standard generators of SL(2, Z)
A_INV, B_INV = (1, -1, 0, 1), (1, 0, -1, 1)


def sl2z(depth):
    return integer_matrix_graph("sl2_z", [A, B, A_INV, B_INV], 2)


def plain_spheres(gens, k, depth, start=None):
    """Sphere sizes of the word metric by a plain BFS over integer matrices (row-major tuples), S -> S M."""
    def mul(s, m):
        return tuple(sum(s[a * k + c] * m[c * k + b] for c in range(k)) for a in range(len(s) // k) for b in range(k))

    start = start or tuple(int(i == j) for i in range(k) for j in range(k))
    layer, seen, sizes = [start], {start}, [1]
    for _ in range(depth):
        nxt = []
        for s in layer:
            for m in gens:
                t = mul(s, m)
                if t not in seen:
                    seen.add(t)
                    nxt.append(t)
        sizes.append(len(nxt))
        layer = nxt
    return sizes


def test_sl2z_spheres_equal_a_plain_bfs_over_integer_matrices():
    got = growth(sl2z(12), max_depth=12)
    assert got.layer_sizes == plain_spheres([A, B, A_INV, B_INV], 2, 12)
    assert got.stopped_by == "max_depth"
    # the first spheres by hand: 4 generators; 12 reduced words of length 2 (a^2, ab, ...) all distinct
    assert got.layer_sizes[:3] == [1, 4, 12]


def test_entries_beyond_32_bits_are_exact():
    # the hyperbolic element M = AB = [[2,1],[1,1]] generates an infinite cyclic group: spheres of 2 states,
    # and sphere 30 is {M^30, M^-30}, with entries near phi^60 (about 3.6e12)
    m, m_inv = (2, 1, 1, 1), (1, -1, -1, 2)
    got = growth(integer_matrix_graph("m", [m, m_inv], 2), max_depth=30)
    assert got.layer_sizes == [1] + [2] * 30
    power = (1, 0, 0, 1)
    for _ in range(30):
        power = (power[0] * 2 + power[1], power[0] + power[1], power[2] * 2 + power[3], power[2] + power[3])
    assert power in [tuple(s) for s in got.last_layer] and power[0] > 1 << 41


def test_heisenberg_over_z_against_plain_bfs():
    x, y = (1, 1, 0, 0, 1, 0, 0, 0, 1), (1, 0, 0, 0, 1, 1, 0, 0, 1)
    xi, yi = (1, -1, 0, 0, 1, 0, 0, 0, 1), (1, 0, 0, 0, 1, -1, 0, 0, 1)
    graph = integer_matrix_graph("heisenberg_z", [x, y, xi, yi], 3)
    assert graph.undirected
    got = growth(graph, max_depth=9)
    assert got.layer_sizes == plain_spheres([x, y, xi, yi], 3, 9)


def test_a_vector_orbit_over_z():
    graph = integer_matrix_graph("sl2_z", [A, B, A_INV, B_INV], 2, start=(1, 0))
    got = growth(graph, max_depth=10)
    assert got.layer_sizes == plain_spheres([A, B, A_INV, B_INV], 2, 10, start=(1, 0))


def test_integer_groups_need_a_depth_within_the_entry_bound():
    with pytest.raises(InputError, match="--max-depth"):
        growth(sl2z(5), max_layer_size=100)
    limit = integer_depth_limit(sl2z(0))
    assert limit == 61  # largest row sum 2: 2^61 < 2^62 <= 2^62
    with pytest.raises(InputError, match="at most 61"):
        growth(sl2z(0), max_depth=limit + 1)
    with pytest.raises(InputError, match="not invertible over the integers"):
        integer_matrix_graph("m", [(2, 0, 0, 1)], 2)
