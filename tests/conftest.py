import os
import signal
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


@pytest.fixture
def store_path(tmp_path):
    return str(tmp_path / "store.sqlite")


@pytest.fixture
def reference_dir():
    return REFERENCE
