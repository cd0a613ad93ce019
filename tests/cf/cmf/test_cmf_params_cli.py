"""``discover cf cmf`` with parameters, hypergeometric families, --end and transforms, through the CLI;
and the bad inputs of issue 20 (an undeclared symbol, a pole on the walk, ...) through assert_refused."""

import json

import pytest
from click.testing import CliRunner

import cli.main as main
from bad_input import assert_refused, run_cli


def _invoke(*args):
    return CliRunner().invoke(main.cli, list(args), catch_exceptions=False)


def _lines(res):
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_parametric_walk_is_apery(store_path):
    res = _invoke("cf", "cmf", "walk", "--cmf", "cmf3_2", "--param", "c0=0,c1=1", "--trajectory", "1,1", "--start",
                  "1,1", "--depth", "400", "--constants", "zeta3", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    (rec,) = _lines(res)
    assert rec["parameters"] == {"c0": "0", "c1": "1"} and "zeta(3)" in rec["closed_form"] and rec["delta"] > 0


def test_parameter_grid_runs_one_shard_per_point(store_path):
    res = _invoke("cf", "cmf", "search", "--cmf", "cmf1", "--param", "c0=1,c1=1..2,c2=0,c3=1", "--max-step", "1",
                  "--start-max", "1", "--depth", "200", "--constants", "e,pi", "--min-digits", "10", "--workers", "1",
                  "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stderr.strip().splitlines()[-1]) if res.stderr.strip().startswith("{") else None
    recs = _lines(res)
    assert {r["parameters"]["c1"] for r in recs} <= {"1", "2"}
    assert summary is None or summary.get("shards", 6) == 6


def test_pfq_walk_at_z_1_stores_zeta2(store_path):
    res = _invoke("cf", "cmf", "walk", "--cmf", "pFq:3,2,1", "--trajectory", "1,1,1,2,2", "--start", "1,1,1,2,4",
                  "--depth", "300", "--constants", "zeta2", "--workers", "1", "--store", store_path, "--json")
    assert res.exit_code == 0, res.output
    (rec,) = _lines(res)
    assert "zeta(2)" in rec["closed_form"] and rec["hypergeometric"]["agreement_digits"] >= 55
    assert rec["hypergeometric"]["function"] == "3F2(1, 1, 1; 2, 4; 1)"


def test_end_prints_the_exact_product():
    res = _invoke("cf", "cmf", "walk", "--cmf", "e", "--trajectory", "1,0", "--start", "0,0", "--end", "3,0", "--json")
    assert res.exit_code == 0, res.output
    (out,) = _lines(res)
    # Mx = [[1, -y-1], [-1, x+y+2]] at y = 0: the product Mx(0) Mx(1) Mx(2), computed here by hand
    import sympy

    x = sympy.Symbol("x")
    M = sympy.Matrix([[1, -1], [-1, x + 2]])
    W = M.subs(x, 0) * M.subs(x, 1) * M.subs(x, 2)
    assert sympy.Rational(out["ratio"]) == W[0, 1] / W[1, 1] and out["steps"] == 3


def test_transform_dual_round_trip(tmp_path):
    out = tmp_path / "dual.json"
    res = _invoke("cf", "cmf", "transform", "--cmf", "cmf1", "--dual", "--output", str(out))
    assert res.exit_code == 0, res.output
    res = _invoke("cf", "cmf", "check", str(out))
    assert res.exit_code == 0 and "for all values of c0, c1, c2, c3" in res.stdout


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cmf-bad") / "store.sqlite")
    code, out, err, _ = run_cli(["cf", "cmf", "walk", "--cmf", "e", "--trajectory", "1,1", "--start", "0,0",
                                 "--depth", "50", "--json"], store=path)
    assert code == 0, err
    return path


def _file(tmp_path, data, name="field.json"):
    p = tmp_path / name
    p.write_text(json.dumps(data))
    return str(p)


POLE = {"name": "pole", "axes": ["x", "y"], "parameters": ["c0"],
        "matrices": {"x": [["1", "0"], ["0", "(x + 1)/(x - c0)"]], "y": [["1", "0"], ["0", "1"]]}, "constants": ["e"]}


def test_bad_inputs(store, tmp_path):
    undeclared = _file(tmp_path, {**POLE, "matrices": {"x": [["1", "c7"], ["0", "1"]], "y": [["1", "0"], ["0", "1"]]}},
                       "undeclared.json")
    pole = _file(tmp_path, POLE, "pole.json")
    deep = _file(tmp_path, {**POLE, "matrices": {"x": [["1", "+".join(["x"] * 3000)], ["0", "1"]],
                                                  "y": [["1", "0"], ["0", "1"]]}}, "deep.json")
    cases = [
        (["cf", "cmf", "check", undeclared], "c7"),
        (["cf", "cmf", "check", deep], "nested too deeply"),
        (["cf", "cmf", "walk", "--file", undeclared, "--trajectory", "1,0", "--start", "0,0", "--param", "c0=1"], "c7"),
        (["cf", "cmf", "walk", "--file", pole, "--trajectory", "1,0", "--start", "0,0", "--param", "c0=3"],
         "pole at the point (3, 0)"),
        (["cf", "cmf", "walk", "--file", pole, "--trajectory", "1,0", "--start", "0,0", "--param", "c0=1..2"],
         "entry (2, 2)"),
        (["cf", "cmf", "walk", "--cmf", "cmf1", "--trajectory", "1,1", "--start", "1,1", "--constants", "e"],
         "free parameters"),
        (["cf", "cmf", "walk", "--cmf", "cmf1", "--trajectory", "1,1", "--param", "c9=1", "--start", "1,1"], "c9"),
        (["cf", "cmf", "search", "--cmf", "cmf1", "--param", "c0=1..100000"], "10,000"),
        (["cf", "cmf", "walk", "--cmf", "pFq:2,1,1", "--trajectory", "1,1,1", "--start", "1,1,2"], "rank 1"),
        (["cf", "cmf", "walk", "--cmf", "pFq:9,1,1/2", "--trajectory", "1,1", "--start", "1,1"], "pFq:9,1,1/2"),
        (["cf", "cmf", "walk", "--cmf", "pFq:3,2,1", "--trajectory", "1,1,1,2,2", "--start", "1,1,1,1,2"], "pole"),
        (["cf", "cmf", "walk", "--cmf", "e", "--trajectory", "1,0", "--start", "1/2,0", "--end", "1,0"], "--end"),
        (["cf", "cmf", "transform", "--cmf", "e", "--dual", "--sublattice", "1,1"], "exactly one"),
        (["cf", "cmf", "transform", "--cmf", "e", "--sublattice", "1,1;2,2"], "dependent"),
        (["cf", "cmf", "transform", "--cmf", "e", "--coboundary", "[[1]]"], "2 x 2"),
    ]
    for args, needle in cases:
        assert_refused(args, needle, store)
