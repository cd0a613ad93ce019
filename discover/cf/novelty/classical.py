"""Classical families: a PCF with deg a <= 1 and deg b <= 2 is a ratio of contiguous hypergeometric
functions, and an even or odd contraction of one is too.

Convention: PCF(a, b) = a(0) + b(1)/(a(1) + b(2)/(a(2) + ...)); its tails t_n = a(n) + b(n+1)/t_(n+1)
satisfy t_n = f(n-1)/f(n) for any solution f of

    f(n - 1) = a(n) f(n) + b(n + 1) f(n + 1),                                           (R)

and by Pincherle's theorem the fraction converges to f(-1)/f(0) exactly when (R) has a minimal solution
f (Cuyt, Petersen, Verdonk, Waadeland, Jones, *Handbook of Continued Fractions for Special Functions*,
2008, ch. 6; W. Gautschi, SIAM Review 9 (1967) 24-82). A scaling (a, b) -> (a/s, b/s^2) divides the
limit by s and the solutions by s^n. Write a(n) = alpha n + beta, b(n) = gamma n^2 + delta n + epsilon;
each family below is a contiguous relation of a hypergeometric function F(c) (DLMF numbers) which, in
the gauge f(n) = s^(-n) F(c + n) / Gamma(c + n) (or s^(-n) F(a + n)), *is* (R); the parameters follow
from alpha..epsilon by exact arithmetic (rationals; square roots only where stated):

* ``2F1`` (gamma != 0, D = alpha^2 + 4 gamma != 0): the c-relation DLMF 15.5.18 gives
  a(n) = s ((n + c - 1)(1 - 2z) + (A + B - 1) z) / (1 - z),  b(n) = s^2 z (n + c - 1 - A)(n + c - 1 - B) / (1 - z),
  so z = (1 - |alpha| / sqrt D) / 2 (z = 1/2 when alpha = 0), s = sign(alpha) (sqrt D + |alpha|) / 2
  (s = sqrt gamma when alpha = 0), c = 1 + beta / (sign(alpha) sqrt D) - (S - 1) z with S = -delta/gamma
  (c = 1 + beta / (2 sqrt gamma) - (S - 1)/2 when alpha = 0), and A, B = c - 1 + r_1,2, r_1,2 the roots
  of b. F(c + n) = 2F1(A, B; c + n; z) -> 1 is the minimal solution when Re z < 1/2 (the other grows
  like ((z - 1)/z)^n); of the two roots z, 1 - z of D (1 - 2z)^2 = alpha^2 the one taken has Re z < 1/2
  whenever D > 0:
  L = s (c - 1) 2F1(A, B; c - 1; z) / 2F1(A, B; c; z). z and c lie in Q(sqrt D); A, B in Q(sqrt D, sqrt disc b).
  Gauss's continued fraction for 2F1(A, B+1; C+1; z)/2F1(A, B; C; z) is the same family read along
  alternate shifts (Gauss 1812; Perron, *Die Lehre von den Kettenbruechen* II, 1957; Wall, *Analytic
  Theory of Continued Fractions*, 1948, ch. XVIII; Cuyt et al. 2008, ch. 15).
* ``2F0`` (gamma != 0, D = 0: a double characteristic root): the a-relation of Kummer's U, DLMF 13.3.7,
  gives a(n) = s (2n + 2a0 - bU + x), b(n) = -s^2 (n + a0 - 1)(n + a0 - bU), so s = alpha/2,
  a0 = 1 - r_1, bU = 1 - r_1 + r_2, x = 2 beta/alpha - 1 + S (rational); U(a0 + n, bU, x) is minimal:
  L = s U(a0 - 1, bU, x) / U(a0, bU, x) (U(a, b, x) ~ x^-a 2F0(a, a - b + 1; ; -1/x): Laguerre's and
  Stieltjes' fractions, e.g. the Gompertz constant; Cuyt et al. 2008, ch. 16; Perron II).
* ``1F1`` (gamma = 0, delta != 0, alpha != 0): the c-relation of Kummer's M, DLMF 13.3.2, gives
  a(n) = s (n + c - 1 + z), b(n) = -s^2 z (n + c - 1 - A): s = alpha, z = -delta/alpha^2,
  c = 1 + beta/alpha - z, A = c - 1 - epsilon/delta (all rational); M(A, c + n, z)/Gamma(c + n) is
  minimal: L = s (c - 1) 1F1(A; c - 1; z) / 1F1(A; c; z) (Euler's fractions for e; Cuyt et al. 2008,
  ch. 16; Perron II).
* ``parabolic cylinder`` (gamma = 0, delta != 0, alpha = 0, beta != 0): DLMF 12.8.1,
  U(a - 1, x) = x U(a, x) + (a + 1/2) U(a + 1, x), gives a(n) = s x, b(n) = s^2 (n + a0 - 1/2):
  s = sqrt delta, x = beta/s (in Q(sqrt delta), x^2 rational), a0 = epsilon/delta + 1/2;
  L = s U(a0 - 1, x)/U(a0, x) (Laplace's fraction for erfc; Cuyt et al. 2008, ch. 13; Wall ch. XVIII).
* ``0F1`` (b = epsilon constant != 0, alpha != 0: Bessel): 0F1(; c - 1; z) = 0F1(; c; z) +
  z/(c(c-1)) 0F1(; c + 1; z) (the Bessel recurrence DLMF 10.29.1) gives a(n) = s (n + c - 1), b = s^2 z: s = alpha,
  c = 1 + beta/alpha, z = epsilon/alpha^2; L = s (c - 1) 0F1(; c - 1; z)/0F1(; c; z)
  = alpha sqrt(z) I_(c-2)(2 sqrt z)/I_(c-1)(2 sqrt z) (Euler 1737 for e; Lambert 1768 for tan;
  Cuyt et al. 2008, ch. 17). PCF(n + 1, 1) = I_0(2)/I_1(2), PCF(2n + 1, -1) = cot(1).
* ``periodic`` (a = beta, b = epsilon constant): L = beta + epsilon/L, the root of x^2 - beta x - epsilon
  of larger modulus, (beta + sign(beta) sqrt(beta^2 + 4 epsilon))/2: a quadratic irrational (Euler 1737;
  Lagrange 1770; Perron I, ch. 3).

Which of these a PCF is in is decided by its degrees and the exact tests gamma = 0, D = 0, alpha = 0
(integers): no floating point. The parameters are exact (:class:`~discover.cf.novelty.surd.Surd`). That
the limit is the stated ratio needs the minimal solution (Pincherle); :func:`evidence` checks it
numerically (mpmath at high precision against the exact convergents), as evidence, never the decision.

**Contractions.** The even (odd) contraction of PCF(a, b) (:func:`discover.cf.novelty.equivalence.fold`)
before deflation is, with n = 2k (n = 2k + 1),

    a2(k) = a(n-2) (b(n) + a(n-1) a(n)) + b(n-1) a(n),   b2(k) = -a(n-4) a(n) b(n-1) b(n-2)

(eliminate p_(n-1), p_(n-3) from three steps of p_n = a(n) p_(n-1) + b(n) p_(n-2) and rescale by
a(n-2); Perron I, sec. on contractions; Cuyt et al. 2008, 1.3): degree (3, 6) when deg a = 1 and (2, 4)
when a is constant. :func:`unfold` inverts this exactly: for a target (A, B) it takes a = 1 or
a = n + u with u from the rational roots of B (the zeros of a(2k), a(2k-4)), solves the *linear*
equations A(k) = lam a(n-2) a(n-1) a(n) + a(n-2) G(n) + G(n-1) a(n) for (lam, G) (G = lam b), imposes
-B = a(n-4) a(n) G(n-1) G(n-2) (a common rational root in the one free parameter when the linear system
leaves one), also after re-inflating the target by a linear factor c(k) (a deflated fold), and accepts a
candidate only when the canonical form of its fold equals the target's (exact).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from discover.cf.novelty.surd import Surd

__all__ = ["Family", "classical_family", "family_of", "evidence", "family_limit", "safe_tail", "unfold", "classical_or_unfolded", "CITATIONS",
           "MAX_UNFOLD_DEGREES"]

# Targets unfold() tries: deg A <= 3, deg B <= 6 (the contractions of deg (1, 2) PCFs).
MAX_UNFOLD_DEGREES = (3, 6)

_BOOKS = ("O. Perron, Die Lehre von den Kettenbruechen II (1957); H. S. Wall, Analytic Theory of Continued "
          "Fractions (1948), ch. XVIII; A. Cuyt, V. B. Petersen, B. Verdonk, H. Waadeland, W. B. Jones, Handbook "
          "of Continued Fractions for Special Functions (2008)")
CITATIONS = {
    "2F1": "Gauss's continued fraction and the contiguous relations of 2F1 (C. F. Gauss, Disquisitiones generales "
           "circa seriem infinitam, 1812; DLMF 15.5.18); " + _BOOKS + ", ch. 15",
    "2F0": "Laguerre's / Stieltjes' continued fractions for Kummer's U = 2F0 (DLMF 13.3.7); " + _BOOKS + ", ch. 16",
    "1F1": "Euler's continued fractions and the contiguous relations of Kummer's 1F1 (DLMF 13.3.2); " + _BOOKS
           + ", ch. 16",
    "parabolic cylinder": "Laplace's continued fraction for erfc and the recurrence of the parabolic cylinder "
                          "functions (DLMF 12.8.1); " + _BOOKS + ", ch. 13",
    "0F1": "Euler's (1737) and Lambert's (1768) continued fractions: ratios of Bessel functions / 0F1 (DLMF 10.29.1); "
           + _BOOKS + ", ch. 17",
    "Euler": "Euler's continued fraction of a series (L. Euler, Introductio in analysin infinitorum I, 1748, ch. 18): "
             "the recurrence has a hypergeometric-term solution and the limit is a hypergeometric series; A. Cuyt et al., "
             "Handbook of Continued Fractions for Special Functions (2008), sec. 1.7",
    "trigamma": "Stieltjes's continued fraction of the trigamma function psi'(x) (T. J. Stieltjes, Sur quelques "
                "integrales definies et leur developpement en fractions continues, Quart. J. Math. 24, 1890); "
                "A. Cuyt et al., Handbook of Continued Fractions for Special Functions (2008), ch. 12",
    "Ramanujan zeta(3, x)": "Ramanujan's continued fraction of sum_(k>=1) 1/(x + k)^3 (Hurwitz's zeta(3, x + 1)): "
                            "Entry 32(iii) of B. C. Berndt, R. L. Lamphere, B. M. Wilson, Chapter 12 of Ramanujan's "
                            "second notebook: continued fractions, Rocky Mountain J. Math. 15 (1985) 235-310; B. C. "
                            "Berndt, Ramanujan's Notebooks, Part II (1989), ch. 12",
    "Ramanujan f(x)": "the even contraction of Ramanujan's continued fraction of f(x) = 2 sum_(k>=0) (-1)^k/(x + 2k + 1)^2 "
                      "(B. C. Berndt, R. L. Lamphere, B. M. Wilson, Chapter 12 of Ramanujan's second notebook: "
                      "continued fractions, Rocky Mountain J. Math. 15 (1985) 235-310; B. C. Berndt, Ramanujan's "
                      "Notebooks, Part II (1989), ch. 12)",
    "polynomial tail": "tail sequences of a continued fraction, and the true tails of a limit periodic fraction of "
                       "loxodromic type tending to the attracting fixed point (L. Lorentzen, H. Waadeland, Continued "
                       "Fractions with Applications, North-Holland, 1992); the recurrence then has a hypergeometric-"
                       "term solution over Q(sqrt D), as in Euler's continued fraction of a series (1748)",
    "periodic": "periodic continued fractions are quadratic irrationals (L. Euler, De fractionibus continuis "
                "dissertatio, 1737; J.-L. Lagrange, 1770); O. Perron, Die Lehre von den Kettenbruechen I (1954), ch. 3",
}


@dataclass
class Family:
    """A PCF's classical family: ``name`` (a key of :data:`CITATIONS`), exact ``parameters`` (name ->
    :class:`Surd` or text), the ``limit`` formula in them, the ``equivalence`` that brings the PCF to the
    family's standard form, and how the parameters' field is made (``field``)."""

    name: str
    parameters: dict
    limit: str
    equivalence: str
    field: str
    note: str = ""
    _value: object = field(default=None, repr=False)  # (n0, digits) -> mpmath value of the tail t_n0

    def to_json(self) -> dict:
        out = {"family": self.name, "parameters": {k: str(v) for k, v in self.parameters.items()},
               "limit": self.limit, "equivalence": self.equivalence, "field": self.field,
               "citation": CITATIONS[self.name]}
        if self.note:
            out["note"] = self.note
        return out

    def tail_value(self, n0: int, digits: int):
        """t_n0 = a(n0) + b(n0+1)/(a(n0+1) + ...) as the family's function ratio, at ``digits`` digits."""
        import mpmath

        with mpmath.workdps(digits + 10):
            return self._value(n0)


