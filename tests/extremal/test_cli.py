"""`discover extremal ...` through the CLI: search, show, check, and bad input (exit 2, one line)."""

import json
import os

import networkx as nx
from click.testing import CliRunner

from cli.main import cli
from discover.extremal import graph6
from reference import reference_rows

C3C4 = {int(r[0]): int(r[1]) for r in reference_rows("extremal_c3c4.tsv") if r[0].isdigit()}


def _invoke(args):
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def test_search_json_and_show(store_path, tmp_path):
    code, out, _ = _invoke(["extremal", "search", "--problem", "c3c4", "--n", "14..16", "--time", "10", "--stop-at", "exact",
                            "--workers", "1", "--store", store_path, "--json"])
    assert code == 0
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["n"] for r in recs] == [14, 15, 16]
    for r in recs:
        assert r["edges"] == r["reference"] == C3C4[r["n"]]
        assert r["status"] == "matches" and r["problem"] == "c3c4" and r["verified"] is True
        assert isinstance(r["seconds"], float)
    key = recs[0]["key"]
    code, out, _ = _invoke(["extremal", "show", key[:10], "--format", "graph6", "--store", store_path])
    assert code == 0 and out.strip() == recs[0]["graph6"]
    code, out, _ = _invoke(["extremal", "show", key, "--format", "edgelist", "--store", store_path])
    lines = [l for l in out.splitlines() if not l.startswith("#")]
    g = nx.Graph([tuple(map(int, l.split())) for l in lines])
    assert g.number_of_edges() == C3C4[14] and nx.girth(g) == 5
    png = tmp_path / "g.png"
    code, out, err = _invoke(["extremal", "show", key, "--format", "png", "--output", str(png), "--store", store_path])
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_search_table_and_dedup(store_path):
    for seed in ("1", "2"):
        code, out, _ = _invoke(["extremal", "search", "--n", "10", "--time", "5", "--seed", seed, "--workers", "1", "--stop-at", "exact",
                                "--store", store_path])
        assert code == 0 and "matches" in out
    from discover.store import Store

    with Store(store_path) as db:  # the Petersen graph, found twice, is one record
        assert len([c for c in db.conjectures(engine="extremal") if c.record.payload["n"] == 10]) == 1


def test_check_file(store_path, tmp_path):
    f = tmp_path / "graphs.g6"
    petersen = nx.to_graph6_bytes(nx.petersen_graph(), header=False).decode().strip()
    cube = nx.to_graph6_bytes(nx.hypercube_graph(3), header=False).decode().strip()
    f.write_text(f"# two graphs\n{petersen}\n{cube}\n")
    code, out, err = _invoke(["extremal", "check", str(f), "--problem", "c3c4", "--store", store_path, "--json"])
    assert code == 1  # the cube has 4-cycles
    recs = [json.loads(line) for line in out.splitlines()]
    [passed] = [r for r in recs if r["verified"]]
    assert passed["edges"] == 15 and passed["status"] == "matches"
    # --json also shows the graph that failed, as an unverified record (never stored)
    assert [(r["index"], r["reason"]) for r in recs if not r["verified"]] == [(1, "girth 4 (at least 5 needed)")]
    # one line naming the file, the line of the failing graph (the cube, line 3) and why
    [line] = err.strip().splitlines()
    assert line == f"discover: error: {f}: 1 of 2 graph(s) fail c3c4: line 3: girth 4 (at least 5 needed)"


