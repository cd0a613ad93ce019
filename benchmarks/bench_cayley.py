"""Side-by-side benchmark: discover's Cayley BFS against CayleyPy's default ``bfs()`` on the CPU.

Both run in this one process on the same machine, on the same graphs, and must produce the same layer
sizes. discover's kernels are compiled (or loaded from the Numba cache) by a warm-up on a small case
before timing; CayleyPy gets the same warm-up.

    .venv/bin/python benchmarks/bench_cayley.py                 # LRX S_10, S_11, pancake S_10, Heisenberg mod p
    .venv/bin/python benchmarks/bench_cayley.py --quick         # the small cases only
    .venv/bin/python benchmarks/bench_cayley.py --s12           # also LRX on S_12 (479,001,600 states)
    .venv/bin/python benchmarks/bench_cayley.py --s13           # and LRX on S_13 (6,227,020,800 states; minutes)
    .venv/bin/python benchmarks/bench_cayley.py --repeat 3      # best of 3 for each side (a shared machine)
    .venv/bin/python benchmarks/bench_cayley.py --processes 5 --cayleypy-python /tmp/anchor/bin/python
        # whole processes as users run them: `discover cayley growth --generators lrx --n 11` against a
        # Python process that imports CayleyPy and runs its bfs() on LRX S_11 (CPU backend), 5 runs each

    .venv/bin/python benchmarks/bench_cayley.py --paths 5 --cayleypy-python /tmp/anchor/bin/python
        # path finding: 5 random states each of LRX n=16, 32, pancake n=20 and 3x3x3 scrambles of 20 moves
        # (--path-cases), discover's `cayley solve` (beam) against CayleyPy's beam_search (its default
        # Hamming score; its pretrained models need a download) with the same beam width, steps and ball
    .venv/bin/python benchmarks/bench_cayley.py --partial 3 --cayleypy-python /tmp/anchor/bin/python
        # the first 8 layers of coxeter n=20 against CayleyPy's bfs(max_diameter=8), 3 runs each

CayleyPy is optional (``pip install cayleypy``, which needs torch); without it only discover is timed.
``--cayleypy-python`` runs the anchor's processes with another interpreter (a separate virtualenv keeps
torch out of this one). With --s12 the S_13 time is estimated from the S_12 rate (printed as such); --s13
runs it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

ANCHOR_PROCESS = """
import json, sys, torch
from cayleypy import CayleyGraph, PermutationGroups
torch.set_num_threads({threads})
graph = CayleyGraph(getattr(PermutationGroups, {family!r})({n}), device="cpu", verbose=0)
print(json.dumps([int(x) for x in graph.bfs().layer_sizes]))
"""


def run_discover(family: str, n: int, modulus: int | None = None):
    from discover.cayley.bfs import growth
    from discover.cayley.families import build_family

    graph = build_family(family, n, modulus)
    t0 = time.perf_counter()
    result = growth(graph)
    return time.perf_counter() - t0, result.layer_sizes, result.engine


def run_cayleypy(family: str, n: int, modulus: int | None = None):
    import torch
    from cayleypy import CayleyGraph, MatrixGroups, PermutationGroups

    torch.set_num_threads(int(os.environ.get("DISCOVER_BENCH_THREADS", os.cpu_count() or 1)))
    if family == "heisenberg":
        definition = MatrixGroups.heisenberg(modulo=modulus)
    else:
        definition = getattr(PermutationGroups, family)(n)
    graph = CayleyGraph(definition, device="cpu", verbose=0)
    t0 = time.perf_counter()
    result = graph.bfs()
    return time.perf_counter() - t0, list(result.layer_sizes)


def timed_process(argv: list[str], env: dict | None = None) -> tuple[float, str]:
    """Wall-clock seconds of one whole process (start-up, imports, work, exit) and its stdout."""
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - t0, done.stdout


def spread(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"


def compare_processes(family: str, n: int, runs: int, anchor_python: str | None, threads: int) -> int:
    """Whole processes, as users run them: discover's CLI against a process running CayleyPy's bfs()."""
    discover = [sys.executable, "-m", "cli.main", "cayley", "growth", "--generators", family, "--n", str(n), "--json"]
    ours, theirs, sizes = [], [], None
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:  # a new store each time: no run is helped by the last
            seconds, out = timed_process(discover + ["--store", os.path.join(tmp, "store.sqlite")])
        ours.append(seconds)
        sizes = json.loads(out.splitlines()[0])["layer_sizes"]
    print(f"discover cayley growth --generators {family} --n {n}: {spread(ours)}")
    if anchor_python is None:
        return 0
    code = ANCHOR_PROCESS.format(family=family, n=n, threads=threads)
    for _ in range(runs):
        seconds, out = timed_process([anchor_python, "-c", code])
        theirs.append(seconds)
        if json.loads(out) != sizes:
            print(f"LAYER SIZES DIFFER: cayleypy {out.strip()} discover {sizes}")
            return 1
    print(f"CayleyPy bfs() in a process ({anchor_python}, CPU backend, torch threads {threads}): {spread(theirs)}")
    ratio = statistics.median(theirs) / statistics.median(ours)
    print(f"whole-process ratio (medians): {ratio:.1f}x; worst ours vs best theirs: "
          f"{min(theirs) / max(ours):.1f}x; layer sizes agree ({sum(sizes):,} states)")
    return 0


# ---------------------------------------------------------------------------- path finding and partial search
ANCHOR_PATHS = """
import json, random, sys, time, torch
from cayleypy import CayleyGraph, PermutationGroups, Puzzles
job = json.loads(sys.stdin.read())
torch.set_num_threads(job["threads"])
if job["family"] == "cube":
    definition = Puzzles.rubik_cube(3, "HTM")
