"""Progress inside one long shard (a BFS layer by layer, a tabu lane size by size, an ESMA expansion).

A shard is the unit the runner checkpoints, but one shard can run for minutes (LRX on S_13, a lane of a
long extremal search), so the progress display also shows what the shard in flight is doing. An engine
calls :func:`report` with a few fields (``layer=12, states=1_234_567``); the call is a no-op unless a
sink is installed, and it is rate-limited (at most one message per :data:`MIN_INTERVAL` seconds per
process), so a kernel loop may call it freely.

Where the message goes:

* in the driver's own process (``--workers 1``), straight to the progress display;
* in a pool worker, onto a queue the pool was created with (:func:`install_queue`); the driver drains
  it while it waits for shards (:func:`drain`);
* on Ray, nowhere: tasks report only when they finish (the display shows shards there).
"""

from __future__ import annotations

import time
from typing import Any, Callable

MIN_INTERVAL = 0.2

Sink = Callable[[str, dict], None]

_sink: Sink | None = None
_shard = ""
_last = 0.0


def report(**fields: Any) -> None:
    """Tell the progress display what the current shard is doing (see the module doc)."""
    global _last
    if _sink is None:
        return
    now = time.monotonic()
    if now - _last < MIN_INTERVAL:
        return
    _last = now
    try:
        _sink(_shard, fields)
    except Exception:  # noqa: BLE001 - progress must never break a computation
        pass


def set_sink(sink: Sink | None) -> Sink | None:
    """Install ``sink(shard_id, fields)`` for this process; returns the one it replaces."""
    global _sink, _last
    previous, _sink, _last = _sink, sink, 0.0
    return previous


def set_shard(shard_id: str) -> None:
    """The shard now running in this process (set by the shard wrapper)."""
    global _shard, _last
    _shard, _last = shard_id, 0.0


def install_queue(queue) -> None:
    """Worker side of a process pool: send reports to ``queue`` (never blocking: a full queue drops them)."""

    def put(shard_id: str, fields: dict) -> None:
        try:
            queue.put_nowait((shard_id, fields))
        except Exception:  # noqa: BLE001 - a full or closed queue loses a progress line, nothing else
            pass

    set_sink(put)


def drain(queue) -> None:
    """Driver side: pass every queued report to this process's sink (dropped when there is none)."""
    while True:
        try:
            shard_id, fields = queue.get_nowait()
        except Exception:  # noqa: BLE001 - queue.Empty, or a queue closed at shutdown
            return
        if _sink is not None:
            try:
                _sink(shard_id, fields)
            except Exception:  # noqa: BLE001
                pass


def describe(shard_id: str, fields: dict) -> str:
    """One line for the display: ``lane-0: n 60, edges 201, 12.3 s``."""
    parts = []
    for name, value in fields.items():
        if isinstance(value, float):
            value = f"{value:,.1f}"
        elif isinstance(value, int):
            value = f"{value:,}"
        parts.append(f"{name.replace('_', ' ')} {value}")
    return f"{shard_id}: " + ", ".join(parts)


__all__ = ["report", "set_sink", "set_shard", "install_queue", "drain", "describe", "MIN_INTERVAL"]
