"""``cayley mine --over p`` and ``--over k``: fits in the modulus or a family parameter, on cases whose
answer is a theorem, the held-out rule, and the bound report.

Known mathematics used:
* UT_2(Z/pZ) = {[[1, a], [0, 1]]} is Z/pZ, and its generators x = I + E_12, x^-1 are +1 and -1: the Cayley
  graph is the cycle of length p, with layers 1, 2, ..., 2 (and a last layer of 1 when p is even) and
  diameter floor(p/2).
* The k-cycles are even permutations for odd k, so consecutive k-cycles generate at most A_n (n!/2
  elements); for k = 2 they are the Coxeter generators of S_n, whose diameter is n(n-1)/2 (the longest
  element has n(n-1)/2 inversions).
* Stars: diameter floor(3(n-1)/2) (Akers-Krishnamurthy 1989), far below n^2/2 + 4n.
"""

import json
import math

from click.testing import CliRunner

from cli.main import cli
from discover.cayley.engine import MineSpec, fit_spec_from_growth, mine_shards
from discover.cayley.fit import fit_quasi_polynomial
from discover.cayley.verify import bound_holds, check_formula


def mine(store, *args):
    result = CliRunner().invoke(cli, ["cayley", "mine", *args, "--workers", "1", "--json", "--store", store],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def of_kind(records, kind, quantity=None):
    return [r for r in records if r["kind"] == kind and (quantity is None or r["quantity"] == quantity)]


def test_cycle_group_diameter_is_floor_p_over_2(store_path):
    records = mine(store_path, "--generators", "unitriangular", "--n", "2", "--over", "p", "--values", "2..13")
    growth = of_kind(records, "growth")
    assert sorted(r["modulus"] for r in growth) == list(range(2, 14))
    for r in growth:
        p = r["modulus"]
        assert r["layer_sizes"] == [1] + [2] * ((p - 1) // 2) + ([1] if p % 2 == 0 else [])
    (diameter,) = of_kind(records, "conjecture", "diameter")
    assert diameter["variable"] == "p" and diameter["n"] == 2 and diameter["family"] == "unitriangular n=2"
    assert diameter["modulus"] == 2 and diameter["polynomials"] == ["p/2", "p/2 - 1/2"]
    # the formula is floor(p/2) far beyond the computed moduli (re-parsed from its printed form)
    assert check_formula(diameter["polynomials"], 2, 2, range(2, 200), [p // 2 for p in range(2, 200)], "p")
    assert diameter["predicted_count"] == len(diameter["predicted"]) >= 4
    assert min(diameter["verification"]["predicted_per_residue"].values()) >= 2
    assert not set(diameter["predicted"]) & set(diameter["fitted_on"])


def test_odd_primes_only_leave_the_even_class_without_data():
    """Over odd primes floor(p/2) = (p-1)/2 is one polynomial; a period-2 fit would have no data at p even
    and says so (None), and the check refuses a value in a class without a polynomial."""
    primes = [3, 5, 7, 11, 13, 17, 19]
    qp = fit_quasi_polynomial(primes, [p // 2 for p in primes])
    assert qp.modulus == 1 and qp.polynomials("p") == ["p/2 - 1/2"]
    assert check_formula([None, "p/2 - 1/2"], 2, 3, primes, [p // 2 for p in primes], "p")
    assert not check_formula([None, "p/2 - 1/2"], 2, 2, [2] + primes, [1] + [p // 2 for p in primes], "p")
    assert not check_formula([None, None], 2, 3, primes, [p // 2 for p in primes], "p")


def test_one_held_out_value_per_class_gives_no_conjecture(store_path):
    """p = 2..7: each parity class has three values, a line through two predicts only one: too weak, so
    the diameter gets no formula (the rule of at least two held-out values per residue class)."""
    records = mine(store_path, "--generators", "unitriangular", "--n", "2", "--over", "p", "--values", "2..7")
    assert len(of_kind(records, "growth")) == 6
    assert of_kind(records, "conjecture", "diameter") == []


def test_over_k_consecutive_cycles(store_path):
    n = 6
    records = mine(store_path, "--generators", "consecutive_k_cycles", "--inverse-closed", "--n", str(n), "--over",
                   "k", "--values", "2..6")
    growth = {int(r["generators"].split(":")[1]): r for r in of_kind(records, "growth")}
    assert sorted(growth) == [2, 3, 4, 5, 6]
    assert growth[2]["diameter"] == n * (n - 1) // 2  # the Coxeter generators of S_n
    for k, r in growth.items():
        assert sum(r["layer_sizes"]) == r["order"]
        assert r["order"] == (math.factorial(n) // 2 if k % 2 else math.factorial(n)) or k == n
    (bound,) = of_kind(records, "bound")
    assert bound["family"] == f"consecutive_k_cycles inverse-closed n={n}" and bound["variable"] == "k"
    assert bound["largest_diameter"] == max(r["diameter"] for r in growth.values())
    assert bound["holds"] is True  # every diameter of S_6 is below 36/2 + 24


def test_bound_report_over_n_and_over_p(store_path):
    stars = mine(store_path, "--generators", "stars", "--n", "3..7")
    (bound,) = of_kind(stars, "bound")
    assert bound["largest_diameter"] == 3 * (7 - 1) // 2 and bound["at"] == 7 and bound["n"] == 7
    assert bound["holds"] and bound["bound"] == 7 * 7 / 2 + 28
    # the cycle of length p outgrows the S_n bound at n = 2 (10) once floor(p/2) > 10
    cycle = mine(store_path, "--generators", "unitriangular", "--n", "2", "--over", "p", "--values", "19,21,23")
    (bound,) = of_kind(cycle, "bound")
    assert bound["largest_diameter"] == 11 and bound["at"] == 23 and bound["holds"] is False
    assert bound["holds"] == all(bound_holds(2, p // 2) for p in (19, 21, 23))


def test_shards_and_fit_stage_of_a_spec():
    spec = MineSpec(families=("unitriangular", "heisenberg"), sizes=(3,), over="p", values=(2, 3))
    ids = [s.id for s in mine_shards(spec)]
    assert ids == ["unitriangular-3-p2", "heisenberg-3-p2", "unitriangular-3-p3", "heisenberg-3-p3"]
    default = MineSpec(families=("sl2",), over="p", values=(5,))  # the family's own size
    assert [s.params["n"] for s in mine_shards(default)] == [2]
    assert fit_spec_from_growth(spec, []).data == ()
    assert MineSpec.from_dict(spec.to_dict()) == spec


# CayleyPy's published growth of the 3x3 Heisenberg group mod p (cayleypy/data/heisenberg_growth.csv), the
# graph of UT_3(Z/pZ) with x = I + E_12, y = I + E_23 and inverses: two layer lists and, read off the
# lengths of the lists for p = 10..21, the diameters.
PUBLISHED_UT3_LAYERS = {11: [1, 4, 12, 36, 82, 164, 290, 400, 200, 96, 46],
                        13: [1, 4, 12, 36, 82, 164, 294, 472, 548, 264, 164, 104, 52]}
PUBLISHED_UT3_DIAMETERS = {10: 10, 11: 10, 12: 12, 13: 12, 14: 14, 15: 14, 16: 16, 17: 16, 18: 18, 19: 18, 20: 20,
                           21: 20}


def test_ut3_over_p_matches_cayleypy_and_is_linear_in_p(store_path):
    records = mine(store_path, "--generators", "unitriangular", "--n", "3", "--over", "p", "--values", "10..21")
    growth = {r["modulus"]: r for r in of_kind(records, "growth")}
    assert {p: r["diameter"] for p, r in growth.items()} == PUBLISHED_UT3_DIAMETERS
    for p, layers in PUBLISHED_UT3_LAYERS.items():
        assert growth[p]["layer_sizes"] == layers and growth[p]["order"] == p ** 3
    (diameter,) = of_kind(records, "conjecture", "diameter")
    assert diameter["polynomials"] == ["p", "p - 1"] and diameter["modulus"] == 2  # 2 floor(p/2)
    assert min(diameter["verification"]["predicted_per_residue"].values()) >= 2
