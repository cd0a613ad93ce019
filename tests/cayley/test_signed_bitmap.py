"""The signed bitmap (B_n at 2 bits per element) against known mathematics: the ranking is a bijection,
the growth equals the frontier engine's and a plain Python BFS, the layers sum to 2^n n!, burnt pancake
diameters (OEIS A078941), the Poincare polynomials of B_n and D_n, and the planner's choice and refusals."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest

from discover.cayley.bfs import growth
from discover.cayley.families import build_family
from discover.cayley.graph import perm_graph
from discover.cayley.plan import (MAX_SIGNED_N, check_engine, check_memory, choose_engine, estimate_memory,
                                  signed_bitmap_bytes)
from discover.cayley.verify import expected_order
from discover.errors import InputError

from cayley_reference import python_growth, q_product

BURNT_PANCAKE_DIAMETERS = [1, 4, 6, 8, 10, 12, 14, 15]  # n = 1..8 (OEIS A078941)


def b_order(n):
    return 2 ** n * math.factorial(n)


def signed_state(values, signs, n):
    """The 2n-side state of the signed permutation with elements ``values`` and sign bits ``signs``."""
    top = [v + n * s for v, s in zip(values, signs)]
    return top + [v + n * (1 - s) for v, s in zip(values, signs)]


def all_signed(n):
    for values in itertools.permutations(range(n)):
        for signs in itertools.product((0, 1), repeat=n):
            yield signed_state(values, signs, n)


# ---------------------------------------------------------------------------- ranking
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_signed_rank_is_a_bijection(n):
    from discover.cayley.signed_kernels import rank_signed, unrank_signed

    fact = np.array([math.factorial(i) for i in range(n + 1)], dtype=np.int64)
    states = np.array(list(all_signed(n)), dtype=np.int64)
    ranks = rank_signed(states, n, fact)
    assert sorted(ranks.tolist()) == list(range(b_order(n)))
    assert ranks[0] == 0  # the identity (all values in place, face up)
    assert (unrank_signed(ranks, n, fact) == states).all()


def test_signed_rank_round_trip_at_the_limit():
    from discover.cayley.signed_kernels import rank_signed, unrank_signed

    n = MAX_SIGNED_N
    fact = np.array([math.factorial(i) for i in range(n + 1)], dtype=np.int64)
    rng = np.random.default_rng(5)
    states = np.array([signed_state(rng.permutation(n), rng.integers(0, 2, n), n) for _ in range(200)])
    ranks = rank_signed(states, n, fact)
    assert (ranks >= 0).all() and (ranks < b_order(n)).all()
    assert (unrank_signed(ranks, n, fact) == states).all()
    top = signed_state(range(n - 1, -1, -1), [1] * n, n)  # the largest rank
    assert rank_signed(np.array([top]), n, fact)[0] == b_order(n) - 1


def test_sign_tables_act_as_the_generators():
    """The sign bits of p[g], computed from the state itself, equal SA[g, low] ^ SB[g, high]."""
    from discover.cayley.signed_bitmap import sign_tables, split_generators

    n = 7
    graph = build_family("signed_reversals", n)
    unsigned, flips = split_generators(graph)
    SA, SB, h = sign_tables(unsigned, flips)
    rng = np.random.default_rng(1)
    for _ in range(50):
        p = signed_state(rng.permutation(n), rng.integers(0, 2, n), n)
        s = sum(1 << i for i in range(n) if p[i] >= n)
        for g, gen in enumerate(graph.generators):
            q = [p[gen[i]] for i in range(2 * n)]
            assert [v % n for v in q[:n]] == [p[unsigned[g, i]] % n for i in range(n)]
            assert sum(1 << i for i in range(n) if q[i] >= n) == SA[g, s & ((1 << h) - 1)] ^ SB[g, s >> h]


# ---------------------------------------------------------------------------- growth
def signed_cases(top):
    return [(name, n) for name in ("burnt_pancake", "signed_reversals") for n in range(1, top + 1)]


@pytest.mark.parametrize("name,n", signed_cases(7))
def test_bitmap_equals_frontier(name, n):
    graph = build_family(name, n)
    assert graph.signed_size == n
    bitmap = growth(graph, engine="bitmap", last_layer_limit=1000)
    frontier = growth(graph, engine="frontier", last_layer_limit=1000)
    assert bitmap.layer_sizes == frontier.layer_sizes
    assert sorted(bitmap.last_layer) == sorted(frontier.last_layer)
    assert bitmap.order == b_order(n) == expected_order(graph)[0]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["burnt_pancake", "signed_reversals"])
def test_bitmap_equals_frontier_at_8(name):
    graph = build_family(name, 8)
    bitmap = growth(graph, engine="bitmap")
    assert bitmap.layer_sizes == growth(graph, engine="frontier").layer_sizes
    assert bitmap.order == b_order(8)


@pytest.mark.parametrize("n", range(1, 9))
def test_burnt_pancake_diameters(n):
    graph = build_family("burnt_pancake", n)
    g = growth(graph, order=expected_order(graph)[0])
    assert g.engine == "bitmap"
    assert g.diameter == BURNT_PANCAKE_DIAMETERS[n - 1] and g.order == b_order(n)


@pytest.mark.parametrize("n", range(2, 9))
def test_coxeter_b_is_the_poincare_polynomial(n):
    """The length function of B_n in its simple reflections: prod_{i=1..n} [2i]_q (Bjorner-Brenti 7.1)."""
    assert growth(build_family("coxeter_b", n)).layer_sizes == q_product([2 * i for i in range(1, n + 1)])


@pytest.mark.parametrize("n", range(2, 8))
def test_coxeter_d_subgroup_in_the_signed_bitmap(n):
    """D_n (index 2 in B_n) in the same array: [n]_q prod_{i=1..n-1} [2i]_q, summing to 2^(n-1) n!."""
    g = growth(build_family("coxeter_d", n), engine="bitmap")
    assert g.layer_sizes == q_product([n] + [2 * i for i in range(1, n)])
    assert g.order == b_order(n) // 2


def test_directed_signed_generators_match_python():
    """A directed generating set of B_5 (cyclic shift, turn the first over, swap the first two), and
    the same set on relabelled sides: the growth and the last layer of a plain BFS."""
    n = 5
    shift = [(i + 1) % n for i in range(n)]
    shift = tuple(shift + [v + n for v in shift])
    turn = tuple([n] + list(range(1, n)) + [0] + list(range(n + 1, 2 * n)))
    swap = tuple([1, 0] + list(range(2, n)) + [n + 1, n] + list(range(n + 2, 2 * n)))
    graph = perm_graph("b5", [shift, turn, swap], 2 * n)
    assert graph.signed_size == n and not graph.undirected
    sizes, last = python_growth(graph)
    got = growth(graph, engine="bitmap", last_layer_limit=10 ** 4)
    assert got.layer_sizes == sizes and sorted(got.last_layer) == last and got.order == b_order(n)
    relabelled = perm_graph("b5", graph.generators, 2 * n, start=tuple(range(10, 0, -1)))
    sizes, last = python_growth(relabelled)
    got = growth(relabelled, engine="bitmap", last_layer_limit=10 ** 4)
    assert got.layer_sizes == sizes and sorted(got.last_layer) == last


def test_two_workers_agree_with_one():
    import numba

    graph = build_family("signed_reversals", 7)
    one = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        single = growth(graph, engine="bitmap")
        numba.set_num_threads(min(2, numba.config.NUMBA_NUM_THREADS))
        assert growth(graph, engine="bitmap").layer_sizes == single.layer_sizes
    finally:
        numba.set_num_threads(one)


# ---------------------------------------------------------------------------- the planner
def test_plan_chooses_the_signed_bitmap_for_b_n():
    for name in ("burnt_pancake", "signed_reversals", "coxeter_b"):
        graph = build_family(name, 10)
        order, how = expected_order(graph)
        assert order == b_order(10)
        assert choose_engine(graph, order) == "bitmap"
    graph = build_family("burnt_pancake", 10)
    need = estimate_memory(graph, "bitmap", b_order(10))
    assert need == b_order(10) // 4 + (1 << 20) == signed_bitmap_bytes(10) + (1 << 20)  # about 0.93 GB
    assert check_memory(graph, "bitmap", limit=3 << 30, order=b_order(10)) == need
    with pytest.raises(InputError, match="B_10"):
        check_memory(graph, "bitmap", limit=need - 1, order=b_order(10))
    d_n = build_family("coxeter_d", 10)  # D_10, of index 2: the same array, its own order in the message
    assert choose_engine(d_n, expected_order(d_n)[0]) == "bitmap"
    with pytest.raises(InputError, match=f"{b_order(10) // 2:,} states, in a bitmap over the {b_order(10):,}"):
        check_memory(d_n, "bitmap", limit=need - 1, order=b_order(10) // 2)


def test_plan_refuses_signed_ranks_beyond_the_limit():
    graph = build_family("burnt_pancake", MAX_SIGNED_N + 1)
    assert choose_engine(graph, b_order(MAX_SIGNED_N + 1)) == "frontier"
    with pytest.raises(InputError, match=f"n <= {MAX_SIGNED_N}"):
        check_engine(graph, "bitmap")
    check_engine(build_family("burnt_pancake", MAX_SIGNED_N), "bitmap")


def test_an_unsigned_set_on_2n_points_is_not_signed():
    assert build_family("lrx", 6).signed_size is None
    assert build_family("pancake", 6).signed_size is None
    signed_word = perm_graph("w", build_family("coxeter_b", 3).generators, 6, start=(0, 0, 1, 1, 2, 2))
    assert signed_word.signed_size is None  # a coset graph: the orbit is not the group


def test_cli_runs_the_signed_bitmap(store_path):
    from click.testing import CliRunner

    from cli.main import cli

    result = CliRunner().invoke(cli, ["cayley", "growth", "--generators", "burnt_pancake", "--n", "6", "--json",
                                      "--store", store_path], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert rec["bfs_engine"] == "bitmap" and rec["verified"] is True
    assert rec["diameter"] == BURNT_PANCAKE_DIAMETERS[5] and rec["order"] == b_order(6)
    assert rec["last_layer"] == ["[-1 -2 -3 -4 -5 -6]"]  # the whole stack turned over, as the frontier finds
