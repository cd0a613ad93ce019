"""Exact products of integer polynomial matrices: the walk M(start) M(start+1) ... M(stop).

Definition. ``matrix`` is a square k x k matrix whose entries are integer polynomials in one variable n
(given as :class:`~discover.cf.polynomial.Polynomial`, FLINT ``fmpz_poly``, ints, or coefficient
tuples, lowest degree first). :func:`walk` returns the exact integer matrix

    W(start, stop) = M(start) * M(start + 1) * ... * M(stop)        (ordinary left-to-right product)

as a FLINT ``fmpz_mat``; the empty product (``stop < start``) is the identity. For a PCF with
M(n) = [[0, b(n)], [1, a(n)]] this gives the convergents (see :mod:`discover.cf.pcf`); a
conservative-matrix-field walk along a trajectory reduces to the same product once the trajectory is
substituted (so the CMF code reuses this module unchanged).

Algorithm (all arithmetic in FLINT, no Python loop over n at large depth):

1. *Baby steps*: for a block length B (a power of two), the polynomial matrix
   P_B(x) = M(x) M(x+1) ... M(x+B-1) is built by doubling, P_2j(x) = P_j(x) * P_j(x + j), with
   ``fmpz_poly`` arithmetic (log2 B polynomial-matrix products and Taylor shifts).
2. *Giant steps*: P_B is evaluated at x = start, start + B, start + 2B, ... (each entry one FLINT
   Horner evaluation), giving ceil(count / B) integer matrices; a remainder shorter than B is evaluated
   leaf by leaf.
3. *Binary splitting*: the integer matrices are multiplied as a balanced product tree, so the two
   factors of every product have about the same size and FLINT's fast multiplication does the work.

The cost is dominated by the top levels of the tree (a few multiplications of the final size), i.e. it
is quasi-linear in the bit size of the result, and the number of Python-level operations is
about 4 k^2 count / B instead of count.
"""

from __future__ import annotations

from typing import Sequence

__all__ = ["as_poly_matrix", "walk", "walk_vector", "product_tree", "evaluate", "block_length", "estimate_walk_bits"]


def _to_fmpz_poly(entry):
    from flint import fmpz, fmpz_poly

    from discover.cf.polynomial import Polynomial

    if isinstance(entry, fmpz_poly):
        return entry
    if isinstance(entry, Polynomial):
        return fmpz_poly(list(entry.coeffs))
    if isinstance(entry, (int, fmpz)):
        return fmpz_poly([entry])
    if isinstance(entry, (tuple, list)):
        return fmpz_poly(list(entry))
    raise TypeError(f"matrix entry must be an integer polynomial, got {type(entry).__name__}")


def as_poly_matrix(matrix: Sequence[Sequence]) -> list[list]:
    """The matrix with every entry converted to ``fmpz_poly``; checks that it is square."""
    rows = [[_to_fmpz_poly(e) for e in row] for row in matrix]
    k = len(rows)
    if k == 0 or any(len(r) != k for r in rows):
        raise ValueError("walk needs a non-empty square matrix")
    return rows


def evaluate(poly_matrix: list[list], n: int):
    """M(n) as an ``fmpz_mat`` (exact)."""
    from flint import fmpz_mat

    k = len(poly_matrix)
    return fmpz_mat(k, k, [e(n) for row in poly_matrix for e in row])


def _poly_matmul(A: list[list], B: list[list]) -> list[list]:
    k = len(A)
    out = []
    for i in range(k):
        row = []
        for j in range(k):
            acc = A[i][0] * B[0][j]
            for t in range(1, k):
                acc += A[i][t] * B[t][j]
            row.append(acc)
        out.append(row)
    return out


def _poly_shift(A: list[list], j: int) -> list[list]:
    """Entries p(x) -> p(x + j)."""
    from flint import fmpz_poly

    s = fmpz_poly([j, 1])
    return [[e(s) if e.degree() > 0 else e for e in row] for row in A]


def block_polynomial(poly_matrix: list[list], length: int) -> list[list]:
    """P(x) = M(x) M(x+1) ... M(x+length-1) as a matrix of ``fmpz_poly``; ``length`` a power of two."""
    if length < 1 or length & (length - 1):
        raise ValueError("block length must be a power of two")
    P = poly_matrix
    j = 1
    while j < length:
        P = _poly_matmul(P, _poly_shift(P, j))
        j *= 2
    return P


def product_tree(mats: list):
    """Balanced product mats[0] * mats[1] * ... * mats[-1] (binary splitting); ``mats`` non-empty.

    The range is halved recursively, so the two factors of every product cover the same number of
    steps (and so have about the same size, which is what fast multiplication wants)."""
    if not mats:
        raise ValueError("product_tree needs at least one matrix")

    def rec(lo: int, hi: int):
        if hi - lo == 1:
            return mats[lo]
        if hi - lo == 2:
            return mats[lo] * mats[lo + 1]
        mid = (lo + hi) // 2
        return _mul(rec(lo, mid), rec(mid, hi))

    return rec(0, len(mats))


# Above this entry size (bits) a 2 x 2 product uses Winograd's 7 multiplications instead of 8.
WINOGRAD_BITS = 30000


