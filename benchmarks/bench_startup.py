"""Whole-process start-up: commands with (almost) no work, timed as a user runs them.

    .venv/bin/python benchmarks/bench_startup.py --repeat 7

Each command runs ``--repeat`` times (after one unmeasured round that warms the file and bytecode
caches), the commands interleaved so that a change of load hits all of them alike; the median and the
range are printed. The Numba-backed commands run twice: without the warm pool, then with one that this
script starts in a directory of its own and stops (by its PID, through ``discover warm down``) at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DISCOVER = str(Path(sys.executable).with_name("discover"))
PLAIN = {
    "discover --help": ["--help"],
    "a refused input": ["cayley", "growth", "--generators", "pancake", "--n", "100"],
    "cayley families": ["cayley", "families"],
}
KERNEL = {
    "cayley growth lrx n=5 (120 states)": ["cayley", "growth", "--generators", "lrx", "--n", "5"],
    "extremal search n=10 to ex(10)": ["extremal", "search", "--problem", "c3c4", "--n", "10", "--time", "5",
                                       "--stop-at", "exact", "--workers", "1"],
    "cf search pi, 81 PCFs": ["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "1", "--range", "0:2",
                              "--workers", "1"],
}


def times(commands: dict[str, list[str]], env: dict, repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, args in commands.items():
            start = time.perf_counter()
            subprocess.run([DISCOVER, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if round_:
                out[name].append(time.perf_counter() - start)
    return out


def show(label: str, result: dict[str, list[float]]) -> None:
    for name, values in result.items():
        print(f"{label:14} {name:36} {statistics.median(values):.3f} s "
              f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DISCOVER_STORE=str(Path(tmp) / "store.sqlite"), DISCOVER_WARM="0",
                   DISCOVER_WARM_DIR=str(Path(tmp) / "warm"))
        show("", times(PLAIN, env, args.repeat))
        show("no pool", times(KERNEL, env, args.repeat))
        warm = dict(env, DISCOVER_WARM="1")
        subprocess.run([DISCOVER, "warm", "up"], env=warm, check=True, stdout=subprocess.DEVNULL)
        try:
            show("warm pool", times(KERNEL, warm, args.repeat))
        finally:
            subprocess.run([DISCOVER, "warm", "down"], env=warm, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
