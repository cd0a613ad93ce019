"""Identification: express a number known to D significant digits in terms of constants.

Forms searched (with integer coefficients), in this order:

* **Moebius form** of one constant c:  x = (c0 + c1 c) / (d0 + d1 c), the integer relation
  u . (1, c, x, x c) = 0 (then c0 = -u0, c1 = -u1, d0 = u2, d1 = u3), for every constant;
* **two constants and their product** (``pairs=True``, as the Ramanujan Machine identifies):
  x = (c0 + c1 C1 + c2 C2 + c3 C1 C2) / (d0 + d1 C1 + d2 C2 + d3 C1 C2), the relation over the eight
  numbers (1, C1, C2, C1 C2, x, x C1, x C2, x C1 C2), for every pair of constants that are not Moebius
  images of each other (:func:`discover.cf.constants.same_group`);
* **linear combination** of all k constants (2 <= k <= 12):  x = (c0 + c1 C1 + ... + ck Ck) / d;
* **Moebius form of all constants** (k = 2 or 3, when the pairs are not searched).

Relations are found by lattice reduction (:mod:`discover.cf.relation`: FLINT's LLL on the fixed-point
values, Ds digits) at increasing precisions Ds (``search_tiers``: 20, 60, 160, 400 digits, each capped
by D; pairs at 60 and 160); the search stops at the first tier that yields an accepted relation. A
rational x (all constant coefficients zero) is reported as the fraction.

Acceptance rule (stated once, used everywhere). With D the significant digits of x, a relation
u = (u_1, ..., u_n) found among m candidate searches (m = every search the procedure could make: one
per constant, one per pair, the combined ones; for the search engine, the number of Moebius forms in
its tables) has size

    S = sum_i log10(2 |u_i| + 1) + log10(m)

digits: the log of the number of integer relations no larger than u coefficient by coefficient, times
the number of places looked. It is accepted when

    (1) S <= D / 2 + 1                    -- it uses about half the digits available or fewer, and
    (2) |x - form| / |x| <= 10^-(D - 1)   -- the form, evaluated with the constants computed
                                            independently at 2 D + 20 digits, agrees with x to all
                                            but the last of its D digits.

Each of the 10^S candidate relations fits D digits by chance with probability about 10^-D, so (1)
bounds the chance of a coincidence by about 10^(1 - D/2) (1% at D = 6, 10^-29 at D = 60). When no
relation passes, :func:`identify` returns ``None`` and the caller says so.

More basis vectors need more digits, and the rule says how many: the smallest relation over n numbers
with coefficients up to H has S ~ n log10(2H + 1) + log10 m, so a two-constant form (n = 8; with the
60 registry constants m = 60 + 1,763 pairs, log10 m = 3.3) with coefficients up to 10 needs
D >= 2 (8 log10 21 + 3.3 - 1) = 26 digits, and a chance relation (what LLL returns for a random x: n
coefficients of about D/n digits each, S ~ D) is never accepted. A tier's lattice relation is kept as a
candidate only when S <= Ds/2 + 1 already holds at that tier's Ds digits, so the chance vectors of a
low tier never reach the agreement check (``tests/cf/test_identify.py`` checks that random 50-digit
numbers are not identified against the whole registry with pairs).

:func:`mobius_table` builds the *hash table* of Moebius forms with small coefficients used by the
search's first stage (float64 values, sorted, with their coefficients).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Sequence

from discover.cf.constants import Constant, parse_constants

__all__ = ["Identification", "identify", "check_form", "relation_size", "mobius_value", "mobius_closed_form",
           "mobius_table", "form_agreement", "recheck", "SEARCH_TIERS", "PAIR_TIERS"]

# Precisions (digits) of the lattice searches; pairs (8 numbers) stop at the second tier.
SEARCH_TIERS = (20, 60, 160, 400)
PAIR_TIERS = (60, 160)  # the 1,763 eight-number lattices of the registry: not at 20 digits too
MAX_COMBINED = 12  # the linear combination of all constants is searched for at most this many


@dataclass(frozen=True)
class Identification:
    """An accepted relation. ``numerator`` and ``denominator`` are the integer coefficients on the basis
    (1, C1, ..., Ck) of ``constants`` (a name ``a*b`` is the product of two constants);
    x = numerator . basis / denominator . basis. ``basis`` holds the constants themselves."""

    kind: str  # "rational" | "mobius" | "linear" | "pair"
    constants: tuple[str, ...]
    numerator: tuple[int, ...]
    denominator: tuple[int, ...]
    closed_form: str
    relation_digits: float
    available_digits: float
    agreement_digits: float
    basis: tuple = field(default=(), compare=False, repr=False)

    def value(self, digits: int):
        """The closed form's value at ``digits`` digits (mpmath, at the current working precision)."""
        return mobius_value(self.numerator, self.denominator, [c.value(digits) for c in self.basis])

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "constants": list(self.constants),
            "numerator": list(self.numerator),
            "denominator": list(self.denominator),
            "closed_form": self.closed_form,
            # sizes rounded up, digits rounded down: never flattering
            "relation_digits": math.ceil(self.relation_digits * 100) / 100,
            "available_digits": math.floor(self.available_digits * 100) / 100,
            "agreement_digits": math.floor(min(self.agreement_digits, 1e6) * 100) / 100,
        }


