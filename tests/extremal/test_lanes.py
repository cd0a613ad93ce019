"""The lane driver (discover/extremal/lanes.py): restart orders and resizing of seed graphs."""

import numpy as np

from discover.extremal.lanes import gives_way, next_start, only_short_starts, resize, start_age_cap


def test_restart_orders():
    """A curriculum lane tries every start once, then a random start and the empty graph (-1) by turns;
    a from-scratch lane takes the held best first, then mostly the empty graph."""
    def order(from_scratch, count=4, attempts=10):
        untried, rng = list(range(count)), np.random.default_rng(0)
        return [next_start(k, untried, count, from_scratch, rng) for k in range(attempts)]

    curriculum = order(False)
    assert curriculum[:4] == [0, 1, 2, 3]
    assert curriculum[5::2] == [-1, -1, -1] and all(0 <= i < 4 for i in curriculum[4::2])
    assert order(True) == [0, -1, -1, 1, -1, -1, 2, -1, -1, 3]


def test_when_a_start_gives_way():
    """A start gives way after ``patience`` seconds without a gain, when still more than two edges below
    the lane's best after half that time, or past its age cap (set for starts from the empty graph with
    the wider walk); a start that keeps gaining and is near the lane's best goes on without a cap."""
    assert gives_way(age=13, idle=12.5, run_edges=229, lane_best=229, patience=12)
    assert not gives_way(age=30, idle=1, run_edges=229, lane_best=229, patience=12)
    assert gives_way(age=6.5, idle=1, run_edges=226, lane_best=229, patience=12)
    assert not gives_way(age=5.5, idle=1, run_edges=226, lane_best=229, patience=12)
    assert not gives_way(age=6.5, idle=1, run_edges=227, lane_best=229, patience=12)
    assert gives_way(age=12.5, idle=0.5, run_edges=229, lane_best=229, patience=12, age_cap=12)
    assert not gives_way(age=11.5, idle=0.5, run_edges=229, lane_best=229, patience=12, age_cap=12)


def test_which_starts_have_an_age_cap():
    """Only a start from the empty graph with the wider re-attachment walk (girth 5) up to AGE_CAP_MAX
    gives way at SHORT_START_AGE (or the patience, if shorter) in all; curriculum starts, larger sizes,
    other problems and the edge-flip walks alone have no age cap."""
    from discover.extremal.lanes import AGE_CAP_MAX, SHORT_START_AGE
    from discover.extremal.problems import get_problem

    c3c4 = get_problem("c3c4")
    assert start_age_cap(c3c4, 64, 12.0, True, True) == SHORT_START_AGE < 12.0
    assert start_age_cap(c3c4, AGE_CAP_MAX, 12.0, True, True) == SHORT_START_AGE
    assert start_age_cap(c3c4, 64, 2.0, True, True) == 2.0
    for args in ((c3c4, 64, 12.0, False, True), (c3c4, AGE_CAP_MAX + 1, 12.0, True, True),
                 (c3c4, 64, 12.0, True, False), (get_problem("c3c4c5"), 40, 12.0, True, True)):
        assert start_age_cap(*args) == float("inf")


def test_how_many_vertices_a_reattachment_move_destroys():
    """At most two in a start from the empty graph with the wider walk (girth 5) up to AGE_CAP_MAX; at most
    four from a given graph, past AGE_CAP_MAX and for other problems."""
    from discover.extremal.lanes import AGE_CAP_MAX, REATTACH_KICK, SMALL_REATTACH_KICK, reattach_kick
    from discover.extremal.problems import get_problem

    c3c4 = get_problem("c3c4")
    assert SMALL_REATTACH_KICK < REATTACH_KICK
    assert reattach_kick(c3c4, 64, True) == reattach_kick(c3c4, AGE_CAP_MAX, True) == SMALL_REATTACH_KICK
    for args in ((c3c4, 64, False), (c3c4, AGE_CAP_MAX + 1, True), (get_problem("c3c4c5"), 40, True)):
        assert reattach_kick(*args) == REATTACH_KICK


