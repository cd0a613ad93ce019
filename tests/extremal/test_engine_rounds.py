"""Rounds and ``--continue`` (discover/extremal/engine.py: next_round, best_graphs, continued_from_store).

``--rounds R`` is one run of a pipeline: round k+1 is the same spec with the next seed, seeded with the
best graphs of round k's stored records. ``--continue`` puts the store's best graphs into the spec's seeds
before the run, so the stored spec holds them and a resume starts from the same graphs.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import time

import networkx as nx
import pytest
from click.testing import CliRunner

from bad_input import DISCOVER
from cli.main import cli
from discover.extremal import graph6
from discover.extremal.engine import (ENGINE, ExtremalSearchSpec, best_graphs, continued_from_store,
                                      next_round)
from discover.records import Record
from reference import reference_rows

C3C4 = {int(r[0]): int(r[1]) for r in reference_rows("extremal_c3c4.tsv") if r[0].isdigit()}


def _invoke(args):
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def _record(n, edges, g6):
    return Record.create("extremal.search", "c3c4", ["c3c4", g6], f"ex >= {edges}",
                         {"problem": "c3c4", "n": n, "edges": edges, "graph6": g6}, {}, verified=True)


def _g6(graph):
    return nx.to_graph6_bytes(graph, header=False).decode().strip()


def test_next_round_carries_the_best_graph_per_size_and_keeps_the_own_seeds():
    c5, petersen = _g6(nx.cycle_graph(10)), _g6(nx.petersen_graph())
    spec = ExtremalSearchSpec(problem="c3c4", sizes=(10,), seconds=1.0, seed=7, rounds=3, seeds=(c5,))
    engine, following = next_round(spec, [_record(10, 10, c5), _record(10, 15, petersen), _record(10, 15, c5)])
    assert engine is ENGINE
    assert following.seed == 8 and following.rounds == 2
    assert following.seeds == (c5,)  # the spec's own seeds stay
    assert following.carried == (petersen,)  # most edges, the first among equals
    assert next_round(following, [])[1].carried == ()
    last = ExtremalSearchSpec(problem="c3c4", sizes=(10,), seconds=1.0, rounds=1)
    assert next_round(last, [_record(10, 15, petersen)]) is None


def test_rounds_are_one_run_with_every_round_in_its_checkpoint(store_path):
    # --stop-at none: with exact the first round would meet the goal and end the run (see below)
    code, out, err = _invoke(["extremal", "search", "--n", "20..21", "--time", "1", "--workers", "1", "--rounds", "2",
                              "--store", store_path, "--json"])
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]  # every round's records, as they are stored
    assert {r["n"] for r in records} == {20, 21}
    assert all(r["edges"] == C3C4[r["n"]] for r in records)
    with sqlite3.connect(store_path) as db:
        runs = db.execute("SELECT id, status, spec FROM runs").fetchall()
        shards = dict(db.execute("SELECT shard_id, status FROM shards"))
    [(run_id, status, spec)] = runs
    assert status == "finished" and json.loads(spec)["rounds"] == 2
    assert shards == {"lane-0": "done", "s1/lane-0": "done"}
    # the same command resumed (a finished run: nothing left to do) is accepted now
    code, _, err = _invoke(["extremal", "search", "--n", "20..21", "--rounds", "2", "--resume", str(run_id),
                            "--workers", "1", "--store", store_path, "--json"])
    assert code == 0, err


def test_continue_puts_the_stored_best_into_the_spec(store_path):
    code, out, _ = _invoke(["extremal", "search", "--n", "30", "--time", "10", "--workers", "1", "--stop-at", "exact",
                            "--store", store_path, "--json"])
    (rec,) = [json.loads(line) for line in out.splitlines()]
    spec = ExtremalSearchSpec.from_cli("c3c4", "31..33", 1.0, 0, 1)
    assert continued_from_store(spec, store_path).seeds == (rec["graph6"],)
    far = ExtremalSearchSpec.from_cli("c3c4", "40", 1.0, 0, 1)
    assert continued_from_store(far, store_path).seeds == ()  # n = 30 is too far from 40 to seed it
    assert continued_from_store(spec, os.path.join(os.path.dirname(store_path), "none.sqlite")) == spec
    code, out, _ = _invoke(["extremal", "search", "--n", "31", "--time", "10", "--workers", "1", "--continue", "--stop-at", "exact",
                            "--no-curriculum", "--store", store_path, "--json"])
    assert code == 0 and json.loads(out)["edges"] == C3C4[31]
    with sqlite3.connect(store_path) as db:
        stored = json.loads(db.execute("SELECT spec FROM runs ORDER BY id DESC").fetchone()[0])
    assert stored["seeds"] == [rec["graph6"]]  # a resume of this run starts from the same seed


def test_best_graphs_in_size_order():
    a, b = _g6(nx.cycle_graph(6)), _g6(nx.petersen_graph())
    assert best_graphs([_record(10, 15, b), _record(6, 6, a)]) == (a, b)


def _check_store(store_path, seeds):
    """The run finished, every round's lanes are done, no shard's records were stored twice, and each size
    holds a valid graph (girth >= 6, checked here with networkx) at least as good as its seed."""
    with sqlite3.connect(store_path) as db:
        [(run_id, status)] = db.execute("SELECT id, status FROM runs").fetchall()
        shards = dict(db.execute("SELECT shard_id, status FROM shards WHERE run_id=?", (run_id,)))
        per_shard = dict(db.execute("SELECT shard_id, records FROM shards WHERE run_id=?", (run_id,)))
        sightings = dict(db.execute("SELECT shard_id, COUNT(*) FROM sightings WHERE run_id=? GROUP BY shard_id",
                                    (run_id,)))
        seen = db.execute("SELECT c.times_seen, (SELECT COUNT(*) FROM sightings s WHERE s.key = c.key) "
                          "FROM conjectures c").fetchall()
        payloads = [json.loads(p) for (p,) in db.execute("SELECT payload FROM conjectures")]
    assert status == "finished"
    assert shards == {f"{prefix}lane-{lane}": "done" for prefix in ("", "s1/", "s2/") for lane in (0, 1)}
    assert all(per_shard[s] == sightings.get(s, 0) for s in shards), (per_shard, sightings)
    assert all(times == rows for times, rows in seen), "a shard's records were counted twice"
    best = {}
    for p in payloads:
        n, edges = graph6.decode(p["graph6"])
        g = nx.Graph(edges)
        g.add_nodes_from(range(n))
        assert len(edges) == p["edges"] and nx.girth(g) >= 6
        best[n] = max(best.get(n, -1), len(edges))
    assert best.keys() == seeds.keys()
    assert all(best[n] >= seeds[n] for n in seeds), (best, seeds)


@pytest.mark.slow  # 12-15 s; test_runner_pipeline.py kills and resumes a pipeline in the default run
def test_rounds_resume_after_kills_at_random_moments(tmp_path):
    """A three-round run through the real CLI, its driver SIGKILLed (with its process group) at random
    moments, then ``discover resume RUN_ID`` (itself killed too), then a resume left to finish.

    The search is randomised and time-boxed, so "exactly a clean run" cannot mean the same graphs: it
    means every round ran to completion once (all six lanes done in one finished run, round k+1 started
    only from round k's stored records), no shard's records were stored twice, and the store holds, per
    size, a valid graph at least as good as the seed graph given."""
    store = str(tmp_path / "store.sqlite")
    seed_file = tmp_path / "seeds.g6"
    sizes = range(10, 13)
    seed_file.write_text("".join(_g6(nx.cycle_graph(n)) + "\n" for n in sizes))  # girth n >= 6, n edges
    env = dict(os.environ, DISCOVER_STORE=store)
    command = ["extremal", "search", "--problem", "c3c4c5", "--n", "10..12", "--time", "0.3", "--rounds", "3",
               "--restarts", "2", "--workers", "1", "--seed-file", str(seed_file), "--json"]
    rng = random.Random(19)
    run_id, killed = None, 0
    for attempt in range(3):
        args = command if run_id is None else ["resume", str(run_id), "--workers", "1", "--json"]
        proc = subprocess.Popen(DISCOVER + args, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 2.5))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        if run_id is None and os.path.exists(store):
            with sqlite3.connect(store) as db:
                row = db.execute("SELECT id FROM runs").fetchone()
            run_id = row[0] if row else None
    assert run_id is not None, "no run was ever created"
    assert killed >= 1, "no kill landed in a running driver"
    done = subprocess.run(DISCOVER + ["resume", str(run_id), "--workers", "1", "--json"], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    _check_store(store, {n: n for n in sizes})


def test_a_spec_stored_before_stop_at_resumes_as_it_ran():
    """Specs stored before --stop-at had stop_at_record: true stopped at records, false at exact values
    (and went on past records); a resume rebuilds them that way, and a current spec round-trips."""
    spec = ExtremalSearchSpec(problem="c3c4", sizes=(10,), seconds=1.0)
    assert ExtremalSearchSpec.from_dict(spec.to_dict()) == spec and spec.stop_at == "none"
    old = {k: v for k, v in spec.to_dict().items() if k != "stop_at"}
    assert ExtremalSearchSpec.from_dict(dict(old, stop_at_record=True)).stop_at == "record"
    assert ExtremalSearchSpec.from_dict(dict(old, stop_at_record=False)).stop_at == "exact"