def _field(*numbers: Surd) -> str:
    rads = sorted({d for x in numbers for d in x.radicals()})
    return "Q" if not rads else "Q(" + ", ".join(f"sqrt({d})" for d in rads) + ")"


def _sign(x) -> int:
    return (x > 0) - (x < 0)


def _coeff(p, i) -> Fraction:
    return Fraction(p[i]) if i < len(p) else Fraction(0)


def _trim(p) -> tuple:
    p = list(p)
    while p and p[-1] == 0:
        p.pop()
    return tuple(p)


def classical_family(a, b) -> Family | None:
    """The classical family (module doc) of PCF(a, b), coefficient tuples lowest degree first, or None
    when deg a > 1, deg b > 2, a = 0 or b = 0 (not a continued fraction of these families)."""
    a, b = _trim(a), _trim(b)
    if not a or not b or len(a) > 2 or len(b) > 3:
        return None
    alpha, beta = _coeff(a, 1), _coeff(a, 0)
    gamma, delta, eps = _coeff(b, 2), _coeff(b, 1), _coeff(b, 0)
    if gamma != 0:
        return _hypergeometric_2(alpha, beta, gamma, delta, eps)
    if delta != 0:
        return _kummer(alpha, beta, delta, eps) if alpha != 0 else _parabolic(beta, delta, eps)
    return _bessel(alpha, beta, eps) if alpha != 0 else _periodic(beta, eps)


