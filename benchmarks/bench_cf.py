"""Benchmark of the cf engine against its anchors, side by side in one process run.

(a) Exact evaluation of Apery's zeta(3) PCF, a = 34n^3+51n^2+27n+5, b = -n^6, to depth 10,000. Equal
    work, the headline: ``discover.cf.pcf.PCF.convergent_matrix`` (FLINT, baby-step/giant-step blocks +
    binary splitting) against ramanujantools ``PCF(a, b).limit(10000)``, both the full matrix
    [[p_{N-1}, p_N], [q_{N-1}, q_N]]; the matrices are checked equal. Less work, printed apart and labelled
    so: ``PCF.convergent`` (the last column p_N, q_N only) and ``PCF.evaluate`` (full matrix + the digit
    estimate + the decimal value: more work than the anchor). Times are CPU seconds
    (``time.process_time``): the median and the min-max over ``--repeat`` runs; wall medians beside.
(b) Stage-1 screening throughput at depth 32, one core: stage 1 as ``cf search`` runs it
    (``discover.cf.search.screen.screen`` with ``accelerate_slow``: the Numba kernel, then the Levin
    acceleration kernel on the slowly converging candidates, 0.7% of this box) and the plain kernel
    alone, against a plain-Python integer recurrence doing the plain screening (decode the candidate,
    skip zero/terminating ones, exact p_N, q_N, p_{N-1}, q_{N-1}, the value and the convergence test;
    no acceleration, so the ratio is conservative), on the box a, b of degree 2 with coefficients in
    -50..50. That baseline is a loop written here, not an anchor: ramanujantools has no screening
    kernel, so no anchor computes this quantity.

(c) Whole process, as a user runs it (``--processes``): ``discover cf eval "34n^3+51n^2+27n+5" "-n^6"
    --depth 10000 --json`` (exact convergent, digits, delta, identification against the 53-constant
    registry with pairs, the record stored in an existing store) against a Python script that imports
    ramanujantools, computes ``PCF(a, b).limit(10000)`` and prints its float. Each side is a fresh
    interpreter with bytecode caches on (PYTHONDONTWRITEBYTECODE removed: a warm-up run of each writes
    them, as a user's first run does); the figure is the children's CPU seconds (user + system, ``resource.getrusage``), the
    median and min-max over ``--repeat`` runs alternating the two sides, wall medians beside. The
    discover side must print 6/zeta(3), the script 4.99144...

(d) Structured domains (``--domains``): the row kernel (``screen_rows``, with acceleration) on the
    zeta5 family's rows (x in -20..20, c in 1..8: 551,368 candidates), PCFs per CPU second, beside the box
    kernel on a box of the same degrees (deg a = 5, deg b = 10, coefficients -1..1: 3^17 = 129 million,
    the first 551,368), and the factorial-reduction measure per candidate (the integer recurrence to
    n = 60 and two gcds) on 2,000 of the domain's converged candidates. Our own kernels only: no
    anchor screens a Ramanujan Machine domain in one process (the Ramanujan Machine's enumerators are
    a separate program).

Run:  .venv/bin/python benchmarks/bench_cf.py [--repeat 5] [--json] [--processes] [--domains]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

A_TEXT, B_TEXT = "34n^3+51n^2+27n+5", "-n^6"
DEPTH = 10_000


def timed(fn, repeat, setup=None):
    """(CPU seconds of each run, wall seconds of each run, the last result). CPU time
    (``time.process_time``) is the figure compared: both sides run single-threaded, and on a shared
    machine the wall clock also counts the time other jobs hold the core."""
    cpu, wall = [], []
    result = None
    for _ in range(repeat):
        if setup is not None:
            setup()
        c, t = time.process_time(), time.perf_counter()
        result = fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    return cpu, wall, result


def spread(values) -> dict:
    """Median, min and max of a list of seconds."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def bench_exact(repeat: int) -> dict:
    import sympy as sp
    from ramanujantools import Matrix
    from ramanujantools.pcf import PCF as RtPCF

    from discover.cf.pcf import PCF

    ours = PCF.from_polynomials(A_TEXT, B_TEXT)
    n = sp.Symbol("n")
    theirs = RtPCF(34 * n**3 + 51 * n**2 + 27 * n + 5, -n**6)
    ours.convergent(100)  # warm-up (imports)
    theirs.limit(100)
    full_c, full_w, W = timed(lambda: ours.convergent_matrix(DEPTH), repeat)
    # ramanujantools memoises walks (Matrix._walk_inner is an lru_cache): clear it so every call computes.
    rt_c, rt_w, lim = timed(lambda: theirs.limit(DEPTH), repeat, setup=Matrix._walk_inner.cache_clear)
    col_c, col_w, (p, q) = timed(lambda: ours.convergent(DEPTH), repeat)
    ev_c, ev_w, ev = timed(lambda: ours.evaluate(DEPTH), repeat)
    theirs_matrix = [[int(v) for v in row] for row in lim.current.tolist()]
    ours_matrix = [[int(W[i, j]) for j in range(2)] for i in range(2)]
    return {
        "depth": DEPTH,
        "repeat": repeat,
        "discover_full_matrix_s": spread(full_c),
        "ramanujantools_limit_s": spread(rt_c),
        "speedup_equal_work": statistics.median(rt_c) / statistics.median(full_c),
        # ramanujantools keeps the p row in the basis of its own initial values, so the rows q_{N-1}, q_N are
        # compared entry by entry and the p's through the convergent p_N / q_N it reports.
        "same_matrix": ours_matrix[1] == theirs_matrix[1]
                       and sp.Rational(ours_matrix[0][1], ours_matrix[1][1]) == lim.as_rational(),
        "discover_last_column_s": spread(col_c),
        "discover_evaluate_s": spread(ev_c),
        "same_convergent": int(p) == ours_matrix[0][1] and int(q) == ours_matrix[1][1],
        "digits_at_depth": round(ev.digits, 1),
        "wall_median_s": {"discover_full_matrix": statistics.median(full_w),
                          "ramanujantools": statistics.median(rt_w),
                          "discover_last_column": statistics.median(col_w),
                          "discover_evaluate": statistics.median(ev_w)},
    }


