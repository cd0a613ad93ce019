"""Members of a classical family named by an identified limit: coboundary partners for PCFs of degree (2, 2),
(2, 3) and (3, <= 5) (:func:`tries_partners`) whose limit is a Bessel ratio or an exponential e^z.

A PCF of degree (2, 2), (2, 3) or (3, <= 5) is not itself in a family of :mod:`discover.cf.novelty.classical`,
but it can be coboundary-equivalent (:func:`discover.cf.novelty.equivalence.coboundary`, exact) to one whose
parameters are fixed by the constant its limit was identified with. For I_nu(x) / I_(nu+1)(x) (J likewise, z < 0):

* ``0F1`` members: L = s sqrt(z) I_(c-2)(2 sqrt z) / I_(c-1)(2 sqrt z) (classical module doc) with
  2 sqrt(z) = x: for x = p/q, s = 2q and b = s^2 z = +-p^2, a = s (n + c - 1) with c - 2 = nu + m, |m| <= 2;
* ``1F1`` members (I only): Kummer's second formula 1F1(nu + 1/2; 2 nu + 1; 2x) = Gamma(nu + 1) e^x (x/2)^-nu
  I_nu(x) (DLMF 13.6.9) puts I ratios in the 1F1 family at A = nu + 1/2 + m, c = 2A, z = +-2x: with s = 2q,
  a = s (n + c - 1 + z), b = -s^2 z (n + c - 1 - A); then the contiguous members c = 2A + k, |k| <= 2,
  |m| <= 3 (a contiguous relation makes 1F1(A; 2A + k; 2x) a combination of two Kummer members with
  rational coefficients, so their ratios are Moebius images of the same Bessel ratio; session 11).

For e^z (z = p/q rational: ``E``, ``exp(p)``, ``exp(p/q)`` in the closed form), the ``1F1`` members whose ratio
is a Moebius image of e^z: 1F1(A; c; z) for integers 1 <= A <= 3 and A <= c <= A + 4 is e^z times a polynomial
in 1/z plus a polynomial in 1/z (Kummer's transformation 1F1(A; c; z) = e^z 1F1(c - A; c; -z), DLMF 13.2.39,
and a terminating 1F1 for c - A <= 0 or by contiguity), so with s = q, a = s (n + c - 1 + z), b = -s^2 z
(n + c - 1 - A), z = +-p/q. (Added in session 11, when the factored domains found degree-(2, 3) formulas for
e^(1/2) and e^2 that nothing placed.)

The partners are only candidates: the decision is the exact coboundary and the Moebius map it carries
(:func:`discover.cf.novelty.classify.classify`, step 4).
"""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = ["bessel_partners", "exponential_partners", "named_partners", "tries_partners", "MAX_PARTNER_DEGREES",
           "PARTNER_DEGREE"]

MAX_PARTNER_DEGREES = (3, 5)  # the largest deg a, deg b of the PCFs this step is tried for (tries_partners)
PARTNER_DEGREE = 4  # the coboundary's degree bound against a member (that of classify's step 3)


def tries_partners(deg_a: int, deg_b: int) -> bool:
    """Whether a PCF of these (canonical) degrees is tried against the members its limit names: deg a 2 or 3
    and 2 <= deg b <= 2 deg a - 1 (b / a^2 -> 0, the factorial convergence of the 0F1 / 1F1 fractions).

    Why: the 0F1 / 1F1 members are of degree (1, 0) / (1, 1); a coboundary of degree d can raise that to
    (2, 2), (2, 3) and, at d = 3, (3, 5). Session 16 found the campaign's seven Bessel formulas still called
    `new` (six of degree (2, 3), one (3, 5)) to be coboundaries of degree 3 or 4 of Kummer members, which the
    step had capped at degree 2."""
    return 2 <= deg_a <= MAX_PARTNER_DEGREES[0] and 2 <= deg_b <= min(2 * deg_a - 1, MAX_PARTNER_DEGREES[1])


_BESSEL = re.compile(r"bessel([ij])\(\s*(\d+)\s*,\s*(\d+)(?:\s*/\s*(\d+))?\s*\)")
_EXP = re.compile(r"\bexp\(\s*(\d+)(?:\s*/\s*(\d+))?\s*\)|\bE\b")


def named_partners(closed_form: str | None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The family members the constants of ``closed_form`` name: Bessel ratios first, then exponentials."""
    out = bessel_partners(closed_form)
    return out + [ab for ab in exponential_partners(closed_form) if ab not in out]


def exponential_partners(closed_form: str | None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """``1F1`` members (a, b) for the exponentials e^(p/q) in ``closed_form`` (module doc)."""
    if not closed_form:
        return []
    out: list = []
    for match in _EXP.finditer(closed_form):
        p, q = (1, 1) if match.group(0) == "E" else (int(match.group(1)), int(match.group(2) or 1))
        if p == 0:
            continue
        s = q
        for A in (1, 2, 3):
            for c in range(A, A + 5):
                for zp in (p, -p):   # z = zp / q
                    a0, a1 = s * (c - 1) + zp, s
                    b1 = -s * zp
                    b0 = b1 * (c - 1 - A)
                    if b0 == 0 and b1 == 0:
                        continue
                    ab = ((a0, a1), (b0, b1))
                    if ab not in out:
                        out.append(ab)
    return out


def bessel_partners(closed_form: str | None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Family members (a, b) (coefficient tuples) for the Bessel ratios in ``closed_form`` (module doc)."""
    if not closed_form:
        return []
    out: list = []
    seen = set()
    for kind, nu, p, q in _BESSEL.findall(closed_form):
        nu, p, q = int(nu), int(p), int(q or 1)
        if (kind, nu, p, q) in seen or p == 0:
            continue
        seen.add((kind, nu, p, q))
        sign = 1 if kind == "i" else -1
        s = 2 * q
        for m in (0, 1, -1, 2, -2):
            c1 = nu + 1 + m  # c - 1
            out.append(((s * c1, s), (sign * p * p,)))
        if kind == "i":
            # Kummer's second formula's own members (c = 2A) first, then their contiguous neighbours
            for offsets, shifts in (((0,), (0, 1, -1, 2, -2)), ((-1, 1, -2, 2), (0, 1, -1, 2, -2, 3, -3)),
                                    ((0,), (3, -3))):
                for m in shifts:
                    A = Fraction(2 * nu + 1, 2) + m
                    for k in offsets:
                        for z in (Fraction(2 * p, q), Fraction(-2 * p, q)):
                            c = 2 * A + k
                            a0, b1 = s * (c - 1 + z), -s * s * z
                            b0 = b1 * (c - 1 - A)
                            if a0.denominator == 1 and b0.denominator == 1 and b1.denominator == 1:
                                out.append(((int(a0), s), (int(b0), int(b1))))
    unique = []
    for ab in out:
        if ab not in unique:
            unique.append(ab)
    return unique
