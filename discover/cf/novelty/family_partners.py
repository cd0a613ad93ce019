"""Members of a classical family named by an identified limit: coboundary partners for PCFs of degree (2, 2),
(2, 3) and (3, <= 5) (:func:`tries_partners`) whose limit is a Bessel ratio or an exponential e^z, and for
PCFs of degree (d, 2d + 2), d <= 3 (:func:`tries_trigamma_partners`), whose limit is written with zeta(2), and for
PCFs of degree (d, 2d), d <= 3 (:func:`tries_periodic_partners`), whose limit is a quadratic irrational.

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

For zeta(2) (or pi^2), the members of Stieltjes's trigamma fraction (:mod:`discover.cf.novelty.trigamma_family`)
PCF((2x - 1)(2n + 1), n^4) = 2 / psi'(x) for x = 1, 3/2, ..., 4: psi'(x) is zeta(2) (x integer) or 3 zeta(2)
(x half an odd integer) less a rational, so each member's limit is a Moebius image of zeta(2). They have
degree (1, 4) and converge like a power of n; a coboundary keeps b / a^2 growing like n^2, hence the
degrees (d, 2d + 2); the coboundary may have degree up to :data:`TRIGAMMA_DEGREE` (6). (Added in session 17:
PCF(2n + 3, n (n + 1)^2 (n + 2)) = 4 / (3 zeta(2) - 4) and PCF(2n^2 + 4n + 1, n^2 (n + 1)^2 (2n - 1)(2n + 3)) =
6 / (3 zeta(2) - 2), the campaign's two `new` formulas that nothing placed, are coboundaries of degree 5 and 6
of the member x = 3/2.)

For a limit written with square roots only (sqrt(k), GoldenRatio: a quadratic irrational in Q(sqrt d)), the
periodic fractions PCF(p, q) (constant a = p, b = q; the limit is the root of x^2 - p x - q of larger modulus,
Euler; classical module doc) with 1 <= p <= 12, 0 < |q| <= 12 whose discriminant p^2 + 4q is d times a square.
They converge geometrically, as a PCF of degree (d, 2d) does when b / a^2 tends to a constant; a coboundary of
degree <= 4 (:data:`PARTNER_DEGREE`) is tried. (Added in session 17: five of the campaign's seven `new` formulas
with algebraic limits, e.g. PCF(3n^2+9n+5, -n^2 (n+2)^2) in Q(sqrt 5) and PCF(2n^2+8n+6, k n^2 (n+3)^2) for k = 2,
4, 6, are exact coboundaries of degree 2 of PCF(3, -1), PCF(2, 2), PCF(1, 1), PCF(2, 6) and PCF(4, -1).)

The partners are only candidates: the decision is the exact coboundary and the Moebius map it carries
(:func:`discover.cf.novelty.classify.classify`, step 4).
"""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = ["bessel_partners", "exponential_partners", "trigamma_partners", "periodic_partners", "named_partners",
           "tries_partners", "tries_trigamma_partners", "tries_periodic_partners", "MAX_PARTNER_DEGREES",
           "PARTNER_DEGREE", "TRIGAMMA_X", "TRIGAMMA_DEGREE", "PERIODIC_RANGE"]

MAX_PARTNER_DEGREES = (3, 5)  # the largest deg a, deg b of the PCFs this step is tried for (tries_partners)
PARTNER_DEGREE = 4  # the coboundary's degree bound against a member (that of classify's step 3)
TRIGAMMA_X = (2, 3, 4, 5, 6, 7, 8)  # 2x for the trigamma members tried: x = 1, 3/2, ..., 4
TRIGAMMA_DEGREE = 6  # the coboundary's degree bound against a trigamma member (degree (2, 6) needed 6)
PERIODIC_RANGE = 12  # the largest p and |q| of the periodic members PCF(p, q) tried


