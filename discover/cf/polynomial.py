"""Integer polynomials in one variable ``n``, parsed from text the way a person writes them.

A :class:`Polynomial` is a tuple of integer coefficients, lowest degree first, with no trailing zeros
(the zero polynomial is the empty tuple). Text is parsed once, at the edge, by the recursive-descent
parser below (``34n^3+51n^2+27n+5``, ``-n^6``, ``(2n+1)(3n^2+3n+1)``, ``n*(n+2)``, ``(2n-1)^2``); everything
after that works on the integer coefficients (Python ints, FLINT ``fmpz_poly`` for exact work).

Malformed input raises :class:`discover.errors.InputError` with a one-line message that names it:
characters other than digits, ``n``, ``+ - * ^ ( )`` and spaces, a second variable, non-integer
coefficients, or a non-polynomial (``1/n``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from discover.cf.limits import MAX_COEFFICIENT_DIGITS, MAX_DEGREE, MAX_EXPRESSION_CHARS, MAX_NESTING
from discover.errors import InputError

_ALLOWED = re.compile(r"^[0-9n+\-*^() \t]+$")
_PARENTHESES = re.compile(r"[()]")


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
        return cls(_parse_text(text, what))

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


# ----- the parser ---------------------------------------------------------------------------------
_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\*\*|[-+*^()]))")


def _mul(p: list[int], q: list[int]) -> list[int]:
    if not p or not q:
        return []
    out = [0] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        if a:
            for j, b in enumerate(q):
                out[i + j] += a * b
    return out


def _add(p: list[int], q: list[int], sign: int = 1) -> list[int]:
    out = list(p) + [0] * max(0, len(q) - len(p))
    for i, b in enumerate(q):
        out[i] += sign * b
    return list(_trim(out))


@functools.lru_cache(maxsize=16384)
def _parse_text(text: str, what: str) -> tuple[int, ...]:
    """The coefficients of ``text`` (remembered: the known lists' 8,000 polynomials are read by several
    look-ups in one process; a malformed text raises each time, nothing is remembered for it)."""
    return _PolynomialParser(text, what).parse()


class _PolynomialParser:
    """Integer polynomials in n by recursive descent, computing on coefficient lists as it reads.

    Grammar (``^`` and ``**`` are powers; a product may be written without ``*``: ``34n^3``, ``2(n+1)``,
    ``(n+1)(n+2)``)::

        sum     := ['+' | '-']* product (('+' | '-') ['+' | '-']* product)*
        product := power (['*'] power)*
        power   := atom [('^' | '**') atom]          -- the exponent a non-negative integer
        atom    := INTEGER | 'n' | '(' sum ')'

    Every limit of :mod:`discover.cf.limits` is checked before the work it guards: the length and the
    nesting of parentheses before parsing (so the recursion stays shallow), the digits of each integer
    before converting it, the degree and coefficient size of each power and product before forming it.
    """

    def __init__(self, text: str, what: str):
        self.text, self.what = text, what
        src = text.strip()
        if not src:
            raise InputError(f"{what}: empty polynomial")
        if len(src) > MAX_EXPRESSION_CHARS:
            raise InputError(f"{what}: {len(src):,} characters; at most {MAX_EXPRESSION_CHARS:,} are accepted")
        if not _ALLOWED.match(src):
            bad = sorted(set(ch for ch in src if not _ALLOWED.match(ch)))
            raise InputError(
                f"{what} {self._short()}: unexpected character(s) {''.join(bad)!r} "
                "(write a polynomial in n with integer coefficients, e.g. 34n^3+51n^2+27n+5)"
            )
        depth = deepest = 0
        # the parentheses alone: a row of the known lists runs to 1,500 characters
        for ch in _PARENTHESES.findall(src):
            depth += 1 if ch == "(" else -1
            deepest = max(deepest, depth)
            if depth < 0:
                break
        if depth != 0 or src.count("(") != src.count(")"):
            raise InputError(f"{what} {self._short()}: unbalanced parentheses")
        if deepest > MAX_NESTING:
            raise InputError(f"{what}: {deepest} nested parentheses; at most {MAX_NESTING} are accepted")
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        while pos < len(src):
            m = _TOKEN.match(src, pos)
            if m is None:  # only trailing blanks are left
                break
            kind = "int" if m.group(1) else ("n" if m.group(2) else m.group(3))
            self.tokens.append((kind, m.group(1) or ""))
            pos = m.end()
        self.pos = 0

    def _short(self) -> str:
        return repr(self.text if len(self.text) <= 60 else self.text[:57] + "...")

    def _fail(self, why: str) -> InputError:
        return InputError(f"{self.what} {self._short()}: not a polynomial in n ({why})")

    def _peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def _check(self, coeffs: list[int]) -> list[int]:
        if len(coeffs) - 1 > MAX_DEGREE:
            raise InputError(f"{self.what} {self._short()}: degree {len(coeffs) - 1} is above the limit "
                             f"{MAX_DEGREE}")
        if coeffs and max(max(coeffs), -min(coeffs)).bit_length() > MAX_COEFFICIENT_DIGITS * 3.33:
            raise InputError(f"{self.what} {self._short()}: a coefficient has more than "
                             f"{MAX_COEFFICIENT_DIGITS} digits (the limit)")
        return coeffs

    def parse(self) -> tuple[int, ...]:
        result = self._sum()
        if self.pos != len(self.tokens):
            raise self._fail(f"unexpected {self.tokens[self.pos][1] or self.tokens[self.pos][0]!r}")
        return _trim(result)

    def _signs(self) -> int:
        sign = 1
        while self._peek() in ("+", "-"):
            sign = -sign if self.tokens[self.pos][0] == "-" else sign
            self.pos += 1
        return sign

    def _sum(self) -> list[int]:
        sign = self._signs()
        total = _add([], self._product(), sign)
        while self._peek() in ("+", "-"):
            sign = self._signs()
            total = self._check(_add(total, self._product(), sign))
        return total

    def _product(self) -> list[int]:
        acc = self._power()
        while self._peek() in ("*", "int", "n", "("):
            if self._peek() == "*":
                self.pos += 1
            factor = self._power()
            if acc and factor:
                self._check([0] * (len(acc) + len(factor) - 2) + [1])  # the degree of the product
                bits = max(map(abs, acc)).bit_length() + max(map(abs, factor)).bit_length()
                self._check([1 << max(0, bits - 1)])
            acc = self._check(list(_trim(_mul(acc, factor))))
        return acc

    def _power(self) -> list[int]:
        base = self._atom()
        if self._peek() not in ("^", "**"):
            return base
        self.pos += 1
        exponent = self._atom()
        if len(exponent) > 1 or (exponent and exponent[0] < 0):
            raise self._fail("exponents must be non-negative integers")
        e = exponent[0] if exponent else 0
        trimmed = list(_trim(base))
        if len(trimmed) > 1:
            if (len(trimmed) - 1) * e > MAX_DEGREE:
                raise InputError(f"{self.what} {self._short()}: degree {(len(trimmed) - 1) * e} is above the "
                                 f"limit {MAX_DEGREE}")
        if trimmed and e:
            self._check([1 << max(0, max(map(abs, trimmed)).bit_length() * e - 1)])
        if trimmed and not any(trimmed[:-1]):
            # a monomial c n^k (``n**14`` in the expanded rows of the known lists): c^e n^(k e) at once
            return self._check([0] * ((len(trimmed) - 1) * e) + [trimmed[-1] ** e])
        result = [1]
        for _ in range(e):
            result = self._check(list(_trim(_mul(result, trimmed))))
        return result

    def _atom(self) -> list[int]:
        kind = self._peek()
        if kind is None:
            raise self._fail("it ends too early")
        self.pos += 1
        if kind == "int":
            digits = self.tokens[self.pos - 1][1].lstrip("0")
            if len(digits) > MAX_COEFFICIENT_DIGITS:
                raise InputError(f"{self.what} {self._short()}: a number with {len(digits):,} digits; at most "
                                 f"{MAX_COEFFICIENT_DIGITS} are accepted")
            return [int(digits or "0")]
        if kind == "n":
            return [0, 1]
        if kind == "(":
            inner = self._sum()
            if self._peek() != ")":
                raise self._fail("unbalanced parentheses")
            self.pos += 1
            return inner
        if kind in ("+", "-"):  # a signed factor: n*-1, 2^-1 (refused as a power below)
            self.pos -= 1
            sign = self._signs()
            return [sign * c for c in self._atom()]
        raise self._fail(f"unexpected {kind!r}")
