"""A pure-Python BFS: the definition of the growth function, for the kernels to agree with."""


def python_growth(graph):
    """Plain BFS over tuples with a Python set: the definition of the growth function."""
    start = tuple(graph.start)
    if graph.kind == "perm":
        def step(s, g):
            return tuple(s[i] for i in g)
    else:
        k, p = graph.degree, graph.modulus

        def step(s, g):
            rows = len(s) // k
            return tuple(sum(s[a * k + c] * g[c * k + b] for c in range(k)) % p
                         for a in range(rows) for b in range(k))
    seen = {start}
    layer = [start]
    sizes = [1]
    while True:
        nxt = []
        for s in layer:
            for g in graph.generators:
                t = step(s, g)
                if t not in seen:
                    seen.add(t)
                    nxt.append(t)
        if not nxt:
            return sizes, sorted(layer)
        sizes.append(len(nxt))
        layer = nxt
