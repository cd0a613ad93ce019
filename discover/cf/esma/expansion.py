"""ESMA: signed continued-fraction expansions whose partial quotients obey a short linear recurrence.

Definition. For a real target x and a periodic sign pattern s = (s_0, s_1, ...) with s_i in {+1, -1},
the *signed expansion* is

    x_0 = x,   a_i = floor(x_i) if s_i > 0 else ceil(x_i),   x_{i+1} = s_i / (x_i - a_i),

so that x = a_0 + s_0 / (a_1 + s_1 / (a_2 + ...)). For s_i = +1 this is the regular continued fraction;
for s_i = -1 one has x_i - a_i in (-1, 0] and x_{i+1} >= 1, so a_{i+1} >= 2 after a minus sign.

The expansion is computed *exactly* in the sense that every a_i is certified: x is enclosed in a FLINT
``arb`` ball (the value computed with mpmath at P digits plus a radius of 10^-P relative), the ball is
pushed through the map above, and the expansion stops as soon as floor/ceil of the ball is not a
single integer. If that happens before the requested number of terms, P is doubled.

ESMA (Ramanujan Machine, "Enumerated Signed-continued-fraction Massey Approve"). For the integer
sequence (a_i) the *Berlekamp-Massey* algorithm finds the shortest linear recurrence

    c_0 a_n + c_1 a_{n-1} + ... + c_L a_{n-L} = 0     for all n >= k + L

(the connection polynomial C(x) = c_0 + c_1 x + ... + c_L x^L; k terms of pre-period). It is computed
modulo a 61-bit prime with FLINT (``fmpz_mod_poly_ctx.minpoly``: the minimal generating polynomial is
x^k * x^L C(1/x)), the coefficients are lifted to Q by rational reconstruction and the recurrence is then
checked exactly over the integers on every term (a FLINT ``fmpz_mat`` product). It is accepted only when
it is much shorter than the data: L <= (N - k) / 5 for N terms.

Approval. The sequence is regenerated from the recurrence far beyond the data, the resulting continued
fraction is evaluated exactly (products of 2x2 integer matrices by binary splitting,
:func:`discover.cf.walk.product_tree`), and compared with x computed independently at high precision.
It is approved when the agreement is at least max(min_digits, 2 D_N + 20) significant digits, where
D_N is the number of digits the N data terms themselves pin down (-log10 |x - p_N/q_N| / |x|): the
recurrence then predicts digits that were never used to find it.

Polynomial structure. When every root of C is a root of unity (C divides (1 - x^p)^m), the sequence is a
quasi-polynomial: for the period P = lcm(p, len(s)), a(k + P j + r) is a polynomial in j for every
residue r. These polynomials are interpolated exactly and reported as a PCF-style formula, e.g. for e:
a(3j+1) = 1, a(3j+2) = 2j+2, a(3j+3) = 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from discover.errors import InputError
from discover.cf.bigint import log10_abs
from discover.runner.inner import report

__all__ = [
    "sign_patterns",
    "parse_signs",
    "signs_text",
    "signed_expansion",
    "expand_target",
    "Recurrence",
    "find_recurrence",
    "regenerate",
    "convergent",
    "quasi_polynomial",
    "mobius_forms",
    "ESMAResult",
    "esma",
]

# A 61-bit Mersenne prime and a second 62-bit prime (used when the first gives a degenerate answer).
_PRIMES = (2**61 - 1, 4611686018427387847)

MAX_EXPANSION_DIGITS = 40000


# ----- sign patterns ----------------------------------------------------------------------------
def _is_primitive(word: tuple[int, ...]) -> bool:
    """True when ``word`` is not a repetition of a shorter word (so its period is its length)."""
    n = len(word)
    for d in range(1, n):
        if n % d == 0 and word == word[:d] * (n // d):
            return False
    return True


def sign_patterns(max_period: int) -> list[tuple[int, ...]]:
    """Every periodic sign pattern of period 1..max_period, as its primitive period (a word over
    {+1, -1} that repeats no shorter word), shortest first, '+' before '-' lexicographically."""
    import itertools

    out = []
    for p in range(1, max_period + 1):
        for word in itertools.product((1, -1), repeat=p):
            if _is_primitive(word):
                out.append(tuple(word))
    return out


def signs_text(signs: Sequence[int]) -> str:
    """(+1, -1) -> '+-'."""
    return "".join("+" if s > 0 else "-" for s in signs)


def parse_signs(text: str) -> tuple[int, ...]:
    """'+-' (or '1,-1') -> (1, -1); InputError for anything else."""
    t = str(text).strip().replace(" ", "")
    if t and set(t) <= {"+", "-"}:
        return tuple(1 if c == "+" else -1 for c in t)
    try:
        vals = tuple(int(v) for v in t.split(","))
    except ValueError:
        vals = ()
    if not vals or any(v not in (1, -1) for v in vals):
        raise InputError(f"sign pattern {text!r}: expected a word over + and - such as '+-'")
    return vals


# ----- exact expansion --------------------------------------------------------------------------
def _arb_from_mpf(value, digits: int):
    """An arb ball around an mpmath number: exact midpoint (sign included: ``mpf.man_exp`` gives the
    unsigned mantissa, so the sign is read from the raw tuple), radius 10^-digits |value| (+ 10^-(digits+5))."""
    import mpmath
    from flint import arb, fmpz

    if not isinstance(value, mpmath.mpf):
        value = mpmath.mpf(value)
    sign, man, exp, _bc = value._mpf_  # the full mantissa: mpf(value) would round to the working precision
    mid = arb(fmpz(-int(man) if sign else int(man))) * arb(2) ** int(exp)
    rad = (abs(mid) + arb(10) ** -5) * arb(10) ** (-int(digits))
    return mid + arb(0, rad.upper())


def signed_expansion(value, digits: int, signs: Sequence[int], max_terms: int) -> list[int]:
    """The certified signed expansion of a number known to ``digits`` significant digits.

    ``value`` is an mpmath number (correct to ``digits`` digits); returns a_0, a_1, ... (at most
    ``max_terms``), stopping as soon as a floor/ceil is not certain for the enclosing ball."""
    import flint
    from flint import arb

    signs = tuple(signs)
    old = flint.ctx.prec
    flint.ctx.prec = int(digits * 3.33) + 64
    try:
        x = _arb_from_mpf(value, digits)
        terms: list[int] = []
        for i in range(max_terms):
            s = signs[i % len(signs)]
            a = (x.floor() if s > 0 else x.ceil()).unique_fmpz()
            if a is None:
                break
            terms.append(int(a))
            d = x - a
            if d.contains(0):
                break
            x = arb(s) / d
        return terms
    finally:
        flint.ctx.prec = old


def expand_target(value_fn, signs: Sequence[int], terms: int, start_digits: int | None = None):
    """(terms list, digits used): the first ``terms`` certified partial quotients of the target whose
    value at D digits is ``value_fn(D)``; D starts at ``start_digits`` and doubles while the
    expansion stops early, up to MAX_EXPANSION_DIGITS (then the shorter list is returned)."""
    digits = start_digits or (3 * terms + 40)
    while True:
        seq = signed_expansion(value_fn(digits + 10), digits, signs, terms)
        report(digits=digits, terms=f"{len(seq)} of {terms}")
        if len(seq) >= terms or digits >= MAX_EXPANSION_DIGITS:
            return seq, digits
        digits = min(2 * digits, MAX_EXPANSION_DIGITS)


# ----- Berlekamp-Massey --------------------------------------------------------------------------
@dataclass(frozen=True)
class Recurrence:
    """c_0 a_n + ... + c_L a_{n-L} = 0 for n >= offset + L; ``coefficients`` = (c_0, ..., c_L), coprime
    integers with c_0 > 0."""

    coefficients: tuple[int, ...]
    offset: int

    @property
    def length(self) -> int:
        return len(self.coefficients) - 1

    def polynomial_text(self, var: str = "x") -> str:
        """The connection polynomial as text, e.g. ``1 - 2x^3 + x^6``."""
        return _poly_text(self.coefficients, var, ascending=True)


def _rational_reconstruct(a: int, m: int) -> Fraction | None:
    """The fraction r/s with |r|, |s| <= sqrt(m/2) and r = a s (mod m), if it exists."""
    bound = math.isqrt(m // 2)
    r0, r1 = m, a % m
    s0, s1 = 0, 1
    while r1 > bound:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        s0, s1 = s1, s0 - q * s1
    if s1 == 0 or abs(s1) > bound:
        return None
    return Fraction(r1, s1)


def _check_recurrence(seq: Sequence[int], coeffs: Sequence[int], offset: int) -> bool:
    """Exact check over Z of sum_j c_j a_{n-j} = 0 for every n in [offset + L, len(seq))."""
    from flint import fmpz_mat

    L = len(coeffs) - 1
    rows = len(seq) - offset - L
    if rows <= 0:
        return True
    H = fmpz_mat(rows, L + 1, [seq[offset + L + r - j] for r in range(rows) for j in range(L + 1)])
    c = fmpz_mat(L + 1, 1, list(coeffs))
    return (H * c).is_zero()


def find_recurrence(seq: Sequence[int], max_ratio: float = 0.2) -> Recurrence | None:
    """The shortest linear recurrence of ``seq`` (with a pre-period), or None when its length L is
    more than ``max_ratio`` (N - k) (too long to mean anything) or it fails the exact check."""
    from flint import fmpz_mod_poly_ctx

    seq = [int(v) for v in seq]
    N = len(seq)
    if N < 8:
        return None
    for prime in _PRIMES:
        ctx = fmpz_mod_poly_ctx(prime)
        m = ctx.minpoly([v % prime for v in seq])
        coeffs = [int(c) for c in m.coeffs()]  # lowest first; monic of degree d
        d = len(coeffs) - 1
        k = 0
        while k < d and coeffs[k] == 0:
            k += 1
        g = coeffs[k:]  # x^k g(x), g(0) != 0, degree L = d - k
        L = len(g) - 1
        if L == 0:
            # the sequence is eventually zero: not a meaningful pattern here
            return None
        if L > max_ratio * (N - k):
            return None
        # connection polynomial: reversed g (c_0 = leading coefficient = 1)
        rev = list(reversed(g))
        fracs = [_rational_reconstruct(c, prime) for c in rev]
        if any(f is None for f in fracs):
            continue
        den = 1
        for f in fracs:
            den = den * f.denominator // math.gcd(den, f.denominator)
        ints = [int(f * den) for f in fracs]
        gg = 0
        for v in ints:
            gg = math.gcd(gg, v)
        ints = [v // gg for v in ints]
        if ints[0] < 0:
            ints = [-v for v in ints]
        # the minpoly's pre-period may be too generous when terms happen to fit: shrink it
        off = k
        while off > 0 and _check_recurrence(seq, ints, off - 1):
            off -= 1
        if _check_recurrence(seq, ints, off):
            return Recurrence(tuple(ints), off)
    return None


def regenerate(seq: Sequence[int], rec: Recurrence, count: int) -> list[int] | None:
    """``seq`` extended to ``count`` terms by the recurrence; None if a term is not an integer."""
    out = [int(v) for v in seq[: rec.offset + rec.length]]
    c = rec.coefficients
    c0 = c[0]
    L = rec.length
    while len(out) < count:
        n = len(out)
        acc = 0
        for j in range(1, L + 1):
            if c[j]:
                acc += c[j] * out[n - j]
        if acc % c0:
            return None
        out.append(-acc // c0)
    return out


# ----- evaluation -------------------------------------------------------------------------------
def convergent(terms: Sequence[int], signs: Sequence[int]):
    """(p, q) with p/q = a_0 + s_0/(a_1 + s_1/(... + s_{N-2}/a_{N-1})) exactly (FLINT integers).

    [[1, a_0], [0, 1]] * prod_{n=1}^{N-1} [[0, s_{n-1}], [1, a_n]] = [[p_{N-2}, p_{N-1}], [q_{N-2}, q_{N-1}]]."""
    from flint import fmpz_mat

    from discover.cf.walk import product_tree

    P = len(signs)
    mats = [fmpz_mat(2, 2, [1, int(terms[0]), 0, 1])]
    mats += [fmpz_mat(2, 2, [0, int(signs[(n - 1) % P]), 1, int(terms[n])]) for n in range(1, len(terms))]
    W = product_tree(mats)
    return W[0, 1], W[1, 1]


def _agreement(p, q, value_fn, digits_hint: float) -> float:
    """-log10 |p/q - x| / |x| with x = value_fn(D) at D = 2 * digits_hint + 30 digits."""
    import mpmath

    work = int(2 * max(digits_hint, 10) + 30)
    with mpmath.workdps(work):
        x = mpmath.mpf(value_fn(work))
        y = mpmath.mpf(int(p)) / mpmath.mpf(int(q))
        rel = abs(x - y) / abs(x)
    if rel == 0:
        return float(work)
    with mpmath.workdps(20):
        return float(-mpmath.log10(+rel))


def _matmul2(A, B):
    """Product of two 2x2 matrices of polynomials (lists of lists)."""
    return [[A[i][0] * B[0][j] + A[i][1] * B[1][j] for j in range(2)] for i in range(2)]


def _quasi_convergent(seq: Sequence[int], formula: dict, signs: Sequence[int], depth: int):
    """(p, q) of the continued fraction whose terms follow the quasi-polynomial ``formula`` after its
    offset, to about ``depth`` terms, or None when a polynomial is not integral. The periodic part is
    one polynomial matrix S(j) = prod_r [[0, s], [1, poly_r(j)]] walked with
    :func:`discover.cf.walk.walk` (FLINT baby-step/giant-step and binary splitting), so no Python loop
    runs over the terms. Same value as :func:`convergent` on the regenerated terms."""
    from flint import fmpz_mat, fmpz_poly

    from discover.cf.walk import product_tree, walk

    P, k = formula["period"], formula["offset"]
    L = len(signs)
    if any(Fraction(c).denominator != 1 for poly in formula["polynomials"] for c in poly):
        return None
    k0, j0 = (k, 0) if k >= 1 else (P, 1)
    if len(seq) < k0 or depth <= k0 + P:
        return None
    mats = [fmpz_mat(2, 2, [1, int(seq[0]), 0, 1])]
    mats += [fmpz_mat(2, 2, [0, int(signs[(n - 1) % L]), 1, int(seq[n])]) for n in range(1, k0)]
    S = None
    for r, poly in enumerate(formula["polynomials"]):
        s = int(signs[(k + r - 1) % L])
        M = [[fmpz_poly([0]), fmpz_poly([s])], [fmpz_poly([1]), fmpz_poly([int(c) for c in poly])]]
        S = M if S is None else _matmul2(S, M)
    blocks = max(1, (depth - k0) // P)
    W = product_tree(mats) * walk(S, j0, j0 + blocks - 1)
    return W[0, 1], W[1, 1]


# ----- polynomial structure ---------------------------------------------------------------------
def _cyclotomic_period(coeffs: Sequence[int], max_period: int = 60) -> tuple[int, int] | None:
    """(p, m) with C | (1 - x^p)^m for the smallest p <= max_period, m the largest root multiplicity;
    None when some root of C is not a root of unity."""
    from flint import fmpz_poly

    C = fmpz_poly(list(coeffs))
    sq = C.factor()[1]
    m = max(e for _f, e in sq)
    for p in range(1, max_period + 1):
        base = fmpz_poly([1] + [0] * (p - 1) + [-1])
        if (base**m) % C == 0:
            return p, m
    return None


def quasi_polynomial(seq: Sequence[int], rec: Recurrence, sign_period: int) -> dict | None:
    """The PCF-style form of a sequence whose recurrence has only roots of unity: the period P and
    the polynomials a(k + P j + r) = poly_r(j) (exact rationals, lowest degree first), or None."""
    from flint import fmpq

    found = _cyclotomic_period(rec.coefficients)
    if found is None:
        return None
    p, m = found
    P = p * sign_period // math.gcd(p, sign_period)
    k = rec.offset
    polys = []
    for r in range(P):
        idx = list(range(k + r, len(seq), P))
        if len(idx) < m + 2:
            return None
        pts = [(fmpq(j), fmpq(seq[i])) for j, i in enumerate(idx)]
        coeffs = _interpolate(pts[:m])
        # check the polynomial on every other point
        for j, (_x, y) in enumerate(pts):
            if _eval(coeffs, j) != y:
                return None
        polys.append([Fraction(int(c.p), int(c.q)) for c in coeffs])
    return {"period": P, "offset": k, "polynomials": polys}


def _interpolate(points):
    """Coefficients (lowest first, fmpq) of the polynomial of degree < len(points) through them."""
    from flint import fmpq

    n = len(points)
    coeffs = [fmpq(0)] * n
    for i, (xi, yi) in enumerate(points):
        basis = [fmpq(1)]
        denom = fmpq(1)
        for j, (xj, _yj) in enumerate(points):
            if j == i:
                continue
            basis = [fmpq(0)] + basis
            for t in range(len(basis) - 1):
                basis[t] -= xj * basis[t + 1]
            denom *= xi - xj
        for t in range(n):
            coeffs[t] += yi * basis[t] / denom
    while len(coeffs) > 1 and coeffs[-1] == 0:
        coeffs.pop()
    return coeffs


def _eval(coeffs, j):
    from flint import fmpq

    acc = fmpq(0)
    for c in reversed(coeffs):
        acc = acc * j + c
    return acc


def _poly_text(coeffs: Sequence[Fraction], var: str = "j", ascending: bool = False) -> str:
    """sum c_i var^i as text (``2j^2 + (1/2)j - 1``), highest power first unless ``ascending``."""
    parts = []
    order = range(len(coeffs)) if ascending else range(len(coeffs) - 1, -1, -1)
    for i in order:
        c = Fraction(coeffs[i])
        if c == 0:
            continue
        mono = "" if i == 0 else (var if i == 1 else f"{var}^{i}")
        mag = abs(c)
        mag_s = str(mag) if mag.denominator == 1 else f"({mag})"
        body = mag_s if (mono == "" or mag != 1) else ""
        term = body + mono
        if not parts:
            parts.append(("-" if c < 0 else "") + term)
        else:
            parts.append((" - " if c < 0 else " + ") + term)
    return "".join(parts) or "0"


def formula_text(qp: dict) -> str:
    """``a(3j+1) = 1, a(3j+2) = 2j + 2, a(3j+3) = 1`` (for n >= offset)."""
    P, k = qp["period"], qp["offset"]
    out = []
    for r, poly in enumerate(qp["polynomials"]):
        shift = k + r
        idx = f"{P}j+{shift}" if shift else f"{P}j"
        if P == 1:
            idx = f"j+{shift}" if shift else "j"
        out.append(f"a({idx}) = {_poly_text(poly)}")
    return ", ".join(out)


# ----- targets ----------------------------------------------------------------------------------
def mobius_forms(value, K: int) -> list[tuple[int, int, int, int]]:
    """Moebius forms (c0 + c1 C)/(d0 + d1 C) of a constant with value ``value`` (mpmath, >= 30 digits)
    and integer coefficients in [-K, K]: not constant (c0 d1 != c1 d0), gcd 1, first non-zero
    denominator coefficient positive, finite; one form per value of x mod 1 (adding an integer to x only
    changes a_0), keeping the smallest coefficients (:func:`discover.cf.esma.targets.one_per_fraction`).
    K = 0 gives the constant itself. Ordered by size."""
    import itertools

    from discover.cf.esma.targets import one_per_fraction

    if K <= 0:
        return [(0, 1, 1, 0)]

    def candidates():
        r = range(-K, K + 1)
        for c0, c1, d0, d1 in itertools.product(r, r, r, r):
            if c0 * d1 - c1 * d0 == 0 or math.gcd(math.gcd(c0, c1), math.gcd(d0, d1)) != 1:
                continue
            if (d0 if d0 != 0 else d1) <= 0:
                continue
            yield (c0, c1), (d0, d1)

    return [num + den for num, den in one_per_fraction(value, candidates())]


def target_expression(constant_expr: str, form: Sequence[int]) -> str:
    """A sympy-parseable text of (c0 + c1 C)/(d0 + d1 C)."""
    from discover.cf.esma.targets import rational_expression

    c0, c1, d0, d1 = (int(v) for v in form)
    return rational_expression(constant_expr, (c0, c1), (d0, d1))


# ----- the method -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ESMAResult:
    """An approved conjecture: target, signs, the recurrence with the terms that start it, the
    quasi-polynomial formula when there is one, and the verification."""

    target: str
    signs: tuple[int, ...]
    recurrence: Recurrence
    initial_terms: tuple[int, ...]
    first_terms: tuple[int, ...]
    terms_used: int
    data_digits: float
    formula: dict | None
    digits: float
    depth: int
    seconds: float

    def statement(self) -> str:
        s = signs_text(self.signs)
        head = ", ".join(str(v) for v in self.first_terms)
        text = (f"{self.target} = signed continued fraction (signs {s} repeating) with partial quotients "
                f"{head}, ... satisfying the recurrence with connection polynomial "
                f"{self.recurrence.polynomial_text()} from n = {self.recurrence.offset}")
        if self.formula is not None:
            text += "; " + formula_text(self.formula)
        return text


def esma(value_fn, target: str, signs: Sequence[int], terms: int = 200, min_digits: int = 50,
         max_ratio: float = 0.2):
    """Run ESMA on one target and sign pattern.

    ``value_fn(D)`` returns the target to D significant digits (mpmath). Returns (result, status) with
    status one of ``approved`` (result is an :class:`ESMAResult`), ``no-recurrence``, ``short``
    (the expansion ended early: a rational target or too little precision), ``rejected`` (a
    recurrence was found but the regenerated continued fraction does not approve it)."""
    import time

    t0 = time.perf_counter()
    signs = tuple(int(s) for s in signs)
    seq, _digits = expand_target(value_fn, signs, terms)
    if len(seq) < terms:
        return None, "short"
    rec = find_recurrence(seq, max_ratio=max_ratio)
    if rec is None:
        return None, "no-recurrence"
    # digits pinned down by the data itself
    p, q = convergent(seq, signs)
    if q == 0:
        return None, "rejected"
    data_digits = _agreement(p, q, value_fn, 2 * log10_abs(q) + 10)
    need = max(float(min_digits), 2 * data_digits + 20)
    formula = quasi_polynomial(seq, rec, len(signs))
    depth = 2 * terms
    agree = 0.0
    while True:
        pq = _quasi_convergent(seq, formula, signs, depth) if formula is not None else None
        if pq is None:
            ext = regenerate(seq, rec, depth)
            if ext is None or any(v == 0 for v in ext[1:]):
                return None, "rejected"
            pq = convergent(ext, signs)
        p, q = pq
        if q == 0:
            return None, "rejected"
        # The target at twice the digits checked, capped at 2 * need: the approval needs `need` digits, and a
        # deep convergent (q of tens of thousands of digits) must not make the target's computation the
        # run's cost (a failing recurrence used to take minutes per doubling).
        agree = _agreement(p, q, value_fn, min(max(need, 2 * log10_abs(q)), 2 * need) + 10)
        if agree >= need:
            break
        if depth >= 64 * terms:
            return None, "rejected"
        depth *= 2
    init = tuple(seq[: rec.offset + rec.length])
    result = ESMAResult(target=target, signs=signs, recurrence=rec, initial_terms=init,
                         first_terms=tuple(seq[:10]), terms_used=len(seq),
                        data_digits=data_digits, formula=formula, digits=agree, depth=depth,
                        seconds=time.perf_counter() - t0)
    return result, "approved"


def contracted_pcf(formula: dict, signs: Sequence[int]):
    """The PCF (a(n), b(n) coefficient tuples, canonical) whose limit is a Moebius transform of the
    continued fraction with this quasi-polynomial pattern, or None (non-integer polynomials).

    One period of the pattern, n = k + P j + r for r = 0..P-1, is the polynomial matrix
    S(j) = prod_r [[0, s_{k+r-1}], [1, poly_r(j)]]; the walk of S is turned into a PCF exactly as a CMF
    trajectory is (:func:`discover.cf.cmf.unification.pcf_of_trajectory`: second-order recurrence of the last
    column, cleared denominators, deflation), then put in canonical form."""
    from flint import fmpz_poly

    from discover.cf.cmf.unification import pcf_of_trajectory
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    P, k = formula["period"], formula["offset"]
    L = len(signs)
    S = None
    for r, poly in enumerate(formula["polynomials"]):
        if any(Fraction(c).denominator != 1 for c in poly):
            return None
        s = int(signs[(k + r - 1) % L])
        M = [[fmpz_poly([0]), fmpz_poly([s])], [fmpz_poly([1]), fmpz_poly([int(c) for c in poly])]]
        S = M if S is None else _matmul2(S, M)
    try:
        a, b = pcf_of_trajectory(S)
    except InputError:
        return None
    pa = Polynomial(tuple(int(c) for c in a.coeffs()))
    pb = Polynomial(tuple(int(c) for c in b.coeffs()))
    if pa.is_zero or pb.is_zero:
        return None
    return PCF(pa, pb).canonical()
