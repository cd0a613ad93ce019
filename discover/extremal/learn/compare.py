"""Time-to-value of the learned walk against tabu, in the same lane driver, same budget, same seeds.

For each size n and seed, :func:`discover.extremal.lanes.search_size` runs once with
``walks="flip"`` (tabu search and hill climbing by turns) and once with ``walks="learned"`` (the
learned walk in place of tabu, hill climbing unchanged), from scratch (no seeds), for the same
seconds, one after the other on the same machine. The driver's progress reports (at most every
0.2 s, after each kernel call) give the time at which the lane's best first reached each edge count;
the last gain's time is exact. Every final graph is re-checked by :func:`discover.extremal.verify.verify`.

Run: ``python -m discover.extremal.learn.compare --n 30,40,50 --seeds 3 --time 20 --output FILE.json``.
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

WALKS = ("flip", "learned")


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


def compare(sizes, seeds: int, seconds: float, problem_name: str = "c3c4", log=print) -> list[dict]:
    """Both walks at every size and seed (tabu first, then learned, per seed)."""
    problem = get_problem(problem_name)
    for w in WALKS:
        warm_up(problem, w)
    rows = []
    for n in sizes:
        for s in range(seeds):
            for w in WALKS:
                row = run_one(problem, n, w, 1000 * n + s, seconds)
                rows.append(row)
                log(f"n={n} seed={s} {w}: {row['edges']} edges at "
                    f"{row['seconds_to'].get(row['edges'], float('nan')):.1f} s, {row['steps']} steps, "
                    f"verified={row.get('verified')}")
    return rows


def summary(rows: list[dict]) -> list[dict]:
    """Per size: the highest edge count every run of both walks reached (the common value), and each
    walk's median time to it, median and best final edges, and which walk wins (lower median time to
    the common value; a higher median final count first)."""
    out = []
    for n in sorted({r["n"] for r in rows}):
        by = {w: [r for r in rows if r["n"] == n and r["walks"] == w and r["edges"] is not None] for w in WALKS}
        common = min(r["edges"] for w in WALKS for r in by[w])
        entry = {"n": n, "seeds": len(by["flip"]), "common_value": common}
        for w in WALKS:
            entry[w] = {"median_edges": float(np.median([r["edges"] for r in by[w]])),
                        "best_edges": max(r["edges"] for r in by[w]),
                        "median_seconds_to_common": float(np.median([r["seconds_to"][common] for r in by[w]])),
                        "median_steps": float(np.median([r["steps"] for r in by[w]]))}
        f, lrn = entry["flip"], entry["learned"]
        if f["median_edges"] != lrn["median_edges"]:
            entry["wins"] = "tabu" if f["median_edges"] > lrn["median_edges"] else "learned"
        else:
            entry["wins"] = "tabu" if f["median_seconds_to_common"] <= lrn["median_seconds_to_common"] else "learned"
        out.append(entry)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", default="30,40,50,60,64")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--time", type=float, default=20.0)
    ap.add_argument("--output", default=None)
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.n.split(",")]
    if not all(8 <= n <= 128 for n in sizes) or not (1 <= args.seeds <= 32) or not (0 < args.time <= 3600):
        ap.error("sizes 8..128, seeds 1..32, time 0..3600 s")
    rows = compare(sizes, args.seeds, args.time)
    result = {"time": args.time, "seeds": args.seeds, "rows": rows, "summary": summary(rows)}
    if args.output:
        with open(args.output, "w") as fh:
            json.dump(result, fh, indent=1)
    for e in result["summary"]:
        print(json.dumps(e))


if __name__ == "__main__":
    main()