def python_screen(a_lo, a_span, b_lo, b_span, first, count, depth, tol=1e-9):
    """The plain-Python integer recurrence doing the stage-1 screening (the baseline of (b))."""
    out = []
    for index in range(first, first + count):
        idx = index
        a, b = [], []
        for lo, span in zip(a_lo, a_span):
            a.append(lo + idx % span)
            idx //= span
        for lo, span in zip(b_lo, b_span):
            b.append(lo + idx % span)
            idx //= span
        if not any(b) or not any(a):
            out.append(None)
            continue
        pp, p, qp, q = 1, a[0], 0, 1
        dead = False
        for k in range(1, depth + 1):
            an = 0
            for c in reversed(a):
                an = an * k + c
            bn = 0
            for c in reversed(b):
                bn = bn * k + c
            if bn == 0:
                dead = True
                break
            pp, p, qp, q = p, an * p + bn * pp, q, an * q + bn * qp
        if dead or q == 0 or qp == 0:
            out.append(None)
            continue
        x = p / q
        d = abs(x - pp / qp)
        out.append((x, d <= tol * max(1.0, abs(x))))
    return out


def bench_screen(repeat: int) -> dict:
    import numpy as np

    from discover.cf.search.screen import ACCELERATED, OK, accelerate, screen

    a_lo, a_span = [-50] * 3, [101] * 3
    b_lo, b_span = [-50] * 3, [101] * 3
    n_kernel, n_python, first = 4_000_000, 20_000, 123_456
    screen(a_lo, a_span, b_lo, b_span, 0, 1000, 32)  # compile / load both kernels from the cache
    accelerate(a_lo, a_span, b_lo, b_span, 0, np.arange(16))
    screen(a_lo, a_span, b_lo, b_span, first, n_kernel, 32)  # first touch of the full-size arrays
    # The two variants alternate, so load drift on a shared machine hits both.
    cpu_a, cpu_k, wall_a = [], [], []
    for _ in range(repeat):
        c, w, (_, _, status_a) = timed(
            lambda: screen(a_lo, a_span, b_lo, b_span, first, n_kernel, 32, accelerate_slow=True), 1)
        cpu_a += c
        wall_a += w
        c, w, (values, _, status) = timed(lambda: screen(a_lo, a_span, b_lo, b_span, first, n_kernel, 32), 1)
        cpu_k += c
    cpu_p, wall_p, ref = timed(lambda: python_screen(a_lo, a_span, b_lo, b_span, first, n_python, 32), repeat)
    # agreement on the common prefix
    agree = 0
    for i, r in enumerate(ref):
        if r is None:
            agree += status[i] != OK
        else:
            agree += abs(values[i] - r[0]) <= 1e-9 * max(1.0, abs(r[0]))
    def rates(cpu, count):
        return {k: count / v for k, v in spread(cpu).items()}  # median rate; min-max swapped by 1/x

    rate_a, rate_k, rate_p = rates(cpu_a, n_kernel), rates(cpu_k, n_kernel), rates(cpu_p, n_python)
    return {
        "depth": 32,
        "box": "a, b of degree 2, coefficients -50..50",
        "repeat": repeat,
        "stage1_pcfs_per_s": rate_a,
        "kernel_pcfs_per_s": rate_k,
        "python_pcfs_per_s": rate_p,
        "baseline": "a plain-Python loop written here (no anchor has a screening kernel)",
        "accelerated": int((status_a == ACCELERATED).sum()),
        "acceleration_cost": rate_k["median"] / rate_a["median"] - 1.0,
        "speedup": rate_a["median"] / rate_p["median"],
        "kernel_speedup": rate_k["median"] / rate_p["median"],
        "wall_speedup": (n_kernel / statistics.median(wall_a)) / (n_python / statistics.median(wall_p)),
        "agreement": agree / len(ref),
    }


