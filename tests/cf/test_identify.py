"""Identification by integer relations, and its acceptance rule."""

import math

import mpmath
import pytest

from discover.cf.constants import REGISTRY
from discover.cf.identify import identify, mobius_table, relation_size


def sym_value(text, digits):
    import sympy

    return mpmath.mpf(str(sympy.sympify(text).evalf(digits + 10)))


@pytest.mark.parametrize(
    "x_text, constants, expected",
    [
        ("6/zeta(3)", "zeta3", "6/zeta(3)"),
        ("(3*pi + 1)/(pi - 2)", "pi", "(3*pi + 1)/(pi - 2)"),
        ("1/(E - 2)", "e", "1/(E - 2)"),
        ("2*log(2) - 3*pi/4 + 1/5", "pi,log2", "2*log(2) - 3*pi/4 + 1/5"),
    ],
)
def test_identifies_known_forms(x_text, constants, expected):
    import sympy

    with mpmath.workdps(60):
        x = sym_value(x_text, 60)
        ident = identify(x, 50, constants)
    assert ident is not None
    assert sympy.simplify(sympy.sympify(ident.closed_form) - sympy.sympify(expected)) == 0
    assert ident.relation_digits <= 25


def test_nothing_for_an_unrelated_number():
    with mpmath.workdps(60):
        x = mpmath.sqrt(3) + mpmath.cbrt(7)  # not a Moebius form of pi or zeta(3)
        assert identify(x, 50, "pi,zeta3") is None


def test_rule_rejects_relations_too_large_for_the_digits():
    # (101 + 97 pi)/(89 - 83 pi) has size ~7.9 digits: fine with 50 digits, refused with 12.
    with mpmath.workdps(60):
        x = (101 + 97 * mpmath.pi) / (89 - 83 * mpmath.pi)
        assert identify(x, 50, "pi") is not None
        assert identify(+x, 12, "pi") is None


def test_relation_size():
    assert relation_size([0, 9, -99]) == pytest.approx(math.log10(19 * 199))
    assert relation_size([1], trials=100) == pytest.approx(math.log10(3) + 2)


def test_mobius_table_contains_simple_forms():
    vals, coeffs = mobius_table(float(mpmath.pi), 4)
    target = 4 / float(mpmath.pi)
    i = int(abs(vals - target).argmin())
    c0, c1, d0, d1 = (int(v) for v in coeffs[i])
    assert abs(vals[i] - target) < 1e-14
    assert (c0 + c1 * float(mpmath.pi)) / (d0 + d1 * float(mpmath.pi)) == pytest.approx(target)
    assert c0 * d1 - c1 * d0 != 0
    assert (vals[1:] > vals[:-1]).all()


def test_no_coincidences_at_low_precision():
    """PCF(n, 1) = I_1(2)/I_0(2): with 6 digits and the registry less its Bessel ratios, no form may be
    claimed (a 9(zeta(3) - 1)/(3 zeta(3) - 1) fits 5.4 of them by chance); with the right constant it
    is found, and the whole registry has it."""
    from discover.cf.eval.engine import DEFAULT_CONSTANTS
    from discover.cf.pcf import PCF

    pcf = PCF.from_polynomials("n", "1")
    ev = pcf.evaluate(6)
    others = [n for n in DEFAULT_CONSTANTS if "besseli" not in REGISTRY[n].expression]
    assert identify(ev.value, ev.digits, others, pairs=True) is None
    found = identify(ev.value, ev.digits, list(DEFAULT_CONSTANTS))
    assert found is not None and found.constants == ("i0_i1_2",)
    ev = pcf.evaluate(40)
    ident = identify(ev.value, ev.digits, "besseli(0,2)/besseli(1,2)")
    assert ident is not None
    with mpmath.workdps(50):
        ratio = mpmath.besseli(1, 2) / mpmath.besseli(0, 2)
        assert abs(ev.value - ratio) < mpmath.mpf(10) ** -40


def test_random_numbers_are_not_identified():
    """Random 50-digit numbers against the whole registry, two-constant relations included (m = 1,427
    searches): the rule (S <= D/2 + 1) leaves no room for the chance relations a lattice always has
    (their size is about D)."""
    import random

    rng = random.Random(13)
    with mpmath.workdps(70):
        for _ in range(3):
            x = mpmath.mpf(rng.getrandbits(180)) / mpmath.mpf(2) ** 180 + rng.randint(-3, 3)
            assert identify(x, 50, list(REGISTRY), pairs=True) is None


def test_two_constants_and_their_product():
    with mpmath.workdps(70):
        x = (1 + mpmath.pi * mpmath.log(2)) / (3 - mpmath.pi)
        ident = identify(x, 50, list(REGISTRY), pairs=True)
    assert ident is not None and ident.kind == "pair"
    assert set(ident.constants) == {"pi", "pi*log2"}
    with mpmath.workdps(70):
        assert abs(ident.value(60) - x) < mpmath.mpf(10) ** -48


def test_closed_form_text_reads_as_before():
    """The text is written without sympy, the way the earlier sympy printing read; sympy agrees on its
    value."""
    import sympy

    from discover.cf.closed_form import mobius_text

    assert mobius_text([6, 0], [0, 1], ["zeta(3)"]) == "6/zeta(3)"
    assert mobius_text([4, 3], [4, 0], ["pi"]) == "(4 + 3*pi)/4"
    assert mobius_text([2, -1], [1, 0], ["E"]) == "2 - E"
    assert mobius_text([2, -3], [-1, 1], ["log(2)"]) == "(2 - 3*log(2))/(-1 + log(2))"
    assert mobius_text([2, 0], [2, 1], ["pi"]) == "2/(2 + pi)"
    text = mobius_text([1, 0, 0, 2], [3, 0, -1, 0], ["pi", "besseli(0, 2)/besseli(1, 2)", "pi*E*expint(1, 1)"])
    pi, r, g = sympy.pi, sympy.besseli(0, 2) / sympy.besseli(1, 2), sympy.E * sympy.expint(1, 1)
    assert abs(sympy.N(sympy.sympify(text) - (1 + 2 * pi * g) / (3 - r), 30)) < 1e-25


def test_fixed_point_keeps_sign_and_precision():
    """round(v 2^B) exactly, whatever the working precision when it is called (mpf(v) would round to it)."""
    from discover.cf.relation import fixed_point

    with mpmath.workdps(120):
        v = -mpmath.pi
    bits = 300
    V = fixed_point(v, bits)
    with mpmath.workdps(120):
        assert V < 0 and abs(mpmath.mpf(V) / mpmath.mpf(2) ** bits - v) <= mpmath.mpf(2) ** -bits


def test_find_relation_at_many_digits():
    """The relation found at a low precision level is returned only when it holds to all digits."""
    from discover.cf.relation import find_relation

    with mpmath.workdps(3020):
        z3, x = mpmath.zeta(3), 6 / mpmath.zeta(3)
        u = find_relation([mpmath.mpf(1), z3, x, x * z3], 3000)
        assert u in ((-6, 0, 0, 1), (6, 0, 0, -1))
        # x perturbed in its 2000th digit: a relation at 60 digits, none at 3000
        y = x * (1 + mpmath.mpf(10) ** -2000)
        assert find_relation([mpmath.mpf(1), z3, y, y * z3], 3000, max_coeff=10**40) is None
