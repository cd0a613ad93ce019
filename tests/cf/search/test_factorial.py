"""Factorial reduction: Apery's PCF and the other listed formulas have it, random PCFs do not; the filter
through the search and the CLI, with each record's rate recomputed here independently."""

from __future__ import annotations

import json
import math
import random

import pytest

from discover.cf.pcf import PCF
from discover.cf.polynomial import Polynomial
from discover.cf.search.factorial import MIN_RATE, recompute, reduction_rate


def _gcd_rate(a, b, n1=20, n2=60):
    """The reduction rate from scratch: the recurrence in Python integers, gcds, log of n! by lgamma."""
    pa, pb = Polynomial.parse(a), Polynomial.parse(b)
    p0, p1, q0, q1 = 1, pa(0), 0, 1
    g = {}
    for k in range(1, n2 + 1):
        p0, p1 = p1, pa(k) * p1 + pb(k) * p0
        q0, q1 = q1, pa(k) * q1 + pb(k) * q0
        g[k] = math.gcd(p1, q1)
    return (math.log(g[n2]) - math.log(g[n1])) / (math.lgamma(n2 + 1) - math.lgamma(n1 + 1))


@pytest.mark.parametrize("a, b, order", [
    ("34n^3+51n^2+27n+5", "-n^6", 3),                                   # Apery, 6/zeta(3)
    ("n^5+(n+1)^5+6(n^3+(n+1)^3)-4(2n+1)", "-n^10", 5),               # 2/(1 - 2 zeta(3) + 2 zeta(5))
    ("3n^2+3n+1", "-2n^4", 2),                                          # 1/(2 Catalan)
    ("11n^2+11n+3", "n^4", 2),                                          # Apery, 30/pi^2
])
def test_known_formulas_have_factorial_reduction(a, b, order):
    pcf = PCF.from_polynomials(a, b)
    red = reduction_rate(pcf)
    assert red.order == order
    assert red.normalised >= MIN_RATE
    assert red.rate == pytest.approx(_gcd_rate(a, b), abs=1e-12)
    assert recompute(pcf) == red


def test_apery_gcd_grows_like_a_cube_of_factorials():
    """g_n ~ (n!)^3 / lcm(1..n)^3 up to e^O(n): log g_n / log (n!)^3 rises towards 1 (0.6 at n = 60, more at 200)."""
    pcf = PCF.from_polynomials("34n^3+51n^2+27n+5", "-n^6")
    near, far = reduction_rate(pcf, (20, 60)), reduction_rate(pcf, (100, 200))
    assert 0.6 < near.normalised < far.normalised < 1.0


def test_random_pcfs_have_none():
    """Random non-terminating PCFs with deg a = 2 or 3 and deg b = 2 deg a (seeded): rho well below the threshold."""
    rng = random.Random(20)
    seen = 0
    while seen < 60:
        d = rng.randint(2, 3)
        a = [rng.randint(-9, 9) for _ in range(d)] + [rng.randint(1, 9)]
        b = [rng.randint(-9, 9) for _ in range(2 * d)] + [-rng.randint(1, max(1, a[-1] ** 2 // 4))]
        pcf = PCF(Polynomial(tuple(a)), Polynomial(tuple(b)))
        if pcf.terminating_depth() is not None:
            continue
        seen += 1
        red = reduction_rate(pcf)
        assert red.normalised < 0.3, (a, b, red)


def test_filter_through_the_cli(tmp_path):
    """--filter factorial-reduction on the catalan domain keeps the Catalan formula (with its rate) and stores
    the other reduced PCFs as factorial-reduction records; every rate is recomputed here from scratch."""
    from click.testing import CliRunner

    from cli.main import cli

    res = CliRunner().invoke(cli, ["cf", "search", "--domain", "catalan", "--range", "-3:3", "--c-range", "1:2",
                                   "--filter", "factorial-reduction", "--store", str(tmp_path / "s.db"), "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    formulas = [r for r in recs if r["kind"] == "pcf"]
    reduced = [r for r in recs if r["kind"] == "factorial-reduction"]
    assert any(r["closed_form"] == "1/(2*Catalan)" for r in formulas)
    assert reduced, "the domain holds reduced PCFs of other constants (2n^2+2n+1, -n^4: 6/pi^2)"
    assert any((r["a"], r["b"]) == ("2n^2+2n+1", "-n^4") for r in reduced)
    for r in recs:
        fr = r["factorial_reduction"]
        assert fr["normalised"] >= MIN_RATE and r["verified"]
        assert fr["rate"] == pytest.approx(_gcd_rate(r["a"], r["b"]), abs=1e-3)
