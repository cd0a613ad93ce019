"""Growth functions against known mathematics: the reference file, Mahonian and Stirling numbers,
published pancake diameters, group orders, and a pure-Python BFS that the kernels must agree with."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from discover.cayley import perms as P
from discover.cayley.bfs import growth
from discover.cayley.families import FAMILIES, build_family
from discover.cayley.graph import matrix_graph, matrix_mul, perm_graph
from discover.cayley.verify import expected_order

from cayley_reference import mahonian, python_growth

def reference_rows():
    """The rows of the published table (tests/reference.py finds ../shared/reference or the shipped copy)."""
    from reference import reference_rows as table

    return [(name, None if n == "-" else int(n), [int(x) for x in sizes.split(",")])
            for name, n, sizes in table("cayley_growth.tsv")]


# The puzzle rows (the pocket cube: 3,674,160 states of 24 stickers, no ranked bitmap) take 5-9 s each on a slow
# machine: the full sequence runs with -m slow (as do the God's-number tests of test_families.py); the default run
# checks their first 7 layers, a partial search, in test_reference_sequence_prefixes
def _rows(puzzles: bool):
    return [pytest.param(name, n, expected, id=f"{name}-{n}") for name, n, expected in reference_rows()
            if name.startswith("cube_") == puzzles]


@pytest.mark.parametrize("name,n,expected", _rows(False) + [
    pytest.param(*p.values, marks=pytest.mark.slow, id=p.id) for p in _rows(True)])
def test_reference_sequences(name, n, expected):
    assert growth(build_family(name, n)).layer_sizes == expected


@pytest.mark.parametrize("name,n,expected", _rows(True))
def test_reference_sequence_prefixes(name, n, expected):
    assert growth(build_family(name, n), max_depth=6).layer_sizes == expected[:7]


def stirling_first(n):
    """Unsigned Stirling numbers of the first kind c(n, n-k), k = 0..n-1 (recurrence)."""
    c = [[0] * (n + 1) for _ in range(n + 1)]
    c[0][0] = 1
    for m in range(1, n + 1):
        for k in range(1, m + 1):
            c[m][k] = c[m - 1][k - 1] + (m - 1) * c[m - 1][k]
    return [c[n][n - k] for k in range(n)]


@pytest.mark.parametrize("n", range(2, 10))
def test_coxeter_is_mahonian(n):
    assert growth(build_family("coxeter", n)).layer_sizes == mahonian(n)


@pytest.mark.parametrize("n", range(2, 10))
def test_all_transpositions_is_stirling(n):
    assert growth(build_family("all_transpositions", n)).layer_sizes == stirling_first(n)


PANCAKE_DIAMETERS = [1, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16]  # n = 2..14 (OEIS A058986)


@pytest.mark.parametrize("n", range(2, 12))
def test_pancake_diameters(n):
    g = growth(build_family("pancake", n))
    assert g.diameter == PANCAKE_DIAMETERS[n - 2]
    assert g.order == math.factorial(n)


@pytest.mark.parametrize("n", range(4, 10))
def test_lrx_diameter(n):
    g = growth(build_family("lrx", n))
    assert g.diameter == n * (n - 1) // 2 and g.order == math.factorial(n)


# ---------------------------------------------------------------------------- kernels vs Python
REQUIRED = {"consecutive_k_cycles": ":2", "wrapped_k_cycles": ":2", "increasing_k_cycles": ":2",
            "cubic_pancake": ":1", "hungarian_rings": ":1"}  # a value for each family's required parameter
SMALL = [(name + REQUIRED.get(name, ""), n) for name in FAMILIES if FAMILIES[name].kind == "perm"
         and FAMILIES[name].min_n > 0 and name not in ("cube_qtm", "cube_htm", "cube_qstm", "cube_atm")
         for n in sorted({FAMILIES[name].min_n, 5 if name != "involutive_derangements" else 6})]


@pytest.mark.parametrize("name,n", SMALL)
@pytest.mark.parametrize("engine", ["bitmap", "frontier"])
def test_engines_agree_with_python_bfs(name, n, engine):
    graph = build_family(name, n)
    if engine == "bitmap" and not graph.is_regular_start:
        pytest.skip("bitmap is for regular actions")
    if engine == "bitmap" and graph.degree > 9 and graph.signed_size is None:  # B_n: 2^n n! ranks only
        pytest.skip("too large for the bitmap in a unit test")
    sizes, last = python_growth(graph)
    got = growth(graph, engine=engine, last_layer_limit=10**6)
    assert got.layer_sizes == sizes
    assert sorted(got.last_layer) == last
    assert got.order == expected_order(graph)[0]


def test_directed_lx_matches_python():
    graph = build_family("lx", 6)
    assert not graph.undirected
    sizes, last = python_growth(graph)
    for engine in ("bitmap", "frontier"):
        got = growth(graph, engine=engine, last_layer_limit=100)
        assert got.layer_sizes == sizes and sorted(got.last_layer) == last
        assert got.order == 720


def test_binary_strings_coset():
    # binary strings with three ones under adjacent transpositions: the orbit is C(6,3) strings and
    # the distance from 000111 is the number of inversions, so the growth is the Gaussian binomial [6 3]_q
    graph = perm_graph("coset", build_family("coxeter", 6).generators, 6, start=(0, 0, 0, 1, 1, 1))
    g = growth(graph)
    assert g.engine == "frontier"
    assert g.layer_sizes == [1, 1, 2, 3, 3, 3, 3, 2, 1, 1]
    assert g.order == expected_order(graph)[0] == math.comb(6, 3)
    assert g.last_layer == [(1, 1, 1, 0, 0, 0)]


def test_word_start_with_distinct_letters_is_the_group():
    graph = perm_graph("w", build_family("pancake", 6).generators, 6, start=(5, 3, 1, 0, 2, 4))
    a = growth(graph, engine="bitmap", last_layer_limit=100)
    b = growth(graph, engine="frontier", last_layer_limit=100)
    sizes, last = python_growth(graph)
    assert a.layer_sizes == b.layer_sizes == sizes
    assert sorted(a.last_layer) == sorted(b.last_layer) == last


@pytest.mark.parametrize("p", [2, 3, 5, 7])
def test_heisenberg_order_and_python(p):
    graph = build_family("heisenberg", 3, modulus=p)
    g = growth(graph, last_layer_limit=10**6)
    sizes, last = python_growth(graph)
    assert g.layer_sizes == sizes and sorted(g.last_layer) == last
    assert g.order == p**3


@pytest.mark.parametrize("p", [3, 5, 7, 11])
def test_sl2_order(p):
    graph = build_family("sl2", 2, modulus=p)
    assert growth(graph).order == p * (p * p - 1)


def test_unitriangular_order():
    assert growth(build_family("unitriangular", 4, modulus=3)).order == 3**6


def test_matrix_orbit_of_a_vector():
    # SL(2, p) is transitive on the non-zero vectors of (Z/pZ)^2
    base = build_family("sl2", 2, modulus=7)
    graph = matrix_graph("orbit", base.generators, 2, 7, start=(1, 0))
    g = growth(graph)
    assert g.order == 7 * 7 - 1
    assert g.layer_sizes == python_growth(graph)[0]


def test_cube_generators_are_quarter_turns():
    graph = build_family("cube_2x2x2_qtm", None)
    for g in graph.generators:
        # a quarter turn has order 4 and moves 4 corners: 12 stickers
        h = g
        for _ in range(3):
            h = P.compose(h, g)
        assert h == P.identity(24) and sum(1 for i, v in enumerate(g) if i != v) == 12
    assert expected_order(graph)[0] == math.factorial(7) * 3**6


def test_rank_unrank_is_lexicographic():
    from discover.cayley import kernels as K

    n = 6
    fact = np.array([math.factorial(i) for i in range(n + 1)], dtype=np.int64)
    perms = np.array(list(itertools.permutations(range(n))), dtype=np.int64)
    ranks = K.rank_perms(perms, fact)
    assert (ranks == np.arange(math.factorial(n))).all()
    assert (K.unrank_perms(ranks, n, fact) == perms).all()


def test_matrix_helpers():
    from discover.cayley.graph import matrix_inverse

    a = (2, 1, 1, 3)
    assert matrix_mul(a, matrix_inverse(a, 2, 7), 2, 7) == (1, 0, 0, 1)