def test_resize_keeps_a_graph_and_grows_or_shrinks_it():
    """Growing adds isolated vertices (same edges); shrinking deletes the vertices of least degree."""
    rng = np.random.default_rng(0)
    star = np.zeros((5, 5), np.uint8)
    star[0, 1:] = star[1:, 0] = 1
    grown = resize(star, 7, rng)
    assert grown.shape == (7, 7) and grown.sum() == star.sum() and (grown == grown.T).all()
    shrunk = resize(star, 3, rng)
    assert shrunk.shape == (3, 3) and shrunk.sum() == 4  # the centre stays, two leaves go


def test_the_densest_start_goes_first():
    """A size held with a poor graph and offered a dense one resized from a larger size starts from the
    dense one, so even a budget far too short for the walks keeps it: the shipped campaign graph at
    n = 126 (results/extremal/c3c4_campaign.g6, girth 5) less two vertices of least degree, at n = 124,
    against the 124-cycle held there (taken in size order, the cycle used the budget: 622 edges were
    within reach of the campaign at 124 while it held 590, session 7)."""
    from pathlib import Path

    import networkx as nx

    from discover.extremal.lanes import Found, edges_from_adjacency, search_size, warm_up
    from discover.extremal.problems import get_problem
    from discover.extremal.verify import verify

    problem = get_problem("c3c4")
    warm_up(problem)
    shipped = Path(__file__).resolve().parents[2] / "results" / "extremal" / "c3c4_campaign.g6"
    graphs = [nx.from_graph6_bytes(line.encode()) for line in shipped.read_text().split()]
    g126 = next(g for g in graphs if g.number_of_nodes() == 126)
    dense = resize(nx.to_numpy_array(g126, dtype=np.uint8), 124, np.random.default_rng(0))
    # deleting two vertices removes at most the sum of their degrees (one less when they are adjacent)
    expected = g126.number_of_edges() - sum(sorted(d for _, d in g126.degree())[:2])
    assert dense.sum() // 2 >= expected
    cycle = nx.to_numpy_array(nx.cycle_graph(124), dtype=np.uint8)
    found, _ = search_size(problem, 124, 0.05, 0, [cycle.copy(), dense], best=Found(124, 124, cycle, 0.0, 0))
    assert found.edges >= dense.sum() // 2
    assert verify(problem, 124, edges_from_adjacency(found.adjacency))["ok"]


def test_the_wider_walk_is_for_girth_5_up_to_its_stated_size():
    """The re-attachment walk keeps 30% of the edge-losing moves within two edges of its best for girth 5 up to
    n = WIDE_WALK_MAX (where it was measured), 5% within one edge elsewhere; the patience cap follows it."""
    from discover.extremal import flips as K
    from discover.extremal.lanes import WIDE_WALK_MAX, kernel_params, wide_walk
    from discover.extremal.problems import get_problem

    c3c4, c4, girth6 = get_problem("c3c4"), get_problem("c4"), get_problem("girth6")
    for problem, n, wide in [(c3c4, 64, True), (c3c4, WIDE_WALK_MAX, True), (c3c4, WIDE_WALK_MAX + 1, False),
                             (c4, 64, False), (girth6, 64, False)]:
        p = kernel_params(problem, n, 10**6, 1)
        assert wide_walk(problem, n) is wide
        assert (int(p[K.P_WORSE]), int(p[K.P_SLACK])) == ((300, 2) if wide else (50, 1))


def test_which_lanes_start_only_from_the_empty_graph():
    """A from-scratch lane with the re-attachment walk at the sizes of short starts (girth 5, n <= AGE_CAP_MAX)
    takes the empty graph at every attempt after its first (next_start's ``short_lane``); the curriculum lane, larger sizes, other problems and the
    edge-flip walks alone keep next_start's order."""
    from discover.extremal.lanes import AGE_CAP_MAX
    from discover.extremal.problems import get_problem

    c3c4 = get_problem("c3c4")
    assert only_short_starts(c3c4, 64, True, True)
    assert only_short_starts(c3c4, 20, True, True)
    for args in ((c3c4, 64, False, True), (c3c4, AGE_CAP_MAX + 1, True, True), (c3c4, 64, True, False),
                 (get_problem("c3c4c5"), 40, True, True)):
        assert not only_short_starts(*args)
