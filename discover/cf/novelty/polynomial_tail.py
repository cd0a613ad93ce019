"""PCFs whose tails are polynomials over a quadratic field: the limit is x(0), an element of Q(sqrt D).

Definition. Let deg a = d >= 1 and deg b = 2d, with leading coefficients alpha and beta. PCF(a, b) has a
*polynomial tail* x when x(n) = c_0 + c_1 n + ... + c_d n^d, c_k in Q(sqrt D), D = alpha^2 + 4 beta > 0, satisfies

    x(n) x(n + 1) = a(n) x(n + 1) + b(n + 1)    identically in n,                                    (T)

x(n) != 0 for every integer n >= 0, and c_d is the root of t^2 = alpha t + beta of larger modulus (the one of
alpha's sign). (T) says that x(n) = a(n) + b(n + 1)/x(n + 1): the sequence x(n) is a tail sequence of the
fraction. Normalised by n^d, the fraction is limit periodic of loxodromic type (the two roots have distinct
moduli): its true tails tend to the attracting fixed point, the root of larger modulus, and the one tail
sequence that does so is the true one (the other tail sequences tend to the repelling point). So the limit
is x(0) (L. Lorentzen and H. Waadeland, Continued Fractions with Applications, 1992: tail sequences, limit
periodic continued fractions). The recurrence of the convergents then has the solution prod_(k<n) x(k), a
hypergeometric term over Q(sqrt D): Euler's family (:mod:`discover.cf.novelty.euler_family`) over a quadratic
field instead of Q.

Example: PCF(3n^2 + 7n + 3, -n(n + 2)(n^2 - n - 1)) has the tail x(n) = (n + 1)((3n + 2) + (n + 2) sqrt 5)/2 and
the limit x(0) = 1 + sqrt 5 = 2 phi.

The decision is exact: c_d from the quadratic, then each lower coefficient from one linear equation (the
coefficient of n^(2d-j) in (T) is linear in c_(d-j), with the factor 2 c_d - alpha = +-sqrt D != 0), then every
remaining coefficient of (T) must vanish; exact arithmetic in Q(sqrt D) (:class:`~.surd.Surd`). mpmath only evaluates
x(n) for the evidence.
"""

from __future__ import annotations

from math import comb

from discover.cf.novelty.surd import Surd

__all__ = ["polynomial_tail", "MAX_TAIL_DEGREE"]

MAX_TAIL_DEGREE = 8     # d = deg a
MAX_ROOT_BOUND = 10**4  # n >= 0 checked for zeros of x(n) up to the Cauchy bound of its first non-zero part


def _shifted(coeffs):
    """The coefficients of p(n + 1) from those of p(n) (lowest degree first; any exact numbers)."""
    out = [0] * len(coeffs)
    for k, c in enumerate(coeffs):
        for i in range(k + 1):
            out[i] = c * comb(k, i) + out[i]
    return out


def _identity(x, a, b1):
    """The coefficients of x(n) x(n+1) - a(n) x(n+1) - b(n+1) (lowest degree first)."""
    x1 = _shifted(x)
    out = [Surd() for _ in range(len(x) + len(x1) - 1)]
    for i, u in enumerate(x):
        for j, v in enumerate(x1):
            out[i + j] = out[i + j] + u * v
    for i, u in enumerate(a):
        for j, v in enumerate(x1):
            out[i + j] = out[i + j] - v * u
    for i, u in enumerate(b1):
        out[i] = out[i] - u
    return out


def _text(c: Surd) -> str:
    """p, or p + q sqrt(D), as the family's parameters write it."""
    p = c.terms.get(1, 0)
    return str(p) + "".join(f" + {q} sqrt({d})" for d, q in sorted(c.terms.items()) if d != 1)


def polynomial_tail(a, b):
    """The :class:`~discover.cf.novelty.classical.Family` ``polynomial tail`` of PCF(a, b) (module doc), or None."""
    from discover.cf.novelty.classical import Family, _trim

    a, b = [int(v) for v in _trim(a)], [int(v) for v in _trim(b)]
    d = len(a) - 1
    if not 1 <= d <= MAX_TAIL_DEGREE or len(b) - 1 != 2 * d:
        return None
    alpha, beta = a[d], b[2 * d]
    D = alpha * alpha + 4 * beta
    if D <= 0:
        return None   # complex or equal roots: not of loxodromic type
    root = Surd.sqrt(D)   # f sqrt(D0), D0 squarefree (rational when D is a square)
    top = (alpha + (root if alpha > 0 else -root)) / 2
    b1 = _shifted(b)
    x = [Surd() for _ in range(d)] + [top]
    pivot = top * 2 - alpha   # +-sqrt D: the factor of c_(d-j) below
    for j in range(1, d + 1):
        x[d - j] = -_identity(x, a, b1)[2 * d - j] / pivot
    if any(c.terms for c in _identity(x, a, b1)) or _vanishes_at_some_n(x):
        return None

    def value(n0):
        return sum(c.to_mpmath() * n0 ** k for k, c in enumerate(x))

    text = " + ".join(f"({_text(c)}) n^{k}" for k, c in enumerate(x) if c.terms)
    field = "Q" if root.is_rational() else f"Q(sqrt({root.radicals()[0]}))"
    return Family("polynomial tail", {"x(n)": text, "x(0)": _text(x[0])},
                  "x(0): the tails of the fraction are t_n = x(n)",
                  "x(n) x(n+1) = a(n) x(n+1) + b(n+1) identically (exact, in " + field + "), x(n) != 0 for n >= 0, "
                  "x's leading coefficient the root of t^2 = alpha t + beta of larger modulus", field, _value=value)


def _vanishes_at_some_n(x) -> bool:
    """Whether x(n) = 0 at an integer n >= 0 (its rational and irrational parts both vanish there). A zero is a
    root of the first non-zero part, so n is at most that part's Cauchy bound; past ``MAX_ROOT_BOUND`` the
    question is not decided and the answer is yes (the PCF is then not placed)."""
    radicals = sorted({r for c in x for r in c.terms})
    parts = [[c.terms.get(r, 0) for c in x] for r in radicals]
    for part in parts:
        while part and part[-1] == 0:
            part.pop()
    if not parts:
        return True
    lead = parts[0]
    bound = 1 + max((abs(c / lead[-1]) for c in lead[:-1]), default=0)
    if bound > MAX_ROOT_BOUND:
        return True
    value = lambda part, n: sum(c * n**k for k, c in enumerate(part))  # noqa: E731
    return any(all(value(part, n) == 0 for part in parts) for n in range(int(bound) + 1))
