"""The elliptic semiplane S(q): its definition checked against the properties that follow from it."""

import networkx as nx
import pytest

from discover.errors import InputError
from discover.extremal import graph6
from discover.extremal.semiplane import field_tables, prime_power, semiplane_edges, semiplane_orders, semiplane_seeds


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9])
def test_field_axioms(q):
    """GF(q) from FLINT: both operations commutative and associative, 0 and 1 neutral, every non-zero
    element invertible, multiplication distributive over addition."""
    add, mul = field_tables(q)
    r = range(q)
    assert all(add[a][0] == a and mul[a][1] == a and mul[a][0] == 0 for a in r)
    assert all(add[a][b] == add[b][a] and mul[a][b] == mul[b][a] for a in r for b in r)
    assert all(add[add[a][b]][c] == add[a][add[b][c]] for a in r for b in r for c in r)
    assert all(mul[mul[a][b]][c] == mul[a][mul[b][c]] for a in r for b in r for c in r)
    assert all(mul[a][add[b][c]] == add[mul[a][b]][mul[a][c]] for a in r for b in r for c in r)
    assert all(1 in mul[a] for a in range(1, q)) and all(0 in add[a] for a in r)


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 11])
def test_semiplane_is_a_q_regular_bipartite_graph_without_four_cycles(q):
    n, edges = semiplane_edges(q)
    g = nx.Graph(edges)
    g.add_nodes_from(range(n))
    assert n == 2 * q * q and g.number_of_edges() == len(edges) == q**3
    assert {d for _, d in g.degree()} == {q} and nx.is_bipartite(g)
    # two points lie on at most one line: no 4-cycle; for q >= 3 three non-collinear points give a 6-cycle
    assert nx.girth(g) == (8 if q == 2 else 6)


def test_prime_powers_and_refusals():
    assert semiplane_orders() == [2, 3, 4, 5, 7, 8, 9, 11, 13]
    assert prime_power(1) is None and prime_power(12) is None and prime_power(49) == (7, 2)
    for q in (1, 6, 10, 14, 16):
        with pytest.raises(InputError):
            semiplane_edges(q)


def test_seeds_are_the_members_within_reach():
    seeds = semiplane_seeds([46, 130], reach=4)
    assert [graph6.order(s) for s in seeds] == [50, 128]
    with pytest.raises(InputError, match="within 4 vertices"):
        semiplane_seeds([60], reach=4)
