"""The independent check (:mod:`discover.chem.verify`): it accepts true balances and catches every kind of
wrong one, and its exact rank agrees with FLINT's."""

import flint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discover.chem.equation import parse_equation, parse_species_list
from discover.chem.verify import CheckFailed, check_balance, check_elementary, integer_rank


def test_true_balance_passes_and_reports_what_it_checked():
    problem = parse_equation("KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2")
    checks = check_balance(problem, (-2, -16, 2, 2, 8, 5))
    assert checks["elements"] == ["Cl", "H", "K", "Mn", "O"] and checks["gcd"] == 1


@pytest.mark.parametrize("equation, signed, what", [
    ("H2 + O2 -> H2O", (-2, -1, 1), "atoms"),                   # O does not balance
    ("H2 + O2 -> H2O", (-4, -2, 4), "lowest terms"),             # twice the balance
    ("H2 + O2 -> H2O", (2, 1, -2), "wrong side"),                # reversed
    ("Fe+3 + e- -> Fe+2", (-1, -2, 1), "charge"),                # charge off by one electron
    ("H2 + O2 -> H2O", (-2, 0, 2), "coefficient"),               # a species left out
])
def test_wrong_balances_are_caught(equation, signed, what):
    with pytest.raises(CheckFailed, match=what):
        check_balance(parse_equation(equation), signed)


def test_elementary_reactions_must_be_minimal():
    problem = parse_species_list("H2, O2, H2O, H2O2")
    check_elementary(problem, (-2, -1, 2, 0))
    check_elementary(problem, (-1, -1, 0, 1))
    with pytest.raises(CheckFailed, match="not minimal"):  # the sum of the two: balanced, but not elementary
        check_elementary(problem, (-3, -2, 2, 1))
    with pytest.raises(CheckFailed, match="does not balance"):
        check_elementary(problem, (-1, -1, 1, 0))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(-4, 4), min_size=4, max_size=4), min_size=1, max_size=5))
def test_integer_rank_agrees_with_flint(rows):
    assert integer_rank(rows) == flint.fmpz_mat(rows).rank()
