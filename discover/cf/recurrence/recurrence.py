"""Linear recurrences with polynomial coefficients, of any order, as objects.

Definition and convention (the one of ramanujantools' ``LinearRecurrence``, so that its users read the
same lists). A recurrence of order k is the list of integer polynomials a_0(n), ..., a_k(n) with

    a_0(n) u(n) + a_1(n) u(n - 1) + ... + a_k(n) u(n - k) = 0,

a_0 (the *leading* coefficient, of the newest term) and a_k not the zero polynomial. From a start s it
determines u(n) for n >= s from the k initial values u(s - k), ..., u(s - 1), provided a_0(n) != 0 for
every n used (:meth:`LinearRecurrence.check_range` names the first n where it vanishes).

Companion matrix (integer, no division). With the row state r(n) = (u(n - k + 1), ..., u(n)),

    r(n - 1) M(n) = a_0(n) r(n),   M(n)[i + 1][i] = a_0(n),  M(n)[j][k - 1] = -a_{k - j}(n),

other entries 0. So the rows of W = M(s) M(s + 1) ... M(N) are the states at N of the solutions whose
initial state r(s - 1) is e_0, ..., e_{k-1}, each multiplied by a_0(s) ... a_0(N) (the same scalar for
every solution, so ratios of solutions are unchanged). For k = 2, a_0 = 1, a_1 = -a, a_2 = -b this is the
PCF matrix [[0, b(n)], [1, a(n)]] of :mod:`discover.cf.pcf`, and with s = 1 and the initial states
(1, a(0)), (0, 1) the two solutions are p_n and q_n. It is also the shape of ramanujantools'
``Matrix.companion_form`` (ones below the diagonal, the values in the last column), so a companion
matrix of either tool reads back as the same recurrence (:meth:`LinearRecurrence.from_companion`).

Operations (each returns a new recurrence; every one is checked in the tests by generating solutions
with exact integers and substituting them):

* :meth:`~LinearRecurrence.compose` (A o B)(n) = sum_i a_i(n) B_{n-i}: order k_A + k_B, and every solution
  of B solves A o B (the product of difference operators). ramanujantools' ``fold(d)`` is
  ``compose([1, d], R)``;
* :meth:`~LinearRecurrence.unfold`: the inverse: R = [1, d] o B with d a divisor of a_k (a polynomial
  over the integers), B of order k - 1, found by exact left division; every solution of B solves R;
* :meth:`~LinearRecurrence.fold`: the recurrence of every m-th term w(j) = u(m j + r), from the step
  matrix M(m j + r - m + 1) ... M(m j + r) brought to companion form (:func:`companionize`);
* :func:`companionize`: the recurrence satisfied by one coordinate of the states of any k x k polynomial
  step matrix (the cyclic-vector method: the first k + 1 images of e_{k-1} are dependent over Q(n); the
  dependency, cleared of denominators and content, is the recurrence). sympy, once, at the edge.

Limits of the sizes: :data:`MAX_ORDER`, the degrees and digits of :mod:`discover.cf.limits`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from discover.cf.polynomial import Polynomial
from discover.errors import InputError

__all__ = ["LinearRecurrence", "companionize", "split_top_level", "integer_divisors", "polynomial_divisors",
           "parse_matrix", "MAX_ORDER", "MAX_FOLD"]

# Order k at most this (the k x k walk, the k-step forward check and the companionization stay small).
MAX_ORDER = 12
# fold: every m-th term with m at most this (the step matrix of m steps has degree m deg).
MAX_FOLD = 6
# companionize: the minors' degree bound (the sum of the column degrees) at most this before any work;
# the recurrence found must then still have coefficients of degree <= MAX_DEGREE.
MAX_COMPANION_DEGREE = 1024


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """``text`` split at ``sep`` outside parentheses: ``"1, -(2n+1), n^2"`` -> three parts."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def parse_matrix(text: str, what: str) -> list[list[Polynomial]]:
    """A matrix of integer polynomials from text: rows separated by ';', entries by ',' (outside
    parentheses), e.g. ``"0, -n^6; 1, 34n^3+51n^2+27n+5"``; every row of the same length as the number
    of rows (square). InputError naming ``what`` otherwise."""
    from discover.cf.limits import check_expression_text

    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{what}: empty; give rows separated by ';' and entries by ','")
    # ';' read as ',' for the check: a power of a power is looked for within an entry, not across rows
    check_expression_text(text.replace(";", ","), what)
    rows = [split_top_level(r) for r in split_top_level(text, ";")]
    k = len(rows)
    if k > MAX_ORDER or any(len(r) != k for r in rows):
        raise InputError(f"{what}: need a square matrix of size at most {MAX_ORDER} (rows separated by ';', "
                         f"entries by ','), got {k} rows of lengths {[len(r) for r in rows]}")
    return [[Polynomial.parse(e, f"{what} entry ({i + 1}, {j + 1})") for j, e in enumerate(r)]
            for i, r in enumerate(rows)]


