"""Fill Numba's on-disk cache with the kernels the test run needs, in a background process beside it.

On a fresh clone every ``@njit(cache=True)`` kernel compiles the first time a test calls it: about two
minutes of one core in all, spent in whichever test comes first, while the run's other core is idle
(tests run one at a time). ``conftest.py`` starts this script at the start of a run, at low priority;
it runs small real commands, one engine after another, while the run's first folders (foundation, store,
chem, views: few kernels; ``conftest.FOLDER_ORDER``) take two to three minutes, so that by the time a test
calls a kernel it is usually a cache load (about 15 ms).
Nothing here is asserted: a command that fails only leaves its kernels to the tests (which compile them
as before). The commands share a store in a temporary folder; the user's store, Ray instance and
checkpoints are never touched.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile

# The parity layout first (about 20 s of compilation), then the engines. The order was chosen when the tests
# reached cayley first; since session 16 they reach cf, cayley and extremal only after the folders of
# conftest.FOLDER_ORDER that need few kernels, and the whole list is usually done by then.
# The parity layout runs only with a checkpoint folder (discover.cayley.plan.parity_checkpointed).
PARITY = ["cayley", "growth", "--generators", "lrx", "--n", "6"]
COMMANDS = [
    ["extremal", "search", "--problem", "c3c4", "--n", "12", "--time", "0.3", "--workers", "1"],
    ["extremal", "search", "--problem", "c3c4", "--n", "12", "--time", "0.3", "--workers", "1", "--walks", "flip"],
    ["extremal", "search", "--problem", "c3c4", "--n", "12", "--time", "0.3", "--workers", "1",
     "--walks", "learned"],
    ["extremal", "search", "--problem", "ramsey-3-5", "--n", "8", "--time", "0.3", "--workers", "1"],
    ["extremal", "lift", "--n", "10", "--time", "0.3", "--workers", "1"],
    ["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "2", "--range", "-2:2", "--workers", "1"],
    ["cf", "search", "--constant", "zeta3", "--a-deg", "3", "--b-deg", "6", "--a-range", "0:1", "--b-range",
     "-1:0", "--workers", "1"],
    ["cayley", "growth", "--generators", "lrx", "--n", "6"],
    ["cayley", "growth", "--generators", "burnt_pancake", "--n", "4"],
    ["cayley", "solve", "--generators", "pancake", "--n", "8", "--state", "[3 1 4 8 2 7 5 6]"],
]


def main() -> None:
    # stopped by conftest with SIGTERM (to its process group) when the run ends first: leave through
    # the `with` below, so that the temporary folder goes too
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    with tempfile.TemporaryDirectory(prefix="numba-warm-") as tmp:
        # nothing of the user's: no Ray address or `ray up` instance, warm pool, checkpoint folder or store
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCOVER_", "RAY_"))}
        env.update(DISCOVER_STORE=os.path.join(tmp, "store.sqlite"), DISCOVER_WARM="0",
                   XDG_STATE_HOME=os.path.join(tmp, "state"))
        parity_env = dict(env, DISCOVER_CAYLEY_CHECKPOINT=os.path.join(tmp, "checkpoints"))
        for args, run_env in [(PARITY, parity_env)] + [(args, env) for args in COMMANDS]:
            try:
                subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=tmp, env=run_env, timeout=300,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                pass


if __name__ == "__main__":
    main()
