"""What a backend hands back for each shard, and the wrapper that runs a shard on a worker.

Exceptions raised by an engine are caught on the worker and returned as text, so that one bad shard is
reported with its id while the others complete. A worker *process* that dies is the backend's business
(the local pool restarts and resubmits; Ray retries the task).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

from discover.errors import RuntimeFailure
from discover.runner.engine import Shard, ShardResult


@dataclass
class ShardOutcome:
    """One shard's result or error. ``fatal``: the error is the node's, not the shard's (a node that
    cannot run discover at all), so the run stops instead of failing shard after shard."""

    shard: Shard
    result: ShardResult | None
    error: str | None
    seconds: float
    fatal: bool = False


class BackendStopped(RuntimeFailure):
    """The backend cannot go on (Ctrl-C, the cluster lost, a node unfit, no CPU for a shard): the run is
    left ``interrupted``, resumable, and the message says why."""


class NodeUnfit(BackendStopped):
    """A node cannot run discover at all (cannot import it, wrong dependency versions). The tasks still
    in flight are left to fail on their own rather than cancelled: Ray retries such tasks, and a cancel
    racing a retry trips an internal check in Ray's driver that prints a C++ stack trace (seen with
    Ray 2.60) under the run's one-line message."""


def run_one(run_shard: Callable[[Any, Shard], ShardResult], spec: Any, shard: Shard) -> ShardOutcome:
    """Run one shard and time it; an exception becomes ``error`` (its type, message and last frame)."""
    from discover.runner import inner

    inner.set_shard(shard.id)
    start = time.perf_counter()
    try:
        result = run_shard(spec, shard)
        if isinstance(result, list):  # tolerate engines that return bare records
            result = ShardResult(records=result, candidates=len(result))
        return ShardOutcome(shard, result, None, time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - reported per shard, the run goes on
        import traceback  # only when a shard fails (a command's start-up counts)

        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
        message = f"{type(exc).__name__}: {exc}{where}"
        return ShardOutcome(shard, None, message, time.perf_counter() - start)
