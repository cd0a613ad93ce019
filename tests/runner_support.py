"""Shared helpers for the runner fault tests (local and Ray)."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from discover.store import Store

TESTS = Path(__file__).resolve().parent

DRIVER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from toy_engine import ENGINE, ToySpec
    from discover.runner import RunOptions, run_search
    spec = ToySpec(limit={limit}, block={block}, delay={delay})
    run_search(ENGINE, spec, RunOptions(store={store!r}, backend={backend!r}, workers={workers}))
""")


def expected_keys(limit):
    """The conjectures a clean toy run must store: every sum of two squares below ``limit``."""
    from toy_engine import two_squares
    from discover.records import canonical_key

    return {canonical_key("toy", "sum_of_two_squares", k) for k in range(limit) if two_squares(k)}


def done_shards(store_path):
    if not os.path.exists(store_path):
        return 0
    try:
        db = sqlite3.connect(store_path, timeout=1)
        (count,) = db.execute("SELECT COUNT(*) FROM shards WHERE status='done'").fetchone()
        db.close()
        return count
    except sqlite3.Error:
        return 0


def kill_driver_midway(store_path, backend, limit=60, block=5, delay=0.4, workers=1, min_done=3):
    """Start a driver in a subprocess, SIGKILL it once ``min_done`` shards are stored; return the run id."""
    code = DRIVER.format(tests=str(TESTS), limit=limit, block=block, delay=delay, store=store_path,
                         backend=backend, workers=workers)
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    deadline = time.time() + 120
    while done_shards(store_path) < min_done:
        assert proc.poll() is None, "driver ended before it could be killed"
        assert time.time() < deadline, "driver made no progress"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and every worker it started
    proc.wait()
    with Store(store_path) as store:
        [run] = store.runs()
        status = store.shard_status(run.id)
    done = sum(s == "done" for s in status.values())
    assert min_done <= done < len(status), "the kill must leave the run unfinished"
    assert run.status == "running"
    return run.id


def assert_store_equals_clean_run(store_path, limit):
    with Store(store_path) as store:
        rows = list(store.conjectures())
        keys = [r.record.key for r in rows]
        assert len(keys) == len(set(keys)), "duplicates in the store"
        assert set(keys) == expected_keys(limit), "resumed store differs from a clean run"
        assert all(r.times_seen == 1 for r in rows), "a shard was stored twice"
        [run] = store.runs()
        assert run.status == "finished"
        assert set(store.shard_status(run.id).values()) == {"done"}


def expected_pipeline_keys(limit):
    """A clean toy pipeline run: the sums of two squares below ``limit`` and one record per gap size."""
    from toy_engine import two_squares
    from discover.records import canonical_key

    values = [k for k in range(limit) if two_squares(k)]
    gaps = {b - a for a, b in zip(values, values[1:])}
    return expected_keys(limit) | {canonical_key("toy", "gap", g) for g in gaps}
