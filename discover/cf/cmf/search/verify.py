"""The check of ``cf.cmf`` walks: the identified closed form must involve a constant (not a rational
number) and agree with the exact walk's limit to all of its digits but two, the constants computed
independently at twice the precision (:func:`discover.cf.cmf.trajectory.identify_walk`); the record
carries delta (delta > 0: the walk proves the limit irrational), the equivalent PCF of a 2x2 walk and that
PCF's novelty (known, equivalent or new against the known lists).

Hypergeometric fields carry a second, independent check: the walk's last column must be orthogonal to
the state vector v(s) = (F, theta F, ...) computed from mpmath's ``hyper`` at the start (for rank 2:
the limit is -theta F / F; see :mod:`discover.cf.cmf.hypergeometric`), to all digits the check has.
When no named constant is given, a rank-2 walk's closed form is that prediction (in pFq values)."""

from __future__ import annotations

import math

from discover.cf.cmf.unification import trajectory_pcf
from discover.records import Record

__all__ = ["verify_walk", "walk_record", "walk_novelty"]


# Digits of the hypergeometric prediction (mpmath's series at z = 1 converge slowly at high precision).
HYPER_CHECK_DIGITS = 60


def hypergeometric_check(cmf, ev) -> dict | None:
    """The walk against the hypergeometric values at its start (pFq fields, any rank): the last column
    c of W_N must satisfy v(s) . c = 0 with v(s) = (F, theta F, ...)(start) from mpmath's ``hyper``
    (:func:`discover.cf.cmf.hypergeometric.column_residual`); for rank 2 that is the limit
    -theta F / F, also given. {function, relation, predicted, agreement_digits, check_digits}; None when
    not applicable (another field, or F diverges at the start)."""
    import mpmath

    from discover.cf.cmf.hypergeometric import column_residual, function_text, predicted_limit

    if cmf.notes.get("family") != "pFq" or not ev.column:
        return None
    D = HYPER_CHECK_DIGITS
    r = column_residual(cmf, ev.start, ev.column, D)
    if r is None:
        return None
    with mpmath.workdps(30):
        agree = float(D) if r == 0 else min(float(D), float(-mpmath.log10(r)))
    out = {"function": function_text(cmf, ev.start),
           "relation": "sum_i theta^i F(start) * W[i, k-1] = 0 (W the walk's matrix)",
           "predicted": None, "agreement_digits": round(agree, 1), "check_digits": D}
    if cmf.rank == 2:
        pred = predicted_limit(cmf, ev.start, 40)
        if pred is not None:
            with mpmath.workdps(40):
                out["predicted"] = mpmath.nstr(pred, 30)
            out["predicted_as"] = "-theta F / F"
    return out


def verify_walk(cmf, ev, constants):
    """The verified record of the walk ``ev`` identified among ``constants``, or None when no closed form
    passes (none found, a rational one, or one that disagrees with the limit). A hypergeometric field's
    walk must also agree with the limit its hypergeometric values predict, and is stored on that
    check alone when no constant is named."""
    from discover.cf.cmf.trajectory import identify_walk, is_rational_identification

    hyper = hypergeometric_check(cmf, ev)
    if hyper is not None:
        # a walk may converge along another solution of the contiguous relations (then the named
        # constants alone decide); the record says which
        hyper["minimal_solution"] = hyper["agreement_digits"] >= min(ev.digits, hyper["check_digits"]) - 3
    found = identify_walk(ev, constants) if constants else None
    if found is None:
        if hyper is None or hyper["predicted"] is None or not hyper["minimal_solution"]:
            return None
        return walk_record(cmf, ev, None, min(ev.digits, hyper["agreement_digits"]), None, hyper=hyper)
    ident, agree, delta, _L = found
    if is_rational_identification(ident) or agree < ev.digits - 2:
        return None
    return walk_record(cmf, ev, ident, agree, delta, hyper=hyper)


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
    from discover.errors import InputError

    try:
        equivalent = PCF(Polynomial.parse(pcf["a"]), Polynomial.parse(pcf["b"]))
    except InputError as exc:  # a PCF beyond the limits of cf's polynomials: the walk is kept, undecided
        return {"class": None, "error": f"novelty not checked: the equivalent PCF is too large ({exc})"}
    return novelty_payload(equivalent, None)


def walk_record(cmf, ev, ident, agree: float, delta: float | None, hyper: dict | None = None) -> Record:
    """The verified record of an identified walk (``ident`` None: identified by the hypergeometric check
    ``hyper`` alone, the closed form -theta F / F of the pFq at the start)."""
    import mpmath

    digits = min(ev.digits, agree)
    closed_form = ident.closed_form if ident is not None else f"-theta F/F, F = {hyper['function']}"
    with mpmath.workdps(40):
        value = mpmath.nstr(ev.value, 30)
    d = None if (delta is None or math.isnan(delta)) else (round(delta, 5) if math.isfinite(delta) else None)
    pcf = trajectory_pcf(ev.matrix)
    payload = {
        "cmf": cmf.name,
        "axes": list(cmf.axes),
        "trajectory": list(ev.trajectory),
        "start": list(ev.start),
        "closed_form": closed_form,
        "limit": value,
        "digits": round(digits, 1),
        "delta": d,
        "proves_irrationality": bool(d is not None and d > 0),
        "depth": ev.depth,
        "rate": round(ev.rate, 4),
        "identification": ident.to_json() if ident is not None else None,
        "parameters": dict(cmf.values) or None,
        "hypergeometric": hyper,
        "trajectory_matrix": _poly_json(ev.matrix),
        "pcf": pcf,
        "novelty": walk_novelty(pcf),
    }
    at = f" ({', '.join(f'{n}={v}' for n, v in cmf.values)})" if cmf.values else ""
    statement = (f"CMF {cmf.name}{at}: the walk along {tuple(ev.trajectory)} from {tuple(ev.start)} converges to "
                 f"{closed_form} ({digits:.0f} digits at depth {ev.depth}, delta = "
                 f"{'n/a' if d is None else f'{d:.4f}'})")
    canonical = [[list(map(list, m)) for m in cmf.matrices], list(cmf.axes), list(ev.trajectory), list(ev.start)]
    if cmf.values:
        canonical.append([list(v) for v in cmf.values])
    verification = {
        "method": "exact walk (FLINT binary splitting); closed form checked against the constants at "
                  "twice the precision",
        "digits": round(digits, 1),
        "depth": ev.depth,
        "relation_digits": round(ident.relation_digits, 2) if ident is not None else None,
        "hypergeometric_agreement_digits": hyper["agreement_digits"] if hyper else None,
        "seconds": round(ev.seconds, 3),
    }
    return Record.create("cf.cmf", "cmf-walk", canonical, statement, payload, verification, verified=True)