def relation_size(coeffs: Sequence[int], trials: int = 1) -> float:
    """S = sum log10(2 |u_i| + 1) + log10(trials): the digits a relation uses (see the module doc)."""
    return float(sum(math.log10(2 * abs(int(u)) + 1) for u in coeffs) + math.log10(max(1, trials)))


def _normalise(num: list[int], den: list[int]) -> tuple[list[int], list[int]]:
    g = 0
    for v in num + den:
        g = math.gcd(g, int(v))
    if g > 1:
        num = [v // g for v in num]
        den = [v // g for v in den]
    lead = next((v for v in reversed(den) if v != 0), 0)  # the constants' side of the denominator
    if lead < 0:
        num = [-v for v in num]
        den = [-v for v in den]
    return num, den


def mobius_value(num: Sequence[int], den: Sequence[int], values: Sequence):
    """(num . (1, values)) / (den . (1, values)) at the current mpmath precision."""
    import mpmath

    basis = [mpmath.mpf(1)] + [mpmath.mpf(v) for v in values]
    top = mpmath.fsum(int(c) * b for c, b in zip(num, basis))
    bottom = mpmath.fsum(int(c) * b for c, b in zip(den, basis))
    return top / bottom


def mobius_closed_form(num: Sequence[int], den: Sequence[int], constants: Sequence[Constant]) -> str:
    """The text of num . (1, C) / den . (1, C), e.g. ``6/zeta(3)`` (:mod:`discover.cf.closed_form`)."""
    from discover.cf.closed_form import mobius_text

    return mobius_text(num, den, [c.expression for c in constants])


def form_agreement(x, num, den, constants, work_digits: int) -> float:
    """-log10 |x - form| / |x| (|x| read as 1 when x = 0) for the Moebius form num . (1, C) / den . (1, C),
    with the constants computed at ``work_digits`` digits; ``-inf`` at a pole, ``inf`` when equal."""
    import mpmath

    with mpmath.workdps(work_digits):
        vals = [c.value(work_digits) for c in constants]
        try:
            y = mobius_value(num, den, vals)
        except ZeroDivisionError:
            return float("-inf")
        diff = abs(mpmath.mpf(x) - y)
        if diff == 0:
            return float("inf")
        scale = abs(mpmath.mpf(x)) if x != 0 else mpmath.mpf(1)
        return float(-mpmath.log10(diff / scale))


def check_form(x, digits: float, num: Sequence[int], den: Sequence[int], constants: Sequence[Constant],
               kind: str = "mobius", relation: Sequence[int] | None = None, trials: int = 1) -> Identification | None:
    """Apply the acceptance rule to a given form x = num . (1, C) / den . (1, C); the relation defaults
    to (num, den) (the coefficients of u . (1, C, x, x C) = 0 up to sign); ``trials`` is m, the number
    of forms the caller could have matched."""
    rel = list(relation) if relation is not None else list(num) + list(den)
    num, den = _normalise([int(v) for v in num], [int(v) for v in den])
    return _accept(x, num, den, rel, list(constants), float(digits), kind, trials)


def _accept(x, num, den, relation, constants, digits: float, kind: str, trials: int = 1) -> Identification | None:
    if all(v == 0 for v in den):
        return None
    size = relation_size(relation, trials)
    if size > digits / 2 + 1:
        return None
    # A cheap look first: a form that fails at 60 digits fails at all D (the full check needs every
    # constant at 2 D + 20 digits, the slow part).
    if digits > 60 and form_agreement(x, num, den, constants, 80) < 59:
        return None
    agree = form_agreement(x, num, den, constants, int(2 * digits + 20))  # constants at 2 D + 20 digits
    if agree < digits - 1:
        return None
    # Drop constants whose coefficients are all zero (e.g. a rational value).
    used = [i for i in range(len(constants)) if num[i + 1] != 0 or den[i + 1] != 0]
    if len(used) < len(constants):
        num = [num[0]] + [num[i + 1] for i in used]
        den = [den[0]] + [den[i + 1] for i in used]
        constants = [constants[i] for i in used]
        if not used:
            kind = "rational"
        elif kind == "pair" and not any(c.factors for c in constants) and len(constants) == 1:
            kind = "mobius"
    names = tuple(c.name for c in constants)
    closed = mobius_closed_form(num, den, constants)
    return Identification(kind, names, tuple(int(v) for v in num), tuple(int(v) for v in den), closed, size,
                          digits, agree, tuple(constants))


def recheck(ident: Identification, x, digits: float) -> Identification | None:
    """The acceptance rule applied again to an accepted form, for another value ``x`` of the same limit
    known to ``digits`` digits (the same relation size S): the identification at those digits, or None."""
    if ident.relation_digits > digits / 2 + 1 or not ident.basis and ident.constants:
        return None
    agree = form_agreement(x, ident.numerator, ident.denominator, list(ident.basis), int(2 * digits + 20))
    if agree < digits - 1:
        return None
    return dataclasses.replace(ident, available_digits=float(digits), agreement_digits=agree)


def identify(x, digits: float, constants: Sequence[Constant | str] | str, max_digits: float = 5000,
             search_tiers: Sequence[float] = SEARCH_TIERS, pairs: bool = False) -> Identification | None:
    """Find an accepted relation (see the module doc) for ``x`` (an mpmath number carrying at least
    ``digits`` significant digits) among ``constants``; ``None`` if none passes the rule.

    Tries, at each precision tier, the Moebius form of every constant, then (``pairs``) every pair of
    constants with their product, then the combined forms of all constants; returns the accepted
    relation of smallest size S (then fewest constants, then shortest text) of the first tier that has
    one. Every candidate is checked against all D digits (D = min(digits, ``max_digits``)).
    """
    import mpmath

    if isinstance(constants, str) or (constants and isinstance(constants[0], str)):
        constants = parse_constants(constants if isinstance(constants, str) else list(constants))
    constants = list(constants)
    if digits < 3 or not mpmath.isfinite(x):
        return None
    D = float(min(digits, max_digits))
    plan = _Plan(constants, pairs)
    tiers = sorted({min(D, float(t)) for t in search_tiers})
    pair_tiers = {min(D, float(t)) for t in PAIR_TIERS}
    for Ds in tiers:
        found = plan.search(x, D, Ds, with_pairs=Ds in pair_tiers)
        if found:
            return min(found, key=lambda i: (i.relation_digits, len(i.constants), len(i.closed_form)))
    return None


class _Plan:
    """The searches of one identification: constants, pairs (with their product constants), combined
    forms, and m (``trials``), the number of them."""

    def __init__(self, constants: list[Constant], pairs: bool):
        from discover.cf.constants import same_group

        self.constants = constants
        k = len(constants)
        self.pairs = []  # (C1, C2); their product constant is made when the pair is searched
        if pairs:
            self.pairs = [(constants[i], constants[j]) for i in range(k) for j in range(i + 1, k)
                          if not same_group(constants[i], constants[j])]
        self.linear = 2 <= k <= MAX_COMBINED
        self.mobius_all = k == 3 or (k == 2 and not pairs)
        self.trials = k + len(self.pairs) + int(self.linear) + int(self.mobius_all)

    def search(self, x, D: float, Ds: float, with_pairs: bool) -> list[Identification]:
        """The accepted relations found by lattice reduction at ``Ds`` digits, checked against all D."""
        import mpmath

        from discover.cf.relation import fixed_point, lll_relations, scale_bits

        found: list[Identification] = []
        work = int(Ds) + 20
        with mpmath.workdps(work):
            xv = mpmath.mpf(x)
            mag = max(1.0, float(abs(xv)))
            bits = scale_bits(Ds, mag)
            X = fixed_point(xv, bits)
            one = 1 << bits
            fixed = {c.name: fixed_point(c.value(work), bits) for c in self.constants}

            # S <= Ds/2 + 1 as an integer test first: prod (2|u_i| + 1) <= 10^(Ds/2 + 1) / m
            # (the chance rows of a lattice fail it, and most rows are chance rows)
            bound = 10 ** (Ds / 2 + 1) / self.trials

            def candidates(scaled, split: int):
                """Lattice rows u that pass the size rule at Ds digits and involve x (u[split:] != 0)."""
                for u, _residual in lll_relations(scaled):
                    if not any(u[split:]):
                        continue
                    prod = 1
                    for v in u:
                        prod *= 2 * abs(v) + 1
                        if prod > bound:
                            break
                    else:
                        if relation_size(u, self.trials) <= Ds / 2 + 1:
                            yield u

            def consider(u, basis, split, kind):
                den = list(u[split:]) + [0] * (2 * split - len(u))  # the linear form's denominator is d . 1
                num, den = _normalise([-v for v in u[:split]], den)
                ident = _accept(x, num, den, list(u), basis, D, kind, self.trials)
                if ident is not None:
                    found.append(ident)

            # 1. one constant at a time: u . (1, c, x, x c) = 0
            for c in self.constants:
                C = fixed[c.name]
                for u in candidates([one, C, X, (X * C) >> bits], 2):
                    consider(u, [c], 2, "mobius")
                    break
            # 2. pairs with their product: u . (1, C1, C2, C1 C2, x, x C1, x C2, x C1 C2) = 0; not when a
            # single constant already gave an accepted form (a pair form ties at best: zeros cost nothing)
            if with_pairs and not found:
                from discover.cf.constants import product_constant

                for c1, c2 in self.pairs:
                    C1, C2 = fixed[c1.name], fixed[c2.name]
                    P = (C1 * C2) >> bits
                    vec = [one, C1, C2, P, X, (X * C1) >> bits, (X * C2) >> bits, (X * P) >> bits]
                    for u in candidates(vec, 4):
                        if not (u[2] or u[3] or u[6] or u[7]) or not (u[1] or u[3] or u[5] or u[7]):
                            break  # one constant only: the Moebius search above has it
                        consider(u, [c1, c2, product_constant(c1, c2)], 4, "pair")
                        break
            # 3. all constants: linear u . (x, 1, C1..Ck) = 0, Moebius over (1, C1..Ck, x, x C1..x Ck)
            vals = [fixed[c.name] for c in self.constants]
            k = len(vals)
            if self.linear:
                for u in candidates([one, *vals, X], k + 1):
                    consider(u, self.constants, k + 1, "linear")
                    break
            if self.mobius_all:
                for u in candidates([one, *vals, X, *[(X * v) >> bits for v in vals]], k + 1):
                    consider(u, self.constants, k + 1, "mobius")
                    break
        return found


def mobius_table(value: float, max_coeff: int):
    """All Moebius forms y = (c0 + c1 v) / (d0 + d1 v) with integer coefficients in
    [-max_coeff, max_coeff], c0 d1 - c1 d0 != 0 (not a rational constant), gcd 1, first non-zero
    denominator coefficient positive, and finite y.

    Returns (values, coeffs): ``values`` a sorted float64 array, ``coeffs`` an int64 array (m, 4) of
    (c0, c1, d0, d1) in the same order. Duplicate values (the same form written twice) keep the
    smallest coefficients. Size: (2K+1)^4 forms before reduction (K = 10: 194,481).
    """
    import numpy as np

    K = int(max_coeff)
    r = np.arange(-K, K + 1, dtype=np.int64)
    c0, c1, d0, d1 = (m.ravel() for m in np.meshgrid(r, r, r, r, indexing="ij"))
    det = c0 * d1 - c1 * d0
    keep = det != 0
    lead = np.where(d0 != 0, d0, d1)
    keep &= lead > 0
    g = np.gcd(np.gcd(c0, c1), np.gcd(d0, d1))
    keep &= g == 1
    c0, c1, d0, d1 = c0[keep], c1[keep], d0[keep], d1[keep]
    denom = d0 + d1 * value
    ok = np.abs(denom) > 1e-12
    c0, c1, d0, d1, denom = c0[ok], c1[ok], d0[ok], d1[ok], denom[ok]
    vals = (c0 + c1 * value) / denom
    size = np.abs(c0) + np.abs(c1) + np.abs(d0) + np.abs(d1)
    order = np.lexsort((size, vals))
    vals = vals[order]
    coeffs = np.stack([c0, c1, d0, d1], axis=1)[order]
    # drop numerically identical values, keeping the smallest form (first after the lexsort)
    first = np.ones(len(vals), dtype=bool)
    first[1:] = vals[1:] != vals[:-1]
    return vals[first], coeffs[first]


def parse_decimal(value: str, digits: float | None = None) -> tuple[str, float]:
    """A decimal number as a user writes it (``1.2732395447351626862``, ``-3.5e-2``) and the significant
    digits D it is known to: ``digits`` if given, else the digits written less one. Checked against the
    limits before any work: D finite, 6 <= D <= the digits written (a value cannot be known to more digits
    than it has), at most :data:`~discover.cf.limits.MAX_IDENTIFY_DIGITS` digits written, a decimal
    exponent of absolute value at most 100. Returns (the stripped text, D); InputError otherwise."""
    import re

    from discover.cf.limits import MAX_IDENTIFY_DIGITS
    from discover.errors import InputError

    text = value.strip()
    shown = repr(text if len(text) <= 60 else text[:57] + "...")
    m = re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d{1,6}))?", text)
    if not m:
        raise InputError(f"value {shown}: expected a decimal number such as 1.2732395447351626862")
    mantissa = m.group(1).replace(".", "").lstrip("0")
    written = len(mantissa)
    if written > MAX_IDENTIFY_DIGITS:
        raise InputError(f"value {shown}: {written:,} digits; at most {MAX_IDENTIFY_DIGITS:,} are accepted")
    if m.group(2) is not None and abs(int(m.group(2))) > 100:
        raise InputError(f"value {shown}: exponent {m.group(2)}; at most 100 in absolute value")
    if digits is None:
        D = float(max(0, written - 1))
    else:
        D = float(digits)
        if not math.isfinite(D):
            raise InputError(f"--digits {digits}: must be a finite number")
        if D > written:
            raise InputError(f"--digits {digits:g}: the value {shown} has only {written} significant digits")
    if D < 6:
        raise InputError(f"value {shown}: only {D:g} significant digits; identification needs at least 6")
    return text, D
