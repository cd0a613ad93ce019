"""A pure-Python BFS: the definition of the growth function, for the kernels to agree with."""

from discover.cayley.verify import plain_action


def python_growth(graph, depth=None):
    """Plain BFS over tuples with a Python set (the action of :func:`plain_action`, no kernel): the
    definition of the growth function (its first ``depth`` layers after the start, when given); from the
    set of start states when the graph has several (``more_starts``)."""
    step = plain_action(graph)
    layer = list(dict.fromkeys([tuple(graph.start), *map(tuple, graph.more_starts)]))
    seen = set(layer)
    sizes = [len(layer)]
    while True:
        nxt = []
        for s in layer:
            for g in graph.generators:
                t = step(s, g)
                if t not in seen:
                    seen.add(t)
                    nxt.append(t)
        if not nxt or (depth is not None and len(sizes) > depth):
            return sizes, sorted(layer)
        sizes.append(len(nxt))
        layer = nxt


def q_product(factors):
    """Coefficients of prod [m]_q = prod (1 + q + ... + q^(m-1)) over the given m."""
    poly = [1]
    for m in factors:
        new = [0] * (len(poly) + m - 1)
        for i, c in enumerate(poly):
            for j in range(m):
                new[i + j] += c
        poly = new
    return poly


def mahonian(n):
    """Coefficients of prod_{k=1}^{n} (1 + q + ... + q^{k-1}): permutations by number of inversions."""
    return q_product(range(1, n + 1))