else:
    definition = getattr(PermutationGroups, job["family"])(job["n"])
graph = CayleyGraph(definition, device="cpu", verbose=0)
t0 = time.perf_counter()
ball = graph.bfs(max_layer_size_to_store=0, max_layer_size_to_explore=job["ball"], return_all_hashes=True)
setup = time.perf_counter() - t0
states = job["states"]
if job["family"] == "cube":  # 20 random moves in CayleyPy's own generators, the same seeds as discover's
    central = graph.central_state
    states = []
    for seed in job["seeds"]:
        rng = random.Random(seed)
        s = graph.central_state
        for _ in range(20):
            s = graph.apply_path(s, [rng.randrange(definition.n_generators)]).reshape(-1)
        states.append(s.tolist() if hasattr(s, "tolist") else list(s))
out = []
for s in states:
    t0 = time.perf_counter()
    r = graph.beam_search(start_state=s, beam_width=job["width"], max_steps=job["steps"], return_path=True,
                          bfs_result_for_mitm=ball)
    out.append({"found": bool(r.path_found), "length": len(r.path) if r.path_found else None,
                "seconds": time.perf_counter() - t0})
print(json.dumps({"setup": setup, "runs": out}))
"""

ANCHOR_PARTIAL = """
import json, sys, time, torch
from cayleypy import CayleyGraph, PermutationGroups
torch.set_num_threads({threads})
graph = CayleyGraph(PermutationGroups.coxeter({n}), device="cpu", verbose=0)
t0 = time.perf_counter()
sizes = graph.bfs(max_diameter={depth}).layer_sizes
print(json.dumps({{"seconds": time.perf_counter() - t0, "sizes": [int(x) for x in sizes]}}))
"""


def path_states(family: str, n: int | None, count: int, seed: int):
    """The benchmark's states: uniformly random permutations (LRX, pancake) or 20 random moves (cube)."""
    import random

    from discover.cayley.families import build_family
    from discover.cayley.solve import apply_word

    graph = build_family("cube_3x3x3_htm" if family == "cube" else family, None if family == "cube" else n)
    rng = random.Random(seed)
    if family == "cube":
        seeds = [seed * 1000 + i for i in range(count)]
        scrambles = []
        for s in seeds:
            moves = random.Random(s)
            scrambles.append(apply_word(graph, graph.start, [moves.randrange(18) for _ in range(20)]))
        return graph, scrambles, seeds
    return graph, [tuple(rng.sample(range(n), n)) for _ in range(count)], []


def compare_paths(family: str, n: int | None, count: int, width: int, ball: int, anchor_python: str | None,
                  threads: int, seed: int = 1, steps: int = 300) -> dict:
    """discover's `cayley solve` (library call, beam) against CayleyPy's beam search with its
    meet-in-the-middle ball of the same size, on the same states; lengths and seconds of each."""
    from discover.cayley.patterns import PatternDatabases
    from discover.cayley.solve import heuristic_name, solve, start_ball

    graph, states, seeds = path_states(family, n, count, seed)
    name = "cube" if family == "cube" else family
    t0 = time.perf_counter()
    ball_search = start_ball(graph, ball)
    heuristic = heuristic_name(graph, family)
    patterns = PatternDatabases(graph) if heuristic == "patterns" else None
    setup = time.perf_counter() - t0
    ours = []
    for s in states:
        t0 = time.perf_counter()
        try:
            out = solve(graph, s, method="beam", beam_width=width, max_steps=steps, ball=ball_search, family=family,
                        patterns=patterns)
            ours.append({"length": out.length, "seconds": time.perf_counter() - t0, "bound": out.lower_bound})
        except RuntimeError:  # no path within the steps
            ours.append({"length": None, "seconds": time.perf_counter() - t0})
    row = {"case": f"{name}{'' if n is None or family == 'cube' else f' n={n}'}", "width": width,
           "discover_setup": setup, "discover": ours}
    if anchor_python:
        job = {"family": family, "n": n, "states": [list(s) for s in states], "seeds": seeds, "width": width,
               "steps": steps, "ball": ball, "threads": threads}
        try:
            proc = subprocess.run([anchor_python, "-c", ANCHOR_PATHS], input=json.dumps(job), capture_output=True,
                                  text=True, timeout=900)
        except subprocess.TimeoutExpired:
            row["cayleypy_error"] = "no answer within 900 s"
            return row
        if proc.returncode != 0:
            row["cayleypy_error"] = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
        else:
            theirs = json.loads(proc.stdout.strip().splitlines()[-1])
            row["cayleypy_setup"], row["cayleypy"] = theirs["setup"], theirs["runs"]
    return row


