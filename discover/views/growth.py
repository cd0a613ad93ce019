"""``plot growth``: the growth function of Cayley graphs, from the store's ``cayley.growth`` records.

The growth function of a Cayley graph is k -> |layer k|, the number of group elements at distance k
from the identity (layer 0 = {identity}); the record holds it as ``layer_sizes``. One curve per record
(a family at one size n), on a log scale. Normalised, each curve shows the *fraction* of the group in
layer k, |layer k| / order, against k / diameter, so that sizes and families of different diameter
can be compared on one picture (the same records, divided by two of their own fields).
"""

from __future__ import annotations

from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.views.figure import new_figure, save

ENGINE = "cayley.growth"


def family_name(record: Record) -> str:
    p = record.payload
    return str(p.get("family") or p.get("generators") or "generators")


def growth_series(records: list[Record], families=None, sizes=None, normalise: bool = False) -> list[dict]:
    """One series per growth record (filtered by family names and sizes n), by family then n:
    ``{"label", "family", "n", "key", "x", "y"}`` with x = k and y = |layer k| (or the normalised pair)."""
    series = []
    for record in records:
        if record.engine != ENGINE or record.kind != "growth":
            continue
        p = record.payload
        family = family_name(record)
        if families and family not in families:
            continue
        if sizes and p.get("n") not in sizes:
            continue
        layers = [int(v) for v in p["layer_sizes"]]
        xs = list(range(len(layers)))
        ys = list(layers)
        if normalise:
            order = sum(layers)  # the record's verification: the layers sum to the order
            diameter = max(len(layers) - 1, 1)
            xs = [k / diameter for k in xs]
            ys = [v / order for v in ys]
        label = f"{family}, n = {p.get('n')}" + (f" mod {p['modulus']}" if p.get("modulus") else "")
        series.append({"label": label, "family": family, "n": p.get("n"), "key": record.key, "x": xs, "y": ys})
    return sorted(series, key=lambda s: (s["family"], s["n"] or 0))


def plot_growth(records: list[Record], path: Path, fmt: str, families=None, sizes=None,
                normalise: bool = False) -> list[dict]:
    """Draw the growth curves into ``path``; returns the plotted series (see :func:`growth_series`)."""
    series = growth_series(records, families, sizes, normalise)
    if not series:
        raise InputError("plot growth: no cayley growth records match in the store "
                         "(run e.g. 'discover cayley mine --generators lrx --n 4..9' first)")
    fig, ax = new_figure()
    families = list(dict.fromkeys(s["family"] for s in series))
    styles = ("-", "--", ":", "-.")  # colours repeat after ten curves: the family keeps its own line style
    for s in series:
        ax.plot(s["x"], s["y"], marker="o", markersize=3, linewidth=1.2, label=s["label"],
                linestyle=styles[families.index(s["family"]) % len(styles)])
    ax.set_yscale("log")
    if normalise:
        ax.set_xlabel("distance from the identity / diameter (fraction)")
        ax.set_ylabel("|layer k| / group order (fraction of elements)")
        ax.set_title("Growth of Cayley graphs, normalised")
    else:
        ax.set_xlabel("distance k from the identity (generator steps)")
        ax.set_ylabel("|layer k| (number of elements)")
        ax.set_title("Growth of Cayley graphs: elements at each distance")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, ncol=2 if len(series) > 8 else 1)
    save(fig, path, fmt)
    return series
