"""The HTML report: every page, figure and data link is there and works offline; in headless Chromium no
page logs a console message (the pages log one for any image that did not load) and each renders."""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

from views_support import stored_records


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.links, self.sortable_rows = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs["src"])
        elif tag == "a":
            self.links.append(attrs["href"])
        elif tag == "td" and "data-sort" in attrs:
            self.sortable_rows += 1


@pytest.fixture
def report(tmp_path, views_store):
    from discover.views.report import write_report

    return write_report(views_store, tmp_path / "site")


def test_pages_figures_and_links_exist(report):
    index, *pages = report
    assert index.name == "index.html"
    assert sorted(p.stem for p in pages) == ["cayley", "cf", "chem", "extremal"]
    for page in report:
        parser = Links()
        parser.feed(page.read_text())
        for target in parser.images + parser.links:
            assert not re.match(r"[a-z]+://", target), f"{page.name}: {target} needs the network"
            assert (page.parent / target.split("#")[0]).is_file(), f"{page.name}: {target} is missing"
        if page is not index:
            assert parser.images, f"{page.name}: no figure"
    text = (index.parent / "cf.html").read_text()
    for record in stored_records():
        if record.engine.startswith("cf"):
            assert f'id="{record.key}"' in text  # each record, with its verification method beside it
            assert str(record.verification.get("method", "verified"))[:30] in text


def test_data_files_hold_the_records(report):
    import json

    folder = report[0].parent / "data"
    keys = {json.loads(line)["key"] for line in (folder / "extremal.jsonl").read_text().splitlines()}
    assert keys == {r.key for r in stored_records() if r.engine == "extremal.search"}
    assert (folder / "extremal.g6").is_file() and (folder / "cayley.b").is_file()


def test_missing_store_and_bad_folder(tmp_path):
    from discover.errors import InputError, RuntimeFailure
    from discover.views.report import write_report

    with pytest.raises(RuntimeFailure):
        write_report(tmp_path / "none.sqlite", tmp_path / "site")
    with pytest.raises(InputError, match="does not exist"):
        write_report(tmp_path / "none.sqlite", tmp_path / "a" / "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _load(chromium: str, page: Path, shot: Path) -> tuple[list[str], bool]:
    proc = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         "--allow-file-access-from-files", "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=90)
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line]
    return console, shot.is_file() and shot.stat().st_size > 10_000


@pytest.mark.browser
def test_every_page_loads_in_headless_chromium(report, chromium, tmp_path):
    # DISCOVER_SCREENSHOTS=DIR keeps the screenshots for a person to look at
    shots = Path(os.environ.get("DISCOVER_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=len(report)) as pool:
        results = list(pool.map(lambda p: _load(chromium, p, shots / f"{p.stem}.png"), report))
    for page, (console, rendered) in zip(report, results):
        assert console == [], f"{page.name}: {console}"
        assert rendered, f"{page.name}: no screenshot"


@pytest.mark.browser
def test_the_browser_check_sees_a_missing_image(report, chromium, tmp_path):
    page = report[0].parent / "cayley.html"
    (report[0].parent / "figures" / "cayley-growth.png").unlink()
    console, _ = _load(chromium, page, tmp_path / "shot.png")
    assert any("missing image: figures/cayley-growth.png" in line for line in console), console
