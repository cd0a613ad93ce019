"""The engine (discover/extremal/engine.py: spec, one shard per lane, run_shard) reaches known values:
ex(n; {C3,C4}) (the reference table), ex(n; C4) (A006855) and Ramsey witnesses; every stored graph is
checked here again with networkx."""

import time

import networkx as nx
import pytest

from discover.extremal import graph6
from discover.extremal.engine import ExtremalSearchSpec, run_shard, shards
from reference import reference_rows

C3C4 = {int(r[0]): int(r[1]) for r in reference_rows("extremal_c3c4.tsv") if r[2] == "exact"}
# OEIS A006855: ex(n; C4), n = 1..30
A006855 = [0, 1, 3, 4, 6, 7, 9, 11, 13, 16, 18, 21, 24, 27, 30, 33, 36, 39, 42, 46, 50, 52, 56, 59, 63, 67, 71, 76,
           80, 85]


def _run(problem, n, seconds, curriculum=True, seed=0):
    spec = ExtremalSearchSpec.from_cli(problem, n, seconds, seed, 1, curriculum, stop_at="exact")
    (shard,) = list(shards(spec))
    return {r.payload["n"]: r for r in run_shard(spec, shard).records}


def _graph(record):
    n, edges = graph6.decode(record.payload["graph6"])
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    return g


@pytest.mark.parametrize("n", [10, 20, 30, 40])
def test_c3c4_exact_values_from_scratch(n):
    """No curriculum, one size: the exact value within seconds."""
    tic = time.perf_counter()
    rec = _run("c3c4", str(n), 20.0, curriculum=False)[n]
    took = time.perf_counter() - tic
    g = _graph(rec)
    assert g.number_of_edges() == rec.payload["edges"] == C3C4[n]
    assert nx.girth(g) >= 5
    assert rec.payload["status"] == "matches" and rec.payload["reference"] == C3C4[n]
    assert took < 20


def test_c3c4_curriculum_sweep():
    recs = _run("c3c4", "1..32", 5.0)
    assert {n: r.payload["edges"] for n, r in recs.items()} == {n: C3C4[n] for n in range(1, 33)}
    for r in recs.values():
        g = _graph(r)
        assert g.number_of_edges() < 3 or nx.girth(g) >= 5


def test_from_scratch_lane_keeps_the_curriculum():
    """The odd lanes restart mostly from the empty graph, yet still reach every exact value."""
    spec = ExtremalSearchSpec.from_cli("c3c4", "1..32", 5.0, 0, 2, True, stop_at="exact")
    lane = list(shards(spec))[1]
    recs = {r.payload["n"]: r for r in run_shard(spec, lane).records}
    assert {n: r.payload["edges"] for n, r in recs.items()} == {n: C3C4[n] for n in range(1, 33)}


def test_c4_free_values_a006855():
    recs = _run("c4", "1..30", 10.0)
    assert [recs[n].payload["edges"] for n in range(1, 31)] == A006855
    for r in recs.values():
        g = _graph(r)
        assert not any(len(c) == 4 for c in nx.simple_cycles(g, length_bound=4))


@pytest.mark.parametrize("s,t,n", [(3, 3, 5), (3, 4, 8), (3, 5, 13)])
def test_ramsey_witnesses(s, t, n):
    """R(3,3) = 6, R(3,4) = 9, R(3,5) = 14: colourings of K_5, K_8, K_13 found by the search."""
    rec = _run(f"ramsey-{s}-{t}", str(n), 30.0)[n]
    g = _graph(rec)
    assert g.number_of_nodes() == n
    assert max(len(c) for c in nx.find_cliques(g)) < s
    assert max(len(c) for c in nx.find_cliques(nx.complement(g))) < t
    assert rec.payload["status"] == "matches"


def test_isomorphic_results_share_a_key():
    a = _run("c3c4", "10", 5.0, seed=1)[10]
    b = _run("c3c4", "10", 5.0, seed=2)[10]
    # ex(10; {C3,C4}) = 15 is attained only by the Petersen graph
    assert nx.is_isomorphic(_graph(a), nx.petersen_graph())
    assert a.key == b.key


@pytest.mark.slow
def test_c3c4_records_54_55_with_the_curriculum():
    """Records beyond the exact range: 185 at n = 54 and 189 at n = 55 (the reference table)."""
    from reference import reference_rows

    records = {int(r[0]): int(r[1]) for r in reference_rows("extremal_c3c4.tsv") if r[0].isdigit()}
    spec = ExtremalSearchSpec(problem="c3c4", sizes=tuple(range(48, 56)), seconds=60.0, seed=0, lanes=1,
                              curriculum=True, stop_at="record")
    (shard,) = list(shards(spec))
    recs = {r.payload["n"]: r for r in run_shard(spec, shard).records}
    assert recs[54].payload["edges"] == records[54] and recs[55].payload["edges"] == records[55]
