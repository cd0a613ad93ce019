"""Helpers of the views' tests: the recorded store contents, and ``discover plot`` run in-process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

HERE = Path(__file__).resolve().parent


def stored_records():
    """The records of ``records.jsonl`` (written by real runs of every engine, see conftest)."""
    from discover.views.source import as_record

    with open(HERE / "records.jsonl") as fh:
        return [as_record(json.loads(line)) for line in fh]


def fill_store(path) -> list:
    """A store at ``path`` holding :func:`stored_records`, one run per engine; returns the records."""
    from discover.store import Store

    records = stored_records()
    with Store(path) as db:
        for engine in dict.fromkeys(r.engine for r in records):
            run = db.create_run(engine, engine, {}, f"test {engine}")
            db.register_shards(run, ["all"])
            db.finish_shard(run, "all", [r for r in records if r.engine == engine])
            db.set_run_status(run, "finished")
    return records


def invoke(monkeypatch, args):
    """``discover ARGS`` through the real root command (its one-line errors, exit statuses) with the
    ``plot`` group registered as cli/main.py will register it; returns click's Result."""
    from cli import main

    monkeypatch.setitem(main.GROUPS, "plot", ("cli.plot:group", "Plots of results."))
    return CliRunner().invoke(main.cli, [str(a) for a in args], catch_exceptions=False)
