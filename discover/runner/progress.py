"""Progress of a run on the terminal: shards done, candidates screened, hits, rate, and what the shard in
flight reports about itself (layer k of a BFS, the size a lane is at: :mod:`discover.runner.inner`).

Drawn with rich on stderr, and only when asked for (the CLI asks when stderr is a terminal and
``--json`` is off), so pipes and JSON output stay clean.
"""

from __future__ import annotations

import time


class NullProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def advance(self, candidates: int, hits: int, failed: bool = False) -> None:
        pass

    def show_inner(self, shard_id: str, fields: dict) -> None:
        """What a shard in flight reports about itself (:mod:`discover.runner.inner`)."""


class ShardProgress(NullProgress):
    def __init__(self, description: str, total: int, done: int = 0):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("shards  {task.fields[candidates]:,} candidates  {task.fields[hits]} hits"
                       "  {task.fields[rate]}/s  {task.fields[failed]}"),
            TimeElapsedColumn(), TextColumn("{task.fields[inner]}"), console=Console(stderr=True),
            transient=False)
        self._task = self._progress.add_task(description, total=total, completed=done, candidates=0, hits=0,
                                             rate="-", failed="", inner="")
        self._candidates = self._hits = self._failed = 0
        self._start = time.perf_counter()

    def __enter__(self):
        self._progress.start()
        return self

    def __exit__(self, *exc):
        self._progress.stop()
        return False

    def advance(self, candidates: int, hits: int, failed: bool = False) -> None:
        self._candidates += candidates
        self._hits += hits
        self._failed += int(failed)
        rate = self._candidates / max(time.perf_counter() - self._start, 1e-9)
        self._progress.update(self._task, advance=1, candidates=self._candidates, hits=self._hits,
                              rate=f"{rate:,.0f}", failed=f"{self._failed} failed" if self._failed else "")

    def show_inner(self, shard_id: str, fields: dict) -> None:
        from discover.runner.inner import describe

        self._progress.update(self._task, inner=describe(shard_id, fields))