def _mul(A, B):
    """A * B; for 2 x 2 matrices with large entries, the Strassen-Winograd scheme (7 products, 15
    additions), which saves about 1/8 of the time where the big multiplications dominate."""
    if A.nrows() != 2 or B.ncols() != 2 or A[1, 1].bit_length() < WINOGRAD_BITS:
        return A * B
    from flint import fmpz_mat

    a, b, c, d = A[0, 0], A[0, 1], A[1, 0], A[1, 1]
    e, f, g, h = B[0, 0], B[0, 1], B[1, 0], B[1, 1]
    s1 = c + d
    s2 = s1 - a
    s3 = a - c
    s4 = b - s2
    t1 = f - e
    t2 = h - t1
    t3 = h - f
    t4 = t2 - g
    m1 = a * e
    m2 = b * g
    m3 = s4 * h
    m4 = d * t4
    m5 = s1 * t1
    m6 = s2 * t2
    m7 = s3 * t3
    u2 = m1 + m6
    u3 = u2 + m7
    u4 = u2 + m5
    return fmpz_mat(2, 2, [m1 + m2, u4 + m3, u3 - m4, u3 + m5])


def block_length(count: int, max_degree: int) -> int:
    """Block length B used for ``count`` steps of a matrix whose entries have degree <= max_degree.

    B = 1 (leaf by leaf) for short walks; otherwise 8 or 16: measured on Apery's zeta(3) matrix, longer
    blocks make the polynomial build and the Horner evaluations cost more than the Python calls saved.
    """
    if count < 128:
        return 1
    if max_degree >= 8:
        return 8
    return 16


def _leaves(matrix: Sequence[Sequence], start: int, stop: int, block: int | None):
    """The integer matrices whose ordered product is W(start, stop): giant-step block values, then the
    remainder leaf by leaf (see the module doc). Empty when stop < start."""
    from flint import fmpz_mat

    P1 = as_poly_matrix(matrix)
    k = len(P1)
    count = stop - start + 1
    if count <= 0:
        return k, []
    max_deg = max(e.degree() for row in P1 for e in row)
    B = block if block is not None else block_length(count, max(max_deg, 0))
    mats = []
    n = start
    if B > 1:
        PB = block_polynomial(P1, B)
        flat = [e for row in PB for e in row]
        while n + B - 1 <= stop:
            mats.append(fmpz_mat(k, k, [e(n) for e in flat]))
            n += B
    while n <= stop:
        mats.append(evaluate(P1, n))
        n += 1
    return k, mats


def walk(matrix: Sequence[Sequence], start: int, stop: int, block: int | None = None):
    """Exact W(start, stop) = M(start) M(start+1) ... M(stop) as an ``fmpz_mat`` (see module doc).

    ``block`` forces the block length (a power of two; 1 means leaf by leaf); by default
    :func:`block_length` chooses it.
    """
    from flint import fmpz_mat

    k, mats = _leaves(matrix, start, stop, block)
    if not mats:
        return fmpz_mat(k, k, [1 if i == j else 0 for i in range(k) for j in range(k)])
    return product_tree(mats)


def walk_vector(matrix: Sequence[Sequence], start: int, stop: int, vector: Sequence[int],
                block: int | None = None):
    """Exact W(start, stop) * v (a column ``fmpz_mat``), without forming W: the product tree is split as
    W v = W_left (W_right v), recursively on the right, so the largest products are matrix-vector
    products (k^2 multiplications instead of k^3 at the top of the tree)."""
    from flint import fmpz_mat

    k, mats = _leaves(matrix, start, stop, block)
    v = fmpz_mat(k, 1, [int(x) for x in vector])
    if not mats:
        return v

    def full(lo: int, hi: int):
        if hi - lo == 1:
            return mats[lo]
        mid = (lo + hi) // 2
        return _mul(full(lo, mid), full(mid, hi))

    def vec(lo: int, hi: int, w):
        if hi - lo == 1:
            return mats[lo] * w
        mid = (lo + hi) // 2
        return full(lo, mid) * vec(mid, hi, w)

    return vec(0, len(mats), v)


def estimate_walk_bits(matrix: Sequence[Sequence], start: int, stop: int) -> float:
    """An upper bound on the bit size of the entries of W(start, stop), computed before the walk (to refuse
    walks whose integers would be too large to multiply quickly).

    Every entry of a product is at most its max-row-sum norm, which is submultiplicative:
    ||W|| <= prod_n ||M(n)||, and ||M(n)|| <= max_i sum_j |M_ij|(N) for |n| <= N, where |p| is p with
    its coefficients replaced by their absolute values. So log2 |W_ij| <= count * log2 max_i sum_j
    |M_ij|(N) with N = max(|start|, |stop|)."""
    from flint import fmpz_poly

    rows = as_poly_matrix(matrix)
    count = stop - start + 1
    if count <= 0:
        return 1.0
    top = max(abs(start), abs(stop))
    norm = max(sum(int(fmpz_poly([abs(int(c)) for c in e.coeffs()])(top)) if not e.is_zero() else 0 for e in row)
               for row in rows)
    from discover.cf.bigint import log10_abs

    return count * max(1.0, log10_abs(max(norm, 2)) / 0.30103) + 64.0
