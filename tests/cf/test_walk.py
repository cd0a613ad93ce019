"""The exact walk M(start) ... M(stop) against a plain sequential product."""

import random

import pytest
from flint import fmpz_mat

from discover.cf.walk import walk


def sequential(matrix, start, stop):
    """Reference: multiply the evaluated matrices one by one (Python integers)."""
    k = len(matrix)

    def ev(poly, n):
        return sum(c * n**i for i, c in enumerate(poly))

    acc = [[int(i == j) for j in range(k)] for i in range(k)]
    for n in range(start, stop + 1):
        m = [[ev(e, n) for e in row] for row in matrix]
        acc = [[sum(acc[i][t] * m[t][j] for t in range(k)) for j in range(k)] for i in range(k)]
    return acc


def as_lists(m: fmpz_mat):
    return [[int(m[i, j]) for j in range(m.ncols())] for i in range(m.nrows())]


@pytest.mark.parametrize("size", [2, 3])
@pytest.mark.parametrize("block", [None, 1, 2, 8, 16])
def test_walk_matches_sequential(size, block):
    rng = random.Random(size * 100 + (block or 0))
    for _ in range(3):
        matrix = [[tuple(rng.randint(-3, 3) for _ in range(rng.randint(0, 3))) for _ in range(size)] for _ in range(size)]
        start = rng.randint(-5, 5)
        stop = start + rng.randint(0, 300)
        assert as_lists(walk(matrix, start, stop, block=block)) == sequential(matrix, start, stop)


def test_empty_walk_is_identity():
    assert as_lists(walk([[(1,), (0, 1)], [(1,), (2,)]], 5, 4)) == [[1, 0], [0, 1]]


def test_winograd_product_matches_fmpz_mat():
    from discover.cf import walk as W

    A = fmpz_mat(2, 2, [3**30000 + 1, -(5**20000), 7**21000, 2**70000 - 3])
    B = fmpz_mat(2, 2, [-(11**19000), 13**18000 + 5, 2**65000, -(3**40000)])
    assert A[1, 1].bit_length() >= W.WINOGRAD_BITS
    assert W._mul(A, B) == A * B


@pytest.mark.parametrize("block", [None, 1, 4, 16])
def test_walk_vector_is_walk_times_vector(block):
    from discover.cf.walk import walk_vector

    rng = random.Random(7 + (block or 0))
    for size in (2, 3):
        matrix = [[tuple(rng.randint(-3, 3) for _ in range(3)) for _ in range(size)] for _ in range(size)]
        v = [rng.randint(-5, 5) for _ in range(size)]
        W = walk(matrix, 1, 400, block=block)
        col = walk_vector(matrix, 1, 400, v, block=block)
        assert col == W * fmpz_mat(size, 1, v)
