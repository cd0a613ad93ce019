"""What the campaign ships, read from its store: ``campaign.jsonl`` (every verified growth, conjecture and
bound record), OEIS b-files under ``bfiles/``, and ``campaign_table.md`` (the table of the README).

A computed size is marked *new* only when it lies beyond every published list this script knows
(``published.json``: CayleyPy's data files and dataset generator, and the shared reference table); where
a published growth is known at a size we computed, the two are compared layer by layer.
The formula of a series is fitted here on every size the store holds for it (all runs together, through
the engine's fit shard, so the same held-out rule and formula check apply; these records are appended to
``campaign.jsonl``); each conjecture a run stored on fewer sizes is checked against every size computed
since and reported refuted at the first size where they disagree; so is the formula fitted on all sizes
below each of the two largest.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from discover.views.formats import bfile_text


def _series(p: dict) -> tuple[str, str, int]:
    """(series name, variable, x) of a growth payload: perm families run over n, matrix families over p."""
    ic = " inverse-closed" if p.get("inverse_closed") else ""
    family = p.get("family") or str(p.get("generators"))
    if p.get("modulus"):
        return f"{family}{ic} n={p['n']}", "p", int(p["modulus"])
    return f"{family}{ic}", "n", int(p["n"])


def _same_graph_names(series: str) -> list[str]:
    """UT_3 and the 3x3 Heisenberg group are one graph (stored under the name first computed)."""
    twins = {"unitriangular n=3": "heisenberg n=3", "heisenberg n=3": "unitriangular n=3"}
    return [series] + ([twins[series]] if series in twins else [])


def _evaluate(polys: list, modulus: int, variable: str, x: int):
    import sympy

    sym = sympy.Symbol(variable)
    text = polys[x % modulus]
    return None if text is None else sympy.Rational(sympy.sympify(text, locals={variable: sym}).subs(sym, x))


def _refit(name: str, var: str, points: dict):
    """The diameter conjecture of a series fitted on every size the store holds for it (all runs together),
    through the fit shard of the engine (its formula re-checked by check_formula), or None."""
    from discover.cayley.engine import FitSpec, run_fit_shard
    from discover.runner.engine import Shard

    if len(points) < 3:
        return None
    data = tuple(sorted((x, r.payload["diameter"]) for x, r in points.items()))
    n = next(iter(points.values())).payload["n"]
    spec = FitSpec(data=((name, "diameter", data),), variable=var, sizes=((name, n),) if var != "n" else ())
    records = run_fit_shard(spec, Shard(id=f"{name}-diameter", params={"family": name, "quantity": "diameter"})).records
    return records[0] if records else None


def export_all(store_path: Path, out: Path, commands: list[str]) -> None:
    from discover.store import Store

    published = json.loads((out / "published.json").read_text())
    with Store(str(store_path)) as store:
        records = [row.record for row in store.conjectures()]
        runs = store.runs()
    records = [r for r in records if r.verified]
    growth = [r for r in records if r.kind == "growth" and not r.payload.get("partial")]
    conjectures = [r for r in records if r.kind == "conjecture"]
    bounds = [r for r in records if r.kind == "bound"]

    lines = [json.dumps(r.to_json(), sort_keys=True) for r in
             sorted(growth, key=lambda r: (_series(r.payload)[0], _series(r.payload)[2]))
             + sorted(conjectures + bounds, key=lambda r: (r.kind, r.payload["family"], r.key))]
    (out / "campaign.jsonl").write_text("\n".join(lines) + "\n")

    table: dict[str, dict[int, object]] = defaultdict(dict)
    variable: dict[str, str] = {}
    for r in growth:
        name, var, x = _series(r.payload)
        table[name][x] = r
        variable[name] = var

    bdir = out / "bfiles"
    bdir.mkdir(exist_ok=True)
    for old in bdir.glob("*.b"):
        old.unlink()
    for name, points in table.items():
        slug = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_")
        var = variable[name]
        (bdir / f"diameter_{slug}_by_{var}.b").write_text(
            bfile_text(f"diameter of the Cayley graph of {name} by {var}", {x: r.payload["diameter"]
                                                                             for x, r in points.items()}))
        for x, r in points.items():
            (bdir / f"growth_{slug}_{var}{x}.b").write_text(
                bfile_text(f"growth of {name} at {var} = {x}: a(k) = elements at distance k",
                           dict(enumerate(r.payload["layer_sizes"]))))

    rows, refits = [], []
    for name in sorted(table):
        points = table[name]
        var = variable[name]
        xs = sorted(points)
        diam = {x: points[x].payload["diameter"] for x in xs}
        pub = next((published["ranges"][s] for s in _same_graph_names(name) if s in published["ranges"]), None)
        pub_range = pub[0] if pub else None
        pub_text = "not in the lists" if pub is None else (
            "none" if pub_range is None else f"{var} = {pub_range[0]}..{pub_range[1]}")
        new = [x for x in xs if pub is not None and (pub_range is None or x > pub_range[1])]
        checks = []
        for s in _same_graph_names(name):
            for x, layers in published.get("layers", {}).get(s, {}).items():
                if int(x) in points:
                    checks.append(f"{x}: {'=' if points[int(x)].payload['layer_sizes'] == layers else 'DIFFERS'}")
            for x, d in published.get("diameters", {}).get(s, {}).items():
                if int(x) in points and points[int(x)].payload["diameter"] != d:
                    checks.append(f"diameter at {x} DIFFERS")
        refit = _refit(name, var, points)
        if refit is not None:
            refits.append(refit)
        formula, status = "none found", []
        if refit is not None:
            p = refit.payload
            formula = refit.statement.split(": ", 1)[1] + f" ({var} >= {p['n_min']})"
            status.append(f"fits all {sum(1 for x in xs if x >= p['n_min'])}, predicted {p['predicted_count']}")
        for cut in xs[-2:]:  # the formula the sizes below `cut` gave, checked on the sizes from `cut` on
            early = _refit(name, var, {x: r for x, r in points.items() if x < cut})
            if early is None:
                continue
            p = early.payload
            wrong = [x for x in xs if x >= cut and _evaluate(p["polynomials"], p["modulus"], var, x) != diam[x]]
            if wrong:
                status.append(f"{early.statement.split(': ', 1)[1]} ({var} >= {p['n_min']}, fitted on "
                              f"{var} < {cut}) refuted at {var} = {wrong[0]}")
        for c in conjectures:  # what the runs conjectured on fewer sizes, checked on everything computed since
            p = c.payload
            if p["quantity"] != "diameter" or p["family"] not in _same_graph_names(name):
                continue
            wrong = [x for x in xs if x >= p["n_min"] and _evaluate(p["polynomials"], p["modulus"], var, x) != diam[x]]
            if wrong:
                status.append(f"{c.statement.split(': ', 1)[1]} ({var} >= {p['n_min']}, stored by a run on fewer "
                              f"sizes) refuted at {var} = {wrong[0]}")
        status = "; ".join(status)
        seconds = max(points[x].payload.get("seconds", 0) or points[x].verification.get("seconds", 0) for x in xs)
        rows.append([name, pub_text, f"{var} = {xs[0]}..{xs[-1]}" if xs == list(range(xs[0], xs[-1] + 1))
                     else f"{var} in {{{','.join(map(str, xs))}}}",
                     ",".join(map(str, new)) or "-", "; ".join(checks) or "-", formula, status or "-",
                     f"{seconds:.1f}"])
    with open(out / "campaign.jsonl", "a") as f:
        for r in refits:
            f.write(json.dumps(r.to_json(), sort_keys=True) + "\n")
    head = ["series", "published", "ours", "new", "vs published layers", "diameter formula", "status",
            "largest BFS (s)"]
    md = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    md += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]

    best_bound: dict[str, object] = {}
    for b in bounds:
        fam = b.payload["family"]
        if fam not in best_bound or len(b.payload["diameters"]) > len(best_bound[fam].payload["diameters"]):
            best_bound[fam] = b
    md += ["", "| family | largest diameter | at | n^2/2 + 4n | largest ratio | within |", "|---|---|---|---|---|---|"]
    for fam in sorted(best_bound):
        p = best_bound[fam].payload
        md.append(f"| {fam} | {p['largest_diameter']} | {p['variable']} = {p['at']} | {p['bound']:g} | "
                  f"{p['largest_ratio']:.3f} | {'yes' if p['holds'] else 'NO'} |")

    md += ["", "| run | status | started | finished | command |", "|---|---|---|---|---|"]
    for r in runs:  # runs not among the steps: the first timing runs (run 2 was stopped on purpose)
        note = "" if r.command in commands else " (timing run)"
        md.append(f"| {r.id} | {r.status}{note} | {r.started} | {r.finished or '-'} | `{r.command}` |")
    (out / "campaign_table.md").write_text("\n".join(md) + "\n")
    readme = out / "README.md"
    text = readme.read_text()
    begin, end = "<!-- campaign table: written by campaign.py export -->", "<!-- end of campaign table -->"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        readme.write_text(head + begin + "\n" + "\n".join(md) + "\n" + end + rest.split(end, 1)[1])
    print("\n".join(md))
