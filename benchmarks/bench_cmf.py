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

The figures are the median and range of N wall times on one core. Run:

    .venv/bin/python benchmarks/bench_cmf.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time


def timed(fn, repeat, setup=None):
    """(median, min, max) seconds of ``repeat`` runs of ``fn`` (``setup`` before each, not timed), and
    the last result. The median is what the table reports: a shared machine makes the best run luck."""
    times, result = [], None
    for _ in range(repeat):
        if setup is not None:
            setup()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return (statistics.median(times), min(times), max(times)), result


def _clear_discover_caches():
    from discover.cf.cmf import field, ratfunc
    from discover.cf.cmf.library import get_cmf

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
                                    _clear_discover_caches)
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

    t_d, res_d = timed(sweep_discover, args.repeat, _clear_discover_caches)
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
