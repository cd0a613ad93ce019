"""``plot diameters``: diameters of Cayley graphs against n (or the modulus p) with the fitted formula.

From ``cayley.fit`` records of quantity ``diameter``: the record holds the computed diameters
(``values``, n -> diameter), the sizes the quasi-polynomial was fitted on (``fitted_on``) and those it
predicted without seeing them (``predicted``: the held-out points), and the formula itself
(``polynomials``, one per residue of n mod ``modulus``, valid from ``n_min``). The curve is that
formula evaluated at every integer n from n_min to the largest computed size: f(n) = P_{n mod s}(n).

A family with growth records but no fitted formula is plotted from its growth records (points only).
``by="p"`` plots the diameters of growth records against their modulus p (matrix groups mod p), one
series per family and size.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.views.figure import new_figure, pyplot, save
from discover.views.growth import ENGINE as GROWTH_ENGINE, family_name

FIT_ENGINE = "cayley.fit"


def evaluate_formula(polynomials: list, modulus: int, ns) -> list:
    """The record's quasi-polynomial at each n (exact): P_{n mod modulus}(n); None in a residue class the
    fit left open."""
    import sympy

    n = sympy.Symbol("n")
    exprs = [None if p is None else sympy.sympify(p, locals={"n": n}) for p in polynomials]
    out = []
    for x in ns:
        if exprs[x % modulus] is None:  # a residue class without data: the fit claims nothing there
            out.append(None)
            continue
        value = sympy.Rational(exprs[x % modulus].subs(n, x))
        out.append(Fraction(int(value.p), int(value.q)))
    return out


def diameter_series(records: list[Record], families=None, by: str = "n") -> list[dict]:
    """Per family: ``{"label", "family", "key", "fitted": [(n, d)], "held_out": [(n, d)], "points":
    [(x, d)], "curve": [(n, f(n))], "formula"}``; ``fitted``/``held_out``/``curve`` only with a formula."""
    if by not in ("n", "p"):
        raise InputError(f"--by {by!r}: expected n or p")
    series = []
    if by == "n":
        seen = set()
        for record in records:
            p = record.payload
            if record.engine != FIT_ENGINE or p.get("quantity") != "diameter":
                continue
            if p.get("variable", "n") != "n":  # a fit in the modulus p or a family parameter k: not by n
                continue
            if families and p.get("family") not in families:
                continue
            values = {int(k): int(v) for k, v in p["values"].items()}
            fitted = [(x, values[x]) for x in sorted(p["fitted_on"])]
            held_out = [(x, values[x]) for x in sorted(p["predicted"])]
            lo, hi = int(p["n_min"]), max(values)
            ns = list(range(lo, hi + 1))
            curve = [(x, y) for x, y in zip(ns, evaluate_formula(p["polynomials"], int(p["modulus"]), ns))
                     if y is not None]
            formula = record.statement.split(": ", 1)[-1]
            series.append({"label": p["family"], "family": p["family"], "key": record.key,
                           "points": sorted(values.items()), "fitted": fitted, "held_out": held_out,
                           "curve": curve, "formula": formula, "n_min": lo})
            seen.add(p["family"])
        by_family: dict[str, dict[int, int]] = {}
        for record in records:
            if (record.engine == GROWTH_ENGINE and record.kind == "growth" and not record.payload.get("start")
                    and record.payload.get("diameter") is not None and record.payload.get("n") is not None):
                family = family_name(record)
                if family in seen or (families and family not in families):
                    continue
                by_family.setdefault(family, {})[int(record.payload["n"])] = int(record.payload["diameter"])
        for family, values in by_family.items():
            series.append({"label": f"{family} (no formula)", "family": family, "key": None,
                           "points": sorted(values.items())})
    else:
        groups: dict[tuple, dict[int, int]] = {}
        for record in records:
            p = record.payload
            if record.engine != GROWTH_ENGINE or not p.get("modulus") or p.get("diameter") is None:
                continue  # a partial search has no diameter
            family = family_name(record)
            if families and family not in families:
                continue
            groups.setdefault((family, p.get("n")), {})[int(p["modulus"])] = int(p["diameter"])
        for (family, n), values in groups.items():
            series.append({"label": f"{family}, n = {n}", "family": family, "key": None,
                           "points": sorted(values.items())})
    return series


def plot_diameters(records: list[Record], path: Path, fmt: str, families=None, by: str = "n") -> list[dict]:
    """Draw diameters with their fitted formulas into ``path``; returns :func:`diameter_series`."""
    series = diameter_series(records, families, by)
    if not series:
        hint = ("'discover cayley mine --generators lrx --n 4..9'" if by == "n"
                else "'discover cayley growth --generators heisenberg --modulus 5'")
        raise InputError(f"plot diameters: no diameters{' by modulus' if by == 'p' else ''} in the store "
                         f"(run e.g. {hint} first)")
    fig, ax = new_figure()
    colours = pyplot().rcParams["axes.prop_cycle"].by_key()["color"]
    for i, s in enumerate(series):
        colour = colours[i % len(colours)]
        # families with equal diameters would hide each other: each family's markers sit a little aside
        nudge = 0.08 * (i - (len(series) - 1) / 2) if len(series) > 1 else 0.0
        if "curve" in s:
            xs, ys = zip(*s["curve"])
            ax.plot(xs, [float(y) for y in ys], color=colour, linewidth=1.2,
                    label=f"{s['family']}: {s['formula']} (n >= {s['n_min']})")
            fx, fy = zip(*s["fitted"])
            ax.plot([x + nudge for x in fx], fy, "o", color=colour, markersize=7, label=f"{s['family']}: fitted on")
            if s["held_out"]:
                hx, hy = zip(*s["held_out"])
                ax.plot([x + nudge for x in hx], hy, "D", markerfacecolor="white", markeredgecolor=colour, markeredgewidth=1.5,
                        markersize=8, label=f"{s['family']}: held out (predicted)")
            rest = [pt for pt in s["points"] if pt[0] < s["n_min"]]
            if rest:
                ax.plot(*zip(*rest), "x", color=colour, markersize=7, label=f"{s['family']}: before n_min")
        else:
            px, py = zip(*s["points"])
            ax.plot([x + nudge for x in px], py, "s--", color=colour, markersize=5, linewidth=0.8, label=s["label"])
    ax.set_xlabel("n (degree of the permutations)" if by == "n" else "p (modulus)")
    ax.set_ylabel("diameter (generator steps)")
    ax.set_title("Cayley graph diameters and fitted quasi-polynomials" if by == "n"
                 else "Cayley graph diameters by modulus")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    save(fig, path, fmt)
    return series
