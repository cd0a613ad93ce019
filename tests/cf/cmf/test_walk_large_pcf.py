"""A walk whose equivalent PCF is beyond cf's polynomial limits (degree 64) is stored, its novelty left open."""

import json

from click.testing import CliRunner

from cli.main import cli


def test_a_walk_with_a_huge_equivalent_pcf_is_kept_with_its_novelty_undecided(tmp_path):
    # along (5, 2) the zeta(3) CMF's step matrix gives an equivalent PCF of degree 66 in b(n)
    result = CliRunner().invoke(cli, ["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "5,2", "--start", "1,1",
                                      "--depth", "200", "--workers", "1", "--json",
                                      "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    record = json.loads(next(line for line in result.output.splitlines() if line.startswith("{")))
    assert "zeta(3)" in record["closed_form"]
    assert record["novelty"]["class"] is None
    assert "too large" in record["novelty"]["error"]
