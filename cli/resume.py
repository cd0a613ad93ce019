"""``discover resume RUN_ID``: finish an interrupted run of any engine without repeating its options."""

from __future__ import annotations

import click

from cli.common import emit_records, emit_summary, execute, json_option, runner_options


@click.command(name="resume")
@click.argument("run_id", type=int)
@json_option
@runner_options
def command(run_id, as_json, run_options):
    """Finish run RUN_ID: only its unfinished shards run; the spec comes from the store.

    The same as repeating the run's command with --resume RUN_ID. `discover results runs` lists the
    runs and their status.

    \b
    Example:
      discover resume 1
    """
    from dataclasses import replace

    from discover.errors import InputError
    from discover.runner.engine import load_engine
    from discover.store import Store
    from discover.store.sqlite_store import SQLITE_MAX_INT

    if not 0 < run_id <= SQLITE_MAX_INT:  # run ids are positive 64-bit integers (SQLite's)
        raise InputError(f"RUN_ID {run_id}: no such run (run ids are 1, 2, ...; `discover results runs` lists them)")
    with Store(run_options.store, create=False) as store:
        row = store.run(run_id)
    try:
        engine = load_engine(row.engine_ref, row.engine)
    except (ImportError, AttributeError, TypeError) as exc:
        raise InputError(f"RUN_ID {run_id}: its engine {row.engine_ref} cannot be loaded here ({exc})") from None
    summary = execute(engine, None, replace(run_options, resume=run_id), as_json)
    emit_records(summary.records, as_json,
                 [("key", lambda r: r.key[:12]), ("kind", lambda r: r.kind), ("statement", lambda r: r.statement)],
                 title=f"run {run_id} ({row.engine})")
    emit_summary(summary, as_json)
