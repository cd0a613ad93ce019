"""Linear recurrences against known mathematics: Apery's recurrence for zeta(3), its characteristic roots
17 +- 12 sqrt 2 and exponent -3/2, PCFs as order-2 recurrences, and the operations checked on exact
solutions."""

from fractions import Fraction

import mpmath
import pytest

from discover.cf.pcf import PCF
from discover.cf.recurrence.asymptotics import growths, newton_polygon, predicted_convergence
from discover.cf.recurrence.checks import check_compose, check_fold
from discover.cf.recurrence.limit import recurrence_limit
from discover.cf.recurrence.recurrence import LinearRecurrence, companionize
from discover.cf.recurrence.verify import check_limit, forward_ratio

# n^3 u(n) = (34n^3 - 51n^2 + 27n - 5) u(n-1) - (n-1)^3 u(n-2) (Apery 1979; van der Poorten 1979)
APERY = "n^3, -(34n^3-51n^2+27n-5), (n-1)^3"
APERY_PCF = "1, -(34n^3+51n^2+27n+5), n^6"   # PCF(34n^3+51n^2+27n+5, -n^6) = 6/zeta(3)


def test_parse_and_companion_round_trip():
    R = LinearRecurrence.parse(APERY_PCF)
    assert R.order == 2 and R.degrees == (0, 3, 6)
    # the PCF matrix [[0, b], [1, a]] of discover.cf.pcf
    pcf = PCF.from_polynomials("34n^3+51n^2+27n+5", "-n^6")
    assert R.companion() == pcf.matrix()
    assert LinearRecurrence.from_companion(R.companion()) == R


def test_companion_is_ramanujantools_companion_form():
    """ramanujantools' recurrence_matrix of the same list (a_0 = 1) is our companion matrix."""
    import sympy
    from sympy.abc import n

    RT = pytest.importorskip("ramanujantools").LinearRecurrence  # an anchor of the benchmarks, not a dependency

    rt = RT([sympy.Integer(1), -(2 * n + 1), n**2, sympy.Integer(3)])
    ours = LinearRecurrence.parse("1, -(2n+1), n^2, 3").companion()
    M = rt.recurrence_matrix
    for i in range(3):
        for j in range(3):
            assert sympy.expand(M[i, j] - sympy.sympify(ours[i][j].to_sympy_text())) == 0


def test_apery_limit_is_zeta3_to_its_digits():
    """b_n / a_n -> zeta(3) with Apery's initial values a = (1, 5), b = (0, 6) at n = 0, 1."""
    R = LinearRecurrence.parse(APERY)
    lim = recurrence_limit(R, 300, start=2, p_initial=(0, 6), q_initial=(1, 5))
    with mpmath.workdps(1000):
        err = abs(lim.value - mpmath.zeta(3))
        true_digits = float(-mpmath.log10(err))
    assert lim.digits > 900
    assert true_digits >= lim.digits - 1  # never claims more than it has (one digit of slack)
    assert true_digits <= lim.digits + 3  # and not far fewer
    # Apery numbers themselves: 1, 5, 73, 1445, 33001 (OEIS A005259)
    u = R.solution([1, 5], 2, 4)
    assert u == [1, 5, 73, 1445, 33001]


def test_pcf_is_an_order_two_recurrence():
    R = LinearRecurrence.parse(APERY_PCF)
    lim = recurrence_limit(R, 200, 1, (1, 5), (0, 1))
    p, q = PCF.from_polynomials("34n^3+51n^2+27n+5", "-n^6").convergent(200)
    assert (lim.p, lim.q) == (p, q)
    with mpmath.workdps(700):
        assert abs(lim.value - 6 / mpmath.zeta(3)) < mpmath.mpf(10) ** (-lim.abs_digits + 1)


def test_apery_characteristic_roots_and_birkhoff_exponent():
    gs = growths(LinearRecurrence.parse(APERY))
    s2 = 2 ** 0.5
    assert [g.mu for g in gs] == [0, 0]
    assert abs(gs[0].lam - (17 + 12 * s2)) < 1e-9 and abs(gs[1].lam - (17 - 12 * s2)) < 1e-9
    assert all(abs(g.rho - (-1.5)) < 1e-9 for g in gs)  # A_n ~ C (1 + sqrt 2)^(4n) n^(-3/2)
    # the PCF form: q_n = ((n+1)!)^3 A_(n+1): mu = 3 and rho = +3/2
    gp = growths(LinearRecurrence.parse(APERY_PCF))
    assert [g.mu for g in gp] == [3, 3] and all(abs(g.rho - 1.5) < 1e-9 for g in gp)


