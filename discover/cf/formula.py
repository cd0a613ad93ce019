"""The shared PCF verifier: exact verification of a PCF formula, and the record that carries it (used by
``cf.eval`` and ``cf.search``, whose ``verify`` modules delegate here).

``evaluate_to(pcf, target, max_depth)`` deepens the exact evaluation (doubling, or jumping by the
measured rate) until the limit is known to ``target`` significant digits or ``max_depth`` is reached;
slow fractions are reported with the digits they have. ``extrapolate_to`` raises the order of the
Levin extrapolation (:meth:`discover.cf.pcf.PCF.extrapolate`) until ``target`` estimated digits, for
fractions whose exact convergents fall short; its digits are reported apart (``digits_extrapolated``),
never as the convergent's. :func:`formula_record` turns an evaluation and
an accepted :class:`~discover.cf.identify.Identification` (or none) into a
:class:`~discover.records.Record` whose key is the PCF's canonical form (so equivalent PCFs found
twice, by ``cf eval`` or ``cf search``, are stored once).

Verification class (honest digits). Every identified record says which digits its acceptance used,
in ``verification_class`` (payload) and ``verification.class``:

* ``exact``: the acceptance rule of :mod:`discover.cf.identify` holds with D = ``digits``, the digits of
  the exact convergent at ``depth`` (an extrapolated limit may have been used to *find* the relation;
  it is then re-checked, and reported, on the exact digits alone);
* ``extrapolated``: the rule holds only with D = ``digits_extrapolated``, the estimated digits of the
  Levin-extrapolated limit; the formula is then a conjecture supported by an estimate, and the
  statement says so;
* ``finite``: a terminating fraction, whose value is an exact rational.
"""

from __future__ import annotations

import math

from discover.cf.identify import Identification, recheck, mobius_value
from discover.cf.pcf import PCF, Evaluation, Extrapolation
from discover.cf.polynomial import Polynomial
from discover.records import Record

__all__ = ["evaluate_to", "extrapolate_to", "formula_record", "verification_class", "RECORD_ENGINE",
           "EXTRAPOLATION_ORDERS"]

# Orders of the Levin extrapolation tried in turn (about 0.9 digits per order on power-law errors).
EXTRAPOLATION_ORDERS = (24, 48, 96, 192)

# The engine name written in cf records (eval and search share it, so their keys coincide).
RECORD_ENGINE = "cf"


def evaluate_to(pcf: PCF, target_digits: float, max_depth: int, start_depth: int = 64) -> Evaluation:
    """The evaluation at the smallest tried depth giving ``target_digits``, or at ``max_depth``."""
    depth = max(6, min(start_depth, max_depth))
    ev = pcf.evaluate(depth)
    while ev.digits < target_digits and depth < max_depth and not ev.terminated:
        if ev.rate > 0.05:
            need = depth + (target_digits - ev.digits) / ev.rate * 1.1 + 8
            nxt = int(min(max(need, depth + 8), 4 * depth))
        else:
            nxt = 4 * depth
        depth = min(max_depth, nxt)
        ev = pcf.evaluate(depth)
    return ev


def extrapolate_to(pcf: PCF, target_digits: float, max_depth: int, keep_going=None) -> Extrapolation | None:
    """The Levin extrapolation at the first order of :data:`EXTRAPOLATION_ORDERS` giving
    ``target_digits`` estimated digits (orders needing convergents beyond ``max_depth`` are not tried),
    else the best one tried; ``None`` if none is defined. ``keep_going(ext)`` may stop the climb early
    (return False), e.g. when a form under test already disagrees with ``ext``."""
    best = None
    for order in EXTRAPOLATION_ORDERS:
        if PCF.extrapolation_depth(order) > max_depth:
            break
        ext = pcf.extrapolate(order)
        if ext is None:
            break
        if best is None or ext.digits > best.digits:
            best = ext
        if ext.digits >= target_digits or (keep_going is not None and not keep_going(ext)):
            break
    return best


def verification_class(ev: Evaluation, ident: Identification | None, extrapolation: Extrapolation | None):
    """(class, identification): ``finite``, ``exact`` or ``extrapolated`` (module doc) with the
    identification as accepted on those digits; (None, None) when nothing was identified."""
    if ev.terminated:
        return "finite", None
    if ident is None:
        return None, None
    if extrapolation is None:
        return "exact", ident
    on_exact = recheck(ident, ev.value, ev.digits)
    return ("exact", on_exact) if on_exact is not None else ("extrapolated", ident)


def _trunc1(x: float) -> str:
    """Digits to one decimal, truncated (a count of digits is never rounded up)."""
    return f"{math.floor(x * 10) / 10:.1f}"


def _fmt_digits(x: float) -> float | None:
    """Digits for JSON: truncated (never rounded up) to 0.01; ``None`` for an exact (terminating) value
    (JSON has no inf)."""
    return None if math.isinf(x) else math.floor(x * 100) / 100


