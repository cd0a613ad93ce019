"""Parsing integer polynomials in n from the way people write them."""

import pytest
from hypothesis import given, strategies as st

from discover.cf.polynomial import Polynomial
from discover.errors import InputError


@pytest.mark.parametrize(
    "text, coeffs",
    [
        ("34n^3+51n^2+27n+5", (5, 27, 51, 34)),
        ("-n^6", (0, 0, 0, 0, 0, 0, -1)),
        ("(2n+1)(3n^2+3n+1)", (1, 5, 9, 6)),  # 6n^3 + 9n^2 + 5n + 1
        ("n*(n+2)", (0, 2, 1)),
        ("(2n-1)^2", (1, -4, 4)),
        ("2 n + 1", (1, 2)),
        ("n**2", (0, 0, 1)),
        ("7", (7,)),
        ("0", ()),
    ],
)
def test_parse(text, coeffs):
    assert Polynomial.parse(text).coeffs == coeffs


@pytest.mark.parametrize("text", ["n^", "x+1", "1/n", "n^0.5", "", "  ", "((n)", "n^-1", "n/2", "import os", "2n+"])
def test_malformed_input_names_it(text):
    with pytest.raises(InputError) as info:
        Polynomial.parse(text, "a(n)")
    message = str(info.value)
    assert "a(n)" in message and "\n" not in message


@given(st.lists(st.integers(-50, 50), max_size=6))
def test_text_round_trip(coeffs):
    p = Polynomial(tuple(coeffs))
    assert Polynomial.parse(str(p)) == p


@given(st.lists(st.integers(-20, 20), min_size=1, max_size=5), st.integers(-6, 6), st.integers(-10, 10))
def test_shift_is_substitution(coeffs, k, x):
    p = Polynomial(tuple(coeffs))
    assert p.shift(k)(x) == p(x + k)


def test_integer_roots():
    assert Polynomial.parse("(n-3)(n+2)(2n+1)").integer_roots() == [-2, 3]
    assert Polynomial.parse("n^2+1").integer_roots() == []
