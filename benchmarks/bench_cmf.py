"""Benchmark of the CMF walks against ramanujantools, side by side in one process run.

(a) The zeta(3) CMF (Mx = [[0, -x^3], [(x+1)^3, x^3 + (x+1)^3 + 2y(y-1)(2x+1)]], My = [[fbar, -x^3],
    [x^3, f]]) walked along the diagonal (1, 1) from (1, 1) to depth 1,000 and 10,000: the limit
    W[0,-1]/W[1,-1] as a decimal number with its precision. discover: ``trajectory_matrix`` +
    ``walk_limit`` (the entries parsed once and evaluated on the line with FLINT polynomials, then
    FLINT baby-step/giant-step and binary splitting); ramanujantools: ``CMF.limit(trajectory, depth, start)`` + ``as_float()`` +
    ``precision()``. Each run starts from a fresh CMF object with the symbolic caches cleared
    (ramanujantools: a new ``known_cmfs.zeta3()`` and ``CMF._calculate_diagonal_matrix.cache_clear()``, as
    in its own cmf_benchmark.py; discover: the library and step-matrix caches), so
    both sides pay for deriving the trajectory matrix; sympy, mpmath and FLINT are imported and warm.
    Both limits are checked to agree to the digits both claim.
(b) A trajectory sweep of the pi CMF: every primitive trajectory with coordinates in 0..3 from the start
    (1, 1), depth 1,000 each, limit and precision for each (one fresh CMF per sweep).

(c) Parametric conservativity checks (issue 20): ramanujantools' cmf2 (4 parameters) and cmf3_1
    (2 parameters), and the 3F2 field at z = 1 (5 axes), from the same entry texts (a CMF file's
    matrices) to the verdict on both sides: discover ``cmf_from_dict`` + ``check_conservative`` (FLINT
    fmpq_mpoly); ramanujantools ``sympify`` of each entry into its ``Matrix`` + ``CMF(matrices,
    validate=True)`` (its check runs on its FLINT SymbolicMatrix). A second row per field times
    ramanujantools' check alone, on matrices built before the clock (less work than discover's row).
(d) A parametric walk: cmf2 at (c0, c1, c2, c3) = (1, 1, 1, 1) along (1, 1) from (1, 1), depth 1,000
    (discover: ``bind`` + ``trajectory_matrix`` + ``walk_limit``; ramanujantools: ``subs`` + ``limit``).
(e) pFq walks: 3F2 at z = 1 along (1,1,1,2,2) from (1,1,1,2,4), and 2F1 at z = 1/2 along (1,1,3)
    from (1,1,2), depth 1,000. The fields are built once on both sides before the clock (sympy on both
    sides; their build times are printed apart); each run derives the trajectory matrix afresh (caches
    cleared as in (a)) and walks.

The figures are the median and range of N wall times on one core (garbage collection off while a call
is timed, as timeit does; for the short cases (c)-(e) a sample is the median of 5-10 calls, on both
sides: on a shared machine a few-millisecond call is sometimes preempted for as long again). Run:

    .venv/bin/python benchmarks/bench_cmf.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time


def timed(fn, repeat, setup=None, number=1):
    """(median, min, max) seconds of ``repeat`` runs of ``fn`` (``setup`` before each, not timed), and
    the last result. The median is what the table reports: a shared machine makes the best run luck."""
    import gc

    times, result = [], None
    for _ in range(repeat):
        calls = []
        gc.disable()  # as timeit does, for the whole sample: a collection is noise, not work
        try:
            for _ in range(number):  # short cases: a sample is the median of ``number`` calls
                if setup is not None:
                    setup()
                t = time.perf_counter()
                result = fn()
                calls.append(time.perf_counter() - t)
        finally:
            gc.enable()
        times.append(statistics.median(calls))
    return (statistics.median(times), min(times), max(times)), result


def _clear_discover_caches(library: bool = False):
    from discover.cf.cmf import field, ratfunc
    from discover.cf.cmf.library import get_cmf

    if library:
        get_cmf.cache_clear()
    field._sympy_matrices.cache_clear()
    ratfunc.compile_entry.cache_clear()


def _clear_rt_caches():
    from ramanujantools.cmf import CMF

    CMF._calculate_diagonal_matrix.cache_clear()


def discover_walk(name, t, s, depth):
    from discover.cf.cmf.library import get_cmf
    from discover.cf.cmf.trajectory import trajectory_matrix, walk_limit

    cmf = get_cmf(name)
    S = trajectory_matrix(cmf, t, s)
    ev = walk_limit(cmf, t, s, depth, S)
    return ev.value, ev.digits


def rt_walk(cmf, t, s, depth):
    from sympy.abc import x, y

    lim = cmf.limit({x: t[0], y: t[1]}, depth, {x: s[0], y: s[1]})
    return lim.as_float(), lim.precision()


def _agree(a, b):
    import mpmath

    (va, da), (vb, db) = a, b
    common = int(min(da, db)) - 2
    if common < 5:
        return None
    with mpmath.workdps(common + 10):
        return bool(abs(mpmath.mpf(va) - mpmath.mpf(vb)) < mpmath.mpf(10) ** (-common) * max(1, abs(mpmath.mpf(va))))


def _row(case, t_d, t_r, agree, **extra):
    return {"case": case, "discover_s": t_d, "ramanujantools_s": t_r, "speedup": t_r[0] / t_d[0],
            "digits_discover": extra.get("dd"), "digits_ramanujantools": extra.get("dr"), "agree": agree}


def parametric_rows(repeat):
    """The issue-20 rows: parametric checks, a parametric walk, pFq walks (module doc (c)-(e))."""
    import sympy
    from ramanujantools import Matrix as RTMatrix
    from ramanujantools.cmf import CMF as RTCMF
    from ramanujantools.cmf import known_cmfs, pFq

    from discover.cf.cmf.field import check_conservative, cmf_from_dict
    from discover.cf.cmf.library import get_cmf
    from discover.cf.cmf.parametric import bind
    from discover.cf.cmf.trajectory import trajectory_matrix, walk_limit, walk_order

    rows = []
    for name, rt_factory in [("cmf2", known_cmfs.cmf2), ("cmf3_1", known_cmfs.cmf3_1),
                             ("pFq:3,2,1", lambda: pFq(3, 2, 1))]:
        data = get_cmf(name).to_dict()
        rt_mats = rt_factory().matrices
        names = {n: sympy.Symbol(n) for n in data["axes"] + data.get("parameters", [])}

        def ours():
            return check_conservative(cmf_from_dict(data)) == []

        def theirs_from_text():
            mats = {names[a]: RTMatrix([[sympy.sympify(e, locals=names) for e in row] for row in m])
                    for a, m in data["matrices"].items()}
            return RTCMF(mats, validate=True) is not None

        label = f"conservativity check of {name} ({len(data['axes'])} axes, {len(data.get('parameters', []))} parameters)"
        t_d, ok_d = timed(ours, repeat, _clear_discover_caches, number=10)  # parsed afresh each call
        t_r, ok_r = timed(theirs_from_text, repeat, number=10)
        rows.append(_row(label + ", from the entry texts", t_d, t_r, bool(ok_d and ok_r)))
        t_r2, _ = timed(lambda: RTCMF(rt_mats, validate=True) is not None, repeat, number=10)
        rows.append(_row(label + ": ramanujantools' matrices prebuilt", t_d, t_r2, bool(ok_d and ok_r)))

    x, y = sympy.symbols("x y")
    c = sympy.symbols("c:4")
    vals = {"c0": 1, "c1": 1, "c2": 1, "c3": 1}

    def walk_ours(cmf, t, s, depth):
        order, _ = walk_order(cmf, t, s, depth)
        ev = walk_limit(cmf, t, s, depth, trajectory_matrix(cmf, t, s, order=order))
        return ev.value, ev.digits

    def rt_limit(cmf, t, s, depth):
        lim = cmf.limit(t, depth, s)
        return lim.as_float(), lim.precision()

    base2 = get_cmf("cmf2")
    rt2 = known_cmfs.cmf2()
    t_d, res_d = timed(lambda: walk_ours(bind(base2, vals), (1, 1), (1, 1), 1000), repeat, _clear_discover_caches,
                       number=5)
    t_r, res_r = timed(lambda: rt_limit(rt2.subs({ci: 1 for ci in c}), {x: 1, y: 1}, {x: 1, y: 1}, 1000),
                       repeat, _clear_rt_caches, number=5)
    rows.append(_row("parametric walk: cmf2 at c = (1,1,1,1), (1,1) from (1,1), depth 1000", t_d, t_r,
                     _agree(res_d, res_r), dd=round(res_d[1], 1), dr=res_r[1]))

    for name, p, q, z, t, s in [("pFq:3,2,1", 3, 2, 1, (1, 1, 1, 2, 2), (1, 1, 1, 2, 4)),
                                ("pFq:2,1,1/2", 2, 1, sympy.Rational(1, 2), (1, 1, 3), (1, 1, 2))]:
        get_cmf.cache_clear()
        t0 = time.perf_counter()
        ours_cmf = get_cmf(name)
        build_d = time.perf_counter() - t0
        pFq.construct_matrices.cache_clear()
        t0 = time.perf_counter()
        theirs = pFq(p, q, z)
        build_r = time.perf_counter() - t0
        syms = list(sympy.symbols(f"x:{p}")) + list(sympy.symbols(f"y:{q}"))
        t_d, res_d = timed(lambda: walk_ours(ours_cmf, t, s, 1000), repeat, _clear_discover_caches, number=5)
        t_r, res_r = timed(lambda: rt_limit(theirs, dict(zip(syms, t)), dict(zip(syms, s)), 1000), repeat,
                           _clear_rt_caches, number=5)
        rows.append(_row(f"pFq walk: {name} along {t} from {s}, depth 1000 (field built once: discover "
                         f"{build_d:.2f} s, ramanujantools {build_r:.2f} s)", t_d, t_r, _agree(res_d, res_r),
                         dd=round(res_d[1], 1), dr=res_r[1]))
    return rows


def primitive(K):
    return [(a, b) for a in range(K + 1) for b in range(K + 1) if (a or b) and math.gcd(a, b) == 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import mpmath
    from ramanujantools.cmf import known_cmfs

    # warm-up: imports, FLINT, sympy printing paths (a different CMF, so no cache is shared)
    discover_walk("e", (1, 1), (0, 0), 50)
    rt_walk(known_cmfs.e(), (1, 1), (0, 0), 50)

    rows = []
    for depth in (1000, 10000):
        t_d, (v_d, dig_d) = timed(lambda: discover_walk("zeta3", (1, 1), (1, 1), depth), args.repeat,
                                    lambda: _clear_discover_caches(library=True))
        t_r, (v_r, dig_r) = timed(lambda: rt_walk(known_cmfs.zeta3(), (1, 1), (1, 1), depth), args.repeat,
                                    _clear_rt_caches)
        common = int(min(dig_d, dig_r)) - 2
        with mpmath.workdps(common + 10):
            agree = abs(mpmath.mpf(v_d) - mpmath.mpf(v_r)) < mpmath.mpf(10) ** (-common)
        rows.append({"case": f"zeta3 CMF, trajectory (1,1) from (1,1), depth {depth}", "discover_s": t_d,
                     "ramanujantools_s": t_r, "speedup": t_r[0] / t_d[0], "digits_discover": round(dig_d, 1),
                     "digits_ramanujantools": dig_r, "agree": bool(agree)})

    trajs = primitive(3)

    def sweep_discover():
        return [discover_walk("pi", t, (1, 1), 1000) for t in trajs]

    def sweep_rt():
        cmf = known_cmfs.pi()
        return [rt_walk(cmf, t, (1, 1), 1000) for t in trajs]

    t_d, res_d = timed(sweep_discover, args.repeat, lambda: _clear_discover_caches(library=True))
    t_r, res_r = timed(sweep_rt, args.repeat, _clear_rt_caches)
    agree = True
    for (vd, dd), (vr, dr) in zip(res_d, res_r):
        common = int(min(dd, dr)) - 2
        if common > 5:
            with mpmath.workdps(common + 10):
                agree &= bool(abs(mpmath.mpf(vd) - mpmath.mpf(vr)) < mpmath.mpf(10) ** (-common))
    rows.append({"case": f"pi CMF sweep: {len(trajs)} primitive trajectories in [0,3]^2 from (1,1), depth 1000",
                 "discover_s": t_d, "ramanujantools_s": t_r, "speedup": t_r[0] / t_d[0],
                 "digits_discover": None, "digits_ramanujantools": None, "agree": bool(agree)})

    rows.extend(parametric_rows(args.repeat))

    if args.json:
        for r in rows:
            print(json.dumps(r))
        return
    def spread(t):
        return f"{t[0] * 1e3:.1f} ms ({t[1] * 1e3:.1f}-{t[2] * 1e3:.1f})"

    print(f"median (min-max) of {args.repeat} runs each; speedup = ratio of medians")
    print(f"{'case':<78} {'discover':>24} {'ramanujantools':>26} {'speedup':>8}  agree")
    for r in rows:
        print(f"{r['case']:<78} {spread(r['discover_s']):>24} {spread(r['ramanujantools_s']):>26} "
              f"{r['speedup']:>7.1f}x  {r['agree']}")


if __name__ == "__main__":
    main()
