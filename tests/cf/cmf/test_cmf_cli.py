"""``discover cf cmf ...`` through the CLI: list, check, walk (Apery), search, fit, locate; bad input."""

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


def _json_lines(res):
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_list(run_cli):
    res = run_cli("cf", "cmf", "list", "--json")
    assert res.exit_code == 0
    names = {d["name"] for d in _json_lines(res)}
    assert {"e", "pi", "zeta3", "2F1", "3F2"} <= names
    assert all(d["source"] for d in _json_lines(res))


def test_check_good_bad_and_malformed(run_cli, tmp_path):
    from discover.cf.cmf.library import get_cmf

    good = tmp_path / "good.json"
    good.write_text(json.dumps(get_cmf("zeta3").to_dict()))
    res = run_cli("cf", "cmf", "check", str(good))
    assert res.exit_code == 0 and "conservative" in res.stdout and "NOT" not in res.stdout
    data = get_cmf("e").to_dict()
    data["matrices"]["y"][1][1] = "x + y + 2"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    res = run_cli("cf", "cmf", "check", str(bad), "--json")
    assert res.exit_code == 1
    out = _json_lines(res)[0]
    assert out["conservative"] is False and out["failures"]
    assert {"axis_i", "axis_j", "row", "col", "residual"} <= set(out["failures"][0])
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    res = run_cli("cf", "cmf", "check", str(broken))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "invalid JSON" in res.stderr


