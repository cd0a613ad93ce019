"""Shared helpers for the runner fault tests (local and Ray)."""

import os
import shutil
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


# ---------------------------------------------------------------- a real multi-node Ray cluster
# A node's raylet (and so every worker it starts) gets this directory first on PYTHONPATH: its
# sitecustomize hides discover, cli and toy_engine unless they come from a Ray runtime environment
# (what the runner ships), and logs each decision, so a test sees where shards got their code from.
HIDE_SITECUSTOMIZE = textwrap.dedent('''
    import os, sys
    from importlib.machinery import PathFinder

    HIDDEN = {"discover", "cli", "toy_engine"}
    LOG = os.environ.get("DISCOVER_TEST_HIDE_LOG")

    def _log(what):
        if LOG:
            with open(LOG, "a") as out:
                out.write(what + "\\n")

    class HideUnshipped:
        @classmethod
        def find_spec(cls, name, path=None, target=None):
            if name.split(".")[0] not in HIDDEN:
                return None
            if path is None:  # a top-level name: only from a runtime environment Ray unpacked
                path = [p for p in sys.path if "runtime_resources" in p]
            spec = PathFinder.find_spec(name, path)
            if spec is None or "runtime_resources" not in (spec.origin or ""):
                _log("blocked " + name)
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            _log("shipped " + name)
            return spec

    sys.meta_path.insert(0, HideUnshipped)
''')


class RayTestCluster:
    """A head and worker nodes started with ``ray start`` on this machine, each with its own raylet,
    ports and temp dir, each in its own process session: :meth:`stop` kills exactly those sessions
    (never ``ray stop``, which would stop every Ray on the machine). Token authentication with a token
    of its own, in :attr:`env` (what a driver needs to join)."""

    def __init__(self):
        import secrets
        import tempfile

        self.root = Path(tempfile.mkdtemp(prefix="drc", dir="/tmp"))  # short: Ray's socket paths are long
        self.env = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(16)}
        self.sessions: list[int] = []
        self.address = None
        self.hide_log = self.root / "hide.log"

    def _start(self, name, **kwargs):
        from discover.runner.ray_local import start_node

        kwargs["env"] = {**self.env, **kwargs.get("env", {})}
        self.sessions.append(start_node(str(self.root / name), object_store_bytes=80 * 1024 * 1024, **kwargs))

    def start_head(self, num_cpus=0):
        from discover.runner.ray_local import free_ports

        gcs = free_ports(1)[0]
        self._start("head", num_cpus=num_cpus, head_port=gcs)
        self.address = f"127.0.0.1:{gcs}"
        return self.address

    def add_node(self, num_cpus, hide_discover=False):
        """Join a worker node; with ``hide_discover`` it cannot import discover unless shipped."""
        extra = {}
        if hide_discover:
            site = self.root / "hide"
            site.mkdir(exist_ok=True)
            (site / "sitecustomize.py").write_text(HIDE_SITECUSTOMIZE)
            extra = {"PYTHONPATH": str(site), "DISCOVER_TEST_HIDE_LOG": str(self.hide_log)}
        self._start(f"node{len(self.sessions)}", num_cpus=num_cpus, join=self.address, env=extra)

    def hide_log_lines(self):
        return self.hide_log.read_text().splitlines() if self.hide_log.exists() else []

    def stop(self):
        """Kill every process this cluster started (each ``ray start`` session), nothing else."""
        for session in self.sessions:
            try:
                os.killpg(session, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.sessions.clear()
        shutil.rmtree(self.root, ignore_errors=True)
