"""Before a search: the engine chosen, the memory estimated, and refusals that need no kernel."""

import math

import pytest

from discover.cayley.bfs import growth
from discover.cayley.families import build_family
from discover.cayley.graph import perm_graph
from discover.cayley.plan import bitmap_bytes, bitmap_layout, check_engine, check_memory, choose_engine, \
    estimate_memory
from discover.errors import InputError


def test_bitmap_layout_follows_the_memory_limit():
    """With room for the per-worker records the faster layout is used; with only n!/4 bytes to spare,
    the 2-bit one, and ``growth`` gives the same answer either way."""
    n = 8
    assert bitmap_layout(n, 2, limit=1 << 30) == "records"
    tight = bitmap_bytes(n, "shared") + (1 << 20)
    assert bitmap_layout(n, 2, limit=tight) == "shared"
    graph = build_family("lrx", n)
    roomy = growth(graph, memory_limit=1 << 30)
    assert growth(graph, memory_limit=tight).layer_sizes == roomy.layer_sizes
    assert len(roomy.layer_sizes) - 1 == n * (n - 1) // 2 and sum(roomy.layer_sizes) == math.factorial(n)


def test_choice_follows_density():
    lrx = build_family("lrx", 9)
    assert choose_engine(lrx, math.factorial(9)) == "bitmap"
    small = perm_graph("c", [tuple(list(range(1, 9)) + [0])], 9)  # a 9-cycle: 9 states, not 9!
    assert choose_engine(small, 9) == "frontier"
    coset = perm_graph("w", lrx.generators, 9, start=(0,) * 8 + (1,))
    assert choose_engine(coset, 9) == "frontier"


def test_refusals_before_any_kernel():
    lrx = build_family("lrx", 14)
    need = estimate_memory(lrx, "bitmap")
    assert need == math.factorial(14) // 4 + (1 << 20)
    with pytest.raises(InputError, match="memory limit"):
        check_memory(lrx, "bitmap", limit=need - 1)
    assert check_memory(lrx, "bitmap", limit=need) == need
    with pytest.raises(InputError, match="--engine bitmap"):
        check_engine(build_family("sl2", 2, 7), "bitmap")
    with pytest.raises(InputError, match="n <= 20"):
        check_engine(perm_graph("big", [tuple(range(21))], 21), "bitmap")
