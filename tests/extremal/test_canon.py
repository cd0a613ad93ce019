"""The canonical form (discover/extremal/canon.py): invariant under relabelling, and it separates
non-isomorphic graphs (networkx's isomorphism test decides)."""

import random

import networkx as nx
import pytest

from discover.extremal import graph6
from discover.extremal.canon import canonical_graph6
from extremal_graphs import NAMED, edge_list, relabel


@pytest.mark.parametrize("name", sorted(NAMED))
def test_canonical_form_is_invariant(name):
    rng = random.Random(name)
    n, edges = edge_list(NAMED[name])
    c = canonical_graph6(n, edges)
    for _ in range(3):
        assert canonical_graph6(n, relabel(n, edges, rng)) == c
    m, back = graph6.decode(c)
    assert nx.is_isomorphic(nx.Graph(back), nx.Graph(edges)) if edges else m == n


def test_canonical_form_separates_non_isomorphic_graphs():
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 8)
        g = nx.gnp_random_graph(n, 0.5, seed=rng.randint(0, 10**9))
        h = nx.gnp_random_graph(n, 0.5, seed=rng.randint(0, 10**9))
        _, eg = edge_list(g)
        _, eh = edge_list(h)
        assert (canonical_graph6(n, eg) == canonical_graph6(n, eh)) == nx.is_isomorphic(g, h)
    # cospectral / same-degree regular graphs that 1-WL cannot tell apart
    a = nx.circulant_graph(12, [1, 5])
    b = nx.disjoint_union(nx.cycle_graph(6), nx.cycle_graph(6))
    b = nx.Graph(list(b.edges()) + [(i, i + 6) for i in range(6)])  # prism over C6
    assert not nx.is_isomorphic(a, b)
    assert canonical_graph6(*edge_list(a)) != canonical_graph6(*edge_list(b))
