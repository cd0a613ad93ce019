"""``cf solve`` against known mathematics: Euler-family PCFs (e, pi, 1/zeta(3)), their series and f, fbar CMFs,
and coboundaries between a PCF and its equivalence transforms (and a 3 x 3 conjugate)."""

import json

import mpmath
import pytest

from bad_input import run_cli
from discover.cf.pcf import PCF
from discover.cf.polynomial import Polynomial
from discover.cf.solve.coboundary import find_coboundary
from discover.cf.solve.verify import check_coboundary
from discover.cf.solve.euler import embed_in_ffbar, euler_forms, series_limit


def test_e_is_euler_family_with_its_series_and_cmf():
    # PCF(n+2, -n) = e / (e - 1): h1 = n + 1, h2 = 1, series sum 1/(m+1)! = e - 1
    (form,) = euler_forms(Polynomial.parse("n+2"), Polynomial.parse("-n"))
    assert (str(form.h1), str(form.h2)) == ("n+1", "1")
    with mpmath.workdps(60):
        assert abs(series_limit(form, 50) - mpmath.e / (mpmath.e - 1)) < mpmath.mpf(10) ** -48
    pairs = embed_in_ffbar(form)
    assert pairs
    from discover.cf.cmf.fit.verify import verify_ffbar

    for f, fbar in pairs:
        assert verify_ffbar(f, fbar)
        # the x-axis PCF at y = 0: a(x) = f(x, 0) - fbar(x + 1, 0), b(x) = f fbar(x, 0) - f fbar(0, 0)
        F = lambda p, x: sum(c * x ** i for (i, j), c in p.items() if j == 0)  # noqa: E731
        for x in range(1, 6):
            assert F(f, x) - F(fbar, x + 1) == x + 2
            assert F(f, x) * F(fbar, x) - F(f, 0) * F(fbar, 0) == -x


def test_brouncker_pi_is_euler_family():
    # 4/pi = 1 + 1/(2 + 9/(2 + 25/(2 + ...))): h1 = 2n + 1, h2 = 1 - 2n, series = pi/4 (Leibniz)
    forms = euler_forms(Polynomial.parse("2"), Polynomial.parse("(2n-1)^2"))
    assert [(str(f.h1), str(f.h2)) for f in forms] == [("2n+1", "-2n+1")]
    with mpmath.workdps(40):
        assert abs(series_limit(forms[0], 30) - (1 + 4 / mpmath.pi)) < mpmath.mpf(10) ** -28


def test_zeta3_series_pcf_and_not_apery():
    # a = n^3 + (n+1)^3, b = -n^6: Euler's fraction of sum 1/(m+1)^3: L = 1/zeta(3)
    (form,) = euler_forms(Polynomial.parse("2n^3+3n^2+3n+1"), Polynomial.parse("-n^6"))
    with mpmath.workdps(40):
        assert abs(series_limit(form, 30) - 1 / mpmath.zeta(3)) < mpmath.mpf(10) ** -28
    assert embed_in_ffbar(form)  # the zeta(3)-type f, fbar CMFs (f(x, 0) = x^3)
    # Apery's accelerated fraction is not in the family
    assert euler_forms(Polynomial.parse("34n^3+51n^2+27n+5"), Polynomial.parse("-n^6")) == []


def test_coboundary_between_a_pcf_and_its_equivalence_transform():
    from discover.cf.novelty.equivalence import apply_coboundary, moebius_of_coboundary

    a, b = (1, 2), (0, 0, 1)  # PCF(2n+1, n^2) = 4/pi
    for V in ([[(1,), (0, 1)], [(0,), (1,)]], [[(2, 1), (1,)], [(1,), (1,)]]):
        a2, b2 = apply_coboundary(a, b, V)
        M = PCF(Polynomial(a), Polynomial(b)).matrix()
        N = PCF(Polynomial(a2), Polynomial(b2)).matrix()
        cob = find_coboundary(M, N)
        assert cob is not None and check_coboundary(M, N, cob)
        t = moebius_of_coboundary((a, b), (a2, b2), cob)
        L = PCF(Polynomial(a), Polynomial(b)).evaluate(2000).value
        L2 = PCF(Polynomial(a2), Polynomial(b2)).evaluate(2000).value
        with mpmath.workdps(30):
            assert abs((t[0] * L + t[1]) / (t[2] * L + t[3]) - L2) < mpmath.mpf(10) ** -20


def test_no_coboundary_between_unrelated_pcfs():
    M = PCF(Polynomial((1, 2)), Polynomial((0, 0, 1))).matrix()   # 4/pi
    N = PCF(Polynomial((0, 1)), Polynomial((0, 1))).matrix()      # an e-type fraction: different growth
    assert find_coboundary(M, N, degree=2, max_shift=1) is None


def test_cli_euler_and_coboundary_stored(tmp_path):
    store = str(tmp_path / "s.sqlite")
    code, out, err, _ = run_cli(["cf", "solve", "euler", "n+2", "-n", "--json"], store=store)
    assert code == 0, err
    row = json.loads(out)
    assert row["h1"] == "n+1" and row["agreement_digits"] > 40 and row["ffbar"] and row["verified"]
    code, out, err, _ = run_cli(["cf", "solve", "coboundary", "--from-pcf", "2n+1, n^2", "--to-pcf",
                                 "-4n-6, 4n^2+8n", "--json"], store=store)
    assert code == 0, err
    cob = json.loads(out)
    assert cob["found"] and cob["checked"] and cob["moebius"]["map"] and cob["verified"]
    code, out, err, _ = run_cli(["results", "list", "--json"], store=store)
    assert code == 0 and row["key"] in out and cob["key"] in out
    # nothing found: shown, not stored
    code, out, err, _ = run_cli(["cf", "solve", "euler", "34n^3+51n^2+27n+5", "-n^6", "--json"], store=store)
    assert code == 0 and json.loads(out)["verified"] is False


@pytest.mark.slow
def test_zeta3_euler_pcf_lives_in_the_pnas_zeta3_cmf():
    """With y-coefficients in [-2, 2] the first pair is the zeta(3) CMF of Elimelech et al. (PNAS 2024):
    f = x^3 + 2x^2 y + 2x y^2 + y^3, fbar = -x^3 + 2x^2 y - 2x y^2 + y^3."""
    (form,) = euler_forms(Polynomial.parse("2n^3+3n^2+3n+1"), Polynomial.parse("-n^6"))
    f, fbar = embed_in_ffbar(form, bound=2)[0]
    assert f == {(3, 0): 1, (2, 1): 2, (1, 2): 2, (0, 3): 1}
    assert fbar == {(3, 0): -1, (2, 1): 2, (1, 2): -2, (0, 3): 1}