def test_walk_zeta3_diagonal_is_apery(run_cli, store_path):
    res = run_cli("cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "1,1", "--start", "1,1",
                  "--depth", "1000", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    (rec,) = _json_lines(res)
    for field in ("cmf", "trajectory", "start", "closed_form", "digits", "delta", "verified"):
        assert field in rec
    import sympy

    from discover.cf.constants import sympy_locals

    value = sympy.sympify(rec["closed_form"], locals=sympy_locals())
    assert sympy.simplify(value - (1 - sympy.zeta(3)) / sympy.zeta(3)) == 0
    assert rec["verified"] and rec["digits"] > 2000 and 0.07 < rec["delta"] < 0.1
    assert rec["proves_irrationality"] is True
    # the trajectory's PCF is Apery's (shared/reference/pcf_formulas.tsv: 6/zeta(3))
    from reference import reference_rows

    from discover.cf.pcf import PCF

    row = next(r for r in reference_rows("pcf_formulas.tsv") if r[0] == "6/zeta(3)")
    apery = PCF.from_polynomials(row[1], row[2])
    assert PCF.from_polynomials(rec["pcf"]["a"], rec["pcf"]["b"]).canonical() == apery.canonical()


def test_search_pi_small_box(run_cli, store_path):
    res = run_cli("cf", "cmf", "search", "--cmf", "pi", "--max-step", "1", "--depth", "300",
                  "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    recs = _json_lines(res)
    assert recs and all("pi" in r["closed_form"] for r in recs)
    assert {tuple(r["trajectory"]) for r in recs} <= {(1, 0), (0, 1), (1, 1)}


def test_fit_finds_the_zeta3_pair(run_cli, store_path):
    res = run_cli("cf", "cmf", "fit", "--degree", "3", "--coefficient-bound", "2", "--homogeneous",
                  "--constants", "zeta3", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    recs = _json_lines(res)
    assert any(r["library_pair"] == "zeta3" and "zeta(3)" in r["closed_form"] for r in recs)


def test_fit_degree_one_finds_e_and_log2(run_cli, store_path):
    res = run_cli("cf", "cmf", "fit", "--degree", "1", "--coefficient-bound", "1", "--constants", "e,log2",
                  "--workers", "1", "--store", store_path, "--json")
    recs = _json_lines(res)
    consts = {tuple(r["identification"]["constants"]) for r in recs}
    assert ("e",) in consts and ("log2",) in consts


def test_fit_degree_one_bound_two_finds_pi(run_cli, store_path):
    res = run_cli("cf", "cmf", "fit", "--degree", "1", "--coefficient-bound", "2", "--constants", "pi",
                  "--workers", "1", "--store", store_path, "--json")
    recs = _json_lines(res)
    assert any(r["identification"]["constants"] == ["pi"] for r in recs)
    # every linear pair is a member of the published linear family cmf1 (f = c0 + c1 (x + y), fbar = c2 +
    # c3 (x - y)), so none is new, and each record says what it was compared with
    assert all(r["library_family"]["family"] == "cmf1" and r["new"] is False for r in recs)
    assert all(any("parametric" in c for c in r["compared_with"]) for r in recs)
    table = run_cli("cf", "cmf", "fit", "--degree", "1", "--coefficient-bound", "2", "--constants", "pi",
                    "--workers", "1", "--store", store_path)
    assert "cmf1 (c0=" in table.output and "│ new" not in table.output


def test_locate_by_polynomials(run_cli, store_path):
    res = run_cli("cf", "cmf", "locate", "--a", "n+3", "--b", "-n", "--cmf", "e", "--max-step", "1",
                  "--start-max", "1", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    recs = _json_lines(res)
    assert recs and recs[0]["match"] == "exact" and recs[0]["cmf"] == "e"


def test_locate_a_pcf_from_the_store(run_cli, store_path):
    # Apery's PCF stored by the PCF engine (cf.eval), then located by its key on the zeta(3) diagonal
    from discover.cf.eval import engine as eval_engine
    from discover.runner import RunOptions, run_search

    spec = eval_engine.CFEvalSpec("34n^3+51n^2+27n+5", "-n^6", depth=60, constants=("zeta3",))
    summary = run_search(eval_engine.ENGINE, spec, RunOptions(store=store_path, workers=1))
    (stored,) = summary.records
    res = run_cli("cf", "cmf", "locate", "--key", stored.key[:12], "--cmf", "zeta3", "--max-step", "1",
                  "--start-max", "1", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    recs = _json_lines(res)
    assert any(r["match"] == "exact" and r["trajectory"] == [1, 1] for r in recs)
    res = run_cli("cf", "cmf", "locate", "--key", "ffffffff", "--store", store_path)
    assert res.exit_code == 2 and "KEY" in res.stderr


@pytest.mark.parametrize("args,needle", [
    (["walk", "--cmf", "nope", "--trajectory", "1,1"], "unknown CMF"),
    (["walk", "--cmf", "zeta3", "--trajectory", "1,1,1"], "--trajectory"),
    (["walk", "--cmf", "zeta3", "--trajectory", "a,b"], "--trajectory"),
    (["walk", "--cmf", "zeta3", "--trajectory", "0,0"], "--trajectory"),
    (["walk", "--cmf", "zeta3", "--trajectory", "1,1", "--depth", "2"], "--depth"),
    (["search", "--cmf", "pi", "--max-step", "0"], "--max-step"),
    (["fit", "--degree", "9"], "--degree"),
    (["locate", "--a", "n+", "--b", "n"], "a(n)"),
    (["locate"], "--key"),
])
def test_bad_input(run_cli, tmp_path, args, needle):
    store = tmp_path / "s.sqlite"
    res = run_cli("cf", "cmf", *args, "--store", str(store))
    assert res.exit_code == 2, res.output
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("discover: error") and needle in err[0]
    assert "Traceback" not in res.output
    assert not store.exists()


def test_walk_a_user_file(run_cli, tmp_path, store_path):
    toml = tmp_path / "pi.toml"
    toml.write_text('name = "mypi"\naxes = ["x", "y"]\nconstants = ["pi"]\n[matrices]\n'
                    'x = [["x", "-x"], ["-y", "2*x + y + 1"]]\ny = [["1 + y", "-x"], ["-1 - y", "x + 2*y + 1"]]\n')
    res = run_cli("cf", "cmf", "walk", "--file", str(toml), "--trajectory", "1,1", "--start", "1,0",
                  "--depth", "300", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    (rec,) = _json_lines(res)
    import sympy

    from discover.cf.constants import sympy_locals

    assert rec["cmf"] == "mypi"
    assert sympy.simplify(sympy.sympify(rec["closed_form"], locals=sympy_locals()) - (2 - sympy.pi) / 2) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(toml.read_text().replace("x + 2*y + 1", "x + 2*y + 2"))
    res = run_cli("cf", "cmf", "walk", "--file", str(bad), "--trajectory", "1,1", "--start", "1,0",
                  "--store", str(tmp_path / "none.sqlite"))
    assert res.exit_code == 2 and "not conservative" in res.stderr
    assert not (tmp_path / "none.sqlite").exists()
