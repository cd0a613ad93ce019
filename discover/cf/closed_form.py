"""The text of a closed form num . (1, C) / den . (1, C), written without sympy.

Rules (the texts are sympy-parseable and read the way the earlier sympy printing did for Moebius forms:
``6/zeta(3)``, ``(4 + 3*pi)/4``, ``2 - E``, ``(2 - 3*log(2))/(-1 + log(2))``):

* a linear form lists its terms in basis order, the integer term first: ``c0 + c1*C1 + ...``; a
  coefficient 1 is not written, -1 is a leading minus, a negative term after the first is `` - ``;
* a denominator that is an integer d > 1 gives ``term/d`` or ``(sum)/d``; d = 1 is left out;
* otherwise ``num/den`` with the numerator in parentheses when it is a sum and the denominator in
  parentheses unless it is one bare name or call (``pi``, ``zeta(3)``, ``pi**2``);
* of the two spellings N/D and (-N)/(-D) the one with fewer minus signs is kept (the first on a tie).

A constant's text (its ``expression``) is used as written; a sum inside it is parenthesised when it
is multiplied by a coefficient.
"""

from __future__ import annotations

import re
from typing import Sequence

__all__ = ["mobius_text"]

_ATOM = re.compile(r"^[A-Za-z_]\w*(\([^()]*\))?(\*\*\d+)?$")


def _has_top_level_sum(text: str) -> bool:
    """Whether ``text`` is a sum or difference at its top level (or starts with a minus sign), so that it
    needs parentheses when multiplied."""
    if text.startswith("-"):
        return True
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in "+-" and i > 0 and text[i - 1] not in "*/(e":
            return True
    return False


def _terms(coeffs: Sequence[int], texts: Sequence[str]) -> list[str]:
    """Signed term texts (``3*pi``, ``-E``, ``4``) of the non-zero coefficients, the integer term first."""
    out = []
    for c, text in zip(coeffs, [None, *texts]):
        c = int(c)
        if c == 0:
            continue
        if text is None:
            out.append(str(c))
            continue
        atom = f"({text})" if _has_top_level_sum(text) else text
        out.append(atom if c == 1 else f"-{atom}" if c == -1 else f"{c}*{atom}")
    return out


def _join(terms: list[str]) -> str:
    if not terms:
        return "0"
    text = terms[0]
    for t in terms[1:]:
        text += f" - {t[1:]}" if t.startswith("-") else f" + {t}"
    return text


def _spelling(num: Sequence[int], den: Sequence[int], texts: Sequence[str]) -> str:
    top, bottom = _terms(num, texts), _terms(den, texts)
    if not top:
        return "0"
    if all(int(v) == 0 for v in den[1:]):
        d = int(den[0])
        if d < 0:
            return _spelling([-int(v) for v in num], [-d, *den[1:]], texts)
        if d == 1:
            return _join(top)
        return f"{_join(top)}/{d}" if len(top) == 1 else f"({_join(top)})/{d}"
    numer = _join(top) if len(top) == 1 else f"({_join(top)})"
    denom = _join(bottom)
    if not (len(bottom) == 1 and _ATOM.match(denom)):
        denom = f"({denom})"
    return f"{numer}/{denom}"


def mobius_text(num: Sequence[int], den: Sequence[int], texts: Sequence[str]) -> str:
    """The text of (num . (1, C)) / (den . (1, C)), ``texts`` the constants' expressions (rules above)."""
    plain = _spelling(num, den, texts)
    negated = _spelling([-int(v) for v in num], [-int(v) for v in den], texts)
    return negated if negated.count("-") < plain.count("-") else plain
