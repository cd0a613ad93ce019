"""The hypergeometric library against known mathematics: 2F1(1, 1; 2; z) = -log(1 - z)/z (a walk at
z = 1/2 converges to -theta F / F = 1 - 1/log 2), 3F2 at z = 1 gives zeta(2) (the series summed
independently), the contiguous matrices reproduce Gauss's 2F1(a, b; c; 1) and Kummer's 2F1(a, b; 1 + a - b;
-1), every field is conservative, and the matrices agree with ramanujantools' (when installed)."""

from fractions import Fraction

import mpmath
import pytest

from discover.cf.cmf.field import check_conservative
from discover.cf.cmf.hypergeometric import hypergeometric, predicted_limit, state_vector
from discover.cf.cmf.library import get_cmf
from discover.cf.cmf.trajectory import identify_walk, step_matrix_at, walk_limit, walk_order, trajectory_matrix
from discover.errors import InputError


@pytest.mark.parametrize("name", ["pFq:2,1,1/2", "pFq:1,1,-2", "pFq:0,1,1", "pFq:3,2,1", "pFq:2,2,1/3",
                                  "pFq:3,2,-1", "meijerg:1,1,2,2,-1", "meijerg:2,0,1,2,1/2"])
def test_fields_are_conservative(name):
    c = get_cmf(name)
    assert check_conservative(c) == []


def test_rank_one_and_bad_families_are_refused():
    for name, needle in [("pFq:2,1,1", "rank 1"), ("pFq:9,1,1", "between 0 and"), ("pFq:2,1,0", "z must"),
                         ("meijerg:3,0,1,2,1", "Meijer G needs"), ("pFq:2,1", "3 values")]:
        with pytest.raises(InputError) as err:
            get_cmf(name)
        assert needle in str(err.value)


def _walk(c, t, s, depth):
    order, pole = walk_order(c, t, s, depth)
    assert pole is None
    return walk_limit(c, t, s, depth, trajectory_matrix(c, t, s, order=order))


def test_2f1_at_one_half_converges_to_minus_theta_f_over_f():
    c = get_cmf("pFq:2,1,1/2")
    ev = _walk(c, (1, 1, 3), (1, 1, 2), 300)
    with mpmath.workdps(ev.digits + 10):
        expected = 1 - 1 / mpmath.log(2)  # F = 2 log 2, theta F = 2 - 2 log 2 (closed forms)
        assert abs(ev.value - expected) < mpmath.mpf(10) ** (-(ev.digits - 3))
    assert ev.digits > 300
    assert abs(predicted_limit(c, (1, 1, 2), 50) - expected) < mpmath.mpf(10) ** -45


def test_3f2_at_one_gives_zeta2():
    c = get_cmf("pFq:3,2,1")
    assert c.rank == 2  # p = q + 1 at z = 1: one rank less
    s = (1, 1, 1, 2, 4)
    ev = _walk(c, (1, 1, 1, 2, 2), s, 300)
    ident, agree, delta, _ = identify_walk(ev, ["zeta2"])
    assert ident.constants == ("zeta2",) and agree >= ev.digits - 2 and delta > 0
    # independently: F(1,1,1; 2,4; 1) = sum 6/((n+1)^2 (n+2)(n+3)), and F at y0 + 1 likewise, summed by mpmath
    with mpmath.workdps(40):
        def value(pt):
            a = [Fraction(v) for v in pt]
            assert a[:3] == [1, 1, 1]
            b0, b1 = a[3], a[4]
            return mpmath.nsum(lambda n: mpmath.rf(1, n) ** 2 / (mpmath.rf(b0, n) * mpmath.rf(b1, n)), [0, mpmath.inf])

        v = state_vector(c, s, 40, value=value)
        assert abs(-v[1] / v[0] - ev.value) < mpmath.mpf(10) ** -30
        # partial fractions: 3F2(1, 1, 1; 2, 4; 1) = 6 sum 1/(m^2 (m+1)(m+2)) = 3 zeta(2) - 15/4
        assert abs(value(s) - (3 * mpmath.zeta(2) - mpmath.mpf(15) / 4)) < mpmath.mpf(10) ** -30


def _gamma(v):
    return mpmath.gamma(mpmath.mpf(v.numerator) / v.denominator)


def _predict_next(c, v, start, direction, times):
    """v(s)^T times the exact step matrices along ``direction``: F at s + times * direction."""
    k = c.rank
    P = [[Fraction(int(i == j)) for j in range(k)] for i in range(k)]
    point = [Fraction(x) for x in start]
    for _ in range(times):
        M = step_matrix_at(c, direction, point)
        P = [[sum(P[i][t] * M[t][j] for t in range(k)) for j in range(k)] for i in range(k)]
        point = [a + b for a, b in zip(point, direction)]
    return sum(v[i] * mpmath.mpf(P[i][0].numerator) / P[i][0].denominator for i in range(k))


def test_contiguous_matrices_reproduce_gauss_at_z_1():
    # 3F2(a, b, 1/3; c, 1/3; 1) = 2F1(a, b; c; 1) = Gamma(c) Gamma(c-a-b) / (Gamma(c-a) Gamma(c-b))
    c = hypergeometric(["x0", "x1", "1/3"], ["y0", "1/3"], 1, name="gauss")

    def gauss(pt):
        a, b, cc = (Fraction(v) for v in pt)
        return _gamma(cc) * _gamma(cc - a - b) / (_gamma(cc - a) * _gamma(cc - b))

    s = ("1/2", "1/3", 5)
    with mpmath.workdps(40):
        v = state_vector(c, s, 40, value=gauss)
        for d in [(1, 0, 0), (0, 1, 1), (1, 1, 2)]:
            moved = tuple(Fraction(a) + b for a, b in zip(s, d))
            assert abs(_predict_next(c, v, s, d, 1) - gauss(moved)) < mpmath.mpf(10) ** -35


