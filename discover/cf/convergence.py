"""The error model of convergents: how far the last convergent x_N is from the limit L, from the last
exact differences alone. One model for PCFs (:mod:`discover.cf.pcf`) and CMF walks
(:mod:`discover.cf.cmf.trajectory`).

Model. With d_N = x_N - x_{N-h} and d_{N-h} = x_{N-h} - x_{N-2h} the last two differences at step h
(h = 1, or h = 2 when consecutive differences alternate in sign, so that each half converges
monotonically) and r = |d_N / d_{N-h}|:

* r >= 1, or h = 1 with alternating differences and r > 1/2: the sequence does not (yet) converge in a
  recognisable way, and no digits beyond the last change are claimed: |L - x_N| ~ max(|d_N|, |d_{N-h}|);
* geometric model (r <= 1/2, at least 0.3 digits a step): |L - x_N| ~ |d_N| r / (1 - r);
* otherwise the larger of the geometric and the power-law model |L - x_N| ~ |d_N| N / (h s) with
  s = N (1 - r) / h - 1 (from r ~ (1 - h/N)^(s+1) for an error ~ N^-s; |d_N| N when s <= 0), so that
  sublinear convergence is never credited with more digits than it has.

The rate is -log10(r) / h digits per step (0 when r >= 1); the exponent s is reported when it is below
50 (a power law is then plausible). Everything is in log10 of absolute values, which is what exact
convergents with millions of digits give cheaply (:func:`discover.cf.bigint.log10_abs`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["ErrorEstimate", "estimate_error"]


@dataclass(frozen=True)
class ErrorEstimate:
    """``log10_error``: estimated log10 |L - x_N|; ``rate``: digits per step; ``power``: the exponent s of an
    error ~ N^-s when the last steps look sublinear, else None."""

    log10_error: float
    rate: float = 0.0
    power: float | None = None


def estimate_error(last: float, previous: float | None, depth: int, step: int = 1,
                   alternating: bool = False) -> ErrorEstimate:
    """The model above, with ``last`` = log10 |d_N| and ``previous`` = log10 |d_{N-h}| (None or -inf when
    unknown: then only |d_N| is claimed), ``depth`` = N, ``step`` = h and ``alternating`` = whether
    d_N and d_{N-h} have opposite signs."""
    if previous is None or previous == float("-inf") or last == float("-inf"):
        return ErrorEstimate(last)
    log_r = last - previous
    if log_r >= 0 or (step == 1 and alternating and log_r > math.log10(0.5)):
        return ErrorEstimate(max(last, previous), max(0.0, -log_r / step))
    r = 10.0 ** log_r
    err = last + log_r - math.log10(1 - r)
    power = None
    if r > 0.5:
        s = depth * (1 - r) / step - 1
        if s > 0:
            err = max(err, last + math.log10(depth / (step * s)))
            if s < 50:
                power = round(s, 3)
        else:
            err = max(err, last + math.log10(depth))
    return ErrorEstimate(err, -log_r / step, power)
