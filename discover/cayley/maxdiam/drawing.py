"""The drawing of a set of involutions: the n points as vertices, each transposition of each generator an
edge (coloured by its generator). A transposition shared by two generators is a *doubled* edge.

:func:`describe_drawing` names its shape from the simple graph (doubled edges counted once): ``path`` (a
tree of maximum degree 2), ``tree``, ``square with whiskers`` (exactly one cycle, of length 4, with trees
hanging from it: the pattern CayleyPy's growth paper, Chervov et al. arXiv:2509.19162, conjectures for the
diameter maximisers), ``square``, ``cycle L`` or ``cycles`` (several). Found by peeling leaves: what is
left of a connected graph with one cycle is that cycle.
"""

from __future__ import annotations

SQUARE_WHISKERS = "square with whiskers"


def describe_drawing(gens) -> dict | None:
    """{"kind", "doubled", "cycle"} of the drawing of ``gens`` (None unless every generator is an involution)."""
    n = len(gens[0])
    if any(g[g[i]] != i for g in gens for i in range(n)):
        return None
    count: dict[tuple, int] = {}
    for g in gens:
        for i in range(n):
            if i < g[i]:
                count[(i, g[i])] = count.get((i, g[i]), 0) + 1
    adjacent = [set() for _ in range(n)]
    for i, j in count:
        adjacent[i].add(j)
        adjacent[j].add(i)
    doubled = sum(c > 1 for c in count.values())
    edges, degree = len(count), [len(a) for a in adjacent]
    cyclomatic = edges - n + 1  # the drawing of a transitive set is connected
    alive = [True] * n
    leaves = [v for v in range(n) if degree[v] <= 1]
    while leaves:
        v = leaves.pop()
        if not alive[v]:
            continue
        alive[v] = False
        for w in adjacent[v]:
            if alive[w]:
                degree[w] -= 1
                if degree[w] == 1:
                    leaves.append(w)
    core = sum(alive)
    if cyclomatic == 0:
        kind = "path" if max(len(a) for a in adjacent) <= 2 else "tree"
    elif cyclomatic == 1 and core == 4:
        kind = SQUARE_WHISKERS if core < n else "square"
    elif cyclomatic == 1:
        kind = f"cycle {core}"
    else:
        kind = "cycles"
    return {"kind": kind, "doubled": doubled, "cycle": core if cyclomatic == 1 else None}


__all__ = ["describe_drawing", "SQUARE_WHISKERS"]
