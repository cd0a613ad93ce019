"""The ``cf.recurrence`` engine: the limit of one linear recurrence, identified, as one shard.

The shard computes the limit exactly (:func:`discover.cf.recurrence.limit.recurrence_limit`), the growth
of the solutions and the rate it predicts (:mod:`.asymptotics`), identifies the limit among
``constants`` (:func:`discover.cf.identify.identify`) and, with ``constant``, finds the initial values
whose ratio is that constant (:func:`discover.cf.recurrence.identify.identify_initial`). The limit is
then recomputed independently (:mod:`.verify`). The record is ``verified`` when that check agrees and
a closed form passed the acceptance rule; an unidentified limit is shown, not stored (as ``cf eval``).
"""

from __future__ import annotations

from dataclasses import dataclass

from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["RecurrenceSpec", "ENGINE"]


@dataclass(frozen=True)
class RecurrenceSpec(SearchSpec):
    """The recurrence ``coefficients`` ("a_0, ..., a_k"), applied from ``start`` to ``depth``, the ratio of
    the solutions started by ``p_initial`` and ``q_initial`` (empty: e_0 and e_{k-1})."""

    coefficients: str
    depth: int = 1000
    start: int = 1
    p_initial: tuple = ()
    q_initial: tuple = ()
    constants: tuple = ()
    constant: str = ""
    identify_digits: int = 2000

    def __post_init__(self):
        from discover.cf.constants import parse_constants
        from discover.cf.limits import MAX_IDENTIFY_DIGITS
        from discover.cf.recurrence.limit import check_limit_request, default_initial
        from discover.cf.recurrence.recurrence import LinearRecurrence

        rec = LinearRecurrence.parse(self.coefficients)
        object.__setattr__(self, "coefficients", str(rec))
        p0, q0 = default_initial(rec.order)
        p = tuple(int(x) for x in self.p_initial) or p0
        q = tuple(int(x) for x in self.q_initial) or q0
        object.__setattr__(self, "p_initial", p)
        object.__setattr__(self, "q_initial", q)
        check_limit_request(rec, self.depth, self.start, p, q)
        if self.constants:
            object.__setattr__(self, "constants", tuple(c.name for c in parse_constants(list(self.constants))))
        if self.constant:
            object.__setattr__(self, "constant", parse_constants([self.constant])[0].name)
        if not 10 <= int(self.identify_digits) <= MAX_IDENTIFY_DIGITS:
            raise InputError(f"--identify-digits {self.identify_digits}: must be between 10 and {MAX_IDENTIFY_DIGITS:,}")

    def recurrence(self):
        from discover.cf.recurrence.recurrence import LinearRecurrence

        return LinearRecurrence.parse(self.coefficients)


def shards(spec: RecurrenceSpec):
    yield Shard("limit", {})


def run_shard(spec: RecurrenceSpec, shard: Shard) -> ShardResult:
    import time

    from discover.cf.constants import REGISTRY, parse_constants
    from discover.cf.identify import identify
    from discover.cf.recurrence.asymptotics import growths, predicted_convergence
    from discover.cf.recurrence.identify import identify_initial
    from discover.cf.recurrence.limit import UndefinedRatio, recurrence_limit
    from discover.cf.recurrence.verify import check_limit

    t0 = time.perf_counter()
    rec = spec.recurrence()
    try:
        lim = recurrence_limit(rec, spec.depth, spec.start, spec.p_initial, spec.q_initial)
    except UndefinedRatio as exc:  # shown (one unverified record), never stored
        from discover.records import Record

        record = Record.create("cf.recurrence", "recurrence-undefined", {"recurrence": spec.coefficients,
                                                                        "depth": spec.depth},
                               f"the recurrence {rec.text()}: {exc}", {"recurrence": spec.coefficients,
                                                                        "undefined": str(exc)},
                               {"method": "exact walk (FLINT)"}, verified=False)
        return ShardResult(records=[record], candidates=1, rejected=1)
    gs = growths(rec)
    predicted = predicted_convergence(gs)
    constants = parse_constants(list(spec.constants or REGISTRY))
    ident = None
    if not lim.extra.get("exact"):  # an exact (rational) limit is its own closed form
        ident = identify(lim.value, lim.digits, constants, max_digits=spec.identify_digits, pairs=not spec.constants)
    initial = None
    if spec.constant:
        initial = identify_initial(lim, parse_constants([spec.constant])[0], spec.identify_digits)
    check = check_limit(rec, lim, spec.p_initial, spec.q_initial)
    record = _record(spec, rec, lim, gs, predicted, ident, initial, check, time.perf_counter() - t0)
    return ShardResult(records=[record], candidates=1, rejected=0 if record.verified else 1)