def _poly_mul(p: Polynomial, q: Polynomial) -> Polynomial:
    if p.is_zero or q.is_zero:
        return Polynomial(())
    out = [0] * (len(p.coeffs) + len(q.coeffs) - 1)
    for i, x in enumerate(p.coeffs):
        for j, y in enumerate(q.coeffs):
            out[i + j] += x * y
    return Polynomial(tuple(out))


def _poly_add(p: Polynomial, q: Polynomial, sign: int = 1) -> Polynomial:
    n = max(len(p.coeffs), len(q.coeffs))
    return Polynomial(tuple(x + sign * y for x, y in zip(p.padded(n), q.padded(n))))


@dataclass(frozen=True)
class LinearRecurrence:
    """sum_i a_i(n) u(n - i) = 0 with ``coefficients`` = (a_0, ..., a_k) (see the module doc)."""

    coefficients: tuple[Polynomial, ...]

    def __post_init__(self):
        from discover.cf.limits import MAX_DEGREE

        coeffs = tuple(Polynomial.parse(c, f"coefficient a_{i}") for i, c in enumerate(self.coefficients))
        object.__setattr__(self, "coefficients", coeffs)
        if len(coeffs) < 2:
            raise InputError(f"recurrence: {len(coeffs)} coefficient(s); give a_0, ..., a_k with order k >= 1")
        if len(coeffs) - 1 > MAX_ORDER:
            raise InputError(f"recurrence: order {len(coeffs) - 1} is above the limit {MAX_ORDER}")
        if coeffs[0].is_zero:
            raise InputError("recurrence: the leading coefficient a_0 (of u(n)) is the zero polynomial; "
                             "u(n) is then not determined")
        if coeffs[-1].is_zero:
            raise InputError(f"recurrence: the last coefficient a_{len(coeffs) - 1} is the zero polynomial "
                             "(the order is lower: drop it)")
        for i, c in enumerate(coeffs):
            if c.degree > MAX_DEGREE:
                raise InputError(f"coefficient a_{i}: degree {c.degree} is above the limit {MAX_DEGREE}")

    # ----- construction ---------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> "LinearRecurrence":
        """From text ``"a_0, a_1, ..., a_k"`` (commas outside parentheses separate the coefficients):
        ``"1, -(34n^3+51n^2+27n+5), n^6"`` is u(n) = (34n^3+51n^2+27n+5) u(n-1) - n^6 u(n-2)."""
        from discover.cf.limits import check_expression_text

        if not isinstance(text, str) or not text.strip():
            raise InputError("recurrence: empty; give the coefficients a_0, ..., a_k separated by commas")
        check_expression_text(text, "recurrence")
        return cls.from_coefficients(split_top_level(text))

    @classmethod
    def from_coefficients(cls, coefficients: Sequence) -> "LinearRecurrence":
        """From a_0, ..., a_k given as text, ints, coefficient tuples or Polynomials."""
        coefficients = list(coefficients)
        if len(coefficients) - 1 > MAX_ORDER:
            raise InputError(f"recurrence: order {len(coefficients) - 1} is above the limit {MAX_ORDER}")
        return cls(tuple(Polynomial.parse(c, f"coefficient a_{i}") for i, c in enumerate(coefficients)))

    @classmethod
    def from_companion(cls, matrix: Sequence[Sequence]) -> "LinearRecurrence":
        """From a k x k companion matrix (module doc: c(n) on the subdiagonal, zeros elsewhere outside the
        last column): a_0 = c, a_{k-j} = -M[j][k-1]. InputError naming the entry when it is not one."""
        rows = [[Polynomial.parse(e, f"matrix entry ({i + 1}, {j + 1})") for j, e in enumerate(row)]
                for i, row in enumerate(matrix)]
        k = len(rows)
        if k < 2 or any(len(r) != k for r in rows):
            raise InputError(f"companion matrix: need a square matrix of size at least 2, got {k} rows of "
                             f"lengths {[len(r) for r in rows]}")
        if k > MAX_ORDER:
            raise InputError(f"companion matrix: size {k} is above the limit {MAX_ORDER}")
        lead = rows[1][0]
        for i in range(k):
            for j in range(k - 1):
                want = lead if i == j + 1 else Polynomial(())
                if rows[i][j] != want:
                    raise InputError(f"companion matrix: entry ({i + 1}, {j + 1}) is {rows[i][j]}, expected {want} "
                                     "(ones, or one polynomial, below the diagonal; zeros elsewhere outside the "
                                     "last column); use 'discover cf recurrence limit --matrix' for other matrices")
        return cls(tuple([lead] + [-rows[k - i][k - 1] for i in range(1, k + 1)]))

    # ----- properties -----------------------------------------------------------------------
    @property
    def order(self) -> int:
        return len(self.coefficients) - 1

    @property
    def degrees(self) -> tuple[int, ...]:
        return tuple(c.degree for c in self.coefficients)

    def __str__(self) -> str:
        return ", ".join(str(c) for c in self.coefficients)

    def text(self) -> str:
        """The recurrence as an equation: ``(n^3) u(n) + (...) u(n-1) + ... = 0``."""
        terms = []
        for i, c in enumerate(self.coefficients):
            if not c.is_zero:
                terms.append(f"({c}) u(n{'-' + str(i) if i else ''})")
        return " + ".join(terms) + " = 0"

    def companion(self) -> list[list[Polynomial]]:
        """The integer companion matrix M(n) of the module doc."""
        k = self.order
        zero = Polynomial(())
        M = [[zero] * k for _ in range(k)]
        for i in range(k - 1):
            M[i + 1][i] = self.coefficients[0]
        for j in range(k):
            M[j][k - 1] = -self.coefficients[k - j]
        return M

    def check_range(self, start: int, stop: int, what: str = "recurrence") -> None:
        """InputError naming the first n in [start, stop] with a_0(n) = 0 (u(n) undetermined there)."""
        roots = [r for r in self.coefficients[0].integer_roots() if start <= r <= stop]
        if roots:
            raise InputError(f"{what}: the leading coefficient a_0(n) = {self.coefficients[0]} vanishes at "
                             f"n = {roots[0]}, inside the range n = {start}..{stop} the recurrence is applied on "
                             f"(u({roots[0]}) is not determined); start after it (--start {max(roots) + 1})")

    def solution(self, initial: Sequence[int], start: int, stop: int) -> list:
        """u(start - k), ..., u(stop) as exact fractions, from the initial values u(start - k .. start - 1)
        (a plain forward loop: for tests and small checks, not for depth)."""
        from fractions import Fraction

        k = self.order
        u = [Fraction(int(x)) for x in initial]
        if len(u) != k:
            raise InputError(f"initial values: {len(u)} given, the order is {k}")
        for n in range(start, stop + 1):
            lead = self.coefficients[0](n)
            if lead == 0:
                raise InputError(f"recurrence: a_0({n}) = 0")
            acc = sum(self.coefficients[i](n) * u[-i] for i in range(1, k + 1))
            u.append(-acc / lead)
        return u

    # ----- operations -----------------------------------------------------------------------
    def shifted(self, j: int) -> "LinearRecurrence":
        """The same relation written at n + j: coefficients a_i(n + j) (solutions w(n) = u(n + j))."""
        return LinearRecurrence(tuple(c.shift(j) for c in self.coefficients))

    def compose(self, other: "LinearRecurrence") -> "LinearRecurrence":
        """(self o other): sum_i a_i(n) B_{n-i}, with B_m = sum_j b_j(m) u(m - j): coefficients
        c_{i+j}(n) = sum a_i(n) b_j(n - i). Every solution of ``other`` solves it."""
        out = [Polynomial(())] * (self.order + other.order + 1)
        for i, a in enumerate(self.coefficients):
            for j, b in enumerate(other.coefficients):
                out[i + j] = _poly_add(out[i + j], _poly_mul(a, b.shift(-i)))
        return _reduced(out)

    def unfold(self, max_candidates: int = 4096) -> list[tuple["LinearRecurrence", Polynomial]]:
        """Every (B, d) with self = [1, d] o B up to a constant factor, d an integer polynomial dividing
        a_k (module doc): B of order k - 1 by exact left division. Empty when there is none."""
        if self.order < 2:
            return []
        out = []
        for g in polynomial_divisors(self.coefficients[-1].to_fmpz_poly(), max_candidates):
            d = Polynomial(tuple(int(x) for x in g.coeffs()))
            B = self._left_divide(d)
            if B is not None:
                out.append((B, d))
        return out

    def _left_divide(self, d: Polynomial) -> "LinearRecurrence | None":
        """B with [1, d] o B = self, or None: b_0 = a_0, b_j(n) = a_j(n) - d(n) b_{j-1}(n - 1), and
        d(n) b_{k-1}(n - 1) = a_k(n) must hold."""
        a = self.coefficients
        b = [a[0]]
        for j in range(1, self.order):
            b.append(_poly_add(a[j], _poly_mul(d, b[j - 1].shift(-1)), -1))
        if _poly_mul(d, b[-1].shift(-1)) != a[-1] or b[-1].is_zero:
            return None
        return LinearRecurrence(tuple(b))

    def fold(self, step: int = 2, offset: int = 0) -> "LinearRecurrence":
        """The recurrence of w(j) = u(step j + offset) (module doc), of order at most k."""
        from flint import fmpz_poly

        if not 2 <= int(step) <= MAX_FOLD:
            raise InputError(f"fold --step {step}: must be between 2 and {MAX_FOLD}")
        M = [[e.to_fmpz_poly() for e in row] for row in self.companion()]
        S = None
        # r(m j + r) = r(m (j - 1) + r) M(m j + r - m + 1) ... M(m j + r): entries as polynomials in j.
        for t in range(step):
            arg = fmpz_poly([offset - step + 1 + t, step])
            Mt = [[e(arg) if e.degree() > 0 else e for e in row] for row in M]
            S = Mt if S is None else _fmpz_matmul(S, Mt)
        try:
            return companionize(S)
        except InputError as exc:
            raise InputError(f"fold --step {step}: {exc}") from None


