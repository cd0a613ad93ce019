"""The lane driver (discover/extremal/lanes.py): restart orders and resizing of seed graphs."""

import numpy as np

from discover.extremal.lanes import next_start, resize


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




def test_resize_keeps_a_graph_and_grows_or_shrinks_it():
    """Growing adds isolated vertices (same edges); shrinking deletes the vertices of least degree."""
    rng = np.random.default_rng(0)
    star = np.zeros((5, 5), np.uint8)
    star[0, 1:] = star[1:, 0] = 1
    grown = resize(star, 7, rng)
    assert grown.shape == (7, 7) and grown.sum() == star.sum() and (grown == grown.T).all()
    shrunk = resize(star, 3, rng)
    assert shrunk.shape == (3, 3) and shrunk.sum() == 4  # the centre stays, two leaves go
