"""Export the extremal campaign's store: the best verified graph per n (graph6) and a table.

    .venv/bin/python results/extremal/export_campaign.py results/extremal_campaign.sqlite results/extremal

writes ``c3c4_campaign.g6`` (one graph per line, in size order, each the graph with the most edges stored
at that n, the fastest found among equals; a graph of the folder's previous export with at least as many
edges as the store's stays, with its seconds and key, so a new store only adds to what was shipped),
``c3c4_campaign.tsv`` (n, our edges, the best published value we know, status, seconds to reach, key) and prints the table as Markdown for the README. "table
incomplete" marks sizes where published values exist that discover/extremal/reference.py lacks. Every exported
graph is checked again here from its graph6 text: girth >= 5 by networkx and its edge count.
"""

from __future__ import annotations

import os
import sys

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from discover.extremal import graph6  # noqa: E402
from discover.extremal.engine import best_per_size  # noqa: E402
from discover.extremal.problems import get_problem  # noqa: E402
from discover.extremal.reference import compare, reference_value, table_incomplete  # noqa: E402
from discover.store import Store  # noqa: E402


def previous_export(folder: str) -> dict[int, dict]:
    """The folder's last export, by n: graph6, edges, seconds and key (empty when there is none)."""
    try:
        with open(os.path.join(folder, "c3c4_campaign.tsv")) as tsv, \
                open(os.path.join(folder, "c3c4_campaign.g6")) as g6:
            rows = [line.rstrip("\n").split("\t") for line in tsv][1:]
            texts = [line.strip() for line in g6 if line.strip()]
    except OSError:
        return {}
    rows = [r for r in rows if r[1]]  # sizes with a graph, in the order of the graph6 lines
    return {int(r[0]): {"graph6": text, "edges": int(r[1]), "seconds": float(r[4]), "key": r[5]}
            for r, text in zip(rows, texts, strict=True)}


def main(store: str, folder: str, lo: int = 1, hi: int = 256) -> int:
    problem = get_problem("c3c4")
    with Store(store, create=False) as db:
        records = sorted((row.record for row in db.conjectures(engine="extremal", kind="c3c4")),
                         key=lambda r: r.payload["seconds"])
    best = {r.payload["n"]: {**r.payload, "key": r.key} for r in best_per_size(records)
            if lo <= r.payload["n"] <= hi}
    for n, old in previous_export(folder).items():
        if lo <= n <= hi and (n not in best or old["edges"] >= best[n]["edges"]):
            best[n] = old
    rows = []
    with open(os.path.join(folder, "c3c4_campaign.g6"), "w") as g6, \
            open(os.path.join(folder, "c3c4_campaign.tsv"), "w") as tsv:
        tsv.write("n\tedges\tpublished\tstatus\tseconds\tkey\n")
        for n in range(lo, hi + 1):
            r = best.get(n)
            ref, _ = reference_value(problem, n)
            if r is None:
                rows.append((n, None, ref, "not reached", None, ""))
                continue
            m, edges = graph6.decode(r["graph6"])
            g = nx.Graph(edges)
            g.add_nodes_from(range(m))
            assert m == n and g.number_of_edges() == r["edges"] and nx.girth(g) >= 5, n
            status, by = compare(r["edges"], ref)
            if by:
                status += f" by {by}"
            if table_incomplete(problem, n):
                status += " (table incomplete)"
            g6.write(r["graph6"] + "\n")
            tsv.write(f"{n}\t{r['edges']}\t{'' if ref is None else ref}\t{status}\t"
                      f"{r['seconds']}\t{r['key'][:12]}\n")
            rows.append((n, r["edges"], ref, status, r["seconds"], r["key"][:12]))
    print("| n | our edges | best published we know | status | seconds |")
    print("|---|---|---|---|---|")
    for n, edges, ref, status, seconds, _ in rows:
        print(f"| {n} | {'-' if edges is None else edges} | {'-' if ref is None else ref} | {status} | "
              f"{'-' if seconds is None else f'{seconds:.1f}'} |")
    print(f"\n{sum(1 for r in rows if r[1] is not None)} of {len(rows)} sizes have a graph", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:5])))
