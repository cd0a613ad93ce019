"""Path finding (`cayley solve`): exact words are shortest (their lengths are the BFS distances of a plain
Python BFS), every word takes its state to the start, states outside the group are refused (exit 1)."""

import json
import random

import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.cayley import perms as P
from discover.cayley.families import build_family
from discover.cayley.graph import perm_graph
from discover.cayley.solve import NotInGroup, apply_word, solve


def python_distances(graph):
    """Distance of every state to the start: a plain BFS from the start under the inverse generators."""
    inverses = [P.inverse(g) for g in graph.generators]
    start = tuple(graph.start)
    dist = {start: 0}
    layer = [start]
    while layer:
        nxt = []
        for s in layer:
            for g in inverses:
                t = P.compose(s, g)
                if t not in dist:
                    dist[t] = dist[s] + 1
                    nxt.append(t)
        layer = nxt
    return dist


@pytest.mark.parametrize("family,n", [("pancake", 8), ("lrx", 8), ("lx", 7), ("lrx", 9)])
def test_exact_words_are_shortest(family, n):
    graph = build_family(family, n)
    dist = python_distances(graph)
    rng = random.Random(n)
    states = rng.sample(sorted(dist), 12)
    for state in states:
        out = solve(graph, state, method="exact")
        assert out.optimal and out.method == "meet-in-the-middle"
        assert apply_word(graph, state, out.word) == graph.start
        assert out.length == dist[state]


def test_beam_words_are_never_shorter_than_the_distance():
    graph = build_family("pancake", 8)
    dist = python_distances(graph)
    rng = random.Random(3)
    for state in rng.sample(sorted(dist), 6):
        out = solve(graph, state, method="beam", beam_width=64, ball_states=50)
        assert apply_word(graph, state, out.word) == graph.start
        assert out.lower_bound <= dist[state] <= out.length
        assert out.length == dist[state] or not out.optimal


@pytest.mark.parametrize("family,heuristic", [("lrx", "cyclic"), ("lrx", "patterns"), ("coxeter", "hamming")])
def test_beam_heuristics_give_verified_words_no_shorter_than_exact(family, heuristic):
    graph = build_family(family, 9)
    rng = random.Random(9)
    for _ in range(2):
        state = tuple(rng.sample(range(9), 9))
        exact = solve(graph, state, method="exact").length
        out = solve(graph, state, method="beam", beam_width=256, ball_states=100, heuristic=heuristic, family=family)
        assert apply_word(graph, state, out.word) == graph.start
        assert out.lower_bound <= exact <= out.length


def test_user_generators_and_start():
    graph = perm_graph("perms", [P.parse_perm("(1 2)", 6), P.parse_perm("(1 2 3 4 5 6)", 6)], 6)
    dist = python_distances(graph)
    for state in random.Random(1).sample(sorted(dist), 5):
        assert solve(graph, state).length == dist[state]
    assert solve(graph, graph.start).length == 0


def test_not_in_the_group():
    graph = build_family("three_cycles", 5)  # A_5: a transposition is not in it
    with pytest.raises(NotInGroup):
        solve(graph, (1, 0, 2, 3, 4))
    graph = perm_graph("perms", [P.parse_perm("(1 2 3)", 5)], 5)  # a 3-cycle group
    with pytest.raises(NotInGroup):
        solve(graph, (0, 1, 2, 4, 3))


def test_cube_scramble_of_20_moves_by_beam_search():
    graph = build_family("cube_3x3x3_htm", None)
    rng = random.Random(20)
    state = apply_word(graph, graph.start, [rng.randrange(18) for _ in range(20)])
    out = solve(graph, state, beam_width=1024, ball_states=20_000, max_steps=300)
    assert out.method == "beam" and not out.optimal
    assert apply_word(graph, state, out.word) == graph.start


def test_cli_solve_json_and_states_file(tmp_path):
    path = tmp_path / "states.txt"
    path.write_text("# two states\n[2 1 3 4 5]\n\n(1 5 4)\n")
    result = CliRunner().invoke(cli, ["cayley", "solve", "--generators", "pancake", "--n", "5", "--states", str(path),
                                      "--state", "word:r3 r5", "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 3  # --state first, then the file's
    assert records[0]["length"] == 2  # r3 r5 is a word of length 2 and no single reversal does it
    assert records[1]["state"] == "[2 1 3 4 5]" and records[1]["length"] == 1 and records[1]["optimal"]
    assert records[1]["word"] == ["r2"]
    assert all(r["verified"] and r["kind"] == "path" for r in records)


def test_cli_not_in_group_exit_1():
    result = CliRunner().invoke(cli, ["cayley", "solve", "--generators", "three_cycles", "--n", "5",
                                      "--state", "[2 1 3 4 5]"])
    assert result.exit_code == 1