def test_predicted_rate_matches_measured():
    R = LinearRecurrence.parse(APERY)
    pred = predicted_convergence(growths(R))
    assert pred["regime"] == "exponential"
    import math

    assert abs(pred["digits_per_step"] - 2 * math.log10(17 + 12 * 2 ** 0.5)) < 1e-6
    lim = recurrence_limit(R, 400, start=2)
    assert abs(lim.rate - pred["digits_per_step"]) < 0.01


def test_super_exponential_and_newton_polygon():
    # e - 1 style: u(n) = (n+1) u(n-1) + n u(n-2): solutions ~ n! n^2 and (-1)^n n^-2: factorial gap 1
    R = LinearRecurrence.parse("1, -(n+1), -n")
    assert newton_polygon(R.degrees) == [(0, 1), (1, 2)]
    pred = predicted_convergence(growths(R))
    assert pred["regime"] == "super-exponential" and pred["factorial_exponent"] == "1"


def test_order_three_limit_and_columns():
    """[1, -n] o Apery has Apery's solutions among its own: the ratio of two of them is still zeta(3)."""
    C = LinearRecurrence.parse("1, -n").compose(LinearRecurrence.parse(APERY))
    assert C.order == 3
    # initial values u(0), u(1), u(2) of Apery's a_n and b_n (b_2 = 351/4, times 4 to stay integral)
    lim = recurrence_limit(C, 300, start=3, p_initial=(0, 24, 351), q_initial=(4, 20, 292))
    with mpmath.workdps(800):
        assert abs(lim.value - mpmath.zeta(3)) < mpmath.mpf(10) ** -(min(lim.abs_digits, 700) - 1)
    assert len(lim.column_limits) == 2 and lim.columns_agree > 100


def test_fold_every_second_term():
    R = LinearRecurrence.parse("1, -(2n+1), -n^2")
    F = R.fold(2)
    assert F.order == 2 and check_fold(R, F, 2, 0)
    F1 = R.fold(3, 1)
    assert check_fold(R, F1, 3, 1)
    # its limit is the same: start the folded recurrence from the even terms of the solutions
    p = R.solution([1, 1], 1, 40)    # u(-1), u(0), ...: PCF(2n+1, n^2) p_n
    q = R.solution([0, 1], 1, 40)
    j0 = 10
    fp = [p[2 * j + 1] for j in range(j0 - 2, j0)]
    fq = [q[2 * j + 1] for j in range(j0 - 2, j0)]
    den = 1
    for x in fp + fq:
        den = den * x.denominator
    lim = recurrence_limit(F, 200, j0, [int(x * den) for x in fp], [int(x * den) for x in fq])
    with mpmath.workdps(100):
        assert abs(lim.value - 4 / mpmath.pi) < mpmath.mpf(10) ** -50


def test_compose_and_unfold_inverse():
    A = LinearRecurrence.parse(APERY)
    C = LinearRecurrence.parse("1, -(n+2)").compose(A)
    assert check_compose(A, C)
    found = C.unfold()
    assert any(B == A and str(d) == "-n-2" for B, d in found)
    for B, _ in found:
        assert check_compose(B, C)


def test_companionize_general_matrix():
    """A conjugate of a companion matrix (not companion itself) gives back the recurrence of its last
    coordinate, checked on exact solutions."""
    from flint import fmpz_poly

    M = [[fmpz_poly([1]), fmpz_poly([0, 1])], [fmpz_poly([1]), fmpz_poly([2, 1])]]
    R = companionize(M)
    # states r(n) = r(n-1) M(n); u(n) = last coordinate
    r = [Fraction(3), Fraction(-2)]
    us = [r[1]]
    for n in range(1, 12):
        r = [r[0] * 1 + r[1] * 1, r[0] * n + r[1] * (n + 2)]
        us.append(r[1])
    vals = {n: us[n] for n in range(len(us))}
    for n in range(R.order + 1, 11):
        assert sum(c(n) * vals[n - i] for i, c in enumerate(R.coefficients)) == 0


