"""``cf relations``: relations among several constants and their products, against known identities; random
reals and independent constants give none."""

from __future__ import annotations

import json
import random

import mpmath
import pytest

from discover.cf.constants import Constant, parse_constants
from discover.cf.search.relations import RelationsSpec, find_relations
from discover.errors import InputError

# Values computed here with mpmath's own functions (not the registry's FLINT values).
INDEPENDENT = {
    "pi": lambda: mpmath.pi, "zeta2": lambda: mpmath.zeta(2), "log2": lambda: mpmath.log(2),
    "li2_1_2": lambda: mpmath.polylog(2, mpmath.mpf(1) / 2), "log(4)": lambda: mpmath.log(4),
}


def _holds(terms, coefficients, digits=300):
    """sum u * term at ``digits`` digits with mpmath's own values: relative residual."""
    with mpmath.workdps(digits + 20):
        vals = []
        for t in terms:
            v = mpmath.mpf(1)
            if t != "1":
                for f in t.split("*"):
                    v *= INDEPENDENT[f]()
            vals.append(v)
        s = mpmath.fsum(u * v for u, v in zip(coefficients, vals))
        return abs(s) / max(abs(u * v) for u, v in zip(coefficients, vals))


def test_dilogarithm_and_basel_relations():
    """Li2(1/2) = pi^2/12 - log(2)^2/2 (Euler) and pi^2 = 6 zeta(2): both found, among products, and they
    hold to 300 digits with mpmath's own values."""
    found = find_relations(parse_constants("pi,zeta2,log2,li2_1_2"), 60)
    assert len(found) == 2 and all(r.stage == "products" for r in found)
    for rel in found:
        names = ["1" if c is None else c.name for c in rel.basis]
        assert _holds(names, rel.coefficients) < mpmath.mpf(10) ** -290
    sets = {frozenset(zip(["1" if c is None else c.name for c in r.basis], r.coefficients)) for r in found}
    assert frozenset({("pi*pi", 1), ("zeta2", -6)}) in sets
    assert frozenset({("li2_1_2", 2), ("log2*log2", 1), ("zeta2", -1)}) in sets


def test_linear_relation_removes_a_constant_before_products():
    """log 4 = 2 log 2 is linear; after it, log(4) is not used again (no product relation that is only
    a consequence of it, such as log(2) log(4) = 2 log(2)^2)."""
    found = find_relations(parse_constants("log2,log(4),pi"), 60)
    assert [r.stage for r in found] == ["linear"]
    assert sorted(found[0].coefficients) == [-2, 1]


def test_issue_constants_have_no_relation():
    """pi, e, zeta(3), log 2 and Catalan: no integer relation of degree <= 2 is known; none may appear."""
    assert find_relations(parse_constants("pi,e,zeta3,log2,catalan"), 100) == []


def test_random_reals_give_none():
    rng = random.Random(7)
    for _ in range(3):
        consts = [Constant(f"r{i}", "0." + "".join(str(rng.randrange(10)) for _ in range(400))) for i in range(5)]
        assert find_relations(consts, 120) == []


def test_spec_limits():
    with pytest.raises(InputError, match="at least two"):
        RelationsSpec(constants=("pi",))
    with pytest.raises(InputError, match="repeated"):
        RelationsSpec(constants=("pi", "pi"))
    with pytest.raises(InputError, match="at most 8"):
        RelationsSpec(constants=("pi", "e", "zeta3", "log2", "catalan", "zeta5", "log3", "phi", "sqrt2"))
    with pytest.raises(InputError, match="--digits"):
        RelationsSpec(constants=("pi", "e"), digits=501)
    spec = RelationsSpec(constants=("pi", "zeta(3)"), digits=40)
    assert spec.constants == ("pi", "zeta3") and RelationsSpec.from_dict(spec.to_dict()) == spec


def test_cli_table_and_json(tmp_path):
    from click.testing import CliRunner

    from cli.main import cli

    store = str(tmp_path / "s.db")
    res = CliRunner().invoke(cli, ["cf", "relations", "--constants", "pi,zeta2,log2,li2_1_2", "--digits", "60",
                                   "--store", store, "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert len(recs) == 2 and all(r["verified"] and r["kind"] == "relation" for r in recs)
    assert {r["relation"] for r in recs} == {"-6*zeta(2) + pi^2 = 0",
                                             "-zeta(2) + 2*polylog(2, 1/2) + log(2)^2 = 0"}
    assert all(r["agreement_digits"] >= 120 for r in recs)
    res = CliRunner().invoke(cli, ["cf", "relations", "--constants", "pi,e,zeta3", "--no-products", "--store", store])
    assert res.exit_code == 0 and "no relation among pi, e, zeta3 at 60 digits" in res.output