def tries_partners(deg_a: int, deg_b: int) -> bool:
    """Whether a PCF of these (canonical) degrees is tried against the members its limit names: deg a 2 or 3
    and 2 <= deg b <= 2 deg a - 1 (b / a^2 -> 0, the factorial convergence of the 0F1 / 1F1 fractions).

    Why: the 0F1 / 1F1 members are of degree (1, 0) / (1, 1); a coboundary of degree d can raise that to
    (2, 2), (2, 3) and, at d = 3, (3, 5). Session 16 found the campaign's seven Bessel formulas still called
    `new` (six of degree (2, 3), one (3, 5)) to be coboundaries of degree 3 or 4 of Kummer members, which the
    step had capped at degree 2."""
    return 2 <= deg_a <= MAX_PARTNER_DEGREES[0] and 2 <= deg_b <= min(2 * deg_a - 1, MAX_PARTNER_DEGREES[1])


def tries_trigamma_partners(deg_a: int, deg_b: int) -> bool:
    """Whether a PCF of these (canonical) degrees is tried against the trigamma members: deg b = 2 deg a + 2,
    1 <= deg a <= 3 (module doc)."""
    return 1 <= deg_a <= MAX_PARTNER_DEGREES[0] and deg_b == 2 * deg_a + 2


def tries_periodic_partners(deg_a: int, deg_b: int) -> bool:
    """Whether a PCF of these (canonical) degrees is tried against the periodic members: deg b = 2 deg a,
    1 <= deg a <= 3 (b / a^2 tends to a constant, the geometric convergence of a periodic fraction)."""
    return 1 <= deg_a <= MAX_PARTNER_DEGREES[0] and deg_b == 2 * deg_a


_BESSEL = re.compile(r"bessel([ij])\(\s*(\d+)\s*,\s*(\d+)(?:\s*/\s*(\d+))?\s*\)")
_EXP = re.compile(r"\bexp\(\s*(\d+)(?:\s*/\s*(\d+))?\s*\)|\bE\b")


_ZETA2 = re.compile(r"\bzeta\(\s*2\s*\)|\bpi\s*(?:\*\*|\^)\s*2\b")


def named_partners(closed_form: str | None, deg_a: int, deg_b: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The family members the constants of ``closed_form`` name, for a PCF of (canonical) degrees (deg_a,
    deg_b): Bessel ratios first, then exponentials (when :func:`tries_partners`), then the trigamma members
    (when :func:`tries_trigamma_partners`), then the periodic fractions (when :func:`tries_periodic_partners`)."""
    out: list = []
    if tries_partners(deg_a, deg_b):
        out = bessel_partners(closed_form)
        out += [ab for ab in exponential_partners(closed_form) if ab not in out]
    if tries_trigamma_partners(deg_a, deg_b):
        out += trigamma_partners(closed_form)
    if tries_periodic_partners(deg_a, deg_b):
        out += periodic_partners(closed_form)
    return out


_SURD = re.compile(r"\bsqrt\(\s*(\d+)\s*\)|\bGoldenRatio\b")
_ARITHMETIC = set(" 0123456789+-*/().")  # what a closed form may hold besides its square roots


def periodic_partners(closed_form: str | None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The periodic members PCF(p, q) (module doc) whose limit lies in a field Q(sqrt d) that ``closed_form``
    names, when the closed form has no constant but square roots (else [])."""
    from discover.cf.novelty.surd import _squarefree_split

    if not closed_form or not _SURD.search(closed_form) or set(_SURD.sub("", closed_form)) - _ARITHMETIC:
        return []
    # Q(sqrt k) = Q(sqrt d) for the squarefree part d of k
    fields = {5 if m.group(0) == "GoldenRatio" else _squarefree_split(int(m.group(1)))[1]
              for m in _SURD.finditer(closed_form)}
    out = []
    for p in range(1, PERIODIC_RANGE + 1):
        for q in range(-PERIODIC_RANGE, PERIODIC_RANGE + 1):
            disc = p * p + 4 * q
            if q != 0 and disc > 0 and _squarefree_split(disc)[1] in fields:
                out.append(((p,), (q,)))
    return out


def trigamma_partners(closed_form: str | None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The members PCF((2x - 1)(2n + 1), n^4) (x = :data:`TRIGAMMA_X` / 2) when ``closed_form`` is written
    with zeta(2) or pi^2 (module doc), else []."""
    if not closed_form or not _ZETA2.search(closed_form):
        return []
    return [((two_x - 1, 2 * (two_x - 1)), (0, 0, 0, 0, 1)) for two_x in TRIGAMMA_X]


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
