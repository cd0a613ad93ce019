"""Structured polynomial domains for ``cf search --domain``: the symmetric families of the Ramanujan Machine.

Definition. For a degree d >= 1 the *symmetric family* of degree d is the set of PCFs

    a(n) = p(n) + p(n + 1),  p(n) = x_0 n + x_1 n^3 + ... + x_k n^d   (d odd: p an odd polynomial),
    a(n) = x_0 + x_1 n(n+1) + ... + x_k (n(n+1))^(d/2)                 (d even),
    b(n) = -c n^(2d),

with integer parameters x_0 .. x_k (k = floor(d/2)) and c. For odd d, a(n) is antisymmetric under
n -> -1 - n (a(-1-n) = -a(n)); for even d it is symmetric (a(-1-n) = a(n)); and these are all such
integer polynomials of degree <= d: an antisymmetric one is (2n+1) r(n(n+1)), a symmetric one r(n(n+1))
with r integral (Gauss's lemma; n(n+1) is monic), and the odd-p basis n^(2j+1) + (n+1)^(2j+1) =
(2n+1) ((n(n+1))^j + lower terms) is unitriangular in the basis (2n+1)(n(n+1))^j. The degree balance
deg b = 2 deg a is the one of Apery's fraction; the fraction converges when 4c <= (2 x_k)^2 (the
Worpitzky-type condition of the balanced case, cited in the Ramanujan Machine's domains).

Named domains (facts from the Ramanujan Machine repository, github.com/RamanujanMachine/RamanujanMachine,
``ramanujan/poly_domains``):

* ``zeta3`` (d = 3; its Zeta3Domain2: a(n) = x0 (n^3 + (n+1)^3) + x1 (2n + 1), b(n) = -x2^2 n^6; here
  c is any integer, not only a square). Apery: p(n) = 17 n^3 - 12 n, c = 1 gives
  PCF(34n^3+51n^2+27n+5, -n^6) = 6/zeta(3).
* ``zeta5`` (d = 5; its Zeta5Domain has a(n) = x0 (n^5 + (n+1)^5) + x1 n^3 + x2 n^2 + x3 n + x4,
  b(n) = x5 n^10; the antisymmetric sub-family is searched here). p(n) = n^5 + 6 n^3 - 4 n, c = 1 gives
  2/(1 - 2 zeta(3) + 2 zeta(5)), a relation of two constants, so the domain matches combined forms of
  zeta(3) and zeta(5) by default.
* ``catalan`` (d = 2; the Catalan PCF PCF(3n^2+3n+1, -2n^4) = 1/(2 G) of Raayoni et al., Nature 590
  (2021), is x = (1, 3), c = 2; the Ramanujan Machine's CatalanDomain fixes b(n) = x0 (2n-1)^4 +
  x1 (2n-1)^3 with a free cubic a(n), a different family).
* ``symmetric:D`` for any 1 <= D <= 8.
* ``zeta3-product``, the Ramanujan Machine's Zeta3Domain1, not a linear family: a(n) = (x0 n + x1)
  (x2 n(n+1) + x3), b(n) = -c n^6 (its b(n) = x4 n^6). Apery's fraction is x = (2, 1, 17, 5), c = 1:
  (2n + 1)(17 n(n+1) + 5) = 34n^3+51n^2+27n+5. Its a(n) is antisymmetric when x1 = x0 / 2 only, so it
  also holds fractions outside the zeta3 family.

* ``factored:A,B`` (1 <= A <= 4, 1 <= B <= 8), not a symmetric family: a(n) = x_0 + x_1 n + ... + x_A n^A
  any integer polynomial, and b(n) = -c f_1(n) ... f_B(n) a product of B linear factors taken (with
  repetition, as a multiset) from :data:`LINEAR_FACTORS`: n, n+1, n+2, n+3, 2n-1, 2n+1, 2n+3. These are
  the factors of the b(n) of the published fractions (n^4 and n^6 of Apery's, (2n-1)^2 n^2 and the like of
  Catalan's and pi's); none vanishes at an n >= 1, so no fraction of the domain terminates. A box with
  the same b(n) needs coefficients up to 3^B and holds them among (2 * 3^B + 1)^(B+1) others.
  PCF(4n+2, n^4) = 2/(3 zeta(2) - 4) is x = (2, 4), b = n n n n, c = -1.

Candidates are numbered in mixed radix over (x_0, ..., x_k, c), x_0 fastest (:func:`family_rows`; for
``factored`` over (x_0, ..., x_A, the multiset's rank, c)), so a shard is an index range as in the box
search. Each x_j has its own range, or one range serves all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import comb

from discover.errors import InputError

__all__ = ["Family", "NAMED", "MAX_FAMILY_DEGREE", "LINEAR_FACTORS", "get_family", "family_rows", "factor_products"]

MAX_FAMILY_DEGREE = 8
MAX_FACTORED_A_DEGREE = 4
# (leading coefficient, constant term) of the linear factors of a factored domain's b(n) (module doc)
LINEAR_FACTORS = ((1, 0), (1, 1), (1, 2), (1, 3), (2, -1), (2, 1), (2, 3))


@dataclass(frozen=True)
class Family:
    """A named symmetric family: its degree d, the constants it is searched against by default and
    whether their forms are combined (one form over all of them)."""

    name: str
    degree: int
    constants: tuple[str, ...]
    combine: bool
    source: str
    product: bool = False   # the factored zeta3 domain (module doc), not a linear family
    b_factors: int = 0      # factored:A,B (module doc): B linear factors in b(n); ``degree`` is A

    @property
    def parameters(self) -> int:
        """k + 1 polynomial parameters (c apart); 4 for the zeta3-product domain; A + 1 for factored:A,B."""
        if self.b_factors:
            return self.degree + 1
        return 4 if self.product else self.degree // 2 + 1

    @property
    def a_degree(self) -> int:
        return self.degree

    @property
    def b_degree(self) -> int:
        return self.b_factors or 2 * self.degree

    @property
    def multisets(self) -> int:
        """The number of products of b(n) (factored:A,B): multisets of B of the linear factors; else 1."""
        return len(factor_products(self.b_factors)) if self.b_factors else 1

    def basis(self) -> tuple[tuple[int, ...], ...]:
        """The a(n) of each unit parameter x_j, as coefficient tuples (lowest degree first, length d+1)."""
        return _basis(self.degree)

NAMED = {
    "zeta3": Family("zeta3", 3, ("zeta3",), False, "Ramanujan Machine Zeta3Domain2 (b = -c n^6 for any c)"),
    "zeta5": Family("zeta5", 5, ("zeta3", "zeta5"), True, "Ramanujan Machine Zeta5Domain, antisymmetric part"),
    "catalan": Family("catalan", 2, ("catalan",), False, "symmetric degree-2 family of the Catalan PCF"),
    "zeta3-product": Family("zeta3-product", 3, ("zeta3",), False, "Ramanujan Machine Zeta3Domain1", product=True),
}


def get_family(text: str) -> Family:
    """``zeta3``, ``zeta5``, ``catalan``, ``zeta3-product`` or ``symmetric:D`` (1 <= D <= 8); InputError
    otherwise."""
    t = str(text).strip().lower()
    if t in NAMED:
        return NAMED[t]
    if t.startswith("factored:"):
        try:
            da, db = (int(x) for x in t.split(":", 1)[1].split(","))
        except ValueError:
            da = db = -1
        if not (1 <= da <= MAX_FACTORED_A_DEGREE and 1 <= db <= MAX_FAMILY_DEGREE):
            raise InputError(f"--domain {text!r}: factored:A,B needs integers 1 <= A <= {MAX_FACTORED_A_DEGREE} "
                             f"(degree of a) and 1 <= B <= {MAX_FAMILY_DEGREE} (linear factors of b)")
        return Family(f"factored:{da},{db}", da, (), False, "a(n) any polynomial, b(n) = -c times a product of "
                      "linear factors", b_factors=db)
    if t.startswith("symmetric:"):
        try:
            d = int(t.split(":", 1)[1])
        except ValueError:
            d = -1
        if not 1 <= d <= MAX_FAMILY_DEGREE:
            raise InputError(f"--domain {text!r}: the degree D of symmetric:D must be an integer between 1 and "
                             f"{MAX_FAMILY_DEGREE}")
        return Family(f"symmetric:{d}", d, (), False, "symmetric family of degree D")
    raise InputError(f"--domain {text!r}: unknown domain; use zeta3, zeta5, catalan, zeta3-product, symmetric:D "
                     "(D = 1..8) or factored:A,B")


@lru_cache(maxsize=16)
def _basis(d: int) -> tuple[tuple[int, ...], ...]:
    out = []
    for j in range(d // 2 + 1):
        coeffs = [0] * (d + 1)
        if d % 2:
            e = 2 * j + 1   # n^e + (n+1)^e
            coeffs[e] += 1
            for i in range(e + 1):
                coeffs[i] += comb(e, i)
        else:
            # (n^2 + n)^j = sum_i C(j, i) n^(2j - i) n^i ... = sum_i C(j, i) n^(j + i)
            for i in range(j + 1):
                coeffs[j + i] += comb(j, i)
        out.append(tuple(coeffs))
    return tuple(out)


@lru_cache(maxsize=16)
def factor_products(count: int) -> tuple[tuple[int, ...], ...]:
    """The coefficient tuples (lowest degree first) of every product of ``count`` linear factors taken
    from :data:`LINEAR_FACTORS` with repetition, in the order of their nondecreasing index tuples."""
    from itertools import combinations_with_replacement

    from flint import fmpz_poly

    out = []
    for choice in combinations_with_replacement(range(len(LINEAR_FACTORS)), count):
        poly = fmpz_poly([1])
        for i in choice:
            lead, const = LINEAR_FACTORS[i]
            poly *= fmpz_poly([const, lead])
        out.append(tuple(int(c) for c in poly.coeffs()))
    return tuple(out)


def family_rows(family: Family, x_ranges, c_range: tuple[int, int], first: int, count: int):
    """The coefficient rows of candidates [first, first + count): int64 arrays A (count, d+1) and
    B (count, 2d+1) (for factored:A,B: (count, A+1) and (count, B+1)), lowest degree first (vectorised:
    mixed-radix digits, x_0 fastest, then c; then one matrix product, or for factored:A,B a row of the
    table of products). ``x_ranges``: one (lo, hi) for every parameter, or a single (lo, hi) for all."""
    import numpy as np

    k1 = family.parameters
    ranges = [tuple(x_ranges)] * k1 if isinstance(x_ranges[0], int) else [tuple(r) for r in x_ranges]
    idx = np.arange(first, first + count, dtype=np.int64)
    X = np.empty((count, k1), dtype=np.int64)
    for j, (lo, hi) in enumerate(ranges):
        X[:, j] = lo + idx % (hi - lo + 1)
        idx //= hi - lo + 1
    if family.b_factors:
        products = np.array(factor_products(family.b_factors), dtype=np.int64)
        rank = idx % len(products)
        c = c_range[0] + idx // len(products)
        return X.copy(), -c[:, None] * products[rank]
    c = c_range[0] + idx
    if family.product:
        # (x0 n + x1)(x2 n(n+1) + x3) = x1 x3 + (x0 x3 + x1 x2) n + (x0 + x1) x2 n^2 + x0 x2 n^3
        x0, x1, x2, x3 = X.T
        A = np.stack([x1 * x3, x0 * x3 + x1 * x2, (x0 + x1) * x2, x0 * x2], axis=1)
    else:
        A = X @ np.array(family.basis(), dtype=np.int64)   # (count, k1) @ (k1, d+1)
    B = np.zeros((count, family.b_degree + 1), dtype=np.int64)
    B[:, -1] = -c
    return A, B
