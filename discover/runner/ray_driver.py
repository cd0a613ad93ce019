"""The persistent Ray driver: one process joined to a cluster, kept between commands.

A ``--backend ray`` command that joins the cluster itself pays two Python start-ups that have nothing
to do with its shards: its own ``import ray`` and ``ray.init`` (2-4 s), and the worker processes Ray
starts for its job (a job's workers are never reused by the next job: 5-15 s, twice that with a runtime
environment). ``discover ray driver up`` (and ``discover ray up``, which starts one for its instance)
pays them once: this process joins the cluster (one Ray job, so its workers stay alive with discover,
Numba and each engine imported after first use) and serves the commands of this user on this machine.
A command then sends its run over a Unix socket and receives each shard's outcome as it finishes; it
never imports Ray, and stores the records itself exactly as with its own connection
(:mod:`discover.runner.ray_driver_client`).

How it works:

* It joins the cluster as :func:`~discover.runner.ray_cluster.connect` does for a command: the
  instance of ``discover ray up`` (no address; its workers use this process's import path, nothing
  shipped, when the head is alone) or the cluster at ``--ray-address`` (the ``discover`` package
  shipped as the job's runtime environment, unless ``DISCOVER_RAY_SHIP=0``).
* It listens on a Unix socket in a directory only this user can open (mode 0700); every connection
  must answer a challenge with a random key kept there (mode 0600), as the warm pool does.
* One thread per command. A run arrives as the engine's ``run_shard`` and spec pickled once (the
  driver never unpickles them, so it needs no engine module), the command's import path and the
  shards. Each shard is a 1-CPU Ray task (:func:`run_task`) that loads the engine in its worker (once
  per run) and returns the pickled :class:`~discover.runner.outcome.ShardOutcome`; the scheduling,
  retries, stopping and node checks are those of :func:`~discover.runner.ray_backend.dispatch`.
* It serves a command only when the command would get the same thing by joining itself: the same
  cluster, the same code (:func:`~discover.runner.state.code_stamp`), the same shipping; otherwise the
  command is refused at its hello and joins the cluster itself.
* It ends when told (``down``, SIGTERM), and by itself when the cluster's GCS stops answering.

``DISCOVER_RAY_DRIVER_DIR`` moves its directory (default: ``ray-driver`` beside the record of
``discover ray up``, :func:`~discover.runner.ray_cluster.local_state_path`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

START_SECONDS = 180.0  # `driver up` waits this long for the driver to join and answer
WARM_SECONDS = 60.0  # and this long for its first workers to load discover and Numba
IDLE_PROBE_SECONDS = 1.0
MARKER = b"discover.runner.ray_driver"


def driver_dir() -> Path:
    """The driver's directory: ``DISCOVER_RAY_DRIVER_DIR``, else ``ray-driver`` beside the record of
    ``discover ray up`` (so a ``DISCOVER_RAY_STATE`` of a test or a second setup moves both)."""
    override = os.environ.get("DISCOVER_RAY_DRIVER_DIR")
    if override:
        return Path(override)
    from discover.runner.ray_cluster import local_state_path

    return local_state_path().with_name("ray-driver")


def ship_settings() -> dict:
    """The settings that decide what a run ships, as this process has them."""
    return {"ship": os.environ.get("DISCOVER_RAY_SHIP", "1") != "0", "pip": os.environ.get("DISCOVER_RAY_PIP") == "1"}


def read_state() -> dict | None:
    from discover.runner.state import read_record

    state = read_record(driver_dir() / "driver.json")
    return state if state is not None and isinstance(state.get("cluster"), str) else None


def status() -> dict | None:
    """The running driver's record (with ``stale`` when its code is not this command's), or None."""
    from discover.runner.state import running_record

    return running_record(read_state())


# --- in the Ray worker ----------------------------------------------------------------------------------
_loaded: dict = {}  # per worker process: the engine and spec of the run it served last, by digest


def run_task(paths: list[str], payload: bytes, digest: str, shards: list, wanted: dict) -> list[tuple[str | None, bytes]]:
    """The Ray task of a run served by the driver: put the command's import path on ``sys.path`` (an
    engine outside discover, say a plugin), load ``(run_shard, spec)`` from ``payload`` once per run,
    run the shards as :func:`~discover.runner.ray_shipping.run_on_node` does; for each, (the node's
    fatal problem or None, the pickled outcome)."""
    import pickle

    from discover.runner.ray_shipping import run_on_node

    for path in paths:
        if path not in sys.path:
            sys.path.append(path)
    engine = _loaded.get(digest)
    if engine is None:
        _loaded.clear()
        engine = _loaded[digest] = pickle.loads(payload)
    run_shard, spec = engine
    return [((outcome.error if outcome.fatal else None), pickle.dumps(outcome))
            for outcome in run_on_node(run_shard, spec, shards, wanted)]


def warm_worker() -> int:
    """A task that leaves its worker with discover's runner and Numba loaded (the start-up every
    command's first shard would otherwise pay)."""
    import time

    import discover.kernels.numba_start  # noqa: F401
    import discover.runner.ray_shipping  # noqa: F401

    time.sleep(0.5)  # hold the CPU a moment, so the tasks spread over one worker per CPU
    return os.getpid()


