"""Independent verification of a graph against a problem, from its edge list alone.

Nothing here shares code with the search kernels: the girth comes from a breadth-first search from
every vertex, C4-freeness from "no two vertices have two common neighbours", cliques and independent
sets from networkx's maximal-clique enumeration. A graph is stored only if :func:`verify` accepts it.
"""

from __future__ import annotations

from collections import deque
from itertools import combinations


def girth(n: int, edges) -> float:
    """Length of a shortest cycle (``inf`` for a forest), by BFS from every vertex: a non-tree edge
    (x, y) met from root r closes a closed walk of length d(x) + d(y) + 1 through r, and the minimum
    over all roots is the girth."""
    adj = [[] for _ in range(n)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    best = float("inf")
    for root in range(n):
        dist = [-1] * n
        parent = [-1] * n
        dist[root] = 0
        queue = deque([root])
        while queue:
            x = queue.popleft()
            if 2 * dist[x] + 1 >= best:
                break
            for y in adj[x]:
                if dist[y] < 0:
                    dist[y] = dist[x] + 1
                    parent[y] = x
                    queue.append(y)
                elif parent[x] != y:
                    best = min(best, dist[x] + dist[y] + 1)
    return best


def has_c4(n: int, edges) -> bool:
    """True iff the graph contains a 4-cycle, i.e. some pair of vertices has two common neighbours."""
    adj = [[] for _ in range(n)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    seen = set()
    for w in range(n):
        for a, b in combinations(sorted(adj[w]), 2):
            if (a, b) in seen:
                return True
            seen.add((a, b))
    return False


def clique_number(n: int, edges, complement: bool = False) -> int:
    """Largest clique (or, with ``complement``, largest independent set) size, via networkx."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    if complement:
        g = nx.complement(g)
    if n == 0:
        return 0
    return max(len(c) for c in nx.find_cliques(g))


def verify(problem, n: int, edges) -> dict:
    """Check ``edges`` (a simple graph on 0..n-1) against ``problem``.

    Returns ``{"ok": bool, "method": ..., ...}`` with the measured invariants (girth, largest clique,
    largest independent set) so the record says what was checked."""
    pairs = set()
    for u, v in edges:
        u, v = int(u), int(v)
        if u == v or not (0 <= u < n and 0 <= v < n) or (min(u, v), max(u, v)) in pairs:
            return {"ok": False, "method": "edge list", "reason": f"bad or repeated edge ({u}, {v})"}
        pairs.add((min(u, v), max(u, v)))
    edges = sorted(pairs)
    out: dict = {"edges": len(edges)}
    ok = True
    if problem.cycles:
        g = girth(n, edges)
        out["girth"] = None if g == float("inf") else int(g)
        methods = ["BFS girth"]
        forbidden = set(problem.cycles)
        # the girth rules out every cycle length below it; C4 is also tested directly (a graph with
        # triangles may still be C4-free, so the girth alone cannot decide the c4 problem)
        shortest_allowed = min(k for k in range(3, 7) if k not in forbidden)
        if min(forbidden) == 3:
            ok = ok and g >= shortest_allowed
        if 4 in forbidden:
            c4 = has_c4(n, edges)
            methods.append("common-neighbour C4 test")
            out["has_c4"] = c4
            ok = ok and not c4
        out["method"] = " + ".join(methods) + " from the edge list"
    if problem.clique or problem.independent:
        omega = clique_number(n, edges)
        alpha = clique_number(n, edges, complement=True)
        out.update(clique_number=omega, independence_number=alpha,
                   method="networkx maximal cliques of the graph and of its complement")
        ok = ok and omega < problem.clique and alpha < problem.independent
    out["ok"] = bool(ok)
    return out


def failure_reason(problem, result: dict) -> str:
    """Why :func:`verify` rejected a graph, in words, from its result (e.g. ``girth 4 (at least 5
    needed)``, ``a 4-cycle``, ``a clique of 3 (at most 2 allowed)``)."""
    if "reason" in result:
        return result["reason"]
    why = []
    forbidden = set(problem.cycles)
    girth_value = result.get("girth")
    if 3 in forbidden and girth_value is not None:
        needed = min(k for k in range(3, 7) if k not in forbidden)
        if girth_value < needed:
            why.append(f"girth {girth_value} (at least {needed} needed)")
    if result.get("has_c4") and not any(w.startswith("girth") for w in why):
        why.append("a 4-cycle")
    if problem.clique and result.get("clique_number", 0) >= problem.clique:
        why.append(f"a clique of {result['clique_number']} (at most {problem.clique - 1} allowed)")
    if problem.independent and result.get("independence_number", 0) >= problem.independent:
        why.append(f"an independent set of {result['independence_number']} "
                   f"(at most {problem.independent - 1} allowed)")
    return ", ".join(why) or "rejected by the independent check"
