"""Parametric CMFs: ramanujantools' families are conservative as identities in their parameters (checked
against an independent sympy evaluation at random rational points), specialise to known fields (cmf3_2
at c0 = 0, c1 = 1 walks to Apery's zeta(3)), and bad values are named (a pole on the walk, a value that
divides by zero)."""

import random
from fractions import Fraction

import pytest
import sympy

from discover.cf.cmf.field import CMF, check_conservative, cmf_from_dict
from discover.cf.cmf.library import get_cmf
from discover.cf.cmf.parametric import bind, grid_points, parse_param_grid
from discover.cf.cmf.trajectory import identify_walk, walk_limit, walk_singularity
from discover.errors import InputError

PARAMETRIC = ["cmf1", "cmf2", "cmf3_1", "cmf3_2", "cmf3_3", "var_root"]


@pytest.mark.parametrize("name", PARAMETRIC)
def test_parametric_library_is_conservative_and_agrees_with_sympy_at_random_points(name):
    cmf = get_cmf(name)
    assert cmf.parameters and check_conservative(cmf) == []
    # independent: substitute random rationals for axes and parameters in sympy and compare both sides
    rng = random.Random(7)
    Mx, My = cmf.sympy_matrices()
    x, y = sympy.symbols("x y")
    for _ in range(3):
        vals = {sympy.Symbol(n): sympy.Rational(rng.randint(-9, 9), rng.randint(1, 5)) for n in cmf.names}
        lhs = Mx.subs(vals) * My.subs({**vals, x: vals[x] + 1})
        rhs = My.subs(vals) * Mx.subs({**vals, y: vals[y] + 1})
        assert sympy.simplify(lhs - rhs) == sympy.zeros(2, 2)


def test_broken_parametric_field_is_reported():
    c = get_cmf("cmf1")
    rows = [list(r) for r in c.matrices[1]]
    rows[0][0] = rows[0][0] + " + c0"
    broken = CMF("b", c.axes, (c.matrices[0], tuple(map(tuple, rows))), parameters=c.parameters)
    fails = check_conservative(broken)
    assert fails and {(f.axis_i, f.axis_j) for f in fails} == {("x", "y")}


def test_cmf3_2_at_c0_0_c1_1_is_the_zeta3_field_and_walks_to_apery():
    import math

    c = bind(get_cmf("cmf3_2"), {"c0": 0, "c1": 1})
    assert check_conservative(c) == []
    ev = walk_limit(c, (1, 1), (1, 1), 500)
    ident, agree, delta, _ = identify_walk(ev, ["zeta3"])
    assert ident.constants == ("zeta3",) and agree >= ev.digits - 2
    apery = (math.log((1 + math.sqrt(2)) ** 4) - 3) / (math.log((1 + math.sqrt(2)) ** 4) + 3)
    assert abs(delta - apery) < 0.02


def test_param_grid_grammar():
    grid = parse_param_grid("c0=1..3,c1=1/2|-2")
    assert grid == (("c0", ("1", "2", "3")), ("c1", ("1/2", "-2")))
    pts = grid_points(grid)
    assert len(pts) == 6 and pts[1] == {"c0": "1", "c1": "-2"}
    for bad in ["c0", "c0=x", "c0=3..1", "c0=1,c0=2", "c0=1..20000", "c0=1/0"]:
        with pytest.raises(InputError):
            parse_param_grid(bad)


def _pole_field():
    # Mx = diag(1, (x + 1)/(x - c0)), My = I: conservative (Mx does not depend on y) for every c0
    return cmf_from_dict({"name": "pole", "axes": ["x", "y"], "parameters": ["c0"],
                          "matrices": {"x": [["1", "0"], ["0", "(x + 1)/(x - c0)"]], "y": [["1", "0"], ["0", "1"]]}})


def test_pole_on_the_walk_is_named():
    c = _pole_field()
    assert check_conservative(c) == []
    where = walk_singularity(bind(c, {"c0": 3}), (1, 0), (0, 0), 50)
    assert "(3, 0)" in where and "entry (2, 2)" in where and "axis x" in where and "step 3" in where
    assert walk_singularity(bind(c, {"c0": -3}), (1, 0), (0, 0), 50) is None


def test_value_that_divides_by_zero_is_named():
    c = cmf_from_dict({"name": "d", "axes": ["x", "y"], "parameters": ["c0"],
                       "matrices": {"x": [["1", "1/(c0 - 1)"], ["0", "1"]], "y": [["1", "0"], ["0", "1"]]}})
    with pytest.raises(InputError) as err:
        bind(c, {"c0": 1})
    assert "c0=1" in str(err.value) and "entry (1, 2)" in str(err.value)
    assert bind(c, {"c0": Fraction(1, 2)}).values == (("c0", "1/2"),)


def test_undeclared_symbol_is_named():
    with pytest.raises(InputError) as err:
        cmf_from_dict({"axes": ["x", "y"], "parameters": ["c0"],
                       "matrices": {"x": [["1", "c0 + c7"], ["0", "1"]], "y": [["1", "0"], ["0", "1"]]}})
    assert "c7" in str(err.value) and "entry (1, 2)" in str(err.value)
