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

``--time-to-record SIZES`` measures the search itself, old against new: for each size and seed
(``--seeds K``: seeds 0..K-1) one lane from scratch (no curriculum, no seeds, ``stop_at="record"``,
the default ``--walks mixed``) runs until it reaches the published record or ``--cap`` seconds, in a
child process of its own (``nice`` as the parent), once with this working tree and, with
``--baseline COMMIT``, once with the ``discover`` package of that commit (taken with ``git archive``
into a temporary folder), the two arms alternating trial by trial so that they share the load. It
prints each trial and then, per size and arm, the median and range of the time to record (a trial
that hit the cap counts as the cap, and the count of such trials is given), with the load average.

    .venv/bin/python benchmarks/bench_extremal.py --time-to-record 60,61,62,63,64 --seeds 5 --cap 300 \
        --baseline 134ccf0 --json ttr.jsonl

With ``--param P_NAME=VALUE`` (repeatable) a third arm runs this tree with the walks' parameter set
(``flips.P_*``; e.g. ``--param P_SLACK=2 --param P_WORSE=150``); ``--seed S`` starts the seeds at S.

``--throughput SIZES`` measures the walks themselves instead: for each n, from one saturated random
graph, the vertex re-attachment walk's moves per second and the tabu search's steps per second (each
for ``--seconds`` in calls of about 0.1 s, as the driver makes them) and the edges each reached; with
``--baseline COMMIT`` it runs that for the old package and this tree alternately, ``--seeds`` times
each, and prints the medians side by side. ``--profile SIZES`` says where a re-attachment move's time
goes (the maximum-set searches of its victims against the allowed-partner scans of its repair step).

    .venv/bin/python benchmarks/bench_extremal.py --throughput 30,64,100,256 --seconds 2 --seeds 3 --baseline 134ccf0
    .venv/bin/python benchmarks/bench_extremal.py --profile 64,100,150,256 --seconds 2

``--lift SIZES`` sets the voltage-lift search (``discover extremal lift``) against the edge walks from
scratch on equal work: for each size and seed, the same ``--seconds`` of one core for each, in this
process, the two arms alternating; it prints the edges each reached (a lift graph re-checked by
``verify``), the published value, and the median of each arm per size. The walks here start from the
empty graph, as the lift does; in a campaign they also start from the lifts (``--continue``).

    .venv/bin/python benchmarks/bench_extremal.py --lift 50,96,124,203 --seconds 30 --seeds 3

``--descend TOP --sizes LO..HI`` measures a whole recipe as a user runs it (two processes, start-up
included): ``discover extremal lift --n TOP --time --lift-time`` and then ``discover extremal search --n
LO..HI --down --time --step --continue`` into a fresh store (one lane, one worker), against the same
search with no lift, its time per size raised so that both arms get the same wall time (equal work). For
each of ``--seeds`` seeds it prints each arm's wall time and edges at the sizes with a published value,
then the medians.

    .venv/bin/python benchmarks/bench_extremal.py --descend 98 --sizes 60..100 --lift-time 10 --step 1 --seeds 3

``--ils SIZES`` sets an iterated local search against the driver's restarts from scratch, one trial of
each arm per size and seed (``--seed S --seeds K``: seeds S..S+K-1), ``--cap`` seconds each, in this
process: the search of ``--time-to-record`` (one lane from scratch, ``stop_at="record"``) against 20 s
of it followed by rounds that delete the edges at ``--kick`` nearby vertices of the best graph and
search again from there for 6 s (:func:`ils_trial`).

    .venv/bin/python benchmarks/bench_extremal.py --ils 64 --seeds 5 --cap 120 --json ils.jsonl

