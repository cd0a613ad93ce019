"""``cayley mine`` is one pipeline run (growth shards, then the fit stage): a driver killed at any moment
and finished with ``discover resume RUN_ID`` stores exactly what a clean run stores, conjectures included.

Everything runs as a user runs it: the installed CLI in a subprocess, killed with SIGKILL sent to its
process group (the driver and any worker)."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from discover.store import Store

MINE = ["cayley", "mine", "--generators", "lrx,coxeter,stars,pancake,cyclic_coxeter", "--n", "3..9",
        "--workers", "1", "--json"]


def discover(args, store):
    return [sys.executable, "-m", "cli.main", *args, "--store", store]


def stored(store):
    with Store(store) as s:
        rows = list(s.conjectures())
        runs = s.runs()
    keys = [r.record.key for r in rows]
    assert len(keys) == len(set(keys))
    return {r.record.key: r.record for r in rows}, runs


def growth_shards_done(store):
    if not os.path.exists(store):
        return 0
    try:
        db = sqlite3.connect(store, timeout=1)
        (count,) = db.execute("SELECT COUNT(*) FROM shards WHERE status='done' AND shard_id NOT LIKE 's1/%'"
                              ).fetchone()
        db.close()
        return count
    except sqlite3.Error:
        return 0


MINE_OVER_P = ["cayley", "mine", "--generators", "unitriangular,heisenberg", "--n", "3,4", "--over", "p", "--values",
               "2..9", "--workers", "1", "--json"]


def kill_and_resume(tmp_path, args, seed):
    """The stored records of a clean run of ``args`` and of one killed three times (the first kill inside
    the growth stage, after some of its shards) and finished with ``discover resume``."""
    clean = str(tmp_path / "clean.sqlite")
    subprocess.run(discover(args, clean), check=True, capture_output=True, timeout=120)
    expected, _ = stored(clean)

    store = str(tmp_path / "killed.sqlite")
    rng = random.Random(seed)
    run_id = None
    for attempt in range(3):
        step = args if run_id is None else ["resume", str(run_id), "--workers", "1", "--json"]
        proc = subprocess.Popen(discover(step, store), start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if attempt == 0:
            deadline = time.time() + 60
            while growth_shards_done(store) < 3 and proc.poll() is None and time.time() < deadline:
                time.sleep(0.02)
        else:
            time.sleep(rng.uniform(0.3, 2.5))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        _, runs = stored(store)
        assert len(runs) == 1, "a resume must continue the run, not start another"
        run_id = runs[0].id
        if attempt == 0:
            assert runs[0].status == "running", "the first kill must interrupt the run"

    done = subprocess.run(discover(["resume", str(run_id), "--workers", "1", "--json"], store),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    got, runs = stored(store)
    assert runs[0].status == "finished" and runs[0].engine == "cayley.mine"
    with Store(store) as s:
        assert set(s.shard_status(run_id).values()) == {"done"}
    return expected, got


def test_killed_mine_resumes_to_a_clean_runs_records(tmp_path):
    expected, got = kill_and_resume(tmp_path, MINE, 19)
    assert {r.kind for r in expected.values()} == {"growth", "conjecture", "bound"}
    lrx = [r for r in expected.values() if r.kind == "conjecture" and r.payload["family"] == "lrx"
           and r.payload["quantity"] == "diameter"]
    assert lrx and lrx[0].payload["polynomials"] == ["n**2/2 - n/2"]  # n(n-1)/2 from n = 4
    assert set(got) == set(expected), "the resumed run differs from a clean run"


@pytest.mark.slow  # about 40 s on the loaded 2-core machine (two runs of 16 processes' start-up)
def test_killed_mine_over_p_resumes_to_a_clean_runs_records(tmp_path):
    expected, got = kill_and_resume(tmp_path, MINE_OVER_P, 23)
    growth = [r for r in expected.values() if r.kind == "growth"]
    assert len(growth) == 2 * 2 * 8 - 8  # UT_3 and the Heisenberg group of 3x3 matrices are one graph
    assert all(sum(r.payload["layer_sizes"]) == r.payload["order"] for r in growth)
    assert {r.kind for r in expected.values()} >= {"growth", "bound"}
    assert set(got) == set(expected), "the resumed run differs from a clean run"
