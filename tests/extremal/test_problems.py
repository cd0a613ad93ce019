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
    """Exact values as in the project's table; every record of the table is among the published points
    (the table predates Goedgebeur et al. 2025, whose 321 at n = 80 beats its 320)."""
    from discover.extremal.reference import C3C4_EXACT, C3C4_PUBLISHED, C3C4_RECORD
    from reference import reference_rows

    rows = [r for r in reference_rows("extremal_c3c4.tsv") if r[0].isdigit()]
    assert {int(r[0]): int(r[1]) for r in rows if r[2] == "exact"} == C3C4_EXACT
    points = {(n, edges) for n, edges, _, _ in C3C4_PUBLISHED}
    for r in rows:
        if r[2] == "record":
            assert (int(r[0]), int(r[1])) in points and C3C4_RECORD[int(r[0])] >= int(r[1])


# the published points past 64 as issue 16 lists them: (n, edges, source key)
ISSUE_POINTS = [
    (74, 285, "goedgebeur2025"), (80, 321, "goedgebeur2025"), (124, 629, "goedgebeur2025"),
    (164, 940, "goedgebeur2025"), (175, 1012, "goedgebeur2025"), (176, 1020, "goedgebeur2025"),
    (198, 1166, "goedgebeur2025"), (96, 432, "not-improved-2025"), (100, 434, "deepmind2024"),
    (134, 649, "deepmind2024"), (190, 1050, "deepmind2024"), (88, 375, "goedgebeur2025-degrees"),
    (128, 666, "goedgebeur2025-degrees"), (155, 866, "goedgebeur2025-degrees"),
    (180, 1050, "goedgebeur2025-degrees"), (80, 320, "cage"), (96, 432, "cage"), (124, 620, "cage"),
    (126, 630, "cage"), (154, 847, "cage"), (156, 858, "cage"), (203, 1218, "cage"),
]
# points added since, each with its source in reference.py
LATER_POINTS = [(240, 1560, "cage")]


def test_published_points_past_64_with_their_sources():
    from discover.extremal.reference import C3C4_PUBLISHED, C3C4_RECORD, SOURCES, published, reference_value

    c3c4 = get_problem("c3c4")
    listed = {(n, e, s) for n, e, s, _ in C3C4_PUBLISHED if n > 64}
    points = ISSUE_POINTS + LATER_POINTS
    assert listed == set(points)
    for n, edges, source in points:
        assert SOURCES[source] in [p["source"] for p in published(c3c4, n) if p["value"] == edges]
        # compared with the best published value we know at n
        assert reference_value(c3c4, n) == (max(e for m, e, _ in points if m == n), "record")
        assert C3C4_RECORD[n] == reference_value(c3c4, n)[0]
    # the cage-based regular graphs have n k / 2 edges
    for n, edges, source, remark in C3C4_PUBLISHED:
        if source == "cage":
            k = int(remark.split("-")[0])
            assert 2 * edges == n * k
    assert reference_value(c3c4, 80) == (321, "record") and reference_value(c3c4, 230) == (None, None)


def test_where_the_table_is_known_to_be_incomplete():
    from discover.extremal.reference import table_incomplete

    c3c4 = get_problem("c3c4")
    sizes = (64, 65, 74, 96, 97, 100, 190, 198, 199, 256)
    assert [n for n in sizes if table_incomplete(c3c4, n)] == [65, 97, 100, 190]
    assert not table_incomplete(get_problem("c4"), 100)
