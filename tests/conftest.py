import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
REFERENCE = REPO.parent / "shared" / "reference"

# The toy engine must be importable by module name, in worker processes too.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture
def store_path(tmp_path):
    return str(tmp_path / "store.sqlite")