def test_independent_check_passes_and_catches_a_wrong_value():
    R = LinearRecurrence.parse(APERY_PCF)
    lim = recurrence_limit(R, 150, 1, (1, 5), (0, 1))
    assert check_limit(R, lim, (1, 5), (0, 1))["passed"]
    from dataclasses import replace

    with mpmath.workdps(600):
        bad = replace(lim, value=lim.value + mpmath.mpf(10) ** -200)
    assert not check_limit(R, bad, (1, 5), (0, 1))["passed"]
    coeffs = [list(c.coeffs) for c in R.coefficients]
    with mpmath.workdps(60):
        assert abs(forward_ratio(coeffs, 1, 60, (1, 5), (0, 1), 40) - 6 / mpmath.zeta(3)) < mpmath.mpf(10) ** -35


def test_identify_initial_values_through_columns():
    from discover.cf.constants import parse_constants
    from discover.cf.recurrence.identify import identify_initial

    lim = recurrence_limit(LinearRecurrence.parse(APERY), 200, start=2)
    found = identify_initial(lim, parse_constants(["zeta3"])[0])
    assert found is not None
    a, b = found.numerator, found.denominator
    # the solutions these initial values start have ratio zeta(3) (forward recursion, independent)
    R = LinearRecurrence.parse(APERY)
    coeffs = [list(c.coeffs) for c in R.coefficients]
    with mpmath.workdps(520):
        assert abs(forward_ratio(coeffs, 2, 200, a, b, 500) - mpmath.zeta(3)) < mpmath.mpf(10) ** -500
    # a random constant is not "identified" through the columns
    assert identify_initial(lim, parse_constants(["catalan"])[0]) is None


@pytest.mark.parametrize("text, needle", [
    ("0, 1, n", "leading coefficient"),
    ("1, n, 0", "last coefficient"),
    ("1", "order k >= 1"),
    (", ".join(["1"] * 14), "order 13"),
])
def test_malformed(text, needle):
    from discover.errors import InputError

    with pytest.raises(InputError, match=needle):
        LinearRecurrence.parse(text)


def test_leading_coefficient_vanishing_in_range_is_named():
    from discover.errors import InputError

    R = LinearRecurrence.parse("n-5, 1, 1")
    with pytest.raises(InputError, match="n = 5"):
        recurrence_limit(R, 50, 1)
    recurrence_limit(R, 50, 6)  # after the root it is fine


def test_terminating_recurrence_has_an_exact_rational_limit():
    """u(n) = (n+1) u(n-1) - (n-3) u(n-2) is the PCF (n+1, -(n-3)), which stops at b(3) = 0: its limit is
    the finite fraction 1 + 2/(2 + 1/3) = 13/7 (p from (1, a(0)) = (1, 1), q from (0, 1)), exactly."""
    R = LinearRecurrence.parse("1, -(n+1), n-3")
    lim = recurrence_limit(R, 40, 1, (1, 1), (0, 1))
    assert lim.extra["exact"] and Fraction(int(lim.p), int(lim.q)) == Fraction(13, 7)
    assert check_limit(R, lim, (1, 1), (0, 1))["passed"]
    assert PCF.from_polynomials("n+1", "-(n-3)").evaluate(40).value_text() == "13/7"


def test_no_limit_is_not_claimed():
    """u(n) = u(n-2) (period 2) and u(n) = -u(n-1) - u(n-2) (period 3): no limit; 0 digits, nothing verified;
    u(n) = 2u(n-1) - u(n-2) (a double root): 'degenerate', sublinear."""
    for text in ("1, 0, -1", "1, 1, 1"):
        R = LinearRecurrence.parse(text)
        lim = recurrence_limit(R, 31, 1, (1, 1), (1, 2))
        assert lim.digits <= 1
        assert predicted_convergence(growths(R))["regime"] == "oscillating"
    assert predicted_convergence(growths(LinearRecurrence.parse("1, -2, 1")))["regime"] == "degenerate"
