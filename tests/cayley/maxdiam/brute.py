"""Plain references for the maxdiam tests: permutations as tuples (``g[i]`` the image of i), Cayley graphs
built by networkx from the identity. Nothing here uses the library."""

import itertools

import networkx as nx


def inverse(g):
    out = [0] * len(g)
    for i, v in enumerate(g):
        out[v] = i
    return tuple(out)


def involutions(n):
    """Every involution of degree n but the identity."""
    identity = tuple(range(n))
    return [p for p in itertools.permutations(range(n)) if p != identity and all(p[p[i]] == i for i in range(n))]


def cayley_graph(gens, n, undirected=True):
    """The Cayley graph of <gens> (with the inverses when ``undirected``) on the elements reached from the
    identity, a state s moving to s . g = (s[g[0]], ..., s[g[n-1]])."""
    moves = set(gens) | ({inverse(g) for g in gens} if undirected else set())
    start = tuple(range(n))
    graph, todo = nx.Graph(), [start]
    graph.add_node(start)
    while todo:
        v = todo.pop()
        for g in moves:
            w = tuple(v[i] for i in g)
            if w not in graph:
                todo.append(w)
            graph.add_edge(v, w)
    return graph
