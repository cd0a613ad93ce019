"""ESMA targets beyond Moebius forms: rational functions of higher degree and biased monomials, against
classical continued fractions (Euler's e^2, Lambert's coth 1)."""

from __future__ import annotations

import json

import mpmath
import pytest

from discover.cf.constants import get_constant
from discover.cf.esma.engine import ESMASpec, shards
from discover.cf.esma.expansion import esma, mobius_forms
from discover.cf.esma.targets import biased_monomials, rational_targets, rational_value_fn
from discover.errors import InputError

E = get_constant("e")


def _value(num, den, v):
    return sum(c * v**i for i, c in enumerate(num)) / sum(c * v**i for i, c in enumerate(den))


def test_degree_one_rational_targets_are_the_moebius_forms():
    """Rational functions of degree 1 are Moebius forms: the same values mod 1 (one per fractional part)."""
    with mpmath.workdps(40):
        e = mpmath.e
        frac = lambda x: mpmath.nstr(x - mpmath.floor(x), 20)  # noqa: E731
        rational = {frac(_value(num, den, e)) for num, den in rational_targets(e, 1, 1)}
        mobius = {frac((c0 + c1 * e) / (d0 + d1 * e)) for c0, c1, d0, d1 in mobius_forms(e, 1)}
    assert rational == mobius


def test_rational_targets_are_distinct_mod_one_and_not_rational():
    with mpmath.workdps(40):
        e = mpmath.e
        targets = rational_targets(e, 2, 1)
        fracs = [mpmath.nstr(_value(n, d, e) % 1, 20) for n, d in targets]
    assert len(set(fracs)) == len(fracs)
    assert ((1, 0, 1), (-1, 0, 1)) in targets                  # coth(1) = (e^2 + 1)/(e^2 - 1)
    assert all(any(n[i] * d[j] != n[j] * d[i] for i in range(3) for j in range(3)) for n, d in targets)


def test_biased_monomials_are_positive_and_include_e_squared():
    with mpmath.workdps(40):
        e = mpmath.e
        targets = biased_monomials(e, 2, 1, 1)
        assert all(_value(n, d, e) > 0 for n, d in targets)
    assert ((0, 0, 1), (1,)) in targets                        # e^2
    assert ((1, 0, 0), (0, 0, 1)) in targets                   # e^-2


def test_coth_one_is_lamberts_continued_fraction():
    """(e^2 + 1)/(e^2 - 1) = coth 1 = [1; 3, 5, 7, ...] (Lambert): ESMA finds a(j) = 2j + 1."""
    result, status = esma(rational_value_fn(E, (1, 0, 1), (-1, 0, 1)), "coth(1)", (1,), terms=120)
    assert status == "approved"
    assert result.first_terms[:6] == (1, 3, 5, 7, 9, 11)
    assert result.formula["period"] == 1 and [str(c) for c in result.formula["polynomials"][0]] == ["1", "2"]


def test_cli_biased_monomials_find_eulers_e_squared(tmp_path):
    """e^2 = [7; 2, 1, 1, 3, 18, 5, 1, 1, 6, 30, ...] = [7; 3k-1, 1, 1, 3k, 12k+6]_{k>=1} (Euler)."""
    from click.testing import CliRunner

    from cli.main import cli

    res = CliRunner().invoke(cli, ["cf", "esma", "--constant", "e", "--target", "biased-monomial", "--max-power", "2",
                                   "--max-bias", "0", "--max-period", "1", "--workers", "1",
                                   "--store", str(tmp_path / "s.db"), "--json"])
    assert res.exit_code == 0, res.output
    recs = {r["target"]: r for r in (json.loads(line) for line in res.stdout.splitlines() if line.startswith("{"))}
    rec = recs["exp(2)"]
    assert rec["verified"] and rec["first_terms"][:10] == [7, 2, 1, 1, 3, 18, 5, 1, 1, 6]
    # the quasi-polynomial: after a_0 = 7, blocks of five terms 3j+2, 1, 1, 3j+3, 12j+18 (j >= 0)
    assert rec["formula"]["period"] == 5
    assert rec["formula"]["polynomials"] == [["2", "3"], ["1"], ["1"], ["3", "3"], ["18", "12"]]
    with mpmath.workdps(60):   # the regular expansion of e^2 computed here
        x = mpmath.e ** 2
        terms = []
        for _ in range(12):
            a = int(mpmath.floor(x))
            terms.append(a)
            x = 1 / (x - a)
    assert rec["first_terms"][:10] == terms[:10]


def test_spec_limits_and_resumable_moebius_shards():
    with pytest.raises(InputError, match="--degree"):
        ESMASpec(constant="e", targets="rational", degree=4)
    with pytest.raises(InputError, match="ESMA runs"):
        ESMASpec(constant="e", targets="rational", degree=3, coeff_range=3)
    with pytest.raises(InputError, match="--target"):
        ESMASpec(constant="e", targets="cubic")
    spec = ESMASpec(constant="e", mobius_range=1, max_period=1)
    ids = [s.id for s in shards(spec)]
    assert ids[0] == "0,1,1,0:+"                  # Moebius shard ids as before
    spec = ESMASpec(constant="e", targets="biased-monomial", max_power=1, max_bias=0, max_period=1)
    assert [s.params for s in shards(spec)] == [{"num": [0, 1], "den": [1], "signs": "+"},   # e
                                                {"num": [0, 1], "den": [1], "signs": "-"},
                                                {"num": [1, 0], "den": [0, 1], "signs": "+"},   # 1/e
                                                {"num": [1, 0], "den": [0, 1], "signs": "-"}]
    assert ESMASpec.from_dict(spec.to_dict()) == spec
