"""graph6 (discover/extremal/graph6.py) against networkx's writer, and malformed text refused."""

import random

import networkx as nx
import pytest

from discover.errors import InputError
from discover.extremal import graph6
from extremal_graphs import edge_list


@pytest.mark.parametrize("seed", range(20))
def test_graph6_matches_networkx(seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 2, 5, 13, 62, 63, 64, 100])
    g = nx.gnp_random_graph(n, rng.random(), seed=seed)
    n, edges = edge_list(g)
    text = graph6.encode(n, edges)
    assert text == nx.to_graph6_bytes(g, header=False).decode().strip()
    m, back = graph6.decode(text)
    assert m == n and sorted(back) == sorted(edges)


@pytest.mark.parametrize("bad", ["", "I he", "IheA@GUA", "IheA@GUAoo", "~~????????", "I\u00e9eA@GUAo", "A@"])
def test_graph6_rejects_malformed(bad):
    with pytest.raises(InputError):
        graph6.decode(bad)




def test_the_vertex_count_is_read_from_the_header_and_limited_before_the_edges():
    big = "~" + "".join(chr(63 + ((500 >> s) & 63)) for s in (12, 6, 0))
    assert graph6.order(big) == 500 and graph6.order("IheA@GUAo") == 10
    with pytest.raises(InputError, match="500 vertices"):
        graph6.decode(big + "?" * ((500 * 499 // 2 + 5) // 6), max_n=400)
