"""Exact checks of the recurrence operations on generated solutions (used by the commands and the tests).

A recurrence R' claimed to be satisfied by (a transform of) every solution of R is checked by running R
forward from several integer initial vectors (exact fractions, :meth:`LinearRecurrence.solution`) and
substituting the values into R'. k independent initial vectors span all solutions, so a check that
passes on e_0, ..., e_{k-1} and at more consecutive n than R' has coefficient degrees is a proof for
the range of n it covers (each a polynomial identity in n of bounded degree).
"""

from __future__ import annotations

__all__ = ["check_fold", "check_compose", "satisfies"]


def satisfies(rec, values: dict, lo: int, hi: int) -> bool:
    """sum_i a_i(n) values[n - i] == 0 for n = lo .. hi (``values``: n -> exact value)."""
    return all(sum(c(n) * values[n - i] for i, c in enumerate(rec.coefficients)) == 0 for n in range(lo, hi + 1))


def _span(rec, start: int, stop: int):
    """{n: u(n)} for each solution started by e_0, ..., e_{k-1} at ``start``."""
    k = rec.order
    out = []
    for j in range(k):
        init = [int(i == j) for i in range(k)]
        u = rec.solution(init, start, stop)
        out.append({start - k + i: x for i, x in enumerate(u)})
    return out


def _first_safe(rec) -> int:
    roots = [r for r in rec.coefficients[0].integer_roots()] if rec.coefficients[0].degree > 0 else []
    return max([1] + [r + 1 for r in roots])


def check_fold(rec, folded, step: int, offset: int) -> bool:
    """Every solution's w(j) = u(step j + offset) satisfies ``folded`` (enough j for a proof: module doc)."""
    start = _first_safe(rec)
    span = folded.order + max(c.degree for c in folded.coefficients) + 3
    j0 = (start + rec.order - offset) // step + folded.order + 1
    stop = step * (j0 + span) + offset
    for sol in _span(rec, start, stop):
        w = {j: sol[step * j + offset] for j in range(j0 - folded.order, j0 + span + 1)
             if step * j + offset in sol}
        if not satisfies(folded, w, j0, j0 + span):
            return False
    return True


def check_compose(inner, composed) -> bool:
    """Every solution of ``inner`` satisfies ``composed``."""
    start = _first_safe(inner)
    span = composed.order + max(c.degree for c in composed.coefficients) + 3
    stop = start + composed.order + span
    for sol in _span(inner, start, stop):
        if not satisfies(composed, sol, start + composed.order, stop):
            return False
    return True
