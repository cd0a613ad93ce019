"""The check of ``cf eval``: the limit from the exact convergent at the given depth
(:meth:`discover.cf.pcf.PCF.evaluate`); when the exact convergent has fewer than
:data:`EXTRAPOLATE_BELOW` digits (a slowly converging fraction), the Levin extrapolation of the exact
convergents (:func:`discover.cf.formula.extrapolate_to`) is computed too. The relation is *found* with
whichever value has more digits (:func:`discover.cf.identify.identify`, the registry's constants, pairs
with their product included) and *reported* on the exact digits whenever the acceptance rule holds
there (verification class ``exact``), on the extrapolated digits otherwise (class ``extrapolated``,
said in the statement). The record is the shared PCF record (:func:`discover.cf.formula.formula_record`:
kind ``pcf``, verified, when identified or finite; ``pcf-limit``, unverified and not stored, otherwise)."""

from __future__ import annotations

import time

from discover.records import Record

__all__ = ["evaluate_and_identify", "EXTRAPOLATE_BELOW"]

# An exact convergent with fewer digits than this is also extrapolated (Levin) to find the relation.
EXTRAPOLATE_BELOW = 100.0


def evaluate_and_identify(pcf, depth: int, constant_names, identify_digits: float, print_digits: int) -> Record:
    """Evaluate ``pcf`` at ``depth``, identify the limit among ``constant_names`` (at most
    ``identify_digits`` digits used), and return its record."""
    from discover.cf.constants import parse_constants
    from discover.cf.formula import extrapolate_to, formula_record
    from discover.cf.identify import identify

    start = time.perf_counter()
    constants = parse_constants(list(constant_names))
    ev = pcf.evaluate(depth)
    ident = ext = None
    if not ev.terminated:
        x, D = ev.value, ev.digits
        if ev.digits < EXTRAPOLATE_BELOW:
            ext = extrapolate_to(pcf, EXTRAPOLATE_BELOW, depth)
            if ext is not None and ext.digits > ev.digits:
                x, D = ext.value, ext.digits
            else:
                ext = None
        ident = identify(x, D, constants, max_digits=identify_digits, pairs=True)
    method = "cf eval: exact convergent (FLINT binary splitting), LLL identification (FLINT)"
    if ext is not None:
        method += f", relation found with the Levin extrapolation (order {ext.order}) of x_0 .. x_{ext.depth}"
    return formula_record(pcf, ev, ident, constants, time.perf_counter() - start, method=method,
                          print_digits=print_digits, extrapolation=ext)
