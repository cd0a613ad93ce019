"""The N x N x N cube in the quarter slice turn metric (cube_qstm) and the axial turn metric (cube_atm):
group orders against the known cube groups (Schreier-Sims), move counts, and first layers against a
plain breadth-first search."""

from cayley_reference import python_growth
from discover.cayley import puzzles as Z
from discover.cayley.bfs import growth
from discover.cayley.families import build_family
from discover.cayley.verify import PermAction, schreier_sims_order

POCKET = 3_674_160  # 2x2x2 positions with a fixed corner (OEIS A079761 sums to it)
RUBIK = 43_252_003_274_489_856_000  # 3x3x3 positions (Rokicki et al.)


def test_slice_turns_reach_every_position_in_every_orientation():
    # turning every slice moves the whole cube too: the puzzle's positions times its 24 rotations
    for N, positions in ((2, POCKET), (3, RUBIK)):
        for build in (Z.cube_qstm, Z.cube_atm):
            gens, _ = build(N)
            assert schreier_sims_order(PermAction(6 * N * N), gens) == 24 * positions


def test_move_counts_and_first_layer():
    for N in (2, 3, 4):
        qstm, _ = Z.cube_qstm(N)
        atm, _ = Z.cube_atm(N)
        assert len(set(qstm)) == len(qstm) == 6 * N  # 3 axes x N slices x 2 directions
        assert len(set(atm)) == len(atm) == 3 * (3 ** N - 1)  # each slice: stay, or a quarter turn either way
        assert set(qstm) <= set(atm)
    for name in ("cube_3x3x3_atm", "cube_3x3x3_qstm"):
        graph = build_family(name, None)
        assert growth(graph, max_depth=2).layer_sizes == python_growth(graph, 2)[0]


def test_axial_moves_commute_within_an_axis():
    gens, names = Z.cube_atm(3)
    x = [g for g, name in zip(gens, names) if name.startswith("x")]
    a, b = x[0], x[5]
    assert tuple(a[i] for i in b) == tuple(b[i] for i in a)
