"""A second check, with networkx, of a graph claimed above every published value we know (a new record).

:mod:`discover.extremal.verify` already accepted the graph (its own BFS girth and common-neighbour C4
test); a claim of a new record is stored only if this check, which shares no code with it or with the
search, agrees: the girth from networkx's ``girth`` on a graph built from the edge list, C4-freeness
(for a problem that allows triangles) from networkx's common neighbours, cliques and independent sets
from networkx's maximum-weight clique search (unit weights) on the graph and its complement.
"""

from __future__ import annotations


def recheck(problem, n: int, edges) -> dict:
    """``{"ok": bool, "method": ..., "girth": ..., "reason": ...}`` for ``edges`` on 0..n-1 against
    ``problem`` (``reason`` only when not ok)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((int(u), int(v)) for u, v in edges)
    out: dict = {"edges": g.number_of_edges()}
    why = []
    if g.number_of_edges() != len(edges):
        why.append(f"{len(edges) - g.number_of_edges()} repeated edge(s)")
    if any(u == v for u, v in g.edges):
        why.append("a loop")
    methods = []
    forbidden = set(problem.cycles)
    if forbidden:
        girth = nx.girth(g)
        out["girth"] = None if girth == float("inf") else int(girth)
        methods.append("networkx girth")
        if 3 in forbidden:
            # forbidden lengths 3..k (c3c4: 3, 4; c3c4c5: 3, 4, 5) mean girth > k
            needed = max(k for k in range(3, 6) if all(j in forbidden for j in range(3, k + 1))) + 1
            if girth < needed:
                why.append(f"networkx girth {out['girth']} (at least {needed} needed)")
        if 4 in forbidden and 3 not in forbidden:
            methods.append("networkx common neighbours")
            pairs = [(u, v) for u in g for v in g if u < v and len(list(nx.common_neighbors(g, u, v))) >= 2]
            if pairs:
                why.append(f"a 4-cycle through {pairs[0][0]} and {pairs[0][1]}")
    if problem.clique or problem.independent:
        omega = len(nx.max_weight_clique(g, weight=None)[0]) if n else 0
        alpha = len(nx.max_weight_clique(nx.complement(g), weight=None)[0]) if n else 0
        out.update(clique_number=omega, independence_number=alpha)
        methods.append("networkx maximum clique of the graph and its complement")
        if omega >= problem.clique:
            why.append(f"a clique of {omega}")
        if alpha >= problem.independent:
            why.append(f"an independent set of {alpha}")
    out["method"] = " + ".join(methods) + " on the edge list" if methods else "edge list"
    out["ok"] = not why
    if why:
        out["reason"] = ", ".join(why)
    return out
