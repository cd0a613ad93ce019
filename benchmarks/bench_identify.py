"""Benchmark of integer-relation finding: FLINT's LLL (what :mod:`discover.cf.identify` uses) against
mpmath's PSLQ (what it used before), on the same relations at 100, 1,000 and 10,000 digits.

Relations (each a vector v with a known small integer relation u . v = 0):

* ``moebius``: x = 6/zeta(3), v = (1, zeta(3), x, x zeta(3)) (the single-constant search);
* ``linear``: x = 2 log 2 - 3 pi/4 + 1/5, v = (1, pi, log 2, x);
* ``pair``: x = (1 + pi log 2)/(3 - pi), v = (1, pi, log 2, pi log 2, x, x pi, x log 2, x pi log 2)
  (the two-constant search with the product);
* ``large``: x = (123457 + 654321 zeta(3))/(98765 - 56789 zeta(3)), v as ``moebius``: coefficients of six
  digits (relation size 23 digits), which the lowest level of the lattice search (20 digits) cannot
  see, so LLL also pays its next level.

Equal work on both sides: the same mpmath vector at D + 20 digits goes in and a relation holding to D
digits comes out. LLL's time is :func:`discover.cf.relation.find_relation` (fixed-point conversion,
reductions at 20, 40, 80, ... digits until a row holds to all D digits, checked on the full values): the
precision levels are the method, PSLQ has no such shortcut; PSLQ runs as identify ran it (``mpmath.pslq`` with
tol = 10^-(D-1), maxcoeff = 10^min(D/2, 40), maxsteps = 20,000). Both results are checked to be the
known relation up to sign. Times are CPU seconds (``time.process_time``): median and min-max over
``--repeat`` runs. PSLQ at 10,000 digits on the 8-vector is the slow cell; ``--skip-slow`` leaves it out.

Run:  .venv/bin/python benchmarks/bench_identify.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

DIGITS = (100, 1000, 10000)


def vectors(digits: int) -> dict:
    import mpmath

    with mpmath.workdps(digits + 20):
        z3, pi, l2 = mpmath.zeta(3), +mpmath.pi, mpmath.log(2)
        x1 = 6 / z3
        x2 = 2 * l2 - 3 * pi / 4 + mpmath.mpf(1) / 5
        x3 = (1 + pi * l2) / (3 - pi)
        x4 = (123457 + 654321 * z3) / (98765 - 56789 * z3)
        one = mpmath.mpf(1)
        return {
            "moebius": ([one, z3, x1, x1 * z3], (-6, 0, 0, 1)),
            "linear": ([one, pi, l2, x2], (4, -15, 40, -20)),
            "pair": ([one, pi, l2, pi * l2, x3, x3 * pi, x3 * l2, x3 * pi * l2], (1, 0, 0, 1, -3, 1, 0, 0)),
            "large": ([one, z3, x4, x4 * z3], (-123457, -654321, 98765, -56789)),
        }


def same(u, expected) -> bool:
    u = tuple(int(v) for v in u)
    return u == tuple(expected) or u == tuple(-v for v in expected)


def by_lll(vec, digits: int):
    from discover.cf.relation import find_relation

    return find_relation(vec, digits, max_coeff=int(10 ** min(digits / 2, 40))) or ()


def by_pslq(vec, digits: int):
    import mpmath

    with mpmath.workdps(digits + 20):
        return mpmath.pslq(vec, tol=mpmath.mpf(10) ** (-(digits - 1)), maxcoeff=int(10 ** min(digits / 2, 40)),
                           maxsteps=20000)


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return times, result


def spread(values) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-slow", action="store_true", help="leave out PSLQ on the 8-vector at 10,000 digits")
    args = parser.parse_args()
    import mpmath

    import discover.cf.relation  # noqa: F401  (imports outside the timings)

    by_lll([mpmath.mpf(1), +mpmath.pi, 1 / mpmath.pi, mpmath.mpf(3)], 30)  # warm-up
    rows = []
    for digits in DIGITS:
        for name, (vec, expected) in vectors(digits).items():
            lll_t, lll_u = timed(lambda: by_lll(vec, digits), args.repeat)
            row = {"relation": name, "digits": digits, "n": len(vec), "lll_s": spread(lll_t),
                   "lll_ok": same(lll_u, expected)}
            if args.skip_slow and digits >= 10000 and len(vec) > 4:
                row["pslq_s"] = None
            else:
                pslq_t, pslq_u = timed(lambda: by_pslq(vec, digits), max(1, args.repeat if digits < 10000 else 1))
                row["pslq_s"] = spread(pslq_t)
                row["pslq_ok"] = pslq_u is not None and same(pslq_u, expected)
                row["speedup_median"] = row["pslq_s"]["median"] / max(row["lll_s"]["median"], 1e-9)
            rows.append(row)
            if not args.json:
                p = row["pslq_s"]
                print(f"{name:8s} n={row['n']} D={digits:6d}  LLL {row['lll_s']['median']*1e3:9.2f} ms "
                      f"[{row['lll_s']['min']*1e3:.2f}-{row['lll_s']['max']*1e3:.2f}] ok={row['lll_ok']}  "
                      + ("PSLQ skipped" if p is None else
                         f"PSLQ {p['median']*1e3:10.2f} ms [{p['min']*1e3:.2f}-{p['max']*1e3:.2f}] "
                         f"ok={row['pslq_ok']}  x{row['speedup_median']:.0f}"), flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
