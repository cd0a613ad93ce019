"""The warm pool (discover/runner/warm.py, `discover warm up|down|status`), with a real server process.

The server is started by the test in a directory of its own (DISCOVER_WARM_DIR) and stopped by its PID.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DISCOVER = [sys.executable, "-m", "cli.main"]

# ex(10; {C3, C4}) = 15 (the Petersen graph), a fact the search finds within a second
PETERSEN_SEARCH = ["extremal", "search", "--problem", "c3c4", "--n", "10", "--time", "2", "--stop-at", "exact",
                   "--workers", "1", "--json"]


def _discover(args, env, timeout=300):
    return subprocess.run(DISCOVER + args, capture_output=True, text=True, env=env, timeout=timeout)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
    except (OSError, IndexError):
        return False


@pytest.fixture()
def pool(tmp_path):
    env = {**os.environ, "DISCOVER_WARM_DIR": str(tmp_path / "warm"), "DISCOVER_WARM": "1"}
    up = _discover(["warm", "up"], env)
    assert up.returncode == 0, up.stderr
    state = json.loads((tmp_path / "warm" / "warm.json").read_text())
    try:
        yield env, state["pid"], tmp_path
    finally:
        if _alive(state["pid"]):
            _discover(["warm", "down"], env, timeout=60)
        if _alive(state["pid"]):
            os.kill(state["pid"], signal.SIGKILL)


def _edges(stdout: str) -> int:
    return max(json.loads(line)["edges"] for line in stdout.splitlines() if line.startswith("{"))


def test_a_command_runs_its_shards_in_the_pool_without_loading_numba(pool):
    env, server, tmp = pool
    script = ("import sys\nfrom cli.main import cli\n"
              f"code = cli.main({PETERSEN_SEARCH + ['--store', str(tmp / 's.sqlite')]!r}, standalone_mode=False)\n"
              "print('numba loaded' if 'numba' in sys.modules else 'numba not loaded', file=sys.stderr)\n"
              "sys.exit(code)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert _edges(out.stdout) == 15
    assert "numba not loaded" in out.stderr
    status = _discover(["warm", "status"], env)
    assert f"pid {server}" in status.stdout and "commands use it" in status.stdout


def test_a_killed_command_leaves_no_work_running_in_the_pool(pool):
    env, server, tmp = pool
    command = subprocess.Popen(DISCOVER + ["extremal", "search", "--problem", "c3c4", "--n", "60", "--time", "120",
                                           "--workers", "1", "--store", str(tmp / "s.sqlite")],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not _children(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        children = _children(server)
        assert children, "the command never reached the pool"
    finally:
        command.kill()
        command.wait()
    deadline = time.monotonic() + 5
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(c) for c in children)
    assert _alive(server)


def test_a_dead_pool_is_not_used_and_commands_still_run(pool):
    env, server, tmp = pool
    os.kill(server, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _alive(server) and time.monotonic() < deadline:
        time.sleep(0.1)
    out = _discover(PETERSEN_SEARCH + ["--store", str(tmp / "s.sqlite")], env)
    assert out.returncode == 0, out.stderr
    assert _edges(out.stdout) == 15
    assert "no warm pool running" in _discover(["warm", "status"], env).stdout


def test_down_stops_the_pool_and_forgets_it(pool):
    env, server, tmp = pool
    out = _discover(["warm", "down"], env, timeout=60)
    assert out.returncode == 0 and f"pid {server}" in out.stdout
    assert not _alive(server)
    assert not (tmp / "warm" / "warm.json").exists()
    assert "no warm pool was running" in _discover(["warm", "down"], env).stdout


def test_a_pool_with_other_code_or_a_wrong_key_is_not_used(tmp_path, monkeypatch):
    from multiprocessing.connection import Listener

    from discover.runner import warm

    monkeypatch.setenv("DISCOVER_WARM_DIR", str(tmp_path))
    monkeypatch.setenv("DISCOVER_WARM", "1")
    listener = Listener(str(tmp_path / "warm.sock"), family="AF_UNIX", authkey=b"the server's key")
    try:
        state = {"pid": os.getpid(), "key": b"another key".hex(), "code": warm.code_stamp()}
        (tmp_path / "warm.json").write_text(json.dumps(state))
        import threading

        threading.Thread(target=lambda: pytest.raises(Exception, listener.accept), daemon=True).start()
        assert warm.connect() is None  # the key does not answer the server's challenge
        (tmp_path / "warm.json").write_text(json.dumps({**state, "code": "older code"}))
        assert warm.connect() is None
        assert warm.status()["stale"] is True
    finally:
        listener.close()


def test_a_met_goal_stops_the_other_lane_in_the_pool(pool):
    """Two lanes through the pool, a minute per size each, --stop-at exact at n = 20, 21 (found within a
    second): the command ends without waiting for the second lane, whose child in the pool is ended."""
    env, server, tmp = pool
    tic = time.monotonic()
    out = _discover(["extremal", "search", "--problem", "c3c4", "--n", "20..21", "--time", "60", "--restarts", "2",
                     "--workers", "2", "--stop-at", "exact", "--store", str(tmp / "s.sqlite")], env)
    assert out.returncode == 0, out.stderr
    assert time.monotonic() - tic < 40
    assert "1 more stopped" in out.stderr
    deadline = time.monotonic() + 10
    while _children(server) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(c) for c in _children(server))
    assert _alive(server)
