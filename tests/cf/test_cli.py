"""``discover cf`` through the CLI: the issue's rediscoveries, JSON fields, the store, bad input."""

import json
import os

import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.store import Store

FIELDS = {"engine", "kind", "key", "statement", "verified", "a", "b", "closed_form", "digits", "depth", "delta"}


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_eval_apery_json(store_path):
    result = invoke("cf", "eval", "34n^3+51n^2+27n+5", "-n^6", "--depth", "10", "--json", "--store", store_path)
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert FIELDS <= set(rec)
    assert rec["closed_form"] == "6/zeta(3)"
    assert rec["digits"] >= 32.5  # the reference lists 33 digits at depth 10
    assert rec["depth"] == 10 and rec["verified"] is True
    assert rec["limit"].startswith("4.99144423548424481209875767")


def test_eval_human_output_and_written_forms(store_path):
    result = invoke("cf", "eval", "(2n+1)", "n*n", "--depth", "100", "--store", store_path)
    assert result.exit_code == 0
    assert "4/pi" in result.stdout and "1.27323954473516268" in result.stdout


def test_eval_slow_fraction_reports_its_digits(store_path):
    result = invoke("cf", "eval", "2", "(2n-1)^2", "--depth", "100000", "--json", "--store", store_path)
    (rec,) = records(result)
    assert 5.6 <= rec["digits"] <= 5.8  # 5.7 digits at depth 100000 (reference), never more
    assert rec["closed_form"] in ("(pi + 4)/pi", "1 + 4/pi", "(4 + pi)/pi")


def test_eval_is_stored_once(store_path):
    for _ in range(2):
        invoke("cf", "eval", "n+3", "-n", "--depth", "30", "--json", "--store", store_path)
    with Store(store_path) as store:
        assert len(list(store.conjectures())) == 1


def test_identify(store_path):
    result = invoke("cf", "identify", "4.9914442354842448120987576729291844065023383864", "--constants",
                    "pi,zeta3", "--json")
    out = json.loads(result.stdout)
    assert out["closed_form"] == "6/zeta(3)" and out["verified"] is True
    result = invoke("cf", "identify", "1.2345678901234567890123", "--constants", "pi,zeta3")
    assert result.exit_code == 0 and "no relation found" in result.stdout


def test_search_finds_4_over_pi(store_path):
    result = invoke("cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "2", "--range", "-3:3",
                    "--workers", "1", "--json", "--store", store_path)
    assert result.exit_code == 0
    recs = records(result)
    assert all(FIELDS <= set(r) and r["verified"] for r in recs)
    # fast fractions reach 60 digits exactly; slow ones (accelerated in stage 1) report the exact
    # convergent's digits and the extrapolation's apart, and the class says which ones the acceptance used
    for r in recs:
        if r["verification_class"] == "exact":
            assert r["digits"] >= 2 * r["relation"]["relation_digits"] - 2
        else:
            assert r["verification_class"] == "extrapolated" and r["digits_extrapolated"] >= 50 > r["digits"]
    assert any(r["a"] == "2n+1" and r["b"] == "n^2" and r["closed_form"] == "4/pi" for r in recs)
    keys = [r["key"] for r in recs]
    assert len(keys) == len(set(keys))