def _roots_of_b(gamma, delta, eps):
    """S = r1 + r2 and r1, r2 (Surds) of gamma n^2 + delta n + eps."""
    S = -delta / gamma
    P = eps / gamma
    rho = Surd.sqrt(S * S - 4 * P)
    return S, (S + rho) / 2, (S - rho) / 2


def _hypergeometric_2(alpha, beta, gamma, delta, eps) -> Family:
    import mpmath

    S, r1, r2 = _roots_of_b(gamma, delta, eps)
    D = alpha * alpha + 4 * gamma
    if D == 0:  # double characteristic root: Kummer's U (2F0)
        s = Surd.of(alpha / 2)
        a0 = 1 - r1
        bU = 1 - r1 + r2
        x = Surd.of(2 * beta / alpha - 1 + S)

        def value(n0):
            A0, B0, X = (a0 + n0).to_mpmath(), bU.to_mpmath(), x.to_mpmath()
            return s.to_mpmath() * mpmath.hyperu(A0 - 1, B0, X) / mpmath.hyperu(A0, B0, X)

        return Family("2F0", {"s": s, "a0": a0, "b": bU, "x": x},
                      "s U(a0 - 1, b, x) / U(a0, b, x)  (Kummer's U)",
                      "scaling by s: PCF(a/s, b/s^2) = L/s is the a-recurrence of U(a0 + n, b, x) (DLMF 13.3.7) "
                      "with f(n) = U(a0 + n, b, x), the minimal solution",
                      _field(a0, bU), _value=value)
    omega = Surd.sqrt(D)
    if alpha != 0:
        z = (1 - Surd.of(abs(alpha)) / omega) / 2
        s = _sign(alpha) * (omega + abs(alpha)) / 2
        c = 1 + Surd.of(beta) / (_sign(alpha) * omega) - (S - 1) * z
    else:
        z = Surd.of(Fraction(1, 2))
        s = Surd.sqrt(gamma)
        c = 1 + Surd.of(beta) / (2 * s) - (S - 1) / 2
    A, B = c - 1 + r1, c - 1 + r2
    note = "" if D > 0 else ("complex characteristic roots of equal modulus (D < 0): Re z = 1/2, no minimal "
                             "solution, the fraction does not converge in general")

    def value(n0):
        Am, Bm, cm, zm = A.to_mpmath(), B.to_mpmath(), (c + n0).to_mpmath(), z.to_mpmath()
        return s.to_mpmath() * (cm - 1) * mpmath.hyp2f1(Am, Bm, cm - 1, zm) / mpmath.hyp2f1(Am, Bm, cm, zm)

    return Family("2F1", {"s": s, "A": A, "B": B, "c": c, "z": z},
                  "s (c - 1) 2F1(A, B; c - 1; z) / 2F1(A, B; c; z), read with the regularized 2F1/Gamma(c) when c - 1 is an "
                  "integer <= 0",
                  "scaling by s: PCF(a/s, b/s^2) = L/s is the c-recurrence DLMF 15.5.18 of 2F1(A, B; c + n; z) in the "
                  "gauge f(n) = 2F1(A, B; c + n; z)/Gamma(c + n), the minimal solution when Re z < 1/2 (Pincherle)",
                  _field(A, B, c, z, s), note, _value=value)


