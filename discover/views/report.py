"""``results report``: a static HTML site of a results store, readable offline from the file system.

Layout of ``out_dir``::

    index.html            the store: conjectures and runs per engine, links to the pages
    <engine>.html         one page per engine (cf, cayley, extremal, chem): the figures, then every
                          conjecture in a sortable table with its verification (click a row's
                          "verification" to open it)
    figures/*.png         the figures of :mod:`discover.views` drawn from the store's records
    data/<engine>.jsonl   the engine's records (JSON Lines, as ``results export`` writes them), and
    data/<engine>.tex     LaTeX, .b (OEIS b-file) and .g6 (graph6) where the records hold those

Everything is relative links and inline CSS/JS (a table sorter of a few lines): no network, no server.
Each page checks on load that its images decoded and writes a console error naming any that did not
(the browser test fails on any console message). The figures need no computation: a CMF figure per CMF
in the store, the record plot per extremal problem, growth and diameters for Cayley graphs, and a
reaction map per stored reaction set (from the reactions the record holds); ``plot convergence``
(which evaluates a PCF) is not drawn here.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.views.output import checked_folder, write_text
from discover.views.source import engine_family

ENGINE_TITLES = {"cf": "Continued fractions", "cayley": "Cayley graphs", "extremal": "Extremal graphs",
                 "chem": "Reaction balancing"}
MAX_REACTION_FIGURES = 12

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
td.long { overflow-wrap: anywhere; min-width: 16em; }
th { background: #f3f3f3; cursor: pointer; user-select: none; white-space: nowrap; }
th.asc::after { content: " \\25B2"; } th.desc::after { content: " \\25BC"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-size: 0.85em; } pre { white-space: pre-wrap; margin: 0.3em 0; }
figure { display: inline-block; margin: 0.5em; } figure img { max-width: 560px; border: 1px solid #ddd; }
nav a { margin-right: 1em; }
"""

# Sort a table by the clicked column (numbers numerically, the rest as text); check every image loaded.
SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var asc = !th.classList.contains("asc");
      table.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(asc ? "asc" : "desc");
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        var nx = parseFloat(x), ny = parseFloat(y), c;
        if (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) { c = nx - ny; }
        else { c = x < y ? -1 : (x > y ? 1 : 0); }
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
window.addEventListener("load", function () {
  Array.prototype.forEach.call(document.images, function (img) {
    if (!img.complete || img.naturalWidth === 0) { console.error("missing image: " + img.getAttribute("src")); }
  });
});
"""

# The engine's own numbers worth a column of their own (when a record has them), in this order.
COLUMNS = ["n", "family", "quantity", "problem", "edges", "status", "closed_form", "digits", "delta", "depth",
           "diameter", "order", "cmf", "trajectory", "equation", "elementary_reactions"]


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>\n{body}\n<script>{SCRIPT}</script>\n</body></html>\n")


def _cell(value) -> str:
    if value is None:
        return '<td data-sort=""></td>'
    if isinstance(value, bool):
        text = "yes" if value else "no"
        return f'<td data-sort="{text}">{text}</td>'
    if isinstance(value, (int, float)):
        return f'<td class="num" data-sort="{value}">{html.escape(str(value))}</td>'
    text = value if isinstance(value, str) else json.dumps(value)
    long = ' class="long"' if len(text) > 40 else ""  # only long cells break inside words
    return f'<td{long} data-sort="{html.escape(text)}">{html.escape(text)}</td>'


def conjecture_table(records: list[Record]) -> str:
    """A sortable table of ``records``: key, engine, kind, statement, the engine's main numbers and the
    verification (in a ``<details>``)."""
    columns = [c for c in COLUMNS if any(c in r.payload for r in records)]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in ["key", "engine", "kind", "statement", *columns,
                                                          "verification"])
    rows = []
    for r in records:
        verification = html.escape(json.dumps(r.verification, indent=1, default=str))
        method = html.escape(str(r.verification.get("method", "verified")))
        cells = [f'<td data-sort="{r.key}"><code id="{r.key}">{r.key[:12]}</code></td>', _cell(r.engine),
                 _cell(r.kind), _cell(r.statement), *(_cell(r.payload.get(c)) for c in columns),
                 f'<td data-sort="{method}"><details><summary>{method}</summary><pre>{verification}</pre>'
                 "</details></td>"]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(rows)
            + "\n</tbody></table>")


def _figures(engine: str, records: list[Record], folder: Path) -> list[tuple[str, str]]:
    """Draw the figures of one engine's records into ``folder``: ``[(file name, caption)]``."""
    from discover.views import cmf, diameters, growth, reactions
    from discover.views import records as extremal

    out: list[tuple[str, str]] = []

    def draw(name: str, caption: str, fn, *args) -> None:
        try:
            fn(*args, folder / name, "png")
        except InputError:  # nothing of this kind among the records: no figure
            return
        out.append((name, caption))

    if engine == "cayley":
        draw("cayley-growth.png", "Growth functions (log scale)", growth.plot_growth, records)
        draw("cayley-diameters.png", "Diameters and fitted formulas (held-out sizes hollow)",
             diameters.plot_diameters, records)
    elif engine == "cf":
        names = sorted({r.payload["cmf"] for r in records if r.kind == "cmf-walk" and "cmf" in r.payload})
        for name in names:
            draw(f"cf-cmf-{_slug(name)}.png", f"CMF {name}: delta by trajectory direction",
                 lambda recs, path, fmt, name=name: cmf.plot_cmf(recs, name, path, fmt), records)
    elif engine == "extremal":
        problems = sorted({r.payload["problem"] for r in records if "problem" in r.payload})
        for problem in problems:
            if problem in extremal.BOUNDS:
                draw(f"extremal-{_slug(problem)}.png", f"{problem}: edges against n, published values, bound",
                     lambda recs, path, fmt, problem=problem: extremal.plot_records(recs, problem, path, fmt),
                     records)
    elif engine == "chem":
        sets = [r for r in records if r.kind == "reaction_set" and "reactions_signed" in r.payload]
        for r in sets[:MAX_REACTION_FIGURES]:
            draw(f"chem-{r.key[:12]}.png", f"Elementary reactions of {r.payload.get('equation', r.key[:12])}",
                 lambda rec, path, fmt: reactions.draw_reactions(reactions.reaction_map_of_record(rec), path, fmt),
                 r)
    return out


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(text))


