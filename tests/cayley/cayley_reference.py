"""A pure-Python BFS: the definition of the growth function, for the kernels to agree with."""

from discover.cayley.verify import plain_action


def python_growth(graph):
    """Plain BFS over tuples with a Python set (the action of :func:`plain_action`, no kernel): the
    definition of the growth function."""
    start = tuple(graph.start)
    step = plain_action(graph)
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
