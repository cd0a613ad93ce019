"""Factorial reduction: the convergents of a PCF formula share factorially growing common factors.

Definition. For PCF(a, b) with convergents p_n / q_n (the unreduced three-term recurrence p_n =
a(n) p_{n-1} + b(n) p_{n-2}, likewise q_n, p_{-1} = 1, p_0 = a(0), q_{-1} = 0, q_0 = 1), let
g_n = gcd(p_n, q_n). Since p_n q_{n-1} - p_{n-1} q_n = (-1)^(n-1) b(1) ... b(n), g_n divides a product
of n values of b, so it can grow like a power of n!. The PCF *has factorial reduction* when it does:
g_n ~ (n!)^k e^(O(n)) with k equal to the factorial order of q_n itself, d = max(deg a, deg b / 2),
so that the reduced denominators q_n / g_n grow only exponentially. Apery's PCF(34n^3+51n^2+27n+5,
-n^6) is the classic case (g_n ~ (n!)^3 / lcm(1..n)^3); the Ramanujan Machine group observed that
the PCFs of constants they found have it while random PCFs do not, and enumerates candidates by it
(N. Ben David, G. Nimri, U. Mendlovic, Y. Manor, I. Kaminer, "On the connection between irrationality
measures and polynomial continued fractions", the Ramanujan Machine group, 2021-2024; R. Elimelech
et al., "Algorithm-assisted discovery of an intrinsic order among mathematical constants", PNAS 2024).

Measure. Over the window [N1, N2] (default 20..60) the reduction rate

    k = (log g_N2 - log g_N1) / (log N2! - log N1!)

and the normalised rate rho = k / d. Because of the lcm(1..n) factors (e^(O(n))) rho approaches 1 from
below slowly: at this window Apery's fraction has k = 2.14 (rho 0.71), the zeta(5) PCF of the classic
list k = 3.57 (rho 0.71), the Catalan PCF(3n^2+3n+1, -2n^4) k = 1.09 (rho 0.54), while a PCF without a
formula has rho below 0.3 (PCF(5n^3+2n+1, -n^6+3): 0.02; PCF(2n^3+3n^2+3n+1, -2n^6): 0.25; the largest
of 394 random non-terminating PCFs with deg a = 2 or 3, deg b = 2 deg a, coefficients in -9..9, was
0.18). The filter keeps a PCF when rho >= ``min_rate`` (default 0.45).

Where it does not separate: for deg a = 1, deg b <= 2 every PCF is a Gauss-type continued fraction of a
ratio of hypergeometric functions, and many have factorial reduction (random ones reach rho ~ 0.9:
PCF(6n-5, -5n^2+2n) has 0.90; 4/pi = PCF(2n+1, n^2) has 0.64), so there the filter says little about a
closed form among the usual constants; and a terminating fraction (b(k) = 0) has large gcds for a
trivial reason (the search applies the filter to converged, non-terminating candidates only). It is a
useful sign from degree 2 on.

Computation: the three-term recurrence to N2 in integers (:func:`reduction_rate`, about 0.1 ms a
candidate). The verifier (:func:`recompute`) measures again from p_N, q_N formed apart as FLINT
products of the 2x2 matrices (binary splitting) with FLINT gcds, an independent computation of the
same numbers, and the two must agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Reduction", "reduction_rate", "recompute", "WINDOW", "MIN_RATE"]

WINDOW = (20, 60)
MIN_RATE = 0.45


@dataclass(frozen=True)
class Reduction:
    """The measured reduction: k, the factorial order d of q_n, rho = k / d, the window and log g_N."""

    rate: float
    order: float
    normalised: float
    window: tuple[int, int]
    log_gcd: tuple[float, float]

    def to_json(self) -> dict:
        return {"rate": round(self.rate, 4), "order": self.order, "normalised": round(self.normalised, 4),
                "window": list(self.window), "log_gcd": [round(v, 3) for v in self.log_gcd]}


def _order(pcf) -> float:
    """d = max(deg a, deg b / 2), the factorial order of q_n (at least 1/2)."""
    return max(float(pcf.a.degree), pcf.b.degree / 2.0, 0.5)


def _log(v) -> float:
    """Natural log of a positive integer of any size (FLINT or Python)."""
    v = int(v)
    if v <= 0:
        return 0.0
    bits = v.bit_length()
    if bits < 1000:
        return math.log(v)
    return math.log(v >> (bits - 64)) + (bits - 64) * math.log(2)


def _rate(pcf, g1: int, g2: int, window) -> Reduction:
    n1, n2 = window
    l1, l2 = _log(abs(g1)), _log(abs(g2))
    k = (l2 - l1) / (math.lgamma(n2 + 1) - math.lgamma(n1 + 1))
    d = _order(pcf)
    return Reduction(k, d, k / d, (n1, n2), (l1, l2))


def reduction_rate(pcf, window: tuple[int, int] = WINDOW) -> Reduction | None:
    """The measured reduction of ``pcf`` over ``window``, or None when a convergent pair is (0, 0) there
    (a degenerate fraction). The three-term recurrence to N2 (60 steps of integer arithmetic: about
    0.1 ms, cheaper than two matrix products at this depth), gcds at N1 and N2."""
    ps, qs = pcf.convergent_sequence(window[1])
    g1, g2 = math.gcd(ps[window[0]], qs[window[0]]), math.gcd(ps[window[1]], qs[window[1]])
    if g1 == 0 or g2 == 0:
        return None
    return _rate(pcf, g1, g2, window)


def recompute(pcf, window: tuple[int, int] = WINDOW) -> Reduction | None:
    """The same measure from p_N, q_N computed apart, as FLINT products of the 2x2 matrices
    (:meth:`discover.cf.pcf.PCF.convergent`) with FLINT gcds: the verifier's independent check."""
    from flint import fmpz

    gs = []
    for n in window:
        p, q = pcf.convergent(n)
        g = fmpz(p).gcd(fmpz(q))
        if g == 0:
            return None
        gs.append(g)
    return _rate(pcf, gs[0], gs[1], window)
