"""Integer polynomials in one variable ``n``, parsed from text the way a person writes them.

A :class:`Polynomial` is a tuple of integer coefficients, lowest degree first, with no trailing zeros
(the zero polynomial is the empty tuple). Text is parsed once, at the edge, with sympy
(``34n^3+51n^2+27n+5``, ``-n^6``, ``(2n+1)(3n^2+3n+1)``, ``n*(n+2)``, ``(2n-1)^2``); everything after
that works on the integer coefficients (Python ints, FLINT ``fmpz_poly`` for exact work).

Malformed input raises :class:`discover.errors.InputError` with a one-line message that names it:
characters other than digits, ``n``, ``+ - * ^ ( )`` and spaces, a second variable, non-integer
coefficients, or a non-polynomial (``1/n``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from discover.errors import InputError

_ALLOWED = re.compile(r"^[0-9n+\-*^() \t]+$")


def _trim(coeffs: Iterable[int]) -> tuple[int, ...]:
    out = [int(c) for c in coeffs]
    while out and out[-1] == 0:
        out.pop()
    return tuple(out)


@dataclass(frozen=True)
class Polynomial:
    """p(n) = sum(coeffs[i] * n**i); ``coeffs`` are Python ints, lowest degree first, trimmed."""

    coeffs: tuple[int, ...]

    def __post_init__(self):
        object.__setattr__(self, "coeffs", _trim(self.coeffs))

    # ----- construction ---------------------------------------------------------------------
    @classmethod
    def parse(cls, text: "str | int | Polynomial | Sequence[int]", what: str = "polynomial") -> "Polynomial":
        """Parse ``text`` (a string in n, an int, a coefficient sequence or a Polynomial).

        ``what`` names the input in error messages (for example ``"a(n)"``).
        """
        if isinstance(text, Polynomial):
            return text
        if isinstance(text, bool):
            raise InputError(f"{what}: expected a polynomial in n, got {text!r}")
        if isinstance(text, int):
            return cls((text,))
        if isinstance(text, (tuple, list)):
            if not all(isinstance(c, int) and not isinstance(c, bool) for c in text):
                raise InputError(f"{what}: coefficients must be integers, got {list(text)!r}")
            return cls(tuple(text))
        if not isinstance(text, str):
            raise InputError(f"{what}: expected a polynomial in n, got {text!r}")
        src = text.strip()
        if not src:
            raise InputError(f"{what}: empty polynomial")
        if not _ALLOWED.match(src):
            bad = sorted(set(ch for ch in src if not _ALLOWED.match(ch)))
            raise InputError(
                f"{what} {text!r}: unexpected character(s) {''.join(bad)!r} "
                "(write a polynomial in n with integer coefficients, e.g. 34n^3+51n^2+27n+5)"
            )
        if src.count("(") != src.count(")"):
            raise InputError(f"{what} {text!r}: unbalanced parentheses")
        import sympy
        from sympy.parsing.sympy_parser import (
            convert_xor,
            implicit_multiplication_application,
            parse_expr,
            standard_transformations,
        )

        n = sympy.Symbol("n")
        transformations = standard_transformations + (implicit_multiplication_application, convert_xor)
        try:
            expr = parse_expr(src, local_dict={"n": n}, transformations=transformations, evaluate=True)
        except Exception as exc:  # sympy raises many kinds (SyntaxError, TokenError, TypeError)
            raise InputError(f"{what} {text!r}: not a polynomial in n ({type(exc).__name__})") from None
        try:
            poly = sympy.Poly(sympy.expand(expr), n)
        except Exception:
            raise InputError(f"{what} {text!r}: not a polynomial in n") from None
        coeffs = poly.all_coeffs()[::-1]
        if not all(c.is_integer for c in coeffs):
            raise InputError(f"{what} {text!r}: coefficients must be integers")
        return cls(tuple(int(c) for c in coeffs))

    # ----- properties -----------------------------------------------------------------------
    @property
    def degree(self) -> int:
        """Degree; -1 for the zero polynomial."""
        return len(self.coeffs) - 1

    @property
    def is_zero(self) -> bool:
        return not self.coeffs

    @property
    def leading(self) -> int:
        return self.coeffs[-1] if self.coeffs else 0

    def __call__(self, x: int) -> int:
        acc = 0
        for c in reversed(self.coeffs):
            acc = acc * x + c
        return acc

    def padded(self, length: int) -> tuple[int, ...]:
        """Coefficients padded with zeros to ``length`` (lowest degree first)."""
        if len(self.coeffs) > length:
            raise ValueError(f"degree {self.degree} does not fit in {length} coefficients")
        return self.coeffs + (0,) * (length - len(self.coeffs))

    # ----- transformations ------------------------------------------------------------------
    def __neg__(self) -> "Polynomial":
        return Polynomial(tuple(-c for c in self.coeffs))

    def scale(self, factor: int) -> "Polynomial":
        return Polynomial(tuple(factor * c for c in self.coeffs))

    def shift(self, k: int) -> "Polynomial":
        """The polynomial n -> p(n + k) (exact Taylor shift)."""
        from math import comb

        d = len(self.coeffs)
        out = [0] * d
        for i, c in enumerate(self.coeffs):
            if c == 0:
                continue
            kp = 1
            for j in range(i, -1, -1):
                # c * C(i, j) * n^j * k^(i-j)
                out[j] += c * comb(i, j) * kp
                kp *= k
        return Polynomial(tuple(out))

    def content(self) -> int:
        """gcd of the coefficients (0 for the zero polynomial)."""
        from math import gcd

        g = 0
        for c in self.coeffs:
            g = gcd(g, c)
        return g

    def to_fmpz_poly(self):
        from flint import fmpz_poly

        return fmpz_poly(list(self.coeffs))

    def integer_roots(self) -> list[int]:
        """The integer roots (each once). Uses FLINT factorisation."""
        if self.is_zero:
            raise ValueError("the zero polynomial has every integer as a root")
        if self.degree == 0:
            return []
        _, factors = self.to_fmpz_poly().factor()
        roots = []
        for f, _mult in factors:
            if f.degree() == 1:
                c0, c1 = int(f[0]), int(f[1])
                if c0 % c1 == 0:
                    roots.append(-c0 // c1)
        return sorted(set(roots))

    # ----- text -----------------------------------------------------------------------------
    def __str__(self) -> str:
        """Human text that :meth:`parse` reads back: ``34n^3+51n^2+27n+5``, ``-n^6``, ``0``."""
        if not self.coeffs:
            return "0"
        parts = []
        for i in range(len(self.coeffs) - 1, -1, -1):
            c = self.coeffs[i]
            if c == 0:
                continue
            sign = "-" if c < 0 else "+"
            mag = abs(c)
            if i == 0:
                body = str(mag)
            else:
                mono = "n" if i == 1 else f"n^{i}"
                body = mono if mag == 1 else f"{mag}{mono}"
            parts.append((sign, body))
        first_sign, first_body = parts[0]
        text = ("-" if first_sign == "-" else "") + first_body
        for sign, body in parts[1:]:
            text += sign + body
        return text

    def to_sympy_text(self) -> str:
        """Text with explicit ``*`` and ``**`` (what ``sympy.sympify`` reads)."""
        if not self.coeffs:
            return "0"
        terms = [f"({c})*n**{i}" for i, c in enumerate(self.coeffs) if c]
        return " + ".join(terms)

    def __repr__(self) -> str:
        return f"Polynomial({str(self)!r})"
