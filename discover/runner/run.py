"""The driver: spec -> shards -> backend -> store, with the shards table as checkpoint.

The driver is the only writer of the store. Each shard's records and its ``done`` mark are committed
in one transaction as the shard finishes, so a driver killed at any moment loses only the shards in
flight, and ``resume`` (the run id) re-runs exactly the shards not marked done. Records are
de-duplicated by key, so a resumed run ends with the same conjectures as an uninterrupted one.
"""

from __future__ import annotations

import time
from functools import partial
from dataclasses import dataclass, field
from typing import Any

from discover.errors import InputError, RuntimeFailure
from discover.records import Record
from discover.runner.engine import Engine, load_engine, spec_from_dict
from discover.runner.local import default_workers, run_local
from discover.runner.progress import NullProgress, ShardProgress
from discover.store import Store

BACKENDS = ("local", "ray")


@dataclass(frozen=True)
class RunOptions:
    """How to run: where results go and where shards execute."""

    store: str | None = None
    backend: str = "local"
    workers: int | None = None
    ray_address: str | None = None
    resume: int | None = None
    progress: bool = False
    command: str = ""

    def __post_init__(self):
        if self.backend not in BACKENDS:
            raise InputError(f"--backend {self.backend!r}: expected one of {', '.join(BACKENDS)}")
        if self.workers is not None and self.workers < 1:
            raise InputError(f"--workers {self.workers}: must be at least 1")


@dataclass
class RunSummary:
    """What a run did. ``records`` are this run's verified records (new and seen-again ones), in the
    order their shards finished; on resume, also those of shards finished before the interruption.
    ``unverified`` are records an engine returned with ``verified=False`` (a computed value that is not
    a conjecture, say an unidentified limit): shown to the user, counted as rejected, never stored."""

    run_id: int
    records: list[Record] = field(default_factory=list)
    unverified: list[Record] = field(default_factory=list)
    new_keys: set[str] = field(default_factory=set)
    shards_done: int = 0
    shards_failed: list[tuple[str, str]] = field(default_factory=list)
    candidates: int = 0
    rejected: int = 0
    seconds: float = 0.0


def run_search(engine: Engine, spec: Any, options: RunOptions = RunOptions()) -> RunSummary:
    """Run ``spec`` with ``engine`` (or resume run ``options.resume``) and store what it verifies."""
    start = time.perf_counter()
    with Store(options.store) as store:
        if options.resume is not None:
            row = store.run(options.resume)
            if row.engine != engine.name:
                raise InputError(f"--resume {options.resume}: run {row.id} is a {row.engine} run, not {engine.name}")
            rebuild = getattr(engine.spec_type, "from_dict", None) or partial(spec_from_dict, engine.spec_type)
            spec = rebuild(row.spec)  # the stored spec, whatever the caller passed
            run_id = row.id
            store.set_run_status(run_id, "running")
        else:
            run_id = store.create_run(engine.name, engine.ref, _spec_dict(spec), options.command)

        shards = list(engine.shards(spec))
        store.register_shards(run_id, [s.id for s in shards])
        status = store.shard_status(run_id)
        todo = [s for s in shards if status.get(s.id) != "done"]
        summary = RunSummary(run_id)
        if options.resume is not None:
            summary.records.extend(c.record for c in store.conjectures(run_id=run_id))
            summary.shards_done = len(shards) - len(todo)
            summary.candidates, summary.rejected = store.shard_totals(run_id)

        workers = options.workers or default_workers()
        if options.backend == "ray":
            from discover.runner.ray_backend import run_ray

            outcomes = run_ray(engine.run_shard, spec, todo, workers, options.ray_address)
        else:
            outcomes = run_local(engine.run_shard, spec, todo, workers)

        progress = (ShardProgress(engine.name, len(shards), summary.shards_done)
                    if options.progress and todo else NullProgress())
        try:
            with progress:
                for outcome in outcomes:
                    shard_id = outcome.shard.id
                    if outcome.error is not None:
                        store.fail_shard(run_id, shard_id, outcome.error)
                        summary.shards_failed.append((shard_id, outcome.error))
                        progress.advance(0, 0, failed=True)
                        continue
                    result = outcome.result
                    verified = [r for r in result.records if r.verified]
                    new = store.finish_shard(run_id, shard_id, verified, result.candidates,
                                             result.rejected + len(result.records) - len(verified),
                                             outcome.seconds)
                    summary.records.extend(verified)
                    summary.unverified.extend(r for r in result.records if not r.verified)
                    summary.new_keys |= new
                    summary.shards_done += 1
                    summary.candidates += result.candidates
                    summary.rejected += result.rejected
                    progress.advance(result.candidates, len(verified))
        except KeyboardInterrupt:
            store.set_run_status(run_id, "interrupted")
            raise RuntimeFailure(f"interrupted: {summary.shards_done} of {len(shards)} shards are stored; "
                                 f"continue with --resume {run_id}") from None
        store.set_run_status(run_id, "failed" if summary.shards_failed else "finished")
    summary.seconds = time.perf_counter() - start
    return summary


def _spec_dict(spec: Any) -> dict:
    if hasattr(spec, "to_dict"):
        return spec.to_dict()
    from discover.runner.engine import spec_to_dict

    return spec_to_dict(spec)


__all__ = ["RunOptions", "RunSummary", "run_search", "load_engine", "BACKENDS"]
