"""Matrices and start states as users write them (malformed ones: test_bad_input.py)."""

import pytest

from discover.cayley.parse import parse_matrix, parse_start
from discover.errors import InputError


def test_matrix_forms():
    assert parse_matrix("[[1,1],[0,1]]") == (2, (1, 1, 0, 1))
    assert parse_matrix("[[1 1] [0 1]]") == (2, (1, 1, 0, 1))
    assert parse_matrix(" 1 1; 0 1 ") == (2, (1, 1, 0, 1))
    assert parse_matrix("[[-1]]") == (1, (-1,))


@pytest.mark.parametrize("text", ["[[1,1],[0,1]", "[1,1],[0,1]]", "1 1; 0", "[[1,,1],[0,1]]", "[[1,1],[0,1]]x"])
def test_malformed_matrices(text):
    with pytest.raises(InputError, match="--matrix"):
        parse_matrix(text)


def test_start_words_and_vectors():
    assert parse_start("0011", "perm") == ((0, 0, 1, 1), ("0", "1"))
    assert parse_start("b a a", "perm") == ((1, 0, 0), ("a", "b"))
    assert parse_start("10 2 2", "perm") == ((1, 0, 0), ("2", "10"))  # integers sort numerically
    assert parse_start("[1,0]", "matrix") == ((1, 0), None)
    assert parse_start("(1, -1)", "matrix") == ((1, -1), None)


@pytest.mark.parametrize("text", ["1,0,", "[1,0", "1,,0", "()", "(1 (2))"])
def test_malformed_starts(text):
    with pytest.raises(InputError, match="--start"):
        parse_start(text, "matrix")
