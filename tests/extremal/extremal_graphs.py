"""Named graphs with known invariants, and edge-list helpers, for the extremal tests."""

import networkx as nx


def edge_list(g):
    """(n, edges) of a networkx graph, vertices relabelled 0..n-1, edges as pairs u < v."""
    g = nx.convert_node_labels_to_integers(g)
    return g.number_of_nodes(), [(min(u, v), max(u, v)) for u, v in g.edges()]


def relabel(n, edges, rng):
    """The edges under a random permutation of 0..n-1."""
    p = list(range(n))
    rng.shuffle(p)
    return [(p[u], p[v]) for u, v in edges]


NAMED = {
    "petersen": nx.petersen_graph(), "hoffman-singleton": nx.hoffman_singleton_graph(),
    "heawood": nx.heawood_graph(), "cube": nx.hypercube_graph(4), "k5": nx.complete_graph(5),
    "c7": nx.cycle_graph(7), "empty": nx.empty_graph(6), "paley13": nx.paley_graph(13).to_undirected(),
    "tree": nx.balanced_tree(2, 4), "mcgee": nx.LCF_graph(24, [12, 7, -7], 8),
}
GIRTH = {"petersen": 5, "hoffman-singleton": 5, "heawood": 6, "cube": 4, "k5": 3, "c7": 7, "empty": float("inf"),
         "paley13": 3, "tree": float("inf"), "mcgee": 7}