def bench_domains(repeat: int) -> dict:
    import numpy as np

    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial
    from discover.cf.search.factorial import reduction_rate
    from discover.cf.search.families import family_rows, get_family
    from discover.cf.search.screen import ACCELERATED, OK, screen, screen_rows

    fam = get_family("zeta5")
    count = 41 ** 3 * 8
    A, B = family_rows(fam, (-20, 20), (1, 8), 0, count)
    screen_rows(A[:1000], B[:1000], accelerate_slow=True)          # compile / load from the cache
    screen([-1] * 6, [3] * 6, [-1] * 11, [3] * 11, 0, 1000, 32, accelerate_slow=True)
    cpu_rows, cpu_box = [], []
    status = None
    for _ in range(repeat):
        c, _w, (_v, _d, status) = timed(lambda: screen_rows(A, B, accelerate_slow=True), 1)
        cpu_rows += c
        c, _w, _r = timed(lambda: screen([-1] * 6, [3] * 6, [-1] * 11, [3] * 11, 0, count, 32, accelerate_slow=True), 1)
        cpu_box += c
    ok = np.flatnonzero((status == OK) | (status == ACCELERATED))[:2000]
    pcfs = [PCF(Polynomial(tuple(int(v) for v in A[i])), Polynomial(tuple(int(v) for v in B[i]))) for i in ok]
    cpu_fr, _w, _r = timed(lambda: [reduction_rate(p) for p in pcfs], repeat)
    return {
        "domain": "zeta5, x in -20..20, c in 1..8",
        "candidates": count,
        "rows_pcfs_per_s": {k: count / v for k, v in spread(cpu_rows).items()},
        "box_pcfs_per_s": {k: count / v for k, v in spread(cpu_box).items()},
        "converged": int(((status == OK) | (status == ACCELERATED)).sum()),
        "reduction_ms_per_candidate": {k: 1000 * v / len(pcfs) for k, v in spread(cpu_fr).items()},
    }


RT_SCRIPT = """
import sympy as sp
from ramanujantools.pcf import PCF
n = sp.Symbol("n")
print(float(PCF(34 * n**3 + 51 * n**2 + 27 * n + 5, -n**6).limit(10000).as_float()))
"""


