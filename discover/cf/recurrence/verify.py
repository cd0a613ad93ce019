"""The independent check of a recurrence limit: the two solutions recomputed forward in floating point.

Method (shares nothing with the exact walk of :mod:`.limit`: no companion matrix, no FLINT, no binary
splitting). The recurrence u(n) = -(a_1(n) u(n-1) + ... + a_k(n) u(n-k)) / a_0(n) is run forward from the
two initial vectors in mpmath at D + 20 digits (D = the digits to check, at most
:data:`MAX_CHECK_DIGITS`), the coefficients evaluated with Python integers, to a *different* depth,
N + 1. Both solutions are dominated by the same growth, so relative rounding errors stay near
N 10^-(D+20) and the ratio is good to about D + 20 - log10 N digits; the limit's error at N + 1 is below
its error at N. So the two values must agree to the checked digits (less one).
"""

from __future__ import annotations

__all__ = ["forward_ratio", "check_limit", "MAX_CHECK_DIGITS"]

# The forward check compares at most this many significant digits (its cost is N steps at that precision),
# and at most CHECK_BUDGET / N of them (digit-steps: about 3 s on the development machine).
MAX_CHECK_DIGITS = 1000
CHECK_BUDGET = 20_000_000


def forward_ratio(coefficients, start: int, depth: int, p_initial, q_initial, digits: int):
    """p(depth) / q(depth) by forward recursion in mpmath at ``digits`` + 20 digits (module doc);
    ``coefficients``: the a_i as lists of integers, lowest degree first."""
    import mpmath

    k = len(coefficients) - 1

    def at(c, n):
        acc = 0
        for x in reversed(c):
            acc = acc * n + x
        return acc

    with mpmath.workdps(int(digits) + 20):
        p = [mpmath.mpf(int(x)) for x in p_initial]
        q = [mpmath.mpf(int(x)) for x in q_initial]
        for n in range(start, depth + 1):
            lead = at(coefficients[0], n)
            cs = [at(coefficients[i], n) for i in range(1, k + 1)]
            np_ = -mpmath.fsum(c * p[-i] for i, c in enumerate(cs, 1) if c) / lead
            nq = -mpmath.fsum(c * q[-i] for i, c in enumerate(cs, 1) if c) / lead
            p = p[1:] + [np_]
            q = q[1:] + [nq]
            # keep the numbers near 1: only the ratio matters
            scale = abs(q[-1]) or abs(p[-1]) or 1
            if scale > mpmath.mpf(10) ** 1000 or scale < mpmath.mpf(10) ** -1000:
                p = [x / scale for x in p]
                q = [x / scale for x in q]
        return None if q[-1] == 0 else p[-1] / q[-1]


def check_limit(rec, limit, p_initial, q_initial) -> dict:
    """Recompute the limit independently at depth N + 1 and compare: returns ``{"method", "depth",
    "digits_checked", "agreement", "passed"}`` (``passed``: agreement >= checked digits - 1)."""
    import math

    import mpmath

    cap = max(50, min(MAX_CHECK_DIGITS, CHECK_BUDGET // max(1, limit.depth)))
    D = max(10, min(int(limit.digits), cap)) if math.isfinite(limit.digits) else cap
    coeffs = [list(c.coeffs) for c in rec.coefficients]
    other = forward_ratio(coeffs, limit.start, limit.depth + 1, p_initial, q_initial, D)
    method = (f"forward recursion in mpmath at {D + 20} digits to depth {limit.depth + 1} (no shared code with "
              "the exact walk)")
    if other is None:
        return {"method": method, "depth": limit.depth + 1, "digits_checked": 0.0, "agreement": None,
                "passed": False, "note": f"q({limit.depth + 1}) = 0: the ratio is undefined there (no limit)"}
    with mpmath.workdps(D + 20):
        # an exact (rational) limit is compared as the fraction p/q itself, at the checked precision
        x = mpmath.mpf(int(limit.p)) / int(limit.q) if limit.extra.get("exact") else mpmath.mpf(limit.value)
        diff = abs(other - x)
        scale = abs(x) if x != 0 else mpmath.mpf(1)
        agreement = math.inf if diff == 0 else float(-mpmath.log10(diff / scale))
    checked = max(0.0, min(D, limit.digits))
    return {"method": method,
            "depth": limit.depth + 1, "digits_checked": math.floor(checked * 10) / 10,
            "agreement": math.floor(min(agreement, 1e6) * 10) / 10, "passed": agreement >= checked - 1}
