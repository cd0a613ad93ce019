import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent

# Test helpers (toy engine, reference tables) must be importable by module name, in worker processes too.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# A test run started in the background by a non-interactive shell inherits SIGINT ignored, and so would every
# process the tests start: the Ctrl-C tests would then wait for runs that never see the signal. Python
# handles SIGINT again (its children then get the default action back at exec).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# A warm pool the developer keeps up (`discover warm up`) would run the tests' shards in its own process,
# out of reach of their monkeypatches: tests run without it, except tests/foundation/test_warm.py.
os.environ["DISCOVER_WARM"] = "0"

from reference import REFERENCE_DIR as REFERENCE  # noqa: E402,F401

_warmer = None


def _write_bytecode() -> None:
    """Compile the package, the CLI and the test helpers to ``__pycache__`` once (under a second).

    Why: where PYTHONDONTWRITEBYTECODE is set (this project's machines and CI set it), no process writes the
    bytecode of the modules it imports, so every command the tests start compiled ``discover`` from source
    again: a refused command took 0.25 s instead of 0.12 s, and the suite starts about two thousand. Reading
    bytecode is not affected by the variable, and ``compileall`` writes it regardless."""
    import compileall

    for folder in ("discover", "cli", "tests"):
        compileall.compile_dir(str(REPO / folder), quiet=1)


def pytest_sessionstart(session):
    """Write the bytecode (:func:`_write_bytecode`); then start tests/numba_cache_warmer.py beside the run (low
    priority, its own process group), unless DISCOVER_TEST_WARMER=0: on a fresh clone it compiles, on the idle
    core, kernels the tests would otherwise compile one by one on the core that runs them."""
    global _warmer
    _write_bytecode()
    if os.environ.get("DISCOVER_TEST_WARMER", "1") == "0":
        return
    _warmer = subprocess.Popen([sys.executable, str(TESTS / "numba_cache_warmer.py")], start_new_session=True,
                               preexec_fn=lambda: os.nice(19), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)


# The order in which the run takes the test folders (the rest after them, in pytest's order). The folders whose
# tests compile few Numba kernels go first, so that the warmer (above) has compiled most of the kernels of
# cf, cayley and extremal by the time their tests need them; the tests themselves do not depend on the order.
FOLDER_ORDER = ("foundation", "store", "chem", "views", "cf", "cayley", "extremal")
# Files of an early folder whose tests run an engine's kernels in their own process (a Cayley BFS, an extremal
# lane, a fit over p): they run after the engines' folders, with the rest (in a fresh clone they took 6-14 s
# each at the start of the run, compiling, against under 2 s once the warmer had compiled those kernels).
LATE_FILES = ("foundation/test_inner_progress.py", "views/test_fits_over_p.py")


def pytest_collection_modifyitems(session, config, items):
    """Run the test folders in FOLDER_ORDER, LATE_FILES after them (a stable sort: within a folder, pytest's
    own order)."""
    def rank(item):
        parts = Path(str(item.fspath)).resolve().relative_to(TESTS).parts
        if "/".join(parts) in LATE_FILES:
            return len(FOLDER_ORDER)
        return FOLDER_ORDER.index(parts[0]) if len(parts) > 1 and parts[0] in FOLDER_ORDER else len(FOLDER_ORDER)

    items.sort(key=rank)


def pytest_sessionfinish(session, exitstatus):
    """Stop the warmer (by its process group: it and the command it runs) if it is still running."""
    if _warmer is None or _warmer.poll() is not None:
        return
    # SIGTERM first, so that the warmer removes its temporary folder; SIGKILL if it does not end
    for signum, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, None)):
        try:
            os.killpg(_warmer.pid, signum)
            _warmer.wait(wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def store_path(tmp_path):
    return str(tmp_path / "store.sqlite")


@pytest.fixture
def reference_dir():
    return REFERENCE
