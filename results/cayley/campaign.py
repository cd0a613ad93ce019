"""The Cayley campaign of issue 15: growth beyond CayleyPy's published ranges, fits over n, p and k.

    nice -n 15 .venv/bin/python results/cayley/campaign.py run      # runs (or resumes) every step in order
    .venv/bin/python results/cayley/campaign.py status              # what is done
    .venv/bin/python results/cayley/campaign.py export              # campaign.jsonl, b-files, the table

Each step is one ``discover cayley mine`` run, checkpointed in ``results/cayley/campaign.sqlite`` (not
committed). ``run`` looks each step up by its command line: a finished run is skipped, an interrupted one
is continued with ``discover resume RUN_ID``, a missing one is started. Steps run one at a time, with one
worker and a memory limit of 3 GB, so a killed campaign loses at most the shard in flight.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STORE = "results/cayley/campaign.sqlite"
HERE = Path(__file__).resolve().parent
DISCOVER = [str(ROOT / ".venv/bin/discover")]
COMMON = ["--workers", "1", "--memory", "3", "--store", STORE, "--json"]

# (what it adds, the mine arguments), cheapest new data first
STEPS = [
    ("larx, lsl_cycles, prefix_cycles to n = 12", "--generators larx,lsl_cycles,prefix_cycles --n 3..12"),
    ("UT_4 over p", "--generators unitriangular --n 4 --over p --values 2..13"),
    ("UT_5 and UT_6 over p", "--generators unitriangular --n 5,6 --over p --values 2,3"),
    ("inverse-closed consecutive 3-cycles", "--generators consecutive_k_cycles:3 --inverse-closed --n 3..10"),
    ("inverse-closed consecutive 4-cycles", "--generators consecutive_k_cycles:4 --inverse-closed --n 4..10"),
    ("inverse-closed consecutive 5-cycles", "--generators consecutive_k_cycles:5 --inverse-closed --n 5..10"),
    ("Heisenberg 4x4 over p", "--generators heisenberg --n 4 --over p --values 2..31"),
    ("UT_4 over p to 23", "--generators unitriangular --n 4 --over p --values 2..23"),
    ("UT_5 over p to 7", "--generators unitriangular --n 5 --over p --values 2..7"),
    ("inverse-closed consecutive 3-cycles to n = 11", "--generators consecutive_k_cycles:3 --inverse-closed --n 3..11"),
    ("inverse-closed consecutive 4-cycles to n = 11", "--generators consecutive_k_cycles:4 --inverse-closed --n 4..11"),
    ("inverse-closed consecutive 5-cycles to n = 11", "--generators consecutive_k_cycles:5 --inverse-closed --n 5..11"),
    ("transposons to n = 11", "--generators transposons --n 3..11"),
    ("stars to n = 12", "--generators stars --n 3..12"),
    ("down_cycles to n = 11", "--generators down_cycles --n 3..11"),
    ("block_interchange to n = 10", "--generators block_interchange --n 3..10"),
    ("inverse-closed consecutive 3-cycles to n = 12", "--generators consecutive_k_cycles:3 --inverse-closed --n 3..12"),
    ("inverse-closed consecutive 4-cycles to n = 12", "--generators consecutive_k_cycles:4 --inverse-closed --n 4..12"),
    ("inverse-closed consecutive 5-cycles to n = 12", "--generators consecutive_k_cycles:5 --inverse-closed --n 5..12"),
    ("larx to n = 13", "--generators larx --n 3..13"),
    ("3-cycles over n", "--generators consecutive_k_cycles:3,wrapped_k_cycles:3 --n 3..11"),
    ("4-cycles over n", "--generators consecutive_k_cycles:4,wrapped_k_cycles:4 --n 4..11"),
    ("5-cycles over n", "--generators consecutive_k_cycles:5,wrapped_k_cycles:5 --n 5..11"),
    ("UT_3 (= Heisenberg 3x3) over p", "--generators unitriangular --n 3 --over p --values 2..40"),
    ("SL(2, p) over p", "--generators sl2 --over p --values 2..40"),
    ("Heisenberg 5x5 over p", "--generators heisenberg --n 5 --over p --values 2..11"),
    ("Heisenberg 6x6 over p", "--generators heisenberg --n 6 --over p --values 2..6"),
    ("inverse-closed consecutive k-cycles over k", "--generators consecutive_k_cycles --inverse-closed --n 9 --over k "
                                                  "--values 2..9"),
    ("down_cycles to n = 12", "--generators down_cycles --n 3..12"),
    ("consecutive 3-cycles to n = 12", "--generators consecutive_k_cycles:3 --n 3..12"),
    ("consecutive 4-cycles to n = 12", "--generators consecutive_k_cycles:4 --n 4..12"),
    ("consecutive 5-cycles to n = 12", "--generators consecutive_k_cycles:5 --n 5..12"),
    ("wrapped 3-cycles to n = 12", "--generators wrapped_k_cycles:3 --n 3..12"),
    ("wrapped 4-cycles to n = 12", "--generators wrapped_k_cycles:4 --n 4..12"),
    ("wrapped 5-cycles to n = 12", "--generators wrapped_k_cycles:5 --n 5..12"),
    ("increasing 3-cycles to n = 11", "--generators increasing_k_cycles:3 --n 3..11"),
    # session 4: the whisker families (no published tables), then S_13 and S_11 steps of 15-50 minutes each
    ("square with whiskers (q = 1) to n = 12", "--generators square_whiskers --n 5..12"),
    ("square with whiskers, e = 1, to n = 12", "--generators square_whiskers:1:1 --n 5..12"),
    ("square with whiskers, w = 1, t = 1, to n = 12", "--generators square_whiskers:1:0:1:1 --n 7..12"),
    ("lsl_cycles to n = 13", "--generators lsl_cycles --n 3..13"),
    # B_n on the signed bitmap (2 bits per element: 0.93 GB at n = 10); one core, n = 9 took 8.5 s and 41 s
    ("burnt pancake to n = 10", "--generators burnt_pancake --n 1..10"),
    ("signed_reversals to n = 10", "--generators signed_reversals --n 1..10"),
    ("block_interchange to n = 11", "--generators block_interchange --n 3..11"),
    ("rapaport_m1 to n = 13", "--generators rapaport_m1 --n 3..13"),
    ("square with whiskers (q = 1) to n = 13", "--generators square_whiskers --n 5..13"),
    ("stars to n = 13", "--generators stars --n 3..13"),
    ("prefix_cycles to n = 13", "--generators prefix_cycles --n 3..13"),
]


# Steps added to STEPS while the campaign runs are picked up at its next step (S_13 at 2 bits a state is 1.6 GB).


def mine_args(step: str) -> list[str]:
    return ["cayley", "mine", *step.split(), *COMMON]


def command_text(args: list[str]) -> str:
    return " ".join(["discover", *args])


def runs_by_command() -> dict[str, tuple[int, str]]:
    from discover.store import Store

    if not (ROOT / STORE).exists():
        return {}
    with Store(str(ROOT / STORE)) as store:
        return {r.command: (r.id, r.status) for r in store.runs()}


def _current_steps() -> list[tuple[str, str]]:
    """STEPS as the file says now: steps added while the campaign runs are picked up at the next step."""
    namespace: dict = {"__file__": __file__, "__name__": "campaign_steps"}
    exec(compile(Path(__file__).read_text(), __file__, "exec"), namespace)  # this file, re-read
    return namespace["STEPS"]


def run() -> None:
    tried: set[str] = set()
    while True:
        pending = [(what, step) for what, step in _current_steps() if step not in tried]
        runs = runs_by_command()
        todo = next(((w, s) for w, s in pending
                     if runs.get(command_text(mine_args(s)), (0, ""))[1] != "finished"), None)
        if todo is None:
            return
        what, step = todo
        tried.add(step)
        args = mine_args(step)
        found = runs.get(command_text(args))
        call = ["resume", str(found[0]), "--workers", "1", "--store", STORE, "--json"] if found else args
        print(f"[campaign] {what}: {' '.join(call)}", flush=True)
        with open(HERE / "campaign.log", "a") as log:
            code = subprocess.call(DISCOVER + call, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        print(f"[campaign] {what}: exit {code}", flush=True)


def status() -> None:
    runs = runs_by_command()
    for what, step in STEPS:
        found = runs.get(command_text(mine_args(step)))
        print(f"{what:45s} {'-' if not found else f'run {found[0]}: {found[1]}'}")


def export() -> None:
    from campaign_export import export_all  # beside this script

    export_all(ROOT / STORE, HERE, [command_text(mine_args(step)) for _, step in STEPS])


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    {"run": run, "status": status, "export": export}[sys.argv[1] if len(sys.argv) > 1 else "status"]()