def _kummer(alpha, beta, delta, eps) -> Family:
    import mpmath

    s = Surd.of(alpha)
    z = Surd.of(-delta / (alpha * alpha))
    c = Surd.of(1 + beta / alpha) - z
    A = c - 1 - eps / delta

    def value(n0):
        Am, cm, zm = A.to_mpmath(), (c + n0).to_mpmath(), z.to_mpmath()
        return s.to_mpmath() * (cm - 1) * mpmath.hyp1f1(Am, cm - 1, zm) / mpmath.hyp1f1(Am, cm, zm)

    return Family("1F1", {"s": s, "A": A, "c": c, "z": z}, "s (c - 1) 1F1(A; c - 1; z) / 1F1(A; c; z), read with the regularized 1F1/Gamma(c) when c - 1 is an integer <= 0",
                  "scaling by s: PCF(a/s, b/s^2) = L/s is the c-recurrence DLMF 13.3.2 of 1F1(A; c + n; z) in the gauge "
                  "f(n) = 1F1(A; c + n; z)/Gamma(c + n), the minimal solution", "Q", _value=value)


def _parabolic(beta, delta, eps) -> Family:
    import mpmath

    s = Surd.sqrt(delta)
    x = Surd.of(beta) / s
    a0 = Surd.of(eps / delta + Fraction(1, 2))

    def value(n0):
        A0, X = (a0 + n0).to_mpmath(), x.to_mpmath()
        return s.to_mpmath() * mpmath.pcfu(A0 - 1, X) / mpmath.pcfu(A0, X)

    return Family("parabolic cylinder", {"s": s, "a0": a0, "x": x}, "s U(a0 - 1, x) / U(a0, x)  (parabolic cylinder U)",
                  "scaling by s: PCF(a/s, b/s^2) = L/s is the recurrence DLMF 12.8.1 of U(a0 + n, x), the minimal "
                  "solution", _field(s, x), _value=value)


