"""The named families: group orders against Schreier-Sims and the group theory of each definition, sticker
puzzles against their known orders and God's numbers, the GAP reader, SL(n, p) and parameters."""

import json
import math

import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.cayley.families import FAMILIES, build_family, family_text
from discover.cayley.gap import parse_gap
from discover.cayley.verify import MatrixAction, PermAction, schreier_sims_order
from discover.errors import InputError

FACT = math.factorial


def ss(graph):
    return schreier_sims_order(PermAction(graph.degree), graph.generators)


@pytest.mark.parametrize("name", [f for f in FAMILIES if FAMILIES[f].kind == "perm" and FAMILIES[f].min_n > 0])
def test_closed_form_orders_agree_with_schreier_sims(name):
    """Every family whose order is stated in closed form: Schreier-Sims finds the same order at two sizes."""
    params = {"consecutive_k_cycles": ":2", "wrapped_k_cycles": ":3", "increasing_k_cycles": ":3",
              "cubic_pancake": ":1", "hungarian_rings": ":2"}.get(name, "")
    for n in (6, 7 if name != "involutive_derangements" else 8):
        graph = build_family(name + params, n)
        if name in ("cube_qtm", "cube_htm", "cube_qstm", "cube_atm") and n > 3:
            continue
        if graph.group_order_hint is not None:
            assert ss(graph) == graph.group_order_hint, (name, n)


