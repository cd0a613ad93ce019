"""The independent check of ``cf.cmf.locate``: an exact match is its own proof (equal canonical PCFs);
a Moebius match found by PSLQ is re-checked on both limits recomputed at four times the depth
(:func:`recheck_mobius`), the acceptance rule of :mod:`discover.cf.identify` on digits PSLQ never saw."""

from __future__ import annotations

from discover.cf.cmf.locate.matching import Location
from discover.errors import InputError

__all__ = ["recheck_mobius"]


def recheck_mobius(pcf, cmf, loc: Location, depth: int) -> dict | None:
    """The acceptance rule of :mod:`discover.cf.identify` applied to a Moebius match found by PSLQ at
    ``loc.found_digits`` digits: both limits are recomputed independently, exactly, at four times the
    depth (the PCF by its own convergents, the walk by its own product), with D = the digits both then
    have (at most :data:`~discover.cf.limits.MAX_VERIFY_DIGITS`); the relation is accepted when
    D >= 2 x the digits PSLQ used (digits it never saw), its size is at most D / 2 + 1, and
    -(u0 + u2 y)/(u1 + u3 y) agrees with x to D - 2 digits (each limit carries its own last-digit error).
    Returns the re-check's figures for the record's ``verification``, or None when it fails."""
    import mpmath

    from discover.cf.cmf.trajectory import trajectory_matrix, walk_limit
    from discover.cf.identify import relation_size
    from discover.cf.limits import MAX_VERIFY_DIGITS

    u0, u1, u2, u3 = loc.relation
    deeper = 4 * depth
    try:
        ev = pcf.evaluate(deeper)
        wv = walk_limit(cmf, loc.trajectory, loc.start, deeper, trajectory_matrix(cmf, loc.trajectory, loc.start))
    except (InputError, ZeroDivisionError):
        return None
    D = min(ev.digits, wv.digits, float(MAX_VERIFY_DIGITS))
    size = relation_size(loc.relation)
    if D < 2 * loc.found_digits or size > D / 2 + 1:
        return None
    with mpmath.workdps(int(D) + 20):
        x, y = +ev.value, +wv.value
        bottom = u1 + u3 * y
        if bottom == 0 or x == 0:
            return None
        diff = abs(x + (u0 + u2 * y) / bottom)
        agree = float("inf") if diff == 0 else float(-mpmath.log10(diff / abs(x)))
    if agree < D - 2:
        return None
    return {"recheck_depth": deeper, "recheck_digits": round(D, 1), "found_digits": round(loc.found_digits, 1),
            "relation_digits": round(size, 2), "agreement_digits": round(min(agree, 1e6), 1)}