# --- the server -----------------------------------------------------------------------------------------
class _CommandLeft(Exception):
    """The command cancelled its run (Ctrl-C, an error) or its connection closed."""


class Server:
    """The joined cluster and what every run needs from it."""

    def __init__(self, address: str | None):
        from discover.runner.outcome import run_one
        from discover.runner.ray_cluster import connect, gcs_of
        from discover.runner.ray_shipping import pins, runtime_env

        self.settings = ship_settings()
        # what a command gets by joining: discover shipped (an engine outside it is refused, below)
        self.connection = connect(address, None, runtime_env(run_one))
        import ray

        self.ray = ray
        self.gcs = gcs_of(ray, self.connection)
        self.cluster = (f"{self.gcs[0]}:{self.gcs[1]}" if self.gcs else self.connection.address) or ""
        self.ray_up = address is None
        self.wanted = pins()
        self.remote = ray.remote(num_cpus=1, max_retries=3, retry_exceptions=False)(run_task)

    def warm_up(self) -> None:
        """One :func:`warm_worker` per CPU of the cluster, waited for (at most :data:`WARM_SECONDS`)."""
        from discover.runner.ray_backend import _cluster_cpus

        cpus = int(max(0.0, _cluster_cpus(self.ray)))
        if cpus:
            warm = self.ray.remote(num_cpus=1)(warm_worker)
            refs = [warm.remote() for _ in range(cpus)]
            self.ray.wait(refs, num_returns=len(refs), timeout=WARM_SECONDS)

    def refusal(self, hello: dict) -> str | None:
        """Why this driver cannot serve a command (None: it can). ``hello``: whether the command named
        the cluster, its shipping settings, the top-level module of its engine."""
        from discover.runner.ray_cluster import alive_nodes

        if hello.get("pip") != self.settings["pip"]:
            return "DISCOVER_RAY_PIP differs from the driver's"
        if self.connection.shipped:
            if hello.get("named") and not hello.get("ship"):
                return "DISCOVER_RAY_SHIP=0, and the driver ships the code"
            if hello.get("top") != "discover":
                return f"the engine's module {hello.get('top')} is not in what the driver ships"
            return None
        if hello.get("named") and hello.get("ship"):
            return "the driver ships nothing (it serves this machine's own instance)"
        if self.ray_up and not hello.get("named") and alive_nodes(self.ray, self.cluster) != 1:
            return "other machines joined the instance since the driver started, and it ships nothing"
        return None

    def serve_connection(self, conn) -> None:
        try:
            while True:
                kind, body = conn.recv()
                if kind == "ping":
                    conn.send(("pong", {"pid": os.getpid(), "cluster": self.cluster}))
                elif kind == "hello":
                    reason = self.refusal(body)
                    conn.send(("refused", reason) if reason else
                              ("ready", {"pid": os.getpid(), "description": self.connection.description}))
                elif kind == "run":
                    self.run(conn, body)
        except (EOFError, OSError, ValueError, TypeError):
            pass
        finally:
            conn.close()

    def run(self, conn, request: dict) -> None:
        """Stream the outcomes of one stage's shards to the command, a message per finished batch."""
        import hashlib

        from discover.runner.outcome import BackendStopped
        from discover.runner.ray_backend import ClusterWatch, collect, dispatch, noting_unfit

        ray = self.ray
        payload = request["payload"]
        digest = hashlib.blake2b(payload, digest_size=16).hexdigest()
        payload_ref, paths = ray.put(payload), list(request["paths"])
        watch = ClusterWatch(self.gcs, self.connection.description)

        def command_left():
            if conn.poll(0):  # a cancel, or the connection closed
                try:
                    conn.recv()
                except (EOFError, OSError):
                    pass
                raise _CommandLeft
            return None

        outcomes_of, cancel_on_leave = noting_unfit(self._outcomes)
        try:
            for batch in dispatch(ray, lambda chunk: self.remote.remote(paths, payload_ref, digest, chunk, self.wanted),
                                  request["shards"], command_left, watch, float(request["no_cpu_wait"]),
                                  cancel_on_leave):
                conn.send(("outcomes", collect(batch, outcomes_of)))
            conn.send(("end", None))
        except BackendStopped as exc:
            conn.send(("stopped", str(exc)))
            if watch.lost:
                self.stop()
        except _CommandLeft:
            pass

    def _outcomes(self, ref, chunk: list) -> list[bytes]:
        import pickle

        from discover.runner.outcome import NodeUnfit
        from discover.runner.ray_backend import task_failure

        try:
            results = self.ray.get(ref)
        except self.ray.exceptions.RayError as exc:
            return [pickle.dumps(task_failure(self.ray, exc, shard)) for shard in chunk]
        for fatal, _ in results:
            if fatal is not None:
                raise NodeUnfit(fatal)
        return [data for _, data in results]

    def watch_cluster(self) -> None:
        """Stop the driver when the cluster's GCS has been silent for twice
        :data:`~discover.runner.ray_backend.LOST_SECONDS` (a run in progress says so first, at once)."""
        import time

        from discover.runner.ray_backend import LOST_SECONDS
        from discover.runner.ray_cluster import probe

        silent_since = None
        while self.gcs is not None:
            time.sleep(IDLE_PROBE_SECONDS)
            if probe(*self.gcs, timeout=1.0) is None:
                silent_since = None
                continue
            silent_since = silent_since or time.monotonic()
            if time.monotonic() - silent_since >= 2 * LOST_SECONDS:
                print(f"discover ray driver: {self.connection.description} stopped answering; stopping",
                      file=sys.stderr, flush=True)
                self.stop()

    def stop(self, *_) -> None:
        directory = driver_dir()
        state = read_state()
        if state is not None and int(state["pid"]) == os.getpid():
            (directory / "driver.json").unlink(missing_ok=True)
            (directory / "driver.sock").unlink(missing_ok=True)
        os._exit(0)


