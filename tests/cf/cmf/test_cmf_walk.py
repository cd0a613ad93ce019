"""Walks against known mathematics: Apery's zeta(3) on the diagonal of the zeta(3) CMF (delta near
(log a - 3)/(log a + 3) = 0.0805, a = (1 + sqrt 2)^4), the e and pi CMFs' diagonals (PNAS 2024),
and the trajectory matrix against a direct product of the axis matrices along the lattice path."""

import math

import pytest
import sympy

from discover.cf.cmf.library import get_cmf
from discover.cf.cmf.trajectory import identify_walk, trajectory_matrix, walk_limit


def _walk(name, t, s, depth=600):
    cmf = get_cmf(name)
    ev = walk_limit(cmf, t, s, depth)
    return ev, identify_walk(ev, cmf.constants)


def _equal(text, expr):
    from discover.cf.constants import sympy_locals

    return sympy.simplify(sympy.sympify(text, locals=sympy_locals()) - expr) == 0


def test_zeta3_diagonal_is_apery():
    ev, found = _walk("zeta3", (1, 1), (1, 1), 1000)
    ident, agree, delta, _ = found
    assert _equal(ident.closed_form, (1 - sympy.zeta(3)) / sympy.zeta(3))
    assert ev.digits > 2000 and agree >= ev.digits - 2
    apery = (math.log((1 + math.sqrt(2)) ** 4) - 3) / (math.log((1 + math.sqrt(2)) ** 4) + 3)
    assert abs(delta - apery) < 0.01 and delta > 0


def _reference_pcf(value):
    """(a coefficients, b coefficients) of a row of shared/reference/pcf_formulas.tsv."""
    from reference import reference_rows

    from discover.cf.polynomial import Polynomial

    for row in reference_rows("pcf_formulas.tsv"):
        if row[0] == value:
            return Polynomial.parse(row[1]).coeffs, Polynomial.parse(row[2]).coeffs
    raise LookupError(value)


def test_locate_finds_apery_on_the_zeta3_diagonal():
    from discover.cf.cmf.locate.matching import locate

    a, b = _reference_pcf("6/zeta(3)")
    found = locate(a, b, cmfs=[get_cmf("zeta3")], max_step=1, start_min=0, start_max=1)
    assert any(f.match == "exact" and f.trajectory == (1, 1) for f in found)


def test_locate_finds_the_e_pcf_in_the_e_cmf():
    from discover.cf.cmf.locate.matching import locate

    a, b = _reference_pcf("e")
    found = locate(a, b, cmfs=[get_cmf("e")], max_step=1, start_min=0, start_max=1)
    assert found and found[0].match == "exact"


def test_locate_relates_4_over_pi_to_the_pi_cmf_by_moebius():
    from discover.cf.cmf.locate.matching import locate

    a, b = _reference_pcf("4/pi")
    found = locate(a, b, cmfs=[get_cmf("pi")], max_step=1, start_min=1, start_max=1, depth=200)
    assert found and all(f.cmf == "pi" for f in found)


def test_e_and_pi_diagonals():
    _, (ident, _, _, _) = _walk("e", (1, 1), (0, 0))
    assert _equal(ident.closed_form, 1 / (1 - sympy.E))
    _, (ident, _, _, _) = _walk("pi", (1, 1), (1, 0))
    assert _equal(ident.closed_form, (2 - sympy.pi) / 2)


def test_2f1_limits_are_in_log2():
    ev, found = _walk("2F1", (1, 1, 2), (1, 1, 2))
    assert found is not None and found[0].constants == ("log2",) and ev.digits > 100


def _naive_product(cmf, t, s, steps):
    """Direct product of the axis matrices at the lattice points of the path (sympy, exact); axes in
    the first order (per step) whose path avoids the points where a matrix is undefined."""
    import itertools

    syms = cmf.symbols()
    mats = cmf.sympy_matrices()
    P = sympy.eye(cmf.rank)
    p = list(s)
    for _ in range(steps):
        for order in itertools.permutations(range(cmf.dim)):
            q, Q = list(p), sympy.eye(cmf.rank)
            for i in order:
                for _ in range(abs(t[i])):
                    if t[i] > 0:
                        Q = Q * mats[i].subs(dict(zip(syms, q)))
                        q[i] += 1
                    else:
                        q[i] -= 1
                        Q = Q * mats[i].subs(dict(zip(syms, q))).inv()
            if not Q.has(sympy.zoo, sympy.nan, sympy.oo):
                break
        P, p = P * Q, q
    return P


@pytest.mark.parametrize("name,t,s", [
    ("zeta3", (1, 1), (1, 1)), ("zeta3", (2, 1), (1, 2)), ("pi", (1, -1), (3, 5)),
    ("e", (0, 1), (1, 1)), ("2F1", (1, 1, 2), (1, 1, 2)), ("3F2", (1, 0, 1), (1, 2, 3)),
])
def test_trajectory_matrix_matches_direct_product(name, t, s):
    from discover.cf.walk import evaluate

    cmf = get_cmf(name)
    S = trajectory_matrix(cmf, t, s)
    steps = 4
    W = None
    for k in range(steps):
        M = evaluate(S, k)
        W = M if W is None else W * M
    ref = _naive_product(cmf, t, s, steps)
    Wm = sympy.Matrix(cmf.rank, cmf.rank, [int(W[i, j]) for i in range(cmf.rank) for j in range(cmf.rank)])
    # projectively equal: W = c * ref for a non-zero scalar c
    i, j = next((i, j) for i in range(cmf.rank) for j in range(cmf.rank) if ref[i, j] != 0)
    c = Wm[i, j] / ref[i, j]
    assert c != 0 and (Wm - c * ref).applyfunc(sympy.simplify) == sympy.zeros(cmf.rank, cmf.rank)


def test_rational_limits_are_recognised():
    from discover.cf.cmf.trajectory import looks_rational

    ev, _ = _walk("2F1", (1, 1, 0), (1, 1, 2), 300)  # upper parameters only: the walk's limit is 1
    assert looks_rational(ev)
    ev, _ = _walk("zeta3", (1, 1), (1, 1), 300)
    assert not looks_rational(ev)
