"""The driver: spec -> shards -> backend -> store, with the shards table as checkpoint.

The driver is the only writer of the store. Each shard's records and its ``done`` mark are committed
in one transaction as the shard finishes, so a driver killed at any moment loses only the shards in
flight, and ``resume`` (the run id) re-runs exactly the shards not marked done. Records are
de-duplicated by key, so a resumed run ends with the same conjectures as an uninterrupted one.

Two records with one key are the same conjecture in different words (an equivalent PCF, an isomorphic
graph). Of those a run meets, the driver keeps one, the canonical representative: the least in the
total order of :func:`representative_order` (statement, then payload), so which shard finished first
does not decide what the run reports or hands to the store.

``on_records`` (if given) is called with each finished shard's records as they arrive (and, on resume,
with those stored before), so a caller can stream them instead of waiting for the end.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from functools import partial
from dataclasses import dataclass, field
from typing import Any

from typing import Callable

from discover.errors import InputError, RuntimeFailure
from discover.records import Record, canonical_json
from discover.runner.engine import Engine, load_engine, spec_from_dict
from discover.runner.outcome import BackendStopped
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
        if self.backend == "ray" and self.ray_address:
            from discover.runner.ray_cluster import check_address

            check_address(self.ray_address)


@dataclass
class RunSummary:
    """What a run did. ``records`` are this run's verified records (new and seen-again ones), one per
    key (its canonical representative), in the order their keys were first met; on resume, also those
    of shards finished before the interruption.
    ``unverified`` are records an engine returned with ``verified=False`` (a computed value that is not
    a conjecture, say an unidentified limit): shown to the user, counted as rejected, never stored."""

    run_id: int
    records: list[Record] = field(default_factory=list)
    unverified: list[Record] = field(default_factory=list)
    new_keys: set[str] = field(default_factory=set)
    shards_done: int = 0
    shards_failed: list[tuple[str, str]] = field(default_factory=list)
    # shards not run to the end because the engine's goal was met first (Engine.goal), and why
    shards_stopped: int = 0
    goal_met: str | None = None
    candidates: int = 0
    rejected: int = 0
    seconds: float = 0.0
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def keep(self, records: list[Record]) -> list[Record]:
        """Add verified records, one per key: a key met again keeps the lesser representative
        (:func:`representative_order`). Returns ``records`` with each key replaced by that."""
        kept = []
        for record in records:
            at = self._index.get(record.key)
            if at is None:
                self._index[record.key] = len(self.records)
                self.records.append(record)
            elif representative_order(record) < representative_order(self.records[at]):
                self.records[at] = record
            kept.append(self.records[self._index[record.key]])
        return kept


def representative_order(record: Record) -> tuple[str, str]:
    """The total order that picks a key's canonical representative: statement, then payload (as
    canonical JSON); the least wins, whatever order shards finish in."""
    return record.statement, canonical_json(record.payload)


def _one_per_key(records: list[Record]) -> list[Record]:
    """Each key once, first-met order. The callers pass what :meth:`RunSummary.keep` returned, where a
    key's records are already its one representative, so nothing is compared again here."""
    return list({record.key: record for record in records}.values())


RecordsCallback = Callable[[list[Record]], None]


def run_search(engine: Engine, spec: Any, options: RunOptions = RunOptions(),
               on_records: RecordsCallback | None = None) -> RunSummary:
    """Run ``spec`` with ``engine`` (or resume run ``options.resume``) and store what it verifies.

    A pipeline engine (``engine.then``) runs its stages in order inside this one run; each stage starts
    only when every shard of the one before is done, and a resumed run re-derives each later stage's
    spec from the stored records of the stage before (see :class:`~discover.runner.engine.Engine`)."""
    start = time.perf_counter()
    with _open_backend(engine, options) as backend, Store(options.store) as store:
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

        summary = RunSummary(run_id)
        stage, stage_engine, stage_spec = 0, engine, spec
        try:
            with _sigterm_interrupts():
                while True:
                    stage_records = _run_stage(store, backend, run_id, stage, stage_engine, stage_spec, options,
                                               summary, on_records or (lambda records: None))
                    if summary.shards_failed or summary.goal_met or stage_engine.then is None:
                        break
                    following = stage_engine.then(stage_spec, stage_records)
                    if following is None:
                        break
                    stage_engine, stage_spec = following
                    stage += 1
        except (KeyboardInterrupt, BackendStopped) as exc:
            store.set_run_status(run_id, "interrupted")
            why = str(exc) or "interrupted"  # a plain Ctrl-C has no text
            raise RuntimeFailure(f"{why}: {summary.shards_done} shards of run {run_id} are stored; "
                                 f"continue with --resume {run_id}") from None
        store.set_run_status(run_id, "failed" if summary.shards_failed else "finished")
    summary.seconds = time.perf_counter() - start
    return summary


