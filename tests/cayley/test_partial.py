"""Partial searches (--max-depth, --max-layer-size): the first layers of groups too large to search whole,
against mathematics (Mahonian numbers, the 3x3x3 cube's published layers) and a plain depth-limited BFS."""

import dataclasses
import json
import math

import pytest
from click.testing import CliRunner

from cayley_reference import mahonian, python_growth
from cli.main import cli
from discover.cayley.bfs import growth
from discover.cayley.families import build_family
from discover.store import Store


def mahonian_prefix(n, depth):
    return mahonian(n)[:depth + 1]


def plain_layers(graph, depth):
    return python_growth(graph, depth)[0]


def run(*args, store=":memory:"):
    result = CliRunner().invoke(cli, ["cayley", "growth", *args, "--json", "--workers", "1", "--store", store],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.splitlines()[0])


def test_coxeter_20_first_8_layers_are_mahonian(tmp_path):
    store = str(tmp_path / "s.sqlite")
    rec = run("--generators", "coxeter", "--n", "20", "--max-depth", "8", store=store)
    assert rec["layer_sizes"] == mahonian_prefix(20, 8)
    assert rec["partial"] is True and rec["stopped_by"] == "max_depth" and rec["verified"] is True
    assert rec["diameter"] is None and rec["order"] is None and rec["depth"] == 8
    assert rec["verification"]["layers_checked"] >= 5  # re-counted by the plain enumeration as far as it goes
    with Store(store) as s:
        assert s.count() == 1


def test_rubiks_cube_htm_first_layers():
    rec = run("--generators", "cube_3x3x3_htm", "--max-depth", "3")
    assert rec["layer_sizes"] == [1, 18, 243, 3240]  # Rokicki et al.; OEIS A080601
    assert rec["verified"] and rec["verification"]["layers_checked"] == 3


def test_lrx_40_first_6_layers():
    rec = run("--generators", "lrx", "--n", "40", "--max-depth", "6")
    assert rec["layer_sizes"] == plain_layers(build_family("lrx", 40), 6)


def test_max_layer_size_stops_before_a_large_layer():
    graph = build_family("coxeter", 7)
    full = python_growth(graph)[0]
    got = growth(graph, max_layer_size=300)
    cut = next(i for i, s in enumerate(full) if s > 300)
    assert got.layer_sizes == full[:cut] and got.stopped_by == "max_layer_size"


def test_a_search_that_ends_before_its_limit_is_complete():
    rec = run("--generators", "coxeter", "--n", "4", "--max-depth", "50")
    assert rec["partial"] is False and rec["order"] == 24 and rec["diameter"] == 6


def test_partial_and_full_are_different_records():
    a = run("--generators", "coxeter", "--n", "5", "--max-depth", "3")
    b = run("--generators", "coxeter", "--n", "5")
    assert a["key"] != b["key"] and a["layer_sizes"] == b["layer_sizes"][:4]


def test_layers_keeps_the_chosen_layers():
    rec = run("--generators", "coxeter", "--n", "4", "--layers", "0,1,6")
    assert rec["layers"]["0"] == ["[1 2 3 4]"] and len(rec["layers"]["1"]) == 3 and rec["layers"]["6"] == ["[4 3 2 1]"]


def test_the_memory_limit_stops_a_partial_search():
    got = growth(build_family("coxeter", 12), max_depth=40, memory_limit=4 << 20)
    assert got.stopped_by == "memory" and got.layer_sizes == mahonian_prefix(12, len(got.layer_sizes) - 1)


@pytest.mark.slow
def test_megaminx_first_5_layers():
    rec = run("--generators", "megaminx", "--max-depth", "4")
    assert rec["layer_sizes"] == plain_layers(build_family("megaminx", None), 4)


def python_rank(p):
    """Lehmer rank by its definition: sum of (values after position j smaller than p[j]) * (n-1-j)!."""
    n = len(p)
    return sum(sum(1 for x in p[j + 1:] if x < p[j]) * math.factorial(n - 1 - j) for j in range(n))


def test_rank_keys_of_neighbours_are_the_lehmer_ranks_of_the_products():
    import random

    import numpy as np

    from discover.cayley.frontier import Frontier
    graph = build_family("lrx", 9)  # generators moving every position, and one moving two (the window)
    search = Frontier(graph)
    assert search.ranked and search.nwords == 1
    rng = random.Random(5)
    states = [tuple(rng.sample(range(9), 9)) for _ in range(40)]
    keys = search.neighbours(np.array(states))
    want = [python_rank(tuple(s[j] for j in g)) for s in states for g in graph.generators]
    assert [int(k) for k in keys[:, 0]] == want
    assert [tuple(int(v) for v in row) for row in search.unpack(search.pack(states))] == states


def test_rank_keys_and_packed_keys_give_the_same_layers():
    # a start with repeated letters (a Schreier coset graph) is packed; a permutation start is ranked
    graph = build_family("coxeter", 9)
    ranked = growth(graph, max_depth=40)
    assert ranked.layer_sizes == mahonian(9)
    coset = dataclasses.replace(graph, start=(0, 0, 1, 1, 2, 2, 3, 3, 4), group_order_hint=None)
    packed = growth(coset, max_depth=40)
    assert sum(packed.layer_sizes) == math.factorial(9) // 2 ** 4  # the orbit: words with these letters
    assert packed.layer_sizes == python_growth(coset)[0]
