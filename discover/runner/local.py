"""The local backend: shards in this process (``workers=1``) or in a process pool, or in the warm pool
of ``discover warm up`` when it is running (:mod:`discover.runner.warm`).

Results are yielded as shards finish (``as_completed``), at most ``2 * workers`` shards in flight, so a
run of a million shards never holds a million futures. If a worker process dies (killed, out of
memory), the pool is rebuilt and the shards that were in flight are resubmitted, up to
``max_attempts`` times each, after which the shard is reported as failed. If the driver dies, its
workers notice (their parent changes) and exit within a second.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import ShardOutcome, run_one

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


PARENT_POLL_SECONDS = 0.5


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the driver process is gone (killed, even with SIGKILL,
    which leaves the pool no chance to stop its workers), instead of running its shard to the end as an
    orphan. A daemon thread polls the parent pid."""
    import threading
    import time

    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="discover-parent-watch", daemon=True).start()


def _worker_init(parent: int, queue) -> None:
    """Pool worker initializer: exit with the driver (:func:`_exit_with_parent`) and send the progress of
    the shard in flight to the driver (:mod:`discover.runner.inner`)."""
    from discover.runner import inner

    _exit_with_parent(parent)
    inner.install_queue(queue)


def _pool(workers: int, context, queue) -> "ProcessPoolExecutor":
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                               initargs=(os.getpid(), queue))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_local(run_shard: Callable[[Any, Shard], ShardResult], spec: Any, shards: Iterable[Shard],
              workers: int, max_attempts: int = 3) -> Iterator[ShardOutcome]:
    shards = list(shards)
    if shards:
        from discover.runner import warm

        session = warm.connect()
        if session is not None:  # `discover warm up`: its forked children run the shards, Numba loaded
            yield from warm.run_warm(session, run_shard, spec, shards, workers)
            return
    if workers <= 1 or len(shards) <= 1:
        for shard in shards:
            yield run_one(run_shard, spec, shard)
        return

    # spawn: workers start clean (no inherited threads or Ray/Numba state); Numba's on-disk cache keeps
    # their start-up short.
    # imported only when a pool is used: a one-shard or in-process run (most short commands) does not
    # pay 15-25 ms for multiprocessing and concurrent.futures
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    from discover.runner import inner

    context = multiprocessing.get_context("spawn")
    progress_queue = context.Queue(maxsize=1000)
    queue = list(reversed(shards))
    attempts: dict[str, int] = {}
    pool = _pool(workers, context, progress_queue)
    in_flight = {}
    try:
        while queue or in_flight:
            while queue and len(in_flight) < 2 * workers:
                shard = queue.pop()
                attempts[shard.id] = attempts.get(shard.id, 0) + 1
                in_flight[pool.submit(run_one, run_shard, spec, shard)] = shard
            # a short timeout: the progress of the shards in flight is shown while they run
            done, _ = wait(in_flight, timeout=0.25, return_when=FIRST_COMPLETED)
            inner.drain(progress_queue)
            broken = False
            for future in done:
                shard = in_flight.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    if attempts[shard.id] >= max_attempts:
                        yield ShardOutcome(shard, None, f"worker process died {max_attempts} times", 0.0)
                    else:
                        queue.append(shard)
            if broken:
                # every future of a broken pool fails: resubmit what was in flight on a fresh pool
                for future, shard in in_flight.items():
                    if attempts[shard.id] >= max_attempts:
                        yield ShardOutcome(shard, None, f"worker process died {max_attempts} times", 0.0)
                    else:
                        queue.append(shard)
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers, context, progress_queue)
    finally:
        if in_flight:
            # Left early (Ctrl-C, the driver giving up): the shards in flight are not wanted, and Python's
            # exit handler would otherwise wait for them to finish (a SIGINT sent to the driver alone,
            # not its process group, reaches no worker). Their results are lost either way; the run's
            # checkpoint re-runs them on resume.
            _terminate_workers(pool)
        # a finished run waits for its idle workers to exit: a worker still starting when the driver left
        # would fail to read its spawn data (a FileNotFoundError traceback on stderr)
        manager = getattr(pool, "_executor_manager_thread", None)  # shutdown forgets it
        pool.shutdown(wait=not in_flight, cancel_futures=True)
        if in_flight and manager is not None:
            _join_manager(manager)


MANAGER_JOIN_SECONDS = 5.0


def _join_manager(manager) -> None:
    """Wait (at most MANAGER_JOIN_SECONDS) for a pool's manager thread to finish after its workers were
    terminated. Why: that thread notices the dead workers and closes the pool's wake-up pipe; if it is still
    doing so when the interpreter exits, concurrent.futures' exit handler (Python 3.11) writes to the pipe as
    it closes and prints "Exception ignored ... OSError: [Errno 9] Bad file descriptor" after the run's
    output. Joined first, the pipe is closed before the handler looks at it, and the handler skips it."""
    if manager.is_alive():
        manager.join(MANAGER_JOIN_SECONDS)


def _terminate_workers(pool: "ProcessPoolExecutor") -> None:
    """SIGTERM every worker process of ``pool`` (Python 3.14 has ``terminate_workers``; 3.11 does not)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass


class LocalBackend:
    """The local backend as a run's session (the shape :mod:`discover.runner.run` expects of a backend):
    nothing to join or leave; ``run`` is :func:`run_local` with the run's worker count."""

    def __init__(self, workers: int):
        self.workers = workers

    def __enter__(self) -> "LocalBackend":
        return self

    def __exit__(self, *exc) -> bool:
        return False

    def run(self, run_shard: Callable[[Any, Shard], ShardResult], spec: Any,
            shards: Iterable[Shard]) -> Iterator[ShardOutcome]:
        return run_local(run_shard, spec, shards, self.workers)