def _stage_prefix(stage: int) -> str:
    """Shard ids of stage 0 are the engine's own (as in a one-stage run); later stages get ``s<k>/``."""
    return "" if stage == 0 else f"s{stage}/"


def _open_backend(engine: Engine, options: RunOptions):
    """The backend as a context: Ray joins its cluster on entry (once for every stage of a pipeline)."""
    if options.backend == "ray":
        # the persistent driver of `discover ray driver up` when it serves this cluster: no `import ray` here
        from discover.runner.ray_driver_client import attach

        attached = attach(engine.run_shard, options)
        if attached is not None:
            return attached
        from discover.runner.ray_backend import RayBackend

        return RayBackend(engine.run_shard, options.workers, options.ray_address)
    # imported here: multiprocessing and concurrent.futures cost a refused command 20-40 ms for nothing
    from discover.runner.local import LocalBackend, default_workers

    return LocalBackend(options.workers or default_workers())


def _run_stage(store: Store, backend, run_id: int, stage: int, engine: Engine, spec: Any, options: RunOptions,
               summary: RunSummary, on_records: RecordsCallback) -> list[Record]:
    """Run the shards of one stage that are not done yet; return the stage's verified records (those of
    shards finished earlier too), ordered by shard id then key."""
    from dataclasses import replace

    prefix = _stage_prefix(stage)
    shards = [replace(s, id=prefix + s.id) for s in engine.shards(spec)]
    store.register_shards(run_id, [s.id for s in shards])
    status = store.shard_status(run_id)
    # a shard stopped because the goal was met is finished business, as a done one is
    todo = [s for s in shards if status.get(s.id) not in ("done", "stopped")]
    done_before = [s.id for s in shards if status.get(s.id) == "done"]
    summary.shards_stopped += sum(status.get(s.id) == "stopped" for s in shards)
    reached: list[Record] = []  # the stage's verified records so far, for the engine's goal
    if done_before:
        earlier = summary.keep([record for _, record in store.shard_records(run_id, done_before)])
        reached.extend(earlier)
        on_records(_one_per_key(earlier))
        summary.shards_done += len(done_before)
        candidates, rejected = store.shard_totals(run_id, done_before)
        summary.candidates += candidates
        summary.rejected += rejected
    if todo and done_before and _goal_met(engine, spec, reached, summary):
        # met before an interruption: what was left is not wanted
        _stop(store, run_id, [s.id for s in todo], summary)
        todo = []

    if todo:
        # the engine sees its own shard ids: the stage prefix is the checkpoint's business only
        unprefixed = [replace(s, id=s.id[len(prefix):]) for s in todo]
        outcomes = backend.run(engine.run_shard, spec, unprefixed)
        progress = (ShardProgress(engine.name, len(shards), len(done_before))
                    if options.progress else NullProgress())
        from discover.runner import inner

        # shards in flight report on themselves (layer k, the size a lane is at) only when someone watches
        previous = inner.set_sink(progress.show_inner if options.progress else None)
        finished: set[str] = set()
        try:
            with progress:
                for arrived in outcomes:  # one outcome, or a batch of those that finished together
                    with _ctrl_c_after():
                        for outcome in arrived if isinstance(arrived, list) else [arrived]:
                            _take(store, run_id, prefix + outcome.shard.id, outcome, summary, progress, on_records)
                            finished.add(outcome.shard.id)
                            if outcome.error is None:
                                reached.extend(r for r in outcome.result.records if r.verified)
                        if not summary.shards_failed and _goal_met(engine, spec, reached, summary):
                            # closing the backend's generator ends the shards in flight (as Ctrl-C does)
                            getattr(outcomes, "close", lambda: None)()
                            _stop(store, run_id, [prefix + s.id for s in unprefixed if s.id not in finished],
                                  summary)
                            break
        finally:
            inner.set_sink(previous)
    if engine.then is None:
        return []
    # read back from the store, for fresh and earlier shards alike: a key seen again keeps its first
    # stored form, so the next stage gets the same input after a resume as in a clean run
    return [record for _, record in store.shard_records(run_id, [s.id for s in shards])]


