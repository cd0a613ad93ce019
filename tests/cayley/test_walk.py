"""Random walks (`cayley walk`): each step is a generator, so a state at step t is at most t moves away."""

import csv
import io
import json

from click.testing import CliRunner

from cli.main import cli
from discover.cayley import perms as P
from discover.cayley.families import build_family
from discover.cayley.solve import solve
from discover.cayley.walks import random_walks


def test_walk_steps_are_generators_and_distances_are_bounded():
    graph = build_family("lrx", 6)
    rows = list(random_walks(graph, 4, 7, seed=5))
    assert len(rows) == 4 * 8
    by_walk = {}
    for w, t, state in rows:
        by_walk.setdefault(w, []).append((t, tuple(int(v) for v in state)))
    for walk in by_walk.values():
        assert walk[0] == (0, graph.start)
        for (t, a), (_, b) in zip(walk, walk[1:]):
            assert any(P.compose(a, g) == b for g in graph.generators)
        for t, s in walk:
            assert solve(graph, s, method="exact").length <= t


def test_cli_walk_csv_and_jsonl():
    result = CliRunner().invoke(cli, ["cayley", "walk", "--generators", "pancake", "--n", "5", "--walks", "3",
                                      "--length", "4", "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert len(table) == 15 and set(table[0]) == {"walk", "step", "state"}
    result = CliRunner().invoke(cli, ["cayley", "walk", "--generators", "pancake", "--n", "5", "--walks", "2",
                                      "--length", "1"])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["step"] for line in lines] == [0, 0, 1, 1]
