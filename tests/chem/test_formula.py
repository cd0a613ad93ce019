"""The formula parser: every notation of the issue, errors that point at the character."""

import pytest
from hypothesis import given, settings, strategies as st

from discover.chem.elements import ATOMIC_NUMBER, SYMBOLS
from discover.chem.formula import FormulaError, parse_species
from discover.errors import InputError


def counts(text):
    s = parse_species(text)
    return dict(s.counts), s.charge, s.phase


def test_element_table_is_the_periodic_table():
    assert len(SYMBOLS) == 118
    assert ATOMIC_NUMBER["H"] == 1 and ATOMIC_NUMBER["Fe"] == 26 and ATOMIC_NUMBER["U"] == 92
    assert ATOMIC_NUMBER["Og"] == 118


@pytest.mark.parametrize("text, expected", [
    ("H2O", {"H": 2, "O": 1}),
    ("K4[Fe(CN)6]", {"K": 4, "Fe": 1, "C": 6, "N": 6}),
    ("K4Fe(CN)6", {"K": 4, "Fe": 1, "C": 6, "N": 6}),
    ("[Cr(N2H4CO)6]4[Cr(CN)6]3", {"Cr": 7, "N": 6 * 2 * 4 + 18, "H": 96, "C": 24 + 18, "O": 24}),
    ("Ca3(PO4)2", {"Ca": 3, "P": 2, "O": 8}),
    ("Fe2(SO4)3", {"Fe": 2, "S": 3, "O": 12}),
    ("Co", {"Co": 1}),
    ("CO", {"C": 1, "O": 1}),
    ("H₂O", {"H": 2, "O": 1}),
])
def test_neutral_formulas(text, expected):
    assert counts(text) == (expected, 0, None)


@pytest.mark.parametrize("text", ["CuSO4*5H2O", "CuSO4·5H2O", "CuSO4.5H2O", "CuSO4•5H2O"])
def test_hydrates_mean_five_waters(text):
    assert counts(text)[0] == {"Cu": 1, "S": 1, "O": 9, "H": 10}


@pytest.mark.parametrize("text, comp, charge", [
    ("Fe+3", {"Fe": 1}, 3),
    ("Fe3+", {"Fe": 1}, 3),  # the monatomic rule: not Fe3 with charge +1
    ("Fe^{3+}", {"Fe": 1}, 3),
    ("Fe^3+", {"Fe": 1}, 3),
    ("Fe^{+3}", {"Fe": 1}, 3),
    ("Fe³⁺", {"Fe": 1}, 3),
    ("Fe++", {"Fe": 1}, 2),
    ("SO4-2", {"S": 1, "O": 4}, -2),
    ("SO4^2-", {"S": 1, "O": 4}, -2),
    ("SO4^{2-}", {"S": 1, "O": 4}, -2),
    ("SO4--", {"S": 1, "O": 4}, -2),
    ("MnO4-", {"Mn": 1, "O": 4}, -1),  # polyatomic: the 4 is a count
    ("NH4+", {"N": 1, "H": 4}, 1),
    ("H3O+", {"H": 3, "O": 1}, 1),
    ("H+", {"H": 1}, 1),
    ("Cl-", {"Cl": 1}, -1),
    ("O2-", {"O": 1}, -2),  # monatomic rule: oxide
    ("Fe3^+", {"Fe": 3}, 1),  # the caret form says it explicitly
    ("[Cu(NH3)4]+2", {"Cu": 1, "N": 4, "H": 12}, 2),
    ("[Fe(CN)6]4-", {"Fe": 1, "C": 6, "N": 6}, -4),  # one bracketed complex: the digit is the charge
    ("[Cu(NH3)4]2+", {"Cu": 1, "N": 4, "H": 12}, 2),
    ("K[Fe(CN)6]3-", {"K": 1, "Fe": 3, "C": 18, "N": 18}, -1),  # not one bracket: 3 counts the group
    ("[Fe(CN)6]^4-", {"Fe": 1, "C": 6, "N": 6}, -4),
])
def test_charges(text, comp, charge):
    assert counts(text)[:2] == (comp, charge)


