"""``plot cmf --cmf NAME``: delta and the identified limit of every stored walk of a CMF, by direction.

A conservative matrix field (CMF) is walked from a start point along a trajectory direction t (an
integer vector); each ``cf.cmf`` ``cmf-walk`` record holds the direction (``trajectory``), the start,
the identified closed form of the limit (``closed_form``) and delta (``delta``: the irrationality-
measure estimate; delta > 0 along a direction gives an irrationality proof of its limit). The figure
puts the directions on the x axis (ordered by angle atan2(t_2, t_1) for two axes, else as stored),
delta on the y axis, and colours each walk by its identified limit.
"""

from __future__ import annotations

import math
from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.views.figure import new_figure, pyplot, save

ENGINE = "cf.cmf"


def cmf_walks(records: list[Record], cmf: str) -> list[dict]:
    """``{"trajectory", "start", "delta", "closed_form", "digits", "key"}`` per walk record of ``cmf``,
    ordered by direction (then start)."""
    walks = []
    for record in records:
        p = record.payload
        if record.engine != ENGINE or record.kind != "cmf-walk" or p.get("cmf") != cmf:
            continue
        walks.append({"trajectory": tuple(p["trajectory"]), "start": tuple(p["start"]), "delta": p.get("delta"),
                      "closed_form": p.get("closed_form"), "digits": p.get("digits"), "key": record.key})

    def direction(walk):
        t = walk["trajectory"]
        angle = math.atan2(t[1], t[0]) if len(t) == 2 else 0.0
        return (angle, t, walk["start"])

    return sorted(walks, key=direction)


def plot_cmf(records: list[Record], cmf: str, path: Path, fmt: str) -> list[dict]:
    """Draw :func:`cmf_walks` into ``path``; returns the walks plotted."""
    walks = cmf_walks(records, cmf)
    if not walks:
        names = sorted({r.payload.get("cmf") for r in records if r.engine == ENGINE and r.kind == "cmf-walk"})
        known = f"; the store has walks of {', '.join(names)}" if names else ""
        raise InputError(f"--cmf {cmf}: no walks of this CMF in the store (run e.g. "
                         f"'discover cf cmf search --cmf {cmf}' first){known}")
    directions = list(dict.fromkeys(w["trajectory"] for w in walks))
    position = {t: i for i, t in enumerate(directions)}
    limits = list(dict.fromkeys(w["closed_form"] for w in walks))
    colours = pyplot().rcParams["axes.prop_cycle"].by_key()["color"]
    fig, ax = new_figure()
    for i, limit in enumerate(limits):
        mine = [w for w in walks if w["closed_form"] == limit and w["delta"] is not None]
        # walks from different starts along one direction are spread a little so none hides another
        xs = [position[w["trajectory"]] + 0.08 * _start_rank(walks, w) for w in mine]
        ax.scatter(xs, [w["delta"] for w in mine], s=40, color=colours[i % len(colours)], label=f"limit {limit}",
                   edgecolors="black", linewidths=0.4, zorder=3)
    ax.axhline(0, color="black", linewidth=0.8, label="delta = 0 (above: proves irrationality)")
    ax.set_xticks(range(len(directions)))
    ax.set_xticklabels(["(" + ", ".join(map(str, t)) + ")" for t in directions], rotation=45 if len(directions) > 8 else 0)
    ax.set_xlabel("trajectory direction (axis steps per walk step)")
    ax.set_ylabel("delta (dimensionless)")
    ax.set_title(f"CMF {cmf}: delta and identified limit of each walk")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    save(fig, path, fmt)
    return walks


def _start_rank(walks: list[dict], walk: dict) -> int:
    starts = sorted({w["start"] for w in walks if w["trajectory"] == walk["trajectory"]})
    return starts.index(walk["start"]) - (len(starts) - 1) / 2
