"""The one size parser (``--n``) that every engine uses."""

import pytest

from discover.errors import InputError
from discover.sizes import parse_sizes


@pytest.mark.parametrize("text, sizes", [
    ("40", (40,)), ("4..7", (4, 5, 6, 7)), (" 4 .. 6 ", (4, 5, 6)), ("4,6,8", (4, 6, 8)),
    ("4..6,9", (4, 5, 6, 9)), ("5,5,4", (5, 4)), ("7..7", (7,)),
])
def test_forms(text, sizes):
    assert parse_sizes(text) == sizes


@pytest.mark.parametrize("text, needle", [
    ("", "empty"), ("abc", "expected"), ("4..", "expected"), ("..4", "expected"), ("4-", "expected"),
    ("9..4", "LO > HI"), ("0", "out of range"), ("-3", "expected"), ("1..99999999999", "out of range"),
    ("99999999999999999999", "expected"), ("4,,5", "expected"), ("1e3", "expected"), ("٣", "expected"),
])
def test_bad_sizes_name_the_input(text, needle):
    with pytest.raises(InputError, match="--n") as err:
        parse_sizes(text, maximum=1000)
    assert needle in str(err.value)


def test_limits_and_count():
    assert parse_sizes("2..3", minimum=2, maximum=3) == (2, 3)
    with pytest.raises(InputError, match="more than 5 sizes"):
        parse_sizes("1..6", max_count=5)
    with pytest.raises(InputError, match="--modulus"):
        parse_sizes("x", option="--modulus")