def serve(directory: Path, address: str | None) -> None:
    """The driver's main: join, warm the workers, record itself, serve a thread per connection."""
    import signal
    import threading

    from discover.runner.state import listen

    server = Server(address)
    server.warm_up()
    listener = listen(directory, "driver", {
        "cluster": server.cluster, "ray_up": server.ray_up, "shipped": server.connection.shipped,
        **server.settings, "description": server.connection.description})
    signal.signal(signal.SIGTERM, server.stop)
    signal.signal(signal.SIGINT, server.stop)
    threading.Thread(target=server.watch_cluster, name="discover-driver-watch", daemon=True).start()
    print(f"discover ray driver: serving {server.connection.description} (pid {os.getpid()})", file=sys.stderr,
          flush=True)
    while True:
        try:
            conn = listener.accept()
        except Exception:  # noqa: BLE001 - a failed handshake (wrong key) ends that connection only
            continue
        threading.Thread(target=server.serve_connection, args=(conn,), name="discover-driver-command",
                         daemon=True).start()


# --- up, down ---------------------------------------------------------------------------------------------
def ping(state: dict, timeout: float) -> bool:
    """True if the driver of ``state`` answers within ``timeout`` seconds."""
    from discover.runner.ray_driver_client import open_connection

    conn = open_connection(state, timeout)
    if conn is None:
        return False
    try:
        conn.send(("ping", None))
        return conn.poll(timeout) and conn.recv()[0] == "pong"
    except (OSError, EOFError):
        return False
    finally:
        conn.close()


def up(address: str | None = None) -> dict:
    """Start the driver for ``address`` (None: the instance of ``discover ray up``), or return the
    running one's record when it serves that cluster with this code and these shipping settings; a
    driver for anything else is stopped first (one driver per directory)."""
    from discover.errors import InputError, RuntimeFailure
    from discover.runner.ray_cluster import check_address, probe, read_local_state, split_address
    from discover.runner.state import start_server

    if address:
        check_address(address)
        if address == "auto":
            raise InputError("--ray-address auto: give the HOST:PORT of the head for a driver")
        problem = probe(*split_address(address))
        if problem is not None:
            raise RuntimeFailure(f"--ray-address {address}: no Ray cluster reachable there ({problem})")
        cluster = split_address(address)
    else:
        local = read_local_state()
        if local is None:
            raise InputError("no `discover ray up` instance runs: start one, or give --ray-address HOST:PORT")
        cluster = split_address(local["address"])
    running = status()
    if (running is not None and not running["stale"] and split_address(running["cluster"]) == cluster
            and running["ray_up"] == (address is None)
            and (running["ship"], running["pip"]) == tuple(ship_settings().values())):
        return {**running, "already": True}
    if running is not None:
        down()
    directory = driver_dir()
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    (directory / "driver.json").unlink(missing_ok=True)
    environment = dict(os.environ)
    environment.pop("RAY_ADDRESS", None)  # the driver joins what it is given, not the caller's default

    def answers(pid: int) -> dict | None:
        state = read_state()
        return {**state, "already": False} if state is not None and state["pid"] == pid and ping(state, 5.0) else None

    return start_server("discover.runner.ray_driver", ["serve", str(directory), address or ""], directory,
                        "driver.log", answers, START_SECONDS, "Ray driver", environment)


def down() -> dict | None:
    """Stop the driver (its process session: the driver itself; Ray ends its job's workers)."""
    from discover.runner.state import stop_server

    state = read_state()
    if state is None:
        return None
    stop_server(int(state["pid"]), MARKER)
    for name in ("driver.json", "driver.sock"):
        (driver_dir() / name).unlink(missing_ok=True)
    return state


if __name__ == "__main__":  # the driver: python -m discover.runner.ray_driver serve DIR [ADDRESS]
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(Path(sys.argv[2]), sys.argv[3] or None)