def bench_processes(repeat: int) -> dict:
    """(c): the two whole processes, alternating, with their CPU seconds (children's rusage)."""
    import json as _json
    import resource
    import subprocess
    import sys
    import tempfile

    bin_dir = os.path.dirname(sys.executable)
    store = os.path.join(tempfile.mkdtemp(), "bench.db")
    ours = [os.path.join(bin_dir, "discover"), "cf", "eval", A_TEXT, B_TEXT, "--depth", str(DEPTH), "--json",
            "--store", store]
    theirs = [sys.executable, "-c", RT_SCRIPT]

    # As a user's shell runs them: bytecode caches written and used (an environment that sets
    # PYTHONDONTWRITEBYTECODE makes every run recompile the sources it imports).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(cmd):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return cpu, wall, out

    run(ours)  # the store exists from here on (a user's second run), and the OS caches are warm
    run(theirs)
    cpu_o, wall_o, cpu_t, wall_t = [], [], [], []
    closed = value = None
    for _ in range(repeat):
        c, w, out = run(ours)
        cpu_o.append(c)
        wall_o.append(w)
        closed = _json.loads(out.splitlines()[0])["closed_form"]
        c, w, out = run(theirs)
        cpu_t.append(c)
        wall_t.append(w)
        value = float(out.strip().splitlines()[-1])
    return {
        "discover_cpu_s": spread(cpu_o), "discover_wall_s": spread(wall_o),
        "ramanujantools_cpu_s": spread(cpu_t), "ramanujantools_wall_s": spread(wall_t),
        "speedup_cpu": statistics.median(cpu_t) / statistics.median(cpu_o),
        "speedup_wall": statistics.median(wall_t) / statistics.median(wall_o),
        "discover_closed_form": closed, "ramanujantools_value": value,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--processes", action="store_true", help="only (c), the whole-process comparison")
    parser.add_argument("--domains", action="store_true", help="only (d), the structured-domain screen")
    args = parser.parse_args()
    if args.domains:
        dom = bench_domains(args.repeat)
        if args.json:
            print(json.dumps({"domains": dom}))
            return
        r = lambda d: f"{d['median'] / 1e6:.2f} M ({d['max'] / 1e6:.2f}-{d['min'] / 1e6:.2f})"  # noqa: E731
        print(f"(d) {dom['domain']}: {dom['candidates']:,} candidates, {dom['converged']:,} converged; "
              f"CPU median (min-max) of {args.repeat}:")
        print(f"    row kernel (domains), PCFs per CPU second  {r(dom['rows_pcfs_per_s'])}")
        print(f"    box kernel, same degrees and count          {r(dom['box_pcfs_per_s'])}")
        fr = dom["reduction_ms_per_candidate"]
        print(f"    factorial-reduction measure                 {fr['median']:.3f} ms a candidate "
              f"({fr['min']:.3f}-{fr['max']:.3f})")
        return
    if args.processes:
        proc = bench_processes(args.repeat)
        if args.json:
            print(json.dumps({"processes": proc}))
            return
        s = lambda d: f"{d['median']:.3f} s ({d['min']:.3f}-{d['max']:.3f})"  # noqa: E731
        print(f"(c) whole process, CPU (user+sys) median (min-max) of {args.repeat}, wall medians beside:")
        print(f"    discover cf eval ... --depth {DEPTH:,} --json  {s(proc['discover_cpu_s'])}   wall "
              f"{proc['discover_wall_s']['median']:.3f} s  -> {proc['discover_closed_form']}")
        print(f"    ramanujantools script limit({DEPTH:,})       {s(proc['ramanujantools_cpu_s'])}   wall "
              f"{proc['ramanujantools_wall_s']['median']:.3f} s  -> {proc['ramanujantools_value']}")
        print(f"    speed-up {proc['speedup_cpu']:.1f}x CPU, {proc['speedup_wall']:.1f}x wall (medians)")
        return
    exact = bench_exact(args.repeat)
    scr = bench_screen(args.repeat)
    if args.json:
        print(json.dumps({"exact": exact, "screen": scr}))
        return
    def ms(d):
        return f"{d['median'] * 1e3:8.1f} ms ({d['min'] * 1e3:.1f}-{d['max'] * 1e3:.1f})"

    def per_s(d):
        return f"{d['median']:14,.0f} /s ({d['max']:,.0f}-{d['min']:,.0f})"

    print(f"(a) Apery zeta(3) PCF to depth {exact['depth']:,}, CPU median (min-max) of {args.repeat} runs:")
    print(f"    equal work, the full matrix [[p_N-1, p_N], [q_N-1, q_N]]:")
    print(f"      discover PCF.convergent_matrix  {ms(exact['discover_full_matrix_s'])}")
    print(f"      ramanujantools PCF.limit        {ms(exact['ramanujantools_limit_s'])}")
    print(f"      speed-up {exact['speedup_equal_work']:.1f}x (medians); same q row and convergent: {exact['same_matrix']}")
    print(f"    not equal work (shown apart):")
    print(f"      discover PCF.convergent         {ms(exact['discover_last_column_s'])}   (last column only: less work)")
    print(f"      discover PCF.evaluate           {ms(exact['discover_evaluate_s'])}   (full matrix + digit "
          f"estimate + value, {exact['digits_at_depth']} digits: more work)")
    print(f"(b) stage-1 screening at depth 32, one core, {scr['box']}, median (min-max) of {args.repeat}:")
    print(f"    stage 1 (kernel + acceleration) {per_s(scr['stage1_pcfs_per_s'])} PCFs per CPU second "
          f"({scr['accelerated']:,} accelerated)")
    print(f"    Numba kernel alone              {per_s(scr['kernel_pcfs_per_s'])} "
          f"(acceleration costs {100 * scr['acceleration_cost']:.1f}%)")
    print(f"    plain Python (not an anchor)    {per_s(scr['python_pcfs_per_s'])}")
    print(f"    speed-up over that loop: {scr['speedup']:.0f}x (CPU, stage 1), {scr['kernel_speedup']:.0f}x (kernel alone), "
          f"{scr['wall_speedup']:.0f}x (wall); agreement on the Python sample: {scr['agreement']:.4f}")
    print("    baseline: " + scr["baseline"])


if __name__ == "__main__":
    main()
