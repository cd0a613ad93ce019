"""``cf cmf locate``: a Moebius match is stored only after the independent high-precision re-check."""

from __future__ import annotations

import json
from dataclasses import replace

import mpmath
import pytest
from click.testing import CliRunner

from cli import main
from discover.cf.cmf.library import get_cmf
from discover.cf.cmf.locate.matching import locate
from discover.cf.cmf.locate.verify import recheck_mobius
from discover.cf.pcf import PCF


@pytest.fixture
def run_cli():
    return lambda *args: CliRunner().invoke(main.cli, list(args), catch_exceptions=False)


def test_mobius_matches_are_rechecked_and_say_so(run_cli, store_path):
    # PCF(n+3, n) is not on the e CMF's trajectories itself, but its limit is a Moebius map of theirs.
    res = run_cli("cf", "cmf", "locate", "--a", "n+3", "--b", "n", "--cmf", "e", "--max-step", "1",
                  "--start-max", "1", "--json", "--store", store_path)
    records = [json.loads(line) for line in res.output.splitlines()]
    assert records and all(r["match"] == "mobius" for r in records)
    pcf = PCF.from_polynomials("n+3", "n")
    x = pcf.evaluate(1500)
    for r in records:
        v = r["verification"]
        assert r["verified"] is True
        assert v["recheck_digits"] >= 2 * v["found_digits"]
        assert v["relation_digits"] <= v["recheck_digits"] / 2 + 1
        # the stored relation holds on the two limits computed here, at other depths, to 500 digits
        from discover.cf.cmf.trajectory import walk_limit

        cmf = get_cmf(r["cmf"])
        y = walk_limit(cmf, tuple(r["trajectory"]), tuple(r["start"]), 1500)
        u0, u1, u2, u3 = r["relation"]  # u0 + u1 x + u2 y + u3 x y = 0
        with mpmath.workdps(520):
            assert abs(x.value + (u0 + u2 * y.value) / (u1 + u3 * y.value)) < mpmath.mpf(10) ** -500


def test_a_wrong_relation_fails_the_recheck():
    pcf = PCF.from_polynomials("n+3", "n")
    cmf = get_cmf("e")
    loc = next(loc for loc in locate(pcf.a.coeffs, pcf.b.coeffs, cmfs=[cmf], max_step=1, start_max=1)
               if loc.match == "mobius")
    assert recheck_mobius(pcf, cmf, loc, 300) is not None
    u0, u1, u2, u3 = loc.relation
    assert recheck_mobius(pcf, cmf, replace(loc, relation=(u0 + 1, u1, u2, u3)), 300) is None
