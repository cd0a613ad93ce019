"""A command's side of the persistent Ray driver (:mod:`discover.runner.ray_driver`): the Ray backend of
a command that does not join the cluster itself, and never imports Ray.

:func:`attach` decides, in milliseconds, whether the driver serves this command: it runs (its pid is
alive), runs this code (:func:`~discover.runner.state.code_stamp`), is joined to the cluster this
command would use (``--ray-address`` / ``RAY_ADDRESS``, else the instance of ``discover ray up``, whose
GCS must answer), answers within :data:`CONNECT_SECONDS`, and accepts the command's shipping settings
and engine. Otherwise the command joins the cluster itself, as without a driver (a driver that does not
answer, or runs older code, is said on stderr; stdout is never written here).

:class:`DriverBackend` sends each stage's shards and yields their outcomes in the batches the driver
sends them (those that finished together); the runner stores them as with any backend. Ctrl-C, a
cluster lost and a driver that dies mid-run all raise :class:`~discover.runner.outcome.BackendStopped`,
so the run is left ``interrupted`` with its ``--resume`` hint. ``DISCOVER_RAY_DRIVER=0`` makes a
command ignore the driver.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Callable, Iterable, Iterator

from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import BackendStopped, ShardOutcome

CONNECT_SECONDS = 3.0  # a driver that does not connect and answer the hello within this is not used
POLL_SECONDS = 0.25  # how often a waiting command looks at Ctrl-C


def open_connection(state: dict, timeout: float):
    """A connection to the driver of ``state`` (authenticated with its key), or None within ``timeout``
    seconds. The handshake runs in a thread: a driver that accepts but never answers costs the timeout."""
    from multiprocessing.connection import Client

    result: list = []

    def attempt():
        try:
            result.append(Client(state["socket"], family="AF_UNIX", authkey=bytes.fromhex(state["key"])))
        except Exception:  # noqa: BLE001 - no driver to talk to
            result.append(None)

    thread = threading.Thread(target=attempt, name="discover-driver-connect", daemon=True)
    thread.start()
    thread.join(timeout)
    return result[0] if result else None


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _same_cluster(named: str | None, state: dict) -> bool:
    """Whether the driver of ``state`` is joined to the cluster this command would use."""
    from discover.runner.ray_cluster import probe, read_local_state, same_gcs, split_address

    try:
        driver = split_address(state["cluster"])
        if named:
            return (named != "auto" and "://" not in named and not state["ray_up"]
                    and same_gcs(split_address(named), driver) and probe(*driver, timeout=1.0) is None)
        local = read_local_state()  # None unless its GCS answers
        return local is not None and state["ray_up"] and same_gcs(split_address(local["address"]), driver)
    except (ValueError, KeyError, TypeError):
        return False


def _code_differs(theirs: str, ours: str) -> str:
    """Why a driver's code stamp is not this command's, for the user: another copy of discover (under
    ``ray job submit --working-dir`` the command imports Ray's copy of it) or an edited one."""
    their_root, our_root = theirs.split("|")[1:2], ours.split("|")[1:2]
    if their_root != our_root:
        return (f"it runs discover from {their_root[0] if their_root else 'another folder'}, this command "
                f"from {our_root[0]} (under `ray job submit`, leave discover out of --working-dir to use it)")
    return "it runs older code (`discover ray driver up` replaces it)"


def attach(run_shard: Callable[[Any, Shard], ShardResult], options) -> "DriverBackend | None":
    """The driver's backend for this command, or None (join the cluster directly); see the module
    docstring for when."""
    from discover.runner.ray_driver import read_state, ship_settings
    from discover.runner.state import code_stamp, process_alive

    if os.environ.get("DISCOVER_RAY_DRIVER", "1") == "0":
        return None
    state = read_state()
    if state is None or not process_alive(int(state["pid"])):
        return None
    named = options.ray_address or os.environ.get("RAY_ADDRESS") or None
    if not _same_cluster(named, state):
        return None
    ours = code_stamp()
    if state["code"] != ours:
        _say(f"discover: the Ray driver (pid {state['pid']}) is not used: {_code_differs(state['code'], ours)}")
        return None
    conn = open_connection(state, CONNECT_SECONDS)
    reply = None
    try:
        if conn is not None:
            conn.send(("hello", {"named": bool(named), "top": run_shard.__module__.split(".")[0],
                                 **ship_settings()}))
            if conn.poll(CONNECT_SECONDS):
                reply = conn.recv()
    except (OSError, EOFError):
        reply = None
    if reply is None or reply[0] != "ready":
        if conn is not None:
            conn.close()
        if reply is None:
            _say(f"discover: the Ray driver (pid {state['pid']}) did not answer within {CONNECT_SECONDS:.0f} s; "
                 "joining the cluster directly")
        return None
    if not named:
        _say(f"discover: using {reply[1]['description']} through its driver (pid {state['pid']})")
    return DriverBackend(conn, state, run_shard, options)


class DriverBackend:
    """A run's backend through the driver: ``run`` sends one stage's shards and yields their outcomes."""

    def __init__(self, conn, state: dict, run_shard: Callable[[Any, Shard], ShardResult], options):
        self._conn, self._state, self._run_shard, self._options = conn, state, run_shard, options
        self._direct = None  # the command's own Ray connection, for a stage the driver refuses

    def __enter__(self) -> "DriverBackend":
        return self

    def __exit__(self, *exc) -> bool:
        self._conn.close()
        if self._direct is not None:
            return self._direct.__exit__(*exc)
        return False

    def run(self, run_shard: Callable[[Any, Shard], ShardResult], spec: Any,
            shards: Iterable[Shard]) -> Iterator[list[ShardOutcome]]:
        shards = list(shards)
        if self._direct is None:
            refused = yield from self._through_driver(run_shard, spec, shards)
            if refused is None:
                return
            self._join_directly(refused)
        yield from self._direct.run(run_shard, spec, shards)

    def _join_directly(self, why: str) -> None:
        """A later stage the driver cannot serve (its engine elsewhere): this command joins the cluster."""
        from discover.errors import RuntimeFailure
        from discover.runner.ray_backend import RayBackend

        _say(f"discover: the Ray driver cannot run this stage ({why}); joining the cluster directly")
        try:
            self._direct = RayBackend(self._run_shard, self._options.workers, self._options.ray_address).__enter__()
        except RuntimeFailure as exc:  # the run exists by now: leave it resumable
            raise BackendStopped(str(exc)) from None

    def _through_driver(self, run_shard, spec, shards: list[Shard]):
        """Yield the outcomes of ``shards`` from the driver; return None, or why the driver refused."""
        import pickle

        from discover.runner.ray_backend import _StopOnSigint, no_cpu_seconds
        from discover.runner.ray_driver import ship_settings

        conn = self._conn
        try:
            payload = pickle.dumps((run_shard, spec))
        except Exception as exc:  # noqa: BLE001 - e.g. a spec that holds a lambda
            return f"the run cannot be pickled: {type(exc).__name__}"
        if run_shard is not self._run_shard and run_shard.__module__.split(".")[0] != "discover":
            conn.send(("hello", {"named": bool(self._options.ray_address or os.environ.get("RAY_ADDRESS")),
                                 "top": run_shard.__module__.split(".")[0], **ship_settings()}))
            kind, body = self._receive(None)
            if kind == "refused":
                return body
        finished = False
        try:
            with _StopOnSigint() as stop:
                conn.send(("run", {"payload": payload, "paths": [p for p in sys.path if p], "shards": shards,
                                   "no_cpu_wait": no_cpu_seconds()}))
                while True:
                    kind, body = self._receive(stop)
                    if kind == "outcomes":
                        yield [pickle.loads(data) for data in body]
                    elif kind == "stopped":
                        finished = True  # the driver has left the run already
                        raise BackendStopped(body)
                    elif kind == "end":
                        finished = True
                        return None
        finally:
            if not finished:  # Ctrl-C, or the consumer stopped: the driver cancels what is in flight
                try:
                    conn.send(("cancel", None))
                except (OSError, ValueError):
                    pass

    def _receive(self, stop):
        """The driver's next message; Ctrl-C (``stop``) and a driver gone raise BackendStopped."""
        conn = self._conn
        try:
            while not conn.poll(POLL_SECONDS):
                if stop is not None and stop.requested.is_set():
                    raise BackendStopped(stop.reason)
            return conn.recv()
        except (EOFError, OSError):
            raise BackendStopped(self._why_driver_left()) from None

    def _why_driver_left(self) -> str:
        """The driver's connection broke mid-run: because its cluster is gone (Ray ends a driver whose
        raylet died), or the driver itself died."""
        from discover.runner.ray_cluster import probe, split_address
        from discover.runner.ray_driver import driver_dir

        state = self._state
        if probe(*split_address(state["cluster"]), timeout=2.0) is not None:
            return (f"{state['description']} stopped answering (the cluster is gone or unreachable; the Ray "
                    f"driver, pid {state['pid']}, ended with it)")
        return f"the Ray driver (pid {state['pid']}) stopped during the run (its log: {driver_dir() / 'driver.log'})"
