"""Vertex-turning puzzles built from their geometry: the dino cube and the starminx, against known
mathematics (group orders from the literature and from the structure of the moves, by Schreier-Sims),
a plain breadth-first search, and CayleyPy's published layer counts."""

import json
import math

import pytest
from click.testing import CliRunner

from cayley_reference import python_growth
from cli.main import cli
from discover.cayley import perms as P
from discover.cayley import puzzles as Z
from discover.cayley.families import build_family
from discover.cayley.verify import PermAction, schreier_sims_order





def _cycles(g):
    """Lengths of the non-trivial cycles of g (from its cycle notation)."""
    return [len(c.split()) for c in P.to_cycles(g).strip("()").split(")(") if c]


def test_dino_moves_are_two_3_cycles_of_stickers_and_the_group_is_a12_on_the_edges():
    gens, names = Z.dino()
    assert len(gens) == 16 and len(gens[0]) == 24
    for g in gens:
        assert sorted(_cycles(g)) == [3, 3]  # three edge pieces, two stickers each
    # Jaap's Puzzle Page: the dino cube has 12!/2 positions (edge pieces, orientation fixed by place)
    assert schreier_sims_order(PermAction(24), gens) == math.factorial(12) // 2


@pytest.mark.slow
def test_starminx_group_order_from_the_structure_of_its_moves():
    gens, _ = Z.starminx()
    assert len(gens) == 40 and len(gens[0]) == 120
    for g in gens:
        assert sorted(_cycles(g)) == [3, 3, 3]  # the corner twisted in place and three edges
    # 30 edge pieces under 3-cycles (A_30), their flips with an even total (2^29), and the 20 corners
    # twisted in place independently (3^20): every turn's corner part is a twist of its own vertex
    expected = math.factorial(30) // 2 * 2 ** 29 * 3 ** 20
    assert schreier_sims_order(PermAction(120), gens) == expected


def test_first_layers_against_plain_bfs_and_cayleypy_data():
    # CayleyPy 0.2.0, data/puzzles_growth.csv (computed from Rokicki's PuzzleGeometry move tables)
    published = {"dino": [1, 16, 160, 1408, 11712], "starminx": [1, 40, 880, 14400]}
    for name, layers in published.items():
        depth = len(layers) - 1
        assert python_growth(build_family(name, None), 2)[0] == layers[:3]
        result = CliRunner().invoke(cli, ["cayley", "growth", "--generators", name, "--max-depth", str(depth),
                                          "--store", ":memory:", "--json", "--workers", "1"])
        assert result.exit_code == 0, result.output
        rec = json.loads(result.stdout.splitlines()[0])
        assert rec["layer_sizes"] == layers and rec["partial"] and rec["verified"]


def test_starminx_corners_move_with_one_vertex_and_edges_with_two():
    gens, _ = Z.starminx()
    movers = [sum(1 for g in gens[::2] if g[i] != i) for i in range(120)]  # one direction per vertex
    # 20 corners x 3 stickers turned by their own vertex only; 30 edges x 2 stickers by both endpoints
    assert movers.count(1) == 60 and movers.count(2) == 60
