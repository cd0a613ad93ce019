"""How much the novelty check slows `cf search` (issue 13: at most 10%).

Runs the same search in-process with the record hook on and with it replaced by a stub, alternating,
and prints the wall times, and the time spent inside the check itself (the steadier number on a loaded
machine). Run from the repository root:  .venv/bin/python tests/cf/novelty/bench_overhead.py [ROUNDS [ARGS...]]
(ARGS: another `cf search` box, without --workers, --json, --store).
"""

import statistics
import sys
import tempfile
import time

from click.testing import CliRunner

import discover.cf.novelty.classify as classify_module
from cli.main import cli

ARGS = ["cf", "search", "--constant", "pi", "--constant", "e", "--constant", "log2", "--constant", "zeta3",
        "--a-deg", "1", "--b-deg", "2", "--range", "-8:8", "--workers", "1", "--json"]
real = classify_module.novelty_payload


spent = [0.0]


def timed(pcf, closed):
    start = time.perf_counter()
    try:
        return real(pcf, closed)
    finally:
        spent[0] += time.perf_counter() - start


def run(with_novelty: bool) -> tuple[float, int]:
    classify_module.novelty_payload = timed if with_novelty else (lambda pcf, closed: {"class": "skipped"})
    with tempfile.TemporaryDirectory() as d:
        start = time.perf_counter()
        result = CliRunner().invoke(cli, ARGS + ["--store", f"{d}/s.sqlite"])
        seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    return seconds, result.output.count('"kind": "pcf"')


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
if len(sys.argv) > 2:  # another box: bench_overhead.py ROUNDS cf search --constant ... (no --store, --json)
    ARGS = sys.argv[2:] + ["--workers", "1", "--json"]
run(True)  # warm: imports, Numba cache, the index
spent[0] = 0.0
times = {True: [], False: []}
for _ in range(rounds):
    for flag in (False, True):
        t, n = run(flag)
        times[flag].append(t)
off, on = statistics.median(times[False]), statistics.median(times[True])
print(f"records {n}; without novelty {off:.2f} s {sorted(round(x, 2) for x in times[False])}; "
      f"with {on:.2f} s {sorted(round(x, 2) for x in times[True])}; overhead {100 * (on / off - 1):+.1f}%; "
      f"time inside the novelty check: {spent[0] / rounds:.3f} s per search = "
      f"{100 * spent[0] / sum(times[True]):.1f}% of the search with it")
