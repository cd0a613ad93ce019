"""``discover results``: read the store (list, show, export). Nothing here writes conjectures."""

from __future__ import annotations

import json

import click

from cli.common import json_option, print_table, store_option


@click.group(name="results")
def group():
    """Read the results store: list, show and export verified conjectures.

    \b
    Example:
      discover results list --engine cf
    """


def _open(store):
    from discover.store import Store

    return Store(store, create=False)


@group.command(name="list")
@click.option("--engine", default=None, help="Only this engine (cf, cayley, extremal, chem, or e.g. cf.search).")
@click.option("--kind", default=None, help="Only this kind of record.")
@click.option("--run", "run_id", type=int, default=None, help="Only the conjectures this run saw.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@store_option
@json_option
def list_(engine, kind, run_id, limit, store, as_json):
    """List stored conjectures, oldest first.

    \b
    Example:
      discover results list --engine chem --limit 20
    """
    with _open(store) as db:
        rows = list(db.conjectures(engine=engine, kind=kind, run_id=run_id, limit=limit))
        if as_json:
            for row in rows:
                click.echo(json.dumps(row.to_json(), default=str))
            return
        if not rows:
            click.echo(f"no conjectures in {db.path}")
            return
        print_table([[r.record.key[:12], r.record.engine, r.record.kind, r.record.statement,
                      str(r.times_seen), str(r.first_run_id)] for r in rows],
                    ["key", "engine", "kind", "statement", "seen", "run"], title=f"{len(rows)} conjectures")


@group.command(name="runs")
@store_option
@json_option
def runs(store, as_json):
    """List the runs in the store with their status and shard counts (to find a RUN_ID for --resume).

    \b
    Example:
      discover results runs
    """
    with _open(store) as db:
        rows = []
        for run in db.runs():
            status = db.shard_status(run.id)
            done = sum(s == "done" for s in status.values())
            failed = sum(s == "failed" for s in status.values())
            stopped = sum(s == "stopped" for s in status.values())
            rows.append({"run": run.id, "engine": run.engine, "status": run.status, "shards": len(status),
                         "done": done, "failed": failed, "stopped": stopped, "started": run.started,
                         "finished": run.finished, "command": run.command})
    if as_json:
        for row in rows:
            click.echo(json.dumps(row))
        return
    if not rows:
        click.echo("no runs")
        return
    # a shard stopped because the run's goal was met first (e.g. another lane reached the value)
    print_table([[str(r["run"]), r["engine"], r["status"],
                  f'{r["done"]}/{r["shards"]}' + (f' ({r["stopped"]} stopped)' if r["stopped"] else ""),
                  str(r["failed"]),
                  r["started"], r["command"]] for r in rows],
                ["run", "engine", "status", "done", "failed", "started", "command"])


@group.command(name="show")
@click.argument("key")
@click.option("--format", "fmt", type=click.Choice(["text", "latex"]), default="text", show_default=True,
              help="How to print the record: its fields as text, or its statement as LaTeX.")
@store_option
@json_option
def show(key, fmt, store, as_json):
    """Show one conjecture (KEY or a unique prefix of it), with its verification.

    \b
    Example:
      discover results show 3f2a9c
    """
    with _open(store) as db:
        row = db.conjecture(key)
    if fmt == "latex":
        from discover.views.formats import record_latex

        click.echo(record_latex(row.record))
        return
    data = row.to_json()
    if as_json:
        click.echo(json.dumps(data, default=str))
        return
    width = max(len(k) for k in data)
    for name, value in data.items():
        text = value if isinstance(value, str) else json.dumps(value, default=str)
        click.echo(f"{name.rjust(width)}  {text}")


@group.command(name="export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "latex", "bfile", "graph6"]),
              default="jsonl", show_default=True,
              help="Output format: records (jsonl, csv, parquet), a LaTeX document, OEIS b-file lines of the "
                   "integer sequences, or graph6 lines of the graphs.")
@click.option("--output", "-o", type=click.Path(), required=True, help="File to write (a new or regular file).")
@click.option("--engine", default=None, help="Only this engine.")
@click.option("--kind", default=None, help="Only this kind of record.")
@store_option
def export(fmt, output, engine, kind, store):
    """Export verified conjectures: JSON Lines, CSV or Parquet records, a LaTeX document (PCFs as continued
    fractions, conjectures as equations, growth tables), OEIS b-files (layer sizes, diameters by n, record
    values by n) or graph6 (graphs).

    \b
    Example:
      discover results export --format csv --output results/all.csv
    """
    with _open(store) as db:
        rows = db.conjectures(engine=engine, kind=kind)
        if fmt in ("latex", "bfile", "graph6"):
            from discover.views import formats

            count = getattr(formats, f"export_{fmt}")(list(rows), output)
            what = "sequences" if fmt == "bfile" else "conjectures"
        else:
            from discover.store.export import export as write

            count, what = write(rows, fmt, output), "conjectures"
    click.echo(f"wrote {count} {what} to {output}", err=True)


@group.command(name="report")
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder to write the site into (created; its parent must exist).")
@store_option
def report(output, store):
    """Write a static HTML report of the store: an index, a page per engine with figures, sortable tables
    of the conjectures with their verification, and links to the exported data. It works offline: open
    DIR/index.html in a browser.

    \b
    Example:
      discover chem balance --all "H2 + O2 -> H2O + H2O2" && discover results report --output report
    """
    from discover.views.report import write_report

    pages = write_report(store, output)
    click.echo(f"wrote {len(pages)} pages to {pages[0]}", err=True)
