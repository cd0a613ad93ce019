"""The shipped campaign table (results/extremal/) says what its graphs are.

Every row that claims to match or beat a published value is re-checked here from its graph6 line with
networkx alone (vertex count, edge count, girth >= 5), and the published value it names is the one in
discover/extremal/reference.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

RESULTS = Path(__file__).resolve().parents[2] / "results" / "extremal"


def _rows():
    with open(RESULTS / "c3c4_campaign.tsv", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    graphs = (RESULTS / "c3c4_campaign.g6").read_text().split()
    assert len(rows) == len(graphs)
    return list(zip(rows, graphs))


def test_one_graph_per_size_in_order():
    sizes = [int(row["n"]) for row, _ in _rows()]
    assert sizes == list(range(sizes[0], sizes[-1] + 1))


@pytest.mark.parametrize("row,graph6", [
    pytest.param(row, g6, id=f"n{row['n']}") for row, g6 in _rows()
    if row["status"].startswith(("matches", "new_record"))
])
def test_claimed_rows_hold_by_networkx(row, graph6):
    from discover.extremal.reference import C3C4_RECORD

    graph = nx.from_graph6_bytes(graph6.encode())
    n, edges = int(row["n"]), int(row["edges"])
    assert graph.number_of_nodes() == n and graph.number_of_edges() == edges
    assert nx.girth(graph) >= 5
    published = int(row["published"])
    assert published == C3C4_RECORD[n]
    if row["status"].startswith("matches"):
        assert edges == published
    else:
        assert edges > published
