"""Benchmark: discover's exact balancer side by side with ChemPy's ``balance_stoichiometry``.

One process run: every reference reaction (``shared/reference/reactions.tsv``, or the copy shipped in
``tests/reference_data``) plus a few more textbook ones, then a large system (22 species, sides given,
a parametric answer for ChemPy) and a free-sides enumeration that ChemPy has no counterpart for.

Times are per reaction, median over repeats, and include parsing, balancing and the exact check on
our side (``balance_text``), parsing and solving on ChemPy's side (it parses the formulas itself). The
ratio is reported twice: over every reaction both solve, and over the *equal-work* subset where ChemPy
returns the same unique integer answer (on the others it returns a parametric family in free symbols,
which is not the same work as our canonical balance plus every elementary reaction).

Whole processes, as users run them: ``discover chem balance --file F --store S`` (the console script,
its store a new file each time, and again an existing one) against a ``python -c`` script that reads
the same file and calls ChemPy's ``balance_stoichiometry`` on each line, printing the answers. Both
run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), after one warm-up run each; the
median and the spread (min..max) of ``--process-repeats`` runs are printed. The 20 reactions are
the reference reactions that balance plus textbook ones (``PROCESS_REACTIONS``); the equal-work file
holds the ones where ChemPy's answer is the same unique balance as ours.

    .venv/bin/python benchmarks/bench_chem.py                  # full run
    .venv/bin/python benchmarks/bench_chem.py --quick          # fewer repeats
    .venv/bin/python benchmarks/bench_chem.py --process-only   # only the whole-process comparison
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

EXTRA = [
    "Cr2O7^2- + Fe2+ + H+ -> Cr3+ + Fe3+ + H2O",
    "[Cr(N2H4CO)6]4[Cr(CN)6]3 + KMnO4 + H2SO4 -> K2Cr2O7 + MnSO4 + CO2 + KNO3 + K2SO4 + H2O",
    "C6H12O6 + O2 -> CO2 + H2O",
    "Al + O2 -> Al2O3",
    "KMnO4 + H2O2 + H2SO4 -> K2SO4 + MnSO4 + O2 + H2O",
    "Fe3+ + e- -> Fe2+",
]

# The whole-process comparison: 20 reactions, one per line (the reference reactions that balance, EXTRA,
# and two more textbook ones).
MORE = ["Fe + O2 -> Fe2O3", "NH3 + O2 -> NO + H2O"]

CHEMPY_SCRIPT = """
import sys
from chempy import balance_stoichiometry
for line in open(sys.argv[1], encoding="utf-8"):
    left, right = line.strip().split("->")
    reac = {s.strip() for s in left.split(" + ")}
    prod = {s.strip() for s in right.split(" + ")}
    try:
        print(balance_stoichiometry(reac, prod))
    except Exception as exc:
        print("fails:", type(exc).__name__, exc)
"""

LARGE = ("CH4 + C2H6 + C3H8 + C4H10 + C2H4 + C2H2 + CH3OH + C2H5OH + C6H6 + C8H18 + H2 + NH3 + N2H4 + HCOOH + O2"
         " -> CO2 + CO + H2O + N2 + NO + NO2 + N2O")
FREE = ("CH4, O2, CO2, H2O, CO, H2, C2H6, C2H4, C2H2, CH3OH, N2, NH3, NO, NO2, N2O, HCN")


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


class Timeout(Exception):
    pass


def with_alarm(seconds: int, fn):
    def handler(signum, frame):
        raise Timeout()
    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def chempy_sides(equation: str):
    left, right = equation.split("->")
    return ({s.strip() for s in left.split(" + ")}, {s.strip() for s in right.split(" + ")})


def chempy_answer(result, names):
    reac, prod = result
    coeffs = {**reac, **prod}
    values = [coeffs.get(n) for n in names]
    if any(getattr(v, "free_symbols", None) for v in values):
        return "parametric", values
    if any(v is None or v <= 0 for v in values):
        return "nonpositive", values
    return "numbers", [int(v) for v in values]


def process_reactions() -> list[str]:
    from discover.chem.balance import ImpossibleReaction, balance_text
    from reference import reference_rows

    out = []
    for eq in [eq for _, eq, _ in reference_rows("reactions.tsv")] + EXTRA + MORE:
        try:
            balance_text(eq)
        except ImpossibleReaction:
            continue
        out.append(eq)
    return out


def equal_work(reactions: list[str]) -> list[str]:
    """The reactions where ChemPy's answer is the same unique integer balance as ours."""
    from chempy import balance_stoichiometry

    from discover.chem.balance import balance_text

    out = []
    for eq in reactions:
        b = balance_text(eq)
        reac, prod = chempy_sides(eq)
        try:
            what, values = chempy_answer(balance_stoichiometry(reac, prod), b.problem.names)
        except Exception:  # noqa: BLE001 - a reaction ChemPy cannot read is not equal work
            continue
        if b.unique and what == "numbers" and values == b.coefficients:
            out.append(eq)
    return out


