"""Quasi-polynomial formulas for integer sequences indexed by one parameter (the size n, the modulus p,
a family parameter k), fitted on some values and checked on the others.

A quasi-polynomial of modulus s is a list of s polynomials P_0..P_{s-1} with rational coefficients:
``f(x) = P_{x mod s}(x)``. For each residue class r (the values x >= n_min with x = r mod s) the fitter
takes the polynomial of least degree d that interpolates the first d+1 values of the class (exact
rational Lagrange interpolation) *and* predicts every other value of that class. A formula is kept only if
every residue class that holds data has at least :data:`MIN_HELD_OUT` predicted (held-out, not fitted)
values: one predicted value per class is weak evidence (a polynomial of one degree more fits any extra
point). A class without any data (p = 0 mod 4 when the moduli are odd primes) gets no polynomial
(``None``): the conjecture says nothing there. The printed formula is then checked independently by
:func:`discover.cayley.verify.check_formula`.

Search order (simplest first): modulus s = 1..4, then the smallest n_min (dropping some of the smallest
values, which are often exceptions: lrx has diameter n(n-1)/2 only from n = 4 on, UT_4(Z/pZ) has
diameter 3 floor(p/2) only from p = 11 on; at most half of the values are dropped, and what remains must
still leave two held-out values in every class). The
variable is called n in the code; :meth:`QuasiPolynomial.polynomials` prints it under the parameter's own
name (p for a modulus, k for a family parameter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

MAX_MODULUS = 4
MAX_DROPPED = None  # None: at most half of the values
MIN_HELD_OUT = 2  # predicted sizes per residue class


@dataclass(frozen=True)
class QuasiPolynomial:
    modulus: int
    coefficients: tuple  # per residue: tuple of Fractions, constant term first
    n_min: int
    fitted_on: tuple = ()
    predicted: tuple = ()
    extra: dict = field(default_factory=dict, compare=False)

    def predicted_per_residue(self) -> dict[str, int]:
        """How many values of each residue class x mod ``modulus`` that holds data the formula predicted
        (not fitted on); classes without data are left out."""
        counts = {str(r): 0 for r, c in enumerate(self.coefficients) if c is not None}
        for n in self.predicted:
            counts[str(n % self.modulus)] += 1
        return counts

    def __call__(self, n: int) -> Fraction | None:
        coeffs = self.coefficients[n % self.modulus]
        return None if coeffs is None else _evaluate(coeffs, n)

    def polynomials(self, variable: str = "n") -> list[str | None]:
        """One sympy-parseable expression in ``variable`` per residue 0..modulus-1 (None: no data)."""
        import sympy

        x = sympy.Symbol(variable)
        out = []
        for coeffs in self.coefficients:
            if coeffs is None:
                out.append(None)
                continue
            expr = sum((sympy.Rational(c.numerator, c.denominator) * x**k for k, c in enumerate(coeffs)),
                       sympy.Integer(0))
            out.append(str(sympy.expand(expr)))
        return out

    def factored(self, variable: str = "n") -> list[str | None]:
        import sympy

        x = sympy.Symbol(variable)
        return [None if p is None else str(sympy.factor(sympy.sympify(p, locals={variable: x})))
                for p in self.polynomials(variable)]


def interpolate(xs, ys) -> tuple:
    """Coefficients (constant first, Fractions) of the polynomial of degree < len(xs) through the points."""
    m = len(xs)
    coeffs = [Fraction(0)] * m
    for i in range(m):
        # basis polynomial prod_{j != i} (x - x_j) / (x_i - x_j)
        basis = [Fraction(1)]
        denom = Fraction(1)
        for j in range(m):
            if j == i:
                continue
            basis = [Fraction(0)] + basis  # multiply by x
            for k in range(len(basis) - 1):
                basis[k] -= xs[j] * basis[k + 1]
            denom *= xs[i] - xs[j]
        for k in range(m):
            coeffs[k] += Fraction(ys[i]) * basis[k] / denom
    while len(coeffs) > 1 and coeffs[-1] == 0:
        coeffs.pop()
    return tuple(coeffs)


def _evaluate(coeffs, n) -> Fraction:
    return sum((c * n**k for k, c in enumerate(coeffs)), Fraction(0))


def _fit_class(points, held_out: int = MIN_HELD_OUT):
    """Least-degree polynomial fitted on a prefix of ``points`` that predicts all the rest (at least
    ``held_out`` of them), with the fitted and predicted sizes; None when there is none."""
    for d in range(0, len(points) - held_out):
        fit, rest = points[: d + 1], points[d + 1:]
        coeffs = interpolate([x for x, _ in fit], [y for _, y in fit])
        if all(_evaluate(coeffs, x) == y for x, y in rest):
            return coeffs, [x for x, _ in fit], [x for x, _ in rest]
    return None


def fit_quasi_polynomial(ns, values, max_modulus: int = MAX_MODULUS,
                         max_dropped: int | None = MAX_DROPPED) -> QuasiPolynomial | None:
    """The simplest quasi-polynomial (see the module docstring) that fits ``values[i]`` at ``ns[i]``."""
    data = sorted(zip(ns, values))
    if max_dropped is None:
        max_dropped = len(data) // 2
    for s in range(1, max_modulus + 1):
        for drop in range(0, min(max_dropped, len(data)) + 1):
            points = data[drop:]
            if len(points) < 2:
                break
            n_min = points[0][0]
            classes = []
            for r in range(s):
                cls = [(x, y) for x, y in points if x % s == r]
                if not cls:  # no data in this class: the formula says nothing there
                    classes.append((r, (None, [], [])))
                    continue
                fitted = _fit_class(cls) if len(cls) > MIN_HELD_OUT else None
                if fitted is None:
                    break
                classes.append((r, fitted))
            else:
                predicted = sorted(x for _, (_, _, rest) in classes for x in rest)
                fitted_on = sorted(x for _, (_, fit, _) in classes for x in fit)
                coeffs = tuple(c for _, (c, _, _) in classes)
                return QuasiPolynomial(s, coeffs, n_min, tuple(fitted_on), tuple(predicted))
    return None
