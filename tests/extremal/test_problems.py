"""Problems as data (discover/extremal/problems.py) and the published values (reference.py)."""

import pytest

from discover.errors import InputError
from discover.extremal.problems import get_problem


def test_problem_names():
    assert get_problem("girth5").cycles == (3, 4)
    assert get_problem("ramsey-3-5").independent == 5
    for bad in ["c5c6", "ramsey-3-9", "", "ramsey"]:
        with pytest.raises(InputError):
            get_problem(bad)


def test_reference_module_agrees_with_the_table():
    from discover.extremal.reference import C3C4_EXACT, C3C4_RECORD
    from reference import reference_rows

    rows = [r for r in reference_rows("extremal_c3c4.tsv") if r[0].isdigit()]
    assert {int(r[0]): int(r[1]) for r in rows if r[2] == "exact"} == C3C4_EXACT
    assert {int(r[0]): int(r[1]) for r in rows if r[2] == "record"} == C3C4_RECORD
