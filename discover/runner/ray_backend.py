"""The Ray backend: each shard is a 1-CPU Ray task; results stream back with ``ray.wait`` as tasks finish.

Which cluster, and how joining it fails fast, is :mod:`discover.runner.ray_cluster`; what reaches the
nodes (the code, the thread limits, the node check) is :mod:`discover.runner.ray_shipping`.

* **Parallelism follows the cluster.** At most twice the cluster's current CPUs are in flight, re-read
  every :data:`REFRESH_SECONDS`, so nodes that join (an autoscaler, a second ``ray start``) get shards
  within seconds. A cluster with no CPU for :data:`no_cpu_seconds` stops the run, saying so.
* **Faults.** A task whose worker process or node dies is retried by Ray (``max_retries``); an
  exception raised by the engine is not retried but reported with the shard id. A node that cannot run
  discover (not importable there, wrong dependency versions) stops the run at once, naming the node.
* **Stopping.** Ctrl-C only sets a flag (Ray must not be interrupted inside its C++ calls, which
  crashes the driver); the loop sees it within :data:`WAIT_SECONDS`, leaves the in-flight shards, and
  raises :class:`BackendStopped`. A cluster whose GCS stops answering for :data:`LOST_SECONDS` does
  the same. Either way the run is left ``interrupted`` with its ``--resume`` hint.
"""

from __future__ import annotations

import math
import os
import re
import signal
import threading
import time
from typing import Any, Callable, Iterable, Iterator

from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import BackendStopped, NodeUnfit, ShardOutcome

MAX_RETRIES = 3
WAIT_SECONDS = 0.25
REFRESH_SECONDS = 1.0
LOST_SECONDS = 3.0
CHUNK_SECONDS = 0.05  # short shards go several to a task, about this much work per task
MAX_CHUNK = 64
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def no_cpu_seconds() -> float:
    """How long a run waits for a cluster with no CPU to get one (``DISCOVER_RAY_NO_CPU_WAIT``, 60 s)."""
    try:
        return max(0.0, float(os.environ.get("DISCOVER_RAY_NO_CPU_WAIT", "60")))
    except ValueError:
        return 60.0


class _StopOnSigint:
    """While active (main thread only), Ctrl-C and SIGTERM (``ray job stop``, a batch system's kill) set
    ``requested`` instead of raising inside Ray or ending the process in Ray's own SIGTERM handler, so the
    run is left ``interrupted`` with its resume hint; ``reason`` says which. A second signal raises
    KeyboardInterrupt as usual."""

    REASONS = {signal.SIGINT: "interrupted (Ctrl-C)",
               signal.SIGTERM: "interrupted (SIGTERM: `ray job stop` or a kill)"}

    def __init__(self):
        self.requested = threading.Event()
        self.reason = self.REASONS[signal.SIGINT]
        self._previous: dict = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for signum in self.REASONS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def _handle(self, signum, frame):
        if self.requested.is_set():
            raise KeyboardInterrupt
        self.reason = self.REASONS[signum]
        self.requested.set()

    def __exit__(self, *exc):
        for signum, previous in self._previous.items():  # None: a handler not set from Python (Ray's)
            signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        return False


def _error_line(exc: BaseException) -> str:
    lines = [ln for ln in _ANSI.sub("", str(exc)).splitlines() if ln.strip()]
    return lines[-1].strip() if lines else type(exc).__name__


def _import_failure(exc: BaseException) -> str | None:
    """If a task failed because its node cannot import the code (nothing shipped, not installed there),
    the one line saying so, naming the node."""
    text = _ANSI.sub("", str(exc))
    match = re.search(r"(ModuleNotFoundError: No module named '[^']+')", text)
    if match is None:
        return None
    where = getattr(exc, "ip", None)
    pid = getattr(exc, "pid", None)
    node = f"node {where}" if where else "a node"
    return (f"{node}{f' (worker pid {pid})' if pid else ''} cannot import discover: {match.group(1)} "
            "(leave DISCOVER_RAY_SHIP unset so the code is shipped, or install discover on every node)")


def _cluster_cpus(ray) -> float:
    try:
        return float(ray.cluster_resources().get("CPU", 0.0))
    except Exception:  # noqa: BLE001 - a GCS hiccup: keep the last figure
        return -1.0


