"""The check of ``cf.cmf`` walks: the identified closed form must involve a constant (not a rational
number) and agree with the exact walk's limit to all of its digits but two, the constants computed
independently at twice the precision (:func:`discover.cf.cmf.trajectory.identify_walk`); the record
carries delta (delta > 0: the walk proves the limit irrational), the equivalent PCF of a 2x2 walk and that
PCF's novelty (known, equivalent or new against the known lists)."""

from __future__ import annotations

import math

from discover.cf.cmf.unification import trajectory_pcf
from discover.records import Record

__all__ = ["verify_walk", "walk_record", "walk_novelty"]


def verify_walk(cmf, ev, constants):
    """The verified record of the walk ``ev`` identified among ``constants``, or None when no closed form
    passes (none found, a rational one, or one that disagrees with the limit)."""
    from discover.cf.cmf.trajectory import identify_walk, is_rational_identification

    found = identify_walk(ev, constants)
    if found is None:
        return None
    ident, agree, delta, _L = found
    if is_rational_identification(ident) or agree < ev.digits - 2:
        return None
    return walk_record(cmf, ev, ident, agree, delta)


def _poly_json(matrix) -> list:
    return [[[int(c) for c in e.coeffs()] for e in row] for row in matrix]


def walk_novelty(pcf: dict | None) -> dict | None:
    """The novelty of the walk's equivalent PCF against the known lists (:mod:`discover.cf.novelty`), or
    None when the walk has no PCF (a larger matrix). The PCF's limit is a Moebius image of the walk's, so
    no closed form is passed: the decision rests on the exact equivalences alone."""
    if pcf is None:
        return None
    from discover.cf.novelty.classify import novelty_payload
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    return novelty_payload(PCF(Polynomial.parse(pcf["a"]), Polynomial.parse(pcf["b"])), None)


def walk_record(cmf, ev, ident, agree: float, delta: float) -> Record:
    """The verified record of an identified walk."""
    import mpmath

    digits = min(ev.digits, agree)
    with mpmath.workdps(40):
        value = mpmath.nstr(ev.value, 30)
    d = None if (delta is None or math.isnan(delta)) else (round(delta, 5) if math.isfinite(delta) else None)
    pcf = trajectory_pcf(ev.matrix)
    payload = {
        "cmf": cmf.name,
        "axes": list(cmf.axes),
        "trajectory": list(ev.trajectory),
        "start": list(ev.start),
        "closed_form": ident.closed_form,
        "limit": value,
        "digits": round(digits, 1),
        "delta": d,
        "proves_irrationality": bool(d is not None and d > 0),
        "depth": ev.depth,
        "rate": round(ev.rate, 4),
        "identification": ident.to_json(),
        "trajectory_matrix": _poly_json(ev.matrix),
        "pcf": pcf,
        "novelty": walk_novelty(pcf),
    }
    statement = (f"CMF {cmf.name}: the walk along {tuple(ev.trajectory)} from {tuple(ev.start)} converges to "
                 f"{ident.closed_form} ({digits:.0f} digits at depth {ev.depth}, delta = "
                 f"{'n/a' if d is None else f'{d:.4f}'})")
    canonical = [[list(map(list, m)) for m in cmf.matrices], list(cmf.axes), list(ev.trajectory), list(ev.start)]
    verification = {
        "method": "exact walk (FLINT binary splitting); closed form checked against the constants at "
                  "twice the precision",
        "digits": round(digits, 1),
        "depth": ev.depth,
        "relation_digits": round(ident.relation_digits, 2),
        "seconds": round(ev.seconds, 3),
    }
    return Record.create("cf.cmf", "cmf-walk", canonical, statement, payload, verification, verified=True)
