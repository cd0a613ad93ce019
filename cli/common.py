"""What every engine command shares: runner and store options, ``--json``, running, printing.

Commands stay thin: parse options, build a spec (validated by the library), call :func:`execute`,
print with :func:`emit_records`. Nothing here imports Numba, Ray or sympy.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shlex
import sys
from typing import Any, Callable, Iterable, Sequence

import click

from discover.records import Record


def under_ray_job() -> bool:
    """True when this process is the entrypoint of a ``ray job submit``: its working directory is then
    Ray's temporary copy of ``--working-dir``, deleted when the job ends."""
    return ("RAY_JOB_CONFIG_JSON_ENV_VAR" in os.environ
            or f"{os.sep}runtime_resources{os.sep}working_dir_files{os.sep}" in os.getcwd() + os.sep)


def _store_default(ctx, param, value):
    if value is None and under_ray_job():
        from discover.errors import InputError

        raise InputError("--store: under `ray job submit` the default store would land in Ray's temporary copy "
                         "of the working directory (deleted after the job); give --store PATH (or "
                         "DISCOVER_STORE) on storage that outlives the job, on the node that runs the driver")
    return value


def store_option(func: Callable) -> Callable:
    """``--store PATH``: the results store (default ``$DISCOVER_STORE`` or ``results/discover.sqlite``;
    required under ``ray job submit``)."""
    return click.option("--store", "store", type=click.Path(dir_okay=False), default=None,
                        envvar="DISCOVER_STORE", show_envvar=True, callback=_store_default,
                        help="Results store (SQLite). Default: results/discover.sqlite "
                             "(required under `ray job submit`).")(func)


class LazyGroup(click.Group):
    """A click group whose subcommands listed in ``lazy`` (name -> "module:attribute") are imported only when
    named, so that an engine's help stays fast and each command family lives in its own file. A module
    that is not there (a command family not landed yet) is skipped."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx):
        names = set(super().list_commands(ctx))
        names.update(name for name in self.lazy if self._load(name) is not None)
        return sorted(names)

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        return command if command is not None else self._load(name)

    def _load(self, name):
        import importlib

        if name not in self.lazy:
            return None
        module, _, attr = self.lazy[name].partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None
            raise


def json_option(func: Callable) -> Callable:
    """``--json``: one JSON object per line on stdout, nothing else there."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON record per line.")(func)


def runner_options(func: Callable) -> Callable:
    """Adds the runner's options and passes them to the command as ``run_options: RunOptions``."""

    @click.option("--resume", type=int, default=None, metavar="RUN_ID",
                  help="Continue an interrupted run: only its unfinished shards run.")
    @click.option("--ray-address", default=None, envvar="RAY_ADDRESS", metavar="ADDR",
                  help="Ray cluster (HOST:PORT of the head) for --backend ray. Default: RAY_ADDRESS, else "
                       "the instance of `discover ray up` (through its driver when it runs: no Ray start-up "
                       "in the command), else a private local instance, which adds 10-20 s to the command.")
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


@contextlib.contextmanager
def _stdout_kept_for_records(active: bool):
    """While a Ray run is connected, everything written to file descriptor 1 (Ray's C++ and Python
    messages: a worker died, a node is gone) goes to stderr; records are written to the stream this
    yields, a copy of the real stdout. Restored when the run returns normally (Ray is disconnected by
    then); after a failure the command ends anyway, and Ray's last words still go to stderr."""
    try:
        fd = sys.stdout.fileno() if active else -1
    except (AttributeError, OSError, ValueError):  # click's test runner: no real descriptor
        fd = -1
    if fd < 0:
        yield sys.stdout
        return
    sys.stdout.flush()
    saved = os.dup(fd)
    os.dup2(sys.stderr.fileno(), fd)
    records_out = os.fdopen(saved, "w", buffering=1, closefd=False)
    previous, sys.stdout = sys.stdout, sys.stderr
    yield records_out
    records_out.flush()
    sys.stdout = previous
    os.dup2(saved, fd)
    os.close(saved)


# Keys whose JSON record this command has printed (streamed as shards finished, or by emit_records):
# each key is printed once per command.
_printed_keys: set[str] = set()


def _print_json(records: Iterable[Record], stream=None) -> None:
    for record in records:
        if record.key in _printed_keys:
            continue
        _printed_keys.add(record.key)
        click.echo(json.dumps(record.to_json(), default=str), file=stream)


def execute(engine, spec, run_options, as_json: bool = False):
    """Run ``spec`` through the runner; a progress bar on stderr when it is a terminal and not ``--json``.
    With ``--json`` each shard's records are printed as it finishes (an interrupted run has printed what
    it stored). Failed shards are reported on stderr, one line each, and make the command exit with
    status 1."""
    from dataclasses import replace

    from discover.runner import run_search

    show = not as_json and sys.stderr.isatty()
    with _stdout_kept_for_records(run_options.backend == "ray") as records_out:
        stream = (lambda records: _print_json(records, records_out)) if as_json else None
        summary = run_search(engine, spec, replace(run_options, progress=show), on_records=stream)
    for shard_id, error in summary.shards_failed:
        click.echo(f"discover: shard {shard_id} failed: {error}", err=True)
    if summary.shards_failed:
        global exit_status
        exit_status = 1
    return summary


Column = tuple[str, Callable[[Record], Any]]


def emit_records(records: Iterable[Record], as_json: bool, columns: Sequence[Column],
                 title: str | None = None, empty: str = "no results") -> None:
    """Print records: JSON Lines with ``--json`` (those not printed yet by this command), else a table
    with the given columns."""
    records = list(records)
    if as_json:
        _print_json(records)
        return
    if not records:
        click.echo(empty)
        return
    print_table([[str(fn(r)) for _, fn in columns] for r in records], [h for h, _ in columns], title)


def print_table(rows: Sequence[Sequence[str]], headers: Sequence[str], title: str | None = None) -> None:
    """A table on stdout (:mod:`cli.text_table`): wrapped to the terminal's width on a terminal, one line
    per row otherwise."""
    from cli.text_table import render

    stream = click.get_text_stream("stdout")
    width = None
    if stream.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    click.echo(render([[str(c) for c in row] for row in rows], [str(h) for h in headers], title, width))


def emit_summary(summary, as_json: bool) -> None:
    """One line on stderr about the run (never on stdout, so ``--json`` output stays records only)."""
    if as_json or not summary:
        return
    sys.stdout.flush()  # the table first, when stdout and stderr share one stream
    stopped = (f" ({summary.shards_stopped} more stopped: {summary.goal_met})"
               if summary.shards_stopped and summary.goal_met else "")
    click.echo(f"run {summary.run_id}: {summary.shards_done} shards{stopped}, {summary.candidates:,} candidates, "
               f"{len(summary.records)} verified ({len(summary.new_keys)} new), {summary.seconds:.1f} s",
               err=True)

# Exit status of the current command when it returns normally (1 if any shard failed).
exit_status = 0


def start_command() -> None:
    """Forget the previous command's exit status and printed keys (one process may run several)."""
    global exit_status
    exit_status = 0
    _printed_keys.clear()