def summarize_paths(row: dict) -> str:
    def side(runs):
        found = [r for r in runs if r.get("length") is not None]
        if not found:
            return f"0/{len(runs)} solved"
        lengths = [r["length"] for r in found]
        times = [r["seconds"] for r in found]
        return (f"{len(found)}/{len(runs)} solved, mean length {statistics.mean(lengths):.1f}, "
                f"{spread(times)}")

    text = f"{row['case']} (beam width {row['width']}): discover {side(row['discover'])}"
    if "cayleypy" in row:
        text += f" | CayleyPy {side(row['cayleypy'])}"
    elif "cayleypy_error" in row:
        text += f" | CayleyPy failed: {row['cayleypy_error']}"
    return text


def compare_partial(n: int, depth: int, runs: int, anchor_python: str | None, threads: int) -> str:
    """First ``depth`` layers of coxeter S_n: discover's partial frontier search against CayleyPy's bfs()."""
    from discover.cayley.bfs import growth
    from discover.cayley.families import build_family

    graph = build_family("coxeter", n, max_n=4096)
    growth(build_family("coxeter", 8), max_depth=3)  # warm-up (compile or load the kernels)
    ours, sizes = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        sizes = growth(graph, max_depth=depth).layer_sizes
        ours.append(time.perf_counter() - t0)
    text = f"coxeter n={n}, {depth} layers ({sum(sizes):,} states): discover {spread(ours)}"
    if anchor_python:
        theirs = []
        for _ in range(runs):
            proc = subprocess.run([anchor_python, "-c", ANCHOR_PARTIAL.format(threads=threads, n=n, depth=depth)],
                                  capture_output=True, text=True, timeout=1800)
            if proc.returncode != 0:
                return text + " | CayleyPy failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1]
            got = json.loads(proc.stdout.strip().splitlines()[-1])
            if got["sizes"] != sizes:
                return text + f" | CayleyPy DISAGREES: {got['sizes']} vs {sizes}"
            theirs.append(got["seconds"])
        text += f" | CayleyPy {spread(theirs)}, same layers; " \
                f"{statistics.median(theirs) / statistics.median(ours):.1f}x"
    return text


