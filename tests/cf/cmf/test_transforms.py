"""Dual, sub-lattice and coboundary CMFs: conservative, the dual of the dual is the field (as rational
functions), a sub-CMF's unit walk is the original walk along its direction, and a coboundary transform
keeps the constants of the limits."""

import pytest

from discover.cf.cmf.dual import coboundary, dual, sub_cmf
from discover.cf.cmf.field import check_conservative, mpoly_entries
from discover.cf.cmf.library import get_cmf
from discover.cf.cmf.trajectory import identify_walk, walk_limit
from discover.errors import InputError


def _same_field(a, b):
    """Equal matrices as rational functions (cross-multiplied FLINT fractions)."""
    _, ma = mpoly_entries(a)
    _, mb = mpoly_entries(b)
    return all(n1 * d2 == n2 * d1 for A, B in zip(ma, mb) for ra, rb in zip(A, B)
               for (n1, d1), (n2, d2) in zip(ra, rb))


@pytest.mark.parametrize("name", ["e", "pi", "zeta3", "cmf1", "2F1"])
def test_dual_is_conservative_and_an_involution(name):
    c = get_cmf(name)
    d = dual(c)
    assert check_conservative(d) == []
    assert _same_field(dual(d), c)
    assert d.parameters == c.parameters


def test_sub_cmf_walks_the_original_direction():
    z = get_cmf("zeta3")
    s = sub_cmf(z, [(1, 1), (1, 0)], (1, 1))
    assert s.axes == ("u0", "u1") and check_conservative(s) == []
    a = walk_limit(s, (1, 0), (0, 0), 300)
    b = walk_limit(z, (1, 1), (1, 1), 300)
    import mpmath

    with mpmath.workdps(100):
        assert abs(a.value - b.value) < mpmath.mpf(10) ** -90
    with pytest.raises(InputError):
        sub_cmf(z, [(1, 1), (2, 2)])


def test_coboundary_keeps_the_constant():
    e = get_cmf("e")
    g = coboundary(e, [["1", "x"], ["0", "1"]])
    assert check_conservative(g) == []
    ev = walk_limit(g, (1, 1), (0, 0), 300)
    ident, agree, _delta, _ = identify_walk(ev, ["e"])
    assert ident.constants == ("e",) and agree >= ev.digits - 2
    with pytest.raises(InputError):
        coboundary(e, [["1", "x"], ["1", "x"]])