def test_contiguous_matrices_reproduce_kummer_at_z_minus_1():
    # Kummer: 2F1(a, b; 1 + a - b; -1) = Gamma(1 + a - b) Gamma(1 + a/2) / (Gamma(1 + a) Gamma(1 + a/2 - b))
    c = get_cmf("pFq:2,1,-1")

    def kummer(pt):
        a, b, cc = (Fraction(v) for v in pt)
        assert cc == 1 + a - b
        return _gamma(1 + a - b) * _gamma(1 + a / 2) / (_gamma(1 + a) * _gamma(1 + a / 2 - b))

    s, d = ("1/3", "1/2", "5/6"), (1, 0, 1)  # a + 1, c + 1 keeps c = 1 + a - b
    with mpmath.workdps(40):
        v = state_vector(c, s, 40, direction=d, value=kummer)
        third = tuple(Fraction(a) + 2 * b for a, b in zip(s, d))
        assert abs(_predict_next(c, v, s, d, 2) - kummer(third)) < mpmath.mpf(10) ** -35
        # and the direct series agrees with Kummer's closed form (mpmath, independent)
        assert abs(mpmath.hyp2f1(mpmath.mpf(1) / 3, 0.5, mpmath.mpf(5) / 6, -1) - kummer(s)) < mpmath.mpf(10) ** -15


def _as_functions_equal(A, B, names, rng):
    import sympy

    for _ in range(2):
        vals = {sympy.Symbol(n): sympy.Rational(rng.randint(3, 40), rng.randint(1, 7)) for n in names}
        assert sympy.simplify(A.subs(vals) - B.subs(vals)) == sympy.zeros(A.rows, A.cols)


def test_matrices_agree_with_ramanujantools():
    import random

    import sympy

    rt = pytest.importorskip("ramanujantools.cmf")
    rng = random.Random(3)
    for ours, theirs in [(get_cmf("pFq:2,1,1/2"), rt.pFq(2, 1, sympy.Rational(1, 2))),
                         (get_cmf("pFq:3,2,1"), rt.pFq(3, 2, 1)),
                         (get_cmf("meijerg:1,1,2,2,-1"), rt.MeijerG(1, 1, 2, 2, -1))]:
        for axis, M in zip(ours.axes, ours.sympy_matrices()):
            _as_functions_equal(M, theirs.M(sympy.Symbol(axis)), ours.axes, rng)


@pytest.mark.parametrize("name, t, s", [("pFq:3,2,-1", (1, 0, 0, 1, 1), (1, 1, 1, 2, 2)),
                                        ("pFq:3,2,1/2", (1, 1, 1, 2, 2), (1, 1, 1, 2, 3)),
                                        ("pFq:1,2,1", (1, 2, 2), (1, 2, 2))])
def test_rank_3_walk_columns_are_orthogonal_to_the_state_vector(name, t, s):
    # v(s)^T W_N = v(s + N t)^T, small against W_N: the last column is orthogonal to v(s) from mpmath's hyper
    from discover.cf.cmf.hypergeometric import column_residual

    c = get_cmf(name)
    assert c.rank == 3
    ev = _walk(c, t, s, 300)
    r = column_residual(c, s, ev.column, 60)
    assert r is not None and r < mpmath.mpf(10) ** -50
    # and a column that is not the walk's is not orthogonal
    assert column_residual(c, s, (1, 1, 1), 60) > mpmath.mpf(10) ** -5


@pytest.mark.parametrize("name, s", [("meijerg:1,1,2,2,1/2", ("1/2", "1/3", 1, "1/4")),
                                     ("meijerg:2,0,1,2,1/2", ("1/2", "1/3", "1/4")),
                                     ("meijerg:2,1,2,2,1/3", ("1/2", "1/3", "1/5", "1/7"))])
def test_meijer_contiguous_matrices_reproduce_mpmath_meijerg(name, s):
    # v(s) from G(s) and G(s + e_b0) (mpmath), then G one step along every axis through the exact matrices
    c = get_cmf(name)
    nt = c.notes

    def G(pt):
        vals = [mpmath.mpf(Fraction(v).numerator) / Fraction(v).denominator for v in pt]
        a, b = vals[:nt["p"]], vals[nt["p"]:]
        z = Fraction(nt["z"])
        return mpmath.re(mpmath.meijerg([a[:nt["n"]], a[nt["n"]:]], [b[:nt["m"]], b[nt["m"]:]],
                                        mpmath.mpf(z.numerator) / z.denominator))

    with mpmath.workdps(30):
        v = state_vector(c, s, 30, value=G)
        for ax in range(c.dim):
            d = tuple(int(i == ax) for i in range(c.dim))
            moved = tuple(Fraction(x) + y for x, y in zip(s, d))
            assert abs(_predict_next(c, v, s, d, 1) - G(moved)) < mpmath.mpf(10) ** -25 * max(1, abs(G(moved)))
