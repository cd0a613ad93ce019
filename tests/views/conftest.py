"""Fixtures of the views' tests: a store holding real records of every engine (``records.jsonl``, written
by real runs: cf search for pi, cf cmf search --cmf pi, cf esma --constant e, cayley mine lrx,coxeter 4..9,
extremal search c3c4 10..14, chem balance --all and chem enumerate), and the ``browser`` marker."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from views_support import fill_store  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: loads the HTML report in headless Chromium (skipped without it)")


@pytest.fixture
def views_store(tmp_path):
    path = tmp_path / "views.sqlite"
    fill_store(path)
    return str(path)


@pytest.fixture
def chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found
