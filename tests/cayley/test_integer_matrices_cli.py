"""SL(n, Z) from the command line (`--generators sl_z`): partial searches only, layers against a plain BFS."""

import json

from click.testing import CliRunner

from bad_input import assert_refused
from cli.main import cli
from test_integer_matrices import A, A_INV, B, B_INV, plain_spheres


def test_sl2z_first_layers_equal_a_plain_bfs(tmp_path):
    result = CliRunner().invoke(cli, ["cayley", "growth", "--generators", "sl_z", "--n", "2", "--max-depth", "7",
                                      "--json", "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    record = json.loads(next(line for line in result.output.splitlines() if line.startswith("{")))
    assert record["layer_sizes"] == plain_spheres([A, B, A_INV, B_INV], 2, 7)
    assert record["partial"] and record["verified"]


def test_integer_matrix_groups_refuse_what_cannot_end(tmp_path):
    store = str(tmp_path / "s.sqlite")
    assert_refused(["cayley", "growth", "--generators", "sl_z", "--n", "2", "--store", store], "--max-depth", store)
    assert_refused(["cayley", "growth", "--generators", "sl_z", "--n", "2", "--modulus", "5", "--max-depth", "3",
                    "--store", store], "--modulus 5", store)