def test_search_finds_e(store_path):
    result = invoke("cf", "search", "--constant", "e", "--a-deg", "1", "--b-deg", "1", "--range", "-5:5",
                    "--workers", "1", "--json", "--store", store_path)
    recs = records(result)
    assert any(r["a"] == "n+3" and r["b"] == "-n" and r["closed_form"] == "E" for r in recs)


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["eval", "n+1", "n^"], "b(n)"),
        (["eval", "x+1", "n"], "a(n)"),
        (["eval", "n+1", "n", "--depth", "1000000000000"], "--depth"),
        (["eval", "n+1", "n", "--constants", "foo"], "foo"),
        (["search", "--constant", "nosuch", "--a-deg", "1", "--b-deg", "1", "--range", "-2:2"], "nosuch"),
        (["search", "--constant", "pi", "--a-deg", "1", "--b-deg", "1", "--range", "3:-3"], "empty"),
        (["search", "--constant", "pi", "--a-deg", "1", "--b-deg", "1", "--range", "3"], "LO:HI"),
        (["search", "--constant", "pi", "--a-deg", "8", "--b-deg", "8", "--range", "-1000:1000"], "too large"),
        (["search", "--constant", "pi", "--a-deg", "1", "--b-deg", "1"], "--range"),
        (["identify", "abc", "--constants", "pi"], "abc"),
    ],
)
def test_bad_input_one_line_exit_2(store_path, args, fragment):
    result = invoke("cf", *args, "--store", store_path) if args[0] != "identify" else invoke("cf", *args)
    assert result.exit_code == 2, result.output
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("discover: error") and fragment in err[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""
    if os.path.exists(store_path):
        with Store(store_path) as store:
            assert list(store.conjectures()) == []


def test_eval_without_closed_form_is_shown_but_not_stored(store_path):
    from discover.store import Store

    result = invoke("cf", "eval", "3n^2+7", "2n^3+1", "--depth", "200", "--constants", "pi", "--json",
                    "--store", store_path)
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert rec["closed_form"] is None and rec["verified"] is False and rec["kind"] == "pcf-limit"
    with Store(store_path) as store:
        assert store.count() == 0


def _value(text):
    import sympy

    from discover.cf.constants import sympy_locals

    return sympy.sympify(text, locals=sympy_locals())


@pytest.mark.parametrize("a, b, expected", [
    ("2n+1", "-1", "cot(1)"),  # Lambert: tan(1) = 1/(1 - 1/(3 - 1/(5 - ...)))
    ("n+1", "1", "besseli(0, 2)/besseli(1, 2)"),  # 1 + 1/(2 + 1/(3 + ...)) = I_0(2)/I_1(2)
])
def test_eval_identifies_with_the_registry(store_path, a, b, expected):
    import sympy

    result = invoke("cf", "eval", a, b, "--depth", "200", "--json", "--store", store_path)
    (rec,) = records(result)
    assert rec["closed_form"] == expected
    assert rec["verification_class"] == "exact" and rec["digits_extrapolated"] is None
    assert abs(sympy.N(_value(rec["closed_form"]) - _value(expected), 60)) < 1e-50


def test_eval_finds_with_extrapolation_and_reports_exact_digits(store_path):
    """The zeta(5) formula of the Ramanujan Machine's tests converges like N^-8: at depth 4000 the exact
    convergent has ~29 digits, too few to find a two-constant relation but enough to accept it; the
    extrapolated value finds it, the exact digits report it."""
    import sympy

    result = invoke("cf", "eval", "n^5+(n+1)^5+6(n^3+(n+1)^3)-4(2n+1)", "-n^10", "--depth", "4000",
                    "--constants", "zeta3,zeta5", "--json", "--store", store_path)
    (rec,) = records(result)
    expected = 2 / (1 - 2 * sympy.zeta(3) + 2 * sympy.zeta(5))
    assert rec["closed_form"] is not None
    assert abs(sympy.N(_value(rec["closed_form"]) - expected, 60)) < 1e-50
    assert rec["verification_class"] == "exact"
    assert 25 <= rec["digits"] <= 35 < rec["digits_extrapolated"]
    assert rec["relation"]["available_digits"] == pytest.approx(rec["digits"], abs=0.01)


def test_eval_extrapolated_only_is_said_so(store_path):
    """1/log 2 = PCF(1, n^2) has 3 exact digits at depth 1000: the relation is accepted on the extrapolated
    digits only, and the record and statement say so (never presented as exactly verified)."""
    result = invoke("cf", "eval", "1", "n^2", "--depth", "1000", "--json", "--store", store_path)
    (rec,) = records(result)
    assert rec["closed_form"] == "1/log(2)"
    assert rec["verification_class"] == "extrapolated" and rec["verification"]["class"] == "extrapolated"
    assert rec["digits"] < 4 and rec["digits_extrapolated"] > 50
    assert "extrapolated" in rec["statement"] and "not exact" in rec["statement"]
