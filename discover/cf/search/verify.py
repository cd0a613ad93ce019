"""Stage 2 of ``cf search``: the exact verification of a screened hit (a PCF matched to a Moebius form of
a constant by the float64 screen).

The limit is computed from exact convergents (:func:`discover.cf.formula.evaluate_to`, deepened up to
``spec.depth`` until ``spec.target_digits`` digits), extrapolated when they fall short
(:func:`discover.cf.formula.extrapolate_to`, Levin; an accelerated hit is extrapolated first, so a
coincidence of the float64 screen is rejected before any deep evaluation), and the matched form must
pass the acceptance rule of :mod:`discover.cf.identify` with the constant computed independently at
2 D + 20 digits. The record is the shared PCF record (:func:`discover.cf.formula.formula_record`).
"""

from __future__ import annotations

import math
import time

from discover.cf.formula import evaluate_to, extrapolate_to, formula_record
from discover.cf.identify import check_form, form_agreement
from discover.errors import InputError
from discover.records import Record

__all__ = ["verify_hit", "reduction_record", "relation_record"]


def verify_hit(spec, pcf, constants, form_constants, num, den, accelerated: bool, trials: int) -> Record | None:
    """The verified record of ``pcf`` whose limit matched the form num . (1, C) / den . (1, C) of
    ``form_constants`` (one constant: a Moebius form; several: a combined form; all among
    ``constants``; ``trials`` forms were matched against in all), or None when the exact check rejects it."""
    import mpmath

    from discover.cf.search import screen as sc

    start = time.perf_counter()
    num, den = tuple(num), tuple(den)
    form_constants = list(form_constants)

    def agrees(ext) -> bool:
        """The matched form agrees with the extrapolated limit to all but its last estimated digit."""
        with mpmath.workdps(ext.precision_digits):
            work = int(mpmath.mp.dps) + 20  # the extrapolated value's precision, plus guard digits
            return form_agreement(ext.value, num, den, form_constants, work) >= ext.digits - 1

    ext = None
    if accelerated:
        # A float64 extrapolation matched: check the form against the exact extrapolation first.
        ext = extrapolate_to(pcf, spec.target_digits, spec.depth, keep_going=agrees)
        if ext is None or not agrees(ext):
            return None
    try:
        ev = evaluate_to(pcf, spec.target_digits, spec.depth)
    except InputError:
        return None
    if ev.terminated:
        return None
    if ext is None and ev.digits < spec.target_digits:
        ext = extrapolate_to(pcf, spec.target_digits, spec.depth, keep_going=agrees)
    if ext is not None and ext.digits <= ev.digits:
        ext = None  # the exact convergent says more: no extrapolation needed
    x, digits = (ext.value, ext.digits) if ext is not None else (ev.value, ev.digits)
    kind = "mobius" if len(form_constants) == 1 else "linear"
    ident = check_form(x, min(digits, 1000.0), num, den, form_constants, kind=kind, trials=trials)
    if ident is None:
        return None
    if ext is not None:
        method = (f"cf search: float64 screen at depth {spec.screen_depth}"
                  + (f" with Levin acceleration (order {sc.ACC_ORDER}) of the slowly converging candidates"
                     if accelerated else "")
                  + f", Moebius-table match, exact convergents (FLINT) to depth {ev.depth}, Levin "
                    f"extrapolation (order {ext.order}) of the exact convergents x_0 .. x_{ext.depth}, "
                    "acceptance rule on its estimated digits")
    else:
        method = (f"cf search: float64 screen at depth {spec.screen_depth}, Moebius-table match, exact "
                  "convergents (FLINT) and acceptance rule")
    return formula_record(pcf, ev, ident, constants, time.perf_counter() - start, method=method, extrapolation=ext)


