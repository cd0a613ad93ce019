"""Sizes of big integers (convergent numerators and denominators with thousands of digits)."""

from __future__ import annotations

import math


def log10_abs(x) -> float:
    """log10 |x| for a FLINT ``fmpz`` or Python integer of any size; ``-inf`` for 0.

    Exact to double precision: integers beyond 1000 bits are shifted down to their leading 60 bits
    first, so no float conversion overflows."""
    x = abs(int(x))
    if x == 0:
        return float("-inf")
    bits = x.bit_length()
    if bits <= 1000:
        return math.log10(x)
    shift = bits - 60
    return math.log10(x >> shift) + shift * math.log10(2)


def decimal_text(x) -> str:
    """The decimal digits of an integer of any size (Python's own ``str`` refuses beyond 4300 digits)."""
    import gmpy2

    return gmpy2.mpz(int(x)).digits(10)
