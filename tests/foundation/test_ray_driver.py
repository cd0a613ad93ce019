"""The persistent Ray driver (discover/runner/ray_driver.py, `discover ray driver`), on a real Ray head.

`discover ray up --num-cpus 1` (token auth with a token of its own, its record and the driver's
directory in a temporary DISCOVER_RAY_STATE) starts the head and the driver; the commands of this module
hand their shards to the driver and must never import Ray themselves. Tests run in file order and share
the head; the last two kill the driver and then the head on purpose. Only processes this module started
are stopped (the head's process session, the driver's pid), never `ray stop`.

The first tests need no Ray at all: when the driver must be passed over (it does not answer, runs other
code, serves another cluster), `attach` says so within its timeout and the command joins the cluster
itself.
"""

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from runner_support import (RayTestCluster, TESTS, assert_store_equals_clean_run, done_shards, expected_keys,
                            expected_pipeline_keys)

from discover.runner import RunOptions, run_search
from discover.runner import ray_driver, ray_driver_client
from discover.runner.state import code_stamp, process_alive

TOY = [sys.executable, str(TESTS / "toy_engine.py"), "toy"]  # `discover toy ...`
IMPORTS_RAY = re.compile(r"\|\s+ray(\.|$)")  # a `python -X importtime` line for ray or one of its modules


# ------------------------------------------------------------------ when the driver is passed over (no Ray)
@pytest.fixture()
def fake_driver(tmp_path, monkeypatch):
    """A `discover ray up` record whose "GCS" is a TCP port that accepts, and a driver record whose socket
    accepts connections but never answers (a hung driver)."""
    gcs = socket.socket()
    gcs.bind(("127.0.0.1", 0))
    gcs.listen(8)
    address = f"127.0.0.1:{gcs.getsockname()[1]}"
    state = tmp_path / "ray.json"
    state.write_text(json.dumps({"address": address}))
    monkeypatch.setenv("DISCOVER_RAY_STATE", str(state))
    monkeypatch.delenv("DISCOVER_RAY_DRIVER_DIR", raising=False)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    directory = ray_driver.driver_dir()
    directory.mkdir()
    hung = socket.socket(socket.AF_UNIX)
    hung.bind(str(directory / "driver.sock"))
    hung.listen(8)
    record = {"pid": os.getpid(), "key": "00" * 32, "code": code_stamp(), "cluster": address, "ray_up": True,
              "socket": str(directory / "driver.sock"), "ship": True, "pip": False}
    (directory / "driver.json").write_text(json.dumps(record))
    yield directory, record, address
    hung.close()
    gcs.close()


def _attach(address=None):
    from toy_engine import run_shard

    return ray_driver_client.attach(run_shard, RunOptions(backend="ray", ray_address=address))


def test_a_driver_that_does_not_answer_is_passed_over_within_its_timeout(fake_driver, capsys):
    start = time.monotonic()
    assert _attach() is None
    took = time.monotonic() - start
    assert ray_driver_client.CONNECT_SECONDS - 0.5 < took < 2 * ray_driver_client.CONNECT_SECONDS + 2
    out, err = capsys.readouterr()
    assert out == "" and "did not answer" in err and err.count("\n") == 1


def test_a_driver_with_other_code_for_another_cluster_or_switched_off_is_passed_over_at_once(
        fake_driver, capsys, monkeypatch):
    directory, record, address = fake_driver
    path = directory / "driver.json"
    cases = [
        ({**record, "code": record["code"] + "-older"}, {}, None, "runs older code"),  # said: the user may want it
        ({**record, "code": record["code"].replace("|", "|/elsewhere", 1)}, {}, None,
         "runs discover from /elsewhere"),  # another copy (`ray job submit --working-dir`)
        ({**record, "cluster": "127.0.0.1:1"}, {}, None, ""),  # serves another cluster
        (record, {}, address, ""),  # the command names the cluster: only a driver started for that address
        ({**record, "ray_up": False}, {}, None, ""),  # no address: only the driver of `discover ray up`
        (record, {"DISCOVER_RAY_DRIVER": "0"}, None, ""),
        ({**record, "pid": 2 ** 22 + 1}, {}, None, ""),  # a driver that is gone
    ]
    for state, env, named, said in cases:
        path.write_text(json.dumps(state))
        with monkeypatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            start = time.monotonic()
            assert _attach(named) is None
            assert time.monotonic() - start < 1.5
        out, err = capsys.readouterr()
        assert out == ""
        assert (said in err and err.count("\n") == 1) if said else err == ""


