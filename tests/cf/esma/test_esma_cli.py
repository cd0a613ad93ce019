"""``discover cf esma`` through the CLI: records, JSON fields, bad input (one line, exit 2, store untouched)."""

import json

import pytest
from click.testing import CliRunner

import cli.main as main


@pytest.fixture
def run_cli():
    """Invoke ``discover`` as a user would (click's runner on the real root group)."""

    def invoke(*args):
        return CliRunner().invoke(main.cli, list(args), catch_exceptions=False)

    return invoke


def test_esma_json_records(run_cli, store_path):
    res = run_cli("cf", "esma", "--constant", "e", "--mobius-range", "0", "--max-period", "2",
                  "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert lines, res.output
    by_signs = {r["signs"]: r for r in lines}
    rec = by_signs["+"]
    for field in ("engine", "kind", "key", "statement", "verified", "target", "signs", "recurrence", "digits"):
        assert field in rec
    assert rec["engine"] == "cf.esma" and rec["verified"] is True
    assert rec["recurrence"] == [1, 0, 0, -2, 0, 0, 1]
    assert rec["first_terms"][:9] == [2, 1, 2, 1, 1, 4, 1, 1, 6]
    import sympy

    assert sympy.sympify(rec["target"]) == sympy.E
    assert rec["digits"] >= 50


def test_esma_table_and_rejection(run_cli, store_path):
    res = run_cli("cf", "esma", "--constant", "pi", "--mobius-range", "0", "--max-period", "1",
                  "--workers", "1", "--store", store_path)
    assert res.exit_code == 0
    assert "no approved conjecture" in res.stdout


@pytest.mark.parametrize("args,needle", [
    (["--constant", "foo(3"], "constant"),
    (["--constant", "e", "--max-period", "0"], "--max-period"),
    (["--constant", "e", "--terms", "5"], "--terms"),
    (["--constant", "e", "--mobius-range", "9"], "--mobius-range"),
])
def test_esma_bad_input(run_cli, tmp_path, args, needle):
    store = tmp_path / "s.sqlite"
    res = run_cli("cf", "esma", *args, "--store", str(store))
    assert res.exit_code == 2
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("discover: error") and needle in err[0]
    assert "Traceback" not in res.output
    assert not store.exists()


def test_negative_target_is_expanded_with_its_sign(run_cli, store_path):
    """-2/e differs from 2 - 2/e by the integer 2, so its regular expansion has the same tail and the same
    recurrence; it used to be expanded as |-2/e| (mpmath's unsigned mantissa) and never approved."""
    res = run_cli("cf", "esma", "--constant", "-2*exp(-1)", "--mobius-range", "0", "--max-period", "1",
                  "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    plus = [r for r in lines if r["signs"] == "+"]
    assert plus, res.output
    import mpmath

    assert plus[0]["first_terms"][0] == -1  # floor(-2/e) = floor(-0.7357...) = -1
    assert mpmath.mpf(plus[0]["value"]) < 0


def test_signed_ball_contains_the_value():
    import mpmath

    from discover.cf.esma.expansion import _arb_from_mpf

    with mpmath.workdps(60):
        x = -2 / mpmath.e
        ball = _arb_from_mpf(x, 50)
    assert ball.contains(_arb_from_mpf(x, 55)) and ball < 0


@pytest.mark.slow
def test_defaults_finish_within_a_minute(run_cli, store_path):
    """The issue's case: the Bessel ratio with the default Moebius range and sign periods (its negative
    Moebius targets used to fail approval after doubling the depth many times: over 15 minutes)."""
    import time

    start = time.perf_counter()
    res = run_cli("cf", "esma", "--constant", "besseli(1,2)/besseli(0,2)", "--workers", "2", "--store", store_path,
                  "--json")
    assert res.exit_code == 0, res.output
    assert time.perf_counter() - start < 60
    assert [json.loads(line) for line in res.stdout.splitlines()]
