"""SL(n, Z) from the command line (`--generators sl_z`): partial searches only, layers against a plain BFS."""

import json

from click.testing import CliRunner

from bad_input import assert_refused
from cli.main import cli


def _plain_spheres(depth: int) -> list[int]:
    """Sphere sizes of SL(2, Z) for a = [[1,1],[0,1]], b = [[1,0],[1,1]] and inverses, by a Python BFS."""
    gens = [((1, 1), (0, 1)), ((1, -1), (0, 1)), ((1, 0), (1, 1)), ((1, 0), (-1, 1))]

    def mul(x, y):
        return tuple(tuple(sum(x[i][k] * y[k][j] for k in range(2)) for j in range(2)) for i in range(2))

    seen = {((1, 0), (0, 1))}
    layer, sizes = list(seen), [1]
    for _ in range(depth):
        nxt = []
        for m in layer:
            for g in gens:
                v = mul(m, g)
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
        sizes.append(len(nxt))
        layer = nxt
    return sizes


def test_sl2z_first_layers_equal_a_plain_bfs(tmp_path):
    result = CliRunner().invoke(cli, ["cayley", "growth", "--generators", "sl_z", "--n", "2", "--max-depth", "7",
                                      "--json", "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    record = json.loads(next(line for line in result.output.splitlines() if line.startswith("{")))
    assert record["layer_sizes"] == _plain_spheres(7)
    assert record["partial"] and record["verified"]


def test_integer_matrix_groups_refuse_what_cannot_end(tmp_path):
    store = str(tmp_path / "s.sqlite")
    assert_refused(["cayley", "growth", "--generators", "sl_z", "--n", "2", "--store", store], "--max-depth", store)
    assert_refused(["cayley", "growth", "--generators", "sl_z", "--n", "2", "--modulus", "5", "--max-depth", "3",
                    "--store", store], "--modulus 5", store)