def _own_address() -> str | None:
    """This machine's address on its outgoing interface (a UDP socket only picks a route: nothing is sent),
    or None when it has none but loopback."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("198.51.100.7", 9))  # TEST-NET-2: routed, never reached
            ip = sock.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


def test_a_driver_serves_its_cluster_however_the_command_spells_the_address(fake_driver):
    """`ray job submit` puts the head's IP in RAY_ADDRESS; a driver started with 127.0.0.1 or a host name
    for the same GCS must still be used, and one port of one machine is one GCS."""
    from discover.runner.ray_cluster import same_gcs

    directory, record, address = fake_driver
    port = int(address.rsplit(":", 1)[1])
    state = {**record, "ray_up": False}
    assert ray_driver_client._same_cluster(f"localhost:{port}", state)
    assert ray_driver_client._same_cluster(f"127.0.0.1:{port}", state)
    assert not ray_driver_client._same_cluster(f"127.0.0.1:{port + 1 if port < 65535 else port - 1}", state)
    assert not ray_driver_client._same_cluster(f"198.51.100.7:{port}", state)  # another machine
    assert not ray_driver_client._same_cluster(f"no-such-host.invalid:{port}", state)
    own = _own_address()
    if own is not None:
        assert ray_driver_client._same_cluster(f"{own}:{port}", state)
        assert same_gcs((own, 6379), ("localhost", 6379)) and not same_gcs((own, 6379), ("198.51.100.7", 6379))


def test_driver_up_refuses_at_once_what_it_cannot_join(tmp_path, monkeypatch):
    """No `discover ray up` instance, a malformed address, `auto`, an address where nothing listens: one
    line each, within seconds, and no driver recorded."""
    from bad_input import assert_refused, run_cli

    monkeypatch.setenv("DISCOVER_RAY_STATE", str(tmp_path / "ray.json"))
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.delenv("DISCOVER_RAY_DRIVER_DIR", raising=False)
    store = str(tmp_path / "s.sqlite")
    assert_refused(["ray", "driver", "up"], "discover ray up", store)
    assert_refused(["ray", "driver", "up", "--ray-address", "nonsense"], "--ray-address nonsense", store)
    assert_refused(["ray", "driver", "up", "--ray-address", "auto"], "--ray-address auto", store)
    assert_refused(["ray", "driver", "up", "--ray-address", "127.0.0.1:9"], "--ray-address 127.0.0.1:9", store,
                   status=1)
    assert not (tmp_path / "ray-driver" / "driver.json").exists()
    code, out, _, _ = run_cli(["ray", "driver", "status"])
    assert code == 0 and out.startswith("no Ray driver running")


# ------------------------------------------------------------------ a real head and its driver
@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    state = tmp_path_factory.mktemp("ray-driver") / "ray.json"
    test_cluster = RayTestCluster()
    test_cluster.env["DISCOVER_RAY_STATE"] = str(state)
    env = {**os.environ, **test_cluster.env}
    env.pop("RAY_ADDRESS", None)
    env.pop("DISCOVER_RAY_DRIVER_DIR", None)
    test_cluster.env_full = env
    up = subprocess.run([sys.executable, "-m", "cli.main", "ray", "up", "--num-cpus", "1"], capture_output=True,
                        text=True, env=env, timeout=300)
    record = json.loads(state.read_text()) if state.exists() else {}
    if "session" in record:
        test_cluster.sessions.append(record["session"])
    drivers = []
    test_cluster.drivers = drivers
    try:
        assert up.returncode == 0, up.stderr
        assert "Ray driver started" in up.stdout
        test_cluster.address = record["address"]
        drivers.append(_driver_record(test_cluster)["pid"])
        yield test_cluster
    finally:
        subprocess.run([sys.executable, "-m", "cli.main", "ray", "down"], capture_output=True, env=env, timeout=60)
        for pid in drivers:  # only the drivers this module started
            if process_alive(pid):
                os.kill(pid, signal.SIGKILL)
        test_cluster.stop()


def _driver_record(cluster):
    """The driver's record (its directory is beside the `discover ray up` record)."""
    return json.loads((Path(cluster.env["DISCOVER_RAY_STATE"]).with_name("ray-driver") / "driver.json").read_text())