def _bessel(alpha, beta, eps) -> Family:
    import mpmath

    s = Surd.of(alpha)
    c = Surd.of(1 + beta / alpha)
    z = Surd.of(eps / (alpha * alpha))

    def value(n0):
        cm, zm = (c + n0).to_mpmath(), z.to_mpmath()
        return s.to_mpmath() * (cm - 1) * mpmath.hyp0f1(cm - 1, zm) / mpmath.hyp0f1(cm, zm)

    return Family("0F1", {"s": s, "c": c, "z": z},
                  "s sqrt(z) I_(c-2)(2 sqrt z) / I_(c-1)(2 sqrt z) = s (c - 1) 0F1(; c - 1; z) / 0F1(; c; z) (c - 1 not an "
                  "integer <= 0)",
                  "scaling by s: PCF(a/s, b/s^2) = L/s is the c-recurrence of 0F1(; c + n; z) in the gauge "
                  "f(n) = 0F1(; c + n; z)/Gamma(c + n) (DLMF 10.29.1), the minimal solution", "Q", _value=value)


def _periodic(beta, eps) -> Family:
    disc = beta * beta + 4 * eps
    root = (Surd.of(beta) + _sign(beta) * Surd.sqrt(disc)) / 2
    note = "" if disc >= 0 else "complex roots of equal modulus: the fraction does not converge"

    def value(n0):
        return root.to_mpmath()

    return Family("periodic", {"L": root, "polynomial": f"x^2 - ({beta}) x - ({eps})"},
                  "L, the root of x^2 - a x - b of larger modulus",
                  "L = a + b/L (the fraction equals each of its tails)", _field(root), note, _value=value)


