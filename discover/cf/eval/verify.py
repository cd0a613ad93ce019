"""The check of ``cf eval``: the limit from the exact convergent at the given depth
(:meth:`discover.cf.pcf.PCF.evaluate`), a closed form only if it passes the acceptance rule of
:mod:`discover.cf.identify` (constants computed independently at 2 D + 20 digits); the record is the
shared PCF record (:func:`discover.cf.formula.formula_record`: kind ``pcf``, verified, when identified
or finite; ``pcf-limit``, unverified and not stored, otherwise)."""

from __future__ import annotations

import time

from discover.records import Record

__all__ = ["evaluate_and_identify"]


def evaluate_and_identify(pcf, depth: int, constant_names, identify_digits: float, print_digits: int) -> Record:
    """Evaluate ``pcf`` at ``depth``, identify the limit among ``constant_names`` (at most
    ``identify_digits`` digits used), and return its record."""
    from discover.cf.constants import parse_constants
    from discover.cf.formula import formula_record
    from discover.cf.identify import identify

    start = time.perf_counter()
    constants = parse_constants(list(constant_names))
    ev = pcf.evaluate(depth)
    ident = None
    if not ev.terminated:
        ident = identify(ev.value, ev.digits, constants, max_digits=identify_digits)
    return formula_record(pcf, ev, ident, constants, time.perf_counter() - start,
                          method="cf eval: exact convergent (FLINT binary splitting), PSLQ identification",
                          print_digits=print_digits)
