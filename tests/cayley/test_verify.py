"""The independent checks: Schreier-Sims against group orders known from theory, orbit sizes, and the
honest label of a growth whose order cannot be checked."""

import json
import math
from dataclasses import replace

import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.cayley.families import build_family
from discover.cayley.graph import matrix_graph, perm_graph
from discover.cayley.verify import MatrixAction, PermAction, expected_order, schreier_sims_order, verify_growth
from discover.store import Store


def gl_order(k, p):
    return math.prod(p ** k - p ** i for i in range(k))


@pytest.mark.parametrize("family,n,order", [
    ("lrx", 9, math.factorial(9)), ("pancake", 8, math.factorial(8)), ("three_cycles", 7, math.factorial(7) // 2),
    ("burnt_pancake", 5, 2 ** 5 * math.factorial(5)), ("top_spin", 8, math.factorial(8)),
    ("top_spin", 9, math.factorial(9) // 2),  # n odd: the n-cycle and the 4-reversal are even permutations
])
def test_schreier_sims_on_permutation_families(family, n, order):
    graph = build_family(family, n)
    assert schreier_sims_order(PermAction(graph.degree), graph.generators) == order


def test_schreier_sims_on_the_pocket_cube():
    graph = build_family("cube_2x2x2_qtm", None)
    assert schreier_sims_order(PermAction(24), graph.generators) == math.factorial(7) * 3 ** 6


def test_dihedral_and_trivial_groups():
    rotation, reflection = (1, 2, 3, 4, 5, 0), (0, 5, 4, 3, 2, 1)
    assert schreier_sims_order(PermAction(6), [rotation, reflection]) == 12
    assert schreier_sims_order(PermAction(6), [tuple(range(6))]) == 1


@pytest.mark.parametrize("p", [2, 3, 5, 7, 11, 4, 6, 9])
def test_sl2_by_its_action_on_vectors(p):
    """|SL(2, Z/mZ)| = m^3 prod_{q | m} (1 - 1/q^2), composite m included."""
    expected = p ** 3
    for q in {q for q in range(2, p + 1) if p % q == 0 and all(q % r for r in range(2, q))}:
        expected = expected * (q * q - 1) // (q * q)
    assert schreier_sims_order(MatrixAction(2, p), [(1, 1, 0, 1), (1, 0, 1, 1)]) == expected


def test_gl3_mod_5_and_the_cap():
    gens = [(2, 0, 0, 0, 1, 0, 0, 0, 1), (0, 0, 1, 1, 0, 0, 0, 1, 0), (1, 1, 0, 0, 1, 0, 0, 0, 1)]
    assert schreier_sims_order(MatrixAction(3, 5), gens) == gl_order(3, 5)
    assert schreier_sims_order(MatrixAction(3, 5), gens, cap=10 ** 5) is None


def test_orbit_orders():
    coxeter = build_family("coxeter", 6)
    word = perm_graph("w", coxeter.generators, 6, start=(0, 0, 0, 1, 1, 1))
    word = replace(word, group_order_hint=coxeter.group_order_hint)
    assert expected_order(word)[0] == math.comb(6, 3)
    # A_5 on a word with a repeated letter: the same orbit as S_5
    a5 = build_family("three_cycles", 5)
    assert expected_order(perm_graph("a", a5.generators, 5, start=(0, 0, 1, 2, 3)))[0] == 60
    assert expected_order(perm_graph("a", a5.generators, 5, start=(4, 3, 2, 1, 0)))[0] == 60
    # a cyclic group on a word: enumerated
    assert expected_order(perm_graph("c", [(1, 2, 3, 0)], 4, start=(0, 0, 1, 1)))[0] == 4  # 0011 0110 1100 1001
    sl = build_family("sl2", 2, 7)
    assert expected_order(matrix_graph("v", sl.generators, 2, 7, start=(1, 0)))[0] == 48


def test_a_wrong_sum_is_not_verified():
    graph = build_family("lrx", 5)
    ok, check = verify_growth(graph, [1, 3, 6, 10])
    assert not ok and "MISMATCH" in check["order_check"]
    assert verify_growth(graph, [1, 119])[0]


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_user_matrices_are_verified_by_schreier_sims(store_path):
    """SL(2,7) given by two matrices: no closed form, so its order comes from the action on 49 vectors."""
    result = invoke("cayley", "growth", "--matrix", "[[1,1],[0,1]]", "--matrix", "[[1,0],[1,1]]", "--modulus", "7",
                    "--json", "--store", store_path)
    (rec,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert rec["verified"] is True and rec["order"] == 336
    assert rec["verification"]["expected_order"] == 336
    assert "Schreier-Sims" in rec["verification"]["order_check"]


def test_an_unverifiable_growth_is_shown_but_not_stored(store_path):
    """diag(2,1,1) mod 31 (a cyclic group of order 5): its action on 31^3 vectors is beyond the limit,
    so the growth is computed, labelled unverified, and not stored."""
    args = ["cayley", "growth", "--matrix", "[[2,0,0],[0,1,0],[0,0,1]]", "--modulus", "31", "--store", store_path]
    text = invoke(*args)
    assert text.exit_code == 0 and "NOT VERIFIED" in text.stdout and "not stored" in text.stdout
    (rec,) = [json.loads(line) for line in invoke(*args, "--json").stdout.splitlines()]
    assert rec["verified"] is False and rec["layer_sizes"] == [1, 1, 1, 1, 1]
    assert "unverified" in rec["verification"]["order_check"]
    with Store(store_path) as store:
        assert store.count() == 0