def evidence(a, b, family: Family, digits: int = 60, max_depth: int = 100_000) -> dict:
    """Evidence (not the decision) that PCF(a, b)'s limit is the family's ratio: the tail t_n0 (n0 >= 0,
    past the zeros of b and the poles of the ratio) from exact convergents (:func:`discover.cf.formula.
    evaluate_to`, to ``digits`` digits or ``max_depth``) against the family's functions at ``digits`` + 10
    digits (mpmath; where mpmath fails at n0, up to three further tails); returns n0, the convergent's
    digits and the digits on which the two agree."""
    import mpmath

    from discover.cf.formula import evaluate_to
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    pa, pb = Polynomial(tuple(int(x) for x in a)), Polynomial(tuple(int(x) for x in b))
    n0 = safe_tail(b, family)
    failure = None
    for tries in range(4):  # mpmath's analytic continuation can fail at a degenerate tail: the next ones
        try:
            with mpmath.workdps(digits + 10):
                y = family.tail_value(n0, digits)
            break
        except (ValueError, ZeroDivisionError, ArithmeticError) as exc:
            failure = f"mpmath: {str(exc).splitlines()[0]}"
            n0 += 1
    else:
        return {"tail": n0 - 1, "pcf_digits": None, "depth": None, "agreement_digits": None, "error": failure}
    ev = evaluate_to(PCF(pa.shift(n0), pb.shift(n0)), digits, max_depth)
    with mpmath.workdps(digits + 10):
        x = mpmath.mpf(ev.value)
        err = abs(x - y)
        agree = float("inf") if err == 0 else float(-mpmath.log10(err / abs(y)))
    return {"tail": n0, "pcf_digits": round(float(ev.digits), 2), "depth": ev.depth,
            "agreement_digits": round(min(agree, float(ev.digits)), 2),
            "family_value": mpmath.nstr(y, 20)}


def safe_tail(b, family: Family) -> int:
    """The first tail index n0 >= 0 past the integer zeros of b and where the family's functions have no
    pole (Re c + n0 >= 3, Re a0 + n0 >= 3), at most 200."""
    import mpmath

    from discover.cf.polynomial import Polynomial

    pb = Polynomial(tuple(int(x) for x in b))
    n0 = max([0] + (pb.integer_roots() if pb.degree >= 1 else []))
    for key in ("c", "a0"):
        if isinstance(family.parameters.get(key), Surd):
            re = float(mpmath.re(family.parameters[key].to_mpmath()))
            n0 = max(n0, int(mpmath.ceil(2 - re)) + 1)
    return min(n0, 200)


def family_limit(a, b, family: Family, digits: int):
    """The PCF's limit from the family: the tail t_n0 (:func:`safe_tail`) as the function ratio, then
    t_k = a(k) + b(k+1)/t_(k+1) down to k = 0 (mpmath, ``digits`` digits)."""
    import mpmath

    from discover.cf.polynomial import Polynomial

    pa, pb = Polynomial(tuple(int(x) for x in a)), Polynomial(tuple(int(x) for x in b))
    n0 = safe_tail(b, family)
    with mpmath.workdps(digits + 10):
        t = family.tail_value(n0, digits)
        for k in range(n0 - 1, -1, -1):
            t = pa(k) + pb(k + 1) / t
        return +t


# ---------------------------------------------------------------------------------------------- unfold

def _q(coeffs):
    from flint import fmpq, fmpq_poly

    return fmpq_poly([fmpq(Fraction(c).numerator, Fraction(c).denominator) for c in coeffs]) if coeffs \
        else fmpq_poly([0])


def _at(p, lin):
    """p(lin) for fmpq_poly p and a linear fmpq_poly lin."""
    return p(lin) if p.degree() > 0 else p


def _frac(x) -> Fraction:
    return Fraction(int(x.p), int(x.q))


def _rational_roots(p) -> list[Fraction]:
    """The rational roots of an fmpq_poly (FLINT factorisation)."""
    if p.degree() < 1:
        return []
    out = []
    _c, factors = p.factor()
    for g, _m in factors:
        if g.degree() == 1:
            out.append(_frac(-g[0] / g[1]))
    return out


