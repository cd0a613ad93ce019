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
    args = parser.parse_args()
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
