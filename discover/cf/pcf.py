"""Polynomial continued fractions: exact convergents, the limit with its digits, delta, canonical form.

Definition. For integer polynomials a(n), b(n) the PCF is

    a(0) + b(1) / (a(1) + b(2) / (a(2) + ...)).

Its convergents x_N = p_N / q_N follow p_N = a(N) p_{N-1} + b(N) p_{N-2} (same for q) with
p_{-1} = 1, p_0 = a(0), q_{-1} = 0, q_0 = 1. In matrix form, with M(n) = [[0, b(n)], [1, a(n)]],

    [[1, a(0)], [0, 1]] * M(1) * M(2) * ... * M(N) = [[p_{N-1}, p_N], [q_{N-1}, q_N]],

which :func:`discover.cf.walk.walk` computes exactly (FLINT integers, binary splitting). *Depth* N means
the convergent p_N / q_N (a(0..N), b(1..N) used); this is ``PCF(a, b).limit(N)`` in ramanujantools.

Digits. ``digits`` is the number of significant digits of x_N, -log10(|L - x_N| / |x_N|) (the
convention of ``shared/reference/pcf_formulas.tsv``); the error |L - x_N| is *estimated* from the last
convergents, which are known exactly: with the differences d_N = x_N - x_{N-h} (h = 1, or h = 2 when
consecutive differences alternate in sign) and r = d_N / d_{N-h},

* geometric model  |L - x_N| ~ |d_N| r / (1 - r),
* power-law model  |L - x_N| ~ |d_N| N / (h s) with s = N (1 - r) / h - 1 (from r ~ (1 - h/N)^(s+1)),

and the estimate is the geometric one when r <= 1/2 (at least 0.3 digits a step) and the larger of the
two otherwise, so sublinear convergence is never credited with more digits than it has. When
a(n) >= 1 and b(n) >= 1 for every n >= 1 the convergents alternate around L, so
|L - x_N| <= |x_N - x_{N-1}| is *proven*; that bound is reported as ``digits_proven`` (else ``None``),
and ``digits`` is never below it.

Extrapolation (slowly converging fractions). When the convergents approach L only like a power of N
(the ``sublinear`` regime: 1/log 2 = PCF(1, n^2) has 5 digits at depth 100,000), the exact convergent
at any affordable depth has few digits. :meth:`PCF.extrapolate` accelerates the sequence instead:
Levin's u-transform (beta = 1) of order k, which is exact for y_m = L + (m + 1) Delta y_m *
sum_{j<k} c_j / (m + 1)^j and so removes errors ~ C m^-s (any s) with their 1/m corrections, and
geometric ones too. It is applied separately to the even and the odd convergents, because a
fraction with equal-modulus characteristic roots of opposite sign (b ~ beta n^2d, deg a < d) has an
error (-1)^N N^-s (...) + N^-t (...), which is a plain power series in 1/m only on each half. The
convergents x_0 .. x_{3k+3} are exact (integer recurrence) and the transform runs with 2k + 40
digits. The error estimate is the *largest* of five differences: even against odd, order k against
order k - 4 (both halves), and the transform started at m = 1 against one started at m = 1 + k/2
(both halves), times 10 (``EXTRAPOLATION_MARGIN``: one digit). Where the model fits (an error
exponent s that is an integer, as on both slow reference formulas) the five differences alone are 3
to 4 digits below the true error. Where it does not (b ~ beta n^2 with a/sqrt(beta) not an integer:
each half then carries the families N^-s and N^-2s, and the transform gains only a few digits per
doubling of k) they can fall short of the true error by up to 0.3 digits (63 of 204 cases measured
against order 200), which the margin covers. It is an estimate, never a proof, and is reported as
such (``digits_extrapolated`` in the records), apart from the exact convergent's ``digits``.

delta. For a reduced convergent p/q, delta = -1 - log|L - p/q| / log q (Dirichlet: delta > 0 means L is
approximated better than a typical irrational; Apery's zeta(3) PCF has delta ~ 0.080).

Canonical form (used to de-duplicate discoveries). Four transformations give trivially equivalent
PCFs, whose limits are related by a Moebius map with integer coefficients:

1. sign:      (a, b) -> (-a, b)                        limit -> -limit;
2. deflation: (c(n) a, c(n) c(n-1) b) -> (a, b)          limit -> limit / c(0)  (c an integer polynomial);
3. shift:     (a(n+k), b(n+k))                          the limit of a tail (or a head, when b(0), b(-1), ... != 0);
4. scaling:   (c a, c^2 b) -> (a, b)                    limit -> limit / c  (c an integer).

:meth:`PCF.canonical` makes the leading coefficient of a positive, removes every factor c(n) of a with
c(n) c(n-1) | b, shifts so that the n^(d-1) coefficient of the first non-constant polynomial P (a, else
b) of degree d lies in [0, d |lead P|) (as far as the shift is valid), and divides out the largest
integer c with c | a and c^2 | b.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from discover.cf.polynomial import Polynomial
from discover.errors import InputError
from discover.cf.bigint import decimal_text, log10_abs
from discover.cf.convergence import ErrorEstimate, estimate_error

__all__ = ["PCF", "Evaluation", "Extrapolation", "estimate_result_bits", "levin_u", "deflate", "EXTRAPOLATION_METHOD"]


def estimate_result_bits(a: Polynomial, b: Polynomial, depth: int) -> float:
    """An upper estimate of the bit size of p_depth and q_depth (used to refuse walks too large to
    compute quickly): :func:`discover.cf.walk.estimate_walk_bits` of M(n) = [[0, b(n)], [1, a(n)]] over
    n = 1 .. depth, plus the bits of the head [[1, a(0)], [0, 1]]."""
    from discover.cf.walk import estimate_walk_bits

    matrix = [[Polynomial(()), b], [Polynomial((1,)), a]]
    return estimate_walk_bits(matrix, 1, depth) + max(1, abs(a(0))).bit_length()


@dataclass(frozen=True)
class Evaluation:
    """The state of a PCF at depth N: the exact convergent and what it says about the limit.

    ``p``, ``q``: the convergent p_N, q_N (FLINT integers, not reduced); ``value``: p/q as an mpmath
    number with ``precision_digits`` significant digits (enough for every claimed digit plus 20);
    ``digits``: estimated -log10 |L - p/q| (see module doc), ``inf`` if the PCF terminates (b has a
    positive integer root <= N, so L = p/q exactly); ``digits_proven``: the proven bound when the
    convergents alternate around L, else ``None``; ``rate``: digits gained per step at depth N;
    ``regime``: convergence type predicted from the degrees (see :meth:`PCF.regime`); ``extra["power"]``:
    the exponent s of a power-law error ~ N^-s when the last steps look sublinear.
    """

    depth: int
    p: Any
    q: Any
    value: Any
    digits: float
    abs_digits: float
    digits_proven: float | None
    rate: float
    regime: str
    precision_digits: int
    terminated: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def error_log10(self) -> float:
        return -self.digits

    def value_text(self, digits: float | None = None) -> str:
        """The limit printed to the decimal places claimed (``abs_digits``, or ``digits`` decimal places
        if given), truncated toward zero; a terminating PCF prints as an exact fraction."""
        import mpmath

        d = self.abs_digits if digits is None else digits
        if math.isinf(d):
            g = math.gcd(int(self.p), int(self.q))
            num, den = int(self.p) // g, int(self.q) // g
            if den < 0:
                num, den = -num, -den
            return decimal_text(num) if den == 1 else f"{decimal_text(num)}/{decimal_text(den)}"
        places = max(0, int(math.floor(d)))
        with mpmath.workdps(self.precision_digits + 10):
            x = self.value
            sign = "-" if x < 0 else ""
            ax = abs(x)
            scaled = mpmath.floor(ax * mpmath.mpf(10) ** places)
            s = decimal_text(int(scaled))
        if places == 0:
            return sign + s
        s = s.rjust(places + 1, "0")
        return f"{sign}{s[:-places]}.{s[-places:]}"

    def delta(self, limit=None) -> float:
        """delta = -1 - log|L - p/q| / log q with p/q reduced; L is ``limit`` (an mpmath number) if given,
        else the error estimate is used for log|L - p/q|."""
        import mpmath
        from flint import fmpz

        p, q = fmpz(self.p), fmpz(self.q)
        g = p.gcd(q)
        qr = abs(q // g)
        logq = log10_abs(qr)
        if logq <= 0:
            return float("nan")
        if limit is not None:
            with mpmath.workdps(self.precision_digits + 10):
                err = abs(mpmath.mpf(limit) - self.value)
            if err == 0:
                return float("inf")
            with mpmath.workdps(20):  # a few digits of the logarithm (at the full precision it costs 0.1 s)
                lerr = float(mpmath.log10(err))
        else:
            if math.isinf(self.abs_digits):
                return float("inf")
            lerr = -self.abs_digits
        return -1.0 - lerr / logq


# Digits taken off the extrapolation's self-consistency estimate: where the transform's model does not fit
# (two power families on each half, N^-s and N^-2s with s not an integer) the five differences can fall
# short of the true error by up to 0.3 digits (measured on 204 cases); where it fits they are 3 to 4
# digits below it.
EXTRAPOLATION_MARGIN = 1.0

EXTRAPOLATION_METHOD = ("Levin u-transform (beta = 1) of the even and of the odd exact convergents; error = 10 x "
                        "the largest of |even - odd|, |order k - order k-4|, |start 1 - start 1+k/2|")


@dataclass(frozen=True)
class Extrapolation:
    """The limit of a PCF extrapolated from its exact convergents (see the module doc).

    ``value``: the extrapolated limit (mpmath, ``precision_digits`` digits); ``digits``: estimated
    significant digits, -log10(error / |value|), with ``error`` the largest of the ``checks``;
    ``abs_digits``: -log10(error); ``order``: k; ``depth``: the last convergent used (x_0 .. x_depth);
    ``checks``: the digits of agreement of each of the five comparisons, in the order even/odd, order
    k-4 (even, odd), start 1 + k/2 (even, odd)."""

    value: Any
    digits: float
    abs_digits: float
    order: int
    depth: int
    precision_digits: int
    checks: tuple[float, ...]
    method: str = EXTRAPOLATION_METHOD

    def value_text(self, digits: float | None = None) -> str:
        """The value truncated toward zero to ``abs_digits`` (or ``digits``) decimal places."""
        import mpmath

        places = max(0, int(math.floor(self.abs_digits if digits is None else digits)))
        with mpmath.workdps(self.precision_digits + 10):
            x = self.value
            sign = "-" if x < 0 else ""
            s = decimal_text(int(mpmath.floor(abs(x) * mpmath.mpf(10) ** places)))
        if places == 0:
            return sign + s
        s = s.rjust(places + 1, "0")
        return f"{sign}{s[:-places]}.{s[-places:]}"


def levin_u(y, k: int, start: int):
    """Levin's u-transform of order ``k`` (beta = 1) of the sequence ``y`` (mpmath numbers) on the
    terms y[start .. start + k], at the current mpmath precision:

        T = sum_j (-1)^j C(k, j) (m_j + 1)^(k-1) y[m_j] / w[m_j]  /  sum_j (-1)^j C(k, j) (m_j + 1)^(k-1) / w[m_j]

    with m_j = start + j and w[m] = (m + 1) (y[m] - y[m-1]) (so ``start`` >= 1). The terms are taken
    relative to y[start + k] (the same T, smaller numbers). ZeroDivisionError when two consecutive
    terms are equal."""
    import mpmath

    top = start + k
    ref = y[top]
    num = mpmath.mpf(0)
    den = mpmath.mpf(0)
    scale = mpmath.mpf(top + 1)
    for j in range(k + 1):
        m = start + j
        w = (m + 1) * (y[m] - y[m - 1])
        if w == 0:
            raise ZeroDivisionError("equal consecutive terms")
        c = (-1) ** j * math.comb(k, j) * (mpmath.mpf(m + 1) / scale) ** (k - 1)
        num += c * (y[m] - ref) / w
        den += c / w
    return ref + num / den


@dataclass(frozen=True)
class PCF:
    """A polynomial continued fraction a(0) + b(1)/(a(1) + b(2)/(a(2) + ...)); see the module doc."""

    a: Polynomial
    b: Polynomial

    @classmethod
    def from_polynomials(cls, a, b) -> "PCF":
        """Build from text (``"34n^3+51n^2+27n+5"``), ints, coefficient tuples or Polynomials."""
        pa = Polynomial.parse(a, "a(n)")
        pb = Polynomial.parse(b, "b(n)")
        if pb.is_zero:
            raise InputError("b(n) is the zero polynomial: the continued fraction is just a(0)")
        return cls(pa, pb)

    def __str__(self) -> str:
        return f"PCF(a={self.a}, b={self.b})"

    # ----- matrices -------------------------------------------------------------------------
    def matrix(self) -> list[list]:
        """M(n) = [[0, b(n)], [1, a(n)]] with Polynomial entries."""
        return [[Polynomial(()), self.b], [Polynomial((1,)), self.a]]

    def convergent_matrix(self, depth: int):
        """[[p_{N-1}, p_N], [q_{N-1}, q_N]] for N = depth >= 0 (exact, ``fmpz_mat``)."""
        from flint import fmpz_mat

        from discover.cf.walk import walk

        if depth < 0:
            raise InputError(f"depth must be >= 0, got {depth}")
        head = fmpz_mat(2, 2, [1, self.a(0), 0, 1])
        if depth == 0:
            return head
        return head * walk(self.matrix(), 1, depth)

    def convergent(self, depth: int) -> tuple:
        """(p_N, q_N) as FLINT integers (not reduced). Only the last column of the walk is formed
        (:func:`discover.cf.walk.walk_vector`), which is cheaper than the full matrix."""
        from flint import fmpz_mat

        from discover.cf.walk import walk_vector

        if depth < 0:
            raise InputError(f"depth must be >= 0, got {depth}")
        head = fmpz_mat(2, 2, [1, self.a(0), 0, 1])
        if depth == 0:
            return head[0, 1], head[1, 1]
        col = head * walk_vector(self.matrix(), 1, depth, [0, 1])
        return col[0, 0], col[1, 0]

    def terminating_depth(self) -> int | None:
        """The smallest k >= 1 with b(k) = 0 (the PCF is then a finite, rational fraction), else None."""
        roots = [r for r in self.b.integer_roots() if r >= 1]
        return min(roots) if roots else None

    def is_positive(self) -> bool:
        """True when a(n) >= 1 and b(n) >= 1 for every n >= 1 (then convergents alternate around L)."""
        for poly in (self.a, self.b):
            if poly.is_zero or poly.leading <= 0:
                return False
            # p(n) >= 1 for all n >= 1  <=>  p(n) - 1 has no real root >= 1 and p(1) >= 1.
            if poly(1) < 1:
                return False
            shifted = Polynomial(tuple(c - (1 if i == 0 else 0) for i, c in enumerate(poly.coeffs)))
            if shifted.degree >= 1:
                from flint import fmpz_poly

                # Real roots of p(n+1) - 1 with n >= 0 (Sturm-free check through complex roots).
                f = fmpz_poly(list(shifted.shift(1).coeffs))
                for root, _m in f.complex_roots():
                    re, im = root.real, root.imag
                    if im.contains(0) and not (re < 0):
                        return False
        return True

    def regime(self) -> str:
        """Convergence type predicted from the degrees and leading coefficients (Poincare-Perron):

        * ``super-exponential``: 2 deg a > deg b (the characteristic roots' ratio tends to 0);
        * ``exponential``: 2 deg a = deg b and alpha^2 + 4 beta > 0 (alpha, beta the leading coefficients
          of a, b): two real roots of different modulus;
        * ``sublinear``: equal-modulus real roots (alpha^2 + 4 beta = 0, or 2 deg a < deg b with beta > 0):
          convergence, if any, is slow (a power of N);
        * ``oscillating``: complex roots of equal modulus (alpha^2 + 4 beta < 0, or 2 deg a < deg b with
          beta < 0): generically divergent.
        """
        da = self.a.degree
        db = self.b.degree
        if self.a.is_zero:
            return "oscillating" if self.b.leading < 0 else "sublinear"
        if 2 * da > db:
            return "super-exponential"
        if 2 * da == db:
            disc = self.a.leading ** 2 + 4 * self.b.leading
            if disc > 0:
                return "exponential"
            return "sublinear" if disc == 0 else "oscillating"
        return "sublinear" if self.b.leading > 0 else "oscillating"

    # ----- evaluation -----------------------------------------------------------------------
    def check_depth(self, depth, what: str = "--depth") -> None:
        """InputError unless 6 <= ``depth`` <= :data:`~discover.cf.limits.MAX_DEPTH` and the convergent
        p_depth / q_depth fits :data:`~discover.cf.limits.MAX_CONVERGENT_BITS` (estimated beforehand by
        :func:`estimate_result_bits`), the limits that keep every FLINT call short."""
        from discover.cf.limits import MAX_CONVERGENT_BITS, MAX_DEPTH

        if isinstance(depth, bool) or not isinstance(depth, int) or not 6 <= depth <= MAX_DEPTH:
            raise InputError(f"{what} {depth}: must be an integer between 6 and {MAX_DEPTH:,}")
        bits = estimate_result_bits(self.a, self.b, depth)
        if bits > MAX_CONVERGENT_BITS:
            raise InputError(f"{what} {depth}: the convergents of {self} would have about {bits:.3g} bits, above "
                             f"the limit of {MAX_CONVERGENT_BITS:,} bits; use a smaller depth")

    def evaluate(self, depth: int) -> Evaluation:
        """Exact convergent at ``depth`` and the limit estimate (see module doc).

        Refuses (InputError, :meth:`check_depth`) a depth outside the limits before any work."""
        import mpmath
        from flint import fmpz

        self.check_depth(depth, "depth")
        stop = self.terminating_depth()
        terminated = stop is not None and stop <= depth
        W = self.convergent_matrix(depth)
        pN1, pN, qN1, qN = W[0, 0], W[0, 1], W[1, 0], W[1, 1]
        if qN == 0:
            raise InputError(f"{self}: q_{depth} = 0, the convergent is undefined at this depth")
        # Walk back three steps exactly: q_{k-2} = (q_k - a(k) q_{k-1}) / b(k).
        qs = {depth: qN, depth - 1: qN1}
        back_ok = True
        for k in range(depth, depth - 3, -1):
            bk = self.b(k)
            if bk == 0:
                back_ok = False
                break
            qs[k - 2] = (qs[k] - self.a(k) * qs[k - 1]) // bk
        log_q = log10_abs(qN)
        prec_digits = int(2 * max(log_q, 1.0) + 30)
        prec_digits = min(prec_digits, 10 * 10**6)
        # Consecutive differences from the determinant: p_{i-1} q_i - p_i q_{i-1} = prod_{k<=i} (-b(k)), so
        # d_i = x_i - x_{i-1} = -prod_{k<=i} (-b(k)) / (q_i q_{i-1}), and d_{i-1} = d_i q_i / (-b(i) q_{i-2}):
        # one logarithm of the product, then exact ratios of the q's (no products of the big integers).
        d = {}
        if back_ok and all(qs[i] != 0 for i in qs) and not terminated:
            with mpmath.workdps(30):
                d[depth] = _last_difference(self.b, depth, qN, qN1)
                for i in range(depth, depth - 3, -1):
                    d[i - 1] = d[i] * _ratio_mpf(qs[i], qs[i - 2], 30) / (-self.b(i))

        def diff(i: int, j: int):
            """x_i - x_j (j = i - 1 or i - 2) at 30 digits, or None."""
            if i not in d or (j == i - 2 and i - 1 not in d):
                return None
            with mpmath.workdps(30):
                return d[i] if j == i - 1 else d[i] + d[i - 1]

        digits_proven = None
        rate = 0.0
        extra: dict = {}
        if terminated:
            digits = abs_digits = float("inf")
            value_prec = 50
        else:
            d1 = diff(depth, depth - 1) if back_ok else None
            d2 = diff(depth - 1, depth - 2) if back_ok else None
            with mpmath.workdps(30):
                if d1 is None or d2 is None or d1 == 0 or d2 == 0:
                    est = ErrorEstimate(float(mpmath.log10(abs(d1))) if d1 else 0.0)
                else:
                    h, D1, D2 = 1, d1, d2
                    if d1 * d2 < 0 and (depth - 3) in d:
                        e1 = diff(depth, depth - 2)
                        e2 = diff(depth - 2, depth - 4)
                        if e1 is not None and e2 is not None and e1 != 0 and e2 != 0 and e1 * e2 > 0:
                            h, D1, D2 = 2, e1, e2
                    est = estimate_error(float(mpmath.log10(abs(D1))), float(mpmath.log10(abs(D2))), depth, h,
                                         alternating=bool(D1 * D2 < 0))
            abs_digits = -est.log10_error
            rate = est.rate
            if est.power is not None:
                extra["power"] = est.power
            if self.is_positive() and d1 is not None and d1 != 0:
                with mpmath.workdps(30):
                    digits_proven = float(-mpmath.log10(abs(d1)))
                abs_digits = max(abs_digits, digits_proven)
            # Significant digits: -log10(|L - x_N| / |x_N|).
            magnitude = log10_abs(pN) - log_q if pN != 0 else 0.0
            digits = abs_digits + magnitude
            if digits_proven is not None:
                digits_proven += magnitude
            value_prec = int(max(digits, 0) + 25 + max(0.0, magnitude))
        value_prec = max(30, min(value_prec, prec_digits))
        with mpmath.workdps(value_prec):
            value = _ratio_mpf(pN, qN, value_prec)
        return Evaluation(
            depth=depth,
            p=fmpz(pN),
            q=fmpz(qN),
            value=value,
            digits=digits,
            abs_digits=abs_digits,
            digits_proven=digits_proven,
            rate=rate,
            regime=self.regime(),
            precision_digits=value_prec,
            terminated=terminated,
            extra=extra,
        )


    # ----- extrapolation (slowly converging fractions) ------------------------------------------
    @staticmethod
    def extrapolation_depth(order: int) -> int:
        """The last convergent :meth:`extrapolate` uses at ``order`` k: x_0 .. x_{2 (1 + k + k/2) + 1}."""
        return 2 * (1 + order + order // 2) + 1

    def convergent_sequence(self, depth: int) -> tuple[list[int], list[int]]:
        """Exact (p_n, q_n) for n = 0 .. depth by the three-term recurrence (Python integers; for the
        few hundred terms extrapolation needs; :meth:`convergent` is the fast way to one deep term)."""
        pp, p, qp, q = 1, self.a(0), 0, 1
        ps, qs = [p], [q]
        for n in range(1, depth + 1):
            an, bn = self.a(n), self.b(n)
            pp, p, qp, q = p, an * p + bn * pp, q, an * q + bn * qp
            ps.append(p)
            qs.append(q)
        return ps, qs

    def extrapolate(self, order: int = 48) -> "Extrapolation | None":
        """The limit extrapolated by the Levin u-transform of order ``order`` (see the module doc), with
        its estimated digits; ``None`` when the transform is undefined (a convergent with q_n = 0, two
        equal consecutive convergents of a half, or a finite fraction)."""
        import mpmath

        if order < 8:
            raise InputError(f"extrapolation order must be at least 8, got {order}")
        depth = self.extrapolation_depth(order)
        stop = self.terminating_depth()
        if stop is not None and stop <= depth:
            return None
        ps, qs = self.convergent_sequence(depth)
        if any(q == 0 for q in qs):
            return None
        prec = 2 * order + 40
        with mpmath.workdps(prec):
            xs = [mpmath.mpf(p) / q for p, q in zip(ps, qs)]
            even, odd = xs[0::2], xs[1::2]
            later = 1 + order // 2
            try:
                e_k, o_k = levin_u(even, order, 1), levin_u(odd, order, 1)
                others = [(e_k, o_k), (e_k, levin_u(even, order - 4, 1)), (o_k, levin_u(odd, order - 4, 1)),
                          (e_k, levin_u(even, order, later)), (o_k, levin_u(odd, order, later))]
            except ZeroDivisionError:
                return None
            value = (e_k + o_k) / 2
            if value == 0 or not mpmath.isfinite(value):
                return None
            # Round-off of the transform itself: never claim more than the working precision less k.
            floor = mpmath.mpf(10) ** -(prec - order)
            diffs = [max(abs(u - v), floor) for u, v in others]
            if not all(mpmath.isfinite(d) for d in diffs):
                return None
            err = max(diffs) * 10 ** EXTRAPOLATION_MARGIN
            abs_digits = float(-mpmath.log10(err))
            magnitude = float(mpmath.log10(abs(value)))
            checks = tuple(round(float(-mpmath.log10(d)) + magnitude, 2) for d in diffs)
        return Extrapolation(value=value, digits=abs_digits + magnitude, abs_digits=abs_digits, order=order,
                             depth=depth, precision_digits=prec, checks=checks)

    # ----- equivalence ----------------------------------------------------------------------
    def canonical(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Canonical representative of the class under sign, shift and scaling (see module doc),
        as (a coefficients, b coefficients)."""
        a, b = self.a, self.b
        # 1. sign: (a, b) ~ (-a, b)
        if a.leading < 0:
            a = -a
        # 2. deflation: (c a, c(n) c(n-1) b) ~ (a, b) for an integer polynomial c
        a, b = _deflate(a, b)
        # 3. shift: n -> n + k
        P = a if a.degree >= 1 else (b if b.degree >= 1 else None)
        if P is not None:
            d, c, sub = P.degree, P.leading, P.coeffs[-2]
            # normal form: 0 <= sub + d*k*c < d*|c|
            k = -(sub // (d * c)) if c > 0 else sub // (d * -c)
            if k < 0:
                # prepending terms needs b(k+1), ..., b(0) != 0
                bad = [r for r in b.integer_roots() if k + 1 <= r <= 0]
                if bad:
                    k = max(bad)
            a, b = a.shift(k), b.shift(k)
        # 4. scaling: (c a, c^2 b) ~ (a, b), c the largest with c | a and c^2 | b
        c = _scaling_factor(a.content(), b.content())
        if c > 1:
            a = Polynomial(tuple(x // c for x in a.coeffs))
            b = Polynomial(tuple(x // (c * c) for x in b.coeffs))
        return a.coeffs, b.coeffs


def deflate(a, b):
    """Remove every non-constant factor g(n) of a with g(n) g(n-1) | b (FLINT ``fmpz_poly`` a, b; returns
    the pair): the PCF (g a, g(n) g(n-1) b) has convergents p_N times g(0) ... g(N) and q_N times
    g(1) ... g(N), so its limit is g(0) times that of (a, b). The integer content (c | a, c^2 | b) is the
    scaling, left to :meth:`PCF.canonical`."""
    from flint import fmpz_poly

    back = fmpz_poly([-1, 1])
    changed = True
    while changed and a.degree() >= 1 and b.degree() >= 2:
        changed = False
        for g, _mult in a.factor()[1]:
            if g.degree() < 1:
                continue
            gg = g * g(back)
            if b % gg == 0 and a % g == 0:
                a, b = a // g, b // gg
                changed = True
                break
    return a, b


def _deflate(a: Polynomial, b: Polynomial) -> tuple[Polynomial, Polynomial]:
    """:func:`deflate` on :class:`Polynomial` coefficients."""
    A, B = deflate(a.to_fmpz_poly(), b.to_fmpz_poly())
    return Polynomial(tuple(int(c) for c in A.coeffs())), Polynomial(tuple(int(c) for c in B.coeffs()))


def _last_difference(b: Polynomial, depth: int, qN, qN1):
    """d_N = x_N - x_{N-1} = -prod_{k<=N} (-b(k)) / (q_N q_{N-1}) at the current mpmath precision.

    The sign exactly (from the signs of b(1..N), evaluated exactly where they could change: near real
    roots, and in floats elsewhere); log10 |prod b(k)| = N log10 |lead| + sum_i log10 |prod_k (k - r_i)|
    over the complex roots r_i of b (FLINT), with prod_{k=1..N} (k - r) = Gamma(N + 1 - r) / Gamma(1 - r)
    (one log-gamma each, mpmath, 30 digits): no cancellation, no loop over k, plenty for digit
    estimates. b has no root among 1..N here (the fraction would terminate)."""
    import mpmath
    from flint import fmpz_poly

    roots = []
    with mpmath.workdps(30):
        log_prod = depth * mpmath.log10(abs(b.leading))
        if b.degree >= 1:
            for root, mult in fmpz_poly(list(b.coeffs)).complex_roots():
                r = mpmath.mpc(float(root.real.mid()), float(root.imag.mid()))
                roots.append(complex(r))
                if r.real > depth:  # prod (k - r) = +-Gamma(r) / Gamma(r - N): no pole for a root beyond N
                    term = mpmath.loggamma(r) - mpmath.loggamma(r - depth)
                else:
                    term = mpmath.loggamma(depth + 1 - r) - mpmath.loggamma(1 - r)
                log_prod += mult * mpmath.re(term) / mpmath.log(10)
        log_prod = float(log_prod)
    # sign of prod (-b(k)): b keeps its sign between consecutive real roots
    real_roots = sorted(r.real for r in roots if abs(r.imag) < 1e-9)
    cuts = [0] + [int(math.floor(x)) for x in real_roots if 0 < x < depth] + [depth]
    negatives = 0  # number of k with -b(k) < 0, i.e. b(k) > 0
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        # k in (lo, hi]: test the sign at each end exactly, count the interval by its interior sign
        if hi <= lo:
            continue
        mid = hi if hi == lo + 1 else lo + 1 + (hi - lo) // 2
        sample = [lo + 1, mid, hi]
        signs = {kk: (b(kk) > 0) for kk in sample}
        if signs[lo + 1] == signs[hi] == signs[mid]:
            negatives += (hi - lo) if signs[mid] else 0
        else:  # a root inside (lo, hi] not resolved by the floats: count exactly
            negatives += sum(1 for kk in range(lo + 1, hi + 1) if b(kk) > 0)
    sign = -1 if negatives % 2 else 1
    mant = mpmath.mpf(10) ** (log_prod - log10_abs(qN) - log10_abs(qN1))
    same = (qN > 0) == (qN1 > 0)
    return -mant * sign * (1 if same else -1)


# Prime factors below 2^_SMOOTH_BITS are found; a cofactor with none is used whole or not at all, so that a
# 200-digit content costs milliseconds (a full factorisation could take hours).
_SMOOTH_BITS = 32


def _scaling_factor(ca: int, cb: int) -> int:
    """A c >= 1 with c | ca and c^2 | cb (ca = 0 means every c divides a): the largest one whenever the gcd's
    prime factors above 2^32 are at most one (always, for coefficients under about 19 digits); otherwise its
    large part counts only in powers of the whole cofactor. Deterministic either way, so equal inputs get
    equal canonical forms."""
    from flint import fmpz

    g = math.gcd(ca, cb) if ca else abs(cb)
    if g <= 1:
        return 1
    c = 1
    for factor, _e in fmpz(g).factor_smooth(bits=_SMOOTH_BITS):
        factor = int(factor)
        va = _valuation(ca, factor) if ca else 10**9
        vb = _valuation(cb, factor)
        c *= factor ** min(va, vb // 2)
    return c


def _valuation(x: int, prime: int) -> int:
    v = 0
    x = abs(x)
    while x and x % prime == 0:
        x //= prime
        v += 1
    return v


def _ratio_mpf(p, q, digits: int):
    """p / q (FLINT integers) rounded to ``digits`` significant digits, without converting the full
    integers when they are much longer than needed."""
    import mpmath

    bits = int(digits * 3.33) + 64
    p, q = int(p), int(q)
    sp = max(0, p.bit_length() - bits) if p else 0
    sq = max(0, q.bit_length() - bits)
    s = min(sp, sq)
    # Truncate both by the same shift so the ratio keeps ~bits of relative accuracy.
    if s > 0:
        p_t, q_t = p >> s if p >= 0 else -((-p) >> s), q >> s if q >= 0 else -((-q) >> s)
    else:
        p_t, q_t = p, q
    return mpmath.mpf(p_t) / mpmath.mpf(q_t)