@pytest.mark.parametrize("family,n,order", [
    ("consecutive_k_cycles:3", 7, FACT(7) // 2),  # 3-cycles are even and (i i+1 i+2) generate A_n
    ("consecutive_k_cycles:2", 7, FACT(7)),  # the Coxeter generators
    ("consecutive_k_cycles:4", 7, FACT(7)),  # 4-cycles are odd
    ("wrapped_k_cycles:7", 7, 7),  # one n-cycle: the cyclic group
    ("increasing_k_cycles:3", 6, FACT(6) // 2),
    ("rapaport_m1", 7, FACT(7)), ("rapaport_m2", 7, FACT(7)), ("lsl_cycles", 7, FACT(7)),
    ("derangements", 3, 3),  # the two 3-cycles: A_3
    ("derangements", 5, FACT(5)),
    ("involutive_derangements", 6, FACT(6)),
    ("cubic_pancake:3", 8, FACT(8)),
    ("coxeter_d", 5, 2 ** 4 * FACT(5)), ("coxeter_b", 5, 2 ** 5 * FACT(5)),
    ("signed_reversals", 4, 2 ** 4 * FACT(4)),
    ("hungarian_rings:2", 5, FACT(8) // 2),  # 8 beads, two 5-cycles (even permutations): A_8
])
def test_orders_of_families_without_closed_form(family, n, order):
    assert ss(build_family(family, n)) == order


def test_puzzle_orders():
    assert ss(build_family("cube_2x2x2_qtm", None)) == 3_674_160
    assert ss(build_family("cube_2x2x2_htm", None)) == 3_674_160
    assert ss(build_family("cube_3x3x3_htm", None)) == 43_252_003_274_489_856_000
    assert ss(build_family("cube_3x3x3_qtm", None)) == 43_252_003_274_489_856_000
    assert ss(build_family("cube_htm", 3)) == 43_252_003_274_489_856_000
    assert ss(build_family("pyraminx", None)) == 933_120 * 3 ** 4  # 75,582,720 with the tips
    assert ss(build_family("cube_qtm", 2)) == 3_674_160 * 24  # every layer turns: whole-cube rotations too


@pytest.mark.slow
def test_megaminx_order():
    # the megaminx's 100,669,616,553,523,347,122,516,032,313,645,505,168,688,116,411,019,768,627,200,000,000,000
    # positions (Jaap's Puzzle Page): 30!/2 edge permutations x 2^29 edge flips x 20!/2 x 3^19 corners
    assert ss(build_family("megaminx", None)) == FACT(30) // 2 * 2 ** 29 * FACT(20) // 2 * 3 ** 19


def test_cube_moves_have_the_right_shape():
    cube = build_family("cube_3x3x3_htm", None)
    assert cube.degree == 54 and len(cube.generators) == 18
    moved = sorted({sum(1 for i, v in enumerate(g) if i != v) for g in cube.generators})
    assert moved == [20]  # a face turn moves 8 stickers of its face and 12 around it (the centre stays)
    big = build_family("cube_qtm", 5)
    assert big.degree == 150 and len(big.generators) == 3 * 4 * 2  # the middle layer of an odd cube is left out
    mega = build_family("megaminx", None)
    assert mega.degree == 132 and {sum(1 for i, v in enumerate(g) if i != v) for g in mega.generators} == {25}


def _growth(*args):
    result = CliRunner().invoke(cli, ["cayley", "growth", *args, "--json", "--workers", "1", "--store", ":memory:"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.splitlines()[0])


@pytest.mark.slow
@pytest.mark.parametrize("name,diameter,last", [("cube_2x2x2_htm", 11, 2644), ("cube_2x2x2_qtm", 14, 276)])
def test_pocket_cube_gods_numbers(name, diameter, last):
    rec = _growth("--generators", name)
    assert rec["verified"] and rec["order"] == 3_674_160
    assert rec["diameter"] == diameter and rec["last_layer_size"] == last  # OEIS A079762 / A079761


def test_parameters_by_colon_and_by_param():
    assert family_text("lrx", ("k=2",)) == "lrx:2"
    a = _growth("--generators", "lrx:2", "--n", "6")
    b = _growth("--generators", "lrx", "--param", "k=2", "--n", "6")
    # (0 2) and the shifts of 6 points keep even and odd positions in two blocks: S_3 wr C_2, order 72
    assert a["key"] == b["key"] and a["order"] == 72 and a["verified"]
    assert _growth("--generators", "lrx:5", "--n", "6")["order"] == 720  # gcd(5, 6) = 1: S_6
    assert a["key"] != _growth("--generators", "lrx", "--n", "6")["key"]
    assert _growth("--generators", "top_spin", "--param", "k=3", "--n", "5")["order"] == FACT(5)


def test_sl_n_generating_sets():
    sl32 = build_family("sl_fundamental_roots", 3, 2)
    assert sl32.group_order_hint == 168
    assert schreier_sims_order(MatrixAction(3, 2), sl32.generators) == 168
    weyl = build_family("sl_root_weyl", 3, 3)
    assert schreier_sims_order(MatrixAction(3, 3), weyl.generators) == 5616  # |SL(3,3)|
    rec = _growth("--generators", "sl_root_weyl", "--n", "2", "--modulus", "5")
    assert rec["verified"] and rec["order"] == 120  # |SL(2,5)|
    assert _growth("--generators", "heisenberg", "--n", "4", "--modulus", "3")["order"] == 3 ** 5


GAP_S4 = """# S_4 from a transposition and a 4-cycle
M_X:=(1,2);
M_C:=(1,2,
      3,4);   # a statement may span lines
Gen:=[M_X,M_C];
"""


def test_gap_reader(tmp_path):
    gens, names, start = parse_gap(GAP_S4)
    assert names == ["X", "C"] and gens == [(1, 0, 2, 3), (1, 2, 3, 0)] and start is None
    path = tmp_path / "s4.gap"
    path.write_text(GAP_S4)
    rec = _growth("--gap", str(path))
    assert rec["order"] == 24 and rec["verified"]
    _, _, colours = parse_gap(GAP_S4 + "ip:=[[1,2],[3]];\n")
    assert colours == (0, 0, 1, 2)
    (tmp_path / "bad.gap").write_text("M_A:=(1,2);\nM_B:=(1,2)(2,3);\n")
    with pytest.raises(InputError, match="line 2"):
        parse_gap((tmp_path / "bad.gap").read_text())