def _solve_affine(rows, rhs):
    """The rational solutions of rows x = rhs as (x0, [direction]) (at most one free parameter), or None:
    the integer nullspace (FLINT) of [rows | -rhs] (rows cleared of denominators); a solution is a kernel
    vector with last coordinate 1, a direction one with last coordinate 0."""
    from math import lcm

    from flint import fmpz_mat

    ints = []
    for r, v in zip(rows, rhs):
        row = list(r) + [-v]
        m = 1
        for x in row:
            m = lcm(m, x.denominator)
        ints.append([int(x * m) for x in row])
    X, nullity = fmpz_mat(ints).nullspace()
    kernel = [[Fraction(int(X[i, j])) for i in range(X.nrows())] for j in range(nullity)]
    with_last = [v for v in kernel if v[-1] != 0]
    if not with_last or nullity > 2:
        return None
    base = with_last[0]
    x0 = [x / base[-1] for x in base[:-1]]
    directions = []
    for v in kernel:
        if v is base:
            continue
        w = [x - v[-1] / base[-1] * y for x, y in zip(v, base)]  # last coordinate 0
        directions.append(w[:-1])
    return x0, directions


def _poly_coeffs(p, length):
    return [_frac(p[i]) if i <= p.degree() else Fraction(0) for i in range(length)]


def _candidates(A, B, a_poly):
    """Sources (a, G/lam) for the target (A, B) (fmpq_poly) with the given a(n) (module doc)."""
    from flint import fmpq_poly

    k = fmpq_poly([0, 1])
    n = 2 * k

    def ax(shift):
        return _at(a_poly, n + shift)

    den = ax(0) * ax(-4)
    Q, rem = divmod(-B, den)
    if not rem.is_zero():
        return []
    P = ax(-2) * ax(-1) * ax(0)
    cols = [P] + [ax(-2) * _at(fmpq_poly([0] * j + [1]), n) + _at(fmpq_poly([0] * j + [1]), n - 1) * ax(0)
                  for j in range(3)]
    length = max(A.degree(), max(c.degree() for c in cols)) + 1
    colv = [_poly_coeffs(c, length) for c in cols]
    rows = [[colv[j][i] for j in range(4)] for i in range(length)]
    sol = _solve_affine(rows, _poly_coeffs(A, length))
    if sol is None:
        return []
    x0, basis = sol

    def G_of(x):
        return _q(x[1:4])

    sols = []
    if not basis:
        sols = [x0]
    else:
        v = basis[0]
        # Q = (G0 + t G1)(n - 1) (G0 + t G1)(n - 2): coefficients quadratic in t; common rational roots
        c00 = Q - _gg(G_of(x0), G_of(x0), n)
        c01 = _gg(G_of(x0), G_of(v), n) + _gg(G_of(v), G_of(x0), n)
        c11 = _gg(G_of(v), G_of(v), n)
        length2 = max(c00.degree(), c01.degree(), c11.degree()) + 1
        g = None
        for i in range(length2):
            e0, e1, e2 = (_poly_coeffs(p, length2)[i] for p in (c00, c01, c11))
            poly = _q([e0, -e1, -e2])
            if poly.is_zero():
                continue
            g = poly if g is None else g.gcd(poly)
        if g is None:
            return []
        for t in _rational_roots(g):
            sols.append([x + t * y for x, y in zip(x0, v)])
    out = []
    for x in sols:
        lam, G = x[0], G_of(x)
        if lam == 0 or G.is_zero():
            continue
        if _gg(G, G, n) != Q:
            continue
        out.append((a_poly, G * _q([1 / lam])))
    return out


def _gg(G1, G2, n):
    """G1(n - 1) G2(n - 2) with n = 2k (fmpq_poly in k)."""
    return _at(G1, n - 1) * _at(G2, n - 2)


