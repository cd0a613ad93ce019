"""``plot convergence A B``: how a polynomial continued fraction approaches its limit, step by step.

For PCF(a, b) = a(0) + b(1)/(a(1) + b(2)/(a(2) + ...)) with exact convergents x_k = p_k / q_k
(:class:`discover.cf.pcf.PCF`), the figure shows against the depth k:

* the *exact digits* -log10(|x_k - L| / |L|), with L the limit computed by the engine at four times
  the plotted depth (or its Levin extrapolation, for a slowly converging fraction, when that claims
  more digits); a value is capped at the digits L itself is known to, and the cap is drawn;
* the engine's *error model*: the digits :meth:`PCF.evaluate` estimates at depth k from the last few
  convergents alone (the number the search and the store report), at about 40 depths;
* the proven digits where the convergents alternate around L (a(n), b(n) >= 1);
* delta_k = -1 - log|L - x_k| / log q_k (reduced q_k), the irrationality-measure estimate.

This is an engine computation on the spot (the user asked for it); nothing is read from or written
to the store. A CMF walk or an ESMA record is plotted through its equivalent PCF (the record's ``pcf``).
"""

from __future__ import annotations

import math
from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.views.figure import new_figure, save

MAX_PLOT_DEPTH = 5000  # every convergent up to the depth is formed (Python integers): a few seconds at most
MAX_PLOT_DIGITS = 3000  # digits of each x_k compared with L; more would only flatten the curve's top
MODEL_SAMPLES = 40


def pcf_of_record(record: Record) -> tuple[str, str]:
    """``(a, b)`` of a cf record: a PCF record's own polynomials, else its equivalent ``pcf``."""
    p = record.payload
    if "a" in p and "b" in p:
        return str(p["a"]), str(p["b"])
    if isinstance(p.get("pcf"), dict) and "a" in p["pcf"]:
        return str(p["pcf"]["a"]), str(p["pcf"]["b"])
    raise InputError(f"KEY {record.key[:12]}: a {record.engine} {record.kind} record has no continued fraction "
                     "to plot (give a cf PCF, CMF walk or ESMA record)")


def convergence_data(a: str, b: str, depth: int) -> dict:
    """The plotted numbers (see the module doc) for PCF(a, b) up to ``depth``."""
    import mpmath

    from discover.cf.pcf import PCF

    pcf = PCF.from_polynomials(a, b)
    if isinstance(depth, bool) or not isinstance(depth, int) or not 6 <= depth <= MAX_PLOT_DEPTH:
        raise InputError(f"--depth {depth}: must be an integer between 6 and {MAX_PLOT_DEPTH}")
    pcf.check_depth(depth)
    ref_depth = 4 * depth
    pcf.check_depth(ref_depth, f"--depth {depth} (x4, for the reference limit)")
    ref = pcf.evaluate(ref_depth)
    limit, limit_digits, limit_source = ref.value, ref.digits, f"exact convergent at depth {ref_depth}"
    if ref.regime == "sublinear" and not ref.terminated:
        extrapolated = pcf.extrapolate()
        if extrapolated is not None and extrapolated.digits > limit_digits:
            limit, limit_digits = extrapolated.value, extrapolated.digits
            limit_source = f"Levin extrapolation (order {extrapolated.order})"
    cap = min(limit_digits, MAX_PLOT_DIGITS)
    ps, qs = pcf.convergent_sequence(depth)
    exact = []
    with mpmath.workdps(int(cap) + 30):
        L = mpmath.mpf(limit)
        for k in range(depth + 1):
            if qs[k] == 0 or L == 0:
                exact.append(None)
                continue
            err = abs(mpmath.mpf(ps[k]) / qs[k] - L)
            exact.append(cap if err == 0 else min(cap, float(-mpmath.log10(err / abs(L)))))
    step = max(1, (depth - 6) // MODEL_SAMPLES)
    model_depths = sorted(set(range(6, depth + 1, step)) | {depth})
    model, proven, delta = [], [], []
    for k in model_depths:
        ev = pcf.evaluate(k)
        model.append(_finite(ev.digits))
        proven.append(_finite(ev.digits_proven))
        with mpmath.workdps(int(cap) + 30):
            delta.append(_finite(ev.delta(limit=L)) if exact[k] is not None and exact[k] < cap else None)
    return {"a": str(pcf.a), "b": str(pcf.b), "depth": depth, "depths": list(range(depth + 1)),
            "exact_digits": exact, "digits_cap": cap, "limit_digits": limit_digits, "limit_source": limit_source,
            "model_depths": model_depths, "model_digits": model, "proven_digits": proven, "delta": delta,
            "regime": ref.regime}


def _finite(x):
    return None if x is None or not math.isfinite(x) else float(x)


def plot_convergence(a: str, b: str, depth: int, path: Path, fmt: str) -> dict:
    """Draw :func:`convergence_data` into ``path`` (digits above, delta below); returns the data."""
    data = convergence_data(a, b, depth)
    fig, (top, bottom) = new_figure(2, 1, size=(8.0, 7.0), sharex=True, height_ratios=(2, 1))
    ks = [k for k, v in zip(data["depths"], data["exact_digits"]) if v is not None]
    top.plot(ks, [data["exact_digits"][k] for k in ks], linewidth=1.5,
             label=f"exact digits (vs the limit: {data['limit_source']})")
    top.plot(data["model_depths"], [_nan(v) for v in data["model_digits"]], "o", markersize=4,
             label="error model: digits estimated from the last convergents")
    if any(v is not None for v in data["proven_digits"]):
        top.plot(data["model_depths"], [_nan(v) for v in data["proven_digits"]], "v", markersize=4,
                 label="proven digits (alternating convergents)")
    if max(data["exact_digits"][k] for k in ks) >= 0.8 * data["digits_cap"]:  # else it only squashes the curves
        top.axhline(data["digits_cap"], color="grey", linestyle=":", linewidth=1,
                    label=f"digits of the reference limit ({data['digits_cap']:.0f}): the cap")
    top.set_ylabel("correct digits (decimal)")
    top.set_title(f"Convergence of PCF(a = {data['a']}, b = {data['b']}), {data['regime']}")
    top.grid(True, alpha=0.3)
    top.legend(fontsize=8)
    bottom.plot(data["model_depths"], [_nan(v) for v in data["delta"]], "s-", markersize=3, color="tab:red",
                label="delta (irrationality-measure estimate)")
    bottom.axhline(0, color="black", linewidth=0.8, label="delta = 0 (above: proves irrationality)")
    bottom.set_xlabel("depth k (convergent index)")
    bottom.set_ylabel("delta (dimensionless)")
    bottom.grid(True, alpha=0.3)
    bottom.legend(fontsize=8)
    save(fig, path, fmt)
    return data


def _nan(v):
    return float("nan") if v is None else v
