"""Growth from several start states (`--start` repeated): layer k is the set of states at distance k from
the nearest start; checked against a plain multi-source BFS over tuples."""

import json

import pytest
from click.testing import CliRunner

from cayley_reference import python_growth
from cli.main import cli
from discover.cayley.bfs import growth
from discover.cayley.engine import GrowthSpec, graph_for
from discover.cayley.verify import verify_growth


@pytest.mark.parametrize("family,n,starts", [
    ("coxeter", 6, ("000111", "111000")),  # one orbit
    ("coxeter", 5, ("00011", "00001", "01111")),  # three orbits
    ("lrx", 6, ("123456", "213456", "654321")),
    ("lx", 5, ("12345", "34512")),  # a directed graph
])
def test_growth_of_a_set_of_starts(family, n, starts):
    spec = GrowthSpec(families=(family,), sizes=(n,), start=starts[0], more_starts=starts[1:])
    graph = graph_for(spec, {"family": family, "n": n})
    result = growth(graph)
    assert result.layer_sizes == python_growth(graph)[0]
    verified, check = verify_growth(graph, result.layer_sizes)
    assert verified, check


def test_cli_several_starts(tmp_path):
    result = CliRunner().invoke(cli, ["cayley", "growth", "--generators", "coxeter", "--n", "4", "--start", "0011",
                                      "--start", "0001", "--json", "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert record["layer_sizes"] == [2, 2, 3, 2, 1] and record["verified"]  # the orbits of sizes 6 and 4
    assert record["starts"] == ["0011", "0001"]
