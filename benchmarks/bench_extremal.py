"""Benchmark: the extremal search against the published table of ex(n; {C3, C4}) (OEIS A006856).

Phase 1 (n = 1..53, exact values): every size is searched from scratch (no curriculum, no seeds), by
``--workers`` independent lanes in parallel, each size capped at ``--exact-time`` seconds; the time to
reach is that of the first lane to reach the value. Target: every exact value, each within 60 s.

Phase 2 (n = 54..64, best known records): the curriculum, seeded with the phase-1 graphs for n <= 53;
each lane walks the sizes up (and with ``--passes 2`` back down), ``--record-time`` seconds per size and
pass, a size ending when its record is matched. Target: every record matched. The n = 64 record (230)
comes from the odd lanes' starts from scratch, about one start in six, hence 600 s per size by default.

For each size it prints the value reached, the published value, the ratio, the status and the time to
reach it, then a summary. Everything goes through the same runner and store as ``discover extremal
search`` (a temporary store unless ``--store`` is given).

    .venv/bin/python benchmarks/bench_extremal.py --workers 2                 # both phases (~25 min)
    .venv/bin/python benchmarks/bench_extremal.py --phase 1 --workers 2       # exact values only
    .venv/bin/python benchmarks/bench_extremal.py --record-time 45 --passes 3 --overshoot 2   # shorter
    .venv/bin/python benchmarks/bench_extremal.py --throughput 30,54,64,100,150,200,256       # moves/s

``--throughput SIZES`` measures the walks themselves instead: for each n, from one saturated random
graph, the vertex re-attachment walk's moves per second and the tabu search's steps per second (each
for ``--seconds`` in calls of about 0.1 s, as the driver makes them) and the edges each reached.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from discover.extremal.engine import ENGINE, ExtremalSearchSpec  # noqa: E402
from discover.extremal.reference import C3C4_EXACT, C3C4_RECORD  # noqa: E402
from discover.runner import RunOptions, run_search  # noqa: E402


def best_per_size(records):
    best = {}
    for r in records:
        p = r.payload
        cur = best.get(p["n"])
        if cur is None or (p["edges"], -p["seconds"]) > (cur.payload["edges"], -cur.payload["seconds"]):
            best[p["n"]] = r
    return best


def report(title, sizes, best, reference, wall):
    print(f"\n{title}")
    print(f"{'n':>3} {'reached':>8} {'published':>9} {'ratio':>6}  {'status':<14} {'seconds':>8}")
    hit = 0
    worst = 0.0
    for n in sizes:
        ref = reference[n]
        r = best.get(n)
        if r is None:
            print(f"{n:>3} {'-':>8} {ref:>9} {'-':>6}  {'none':<14} {'-':>8}")
            continue
        p = r.payload
        status = {"matches": "matches", "below": f"below by {p['by']}", "new_record": f"NEW RECORD +{p['by']}"}.get(
            p["status"], p["status"])
        if p["edges"] >= ref:
            hit += 1
            worst = max(worst, p["seconds"])
        print(f"{n:>3} {p['edges']:>8} {ref:>9} {p['edges'] / ref if ref else 1.0:>6.3f}  {status:<14} "
              f"{p['seconds']:>8.2f}", flush=True)
    print(f"reached {hit}/{len(sizes)}; slowest time to reach among those: {worst:.2f} s; wall {wall:.0f} s",
          flush=True)
    return hit


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phase", choices=["1", "2", "both"], default="both")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--exact-time", type=float, default=60.0, help="cap per size in phase 1 (s)")
    ap.add_argument("--record-time", type=float, default=600.0, help="time per size and pass in phase 2 (s)")
    ap.add_argument("--passes", type=int, default=2, help="phase 2 sweeps (1 up, 2 up and down, ...)")
    ap.add_argument("--lo", type=int, default=1)
    ap.add_argument("--hi", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--store", default=None, help="results store (default: a temporary one)")
    ap.add_argument("--overshoot", type=int, default=0,
                    help="phase 2 also searches sizes 65..64+K (no reference) to seed 64 from above on the way down")
    ap.add_argument("--export", default=None, metavar="DIR",
                    help="write the best graph per size to DIR/c3c4_best.jsonl and DIR/c3c4_best.g6")
    ap.add_argument("--throughput", default=None, metavar="SIZES",
                    help="measure the walks' moves per second at these sizes (comma-separated) and exit")
    ap.add_argument("--seconds", type=float, default=5.0, help="seconds per walk and size for --throughput")
    args = ap.parse_args(argv)
    if args.throughput:
        throughput([int(n) for n in args.throughput.split(",")], args.seconds)
        return 0
    found = {}

    store = args.store or os.path.join(tempfile.mkdtemp(prefix="bench-extremal-"), "store.sqlite")
    options = RunOptions(store=store, workers=args.workers, command="benchmarks/bench_extremal.py")
    print(f"ex(n; {{C3,C4}}) benchmark: {args.workers} workers, store {store}", flush=True)
    ok = True
    seeds: tuple[str, ...] = ()
    exact_sizes = [n for n in range(max(1, args.lo), min(53, args.hi) + 1)]
    if args.phase in ("1", "both") and exact_sizes:
        spec = ExtremalSearchSpec(problem="c3c4", sizes=tuple(exact_sizes), seconds=args.exact_time, seed=args.seed,
                                  lanes=args.workers, curriculum=False, stop_at="exact")
        tic = time.perf_counter()
        summary = run_search(ENGINE, spec, options)
        best = best_per_size(summary.records)
        hit = report("phase 1: exact values, from scratch (no curriculum)", exact_sizes, best, C3C4_EXACT,
                     time.perf_counter() - tic)
        ok = ok and hit == len(exact_sizes)
        found.update(best)
        seeds = tuple(best[n].payload["graph6"] for n in exact_sizes if n >= 50 and n in best)
    record_sizes = [n for n in range(max(54, args.lo), min(64, args.hi) + 1)]
    if args.phase in ("2", "both") and record_sizes:
        spec = ExtremalSearchSpec(problem="c3c4", sizes=tuple(record_sizes + list(range(65, 65 + args.overshoot))),
                                  seconds=args.record_time,
                                  seed=args.seed, lanes=args.workers, curriculum=True, passes=args.passes,
                                  seeds=seeds, stop_at="record")
        tic = time.perf_counter()
        summary = run_search(ENGINE, spec, options)
        best = best_per_size(summary.records)
        hit = report(f"phase 2: records, curriculum ({args.passes} passes, {args.record_time:.0f} s per size and pass)",
                     record_sizes, best, C3C4_RECORD, time.perf_counter() - tic)
        ok = ok and hit == len(record_sizes)
        found.update(best)
    if args.export and found:
        export(args.export, found)
    return 0 if ok else 1


def throughput(sizes, seconds):
    """Moves per second of the re-attachment walk and steps per second of tabu search at each size."""
    import numpy as np

    from discover.extremal import flips as K
    from discover.extremal import reattach as R
    from discover.extremal.lanes import kernel_params, warm_up
    from discover.extremal.problems import get_problem

    problem = get_problem("c3c4")
    warm_up(problem, "mixed")
    print(f"{'n':>4} {'reattach moves/s':>17} {'edges':>6} {'tabu steps/s':>13} {'edges':>6}", flush=True)
    for n in sizes:
        start = np.zeros((n, n), np.uint8)
        params = kernel_params(problem, n, n * n, 1)
        params[K.P_KICK] = 4  # as the driver sets it for the re-attachment walk
        K.saturate(start, params, 1)
        row = [f"{n:>4}"]
        for walk in ("reattach", "tabu"):
            a, best, state = start.copy(), start.copy(), K.new_state()
            state[K.S_BEST_EDGES] = int(start.sum()) // 2
            tabu = np.zeros((n, n), np.int64)
            moves, chunk, tic = 0, 1, time.perf_counter()
            while time.perf_counter() - tic < seconds:
                t = time.perf_counter()
                if walk == "reattach":
                    moves += R.reattach_climb(a, best, state, params, chunk)
                else:
                    moves += K.tabu_search(a, best, tabu, state, params, chunk)
                if time.perf_counter() - t < 0.1:
                    chunk *= 2
            rate = moves / (time.perf_counter() - tic)
            row.append(f"{rate:>17,.0f} {int(state[K.S_BEST_EDGES]):>6}" if walk == "reattach"
                       else f"{rate:>13,.0f} {int(state[K.S_BEST_EDGES]):>6}")
        print(" ".join(row), flush=True)


def export(folder, best):
    import json

    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "c3c4_best.jsonl"), "w") as jl, open(os.path.join(folder, "c3c4_best.g6"), "w") as g6:
        for n in sorted(best):
            r = best[n]
            jl.write(json.dumps(r.to_json(), default=str) + "\n")
            g6.write(r.payload["graph6"] + "\n")
    print(f"exported {len(best)} graphs to {folder}")


if __name__ == "__main__":
    sys.exit(main())