def polynomial_divisors(p, limit: int = 4096):
    """The divisors of the integer polynomial ``p`` (``fmpz_poly``) over the integers, both signs: every
    product of powers of its irreducible factors times a divisor of its content; at most ``limit``."""
    import itertools

    from flint import fmpz_poly

    content, factors = p.factor()
    divisors = integer_divisors(abs(int(content)))
    seen = 0
    for combo in itertools.product(*[range(m + 1) for _, m in factors]):
        g = fmpz_poly([1])
        for (f, _), e in zip(factors, combo):
            g *= f ** e
        for c in divisors:
            for sign in (1, -1):
                seen += 1
                if seen > limit:
                    return
                yield g * (c * sign)


def integer_divisors(n: int) -> list[int]:
    """The positive divisors of n >= 1 (1 for n <= 1), from FLINT's factorisation."""
    from flint import fmpz

    out = [1]
    if n > 1:
        for p, e in fmpz(n).factor():
            out = [d * int(p) ** i for d in out for i in range(e + 1)]
    return sorted(out)


def _fmpz_matmul(A, B):
    k = len(A)
    return [[sum((A[i][t] * B[t][j] for t in range(1, k)), A[i][0] * B[0][j]) for j in range(k)] for i in range(k)]


def _reduced(coeffs: list[Polynomial]) -> LinearRecurrence:
    """Coefficients divided by their common factor (a polynomial gcd with its integer content: the same
    relation), the sign making a_0's leading coefficient positive."""
    from flint import fmpz_poly

    g = fmpz_poly([0])
    for c in coeffs:
        g = g.gcd(c.to_fmpz_poly())
    if g.degree() > 0 or abs(int(g[0])) > 1:
        coeffs = [Polynomial(tuple(int(x) for x in (c.to_fmpz_poly() // g).coeffs())) for c in coeffs]
    if coeffs[0].leading < 0:
        coeffs = [-c for c in coeffs]
    while len(coeffs) > 2 and coeffs[-1].is_zero:
        coeffs.pop()
    return LinearRecurrence(tuple(coeffs))


def companionize(matrix) -> LinearRecurrence:
    """The recurrence of u(n) = the last coordinate of the row states r(n) = r(n - 1) S(n) of a k x k
    integer polynomial matrix S (``fmpz_poly`` entries; module doc).

    With c_0 = e_{k-1} and c_{j+1}(n) = S(n) c_j(n + 1) (polynomial column vectors), u(n - 1 + j) =
    r(n - 1) c_j(n). The k + 1 vectors c_0 .. c_k are dependent over Q(n), and when the k x (k + 1)
    matrix C = [c_0 ... c_k] has rank k its kernel is spanned by the signed maximal minors
    alpha_j = (-1)^j det C^(j) (C without column j; Cramer). Each minor is a polynomial of known degree
    bound (the sum of the other columns' degrees), computed exactly by evaluation at that many integer
    points (FLINT ``fmpz_mat.det``) and Newton interpolation (exact fractions). Then
    sum_j alpha_j(n) u(n - 1 + j) = 0, returned in the a_0 u(n) + ... form, common factors removed."""
    from flint import fmpz_mat, fmpz_poly

    k = len(matrix)
    S = [[e if isinstance(e, fmpz_poly) else fmpz_poly([int(c) for c in e.coeffs]) for e in row] for row in matrix]
    n1 = fmpz_poly([1, 1])
    cols = [[fmpz_poly([int(i == k - 1)]) for i in range(k)]]
    for _ in range(k):
        prev = [e(n1) if e.degree() > 0 else e for e in cols[-1]]
        cols.append([sum((S[i][t] * prev[t] for t in range(1, k)), S[i][0] * prev[0]) for i in range(k)])
    degs = [max(max(e.degree() for e in col), 0) for col in cols]
    if sum(degs) > MAX_COMPANION_DEGREE:
        raise InputError(f"companionize: the recurrence's coefficients would have degree up to {sum(degs)}, above "
                         f"{MAX_COMPANION_DEGREE} (use a smaller fold step or a lower order)")
    alphas = []
    for j in range(k + 1):
        others = [c for i, c in enumerate(cols) if i != j]
        bound = sum(degs[i] for i in range(k + 1) if i != j)
        xs = list(range(bound + 1))
        ys = [int(fmpz_mat(k, k, [others[c][r](x) for r in range(k) for c in range(k)]).det()) for x in xs]
        poly = _interpolate(xs, ys)
        alphas.append(Polynomial(tuple(int(c) for c in poly)) if j % 2 == 0 else
                      Polynomial(tuple(-int(c) for c in poly)))
    if all(a.is_zero for a in alphas):
        raise InputError("companionize: the last coordinate satisfies a recurrence of lower order than the matrix "
                         "size (the minors vanish); give the recurrence by its coefficients")
    # sum_j alpha_j(n) u(n - 1 + j) = 0, j = 0..k; at n' = n - 1 + k: a_i(n') = alpha_{k-i}(n' - k + 1)
    coeffs = [alphas[k - i].shift(1 - k) for i in range(k + 1)]
    while len(coeffs) > 2 and coeffs[-1].is_zero:
        coeffs.pop()
    while len(coeffs) > 2 and coeffs[0].is_zero:  # the newest term is absent: a relation of lower order
        coeffs = coeffs[1:]
        coeffs = [c.shift(1) for c in coeffs]
    return _reduced(coeffs)


def _interpolate(xs, ys) -> list[int]:
    """The coefficients (lowest first) of the polynomial through (xs, ys), by Newton's divided differences
    in exact fractions; its coefficients must be integers (a determinant of integer polynomials)."""
    from fractions import Fraction

    m = len(xs)
    dd = [Fraction(y) for y in ys]
    for level in range(1, m):
        for i in range(m - 1, level - 1, -1):
            dd[i] = (dd[i] - dd[i - 1]) / (xs[i] - xs[i - level])
    # Horner on the Newton form: p = dd[m-1]; p = p (x - xs[i]) + dd[i]
    coeffs = [dd[m - 1]]
    for i in range(m - 2, -1, -1):
        new = [Fraction(0)] * (len(coeffs) + 1)
        for d, c in enumerate(coeffs):
            new[d + 1] += c
            new[d] -= c * xs[i]
        new[0] += dd[i]
        coeffs = new
    if any(c.denominator != 1 for c in coeffs):
        raise ArithmeticError("interpolation of an integer determinant gave a fraction")
    return [int(c) for c in coeffs]
