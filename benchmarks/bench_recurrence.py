"""Benchmark of recurrence limits against ramanujantools, side by side in one process run.

Equal work: the limit p(N)/q(N) of two solutions of a linear recurrence as a decimal number with its
precision, at several depths, for

(a) Apery's recurrence n^3 u(n) = (34n^3 - 51n^2 + 27n - 5) u(n-1) - (n-1)^3 u(n-2) (order 2), and
(b) the order-3 recurrence [1, -n] o Apery (ramanujantools' ``fold(-n)`` of it),

both from n = 2 (resp. 3), p and q started by e_0 and e_1 (ramanujantools' default initial values; its
last column is the projection). ramanujantools: a fresh ``LinearRecurrence(...)`` (its companion matrix
is a cached property) with ``Matrix._walk_inner`` cleared, then ``limit(N, start)``, ``as_float()`` and
``precision()``; also with the object and its companion matrix built before the timer starts
("prebuilt": the walk and the limit alone, discover still parsing its text inside the timing): N steps M(start) ... M(start + N - 1). discover: ``recurrence_limit(R, start + N - 1,
start)`` (the same N steps, exact, with the error model's digits and the limits of all columns). Both
values are checked to agree to the digits both claim. sympy, mpmath and FLINT are imported and warm.

The figures are the median and range of R wall times on one core. Run:

    .venv/bin/python benchmarks/bench_recurrence.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

APERY = ["n^3", "-(34n^3-51n^2+27n-5)", "(n-1)^3"]
ORDER3 = ["n^3", "-n^4-31n^3+48n^2-26n+5", "34n^4-152n^3+228n^2-114n-1", "-n^4+6n^3-12n^2+8n"]
CASES = [("Apery, order 2", APERY, 2, (100, 1000, 5000)), ("[1,-n] o Apery, order 3", ORDER3, 3, (100, 1000, 3000))]


def timed(fn, repeat, setup=None):
    """(median, min, max) seconds of ``repeat`` runs of ``fn`` (``setup()``'s result passed to it, not timed)
    and the last result."""
    times, result = [], None
    for _ in range(repeat):
        arg = setup() if setup is not None else None
        t = time.perf_counter()
        result = fn(arg) if setup is not None else fn()
        times.append(time.perf_counter() - t)
    return (statistics.median(times), min(times), max(times)), result


def rt_recurrence(coeffs):
    """A fresh ramanujantools LinearRecurrence (its walk cache cleared)."""
    import sympy
    from ramanujantools import LinearRecurrence, Matrix

    from discover.cf.polynomial import Polynomial

    Matrix._walk_inner.cache_clear()
    n = sympy.Symbol("n")
    return LinearRecurrence([sympy.sympify(Polynomial.parse(c).to_sympy_text(), locals={"n": n}) for c in coeffs])


def rt_limit(coeffs, start, steps, rec=None):
    rec = rec if rec is not None else rt_recurrence(coeffs)
    lim = rec.limit(steps, start)
    return lim.as_float(), lim.precision()


def rt_prepared(coeffs):
    """The object built and its companion matrix formed outside the timing (the walk alone timed)."""
    rec = rt_recurrence(coeffs)
    rec.recurrence_matrix  # noqa: B018 (a cached property: sympy's work done here)
    return rec


def discover_limit(coeffs, start, steps):
    from discover.cf.recurrence.limit import recurrence_limit
    from discover.cf.recurrence.recurrence import LinearRecurrence

    k = len(coeffs) - 1
    rec = LinearRecurrence.parse(", ".join(coeffs))
    e = [tuple(int(i == j) for i in range(k)) for j in range(2)]
    lim = recurrence_limit(rec, start + steps - 1, start, e[0], e[1])
    return lim.value, lim.digits


def main():
    import mpmath

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rt_limit(APERY, 2, 20)  # imports and first-call set-up on both sides
    discover_limit(APERY, 2, 20)
    rows = []
    for name, coeffs, start, depths in CASES:
        for steps in depths:
            (ours, o_lo, o_hi), (x, dx) = timed(lambda: discover_limit(coeffs, start, steps), args.repeat)
            (theirs, t_lo, t_hi), (y, dy) = timed(lambda: rt_limit(coeffs, start, steps), args.repeat)
            (walk_only, w_lo, w_hi), _ = timed(lambda rec: rt_limit(coeffs, start, steps, rec), args.repeat,
                                               setup=lambda: rt_prepared(coeffs))
            both = int(min(dx, dy)) - 1
            with mpmath.workdps(both + 20):
                agree = abs(mpmath.mpf(x) - mpmath.mpf(y)) <= mpmath.mpf(10) ** -both
            rows.append({"case": name, "depth": steps, "discover_s": ours, "discover_range": [o_lo, o_hi],
                         "ramanujantools_s": theirs, "ramanujantools_range": [t_lo, t_hi],
                         "ratio": theirs / ours, "ratio_range": [t_lo / o_hi, t_hi / o_lo],
                         "ramanujantools_prebuilt_s": walk_only, "ratio_prebuilt": walk_only / ours,
                         "ratio_prebuilt_range": [w_lo / o_hi, w_hi / o_lo],
                         "digits": [round(dx, 1), dy], "agree": bool(agree)})
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return
    print(f"{'case':26} {'depth':>6} {'discover':>22} {'ramanujantools':>24} {'ratio':>18} "
          f"{'prebuilt rt: ratio':>24} {'digits (ours/rt)':>18}")
    for r in rows:
        print(f"{r['case']:26} {r['depth']:>6} {r['discover_s'] * 1e3:8.2f} ms ({r['discover_range'][0] * 1e3:.2f}-"
              f"{r['discover_range'][1] * 1e3:.2f}) {r['ramanujantools_s'] * 1e3:9.1f} ms ({r['ramanujantools_range'][0] * 1e3:.1f}-"
              f"{r['ramanujantools_range'][1] * 1e3:.1f}) {r['ratio']:6.1f}x ({r['ratio_range'][0]:.1f}-{r['ratio_range'][1]:.1f}) "
              f"{r['ratio_prebuilt']:6.1f}x ({r['ratio_prebuilt_range'][0]:.1f}-{r['ratio_prebuilt_range'][1]:.1f}) "
              f"{r['digits'][0]}/{r['digits'][1]} {'agree' if r['agree'] else 'DISAGREE'}")


if __name__ == "__main__":
    main()