def _goal_met(engine: Engine, spec: Any, reached: list[Record], summary: RunSummary) -> bool:
    """Ask the engine's goal (if it has one) about the stage's records so far; its line goes to the summary."""
    if engine.goal is not None:
        summary.goal_met = engine.goal(spec, reached)
    return bool(summary.goal_met)


def _stop(store: Store, run_id: int, shard_ids: list[str], summary: RunSummary) -> None:
    """Mark the shards left when the goal was met as ``stopped``, with the goal's line."""
    store.stop_shards(run_id, shard_ids, f"stopped: {summary.goal_met}")
    summary.shards_stopped += len(shard_ids)


class _Terminated(KeyboardInterrupt):
    """SIGTERM during a run, raised as an interrupt so that it takes Ctrl-C's path."""

    def __str__(self) -> str:
        return "interrupted (SIGTERM: a batch system's time limit or a kill)"


def _restore(signum: int, handler) -> None:
    """Put back a handler that ``signal.signal`` returned (None: one not set from Python; the default)."""
    signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


@contextlib.contextmanager
def _sigterm_interrupts():
    """While a run is going, SIGTERM (a batch system's time limit, ``kill``) stops it as Ctrl-C does:
    the run is left ``interrupted`` with its ``--resume`` hint. Python's default would end the process
    at once and leave the run ``running``. (The Ray backend sets its own handler while it waits.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum, frame):
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        _restore(signal.SIGTERM, previous)


@contextlib.contextmanager
def _ctrl_c_after():
    """Ctrl-C and SIGTERM wait until the block is done: a shard's records are stored and handed to
    ``on_records`` together, so an interrupted run has printed exactly what it stored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list = []
    previous = {signum: signal.signal(signum, lambda signum, frame: caught.append(signum))
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            _restore(signum, handler)
    if caught:
        raise _Terminated() if caught[0] == signal.SIGTERM else KeyboardInterrupt


def _take(store: Store, run_id: int, shard_id: str, outcome, summary: RunSummary, progress,
          on_records: RecordsCallback) -> None:
    """Store one shard's outcome (its records and done mark in one transaction) and report it."""
    if outcome.error is not None:
        store.fail_shard(run_id, shard_id, outcome.error)
        summary.shards_failed.append((shard_id, outcome.error))
        progress.advance(0, 0, failed=True)
        return
    result = outcome.result
    verified = [r for r in result.records if r.verified]
    unverified = [r for r in result.records if not r.verified]
    # the store gets the run's canonical representative of each key met so far
    canonical = _one_per_key(summary.keep(verified))
    new = store.finish_shard(run_id, shard_id, canonical, result.candidates,
                             result.rejected + len(unverified), outcome.seconds)
    summary.unverified.extend(unverified)
    summary.new_keys |= new
    summary.shards_done += 1
    summary.candidates += result.candidates
    summary.rejected += result.rejected
    progress.advance(result.candidates, len(verified))
    on_records(canonical + unverified)


def _spec_dict(spec: Any) -> dict:
    if hasattr(spec, "to_dict"):
        return spec.to_dict()
    from discover.runner.engine import spec_to_dict

    return spec_to_dict(spec)


__all__ = ["RunOptions", "RunSummary", "run_search", "load_engine", "BACKENDS"]
