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


def plain_distances(graph):
    """Distance of every state to the start by a plain BFS from the start under the inverse generators, with
    the graph's own action written out here: matrices multiply rows mod p, permutations relabel."""
    k, p = graph.degree, graph.modulus

    def act(s, g):
        if graph.kind == "perm":
            return tuple(s[i] for i in g)
        return tuple(sum(s[a * k + c] * g[c * k + b] for c in range(k)) % p for a in range(len(s) // k)
                     for b in range(k))

    # the inverse of g: the power g^(m-1) for the order m of g
    inverses = []
    for g in graph.generators:
        one = tuple(range(len(g))) if graph.kind == "perm" else tuple(int(i == j) for i in range(k) for j in range(k))
        prev, power = one, g
        while power != one:
            prev, power = power, act(power, g)
        inverses.append(prev)
    start = tuple(graph.start)
    dist, layer = {start: 0}, [start]
    while layer:
        nxt = []
        for s in layer:
            for h in inverses:
                t = act(s, h)
                if t not in dist:
                    dist[t] = dist[s] + 1
                    nxt.append(t)
        layer = nxt
    return dist


def test_matrix_states_are_solved_in_their_bfs_distance():
    graph = build_family("sl2", 2, 7)
    dist = plain_distances(graph)
    assert len(dist) == 7 * (7 * 7 - 1)  # |SL(2, 7)| = p(p^2 - 1)
    rng = random.Random(7)
    for state in rng.sample(sorted(dist), 10):
        out = solve(graph, state)
        assert out.optimal and out.length == dist[state]
        assert apply_word(graph, state, out.word) == graph.start


def test_matrix_state_not_in_the_group():
    with pytest.raises(NotInGroup):
        solve(build_family("sl2", 2, 7), (3, 0, 0, 1))


def test_solve_through_the_cli_with_a_gap_puzzle_and_a_matrix(tmp_path):
    gap = tmp_path / "p.gap"
    gap.write_text("# two rings\nM_A:=(1,2,3,4);\nM_B:=(4,5,6);\nGen:=[M_A,M_B];\nip:=[[1,2],[5,6]];\n")
    from discover.cayley.gap import parse_gap
    gens, names, colours = parse_gap(gap.read_text())
    graph = perm_graph("gap", gens, 6, start=colours, names=tuple(names))
    dist = plain_distances(graph)
    words = ["A B B A A", "B", "A A B A B B A"]
    for w in words:
        result = CliRunner().invoke(cli, ["cayley", "solve", "--gap", str(gap), "--state", "word:" + w, "--json"])
        assert result.exit_code == 0, result.output
        rec = json.loads(result.stdout)
        state = apply_word(graph, graph.start, [names.index(x) for x in w.split()])
        assert rec["length"] == dist[state] and rec["optimal"]
        assert apply_word(graph, state, [names.index(x) for x in rec["word"]]) == graph.start
    result = CliRunner().invoke(cli, ["cayley", "solve", "--generators", "sl2", "--modulus", "11", "--state",
                                      "[[2,3],[5,8]]", "--json"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    graph = build_family("sl2", 2, 11)
    index = {name: i for i, name in enumerate(graph.generator_names)}
    assert apply_word(graph, (2, 3, 5, 8), [index[x] for x in rec["word"]]) == graph.start
    assert rec["length"] == plain_distances(graph)[(2, 3, 5, 8)]
