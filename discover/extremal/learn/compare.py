"""Time-to-value of the learned walk against tabu, in the same lane driver, same budget, same seeds.

For each size n and seed, :func:`discover.extremal.lanes.search_size` runs once with
``walks="flip"`` (tabu search and hill climbing by turns) and once with ``walks="learned"`` (the
learned walk in place of tabu, hill climbing unchanged), from scratch (no seeds), for the same
seconds, one after the other on the same machine. The driver's progress reports (at most every
0.2 s, after each kernel call) give the time at which the lane's best first reached each edge count;
the last gain's time is exact. Every final graph is re-checked by :func:`discover.extremal.verify.verify`.

An ablation arm ``zero`` runs the learned walk's kernel with the zero network (the tabu rule with the
learned walk's kick), to tell the network's effect from the kernel's.

Run: ``python -m discover.extremal.learn.compare --n 30,40,50 --seeds 3 --time 20 [--arms flip,learned,zero]
--output FILE.json``.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from discover.extremal.lanes import edges_from_adjacency, search_size, warm_up
from discover.extremal.problems import get_problem
from discover.extremal.verify import verify
from discover.runner import inner

# the arms: tabu (``walks="flip"``), the learned walk with the shipped policy, and (an ablation) the
# learned walk's kernel with the zero network, i.e. the tabu rule with the learned walk's kick
ARMS = {"flip": ("flip", None), "learned": ("learned", None), "zero": ("learned", "tabu rule")}


def run_one(problem, n: int, walks: str, seed: int, seconds: float, policy=None) -> dict:
    """One lane at size n: final edges, time to each edge count reached, kernel steps, verification."""
    reached: dict[int, float] = {}
    t0 = time.perf_counter()

    def sink(_shard, fields):
        e = int(fields.get("best_edges", -1))
        if e >= 0 and e not in reached:
            reached[e] = time.perf_counter() - t0

    previous = inner.set_sink(sink)
    inner.MIN_INTERVAL, interval = 0.0, inner.MIN_INTERVAL
    try:
        found, steps = search_size(problem, n, seconds, seed, [], walks=walks, from_scratch=True, policy=policy)
    finally:
        inner.set_sink(previous)
        inner.MIN_INTERVAL = interval
    if found is None:
        return {"n": n, "walks": walks, "seed": seed, "edges": None, "steps": steps}
    reached[found.edges] = found.seconds
    checked = verify(problem, n, edges_from_adjacency(found.adjacency))
    # time to reach v = first time the best was >= v
    times = {}
    for v in range(found.edges, -1, -1):
        later = [t for e, t in reached.items() if e >= v]
        if not later:
            break
        times[v] = min(later)
    return {"n": n, "walks": walks, "seed": seed, "edges": found.edges, "seconds_to": times, "steps": steps,
            "verified": bool(checked["ok"])}


def compare(sizes, seeds: int, seconds: float, problem_name: str = "c3c4", arms=("flip", "learned"),
            log=print) -> list[dict]:
    """The arms at every size and seed, one after the other per seed (same seed for every arm)."""
    from discover.extremal.learn import weights as LW

    problem = get_problem(problem_name)
    for w in ("flip", "learned"):
        warm_up(problem, w)
    rows = []
    for n in sizes:
        for s in range(seeds):
            for w in arms:
                walks, policy = ARMS[w]
                row = run_one(problem, n, walks, 1000 * n + s, seconds,
                              LW.tabu_rule() if policy == "tabu rule" else None)
                row["walks"] = w
                rows.append(row)
                log(f"n={n} seed={s} {w}: {row['edges']} edges at "
                    f"{row['seconds_to'].get(row['edges'], float('nan')):.1f} s, {row['steps']} steps, "
                    f"verified={row.get('verified')}")
    return rows


def summary(rows: list[dict]) -> list[dict]:
    """Per size: the highest edge count every run of every arm reached (the common value) and the
    highest any run reached (the top value); each arm's median time to the common value, its runs
    that reached the top and their median time, median and best final edges; ``wins``: tabu or
    learned (more runs at the top first, then a higher median final count, then the lower median time
    to the common value)."""
    out = []
    arms = [w for w in ARMS if any(r["walks"] == w for r in rows)]
    for n in sorted({r["n"] for r in rows}):
        by = {w: [r for r in rows if r["n"] == n and r["walks"] == w and r["edges"] is not None] for w in arms}
        common = min(r["edges"] for w in arms for r in by[w])
        top = max(r["edges"] for w in arms for r in by[w])
        entry = {"n": n, "seeds": len(by["flip"]), "common_value": common, "top_value": top}
        for w in arms:
            at_top = [r["seconds_to"][top] for r in by[w] if r["edges"] >= top]
            entry[w] = {"runs_at_top": len(at_top),
                        "median_seconds_to_top": float(np.median(at_top)) if at_top else None,"median_edges": float(np.median([r["edges"] for r in by[w]])),
                        "best_edges": max(r["edges"] for r in by[w]),
                        "median_seconds_to_common": float(np.median([r["seconds_to"][common] for r in by[w]])),
                        "median_steps": float(np.median([r["steps"] for r in by[w]]))}
        f, lrn = entry["flip"], entry["learned"]
        if f["runs_at_top"] != lrn["runs_at_top"]:
            entry["wins"] = "tabu" if f["runs_at_top"] > lrn["runs_at_top"] else "learned"
        elif f["median_edges"] != lrn["median_edges"]:
            entry["wins"] = "tabu" if f["median_edges"] > lrn["median_edges"] else "learned"
        else:
            entry["wins"] = "tabu" if f["median_seconds_to_common"] <= lrn["median_seconds_to_common"] else "learned"
        out.append(entry)
    return out


def markdown(result: dict) -> str:
    """The summary as a Markdown table: per size the top value (the most edges any run reached) and the
    common value (reached by every run), each arm's runs reaching the top (and their median time), its
    median time to the common value and median final edges, and the winner."""
    arms = list(result["arms"])
    head = (["n", "seeds", "top value", "common value"]
            + [f"{w}: runs at top (median s) / median s to common / median edges" for w in arms] + ["wins"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for e in result["summary"]:
        cells = [str(e["n"]), str(e["seeds"]), str(e["top_value"]), str(e["common_value"])]
        for w in arms:
            a = e[w]
            top = f"{a['median_seconds_to_top']:.1f} s" if a["runs_at_top"] else "-"
            cells.append(f"{a['runs_at_top']}/{e['seeds']} ({top}) / {a['median_seconds_to_common']:.1f} / "
                         f"{a['median_edges']:g}")
        cells.append(e["wins"])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def load(path) -> dict:
    """A saved run (``--output``), its summary recomputed (JSON keeps the edge counts as strings)."""
    with open(path) as fh:
        result = json.load(fh)
    for r in result["rows"]:
        r["seconds_to"] = {int(v): t for v, t in r.get("seconds_to", {}).items()}
    result.setdefault("arms", sorted({r["walks"] for r in result["rows"]}, key=list(ARMS).index))
    result["summary"] = summary(result["rows"])
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", default="30,40,50,60,64")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--time", type=float, default=20.0)
    ap.add_argument("--arms", default="flip,learned", help="of flip, learned, zero")
    ap.add_argument("--output", default=None)
    ap.add_argument("--table", default=None, metavar="FILE.json", help="only print the table of a saved run")
    args = ap.parse_args(argv)
    if args.table:
        print(markdown(load(args.table)))
        return
    arms = tuple(args.arms.split(","))
    if not set(arms) <= set(ARMS) or not {"flip", "learned"} <= set(arms):
        ap.error(f"--arms: flip and learned, and optionally zero ({', '.join(ARMS)})")
    sizes = [int(x) for x in args.n.split(",")]
    if not all(8 <= n <= 128 for n in sizes) or not (1 <= args.seeds <= 32) or not (0 < args.time <= 3600):
        ap.error("sizes 8..128, seeds 1..32, time 0..3600 s")
    rows = compare(sizes, args.seeds, args.time, arms=arms)
    result = {"time": args.time, "seeds": args.seeds, "arms": arms, "rows": rows, "summary": summary(rows)}
    if args.output:
        with open(args.output, "w") as fh:
            json.dump(result, fh, indent=1)
    print(markdown(result))


if __name__ == "__main__":
    main()