@pytest.mark.parametrize("text", ["e-", "e^-", "e^{-}"])
def test_electron(text):
    s = parse_species(text)
    assert s.is_electron and s.charge == -1 and not s.counts


@pytest.mark.parametrize("text, phase", [("NaCl(s)", "s"), ("H2O(l)", "l"), ("CO2(g)", "g"), ("Fe3+(aq)", "aq"),
                                         ("SO4^2-(aq)", "aq")])
def test_phase_labels(text, phase):
    assert counts(text)[2] == phase


@pytest.mark.parametrize("text, position, words", [
    ("Xx2", 0, "unknown element symbol 'Xx' at character 1"),
    ("NaCl2Qz", 5, "unknown element symbol 'Qz' at character 6"),
    ("K4[Fe(CN)6", 2, "never closed"),
    ("H2O)", 3, "no matching"),
    ("K4[Fe(CN]6)", 8, "closed by ']' at character 9"),
    ("h2o", 0, "capital letter"),
    ("H2+O2", 2, "separate species"),
    ("H0", 1, "count 0"),
    ("()", 0, "empty group"),
    ("SO42-", 2, "ambiguous charge"),
    ("2H2O", 0, "starts with a number"),
    ("Fe^{3*}", 2, "cannot read the charge"),
    ("Na Cl", 2, "space at character 3"),
    ("CuSO4*", 5, "nothing after the hydrate dot"),
    ("H2O$", 3, "unexpected character '$' at character 4"),
])
def test_errors_point_at_the_character(text, position, words):
    with pytest.raises(FormulaError) as info:
        parse_species(text)
    assert info.value.position == position
    assert words in str(info.value)
    assert isinstance(info.value, InputError) and "\n" not in str(info.value)


# --- property: any formula written from a random tree of groups reads back to its counts ----------------

SMALL = ["H", "C", "N", "O", "S", "Cl", "Fe", "Cu", "K", "Mn"]


@st.composite
def formula_trees(draw, depth=0):
    """A formula text and its element counts, built from nested groups with random multipliers."""
    parts = draw(st.integers(1, 3))
    text, total = "", {}
    for _ in range(parts):
        if depth < 2 and draw(st.booleans()):
            inner, comp = draw(formula_trees(depth=depth + 1))
            brackets = draw(st.sampled_from(["()", "[]"]))
            n = draw(st.integers(1, 5))
            text += brackets[0] + inner + brackets[1] + (str(n) if n > 1 else "")
        else:
            sym = draw(st.sampled_from(SMALL))
            n = draw(st.integers(1, 12))
            comp = {sym: 1}
            text += sym + (str(n) if n > 1 else "")
        for k, v in comp.items():
            total[k] = total.get(k, 0) + v * n
    return text, total


@settings(max_examples=150, deadline=None)
@given(formula_trees(), st.integers(-4, 4), st.sampled_from(["", "(aq)", "(s)"]))
def test_random_formulas_read_back(tree, charge, phase):
    text, total = tree
    if charge:
        text += "^{%d%s}" % (abs(charge), "+" if charge > 0 else "-")
    s = parse_species(text + phase)
    assert s.composition == total and s.charge == charge and s.phase == (phase[1:-1] or None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="HCOFeNaClSn()[]{}^+-*.·0123456789 xeaqsglu⁺²³₂", min_size=0, max_size=14))
def test_any_text_parses_or_fails_cleanly(text):
    """Arbitrary text never crashes the parser: a species, or a FormulaError pointing inside the text."""
    try:
        s = parse_species(text)
    except FormulaError as exc:
        assert 0 <= exc.position <= max(len(text) - 1, 0)
        assert "\n" not in str(exc)
    else:
        assert s.counts or s.charge
        assert all(n > 0 for _, n in s.counts)