def process_times(commands: dict[str, list[str]], repeats: int, fresh_store: dict[str, Path]) -> dict[str, list[float]]:
    """Wall time of each command as a process, ``repeats`` times, the commands interleaved (one run of each
    per round, so a change of load on a shared machine hits all of them alike); the first round warms
    the bytecode and file caches and is not counted. ``fresh_store[name]`` is deleted before each run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for k in range(repeats + 1):
        for name, command in commands.items():
            if name in fresh_store:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(fresh_store[name]) + suffix).unlink(missing_ok=True)
            t = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            if k:
                times[name].append(time.perf_counter() - t)
    return times


def spread(times: list[float]) -> str:
    return f"{statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs)"


def whole_process(repeats: int) -> None:
    reactions = process_reactions()
    same = equal_work(reactions)
    discover_cmd = str(Path(sys.executable).with_name("discover"))
    with tempfile.TemporaryDirectory() as tmp:
        for label, subset in ((f"{len(reactions)} reactions", reactions),
                              (f"{len(same)} equal-work reactions (ChemPy gives the same unique balance)", same)):
            path = Path(tmp) / "reactions.txt"
            path.write_text("\n".join(subset) + "\n")
            fresh, kept = Path(tmp) / "fresh.sqlite", Path(tmp) / "kept.sqlite"
            ours = [discover_cmd, "chem", "balance", "--file", str(path), "--store"]
            t = process_times({"new": ours + [str(fresh)], "old": ours + [str(kept)],
                               "chempy": [sys.executable, "-c", CHEMPY_SCRIPT, str(path)]},
                              repeats, fresh_store={"new": fresh})
            ours_new, ours_old, theirs = t["new"], t["old"], t["chempy"]
            m_new, m_old, m_theirs = (statistics.median(t) for t in (ours_new, ours_old, theirs))
            print(f"\nwhole process, {label}:")
            print(f"  discover, new store:      {spread(ours_new)}")
            print(f"  discover, existing store: {spread(ours_old)}")
            print(f"  ChemPy script:            {spread(theirs)}")
            paired = sorted(c / o for c, o in zip(theirs, ours_new))  # same round, same load
            print(f"  ratio of medians: {m_theirs / m_new:.1f}x (new store), {m_theirs / m_old:.1f}x (existing store); "
                  f"per round (new store): median {statistics.median(paired):.1f}x, "
                  f"min {paired[0]:.1f}x, max {paired[-1]:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--chempy-timeout", type=int, default=300)
    parser.add_argument("--process-repeats", type=int, default=7)
    parser.add_argument("--process-only", action="store_true")
    args = parser.parse_args()
    ours_n, theirs_n = (50, 3) if args.quick else (300, 7)
    if args.process_only:
        whole_process(max(5, args.process_repeats))
        return

    from chempy import balance_stoichiometry

    from discover.chem.balance import ImpossibleReaction, balance_text
    from reference import reference_rows

    rows = [(kind, eq) for kind, eq, _ in reference_rows("reactions.tsv")] + [("extra", e) for e in EXTRA]
    print(f"{'reaction':<62} {'discover':>10} {'ChemPy':>10} {'ratio':>7}  ChemPy's answer")
    ratios, equal = [], []
    for kind, eq in rows:
        label = eq if len(eq) <= 60 else eq[:57] + "..."
        try:
            b = balance_text(eq)
            ours_answer = f"{len(b.modes)} elementary" if not b.unique else "unique"
        except ImpossibleReaction as exc:
            b, ours_answer = None, f"impossible: {exc.reason}"
        ours = timed(lambda: _try(balance_text, eq), ours_n)
        reac, prod = chempy_sides(eq)
        try:
            result = balance_stoichiometry(reac, prod)
            theirs = timed(lambda: balance_stoichiometry(reac, prod), theirs_n)
        except Exception as exc:  # noqa: BLE001 - ChemPy's failure is part of the result
            print(f"{label:<62} {ours * 1e3:>8.3f}ms {'-':>10} {'-':>7}  ChemPy fails: "
                  f"{type(exc).__name__}: {str(exc)[:50]} (discover: {ours_answer})")
            continue
        names = b.problem.names if b else [*reac, *prod]
        what, values = chempy_answer(result, names)
        if what == "numbers" and b is not None:
            note = "same" if values == b.coefficients else f"differs: {values} vs ours {b.coefficients}"
        elif what == "parametric":
            note = f"parametric (free symbols); discover lists {len(b.modes)} elementary reactions"
        else:
            note = f"{what}: {values}"
        ratio = theirs / ours
        ratios.append(ratio)
        if note == "same":
            equal.append(ratio)
        print(f"{label:<62} {ours * 1e3:>8.3f}ms {theirs * 1e3:>8.3f}ms {ratio:>6.0f}x  {note}")
    gm = math.exp(sum(map(math.log, ratios)) / len(ratios))
    print(f"\nper-reaction speed-up over ChemPy: geometric mean {gm:.0f}x, min {min(ratios):.0f}x, "
          f"max {max(ratios):.0f}x over {len(ratios)} reactions both solve")
    gm = math.exp(sum(map(math.log, equal)) / len(equal))
    print(f"equal work only (ChemPy's answer is our unique balance): geometric mean {gm:.0f}x, min {min(equal):.0f}x, "
          f"max {max(equal):.0f}x over {len(equal)} reactions")

    print("\nlarge system (22 species, sides given):")
    b = balance_text(LARGE)
    ours = timed(lambda: balance_text(LARGE), max(3, ours_n // 10))
    print(f"  discover: {ours * 1e3:.2f} ms, {len(b.modes)} elementary reactions (complete, exact), "
          f"canonical balance with every species present")
    reac, prod = chempy_sides(LARGE)
    try:
        t = time.perf_counter()
        result = with_alarm(args.chempy_timeout, lambda: balance_stoichiometry(reac, prod))
        theirs = time.perf_counter() - t
        what, _ = chempy_answer(result, b.problem.names)
        print(f"  ChemPy:   {theirs * 1e3:.2f} ms, answer: {what} -> ratio {theirs / ours:.0f}x")
    except Timeout:
        print(f"  ChemPy:   no answer within {args.chempy_timeout} s")
    except Exception as exc:  # noqa: BLE001
        print(f"  ChemPy:   fails: {type(exc).__name__}: {str(exc)[:80]}")

    print("\nfree sides, 16 species (C, H, O, N): every elementary reaction")
    t = time.perf_counter()
    b = balance_text(FREE, sides_free=True)
    first = time.perf_counter() - t
    warm = timed(lambda: balance_text(FREE, sides_free=True), 3)
    print(f"  discover: {len(b.modes)} elementary reactions in {warm * 1e3:.1f} ms (first call, loading the "
          f"cached Numba kernel: {first * 1e3:.0f} ms); ChemPy needs the sides and cannot list them")

    whole_process(max(5, args.process_repeats))


def _try(fn, *args):
    from discover.chem.balance import ImpossibleReaction

    try:
        return fn(*args)
    except ImpossibleReaction:
        return None


if __name__ == "__main__":
    main()