def _bad(args, store_path, fragment):
    code, out, err = _invoke(args + ["--store", store_path])
    assert code == 2, (code, out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("discover: error") and fragment in lines[0]
    assert "Traceback" not in err
    assert not os.path.exists(store_path)


def test_bad_input(store_path, tmp_path):
    _bad(["extremal", "search", "--n", "0", "--time", "1"], store_path, "--n")
    _bad(["extremal", "search", "--n", "100000", "--time", "1"], store_path, "--n")
    _bad(["extremal", "search", "--n", "ten", "--time", "1"], store_path, "--n")
    _bad(["extremal", "search", "--n", "9", "--problem", "ramsey-3-4", "--time", "1"], store_path, "R(3,4) = 9")
    _bad(["extremal", "search", "--n", "10", "--problem", "c5c7"], store_path, "unknown problem")
    _bad(["extremal", "search", "--n", "10", "--time", "-3"], store_path, "--time")
    _bad(["extremal", "search", "--n", "10", "--walks", "anneal"], store_path, "--walks")
    _bad(["extremal", "search", "--n", "10", "--problem", "c3", "--walks", "reattach"], store_path, "--walks")
    bad = tmp_path / "bad.g6"
    bad.write_text("IheA@GUAo\nnot a graph!\n")
    _bad(["extremal", "check", str(bad)], store_path, "line 2")
    _bad(["extremal", "search", "--n", "10", "--seed-file", str(bad)], store_path, "line 2")
    bad.write_bytes(b"\xff\xfe\x00")
    _bad(["extremal", "check", str(bad)], store_path, "bad.g6")


def test_show_unknown_key(store_path):
    _invoke(["extremal", "search", "--n", "5", "--time", "2", "--workers", "1", "--stop-at", "exact", "--store", store_path])
    code, _, err = _invoke(["extremal", "show", "ffffffffffff", "--store", store_path])
    assert code == 2 and "no conjecture" in err


def test_graph6_of_records_decodes(store_path):
    code, out, _ = _invoke(["extremal", "search", "--problem", "ramsey-3-3", "--n", "5", "--time", "5",
                            "--workers", "1", "--store", store_path, "--json"])
    (rec,) = [json.loads(line) for line in out.splitlines()]
    n, edges = graph6.decode(rec["graph6"])
    g = nx.Graph(edges)
    assert n == 5 and nx.is_isomorphic(g, nx.cycle_graph(5))  # the only 2-colouring of K5 without mono K3


def test_seed_file(store_path, tmp_path):
    """--seed-file seeds a size from a graph6 file's graphs within 4 vertices of it."""
    code, out, _ = _invoke(["extremal", "search", "--n", "30", "--time", "10", "--workers", "1", "--stop-at", "exact",
                            "--store", store_path, "--json"])
    (rec,) = [json.loads(line) for line in out.splitlines()]
    seeds = tmp_path / "seeds.g6"
    seeds.write_text(rec["graph6"] + "\n")
    code, out, _ = _invoke(["extremal", "search", "--n", "32", "--time", "10", "--workers", "1", "--stop-at", "exact",
                            "--seed-file", str(seeds), "--store", store_path, "--json"])
    assert code == 0 and json.loads(out)["edges"] == C3C4[32]


def test_down_carries_the_hoffman_singleton_graph_to_the_exact_values_below_it(store_path, tmp_path):
    """--down visits the largest size first, each size starting from the one above less a vertex: from
    the Hoffman-Singleton graph (ex(50) = 175) that gives ex(n) for n = 44..49 (published exact values)."""
    seeds = tmp_path / "hs.g6"
    hs = nx.convert_node_labels_to_integers(nx.hoffman_singleton_graph())
    seeds.write_text(graph6.encode(50, list(hs.edges())) + "\n")
    code, out, err = _invoke(["extremal", "search", "--n", "44..49", "--down", "--time", "0.5", "--workers", "1",
                              "--restarts", "1", "--seed-file", str(seeds), "--store", store_path, "--json"])
    assert code == 0, err
    found = {r["n"]: r["edges"] for r in map(json.loads, out.splitlines()) if "n" in r}
    assert found == {n: C3C4[n] for n in range(44, 50)}


def test_semiplane_seed_family_completes_to_the_hoffman_singleton_graph(store_path):
    """From the incidence graph of the elliptic semiplane of order 5 (girth 6, 125 edges) the walks reach
    ex(50; {C3, C4}) = 175, the Hoffman-Singleton graph (Robertson's amalgamation of that semiplane), and
    carried down with --down, the exact values below it."""
    code, out, err = _invoke(["extremal", "search", "--n", "47..50", "--down", "--seed-family", "semiplane",
                              "--time", "0.5", "--workers", "1", "--restarts", "1", "--no-curriculum",
                              "--store", store_path, "--json"])
    assert code == 0, err
    found = {r["n"]: r for r in map(json.loads, out.splitlines()) if "n" in r}
    assert found[50]["edges"] == 175 and found[50]["min_degree"] == found[50]["max_degree"] == 7
    m, edges = graph6.decode(found[50]["graph6"])
    assert nx.is_isomorphic(nx.Graph(edges), nx.hoffman_singleton_graph())


def test_png_without_matplotlib(store_path, tmp_path, monkeypatch):
    import sys

    _invoke(["extremal", "search", "--n", "10", "--time", "5", "--workers", "1", "--stop-at", "exact", "--store", store_path])
    from discover.store import Store

    with Store(store_path) as db:
        key = next(iter(db.conjectures(engine="extremal"))).record.key
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    code, out, err = _invoke(["extremal", "show", key, "--format", "png", "--output", str(tmp_path / "x.png"),
                              "--store", store_path])
    assert code == 1 and "matplotlib" in err and len(err.strip().splitlines()) == 1


def test_each_walk_alone_reaches_exact_values(store_path):
    """--walks reattach and --walks flip each reach ex(n; {C3, C4}) from scratch at n = 30 and 40."""
    for walks in ("reattach", "flip"):
        code, out, _ = _invoke(["extremal", "search", "--n", "30,40", "--time", "30", "--workers", "1",
                                "--no-curriculum", "--walks", walks, "--stop-at", "exact", "--json", "--store", store_path])
        assert code == 0
        got = {r["n"]: r["edges"] for r in map(json.loads, out.splitlines())}
        assert got == {30: C3C4[30], 40: C3C4[40]}, walks


def test_the_time_box_holds_where_one_step_is_costly(store_path):
    """One tabu step of ramsey-5-5 at n = 64 takes tens of milliseconds, and a kernel call cannot be
    interrupted: calls start at one step and grow with their measured time, so --time 0.5 ends in about
    that (a first call of 200 steps took 9 s, and held off Ctrl-C as long), and so does n = 400."""
    import time

    for problem, n in (("ramsey-5-5", "64"), ("c3c4c5", "400")):
        tic = time.perf_counter()
        code, _, err = _invoke(["extremal", "search", "--problem", problem, "--n", n, "--time", "0.5",
                                "--workers", "1", "--store", store_path, "--json"])
        assert code == 0, err
        assert time.perf_counter() - tic < 4.0, problem


def test_stop_at_none_spends_the_time_and_exact_stops_at_the_exact_value(store_path):
    """ex(10; {C3,C4}) = 15 (the Petersen graph) is found within milliseconds: with --stop-at exact the size
    ends there; by default (none) the time budget decides, and the table is only a comparison."""
    import time

    times = {}
    for stop in ("exact", "none"):
        tic = time.perf_counter()
        code, out, err = _invoke(["extremal", "search", "--n", "10", "--time", "2", "--workers", "1",
                                  "--stop-at", stop, "--store", store_path, "--json"])
        times[stop] = time.perf_counter() - tic
        assert code == 0, err
        assert json.loads(out.splitlines()[0])["edges"] == 15
    assert times["none"] >= 2.0 > times["exact"] + 0.5


def test_goal_of_each_stop_at():
    from discover.extremal.lanes import goal_for
    from discover.extremal.problems import get_problem

    c3c4 = get_problem("c3c4")
    assert goal_for(c3c4, 10, "exact") == goal_for(c3c4, 10, "record") == 15
    assert goal_for(c3c4, 54, "record") == C3C4[54] and goal_for(c3c4, 54, "exact") > 54 * 53 // 2
    for n in (10, 54, 300):
        assert goal_for(c3c4, n, "none") > n * (n - 1) // 2  # unreachable: the time decides
    assert goal_for(get_problem("ramsey-3-3"), 5, "none") == 0  # any witness ends a Ramsey size


def test_check_stores_a_valid_graph_that_beats_the_table(store_path, tmp_path, monkeypatch):
    """The table is a comparison, never a filter: with the table's value at n = 10 lowered to 14, the
    Petersen graph (15 edges, girth 5) is stored as a new record by 1, not rejected."""
    from discover.extremal import reference

    monkeypatch.setitem(reference.C3C4_EXACT, 10, 14)
    f = tmp_path / "petersen.g6"
    f.write_text(nx.to_graph6_bytes(nx.petersen_graph(), header=False).decode())
    code, out, err = _invoke(["extremal", "check", str(f), "--problem", "c3c4", "--store", store_path, "--json"])
    assert code == 0, err
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rec["verified"] and rec["edges"] == 15 and rec["status"] == "new_record" and rec["by"] == 1


def test_stop_at_ends_the_run_when_every_size_has_its_value_in_some_lane(store_path):
    """Two lanes on two workers, a minute per size each, --stop-at exact at n = 20, 21 (exact values found
    within a second): the run ends when a lane has both, the other lane is stopped (not waited for), no
    later round starts, and the summary says so. With a size whose value is not reached the goal is not met."""
    import sqlite3
    import time

    from discover.extremal.engine import ExtremalSearchSpec, goal_reached
    from discover.records import Record

    tic = time.perf_counter()
    code, out, err = _invoke(["extremal", "search", "--n", "20..21", "--time", "60", "--restarts", "2",
                              "--workers", "2", "--rounds", "3", "--stop-at", "exact", "--store", store_path])
    assert code == 0, err
    assert time.perf_counter() - tic < 40
    assert "1 more stopped: 2 sizes reached the published value (--stop-at exact)" in err
    with sqlite3.connect(store_path) as db:
        shards = sorted(db.execute("SELECT status FROM shards"))
    assert shards == [("done",), ("stopped",)]

    def record(n, edges):
        return Record.create("extremal.search", "c3c4", [n, edges], "", {"n": n, "edges": edges}, {}, verified=True)

    spec = ExtremalSearchSpec(problem="c3c4", sizes=(20, 21), stop_at="exact")
    at20, at21, at54 = record(20, C3C4[20]), record(21, C3C4[21]), record(54, C3C4[54])
    assert goal_reached(spec, [at20, at21])
    assert goal_reached(spec, [at20, record(21, C3C4[21] - 1)]) is None  # 21 short by one
    assert goal_reached(spec, [at20]) is None
    assert goal_reached(ExtremalSearchSpec(problem="c3c4", sizes=(20,), stop_at="none"), [at20]) is None
    # 54 has a published record but no exact value: exact cannot end it, record can
    assert goal_reached(ExtremalSearchSpec(problem="c3c4", sizes=(54,), stop_at="exact"), [at54]) is None
    assert goal_reached(ExtremalSearchSpec(problem="c3c4", sizes=(54,), stop_at="record"), [at54])
