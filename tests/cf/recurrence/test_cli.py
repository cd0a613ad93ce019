"""``discover cf recurrence`` through the CLI: limits identified and stored, asymptotics, fold, compose, unfold."""

import json
import math

from bad_input import run_cli


def _json_lines(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_limit_apery_pcf_is_six_over_zeta3_and_stored(tmp_path):
    store = str(tmp_path / "s.sqlite")
    code, out, err, _ = run_cli(["cf", "recurrence", "limit", "1, -(34n^3+51n^2+27n+5), n^6", "--p-initial", "1,5",
                                 "--depth", "200", "--constants", "zeta3", "--json"], store=store)
    assert code == 0, err
    (rec,) = _json_lines(out)
    assert rec["closed_form"] == "6/zeta(3)" and rec["verified"] is True
    assert rec["verification"]["independent_check"]["passed"]
    assert abs(rec["rate"] - 2 * math.log10(17 + 12 * 2 ** 0.5)) < 0.01
    code, out, err, _ = run_cli(["results", "list", "--json"], store=store)
    assert code == 0 and rec["key"] in out


def test_limit_through_columns_and_companion(tmp_path):
    store = str(tmp_path / "s.sqlite")
    code, out, err, _ = run_cli(["cf", "recurrence", "limit", "--companion", "0, -(n-1)^3; n^3, 34n^3-51n^2+27n-5",
                                 "--start", "2", "--depth", "150", "--constant", "zeta3", "--constants", "zeta3",
                                 "--json"], store=store)
    assert code == 0, err
    (rec,) = _json_lines(out)
    assert rec["recurrence"] == "n^3, -34n^3+51n^2-27n+5, n^3-3n^2+3n-1"
    ii = rec["initial_identification"]
    assert ii["constant"] == "zeta3" and ii["relation_digits"] < 10


def test_unidentified_limit_is_shown_not_stored(tmp_path):
    store = str(tmp_path / "s.sqlite")
    code, out, err, _ = run_cli(["cf", "recurrence", "limit", "1, -3n, n^2, 1", "--depth", "100", "--constants",
                                 "pi", "--json"], store=store)
    assert code == 0, err
    (rec,) = _json_lines(out)
    assert rec["verified"] is False and rec["closed_form"] is None


def test_asymptotics_json():
    code, out, err, _ = run_cli(["cf", "recurrence", "asymptotics", "n^3, -(34n^3-51n^2+27n-5), (n-1)^3", "--depth",
                                 "200", "--start", "2", "--json"])
    assert code == 0, err
    data = json.loads(out)
    lams = sorted(float(g["lambda"]) for g in data["growths"])
    assert abs(lams[0] - (17 - 12 * 2 ** 0.5)) < 1e-9 and abs(lams[1] - (17 + 12 * 2 ** 0.5)) < 1e-9
    assert abs(data["measured"]["digits_per_step"] - data["predicted"]["digits_per_step"]) < 0.01


def test_fold_compose_unfold_are_checked():
    code, out, err, _ = run_cli(["cf", "recurrence", "fold", "1, -(2n+1), -n^2", "--step", "2", "--json"])
    assert code == 0, err and json.loads(out)["checked"] is True
    assert json.loads(out)["checked"] is True
    code, out, err, _ = run_cli(["cf", "recurrence", "compose", "1, -n", "n^3, -(34n^3-51n^2+27n-5), (n-1)^3",
                                 "--json"])
    composed = json.loads(out)
    assert code == 0 and composed["checked"] is True and composed["order"] == 3
    code, out, err, _ = run_cli(["cf", "recurrence", "unfold", composed["recurrence"], "--json"])
    assert code == 0, err
    rows = _json_lines(out)
    assert any(r["recurrence B"] == "n^3, -34n^3+51n^2-27n+5, n^3-3n^2+3n-1" and r["d"] == "-n" for r in rows)


def test_undefined_ratio_is_said_not_stored(tmp_path):
    store = str(tmp_path / "s.sqlite")
    code, out, err, _ = run_cli(["cf", "recurrence", "limit", "1, 0, -1", "--depth", "51", "--json"], store=store)
    assert code == 0, err
    (rec,) = _json_lines(out)
    assert rec["verified"] is False and "q(51) = 0" in rec["undefined"]
