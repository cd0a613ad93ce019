"""Random generating sets: both engines agree with the pure-Python BFS, and specs survive a JSON round trip."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from discover.cayley.bfs import _bitmap_growth, growth
from discover.cayley.engine import FitSpec, GrowthSpec
from discover.cayley.graph import perm_graph
from discover.cayley.verify import expected_order

from cayley_reference import python_growth


@st.composite
def generating_sets(draw):
    n = draw(st.integers(2, 6))
    perm = st.permutations(list(range(n)))
    gens = draw(st.lists(perm, min_size=1, max_size=4))
    start = draw(st.one_of(st.none(), st.lists(st.integers(0, 2), min_size=n, max_size=n)))
    return n, [tuple(g) for g in gens], start


@settings(max_examples=40, deadline=None)
@given(generating_sets())
def test_random_generators_both_engines(case):
    n, gens, start = case
    graph = perm_graph("random", gens, n, start=start)
    sizes, last = python_growth(graph)
    engines = ["frontier"] + (["bitmap"] if graph.is_regular_start else [])
    for engine in engines:
        got = growth(graph, engine=engine, last_layer_limit=math.factorial(n))
        assert got.layer_sizes == sizes, engine
        assert sorted(got.last_layer) == last, engine
    order, _ = expected_order(graph)
    if order is not None:
        assert sum(sizes) == order


def test_specs_round_trip():
    spec = GrowthSpec(families=("lrx", "pancake"), sizes=(4, 5, 6), engine="frontier")
    assert GrowthSpec.from_dict(spec.to_dict()) == spec
    spec = GrowthSpec(perms=("(1 2)", "[2,3,1]"), inverse_closed=True, start="aab")
    assert GrowthSpec.from_dict(spec.to_dict()) == spec
    fit = FitSpec(data=(("lrx", "diameter", ((4, 6), (5, 10), (6, 15), (7, 21))),))
    assert FitSpec.from_dict(fit.to_dict()) == fit


@st.composite
def full_group_generators(draw):
    """Generating sets of S_7 or S_8 for the bitmap engine: random permutations, mixed with the shapes
    its rank tables treat specially (rotations, windows inside the prefix, windows across the suffix)."""
    n = draw(st.integers(7, 8))
    identity = list(range(n))
    special = [identity[1:] + identity[:1], identity[-1:] + identity[:-1],
               [1, 0] + identity[2:], identity[:n - 2] + [n - 1, n - 2], identity[::-1]]
    gens = draw(st.lists(st.one_of(st.sampled_from(special), st.permutations(identity)), min_size=1, max_size=3))
    return n, [tuple(g) for g in gens]


@settings(max_examples=12, deadline=None)
@given(full_group_generators())
def test_bitmap_rank_tables_agree_with_python(case):
    n, gens = case
    graph = perm_graph("random", gens, n)
    sizes, last = python_growth(graph)
    for layout in ("records", "shared"):  # per-worker records, and the 2-bit low-memory layout
        got = _bitmap_growth(graph, math.factorial(n), layout=layout)
        assert got.layer_sizes == sizes, layout
        assert sorted(got.last_layer) == last, layout