def toy(cluster, store, *args, env=None, importtime=False):
    """`discover toy --backend ray` without an address (so: the driver of `discover ray up`)."""
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), *TOY[1:], "--backend", "ray",
               "--store", str(store), *args]
    return subprocess.Popen(command, env={**cluster.env_full, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, cwd=str(TESTS.parent))


def finish(proc, timeout=180):
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def records(out):
    return [json.loads(line) for line in out.splitlines()]  # anything else on stdout would not parse


def run_status(store):
    return [row[0] for row in sqlite3.connect(store).execute("SELECT status FROM runs ORDER BY id")]


def wait_until_stored(proc, store, shards, seconds=120):
    """Return once the command's run has ``shards`` shards stored; it must be running until then."""
    deadline = time.monotonic() + seconds
    while done_shards(str(store)) < shards:
        assert proc.poll() is None, "the command ended early"
        assert time.monotonic() < deadline, "the command made no progress"
        time.sleep(0.05)


def assert_left_interrupted(proc, store, why, seconds=30):
    """The command ends within ``seconds``, exit 1, saying ``why`` and the --resume hint, its stdout JSON
    records only, and its run ``interrupted`` in the store."""
    code, out, err = finish(proc, timeout=seconds)
    assert code == 1 and why in err and "continue with --resume 1" in err and "Traceback" not in err, err
    records(out)
    assert run_status(store) == ["interrupted"]


def _said(err):
    """stderr without `python -X importtime`'s lines."""
    return [line for line in err.splitlines() if not line.startswith("import time:")]


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_a_command_runs_through_the_driver_without_importing_ray(cluster, tmp_path):
    """Records stream to stdout (JSON only, each key once), stderr says which driver, and the command's
    process never imports Ray (checked with `python -X importtime`)."""
    pid = _driver_record(cluster)["pid"]
    code, out, err = finish(toy(cluster, tmp_path / "s.sqlite", "--json", "--limit", "200", "--block", "5",
                                importtime=True))
    assert code == 0, err
    assert _said(err) == [f"discover: using the local Ray instance of `discover ray up` ({cluster.address}) "
                          f"through its driver (pid {pid})"]
    assert not [line for line in err.splitlines() if line.startswith("import time:") and IMPORTS_RAY.search(line)]
    assert sorted(r["key"] for r in records(out)) == sorted(expected_keys(200))
    assert_store_equals_clean_run(str(tmp_path / "s.sqlite"), 200)
    status = subprocess.run([sys.executable, "-m", "cli.main", "ray", "driver", "status"], capture_output=True,
                            text=True, env=cluster.env_full, timeout=60)
    assert status.stdout.startswith(f"Ray driver running (pid {pid})") and "commands use it" in status.stdout


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_faults_through_the_driver_are_retried_or_reported_by_shard(cluster, tmp_path):
    """A worker that kills itself mid-shard is retried by Ray; a shard that raises is reported by id and
    the others are stored."""
    crash = tmp_path / "crash"
    crash.mkdir()
    code, out, err = finish(toy(cluster, tmp_path / "s.sqlite", "--json", "--limit", "40", "--block", "10",
                                "--crash-once-dir", str(crash), "--fail-block", "2"))
    assert "through its driver" in err
    assert (crash / "crashed").exists()
    assert code == 1 and "shard block-2 failed" in err and "configured to fail" in err
    block_2 = expected_keys(30) - expected_keys(20)
    assert {r["key"] for r in records(out)} == expected_keys(40) - block_2


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_a_pipeline_and_the_canonical_representative_through_the_driver(cluster, tmp_path, monkeypatch):
    """In the library: both stages of a pipeline go through one connection; equivalent records keep the
    least statement whatever shard finishes first (the identity a^2 + b^2 = b^2 + a^2 words each key
    twice)."""
    from toy_engine import ENGINE, LAST_FIRST_ENGINE, PIPELINE, ToySpec, two_squares

    for name, value in cluster.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    backend = ray_driver_client.attach(ENGINE.run_shard, RunOptions(backend="ray"))
    assert isinstance(backend, ray_driver_client.DriverBackend)
    backend.__exit__(None, None, None)

    summary = run_search(PIPELINE, ToySpec(limit=60, block=5), RunOptions(store=str(tmp_path / "p"), backend="ray"))
    assert not summary.shards_failed
    assert {r.key for r in summary.records} == expected_pipeline_keys(60)

    spec = ToySpec(limit=40, block=10, aliases=True)
    statements = []
    for engine, name in [(ENGINE, "f"), (LAST_FIRST_ENGINE, "b")]:
        run = run_search(engine, spec, RunOptions(store=str(tmp_path / name), backend="ray"))
        statements.append({r.key: r.statement for r in run.records})
    least = {r: min(f"{k} = {a}^2 + {b}^2", f"{k} = {b}^2 + {a}^2")
             for r, k in ((key, int(s.split(" = ")[0])) for key, s in statements[0].items())
             for a, b in [two_squares(k)]}
    assert statements[0] == statements[1] == least


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_ctrl_c_through_the_driver_leaves_the_run_interrupted_and_resume_finishes_it(cluster, tmp_path):
    store = tmp_path / "s.sqlite"
    proc = toy(cluster, store, "--json", "--limit", "60", "--block", "5", "--delay", "0.4")
    wait_until_stored(proc, store, 1)
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    assert_left_interrupted(proc, store, "interrupted (Ctrl-C)")
    assert time.monotonic() - sent < 5
    code, out, err = finish(toy(cluster, store, "--json", "--limit", "60", "--block", "5", "--resume", "1"))
    assert code == 0, err
    assert "through its driver" in err
    assert {r["key"] for r in records(out)} == expected_keys(60)
    assert_store_equals_clean_run(str(store), 60)


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_a_met_goal_through_the_driver_stops_the_other_tasks_and_the_driver_serves_the_next_command(cluster,
                                                                                                  tmp_path):
    """Block 0 finds the goal (5); blocks 1 and 2 would sleep 12 s each: the command ends without them
    (marked stopped), and the driver, having cancelled them, runs the next command. (Ray's cancel, never
    forced, does not interrupt a task that is sleeping: the one running holds the cluster's one CPU to its
    end, which the next command waits for.)"""
    store = tmp_path / "s.sqlite"
    tic = time.monotonic()
    code, out, err = finish(toy(cluster, store, "--limit", "30", "--block", "10", "--goal", "5", "--slow-from", "1",
                                "--slow-delay", "12"))
    assert code == 0, err
    assert time.monotonic() - tic < 10 and "2 more stopped: 5 found" in err
    statuses = dict(sqlite3.connect(store).execute("SELECT shard_id, status FROM shards").fetchall())
    assert statuses == {"block-0": "done", "block-1": "stopped", "block-2": "stopped"}
    code, out, err = finish(toy(cluster, tmp_path / "t.sqlite", "--json", "--limit", "40", "--block", "10"))
    assert code == 0, err
    assert sorted(r["key"] for r in records(out)) == sorted(expected_keys(40))


@pytest.mark.ray
@pytest.mark.slow  # 14 s; Ctrl-C through the driver and a driver that does not answer stay in the default run
@pytest.mark.timeout(400)
def test_a_driver_killed_mid_run_leaves_it_interrupted_and_the_next_command_joins_directly(cluster, tmp_path):
    store = tmp_path / "s.sqlite"
    pid = _driver_record(cluster)["pid"]
    proc = toy(cluster, store, "--json", "--limit", "60", "--block", "5", "--delay", "0.4")
    wait_until_stored(proc, store, 1)
    os.kill(pid, signal.SIGKILL)
    assert_left_interrupted(proc, store, f"the Ray driver (pid {pid}) stopped during the run")
    # the record is left behind by a killed driver: the next command sees its pid gone and joins itself
    code, out, err = finish(toy(cluster, store, "--json", "--limit", "60", "--block", "5", "--resume", "1"),
                            timeout=240)
    assert code == 0, err
    assert "through its driver" not in err and "using the local Ray instance" in err
    assert_store_equals_clean_run(str(store), 60)
    # a new driver for the last test
    up = subprocess.run([sys.executable, "-m", "cli.main", "ray", "driver", "up"], capture_output=True, text=True,
                        env=cluster.env_full, timeout=300)
    assert up.returncode == 0 and "Ray driver started" in up.stdout, up.stderr
    cluster.drivers.append(_driver_record(cluster)["pid"])


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_losing_the_cluster_through_the_driver_leaves_the_run_interrupted(cluster, tmp_path):
    """Last: the head (GCS and raylet) killed mid-run. The command says so and leaves the run
    resumable; the driver then stops by itself."""
    store = tmp_path / "s.sqlite"
    pid = _driver_record(cluster)["pid"]
    proc = toy(cluster, store, "--json", "--limit", "200", "--block", "5", "--delay", "0.4")
    wait_until_stored(proc, store, 2)
    cluster.stop()
    assert_left_interrupted(proc, store, "stopped answering", seconds=90)
    deadline = time.monotonic() + 30
    while process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not process_alive(pid)
