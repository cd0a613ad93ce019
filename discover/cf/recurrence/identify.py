"""A limit of a recurrence expressed through several columns: initial values whose ratio is a constant.

Problem (ramanujantools' ``Limit.identify``). The k solutions of a recurrence at depth N form the vector
v(N) (:mod:`.limit`); every ratio of two solutions is a . v / b . v for integer initial vectors a, b.
Given a constant C, find a, b with a . v / b . v = C, i.e. an integer relation

    a . v - C (b . v) = 0    among the 2k numbers  (v_0, ..., v_{k-1}, C v_0, ..., C v_{k-1}) / v_{k-1}.

Method. First the rational dependencies among the v_i themselves are removed (a relation u . v = 0 at
the available digits: drop the last index it uses, repeat), so that the lattice has no trivial
vectors. Then FLINT LLL at increasing precision (:func:`discover.cf.relation.find_relation`) on the
remaining 2m numbers. The acceptance rule is the project's (:mod:`discover.cf.identify`): a relation of
S = sum log10(2|u_i| + 1) digits is taken only when S <= D/2 + 1 (D: the digits the direction of v
has), and the form a . v / b . v must then agree with C, computed at 2 D + 20 digits, to D - 1 digits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["InitialIdentification", "identify_initial"]


@dataclass(frozen=True)
class InitialIdentification:
    """a . v / b . v = constant: ``numerator`` a, ``denominator`` b (initial values u(s-k), ..., u(s-1))."""

    constant: str
    numerator: tuple[int, ...]
    denominator: tuple[int, ...]
    relation_digits: float
    available_digits: float
    agreement_digits: float

    def to_json(self) -> dict:
        return {"constant": self.constant, "p_initial": list(self.numerator), "q_initial": list(self.denominator),
                "relation_digits": math.ceil(self.relation_digits * 100) / 100,
                "available_digits": math.floor(self.available_digits * 100) / 100,
                "agreement_digits": math.floor(min(self.agreement_digits, 1e6) * 100) / 100}


def identify_initial(limit, constant, max_digits: float = 2000) -> InitialIdentification | None:
    """Initial vectors (a, b) with a . v / b . v = ``constant`` (a :class:`~discover.cf.constants.Constant`)
    for the column v of ``limit`` (a :class:`~discover.cf.recurrence.limit.RecurrenceLimit`), or None."""
    import mpmath

    from discover.cf.identify import relation_size
    from discover.cf.relation import find_relation

    k = len(limit.column)
    if not limit.column_limits and k > 1:
        return None
    D = min([d for _, d in limit.column_limits] + [float(max_digits)])
    if not math.isfinite(D) or D < 10:
        return None
    work = int(D) + 20
    with mpmath.workdps(work):
        vhat = [mpmath.mpf(x) for x, _ in limit.column_limits] + [mpmath.mpf(1)]
        used = list(range(k))
        while len(used) > 1:
            rel = find_relation([vhat[i] for i in used], D)
            if rel is None or relation_size(rel) > D / 2 + 1:
                break
            used.pop(max(j for j, u in enumerate(rel) if u != 0))
        C = constant.value(work)
        values = [vhat[i] for i in used] + [C * vhat[i] for i in used]
        rel = find_relation(values, D)
    if rel is None:
        return None
    m = len(used)
    size = relation_size(rel)
    if size > D / 2 + 1:
        return None
    a = [0] * k
    b = [0] * k
    for j, i in enumerate(used):
        a[i] = int(rel[j])
        b[i] = -int(rel[m + j])
    if not any(b):
        return None
    prec = int(2 * D + 20)
    with mpmath.workdps(prec):
        vh = [mpmath.mpf(x) for x in vhat]
        num = mpmath.fsum(x * y for x, y in zip(a, vh))
        den = mpmath.fsum(x * y for x, y in zip(b, vh))
        if den == 0:
            return None
        C2 = constant.value(prec)
        diff = abs(num / den - C2)
        agree = math.inf if diff == 0 else float(-mpmath.log10(diff / (abs(C2) or 1)))
    if agree < D - 1:
        return None
    if next((x for x in b if x), 0) < 0:
        a, b = [-x for x in a], [-x for x in b]
    return InitialIdentification(constant.name, tuple(a), tuple(b), size, D, agree)