def have_cayleypy() -> bool:
    try:
        import cayleypy  # noqa: F401
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small cases only")
    parser.add_argument("--s12", action="store_true", help="also LRX on S_12 (discover only) and the S_13 estimate")
    parser.add_argument("--s13", action="store_true",
                        help="also run LRX on S_13 (6,227,020,800 states; minutes, several GiB)")
    parser.add_argument("--no-cayleypy", action="store_true", help="time discover only")
    parser.add_argument("--heisenberg-p", type=int, default=101, help="modulus of the Heisenberg case")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for both libraries (Numba and torch; default: all cores)")
    parser.add_argument("--skip-s11", action="store_true", help="leave out LRX on S_11")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time each case this many times and keep the fastest (the machine may be shared)")
    parser.add_argument("--processes", type=int, default=0, metavar="RUNS",
                        help="time whole processes (LRX S_11 by default) this many times each, and nothing else")
    parser.add_argument("--cayleypy-python", default=None, metavar="PYTHON",
                        help="interpreter with cayleypy installed, for --processes (default: this one, if it has it)")
    parser.add_argument("--process-n", type=int, default=11, help="n of LRX for --processes")
    parser.add_argument("--paths", type=int, default=0, metavar="STATES",
                        help="path finding: this many random states of LRX n=16, 32, pancake n=20 and 3x3x3 "
                             "scrambles of 20 moves through discover's beam search and CayleyPy's (--cayleypy-python)")
    parser.add_argument("--path-cases", default="lrx:16,lrx:32,pancake:20,cube", help="cases of --paths")
    parser.add_argument("--beam-width", type=int, default=1024, help="beam width of --paths (both sides)")
    parser.add_argument("--max-steps", type=int, default=1000, help="beam steps of --paths (both sides)")
    parser.add_argument("--ball", type=int, default=100_000, help="states of the exact ball around the start (both)")
    parser.add_argument("--partial", type=int, default=0, metavar="RUNS",
                        help="first 8 layers of coxeter n=20, discover against CayleyPy's bfs(max_diameter=8)")
    args = parser.parse_args()
    if args.paths or args.partial:
        import numba

        threads = args.threads or os.cpu_count() or 1
        numba.set_num_threads(threads)
        anchor = args.cayleypy_python or (sys.executable if have_cayleypy() else None)
        if args.partial:
            print(compare_partial(20, 8, args.partial, anchor, threads), flush=True)
        for case in (args.path_cases.split(",") if args.paths else []):
            family, _, n = case.partition(":")
            row = compare_paths(family, int(n) if n else None, args.paths, args.beam_width, args.ball, anchor, threads,
                               steps=args.max_steps)
            print(summarize_paths(row), flush=True)
            print(json.dumps(row), file=sys.stderr)
        return 0
    if args.processes:
        anchor = args.cayleypy_python or (sys.executable if have_cayleypy() else None)
        if anchor is None:
            print("cayleypy not installed here and no --cayleypy-python: timing discover only")
        return compare_processes("lrx", args.process_n, args.processes, anchor, args.threads or os.cpu_count() or 1)

    import numba

    if args.threads:
        numba.set_num_threads(args.threads)
        os.environ["DISCOVER_BENCH_THREADS"] = str(args.threads)
    print(f"machine: {os.cpu_count()} cores, numba threads {numba.get_num_threads()}, python {sys.version.split()[0]}")
    compare = have_cayleypy() and not args.no_cayleypy
    if not compare:
        print("cayleypy/torch not installed: timing discover only")
    cases = [("lrx", 9, None), ("pancake", 9, None), ("heisenberg", 3, 31)]
    if not args.quick:
        cases = [("lrx", 10, None), ("lrx", 11, None), ("pancake", 10, None),
                 ("heisenberg", 3, args.heisenberg_p)]
        if args.skip_s11:
            cases.pop(1)

    # warm-up: compile / load the kernels of both libraries
    run_discover("lrx", 6)
    run_discover("heisenberg", 3, 5)
    if compare:
        run_cayleypy("lrx", 6)
        run_cayleypy("heisenberg", 3, 5)

    print(f"{'graph':<22}{'states':>14}{'discover s':>12}{'cayleypy s':>12}{'ratio':>8}  engine")
    for family, n, p in cases:
        label = f"{family} n={n}" + (f" p={p}" if p else "")
        runs = [run_discover(family, n, p) for _ in range(args.repeat)]
        t_d = min(r[0] for r in runs)
        _, sizes, engine = runs[0]
        line = f"{label:<22}{sum(sizes):>14,}{t_d:>12.3f}"
        if compare:
            runs_c = [run_cayleypy(family, n, p) for _ in range(args.repeat)]
            t_c = min(r[0] for r in runs_c)
            sizes_c = runs_c[0][1]
            if sizes_c != sizes:
                print(f"{label}: LAYER SIZES DIFFER: cayleypy {sizes_c} discover {sizes}")
                return 1
            line += f"{t_c:>12.3f}{t_c / t_d:>7.1f}x"
        else:
            line += f"{'-':>12}{'-':>8}"
        print(line + f"  {engine}", flush=True)

    if args.s12 or args.s13:
        from discover.cayley.bfs import estimate_memory
        from discover.cayley.families import build_family

        t, sizes, engine = run_discover("lrx", 12)
        states = sum(sizes)
        assert states == math.factorial(12) and len(sizes) - 1 == 66
        rate = states / t
        need = estimate_memory(build_family("lrx", 12), "bitmap")
        print(f"lrx n=12: {states:,} states, diameter {len(sizes) - 1}, {t:.1f} s ({rate / 1e6:.1f} M states/s), "
              f"{need / 2**20:.0f} MiB")
        need13 = estimate_memory(build_family("lrx", 13), "bitmap")
        print(f"lrx n=13 (estimate): {math.factorial(13):,} states, {need13 / 2**30:.2f} GiB, "
              f"about {math.factorial(13) / rate / 60:.1f} min at the S_12 rate")
        if args.s13:
            t, sizes, engine = run_discover("lrx", 13)
            assert sum(sizes) == math.factorial(13)
            print(f"lrx n=13 (run): {sum(sizes):,} states, diameter {len(sizes) - 1}, {t:.1f} s "
                  f"({sum(sizes) / t / 1e6:.1f} M states/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