def formula_record(pcf: PCF, ev: Evaluation, ident: Identification | None, constants, seconds: float,
                   method: str, print_digits: int = 60, extrapolation: Extrapolation | None = None) -> Record:
    """The record of one evaluated PCF: kind ``pcf`` when a closed form passed the acceptance rule,
    kind ``pcf-limit`` (closed_form null, ``verified`` false: shown, never stored) when none did. The
    limit's digits come from exact convergents either way; only the identified ones claim a formula. ``limit`` is printed
    to min(its decimal places, ``print_digits``) places (all of them when ``print_digits`` <= 0).

    ``extrapolation``: when the identification used an extrapolated limit (a slowly converging
    fraction), its estimated digits go to ``digits_extrapolated`` and its value and method to
    ``extrapolation``; ``digits`` stays what the exact convergent at ``depth`` has."""
    import mpmath

    canon_a, canon_b = pcf.canonical()
    klass, ident = verification_class(ev, ident, extrapolation)
    limit_value = None
    delta = None
    if ident is not None:
        prec = int(min(ev.precision_digits, 20000)) + 20
        with mpmath.workdps(prec):
            if ident.basis:
                limit_value = ident.value(prec)
            else:
                by_name = {c.name: c for c in constants}
                vals = [by_name[name].value(prec) for name in ident.constants] if ident.constants else []
                limit_value = mobius_value(ident.numerator, ident.denominator, vals)
            delta = ev.delta(limit_value)
    else:
        delta = ev.delta()
    digits = ev.digits
    places = ev.abs_digits if print_digits <= 0 else min(ev.abs_digits, float(print_digits))
    limit_text = ev.value_text(None if math.isinf(ev.abs_digits) else max(0.0, places))
    payload = {
        "a": str(pcf.a),
        "b": str(pcf.b),
        "closed_form": ident.closed_form if ident else None,
        "digits": _fmt_digits(digits),
        "depth": ev.depth,
        "delta": None if delta is None or not math.isfinite(delta) else round(delta, 6),
        "exact": bool(ev.terminated),
        "limit": limit_text,
        "rate": round(ev.rate, 4),
        "regime": ev.regime,
        "power": ev.extra.get("power"),
        "digits_proven": None if ev.digits_proven is None else _fmt_digits(ev.digits_proven),
        "canonical": {"a": str(Polynomial(canon_a)), "b": str(Polynomial(canon_b))},
    }
    payload["digits_extrapolated"] = None
    payload["verification_class"] = klass
    if extrapolation is not None:
        payload["digits_extrapolated"] = _fmt_digits(extrapolation.digits)
        payload["extrapolation"] = {
            "method": extrapolation.method,
            "order": extrapolation.order,
            "convergents": f"x_0 .. x_{extrapolation.depth} (exact)",
            "value": extrapolation.value_text(max(0.0, min(extrapolation.abs_digits, float(print_digits))
                                                  if print_digits > 0 else extrapolation.abs_digits)),
            "checks": list(extrapolation.checks),
            "estimate": "an estimate from the transform's self-consistency, not a proof",
        }
    if ident is not None:
        payload["relation"] = ident.to_json()
    verification = {
        "method": method,
        "depth": ev.depth,
        "digits": _fmt_digits(digits),
        "digits_rule": "estimated from the last exact convergents (proven bound when a, b > 0)",
        "seconds": round(seconds, 4),
    }
    if ident is not None:
        verification.update({
            "relation_digits": round(ident.relation_digits, 2),
            "agreement_digits": round(min(ident.agreement_digits, 1e6), 2),
            "acceptance": "relation size <= digits/2 + 1 and agreement >= digits-1 "
                          "(constants at 2*digits+20)",
        })
    verification["class"] = klass
    if extrapolation is not None:
        verification["digits_extrapolated"] = _fmt_digits(extrapolation.digits)
        if klass == "extrapolated":
            verification["acceptance"] = ("relation size <= D/2 + 1 and agreement >= D - 1 with D = "
                                          "digits_extrapolated, the estimated digits of the extrapolated limit "
                                          "(the exact convergent has `digits`, too few for the rule); constants "
                                          "at 2*D+20")
        elif klass == "exact":
            verification["acceptance"] = ("relation found with the extrapolated limit, accepted on the exact "
                                          "convergent: relation size <= digits/2 + 1 and agreement >= digits - 1 "
                                          "(constants at 2*digits+20)")
    if ev.terminated:
        payload["closed_form"] = limit_text
        statement = f"PCF(a={pcf.a}, b={pcf.b}) = {limit_text}  (a finite fraction: b({pcf.terminating_depth()}) = 0)"
        kind = "pcf"
    elif ident is not None and klass == "extrapolated":
        statement = (f"PCF(a={pcf.a}, b={pcf.b}) = {ident.closed_form}  ({_trunc1(digits)} exact digits at depth "
                     f"{ev.depth}; accepted on {_trunc1(extrapolation.digits)} extrapolated digits, Levin order "
                     f"{extrapolation.order}: an estimate, not exact convergents)")
        kind = "pcf"
    elif ident is not None:
        statement = f"PCF(a={pcf.a}, b={pcf.b}) = {ident.closed_form}  ({_trunc1(digits)} digits at depth {ev.depth})"
        kind = "pcf"
    else:
        statement = f"PCF(a={pcf.a}, b={pcf.b}) = {limit_text}...  (no closed form found)"
        kind = "pcf-limit"
    from discover.cf.novelty.classify import novelty_payload  # known / equivalent / new (issue 13)

    payload["novelty"] = novelty_payload(pcf, payload["closed_form"])
    # Only a closed form (or a finite fraction) is a conjecture; an unidentified limit is reported to the
    # user but not verified as anything, so the runner does not store it.
    return Record.create(RECORD_ENGINE, kind, {"a": list(canon_a), "b": list(canon_b)}, statement,
                         payload, verification, verified=kind == "pcf")
