"""Exact numbers of the form q_1 + q_2 sqrt(d_2) + ... (rational q_i, squarefree integers d_i): the
parameters of a classical family (:mod:`discover.cf.novelty.classical`) live in Q(sqrt D) or in a
compositum of two such fields, and this is the smallest exact arithmetic that writes them down.

Sums and products of such numbers are again of this form (sqrt(d) sqrt(e) = m sqrt(f) with
d e = m^2 f, and sqrt(d) sqrt(e) = -sqrt(d e) when d, e < 0: sqrt(-d) means i sqrt(d)). Division is
defined by a number with at most one radical (multiply by its conjugate: (p + q sqrt d)(p - q sqrt d) =
p^2 - q^2 d), which is all the families need.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["Surd"]


# Integers up to this size are factored completely (FLINT, milliseconds); larger ones only by trial division
# and a final perfect-square test, so that nothing waits on factoring a large number: f may then keep a square
# factor (the value stays exact; only its written form is not the shortest).
FULL_FACTOR_BELOW = 10 ** 40
_TRIAL = 10_000


def _squarefree_split(n: int) -> tuple[int, int]:
    """(m, f) with n = m^2 f, f squarefree when |n| < FULL_FACTOR_BELOW (sign kept in f; n != 0)."""
    from math import isqrt

    from flint import fmpz

    sign = -1 if n < 0 else 1
    n = abs(n)
    m, f = 1, 1
    if n < FULL_FACTOR_BELOW:
        for p, e in fmpz(n).factor():
            m *= int(p) ** (int(e) // 2)
            if e % 2:
                f *= int(p)
        return m, sign * f
    p = 2
    while p < _TRIAL and n > 1:
        e = 0
        while n % p == 0:
            n //= p
            e += 1
        m *= p ** (e // 2)
        if e % 2:
            f *= p
        p += 1 if p == 2 else 2
    r = isqrt(n)
    if r * r == n:
        m *= r
    else:
        f *= n
    return m, sign * f


class Surd:
    """sum of c_d sqrt(d) over squarefree d (d = 1: the rational part)."""

    __slots__ = ("terms",)

    def __init__(self, terms=None):
        self.terms = {d: Fraction(c) for d, c in (terms or {}).items() if c != 0}

    @classmethod
    def of(cls, x) -> "Surd":
        return x if isinstance(x, Surd) else cls({1: Fraction(x)})

    @classmethod
    def sqrt(cls, x) -> "Surd":
        """The principal square root of a rational x (i sqrt(|x|) for x < 0)."""
        x = Fraction(x)
        if x == 0:
            return cls()
        m, f = _squarefree_split(x.numerator * x.denominator)
        return cls({f: Fraction(m, x.denominator)})

    def is_rational(self) -> bool:
        return set(self.terms) <= {1}

    def rational(self) -> Fraction:
        if not self.is_rational():
            raise ValueError(f"{self} is not rational")
        return self.terms.get(1, Fraction(0))

    def radicals(self) -> list[int]:
        return sorted(d for d in self.terms if d != 1)

    def __add__(self, other):
        other = Surd.of(other)
        out = dict(self.terms)
        for d, c in other.terms.items():
            out[d] = out.get(d, Fraction(0)) + c
        return Surd(out)

    __radd__ = __add__

    def __neg__(self):
        return Surd({d: -c for d, c in self.terms.items()})

    def __sub__(self, other):
        return self + (-Surd.of(other))

    def __rsub__(self, other):
        return Surd.of(other) - self

    def __mul__(self, other):
        other = Surd.of(other)
        out: dict = {}
        for d, c in self.terms.items():
            for e, k in other.terms.items():
                m, f = _squarefree_split(d * e)
                if d < 0 and e < 0:
                    m = -m
                out[f] = out.get(f, Fraction(0)) + c * k * m
        return Surd(out)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = Surd.of(other)
        rads = other.radicals()
        if not rads:
            q = other.rational()
            if q == 0:
                raise ZeroDivisionError("division of a surd by 0")
            return Surd({d: c / q for d, c in self.terms.items()})
        if len(rads) > 1:
            raise ValueError("division by a number with more than one radical")
        d = rads[0]
        p, q = other.terms.get(1, Fraction(0)), other.terms[d]
        conj = Surd({1: p, d: -q})
        norm = p * p - q * q * d
        return (self * conj) / norm

    def __rtruediv__(self, other):
        return Surd.of(other) / self

    def __eq__(self, other):
        return isinstance(other, (Surd, int, Fraction)) and (self - Surd.of(other)).terms == {}

    def __hash__(self):
        return hash(tuple(sorted(self.terms.items())))

    def __repr__(self):
        return f"Surd({self})"

    def __str__(self) -> str:
        if not self.terms:
            return "0"
        parts = []
        for d in sorted(self.terms, key=lambda d: (d != 1, abs(d), d)):
            c = self.terms[d]
            sign = "-" if c < 0 else "+"
            c = abs(c)
            if d == 1:
                body = str(c)
            else:
                root = f"sqrt({d})"
                num, den = c.numerator, c.denominator
                body = (root if num == 1 else f"{num}*{root}") + (f"/{den}" if den != 1 else "")
            parts.append((sign, body))
        text = ("-" if parts[0][0] == "-" else "") + parts[0][1]
        for sign, body in parts[1:]:
            text += f" {sign} {body}"
        return text

    def to_mpmath(self):
        """The value as an mpmath number (mpc when a radical of a negative number occurs)."""
        import mpmath

        total = mpmath.mpf(0)
        for d, c in self.terms.items():
            root = mpmath.mpf(1) if d == 1 else (mpmath.sqrt(d) if d > 0 else mpmath.mpc(0, mpmath.sqrt(-d)))
            total += mpmath.mpf(c.numerator) / c.denominator * root
        return total
