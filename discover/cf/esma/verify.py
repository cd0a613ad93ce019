"""The record of an approved ESMA conjecture. The independent check is ESMA's approval itself
(:func:`discover.cf.esma.expansion.esma`): the sequence regenerated from the recurrence far beyond the
data, the continued fraction evaluated exactly and compared with the target computed independently at
high precision, to at least twice the digits the data pin down. The equivalent PCF contracted from a
quasi-polynomial pattern is kept only when its own limit passes the acceptance rule of
:mod:`discover.cf.identify`."""

from __future__ import annotations

from discover.errors import InputError
from discover.records import Record

__all__ = ["esma_record"]


def _equivalent_pcf(result) -> dict | None:
    """The PCF contracted from the quasi-polynomial pattern (:func:`discover.cf.esma.expansion.contracted_pcf`),
    with its limit identified as a Moebius form of the target (evaluated exactly at depth 200 and
    identified by lattice reduction with the usual acceptance rule); None when either step fails."""
    import mpmath

    from discover.cf.constants import Constant
    from discover.cf.esma.expansion import contracted_pcf
    from discover.cf.identify import identify
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    canon = contracted_pcf(result.formula, result.signs)
    if canon is None:
        return None
    pcf = PCF(Polynomial(canon[0]), Polynomial(canon[1]))
    try:
        ev = pcf.evaluate(200)
    except InputError:
        return None
    if not (ev.digits >= 30):
        return None
    D = min(ev.digits, 100.0)
    with mpmath.workdps(int(D) + 10):
        ident = identify(+ev.value, D, [Constant(result.target, result.target)])
    if ident is None:
        return None
    return {"a": str(pcf.a), "b": str(pcf.b), "limit": ident.closed_form, "digits": round(ev.digits, 1)}


def esma_record(result, value_fn) -> Record:
    """The verified record of an approved ESMA conjecture."""
    import mpmath

    from discover.cf.esma.expansion import formula_text, signs_text

    with mpmath.workdps(40):
        value_text = mpmath.nstr(value_fn(40), 30)
    rec = result.recurrence
    formula = None
    if result.formula is not None:
        formula = {
            "period": result.formula["period"],
            "offset": result.formula["offset"],
            "polynomials": [[str(c) for c in poly] for poly in result.formula["polynomials"]],
            "text": formula_text(result.formula),
        }
    signs = list(result.signs)
    pcf = _equivalent_pcf(result) if result.formula is not None else None
    canonical = [value_text, signs_text(signs), list(rec.coefficients), list(result.initial_terms)]
    payload = {
        "target": result.target,
        "value": value_text,
        "signs": signs_text(signs),
        "recurrence": list(rec.coefficients),
        "recurrence_text": rec.polynomial_text(),
        "offset": rec.offset,
        "initial_terms": list(result.initial_terms),
        "first_terms": list(result.first_terms),
        "formula": formula,
        "pcf": pcf,
        "digits": round(result.digits, 1),
        "data_digits": round(result.data_digits, 1),
        "depth": result.depth,
    }
    verification = {
        "method": "regenerated continued fraction evaluated exactly (FLINT binary splitting) vs the target "
                  "at twice the precision",
        "digits": round(result.digits, 1),
        "data_digits": round(result.data_digits, 1),
        "terms_used": result.terms_used,
        "depth": result.depth,
        "seconds": round(result.seconds, 3),
    }
    statement = result.statement()
    if pcf is not None:
        statement += f"; equivalent PCF(a={pcf['a']}, b={pcf['b']}) = {pcf['limit']}"
    return Record.create("cf.esma", "esma", canonical, statement, payload, verification, verified=True)