def _record(spec, rec, lim, gs, predicted, ident, initial, check, seconds):
    import math

    import mpmath

    from discover.records import Record

    exact = bool(lim.extra.get("exact"))
    if exact:
        from fractions import Fraction

        from discover.cf.bigint import decimal_text

        fr = Fraction(int(lim.p), int(lim.q))
        limit_text = decimal_text(fr.numerator) + ("" if fr.denominator == 1 else "/" + decimal_text(fr.denominator))
        digits = None
    else:
        places = max(0, min(int(math.floor(lim.abs_digits)), 60))
        with mpmath.workdps(lim.precision_digits):
            limit_text = mpmath.nstr(lim.value, max(places + 1, 5), strip_zeros=False)
        digits = math.floor(lim.digits * 10) / 10
    payload = {
        "recurrence": spec.coefficients,
        "equation": rec.text(),
        "order": rec.order,
        "start": spec.start,
        "p_initial": list(spec.p_initial),
        "q_initial": list(spec.q_initial),
        "depth": spec.depth,
        "limit": limit_text,
        "digits": digits,
        "rate": round(lim.rate, 4),
        "power": lim.power,
        "predicted": predicted,
        "growths": [g.to_json() for g in gs],
        "columns_agree": None if not math.isfinite(lim.columns_agree) else math.floor(lim.columns_agree * 10) / 10,
        "column_limits": [{"index": i, "value": mpmath.nstr(v, 30), "digits": math.floor(min(d, 1e6) * 10) / 10}
                          for i, (v, d) in enumerate(lim.column_limits)],
        "closed_form": ident.closed_form if ident else (limit_text if exact else None),
        "exact": exact,
        "relation": ident.to_json() if ident else None,
        "initial_identification": initial.to_json() if initial else None,
    }
    identified = ident is not None or initial is not None or exact
    verified = bool(check["passed"]) and identified
    what = ident.closed_form if ident else (limit_text if exact else f"{limit_text}...")
    how = "exactly: the ratio is constant from some n on" if exact else f"{digits} digits"
    statement = (f"the recurrence {rec.text()} from n = {spec.start}: p/q -> {what} ({how} at depth "
                 f"{spec.depth}; p, q started by {list(spec.p_initial)}, {list(spec.q_initial)})")
    if initial is not None:
        statement += (f"; {initial.constant} = a.v/b.v with initial values a = {list(initial.numerator)}, "
                      f"b = {list(initial.denominator)}")
    verification = {"method": "exact walk (FLINT), error model of discover.cf.convergence; " + check["method"],
                    "independent_check": check, "seconds": round(seconds, 4),
                    "acceptance": "relation size <= digits/2 + 1 and agreement >= digits - 1 (constants at "
                                  "2*digits+20)"}
    canonical = {"recurrence": spec.coefficients, "start": spec.start, "p": list(spec.p_initial),
                 "q": list(spec.q_initial), "constant": spec.constant}
    return Record.create("cf.recurrence", "recurrence-limit" if identified else "recurrence-value", canonical,
                         statement, payload, verification, verified=verified)


ENGINE = Engine("cf.recurrence", RecurrenceSpec, shards, run_shard)
