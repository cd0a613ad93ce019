"""Do two versions of the novelty check decide alike? (A speed change must not change a decision.)

Classifies every formula of ``results/cf/campaign_formulas.jsonl`` with the ``discover`` package of a git
revision (exported to a temporary directory) and with the working tree, at the search's bounds and at the
thorough bounds (``classify.THOROUGH``), and compares the whole ``novelty`` dicts (class, chain with V,
the scalar and the Moebius map, listed row, bounds); also counts the classes against those stored in the
file (decided by the campaign's export, which may reuse earlier chains). Reads only; run from the
repository root:  .venv/bin/python tests/cf/novelty/compare_decisions.py [REV (default HEAD)] [--numba]
(``--numba``: load Numba first, so the screen takes its Numba kernel, as inside a search).
"""

import json
import os
import subprocess
import sys
import tempfile
import time

FORMULAS = "results/cf/campaign_formulas.jsonl"

WORKER = r"""
import json, sys, time
if sys.argv[3] == "numba":
    import discover.kernels.numba_start, numba  # noqa: F401
from discover.cf.polynomial import Polynomial
from discover.cf.novelty.classify import THOROUGH, classify
kw = THOROUGH if sys.argv[2] == "thorough" else {}
out = []
for line in open(sys.argv[1]):
    rec = json.loads(line)
    a, b = Polynomial.parse(rec["a"]).coeffs, Polynomial.parse(rec["b"]).coeffs
    try:
        nov = classify(a, b, rec["closed_form"], **kw)
    except (ArithmeticError, ValueError) as exc:
        nov = {"class": None, "error": str(exc)}
    out.append({"key": rec["key"], "stored": (rec.get("novelty") or {}).get("class"), "novelty": nov})
print(json.dumps(out))
"""


def run(pythonpath: str, bounds: str, numba: bool) -> tuple[list, float]:
    env = dict(os.environ, PYTHONPATH=pythonpath)
    start = time.perf_counter()
    got = subprocess.run([sys.executable, "-c", WORKER, os.path.abspath(FORMULAS), bounds,
                          "numba" if numba else "plain"], env=env, capture_output=True, text=True, check=True,
                         cwd=tempfile.gettempdir())
    return json.loads(got.stdout), time.perf_counter() - start


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--numba"]
    rev, numba = (args[0] if args else "HEAD"), "--numba" in sys.argv
    differ = 0
    with tempfile.TemporaryDirectory() as old:
        archive = subprocess.run(["git", "archive", rev, "discover"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", old], input=archive, check=True)
        for bounds in ("search", "thorough"):
            before, t_old = run(old, bounds, numba)
            after, t_new = run(os.getcwd(), bounds, numba)
            assert [x["key"] for x in before] == [x["key"] for x in after]
            bad = [x["key"] for x, y in zip(before, after) if x["novelty"] != y["novelty"]]
            differ += len(bad)
            counts: dict = {}
            for y in after:
                pair = f"{y['stored']} -> {y['novelty'].get('class')}"
                counts[pair] = counts.get(pair, 0) + 1
            print(f"{bounds} bounds: {len(after)} formulas, {len(bad)} decisions differ {bad[:5]}; "
                  f"{rev} {t_old:.1f} s, working tree {t_new:.1f} s (whole process); stored -> now: {counts}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