def _integral(a_poly, b_poly) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(s a, s^2 b) with integer coefficients (s the lcm of all denominators: a scaling, same PCF up to L -> s L)."""
    from math import lcm

    s = 1
    for p in (a_poly, b_poly):
        for i in range(p.degree() + 1):
            s = lcm(s, int(p[i].q))
    return (tuple(int(s * a_poly[i]) for i in range(a_poly.degree() + 1)),
            tuple(int(s * s * b_poly[i]) for i in range(b_poly.degree() + 1)))


def unfold(A, B) -> tuple[int, tuple, tuple] | None:
    """(parity, a, b): a PCF(a, b) with deg a <= 1, deg b <= 2 whose even (0) or odd (1) contraction has
    the canonical form of PCF(A, B) (coefficient tuples), or None (module doc). Exact: each candidate is
    accepted only on equal canonical keys."""
    from flint import fmpq_poly

    from discover.cf.novelty.equivalence import canonical_key, fold

    A, B = _trim(A), _trim(B)
    if not A or not B or len(A) - 1 > MAX_UNFOLD_DEGREES[0] or len(B) - 1 > MAX_UNFOLD_DEGREES[1]:
        return None
    target = canonical_key(A, B)
    PA, PB = _q(target[0]), _q(target[1])
    k = fmpq_poly([0, 1])
    roots = _rational_roots(PB)
    targets = [(PA, PB)]
    # a deflated fold: inflate by a linear c(k) whose zero is near a zero of B
    for r in sorted({r + d for r in roots for d in (-1, 0, 1)}):
        c = k - _q([r])
        targets.append((PA * c, PB * c * _at(c, k - 1)))
    seen = set()
    for TA, TB in targets:
        sources = [fmpq_poly([1])]
        for r in _rational_roots(TB):
            for u in (-2 * r, 4 - 2 * r):
                sources.append(_q([u, 1]))
        for a_poly in sources:
            for a_src, b_src in _candidates(TA, TB, a_poly):
                ia, ib = _integral(a_src, b_src)
                if (ia, ib) in seen:
                    continue
                seen.add((ia, ib))
                for shift in (0, 1, -1):
                    sa, sb = _shifted(ia, shift), _shifted(ib, shift)
                    for parity in (0, 1):
                        f = fold(sa, sb, parity)
                        if f is None:
                            continue
                        try:
                            if canonical_key(*f) == target:
                                return parity, sa, sb
                        except (ValueError, ZeroDivisionError, ArithmeticError):
                            continue
    return None


def _shifted(p, k):
    from discover.cf.polynomial import Polynomial

    return Polynomial(p).shift(k).coeffs if k else p


def family_of(a, b) -> Family | None:
    """The classical family of PCF(a, b) itself (no unfolding): :func:`classical_family` for deg (1, 2),
    else Euler's family (:func:`discover.cf.novelty.euler_family.euler_family`), else Stieltjes's fraction of
    the trigamma function (:func:`discover.cf.novelty.trigamma_family.trigamma_family`), else one of
    Ramanujan's fractions for zeta(3, x) and f(x) (:func:`discover.cf.novelty.ramanujan_family.ramanujan_family`),
    else a polynomial tail over a quadratic field (:func:`discover.cf.novelty.polynomial_tail.polynomial_tail`),
    else None."""
    from discover.cf.novelty.euler_family import euler_family
    from discover.cf.novelty.polynomial_tail import polynomial_tail
    from discover.cf.novelty.ramanujan_family import ramanujan_family
    from discover.cf.novelty.trigamma_family import trigamma_family

    return (classical_family(a, b) or euler_family(a, b) or trigamma_family(a, b) or ramanujan_family(a, b)
            or polynomial_tail(a, b))


def classical_or_unfolded(a, b) -> dict | None:
    """The novelty chain steps that put PCF(a, b) (its canonical form) in a classical family: the family
    itself (deg (1, 2): :func:`classical_family`; any degree: Euler's family,
    :mod:`discover.cf.novelty.euler_family`), or an unfolding to a (1, 2) PCF and that PCF's family; None
    when none applies."""
    fam = family_of(a, b)
    if fam is not None:
        return {"family": fam, "steps": [{"kind": "classical_family", "detail": fam.to_json()}], "source": (a, b)}
    got = unfold(a, b)
    if got is None:
        return None
    parity, sa, sb = got
    fam = classical_family(sa, sb)
    if fam is None:
        return None
    from discover.cf.polynomial import Polynomial

    return {"family": fam, "source": (sa, sb),
            "steps": [{"kind": "unfold", "detail": f"it is the {'even' if parity == 0 else 'odd'} contraction of "
                                                   f"PCF({Polynomial(sa)}, {Polynomial(sb)}) (exact: equal canonical "
                                                   "forms)"},
                      {"kind": "classical_family", "detail": fam.to_json()}]}
