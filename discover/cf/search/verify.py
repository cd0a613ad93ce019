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

import time

from discover.cf.formula import evaluate_to, extrapolate_to, formula_record
from discover.cf.identify import check_form, form_agreement
from discover.errors import InputError
from discover.records import Record

__all__ = ["verify_hit"]


def verify_hit(spec, pcf, constants, const, form, accelerated: bool, trials: int) -> Record | None:
    """The verified record of ``pcf`` whose limit matched (c0 + c1 C)/(d0 + d1 C) = ``form`` of ``const``
    (one of ``constants``; ``trials`` Moebius forms were matched against in all), or None when the
    exact check rejects it."""
    import mpmath

    from discover.cf.search import screen as sc

    start = time.perf_counter()
    c0, c1, d0, d1 = form

    def agrees(ext) -> bool:
        """The matched form agrees with the extrapolated limit to all but its last estimated digit."""
        with mpmath.workdps(ext.precision_digits):
            work = int(mpmath.mp.dps) + 20  # the extrapolated value's precision, plus guard digits
            return form_agreement(ext.value, (c0, c1), (d0, d1), [const], work) >= ext.digits - 1

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
    ident = check_form(x, min(digits, 1000.0), (c0, c1), (d0, d1), [const], trials=trials)
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
