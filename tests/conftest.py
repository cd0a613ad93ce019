import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent

# Test helpers (toy engine, reference tables) must be importable by module name, in worker processes too.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

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
