"""What every engine command shares: runner and store options, ``--json``, running, printing.

Commands stay thin: parse options, build a spec (validated by the library), call :func:`execute`,
print with :func:`emit_records`. Nothing here imports Numba, Ray or sympy.
"""

from __future__ import annotations

import functools
import json
import shlex
import sys
from typing import Any, Callable, Iterable, Sequence

import click

from discover.records import Record


def store_option(func: Callable) -> Callable:
    """``--store PATH``: the results store (default ``$DISCOVER_STORE`` or ``results/discover.sqlite``)."""
    return click.option("--store", "store", type=click.Path(dir_okay=False), default=None,
                        envvar="DISCOVER_STORE", show_envvar=True,
                        help="Results store (SQLite). Default: results/discover.sqlite.")(func)


def json_option(func: Callable) -> Callable:
    """``--json``: one JSON object per line on stdout, nothing else there."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON record per line.")(func)


def runner_options(func: Callable) -> Callable:
    """Adds the runner's options and passes them to the command as ``run_options: RunOptions``."""

    @click.option("--resume", type=int, default=None, metavar="RUN_ID",
                  help="Continue an interrupted run: only its unfinished shards run.")
    @click.option("--ray-address", default=None, envvar="RAY_ADDRESS", metavar="ADDR",
                  help="Ray cluster to use with --backend ray (default: RAY_ADDRESS, else a local instance).")
    @click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                  help="Parallel workers (default: the number of cores; 1 runs in-process).")
    @click.option("--backend", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                  help="Where shards run.")
    @store_option
    @functools.wraps(func)
    def wrapper(*args, store, backend, workers, ray_address, resume, **kwargs):
        from discover.runner import RunOptions

        kwargs["run_options"] = RunOptions(store=store, backend=backend, workers=workers,
                                           ray_address=ray_address, resume=resume,
                                           command=shlex.join(["discover", *sys.argv[1:]]))
        return func(*args, **kwargs)

    return wrapper


def execute(engine, spec, run_options, as_json: bool = False):
    """Run ``spec`` through the runner; a progress bar on stderr when it is a terminal and not ``--json``.
    Failed shards are reported on stderr, one line each, and make the command exit with status 1."""
    from dataclasses import replace

    from discover.runner import run_search

    show = not as_json and sys.stderr.isatty()
    summary = run_search(engine, spec, replace(run_options, progress=show))
    for shard_id, error in summary.shards_failed:
        click.echo(f"discover: shard {shard_id} failed: {error}", err=True)
    if summary.shards_failed:
        global exit_status
        exit_status = 1
    return summary


Column = tuple[str, Callable[[Record], Any]]


def emit_records(records: Iterable[Record], as_json: bool, columns: Sequence[Column],
                 title: str | None = None, empty: str = "no results") -> None:
    """Print records: JSON Lines with ``--json``, else a table with the given columns."""
    records = list(records)
    if as_json:
        for record in records:
            click.echo(json.dumps(record.to_json(), default=str))
        return
    if not records:
        click.echo(empty)
        return
    print_table([[str(fn(r)) for _, fn in columns] for r in records], [h for h, _ in columns], title)


def print_table(rows: Sequence[Sequence[str]], headers: Sequence[str], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(soft_wrap=False).print(table)


def emit_summary(summary, as_json: bool) -> None:
    """One line on stderr about the run (never on stdout, so ``--json`` output stays records only)."""
    if as_json or not summary:
        return
    sys.stdout.flush()  # the table first, when stdout and stderr share one stream
    click.echo(f"run {summary.run_id}: {summary.shards_done} shards, {summary.candidates:,} candidates, "
               f"{len(summary.records)} verified ({len(summary.new_keys)} new), {summary.seconds:.1f} s",
               err=True)

# Exit status of the current command when it returns normally (1 if any shard failed).
exit_status = 0