def reduction_record(pcf, measured, value: float) -> Record | None:
    """The record of a PCF with factorial reduction (kind ``factorial-reduction``): the rate ``measured``
    by the filter (:func:`discover.cf.search.factorial.reduction_rate`) recomputed independently
    (:func:`~discover.cf.search.factorial.recompute`: p_N, q_N as FLINT matrix products); None when the
    two disagree. ``value`` is the screen's float64 limit (shown; the record claims the rate, not a
    closed form)."""
    from discover.cf.formula import RECORD_ENGINE
    from discover.cf.search.factorial import recompute

    start = time.perf_counter()
    again = recompute(pcf, measured.window)
    if again is None or abs(again.rate - measured.rate) > 1e-9 or again.log_gcd != measured.log_gcd:
        return None
    canon_a, canon_b = pcf.canonical()
    k, rho = measured.rate, measured.normalised
    n1, n2 = measured.window
    statement = (f"PCF(a={pcf.a}, b={pcf.b}) has factorial reduction: gcd(p_n, q_n) grows like (n!)^{k:.3f} "
                 f"over n = {n1}..{n2} ({rho:.2f} of the order {measured.order:g} of q_n); limit ~ {value:.15g}, "
                 "no closed form among the constants searched")
    payload = {"a": str(pcf.a), "b": str(pcf.b), "canonical": {"a": str(type(pcf.a)(canon_a)),
                                                                "b": str(type(pcf.b)(canon_b))},
               "limit_float": value, "factorial_reduction": measured.to_json()}
    verification = {"method": "gcd(p_n, q_n) at the window ends from the three-term recurrence, recomputed "
                              "from FLINT products of the 2x2 matrices; the two agree exactly",
                    "window": [n1, n2], "seconds": round(time.perf_counter() - start, 4)}
    return Record.create(RECORD_ENGINE, "factorial-reduction", [list(canon_a), list(canon_b)], statement, payload,
                         verification, verified=True)


def relation_text(coefficients, basis) -> str:
    """``pi^2 - 6*zeta(2) = 0``-style text of u . basis = 0 (``None`` in ``basis`` is the number 1; a
    product constant is written as the product of its factors, a square as a power)."""

    def text(c) -> str:
        # a registry power (pi2 = pi**2) by its name, so that pi2 - pi*pi = 0 does not read pi^2 - pi^2 = 0
        return c.name if c.registered and "**" in c.expression else c.expression

    def factor(c) -> str:
        return f"({text(c)})" if any(ch in c.expression for ch in "+-/") else text(c)

    parts = []
    for u, c in zip(coefficients, basis):
        if c is None:
            name = "1"
        elif not c.factors:
            name = text(c)
        elif c.factors[0] == c.factors[1]:
            name = f"{factor(c.factors[0])}^2"
        else:
            name = "*".join(factor(f) for f in c.factors)
        mag = abs(int(u))
        term = str(mag) if c is None else (name if mag == 1 else f"{mag}*{name}")
        parts.append(((" - " if u < 0 else " + ") + term) if parts else (("-" if u < 0 else "") + term))
    return "".join(parts) + " = 0"


def relation_record(rel, digits: int, constants) -> Record | None:
    """The record of an integer relation found by ``cf relations`` (:mod:`discover.cf.search.relations`),
    verified independently: every basis number recomputed at 2 D + 20 digits, and u . basis must vanish
    to 2 D digits relative to the largest term; None when it does not."""
    import mpmath

    start = time.perf_counter()
    work = 2 * int(digits) + 20
    with mpmath.workdps(work + 10):
        values = [mpmath.mpf(1) if c is None else c.value(work + 10) for c in rel.basis]
        terms = [int(u) * v for u, v in zip(rel.coefficients, values)]
        residual = abs(mpmath.fsum(terms))
        scale = max(abs(t) for t in terms)
        # an exact cancellation at this precision holds to every digit computed: report those
        agree = float(work) if residual == 0 else min(float(work), float(-mpmath.log10(residual / scale)))
    if agree < 2 * digits:
        return None
    names = ["1" if c is None else c.name for c in rel.basis]
    text = relation_text(rel.coefficients, rel.basis)
    canonical = sorted(zip(names, rel.coefficients))
    payload = {"relation": text, "terms": names, "coefficients": list(rel.coefficients), "stage": rel.stage,
               "constants": list(constants), "relation_digits": math.ceil(rel.size * 100) / 100,
               "digits": int(digits), "agreement_digits": math.floor(agree * 10) / 10}
    verification = {"method": "LLL (FLINT) at D digits, acceptance S <= D/2 + 1, then every term recomputed at "
                              "2 D + 20 digits (FLINT arb / mpmath) and the relation checked to 2 D digits",
                    "digits": int(digits), "check_digits": work, "seconds": round(time.perf_counter() - start, 4)}
    statement = (f"{text}  (found with {digits} digits, relation size {rel.size:.2f} digits; holds to "
                 f"{agree:.0f} of the {work} digits checked)")
    return Record.create("cf.relations", "relation", canonical, statement, payload, verification, verified=True)