``--one-start N`` measures a single start from the empty graph at size N, the unit the driver restarts
(sessions 15-16 chose the re-attachment move's size and the age cap from it): for each seed of ``--seed S
--seeds K`` one start of at most ``--cap`` seconds that never gives way, stopping at the published record,
in this process; ``--kick K`` sets the most vertices a re-attachment move destroys (default: the driver's
choice), ``--walks`` and ``--param`` as for ``--time-to-record``. It prints each start's edges and the
time (into the start) of its last gain, then the number of starts that reached the record and the hit
times; ``--json`` keeps each start with its gains, ``[seconds, edges]`` at the end of each walk call that
raised the edge count (a resolution of about 0.1-0.3 s).

    .venv/bin/python benchmarks/bench_extremal.py --one-start 64 --seed 800 --seeds 60 --cap 12 --kick 2 --json kick2.jsonl

``--semiplane SIZES`` sets ``discover extremal search --seed-family semiplane`` (the elliptic semiplane
S(q) as the first start, docs/extremal.md) against the same command without it: for each size and seed
the same ``--seconds`` (equal work), one lane, each arm a new process in a fresh store (start-up
included in the wall time); it prints edges, the seconds the walk took to reach them, and the wall time.

    .venv/bin/python benchmarks/bench_extremal.py --semiplane 50,124,128,164 --seconds 30 --seeds 3
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

# a time-to-record trial of the baseline arm imports the package of an older commit (DISCOVER_BENCH_TREE)
sys.path.insert(0, os.environ.get("DISCOVER_BENCH_TREE")
                or os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

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
    ap.add_argument("--time-to-record", default=None, metavar="SIZES",
                    help="time to the published record from scratch at these sizes (comma-separated) and exit")
    ap.add_argument("--seeds", type=int, default=3, help="seeds per size for --time-to-record")
    ap.add_argument("--cap", type=float, default=300.0, help="seconds per trial for --time-to-record")
    ap.add_argument("--baseline", default=None, metavar="COMMIT",
                    help="also run each trial with the discover package of this commit (--time-to-record)")
    ap.add_argument("--baseline-only", action="store_true", help="run only the --baseline arm")
    ap.add_argument("--walks", default="mixed", help="walks for --time-to-record (as extremal search --walks)")
    ap.add_argument("--json", default=None, metavar="FILE", help="append each --time-to-record trial to FILE")
    ap.add_argument("--profile", default=None, metavar="SIZES",
                    help="where a re-attachment move's time goes at these sizes (comma-separated) and exit")
    ap.add_argument("--lift", default=None, metavar="SIZES",
                    help="the lift search against the walks from scratch, --seconds each (sizes comma-separated)")
    ap.add_argument("--semiplane", default=None, metavar="SIZES",
                    help="extremal search with --seed-family semiplane against the same search without it, "
                         "same --seconds per size and seed, as CLI processes")
    ap.add_argument("--descend", type=int, default=None, metavar="TOP",
                    help="a lift at TOP carried down --sizes by `extremal search --down`, against the search alone")
    ap.add_argument("--sizes", default=None, metavar="LO..HI", help="sizes of --descend")
    ap.add_argument("--lift-time", type=float, default=10.0, help="seconds of the lift for --descend")
    ap.add_argument("--step", type=float, default=1.0, help="seconds per size of the --descend search")
    ap.add_argument("--ils", default=None, metavar="SIZES",
                    help="iterated local search (ball kicks of the best graph) against restarts, --seeds, --cap")
    ap.add_argument("--one-start", type=int, default=None, metavar="N",
                    help="single starts from the empty graph at size N (module doc)")
    ap.add_argument("--kick", type=int, default=None,
                    help="vertices whose edges a kick deletes (--ils, default 8); most vertices a "
                         "re-attachment move destroys (--one-start, default the driver's)")
    ap.add_argument("--param", action="append", default=[], metavar="P_NAME=VALUE",
                    help="--time-to-record: an arm on this tree with the walks' parameter P_NAME "
                         "(flips.P_*, e.g. P_SLACK=2) set to VALUE (repeatable)")
    ap.add_argument("--trial", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.trial:
        n, seed = (int(x) for x in args.trial.split(","))
        trial(n, seed, args.cap, args.walks, args.param)
        return 0
    if args.profile:
        profile([int(n) for n in args.profile.split(",")], args.seconds)
        return 0
    if args.descend:
        descend(args.descend, args.sizes or f"{max(1, args.descend - 40)}..{args.descend}", args.lift_time,
                args.step, args.seeds)
        return 0
    if args.semiplane:
        semiplane_against_walks([int(n) for n in args.semiplane.split(",")], args.seconds, args.seeds)
        return 0
    if args.ils:
        ils_against_restarts([int(n) for n in args.ils.split(",")], range(args.seed, args.seed + args.seeds), args.cap,
                             8 if args.kick is None else args.kick, args.json)
        return 0
    if args.one_start:
        parse_params(args.param)
        one_starts(args.one_start, range(args.seed, args.seed + args.seeds), args.cap, args.walks, args.kick,
                   args.param, args.json)
        return 0
    if args.lift:
        lift_against_walks([int(n) for n in args.lift.split(",")], args.seconds, args.seeds)
        return 0
    if args.time_to_record:
        parse_params(args.param)
        time_to_record([int(n) for n in args.time_to_record.split(",")], range(args.seed, args.seed + args.seeds),
                       args.cap, args.baseline, args.walks, args.json, args.baseline_only, args.param)
        return 0
    if args.throughput and args.baseline:
        return throughput_old_new(args.throughput, args.seconds, args.baseline, args.seeds)
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


def trial(n, seed, cap, walks, params=()):
    """One time-to-record trial (in a child process): a lane from scratch at size n until the record
    or ``cap`` seconds; prints one JSON line (edges, seconds to reach them, steps, whether the
    independent checker accepts the graph)."""
    import json

    from discover.extremal.lanes import edges_from_adjacency, search_size, warm_up
    from discover.extremal.problems import get_problem
    from discover.extremal.verify import verify

    problem = get_problem("c3c4")
    if params:
        set_params(params)
    warm_up(problem, walks)
    tic = time.perf_counter()
    found, steps = search_size(problem, n, cap, seed, [], stop_at="record", walks=walks, from_scratch=True)
    wall = time.perf_counter() - tic
    check = verify(problem, n, edges_from_adjacency(found.adjacency))
    print(json.dumps({"n": n, "seed": seed, "edges": found.edges, "seconds": round(found.seconds, 3),
                      "wall": round(wall, 3), "steps": steps, "verified": bool(check["ok"])}), flush=True)


def parse_params(params):
    """{index in the parameter vector: value} of ``P_NAME=INTEGER`` texts; exits with a message on any other."""
    from discover.extremal import flips as K

    values = {}
    for text in params:
        name, _, value = text.partition("=")
        if not name.startswith("P_") or not hasattr(K, name) or not value.lstrip("-").isdigit():
            raise SystemExit(f"--param {text}: expected P_NAME=INTEGER with P_NAME a parameter of flips.py")
        values[getattr(K, name)] = int(value)
    return values


def set_params(params):
    """Make the driver's ``kernel_params`` set each ``P_NAME=VALUE`` of ``params`` (the walks'
    parameters of :mod:`discover.extremal.flips`; the driver's own per-walk settings, such as the
    re-attachment walk's four victims, are made after it and stay)."""
    from discover.extremal import lanes

    values = parse_params(params)
    default = lanes.kernel_params

    def kernel_params(problem, n, target, seed):
        p = default(problem, n, target, seed)
        for index, value in values.items():
            p[index] = value
        return p

    lanes.kernel_params = kernel_params


def lift_against_walks(sizes, seconds, seeds):
    """The lift search and the walks from scratch, ``seconds`` each per size and seed (see the module
    docstring); prints one line per trial and the medians."""
    import statistics

    from discover.extremal.lanes import edges_from_adjacency, search_size, warm_up
    from discover.extremal.lift.plan import best_lift, lifted_graph
    from discover.extremal.problems import get_problem
    from discover.extremal.verify import verify

    problem = get_problem("c3c4")
    warm_up(problem, "mixed")
    best_lift(10, 0.2, 0)  # compile the lift's kernels before the clock runs
    print(f"lift vs walks from scratch, {seconds:g} s each, load average {os.getloadavg()[0]:.1f}", flush=True)
    print(f"{'n':>4} {'seed':>4} {'lift':>6} {'walks':>6} {'published':>9}  lift arm", flush=True)
    reached = {n: {"lift": [], "walks": []} for n in sizes}
    for n in sizes:
        for seed in range(seeds):
            found = best_lift(n, seconds, seed)
            lift_edges, arm_name = 0, "no arm"
            if found is not None:
                edges = lifted_graph(found[1])
                assert verify(problem, n, edges)["ok"], (n, seed)
                lift_edges, arm_name = len(edges), f"k = {found[1].k}, {found[1].group.name}"
            walk, _ = search_size(problem, n, seconds, seed, [], stop_at="none", walks="mixed", from_scratch=True)
            assert verify(problem, n, edges_from_adjacency(walk.adjacency))["ok"], (n, seed)
            reached[n]["lift"].append(lift_edges)
            reached[n]["walks"].append(walk.edges)
            value = published(n)
            print(f"{n:>4} {seed:>4} {lift_edges:>6} {walk.edges:>6} {value if value else '-':>9}  {arm_name}",
                  flush=True)
    print("median per size (range):")
    for n in sizes:
        lift, walks = reached[n]["lift"], reached[n]["walks"]
        print(f"  n = {n}: lift {statistics.median(lift):g} ({min(lift)}-{max(lift)}), "
              f"walks {statistics.median(walks):g} ({min(walks)}-{max(walks)}), lift - walks "
              f"{statistics.median(lift) - statistics.median(walks):+g}", flush=True)


def _cli(args, store):
    """Run ``discover ARGS --store STORE --json`` as a user would (a new process); (wall s, records)."""
    import json
    import subprocess

    exe = os.path.join(os.path.dirname(sys.executable), "discover")
    tic = time.perf_counter()
    proc = subprocess.run([exe, *args, "--store", store, "--json"], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - tic
    return wall, [r for r in map(json.loads, proc.stdout.splitlines()) if "n" in r]


def descend(top, sizes_text, lift_time, step, seeds):
    """The lift-then-down recipe against the down search alone on equal wall time (module docstring)."""
    import statistics

    from discover.sizes import parse_sizes

    sizes = parse_sizes(sizes_text)
    shown = [n for n in sorted(sizes) if published(n)]
    print(f"lift at {top} ({lift_time:g} s) + search {sizes_text} --down ({step:g} s per size), against the "
          f"search alone on the same wall time; load average {os.getloadavg()[0]:.1f}", flush=True)
    print(f"{'arm':<12} {'seed':>4} {'wall s':>7}  " + " ".join(f"{n:>5}" for n in shown), flush=True)
    print(f"{'published':<12} {'':>4} {'':>7}  " + " ".join(f"{published(n):>5}" for n in shown), flush=True)
    table = {"lift+down": [], "down alone": []}
    walls = {"lift+down": [], "down alone": []}
    for seed in range(seeds):
        folder = tempfile.mkdtemp(prefix="bench-descend-")
        store = os.path.join(folder, "with_lift.sqlite")
        search = ["extremal", "search", "--n", sizes_text, "--down", "--seed", str(seed), "--workers", "1",
                  "--restarts", "1"]
        lift_wall, _ = _cli(["extremal", "lift", "--n", str(top), "--time", str(lift_time), "--seed", str(seed),
                             "--workers", "1"], store)
        down_wall, records = _cli(search + ["--time", str(step), "--continue"], store)
        arms = [("lift+down", lift_wall + down_wall, records)]
        alone = (lift_wall + down_wall) / down_wall * step  # the same wall time, spread over the sizes
        wall, records = _cli(search + ["--time", f"{alone:.3f}"], os.path.join(folder, "alone.sqlite"))
        arms.append(("down alone", wall, records))
        for name, wall, records in arms:
            best = {}
            for r in records:
                best[r["n"]] = max(best.get(r["n"], 0), r["edges"])
            table[name].append(best)
            walls[name].append(wall)
            print(f"{name:<12} {seed:>4} {wall:>7.1f}  " + " ".join(f"{best.get(n, 0):>5}" for n in shown),
                  flush=True)
    print("median:", flush=True)
    for name in table:
        print(f"{name:<12} {'':>4} {statistics.median(walls[name]):>7.1f}  "
              + " ".join(f"{statistics.median(b.get(n, 0) for b in table[name]):>5g}" for n in shown), flush=True)


def append_row(json_path, row):
    """Append one trial as a JSON line to ``json_path`` (nothing when it is None)."""
    import json

    if json_path:
        with open(json_path, "a") as fh:
            fh.write(json.dumps(row) + "\n")


def one_starts(n, seeds, cap, walks, kick, params, json_path):
    """Single starts from the empty graph at size n, one per seed, each until the published record or
    ``cap`` seconds (module doc). The driver's own start (:func:`discover.extremal.lanes.search_size`, from
    scratch, ``stop_at="record"``), with its restart rule turned off so that the start never gives way, and
    with ``kick`` (when given) as the most vertices a re-attachment move destroys."""
    import statistics

    from discover.extremal import lanes
    from discover.extremal.problems import get_problem

    problem = get_problem("c3c4")
    if params:
        set_params(params)
    lanes.gives_way = lambda *args, **kwargs: False
    if kick is not None:
        lanes.reattach_kick = lambda problem, n, from_empty: kick
    gains: list = []
    began = [0.0]

    def note(**fields):
        # the driver reports after every walk call; a rise of the lane's best is a gain of the one start
        edges = fields.get("best_edges", -1)
        if not gains or edges > gains[-1][1]:
            gains.append([round(time.perf_counter() - began[0], 3), int(edges)])

    lanes.report = note
    lanes.warm_up(problem, walks)
    record = published(n)
    hits = []
    arm = " ".join([f"walks {walks}", "kick " + ("the driver's" if kick is None else str(kick)), *params])
    print(f"one start from the empty graph at n = {n}, cap {cap:.0f} s, {arm}", flush=True)
    for seed in seeds:
        gains.clear()
        began[0] = time.perf_counter()
        found, _ = lanes.search_size(problem, n, cap, seed, [], stop_at="record", walks=walks, from_scratch=True)
        last = gains[-1][0] if gains else 0.0
        if found.edges >= record:
            hits.append(last)
        print(f"seed {seed}: {found.edges} edges, last gain at {last:.1f} s", flush=True)
        append_row(json_path, {"n": n, "seed": seed, "T": cap, "edges": found.edges, "log": list(gains),
                               "kick": kick, "walks": walks, "params": list(params),
                               "load": os.getloadavg()[0]})
    print(f"\n{len(hits)} of {len(seeds)} starts reached {record}"
          + (f"; hit times {min(hits):.1f}-{max(hits):.1f} s (median {statistics.median(hits):.1f} s)" if hits else ""))


def ils_trial(n, seed, cap, kick, first=20.0, round_seconds=6.0):
    """Iterated local search at size n (Lourenco, Martin and Stuetzle, "Iterated local search",
    Handbook of Metaheuristics, 2003), built from the driver's own pieces: ``first`` seconds of
    :func:`search_size` from scratch, then rounds: delete every edge at ``kick`` vertices of the best
    graph (a random vertex and those nearest it, breadth first), and run :func:`search_size` from that
    start for ``round_seconds``; a round's graph becomes the best when it has at least as many edges.
    Returns (edges, seconds to reach them, rounds)."""
    import numpy as np

    from discover.extremal.lanes import goal_for, search_size
    from discover.extremal.problems import get_problem

    problem = get_problem("c3c4")
    rng = np.random.default_rng(seed)
    goal = goal_for(problem, n, "record")
    tic = time.perf_counter()
    best, _ = search_size(problem, n, min(first, cap), seed, [], stop_at="record", from_scratch=True)
    reached, rounds = best.seconds, 0
    while best.edges < goal and time.perf_counter() - tic < cap:
        a = best.adjacency
        ball = [int(rng.integers(n))]
        frontier = list(ball)
        while len(ball) < kick:
            layer = list(dict.fromkeys(int(w) for u in frontier for w in np.nonzero(a[u])[0] if int(w) not in ball))
            if not layer:
                layer = [v for v in range(n) if v not in ball]
            rng.shuffle(layer)
            frontier = layer[: kick - len(ball)]
            ball += frontier
        start = a.copy()
        start[ball, :] = 0
        start[:, ball] = 0
        left = cap - (time.perf_counter() - tic)
        found, _ = search_size(problem, n, min(round_seconds, left), int(rng.integers(2**31 - 1)), [start],
                               stop_at="record")
        rounds += 1
        if found is not None and found.edges >= best.edges:
            if found.edges > best.edges:
                reached = time.perf_counter() - tic
            best = found
    return best.edges, reached, rounds


def ils_against_restarts(sizes, seeds, cap, kick, json_path):
    """For each size and seed (``seeds``: a range), :func:`ils_trial` and one lane from scratch with
    restarts (the driver as the engine runs it), ``cap`` seconds each, alternating, in this process;
    prints each trial and the count that reached the record with their median time."""
    import json
    import statistics

    from discover.extremal.lanes import search_size, warm_up
    from discover.extremal.problems import get_problem

    problem = get_problem("c3c4")
    warm_up(problem, "mixed")
    hits = {}
    for seed in seeds:
        for n in sizes:
            for arm in ("restarts", "ils"):
                if arm == "ils":
                    edges, seconds, rounds = ils_trial(n, seed, cap, kick)
                else:
                    found, _ = search_size(problem, n, cap, seed, [], stop_at="record", from_scratch=True)
                    edges, seconds, rounds = found.edges, found.seconds, 0
                reached = edges >= published(n)
                hits.setdefault((n, arm), []).append(seconds if reached else None)
                row = {"n": n, "seed": seed, "arm": arm, "edges": edges, "seconds": round(seconds, 1),
                       "rounds": rounds, "kick": kick, "cap": cap, "load": os.getloadavg()[0]}
                print(json.dumps(row), flush=True)
                append_row(json_path, row)
    for (n, arm), times in sorted(hits.items()):
        got = [t for t in times if t is not None]
        median = f"{statistics.median(got):.1f} s" if got else "-"
        print(f"n={n} {arm:>8}: record in {len(got)} of {len(times)} within {cap:.0f} s, median of those {median}")


def semiplane_against_walks(sizes, seconds, seeds):
    """`extremal search --n N --seed-family semiplane` against the same command without the family: the same
    --time per size and seed (equal work), one lane, each a new process in a fresh store, whole processes
    timed. Prints edges, the seconds the walk took to reach them, and the process wall time."""
    import statistics

    print(f"semiplane starts against the walks alone, {seconds:g} s per size and seed; load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    print(f"{'n':>4} {'published':>9} {'arm':<10} {'seed':>4} {'edges':>6} {'to reach s':>10} {'wall s':>7}",
          flush=True)
    for n in sizes:
        rows = {"semiplane": [], "walks": []}
        for seed in range(seeds):
            folder = tempfile.mkdtemp(prefix="bench-semiplane-")
            base = ["extremal", "search", "--n", str(n), "--time", str(seconds), "--seed", str(seed),
                    "--workers", "1", "--restarts", "1"]
            for arm, extra in (("semiplane", ["--seed-family", "semiplane"]), ("walks", [])):
                wall, records = _cli(base + extra, os.path.join(folder, f"{arm}.sqlite"))
                best = max(records, key=lambda r: r["edges"])
                rows[arm].append(best["edges"])
                print(f"{n:>4} {published(n) or '-':>9} {arm:<10} {seed:>4} {best['edges']:>6} "
                      f"{best['seconds']:>10.2f} {wall:>7.1f}", flush=True)
        print(f"{n:>4} median edges: semiplane {statistics.median(rows['semiplane']):g}, walks "
              f"{statistics.median(rows['walks']):g}", flush=True)


def published(n):
    """The best published value of ex(n; {C3, C4}) in the engine's table."""
    from discover.extremal.problems import get_problem
    from discover.extremal.reference import reference_value

    return reference_value(get_problem("c3c4"), n)[0]


def baseline_tree(baseline):
    """A temporary folder holding the ``discover`` package of commit ``baseline`` (git archive)."""
    import subprocess

    old = tempfile.mkdtemp(prefix="bench-extremal-old-")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    archive = subprocess.run(["git", "-C", root, "archive", baseline, "discover"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", old], input=archive, check=True)
    return old


def throughput_old_new(sizes, seconds, baseline, repeats):
    """``--throughput`` with the package of ``baseline`` and with this tree, alternating, ``repeats``
    times each (child processes), then the median rates per arm and size."""
    import statistics
    import subprocess

    arms = {"old": baseline_tree(baseline), "new": None}
    rates = {}
    for rep in range(repeats):
        for name, tree in arms.items():
            env = dict(os.environ)
            if tree:
                env["DISCOVER_BENCH_TREE"] = tree
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--throughput", sizes,
                                  "--seconds", str(seconds)], env=env, check=True, capture_output=True,
                                 text=True).stdout
            for line in out.splitlines()[1:]:
                n, ra, ea, tb, eb = line.replace(",", "").split()
                rates.setdefault((name, int(n)), []).append((float(ra), float(tb)))
            print(f"{name} run {rep + 1}, load {os.getloadavg()[0]:.1f}:\n{out}", flush=True)
    print(f"{'n':>4} {'old moves/s':>12} {'new moves/s':>12} {'ratio':>6} {'old tabu/s':>11} {'new tabu/s':>11}")
    for n in [int(x) for x in sizes.split(",")]:
        old = [r for r in rates[("old", n)]]
        new = [r for r in rates[("new", n)]]
        mo, mn = statistics.median(r[0] for r in old), statistics.median(r[0] for r in new)
        print(f"{n:>4} {mo:>12,.0f} {mn:>12,.0f} {mn / mo:>6.2f} {statistics.median(r[1] for r in old):>11,.0f} "
              f"{statistics.median(r[1] for r in new):>11,.0f}")
    return 0


def time_to_record(sizes, seeds, cap, baseline, walks, json_path, baseline_only=False, params=()):
    """Old (``baseline`` commit) against new (this tree), and with ``params`` this tree with those
    parameters set (arm ``params``), trial by trial, for the seeds of the range ``seeds``; see the module
    docstring."""
    import json
    import statistics
    import subprocess

    arms = {"new": None}
    if baseline:
        old = baseline_tree(baseline)
        arms = {"old": old} if baseline_only else {"old": old, "new": None}
    if params:
        arms["params"] = None
    records = {(name, n): [] for name in arms for n in sizes}
    names = ", ".join(f"{a} ({baseline if a == 'old' else 'working tree'}"
                      f"{' with ' + ' '.join(params) if a == 'params' else ''})" for a in arms)
    print(f"time to record from scratch, one lane, cap {cap:.0f} s, walks {walks}; arms: {names}", flush=True)
    for seed in seeds:
        for n in sizes:
            for name, tree in arms.items():
                env = dict(os.environ)
                if tree:
                    env["DISCOVER_BENCH_TREE"] = tree
                out = subprocess.run([sys.executable, os.path.abspath(__file__), "--trial", f"{n},{seed}",
                                      "--cap", str(cap), "--walks", walks]
                                     + [f"--param={p}" for p in (params if name == "params" else ())],
                                     env=env, check=True,
                                     capture_output=True, text=True).stdout
                row = json.loads(out.strip().splitlines()[-1])
                row.update(arm=name, cap=cap, load=os.getloadavg()[0], commit=baseline if tree else "working tree",
                           params=list(params) if name == "params" else [])
                reached = row["edges"] >= published(n)
                records[(name, n)].append(row["seconds"] if reached else None)
                print(f"{name:>3} n={n} seed={seed}: {row['edges']} edges ({'record' if reached else 'below'}) "
                      f"in {row['seconds']:.1f} s, verified {row['verified']}, load {row['load']:.1f}", flush=True)
                append_row(json_path, row)
    print(f"\n{'n':>3} {'arm':>4} {'reached':>8} {'median s':>9} {'min s':>7} {'max s':>7}")
    for n in sizes:
        for name in arms:
            times = records[(name, n)]
            capped = [cap if t is None else t for t in times]
            hit = sum(t is not None for t in times)
            print(f"{n:>3} {name:>4} {hit:>4}/{len(times):<3} {statistics.median(capped):>9.1f} "
                  f"{min(capped):>7.1f} {max(capped):>7.1f}{'' if hit == len(times) else ' (cap counted)'}")


def profile(sizes, seconds):
    """Where a re-attachment move's time goes: from a graph the walk reached in ``seconds``, the time
    of one maximum-set search (a victim's re-join, on a random vertex with its edges removed) and of
    one allowed-partner scan (the repair step, once per touched vertex and added edge), each timed in
    a compiled loop, against the time of a whole move, with the mean victims and touched vertices per
    move; "re-join" and "repair" are their estimated shares of a move (victims x search, touched x
    scan, over the move's time: estimates from random vertices, not the walk's own victims, so they
    need not add up to 100%)."""
    import numpy as np

    from discover.extremal import flips as K
    from discover.extremal import reattach as R
    from discover.extremal.lanes import kernel_params, warm_up
    from discover.extremal.problems import get_problem

    problem = get_problem("c3c4")
    warm_up(problem, "mixed")
    loops = _profile_loops(R)
    print(f"{'n':>4} {'move us':>8} {'max-set us':>10} {'scan us':>8} {'victims':>8} {'touched':>8} "
          f"{'re-join':>8} {'repair':>8}", flush=True)
    for n in sizes:
        params = kernel_params(problem, n, n * n, 1)
        params[K.P_KICK] = 4
        a = np.zeros((n, n), np.uint8)
        K.saturate(a, params, 1)
        best, state = a.copy(), K.new_state()
        tic = time.perf_counter()
        while time.perf_counter() - tic < seconds:
            R.reattach_climb(a, best, state, params, 500)
        B = np.zeros((n, (n + 63) // 64), np.uint64)
        R._to_bits(a, B)
        lengths = R._walk_lengths(params)
        vs = np.random.default_rng(0).integers(n, size=4000)
        for what in (0, 1, 2):
            loops(B, vs[:2], lengths, what)  # compiled before it is timed
        # each the least of 5 timings: on a loaded machine the others include time taken by other jobs
        times = {}
        for what in (0, 1, 2):  # copy and clear alone, then with the search, then the scan
            for _ in range(5):
                t = time.perf_counter()
                loops(B, vs, lengths, what)
                times[what] = min(times.get(what, 1.0), (time.perf_counter() - t) / len(vs))
        t_set = max(times[1] - times[0], 0.0)
        t_scan = times[2]
        t_move = 1.0
        for _ in range(5):
            t = time.perf_counter()
            moves = R.reattach_climb(a, best, state, params, 4000)
            t_move = min(t_move, (time.perf_counter() - t) / moves)
        victims = 2.5  # 1 + randint(4)
        touched = victims * (1 + a.sum(axis=1).mean())
        rejoin, repair = victims * t_set / t_move, touched * t_scan / t_move
        print(f"{n:>4} {t_move * 1e6:>8.1f} {t_set * 1e6:>10.2f} {t_scan * 1e6:>8.2f} {victims:>8.1f} "
              f"{touched:>8.1f} {100 * rejoin:>7.0f}% {100 * repair:>7.0f}%", flush=True)


def _profile_loops(R):
    """A compiled loop over vertices v: copy the graph and remove v's edges (``what`` 0), then also
    search v's largest set (1); or scan v's allowed partners (2)."""
    import numpy as np
    from numba import njit

    @njit
    def loops(B, vs, lengths, what):
        n, W = B.shape
        C = B.copy()
        chosen, best_set = np.zeros(n + 1, np.int64), np.zeros(n + 1, np.int64)
        far, sets = np.zeros((n, W), np.uint64), np.zeros((n + 1, W), np.uint64)
        ball, fr, gr, allow = (np.zeros(W, np.uint64), np.zeros(W, np.uint64), np.zeros(W, np.uint64),
                               np.zeros(W, np.uint64))
        total = 0
        for v in vs:
            if what == 2:
                total += R._allowed(B, v, lengths, allow, ball, fr, gr)
                continue
            C[:, :] = B
            for u in range(n):
                if (C[v, u >> 6] >> np.uint64(u & 63)) & np.uint64(1):
                    C[v, u >> 6] &= ~(np.uint64(1) << np.uint64(u & 63))
                    C[u, v >> 6] &= ~(np.uint64(1) << np.uint64(v & 63))
            total += np.int64(C[(v + 1) % n, 0] & np.uint64(1))  # the copy is used: not optimised away
            if what == 1:
                total += R._largest_set(C, v, lengths, far, sets, chosen, best_set, ball, fr, gr, allow)
        return total

    return loops


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
