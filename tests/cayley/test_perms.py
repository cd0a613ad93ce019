"""Permutations: the action convention, cycle notation and GAP-style parsing (points 1..n)."""

import pytest

from discover.cayley import perms as P
from discover.errors import InputError


def test_cycles_round_trip():
    g = P.parse_perm("(1 2 3)(4 5)")
    assert g == (1, 2, 0, 4, 3)
    assert P.to_cycles(g) == "(1 2 3)(4 5)"
    assert P.parse_perm("[2,3,1,5,4]") == g == P.parse_perm("2 3 1 5 4")
    assert P.compose(g, P.inverse(g)) == P.identity(5)


def test_common_degree():
    assert P.parse_perms(["(1 2)", "(1 2 3 4)"]) == ((1, 0, 2, 3), (1, 2, 3, 0))
    assert P.parse_perms(["(1 2)"], 3) == ((1, 0, 2),)
    assert P.parse_perms(["(1 2)", "[1,3,2]"]) == ((1, 0, 2), (0, 2, 1))


@pytest.mark.parametrize("text,why", [("(0 1)", "point 0"), ("[0,1]", "point 0"), ("(1 2", "cycle notation"),
                                      ("[2,1", "brackets"), ("(1 1)", "twice"), ("[1,1]", "not a permutation")])
def test_refused(text, why):
    with pytest.raises(InputError, match=why):
        P.parse_perm(text)
