"""The Euler-family form of a PCF, its series, and an f, fbar CMF that holds it.

Definition (the Euler family of the Ramanujan Machine papers, written in this project's PCF
convention p_n = a(n) p_{n-1} + b(n) p_{n-2}, :mod:`discover.cf.pcf`). PCF(a, b) is in the Euler family
when there are integer polynomials h1, h2 with

    a(n) = h1(n) + h2(n),        b(n) = -h1(n - 1) h2(n).

(The papers write a(n) = h1(n) + h2(n + 1), b(n) = -h1(n) h2(n); it is the same family with h2 shifted.)
Then P(n) = h1(0) h1(1) ... h1(n) solves the recurrence (substitute), so the operator has the
first-order right factor S - h1(n). Reduction of order with the Casoratian W(n) = -b(n) W(n - 1) gives,
for t_m = prod_{j=1..m} h2(j) / h1(j),

    q_n = P(n) / h1(0) * sum_{m=0..n} t_m,    p_n / q_n = h2(0) + h1(0) / sum_{m=0..n} t_m,

so the PCF is Euler's continued fraction of the series S = sum_m t_m and its limit is
L = h2(0) + h1(0) / S (when h1(j) != 0 for j >= 0). Found by :func:`euler_forms`: every split of -b(n)
into h1(n - 1) h2(n) over the integers (products of its irreducible factors and of the divisors of
its content, both signs) with a(n) = h1(n) + h2(n) checked exactly.

The f, fbar CMF (Elimelech et al., PNAS 2024; :mod:`discover.cf.cmf.fit.ansatz`): Mx = [[0, b(x)],
[1, a(x, y)]] with a(x, y) = f(x, y) - fbar(x + 1, y), b(x) = f fbar(x, 0) - f fbar(0, 0). At y = 0 it is
the Euler PCF above when f(x, 0) = h2(x), fbar(x, 0) = -h1(x - 1) and f fbar(0, 0) = -h2(0) h1(-1) = 0.
:func:`embed_in_ffbar` looks for such (f, fbar) with y-terms: it enumerates the y-part of f (small integer
coefficients), solves the two conditions for fbar exactly (linear for a fixed f:
:func:`discover.cf.cmf.fit.ansatz.solve_fbar`), keeps the solutions with fbar(x, 0) = -h1(x - 1), and
proves each found pair conservative (:func:`discover.cf.cmf.fit.verify.verify_ffbar`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from discover.cf.polynomial import Polynomial

__all__ = ["EulerForm", "euler_forms", "series_limit", "embed_in_ffbar", "MAX_FFBAR_CANDIDATES"]

# f's y-part is enumerated over at most this many coefficient vectors.
MAX_FFBAR_CANDIDATES = 20_000


@dataclass(frozen=True)
class EulerForm:
    """a(n) = h1(n) + h2(n), b(n) = -h1(n - 1) h2(n)."""

    h1: Polynomial
    h2: Polynomial

    def to_json(self) -> dict:
        return {"h1": str(self.h1), "h2": str(self.h2), "form": "a(n) = h1(n) + h2(n), b(n) = -h1(n-1) h2(n)",
                "series": "L = h2(0) + h1(0) / sum_{m>=0} prod_{j=1..m} h2(j)/h1(j)"}


def _mul(p: Polynomial, q: Polynomial) -> Polynomial:
    return Polynomial(tuple(int(c) for c in (p.to_fmpz_poly() * q.to_fmpz_poly()).coeffs()))


def euler_forms(a: Polynomial, b: Polynomial, limit: int = 4096) -> list[EulerForm]:
    """Every (h1, h2) over the integers with a = h1 + h2 and b(n) = -h1(n - 1) h2(n) (module doc)."""
    from flint import fmpz_poly

    from discover.cf.recurrence.recurrence import polynomial_divisors

    minus_b = (-b).to_fmpz_poly()
    if minus_b.is_zero():
        return []
    out = []
    for h2 in polynomial_divisors(minus_b, limit):
        h1_shifted, rem = divmod(minus_b, h2)  # h1(n - 1)
        if not rem.is_zero():
            continue
        h1 = h1_shifted(fmpz_poly([1, 1]))  # h1(n) = (h1(n - 1))(n + 1)
        if Polynomial(tuple(int(c) for c in (h1 + h2).coeffs())) == a:
            out.append(EulerForm(Polynomial(tuple(int(c) for c in h1.coeffs())),
                                 Polynomial(tuple(int(c) for c in h2.coeffs()))))
    return out


def series_limit(form: EulerForm, digits: int):
    """L = h2(0) + h1(0) / S, S = sum_{m>=0} t_m, at ``digits`` digits (mpmath ``nsum``, which accelerates
    slowly converging and alternating series: an independent check, not the PCF walk); S diverges
    (|t_m| growing) -> L = h2(0); None when some h1(j) = 0, j >= 1, or S = 0."""
    import mpmath

    h1, h2 = form.h1, form.h2
    if any(r >= 1 for r in (h1.integer_roots() if h1.degree > 0 else [])) or (h1.degree <= 0 and h1(0) == 0):
        return None
    grows = h2.degree > h1.degree or (h2.degree == h1.degree and abs(h2.leading) > abs(h1.leading))
    if grows:
        return mpmath.mpf(h2(0))
    cache = [mpmath.mpf(1)]

    def term(m):
        m = int(m)
        while len(cache) <= m:
            j = len(cache)
            cache.append(cache[-1] * h2(j) / h1(j))
        return cache[m]

    with mpmath.workdps(digits + 10):
        S = mpmath.nsum(term, [0, mpmath.inf])
        if S == 0 or not mpmath.isfinite(S):
            return None if S == 0 else mpmath.mpf(h2(0))
        return h2(0) + h1(0) / S


def embed_in_ffbar(form: EulerForm, bound: int = 1, max_results: int = 4):
    """(f, fbar) pairs (coefficient dicts {(i, j): c}) of an f, fbar CMF whose x-axis PCF at y = 0 is the
    Euler PCF of ``form`` (module doc), each proven conservative, those whose a(x, y) depends on y first
    (at most ``max_results``); [] when h2(0) h1(-1) != 0 (b would be shifted by that constant) or none is
    found with y-coefficients in [-bound, bound]."""
    from discover.cf.cmf.fit.ansatz import monomials, solve_fbar
    from discover.cf.cmf.fit.verify import verify_ffbar

    if form.h2(0) * form.h1(-1) != 0:
        return []
    degree = max(form.h1.degree, form.h2.degree, 1)
    fx = {(i, 0): c for i, c in enumerate(form.h2.coeffs) if c}
    want = {(i, 0): c for i, c in enumerate((-form.h1.shift(-1)).coeffs) if c}
    ymons = [m for m in monomials(degree) if m[1] >= 1]
    count = (2 * bound + 1) ** len(ymons)
    if count > MAX_FFBAR_CANDIDATES:
        ymons = ymons[:max(1, int(__import__("math").log(MAX_FFBAR_CANDIDATES, 2 * bound + 1)))]
    found = []
    for coeffs in itertools.product(range(-bound, bound + 1), repeat=len(ymons)):
        f = dict(fx)
        f.update({m: c for m, c in zip(ymons, coeffs) if c})
        solved = solve_fbar(f, degree)
        if solved is None:
            continue
        fbar = _with_boundary(solved, want)
        if fbar is None:
            continue
        if verify_ffbar(f, fbar):
            found.append((f, fbar))
    # The pairs whose a(x, y) = f(x, y) - fbar(x + 1, y) depends on y first (the x-axis PCF then changes
    # along y: a genuinely two-dimensional field), then the fewest terms.
    found.sort(key=lambda pair: (not _a_depends_on_y(*pair), len(pair[0]) + len(pair[1]), sorted(pair[0].items())))
    return found[:max_results]


def _a_depends_on_y(f: dict, fbar: dict) -> bool:
    """Whether a(x, y) = f(x, y) - fbar(x + 1, y) has a term with y (fbar's terms x^i y^j with j >= 1 shifted
    in x keep their y; compare the y-parts)."""
    import math

    a: dict = {}
    for (i, j), c in f.items():
        if j:
            a[(i, j)] = a.get((i, j), 0) + c
    for (i, j), c in fbar.items():
        if j:
            for t in range(i + 1):  # (x + 1)^i = sum_t C(i, t) x^t
                a[(t, j)] = a.get((t, j), 0) - c * math.comb(i, t)
    return any(v != 0 for v in a.values())


def _with_boundary(solved, want: dict) -> dict | None:
    """The member of the solution set part + span(basis) of :func:`~discover.cf.cmf.fit.ansatz.solve_fbar`
    with fbar(x, 0) = ``want`` (free weights left at 0), as integers; None when there is none."""
    from flint import fmpq, fmpq_mat

    mons, part, basis = solved
    rows = [m for m in mons if m[1] == 0]
    n = len(basis)
    if n:
        A = fmpq_mat(len(rows), n + 1, [v for m in rows for v in
                                        [basis[t][mons.index(m)] for t in range(n)] + [fmpq(want.get(m, 0)) - part[mons.index(m)]]])
        R, rank = A.rref()
        weights = [fmpq(0)] * n
        for r in range(rank):
            c = next(c for c in range(n + 1) if R[r, c] != 0)
            if c == n:
                return None
            weights[c] = R[r, n]
    else:
        weights = []
    vec = [part[i] + sum((w * b[i] for w, b in zip(weights, basis)), fmpq(0)) for i in range(len(mons))]
    if any(v.q != 1 for v in vec):
        return None
    fbar = {m: int(v.p) for m, v in zip(mons, vec) if v != 0}
    if {m: c for m, c in fbar.items() if m[1] == 0} != want:
        return None
    return fbar
