"""Identification: express a number known to D significant digits in terms of constants.

Forms searched (with integer coefficients):

* **Moebius form** of one constant c:  x = (c0 + c1 c) / (d0 + d1 c), found as the integer relation
  u . (1, c, x, x c) = 0 (then c0 = -u0, c1 = -u1, d0 = u2, d1 = u3);
* **linear combination** of several constants:  x = (c0 + c1 C1 + ... + ck Ck) / d,
  the relation u . (x, 1, C1, ..., Ck) = 0;
* **Moebius form of several constants**: x = (c0 + sum ci Ci) / (d0 + sum di Ci), the relation over
  (1, C1..Ck, x, x C1..x Ck), tried only when the digits allow it.

Relations are found with PSLQ (``mpmath.pslq``) at the precision of x. A rational x (c1 = d1 = 0) is
reported as the fraction.

Acceptance rule (stated once, used everywhere). With D the significant digits of x, a relation
u = (u_1, ..., u_n) found among m candidate searches (m = the number of constants tried, plus the
combined searches; for the search engine, the number of Moebius forms in its tables) has size

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

:func:`mobius_table` builds the *hash table* of Moebius forms with small coefficients used by the
search's first stage (float64 values, sorted, with their coefficients).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from discover.cf.constants import Constant, parse_constants

__all__ = ["Identification", "identify", "check_form", "relation_size", "mobius_value", "mobius_closed_form", "mobius_table"]


@dataclass(frozen=True)
class Identification:
    """An accepted relation. ``numerator`` and ``denominator`` are the integer coefficients on the basis
    (1, C1, ..., Ck) of ``constants``; x = numerator . basis / denominator . basis."""

    kind: str  # "rational" | "mobius" | "linear"
    constants: tuple[str, ...]
    numerator: tuple[int, ...]
    denominator: tuple[int, ...]
    closed_form: str
    relation_digits: float
    available_digits: float
    agreement_digits: float

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
    """A sympy-parseable, simplified text of num . (1, C) / den . (1, C), e.g. ``6/zeta(3)``."""
    import sympy

    syms = [sympy.Integer(1)] + [c.sympy() for c in constants]

    def text(sign: int) -> str:
        top = sum((sign * int(u) * s for u, s in zip(num, syms)), sympy.Integer(0))
        bottom = sum((sign * int(u) * s for u, s in zip(den, syms)), sympy.Integer(0))
        expr = sympy.together(top / bottom)
        # Light clean-up only: simplify() would rewrite 8*log(2) - 5 as log(256) - 5.
        factored = sympy.factor_terms(expr)
        if sympy.count_ops(factored) < sympy.count_ops(expr):
            expr = factored
        return sympy.sstr(expr)

    # The same value with numerator and denominator negated often reads better (pi/(4 - pi) rather
    # than -pi/(-4 + pi)): keep the spelling with fewer minus signs.
    plain, negated = text(1), text(-1)
    return negated if negated.count("-") < plain.count("-") else plain


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
    # A cheap look first: a form that fails at 60 digits fails at all D (PSLQ at low precision returns
    # many chance relations; the full check needs every constant at 2 D + 20 digits, the slow part).
    if digits > 60 and form_agreement(x, num, den, constants, 80) < 59:
        return None
    agree = form_agreement(x, num, den, constants, int(2 * digits + 20))  # constants at 2 D + 20 digits
    if agree < digits - 1:
        return None
    names = tuple(c.name for c in constants)
    # Drop constants whose coefficients are all zero (e.g. a rational value).
    used = [i for i in range(len(constants)) if num[i + 1] != 0 or den[i + 1] != 0]
    if len(used) < len(constants):
        num = [num[0]] + [num[i + 1] for i in used]
        den = [den[0]] + [den[i + 1] for i in used]
        constants = [constants[i] for i in used]
        names = tuple(c.name for c in constants)
        if not used:
            kind = "rational"
    closed = mobius_closed_form(num, den, constants)
    return Identification(kind, names, tuple(int(v) for v in num), tuple(int(v) for v in den), closed, size, digits, agree)


def _pslq(vector, digits: float):
    import mpmath

    maxcoeff = int(10 ** min(max(digits / 2, 1), 40))
    try:
        return mpmath.pslq(vector, tol=mpmath.mpf(10) ** (-(digits - 1)), maxcoeff=maxcoeff, maxsteps=20000)
    except (ValueError, ArithmeticError):
        return None


def identify(x, digits: float, constants: Sequence[Constant | str] | str,
             max_digits: float = 5000, search_tiers: Sequence[float] = (40, 160, 400)) -> Identification | None:
    """Find an accepted relation (see the module doc) for ``x`` (an mpmath number carrying at least
    ``digits`` significant digits) among ``constants``; ``None`` if none passes the rule.

    Tries, for every constant, the Moebius form of that constant, then the linear combination of all
    constants, then (if there are 2 or 3) the Moebius form of all of them; returns the accepted relation
    of smallest size S. PSLQ runs at increasing precisions (``search_tiers``, each capped by D) and
    stops at the first tier that yields an accepted relation; every candidate relation is then checked
    against all D digits (D = min(digits, ``max_digits``); the rule and the agreement use that D).
    """
    import mpmath

    if isinstance(constants, str) or (constants and isinstance(constants[0], str)):
        constants = parse_constants(constants if isinstance(constants, str) else list(constants))
    constants = list(constants)
    if digits < 3 or not mpmath.isfinite(x):
        return None
    D = float(min(digits, max_digits))
    tiers = sorted({min(D, float(t)) for t in search_tiers} | ({D} if D <= min(search_tiers) else set()))
    for Ds in tiers:
        found = _identify_at(x, D, Ds, constants)
        if found:
            return min(found, key=lambda i: (i.relation_digits, len(i.constants)))
    return None


def _identify_at(x, D: float, Ds: float, constants: list[Constant]) -> list[Identification]:
    """Relations found by PSLQ with Ds digits, each accepted or not against all D digits."""
    import mpmath

    k = len(constants)
    trials = k + (0 if k == 1 else (2 if k <= 3 else 1))  # Moebius per constant, linear, Moebius of all

    work = int(math.floor(Ds)) + 10
    found: list[Identification] = []
    with mpmath.workdps(work):
        xv = mpmath.mpf(x)
        vals = [c.value(work) for c in constants]
        # 1. one constant at a time: u . (1, c, x, x c) = 0
        for c, v in zip(constants, vals):
            rel = _pslq([mpmath.mpf(1), v, xv, xv * v], Ds)
            if rel is None:
                continue
            u0, u1, u2, u3 = rel
            num, den = _normalise([-u0, -u1], [u2, u3])
            ident = _accept(x, num, den, rel, [c], D, "mobius", trials)
            if ident is not None:
                found.append(ident)
        # 2. linear combination of all constants: u . (x, 1, C1..Ck) = 0
        if len(constants) > 1:
            rel = _pslq([xv, mpmath.mpf(1)] + vals, Ds)
            if rel is not None and rel[0] != 0:
                num, den = _normalise([-r for r in rel[1:]], [rel[0]] + [0] * len(vals))
                ident = _accept(x, num, den, rel, constants, D, "linear", trials)
                if ident is not None:
                    found.append(ident)
            # 3. Moebius form in all constants
            if k <= 3 and Ds >= 8 * (2 * k + 2):
                rel = _pslq([mpmath.mpf(1)] + vals + [xv] + [xv * v for v in vals], Ds)
                if rel is not None:
                    num, den = _normalise([-r for r in rel[: k + 1]], list(rel[k + 1 :]))
                    ident = _accept(x, num, den, rel, constants, D, "mobius", trials)
                    if ident is not None:
                        found.append(ident)
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
