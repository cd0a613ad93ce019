"""Membership of an f, fbar pair in the library's parametric families (cmf1, cmf2, cmf3_*), the check that keeps
`cf cmf fit` from calling a member of a published family new."""

from __future__ import annotations

import random

import pytest
import sympy

from discover.cf.cmf.fit.ansatz import _dict_from_text
from discover.cf.cmf.fit.families import family_member, library_families
from discover.cf.cmf.fit.verify import verify_ffbar

X, Y = sympy.symbols("x y")


def _instance(name: str, values: dict, scale: int):
    """(f, fbar) = the family's pair at the parameter values, divided by ``scale`` (integer coefficients)."""
    (fam,) = [f for f in library_families() if f[0] == name]
    _, f_text, g_text, params = fam
    locs = {"x": X, "y": Y, **{p: sympy.Integer(values[p]) for p in params}}
    f = sympy.expand(sympy.sympify(f_text, locals=locs) * scale)
    g = sympy.expand(sympy.sympify(g_text, locals=locs) * scale)
    return _dict_from_text(str(f)), _dict_from_text(str(g)), params


def test_the_library_has_its_parametric_families():
    assert {f[0] for f in library_families()} == {"cmf1", "cmf2", "cmf3_1", "cmf3_2", "cmf3_3"}


@pytest.mark.parametrize("name", ["cmf1", "cmf2", "cmf3_2"])
def test_random_members_are_recognised_with_parameters_that_rebuild_them(name):
    rng = random.Random(7)
    checked = 0
    for _ in range(4):
        values = {p: rng.choice([-3, -2, -1, 1, 2, 3]) for p in ("c0", "c1", "c2", "c3")}
        scale = rng.choice([-2, -1, 1, 3])
        f, g, params = _instance(name, values, scale)
        if not f or not g or not verify_ffbar(f, g):  # a degenerate instance (b = 0) is no CMF pair
            continue
        got = family_member(f, g)
        assert got is not None and got["family"] == name
        # the parameters it returns rebuild the pair up to its scale: lambda f = F_c, lambda fbar = G_c
        lam = sympy.sympify(got["scale"])
        (fam,) = [x for x in library_families() if x[0] == name]
        locs = {"x": X, "y": Y, **{p: sympy.sympify(got["parameters"][p]) for p in params}}
        F = sympy.sympify(fam[1], locals=locs)
        G = sympy.sympify(fam[2], locals=locs)
        f_expr = sum(c * X**i * Y**j for (i, j), c in f.items())
        g_expr = sum(c * X**i * Y**j for (i, j), c in g.items())
        assert sympy.expand(lam * f_expr - F) == 0 and sympy.expand(lam * g_expr - G) == 0
        checked += 1
    assert checked >= 2


def test_a_deformation_of_the_zeta3_pair_is_the_published_cubic_family():
    # f = (x + y)(x^2 + xy + y^2 + 2): the zeta(3) pair with a constant added, a member of cmf3_2 (c0^2 = 2 c1^2 c)
    got = family_member(_dict_from_text("(x + y)*(x**2 + x*y + y**2 + 2)"),
                        _dict_from_text("-(x - y)*(x**2 - x*y + y**2 + 2)"))
    assert got is not None and got["family"] == "cmf3_2"


def test_a_pair_outside_every_family():
    # a proven pair (its diagonal gives zeta(2)) with the quadratic form x^2 + 2xy + 2y^2, which no member of
    # the quadratic family cmf2 (leading form 2x^2 + 2xy + y^2) has
    f, g = _dict_from_text("x**2 + 2*x*y + 2*y**2"), _dict_from_text("x**2 - 2*x*y + 2*y**2")
    assert verify_ffbar(f, g)
    assert family_member(f, g) is None