def _data_files(engine: str, records: list[Record], folder: Path) -> list[tuple[str, str]]:
    """Write the engine's records as JSON Lines and, where they hold them, LaTeX, b-file and graph6."""
    from discover.views import formats

    out = []
    jsonl = folder / f"{engine}.jsonl"
    write_text(jsonl, "".join(json.dumps(r.to_json(), default=str) + "\n" for r in records))
    out.append((jsonl.name, "JSON Lines (every field)"))
    formats.export_latex(records, folder / f"{engine}.tex")
    out.append((f"{engine}.tex", "LaTeX"))
    for suffix, label, export in ((".b", "OEIS b-file", formats.export_bfile),
                                  (".g6", "graph6", formats.export_graph6)):
        try:
            export(records, folder / f"{engine}{suffix}")
        except InputError:  # no sequence / no graph among these records
            continue
        out.append((f"{engine}{suffix}", label))
    return out


def write_report(store_path, out_dir) -> list[Path]:
    """Write the report of the store at ``store_path`` into ``out_dir`` (created if its parent exists);
    returns the HTML pages written (index first)."""
    from discover.store import Store

    folder = checked_folder(out_dir)
    with Store(store_path, create=False) as db:
        records = [c.record for c in db.conjectures()]
        runs = db.runs()
        store_name = str(db.path)
    folder.mkdir(exist_ok=True)
    (folder / "figures").mkdir(exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    engines = list(dict.fromkeys(engine_family(r) for r in records))
    pages = []
    nav = "<nav><a href=\"index.html\">index</a>" + "".join(
        f'<a href="{e}.html">{html.escape(ENGINE_TITLES.get(e, e))}</a>' for e in engines) + "</nav>"
    for engine in engines:
        mine = [r for r in records if engine_family(r) == engine]
        figures = _figures(engine, mine, folder / "figures")
        data = _data_files(engine, mine, folder / "data")
        body = [nav, f"<h1>{html.escape(ENGINE_TITLES.get(engine, engine))}</h1>",
                f"<p>{len(mine)} verified conjectures from <code>{html.escape(store_name)}</code>.</p>"]
        if figures:
            body.append("<h2>Figures</h2>")
            body += [f'<figure><a href="figures/{name}"><img src="figures/{name}" alt="{html.escape(caption)}">'
                     f"</a><figcaption>{html.escape(caption)}</figcaption></figure>" for name, caption in figures]
        body.append("<h2>Data</h2><ul>" + "".join(f'<li><a href="data/{name}">{name}</a>: {label}</li>'
                                                  for name, label in data) + "</ul>")
        body += ["<h2>Conjectures</h2><p>Click a column heading to sort.</p>", conjecture_table(mine)]
        page = folder / f"{engine}.html"
        write_text(page, _page(f"discover: {ENGINE_TITLES.get(engine, engine)}", "\n".join(body)))
        pages.append(page)
    run_rows = "".join(
        "<tr>" + "".join(_cell(v) for v in (run.id, run.engine, run.status, run.started, run.finished, run.command))
        + "</tr>" for run in runs)
    summary = "".join(
        f'<tr><td><a href="{e}.html">{html.escape(ENGINE_TITLES.get(e, e))}</a></td>'
        + _cell(sum(engine_family(r) == e for r in records)) + "</tr>" for e in engines)
    index = [nav, "<h1>discover results</h1>",
             f"<p>Store <code>{html.escape(store_name)}</code>: {len(records)} verified conjectures, "
             f"{len(runs)} runs. Every conjecture here passed its engine's independent check.</p>",
             '<h2>Engines</h2><table class="sortable"><thead><tr><th>engine</th><th>conjectures</th></tr></thead>'
             f"<tbody>{summary}</tbody></table>",
             '<h2>Runs</h2><table class="sortable"><thead><tr><th>run</th><th>engine</th><th>status</th>'
             f"<th>started</th><th>finished</th><th>command</th></tr></thead><tbody>{run_rows}</tbody></table>"]
    index_path = folder / "index.html"
    write_text(index_path, _page("discover results", "\n".join(index)))
    return [index_path, *pages]
