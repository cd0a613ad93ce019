"""Growth of the solutions of a linear recurrence, and the convergence rate it predicts.

Mathematics (Poincare 1885, Perron 1921; the formal solutions of Birkhoff 1930 and Adams 1928; see
Wimp, *Computation with Recurrence Relations*, 1984, ch. 1, and Elaydi, *An Introduction to Difference
Equations*, 3rd ed., sec. 8). For sum_i a_i(n) u(n - i) = 0 (:mod:`.recurrence`) with a_i(n) =
alpha_i n^{d_i} + beta_i n^{d_i - 1} + ..., try u(n) ~ (n!)^mu lambda^n n^rho. Since

    u(n - i) / u(n) = lambda^-i n^{-mu i} (1 + (mu i (i - 1) / 2 - i rho) / n + O(n^-2)),

term i has size n^{d_i - mu i}. The terms that balance are the points (i, d_i) on an edge of the upper
convex hull (the *Newton polygon*) of slope mu, and on that edge

    (characteristic equation)  sum_{i on the edge} alpha_i lambda^-i = 0,

whose roots (with multiplicity) number the edge's width; the widths add up to k. For a simple root and
an integer slope (all terms then differ by whole powers of n) the next order gives Birkhoff's exponent

    rho = [sum_edge lambda^-i (beta_i + alpha_i mu i (i - 1) / 2) + sum_next alpha_i lambda^-i]
          / sum_edge i alpha_i lambda^-i,

"next" being the points one power of n below the edge (d_i - mu i = D - 1). For Apery's recurrence
n^3 u(n) - (34n^3 - 51n^2 + 27n - 5) u(n-1) + (n-1)^3 u(n-2) = 0 this gives mu = 0, lambda = 17 +- 12
sqrt 2 and rho = -3/2 for both: A_n ~ C (1 + sqrt 2)^{4n} n^{-3/2}.

Convergence (Poincare-Perron). A ratio of two solutions with generic initial values tends to the ratio
of their components along the dominant solution f_1, with error ~ f_2 / f_1, f_2 the second-largest
growth: growths are ordered by (mu, |lambda|, Re rho). Hence

* mu_1 > mu_2: super-exponential, error ~ (n!)^-(mu_1 - mu_2) (|lambda_2/lambda_1|)^n: the digits a step
  grow like (mu_1 - mu_2) log10 n;
* mu_1 = mu_2, |lambda_1| > |lambda_2|: exponential, log10 |lambda_1 / lambda_2| digits a step;
* |lambda_1| = |lambda_2|, lambda_1 != lambda_2: no limit in general (oscillating);
* lambda_1 = lambda_2 (a double root, or the same root with rho_1 > rho_2): a power law n^-(rho_1 - rho_2)
  (sublinear) when the exponents are known, else "degenerate".

The measured rate (digits a step, :mod:`discover.cf.convergence`) is compared with this prediction in
every limit record.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Growth", "growths", "predicted_convergence", "newton_polygon"]


@dataclass(frozen=True)
class Growth:
    """One formal solution u(n) ~ (n!)^mu lambda^n n^rho: ``mu`` (a fraction), ``lam`` (complex),
    ``multiplicity`` of lambda as a root, ``rho`` (complex) or None where not computed (a multiple root
    or a fractional slope), ``char_poly`` the characteristic polynomial of its edge (coefficients,
    lowest degree first)."""

    mu: Fraction
    lam: complex
    multiplicity: int
    rho: complex | None
    char_poly: tuple[int, ...]

    def key(self):
        return (self.mu, abs(self.lam), self.rho.real if self.rho is not None else -math.inf)

    def to_json(self) -> dict:
        return {"mu": str(self.mu), "lambda": _ctext(self.lam), "abs_lambda": round(abs(self.lam), 12),
                "multiplicity": self.multiplicity, "rho": None if self.rho is None else _ctext(self.rho),
                "characteristic_polynomial": list(self.char_poly)}


def _ctext(z: complex) -> str:
    re = z.real + 0.0  # no "-0"
    if abs(z.imag) < 1e-12 * max(1.0, abs(z)):
        return f"{re:.12g}"
    return f"{re:.12g}{'+' if z.imag >= 0 else '-'}{abs(z.imag):.12g}i"


def newton_polygon(degrees) -> list[tuple[int, int]]:
    """The edges (i1, i2), i1 < i2, of the upper convex hull of the points (i, d_i) (d_i = -1 for a
    zero coefficient is left out), from left to right."""
    pts = [(i, d) for i, d in enumerate(degrees) if d >= 0]
    hull: list[tuple[int, int]] = []
    for p in pts:
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            # drop hull[-1] when it lies on or below the segment hull[-2] -> p
            if (y2 - y1) * (p[0] - x1) <= (p[1] - y1) * (x2 - x1):
                hull.pop()
            else:
                break
        hull.append(p)
    return [(hull[j][0], hull[j + 1][0]) for j in range(len(hull) - 1)]


def growths(rec) -> list[Growth]:
    """The k formal growths of the solutions of ``rec`` (module doc), largest first."""
    from flint import fmpz_poly

    coeffs = rec.coefficients
    deg = [c.degree for c in coeffs]
    out: list[Growth] = []
    for i1, i2 in newton_polygon(deg):
        mu = Fraction(deg[i2] - deg[i1], i2 - i1)
        top = deg[i1] - mu * i1
        edge = [i for i in range(i1, i2 + 1) if deg[i] >= 0 and deg[i] - mu * i == top]
        nxt = [i for i in range(len(coeffs)) if deg[i] >= 0 and deg[i] - mu * i == top - 1]
        # sum alpha_i lambda^-i = 0, times lambda^{i2}: coefficient of lambda^{i2 - i} is alpha_i
        char = [0] * (i2 - i1 + 1)
        for i in edge:
            char[i2 - i] = coeffs[i].leading
        poly = fmpz_poly(char)
        for root, mult in poly.complex_roots():
            lam = complex(float(root.real.mid()), float(root.imag.mid()))
            rho = None
            if mult == 1 and mu.denominator == 1:
                m = int(mu)
                num = sum(lam ** -i * (_beta(coeffs[i]) + coeffs[i].leading * m * i * (i - 1) / 2) for i in edge)
                num += sum(coeffs[i].leading * lam ** -i for i in nxt)
                den = sum(i * coeffs[i].leading * lam ** -i for i in edge)
                rho = num / den if den != 0 else None
            out.append(Growth(mu, lam, mult, rho, tuple(char)))
    out.sort(key=lambda g: g.key(), reverse=True)
    return out


def _beta(p) -> int:
    """The coefficient of n^{deg - 1}."""
    return p.coeffs[-2] if len(p.coeffs) >= 2 else 0


def predicted_convergence(gs: list[Growth]) -> dict:
    """The regime and rate of a ratio of two generic solutions (module doc): ``regime``
    (super-exponential | exponential | sublinear | oscillating | degenerate), ``digits_per_step`` (for
    exponential), ``factorial_exponent`` (mu_1 - mu_2, super-exponential), ``power`` (rho_1 - rho_2,
    sublinear)."""
    if sum(g.multiplicity for g in gs) < 2:
        return {"regime": "order 1"}
    f1 = gs[0]
    if f1.multiplicity > 1:  # a multiple dominant root: the solutions differ by powers of n (and logs)
        return {"regime": "degenerate", "digits_per_step": 0.0,
                "note": "multiple dominant root: sublinear at best (the rate needs the log terms)"}
    f2 = gs[1]
    if f1.mu > f2.mu:
        return {"regime": "super-exponential", "factorial_exponent": str(f1.mu - f2.mu),
                "digits_per_step": None}
    r1, r2 = abs(f1.lam), abs(f2.lam)
    if r1 > r2 * (1 + 1e-12):
        return {"regime": "exponential", "digits_per_step": round(math.log10(r1 / r2), 6)}
    if abs(f1.lam - f2.lam) > 1e-9 * r1:
        return {"regime": "oscillating", "digits_per_step": 0.0}
    if f1.rho is not None and f2.rho is not None and f1.rho.real > f2.rho.real:
        return {"regime": "sublinear", "power": round(f1.rho.real - f2.rho.real, 6), "digits_per_step": 0.0}
    return {"regime": "degenerate", "digits_per_step": 0.0}
