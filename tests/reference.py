"""Where the published reference tables are.

``../shared/reference`` (beside the checkout, as in CI) is preferred, so that the tests run on whatever
cases it holds now; ``tests/reference_data`` is a copy shipped with the repository so that a fresh
clone elsewhere can still run the suite.
"""

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SHARED = _HERE.parent.parent / "shared" / "reference"
REFERENCE_DIR = _SHARED if _SHARED.is_dir() else _HERE / "reference_data"


def reference_file(name: str) -> Path:
    """The path of a reference table, e.g. ``reference_file("pcf_formulas.tsv")``."""
    return REFERENCE_DIR / name


def reference_rows(name: str) -> list[list[str]]:
    """The table's data rows (comment lines starting with '#' dropped), split on tabs."""
    rows = []
    for line in reference_file(name).read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