class ClusterWatch:
    """Whether the cluster still answers: its GCS port is probed (a plain TCP connect) and a GCS silent
    for :data:`LOST_SECONDS` stops the run. ``gcs`` None: not watched (Ray's own timeouts apply)."""

    def __init__(self, gcs: tuple[str, int] | None, description: str):
        self.gcs, self.description = gcs, description
        self.lost = False
        self._since: float | None = None

    def answering(self, now: float) -> bool:
        """True while the GCS answers; raises :class:`BackendStopped` once it has been silent too long."""
        from discover.runner.ray_cluster import probe

        if self.gcs is None or probe(*self.gcs, timeout=1.0) is None:
            self._since = None
            return True
        self._since = self._since or now
        if now - self._since >= LOST_SECONDS:
            self.lost = True
            raise BackendStopped(f"{self.description} stopped answering for {LOST_SECONDS:.0f} s "
                                 "(the cluster is gone or unreachable)")
        return False


def dispatch(ray, submit: Callable[[list[Shard]], Any], shards: Iterable[Shard],
             stop_reason: Callable[[], str | None], watch: ClusterWatch,
             no_cpu_wait: float, cancel_on_leave: Callable[[], bool] = lambda: True,
             ) -> Iterator[list[tuple[list[Shard], Any]]]:
    """Submit ``shards`` as tasks (``submit(chunk)`` runs a list of shards in one task and returns its
    object ref), keeping at most twice the cluster's current CPUs in flight, and yield ``(chunk, ref)``
    of the tasks that finished, in batches of those found finished together.

    A task carries one shard, or several while shards are short: a Ray task costs a few milliseconds
    of scheduling, which would dominate shards of microseconds. The chunk grows so that a task holds
    about :data:`CHUNK_SECONDS` of work, judged by how long the tasks so far took per shard (at most
    :data:`MAX_CHUNK` shards, and never so many that CPUs go idle for want of tasks), so a shard's
    outcome waits at most about that long after it finished.

    ``stop_reason()`` is asked every :data:`WAIT_SECONDS` at most: a reason stops the run
    (:class:`BackendStopped`). Leaving early cancels the tasks in flight unless ``cancel_on_leave()``
    says not to (an unfit node: see :class:`NodeUnfit`)."""
    pending = list(reversed(list(shards)))
    in_flight: dict = {}
    submitted: dict = {}
    per_shard = CHUNK_SECONDS  # seconds per shard, as the finished tasks tell (start: one shard per task)
    cpus, refreshed, no_cpu_since = _cluster_cpus(ray), time.monotonic(), None
    try:
        while pending or in_flight:
            reason = stop_reason()
            if reason is not None:
                raise BackendStopped(reason)
            now = time.monotonic()
            if now - refreshed >= REFRESH_SECONDS:
                refreshed = now
                latest = _cluster_cpus(ray) if watch.answering(now) else -1.0
                cpus = latest if latest >= 0 else cpus
            capacity = 2 * math.floor(max(cpus, 0))
            if capacity == 0 and not in_flight:
                no_cpu_since = no_cpu_since or now
                if now - no_cpu_since >= no_cpu_wait:
                    raise BackendStopped(f"{watch.description} has no CPU for a shard (waited "
                                         f"{no_cpu_wait:.0f} s; add a node with CPUs, or use --backend local)")
                time.sleep(WAIT_SECONDS)
                continue
            no_cpu_since = None
            while pending and len(in_flight) < capacity:
                size = max(1, min(MAX_CHUNK, int(CHUNK_SECONDS / per_shard), -(-len(pending) // capacity)))
                chunk = [pending.pop() for _ in range(min(size, len(pending)))]
                ref = submit(chunk)
                in_flight[ref], submitted[ref] = chunk, time.monotonic()
            ready, _ = ray.wait(list(in_flight), num_returns=1, timeout=WAIT_SECONDS)
            if ready:  # collect everything else that finished too, in one call
                ready, _ = ray.wait(list(in_flight), num_returns=len(in_flight), timeout=0)
                now = time.monotonic()
                batch = [(in_flight.pop(ref), ref) for ref in ready]
                took = sum(now - submitted.pop(ref) for ref in ready) / sum(len(chunk) for chunk, _ in batch)
                per_shard = max(1e-6, (per_shard + took) / 2)
                yield batch
    finally:
        if not watch.lost and cancel_on_leave():
            _cancel(ray, in_flight)


def collect(batch: list[tuple[list[Shard], Any]], outcomes_of: Callable[[Any, list[Shard]], list]) -> list:
    """The outcomes of every task of ``batch`` (``outcomes_of(ref, chunk)``), each task fetched even when
    an earlier one stops the run (a failed task never fetched makes Ray print "Unhandled error" on the
    terminal); then the first :class:`BackendStopped`, if any, is raised."""
    results, stopped = [], None
    for chunk, ref in batch:
        try:
            results.extend(outcomes_of(ref, chunk))
        except BackendStopped as exc:
            stopped = stopped or exc
    if stopped is not None:
        raise stopped
    return results


def task_failure(ray, exc: BaseException, shard: Shard) -> ShardOutcome:
    """A task that Ray reports failed (its worker died more than :data:`MAX_RETRIES` times, ...) as the
    shard's error; a node that cannot import the code stops the run instead, naming the node."""
    problem = _import_failure(exc)
    if problem is not None:
        raise NodeUnfit(problem) from None
    return ShardOutcome(shard, None, _error_line(exc), 0.0)


def noting_unfit(outcomes_of: Callable[[Any, list[Shard]], list]) -> tuple[Callable, Callable[[], bool]]:
    """``outcomes_of`` that also notes a :class:`NodeUnfit` it raises, and the ``cancel_on_leave`` for
    :func:`dispatch` that is false once it has (the tasks in flight are then left to fail on their own)."""
    unfit = threading.Event()

    def noting(ref, chunk: list[Shard]) -> list:
        try:
            return outcomes_of(ref, chunk)
        except NodeUnfit:
            unfit.set()
            raise

    return noting, lambda: not unfit.is_set()


class RayBackend:
    """A run's session with a Ray cluster: ``with RayBackend(...) as backend`` joins it (before the run
    is created in the store, so a wrong address leaves the store alone), ``backend.run(...)`` streams the
    outcomes of one stage's shards, and leaving disconnects (stopping a private instance)."""

    def __init__(self, run_shard: Callable[[Any, Shard], ShardResult], workers: int | None,
                 address: str | None):
        self._ship_for, self._workers, self._address = run_shard, workers, address
        self._connection = None
        self._watch = ClusterWatch(None, "the Ray cluster")

    def __enter__(self) -> "RayBackend":
        from discover.runner.ray_cluster import connect, gcs_of
        from discover.runner.ray_shipping import pins, runtime_env

        self._connection = connect(self._address, self._workers, runtime_env(self._ship_for))
        import ray

        self._wanted = pins()
        self._watch = ClusterWatch(gcs_of(ray, self._connection), self._connection.description)
        return self

    def __exit__(self, *exc) -> bool:
        import ray

        # after a lost cluster there is nothing to talk to, and a shutdown would wait on the dead GCS
        if self._connection is not None and self._connection.joined and not self._watch.lost:
            ray.shutdown()
        return False

    def run(self, run_shard: Callable[[Any, Shard], ShardResult], spec: Any,
            shards: Iterable[Shard]) -> Iterator[list[ShardOutcome]]:
        """The outcomes of ``shards``, in batches of those that finished together."""
        import ray

        from discover.runner.ray_shipping import run_on_node

        remote = ray.remote(num_cpus=1, max_retries=MAX_RETRIES, retry_exceptions=False)(run_on_node)
        spec_ref = ray.put(spec)
        outcomes_of, cancel_on_leave = noting_unfit(lambda ref, chunk: self._outcomes(ray, ref, chunk))
        with _StopOnSigint() as stop:
            for batch in dispatch(ray, lambda chunk: remote.remote(run_shard, spec_ref, chunk, self._wanted),
                                  shards, lambda: stop.reason if stop.requested.is_set() else None,
                                  self._watch, no_cpu_seconds(), cancel_on_leave):
                yield collect(batch, outcomes_of)

    @staticmethod
    def _outcomes(ray, ref, chunk: list[Shard]) -> list[ShardOutcome]:
        try:
            outcomes = ray.get(ref)
        except ray.exceptions.RayError as exc:
            return [task_failure(ray, exc, shard) for shard in chunk]
        for outcome in outcomes:
            if outcome.fatal:
                raise NodeUnfit(outcome.error)
        return outcomes


def _cancel(ray, in_flight: dict) -> None:
    """Stop the shards still in flight. Best effort and never forced: a forced cancel racing a task that
    is completing is what crashed the driver on Ctrl-C; the run's checkpoint does not need them."""
    for ref in in_flight:
        try:
            ray.cancel(ref, recursive=False)
        except Exception:  # noqa: BLE001
            pass
