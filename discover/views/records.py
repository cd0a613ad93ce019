"""``plot records --problem NAME``: our best edge counts against n, beside the published values and a
Moore-type upper bound.

From ``extremal.search`` records of the problem: the record's ``edges`` at its ``n`` (the best over all
stored graphs of that n). The published values are :mod:`discover.extremal.reference` (exact values and
best known lower bounds, with their sources there). The upper bound is the counting (Moore-type) bound
for the forbidden cycles, from the average degree d = 2m/n:

* no C3, C4 (girth >= 5): n >= 1 + d^2 (Alon-Hoory-Linial for irregular graphs), so m <= n sqrt(n-1) / 2;
* no C4: Reiman's bound m <= (n / 4) (1 + sqrt(4n - 3));
* no C3: Mantel, m <= n^2 / 4;
* no C3, C4, C5 (girth >= 6): n >= 2 (1 + (d-1) + (d-1)^2), so m <= (n / 2) (1 + (sqrt(2n - 3) - 1) / 2).

Each bound is drawn rounded down to an integer (an edge count).
"""

from __future__ import annotations

import math
from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.views.figure import new_figure, save

ENGINE = "extremal.search"

BOUNDS = {
    "c3c4": ("n sqrt(n-1) / 2", lambda n: n * math.sqrt(max(n - 1, 0)) / 2),
    "c4": ("(n/4)(1 + sqrt(4n-3))", lambda n: n / 4 * (1 + math.sqrt(4 * n - 3))),
    "c3": ("n^2 / 4 (Mantel)", lambda n: n * n / 4),
    "c3c4c5": ("(n/2)(1 + (sqrt(2n-3) - 1)/2)", lambda n: n / 2 * (1 + (math.sqrt(max(2 * n - 3, 0)) - 1) / 2)),
}


def best_edges(records: list[Record], problem: str) -> dict[int, dict]:
    """n -> the stored record of ``problem`` with the most edges at n: ``{"edges", "key", "graph6"}``."""
    best: dict[int, dict] = {}
    for record in records:
        p = record.payload
        if record.engine != ENGINE or p.get("problem") != problem or "edges" not in p:
            continue
        n = int(p["n"])
        if n not in best or int(p["edges"]) > best[n]["edges"]:
            best[n] = {"edges": int(p["edges"]), "key": record.key, "graph6": p.get("graph6")}
    return dict(sorted(best.items()))


def records_data(records: list[Record], problem: str, sizes=None) -> dict:
    """``{"problem", "ours": {n: edges}, "exact": {n: v}, "record": {n: v}, "bound": {n: floor},
    "bound_formula"}`` over ``sizes`` (default: the range of our n)."""
    from discover.extremal.problems import get_problem
    from discover.extremal.reference import reference_value

    spec = get_problem(problem)
    if spec.name not in BOUNDS:
        raise InputError(f"--problem {problem}: plot records draws edge-count problems "
                         f"({', '.join(BOUNDS)}); a Ramsey witness has no edge record")
    ours = {n: b["edges"] for n, b in best_edges(records, spec.name).items()}
    if not ours:
        raise InputError(f"--problem {problem}: no {spec.name} graphs in the store (run e.g. "
                         f"'discover extremal search --problem {spec.name} --n 10..20' first)")
    if sizes is None:
        sizes = range(min(ours), max(ours) + 1)
    exact, record = {}, {}
    for n in sizes:
        value, kind = reference_value(spec, n)
        if value is not None:
            (exact if kind == "exact" else record)[n] = value
    formula, bound = BOUNDS[spec.name]
    return {"problem": spec.name, "title": spec.title, "ours": {n: ours[n] for n in sizes if n in ours},
            "exact": exact, "record": record, "bound": {n: math.floor(bound(n)) for n in sizes},
            "bound_formula": formula}


def plot_records(records: list[Record], problem: str, path: Path, fmt: str, sizes=None) -> dict:
    """Draw :func:`records_data` into ``path``; returns the data."""
    data = records_data(records, problem, sizes)
    fig, ax = new_figure()
    bound = data["bound"]
    ax.plot(list(bound), list(bound.values()), color="grey", linestyle="--", linewidth=1,
            label=f"Moore-type upper bound: floor({data['bound_formula']})")
    if data["exact"]:
        ax.plot(list(data["exact"]), list(data["exact"].values()), "s", markersize=9, markerfacecolor="none",
                markeredgecolor="tab:green", markeredgewidth=1.5, label="published: exact value")
    if data["record"]:
        ax.plot(list(data["record"]), list(data["record"].values()), "^", markersize=9, markerfacecolor="none",
                markeredgecolor="tab:purple", markeredgewidth=1.5, label="published: best known lower bound")
    ours = data["ours"]
    ax.plot(list(ours), list(ours.values()), "o", markersize=5, color="tab:blue", label="ours: best stored graph")
    ax.set_xlabel("n (vertices)")
    ax.set_ylabel("edges")
    ax.set_title(f"{data['title']}")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    save(fig, path, fmt)
    return data
