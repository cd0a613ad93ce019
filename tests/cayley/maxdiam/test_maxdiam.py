"""``discover cayley maxdiam`` against brute force: the largest diameter over *every* generating set of the
shape (no canonical forms, no conjugacy), each Cayley graph built and measured by networkx."""

import itertools
import json
import math

import networkx as nx
import pytest
from click.testing import CliRunner

from brute import cayley_graph, involutions
from cli.main import cli
from discover.cayley.maxdiam.engine import MAXDIAM_ENGINE, MaxDiamSpec
from discover.runner import RunOptions, run_search


def cayley_diameter(gens, n):
    """(number of vertices, diameter) of the undirected Cayley graph of <gens>, built by networkx from
    the identity; the diameter of a Cayley graph is the eccentricity of any vertex."""
    graph = cayley_graph(gens, n)
    return graph.number_of_nodes(), nx.eccentricity(graph, v=tuple(range(n)))


def cycle_length(p):
    """The length of the cycle of p through point 0."""
    x, L = p[0], 1
    while x != 0:
        x, L = p[x], L + 1
    return L


def brute_max(n, candidate_sets):
    best = -1
    for gens in candidate_sets:
        order, d = cayley_diameter(gens, n)
        if order == math.factorial(n):
            best = max(best, d)
    return best


def run(shape, sizes, tmp_path, **kw):
    spec = MaxDiamSpec(shape=shape, sizes=sizes, **kw)
    summary = run_search(MAXDIAM_ENGINE, spec, RunOptions(store=str(tmp_path / "s.sqlite"), workers=1))
    return {r.payload["n"]: r for r in summary.records if r.kind == "maximum"}


def test_three_involutions_maximum_equals_brute_force(tmp_path):
    found = run("three-involutions", (4, 5), tmp_path)
    for n in (4, 5):
        assert found[n].payload["max_diameter"] == brute_max(n, itertools.combinations(involutions(n), 3))
        assert found[n].verified and found[n].payload["mode"] == "exhaustive"


def test_involution_and_cycle_maximum_equals_brute_force(tmp_path):
    found = run("involution-cycle", (5,), tmp_path)
    cycles = [p for p in itertools.permutations(range(5)) if cycle_length(p) == 5]
    assert found[5].payload["max_diameter"] == brute_max(5, itertools.product(involutions(5), cycles))


def test_each_maximiser_has_the_stated_growth(tmp_path):
    record = run("three-involutions", (6,), tmp_path)[6]
    for m in record.payload["maximisers"]:
        gens = [tuple(g) for g in m["generators"]]
        order, d = cayley_diameter(gens, 6)
        assert order == sum(m["layer_sizes"]) == 720
        assert d == len(m["layer_sizes"]) - 1 == record.payload["max_diameter"]
    assert sum(record.payload["histogram"].values()) == record.payload["generating"]


def test_sampled_size_says_so(tmp_path):
    record = run("three-involutions", (7,), tmp_path, exhaustive_limit=50, sample=20, seed=1)[7]
    assert record.payload["mode"] == "sampled" and record.payload["examined"] == 20
    assert record.payload["total"] == 268 and record.payload["total_exact"]  # 268 sets at n = 7 (listed)
    assert "sampled, 20 of 268" in record.statement


def test_cli_json(tmp_path):
    result = CliRunner().invoke(cli, ["cayley", "maxdiam", "--n", "4..5", "--shape", "cycle-transposition", "--json",
                                      "--workers", "1", "--store", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    maxima = {r["n"]: r for r in rows if r["kind"] == "maximum"}
    for n in (4, 5):  # n-cycle and a transposition: brute force over every pair
        cycles = [p for p in itertools.permutations(range(n)) if cycle_length(p) == n]
        transpositions = [p for p in involutions(n) if sum(p[i] != i for i in range(n)) == 2]
        assert maxima[n]["max_diameter"] == brute_max(n, itertools.product(cycles, transpositions))


@pytest.mark.slow
def test_whiskers_attain_the_maximum_at_7_and_8(tmp_path):
    found = run("three-involutions", (7, 8), tmp_path)
    for n in (7, 8):
        assert found[n].payload["whiskers"]["attains_maximum"]


def test_drawing_filter_keeps_only_squares_with_whiskers(tmp_path):
    every = run("three-involutions", (7,), tmp_path)[7]
    squares = run("three-involutions", (7,), tmp_path, drawing="square-whiskers")[7]
    assert squares.payload["total"] < every.payload["total"]
    # the n = 7 maximiser is drawn as a square with whiskers, so the restricted maximum is the same
    assert squares.payload["max_diameter"] == every.payload["max_diameter"] == 30
    assert every.payload["whiskers"]["pattern_attains_maximum"]
    assert all(m["drawing"]["kind"] == "square with whiskers" for m in squares.payload["maximisers"])
