"""The unification graph: stored PCF formulas grouped into classes of exact equivalence.

Nodes are the stored PCF formulas (one per canonical form: the store's key) and the listed PCFs they
reach. Edges, each with its kind:

* ``fold``: the even or odd contraction of one node has the canonical form of the other;
* ``coboundary``: V(n) N(n+k) = rho(n) M(n) V(n+1) solved exactly (:mod:`.equivalence`), tried between
  formulas of the same limit class and the same coboundary invariants (bounded: at most ``max_pairs``
  pairs per class and ``max_solves`` linear systems per pair);
* ``known`` / ``equivalent``: the record's own novelty decision (its ``listed`` formula and chain).

Classes are the connected components (union-find). :func:`unify` returns them with their sizes, a
representative (the formula with the smallest coefficients) and the edges; :func:`graph_json` is the
exported graph. A class ``reaches_listed`` when it holds a listed PCF or a classical family instance, and
``reaches_published`` when it holds a PCF of one of the lists themselves (not only a family instance).
"""

from __future__ import annotations

__all__ = ["unify", "graph_json", "Formula"]

from dataclasses import dataclass


@dataclass(frozen=True)
class Formula:
    """A stored PCF formula: its key, canonical coefficients (the equivalence tests use them), closed form
    and novelty, and ``shown``: the a(n), b(n) its closed form belongs to (the stored ones; the canonical
    form's limit may differ by the sign, scaling and shift it removed)."""

    key: str
    a: tuple[int, ...]
    b: tuple[int, ...]
    closed_form: str | None
    novelty: dict | None
    shown: tuple[str, str] | None = None


def _size(f: Formula) -> tuple:
    return (len(f.a) + len(f.b), sum(abs(c) for c in f.a + f.b), f.a, f.b)


def unify(formulas: list[Formula], max_pairs: int = 200, max_solves: int = 24) -> dict:
    """Classes and edges of ``formulas`` (see the module doc)."""
    from discover.cf.novelty.equivalence import coboundary, coboundary_class, folds
    from discover.cf.novelty.known import limit_class

    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x, y):
        parent[find(x)] = find(y)

    edges = []
    by_canon = {(f.a, f.b): f for f in formulas}
    for f in formulas:
        find(f.key)
        for parity, key in folds(f.a, f.b):
            other = by_canon.get(key)
            if other is not None and other.key != f.key:
                edges.append({"from": f.key, "to": other.key, "kind": "fold",
                              "detail": f"{'even' if parity == 0 else 'odd'} contraction"})
                union(f.key, other.key)
        nov = f.novelty or {}
        if nov.get("class") in ("known", "equivalent") and nov.get("listed"):
            listed = nov["listed"]
            node = f"listed:{listed.get('list')}"
            edges.append({"from": f.key, "to": node, "kind": nov["class"],
                          "detail": " + ".join(step["kind"] for step in nov.get("chain", []))})
            union(f.key, node)
    buckets: dict = {}
    for f in formulas:
        constants = limit_class(f.closed_form)
        if not constants or constants == ("rational",):
            continue
        buckets.setdefault((constants, repr(coboundary_class(f.a, f.b))), []).append(f)
    for group in buckets.values():
        group.sort(key=_size)
        pairs = 0
        for i, f in enumerate(group):
            for g in group[i + 1:]:
                if find(f.key) == find(g.key):
                    continue
                pairs += 1
                if pairs > max_pairs:
                    break
                cob = coboundary((f.a, f.b), (g.a, g.b), budget=[max_solves])
                if cob is not None:
                    edges.append({"from": f.key, "to": g.key, "kind": "coboundary", "detail": cob.to_json()})
                    union(f.key, g.key)
            if pairs > max_pairs:
                break
    members: dict = {}
    for f in formulas:
        members.setdefault(find(f.key), []).append(f)
    listed = [str(e["to"]) for e in edges if str(e["to"]).startswith("listed:")]
    listed_roots = {find(node) for node in listed}
    # a classical family instance is a listed node too, but no published list holds its PCFs
    published_roots = {find(node) for node in listed if not node.startswith("listed:classical:")}
    classes = []
    for root, fs in members.items():
        fs.sort(key=_size)
        classes.append({"size": len(fs), "representative": fs[0].key,
                        "formula": _shown(fs[0]),
                        "constants": sorted({c for f in fs for c in limit_class(f.closed_form)}),
                        "reaches_listed": root in listed_roots,
                        "reaches_published": root in published_roots,
                        "members": [f.key for f in fs]})
    classes.sort(key=lambda c: (-c["size"], c["formula"]["a"], c["formula"]["b"]))
    return {"formulas": len(formulas), "classes": classes, "edges": edges}


def _shown(f: Formula) -> dict:
    a, b = f.shown if f.shown else (_text(f.a), _text(f.b))
    return {"a": a, "b": b, "closed_form": f.closed_form}


def _text(coeffs) -> str:
    from discover.cf.polynomial import Polynomial

    return str(Polynomial(tuple(coeffs)))


def graph_json(result: dict, formulas: list[Formula]) -> dict:
    """The graph as JSON: nodes (formulas and listed PCFs) with their class, and the edges."""
    klass = {}
    for i, c in enumerate(result["classes"]):
        for key in c["members"]:
            klass[key] = i
    nodes = [dict(_shown(f), id=f.key, novelty=(f.novelty or {}).get("class"), **{"class": klass.get(f.key)})
             for f in formulas]
    listed = sorted({e["to"] for e in result["edges"] if str(e["to"]).startswith("listed:")})
    nodes += [{"id": x, "listed": True} for x in listed]
    return {"nodes": nodes, "edges": result["edges"],
            "classes": [{k: v for k, v in c.items() if k != "members"} for c in result["classes"]]}


def paths_to_listed(result: dict) -> dict:
    """For every formula of a class that reaches a listed PCF, the shortest chain of edges (as stored in
    ``result["edges"]``, each followed in either direction) from it to a ``listed:`` node."""
    from collections import deque

    adjacent: dict = {}
    for e in result["edges"]:
        adjacent.setdefault(e["from"], []).append((e["to"], e))
        adjacent.setdefault(e["to"], []).append((e["from"], e))
    paths: dict = {}
    # breadth-first from all listed nodes at once: the first visit of a formula is its shortest chain
    queue = deque()
    for node in adjacent:
        if str(node).startswith("listed:"):
            paths[node] = []
            queue.append(node)
    while queue:
        node = queue.popleft()
        for other, edge in adjacent[node]:
            if other not in paths:
                paths[other] = [edge] + paths[node]
                queue.append(other)
    return {k: v for k, v in paths.items() if not str(k).startswith("listed:")}
