"""Unification: the PCF behind a 2x2 CMF trajectory.

PCF of a trajectory. For a 2x2 step matrix S(n) = [[A, B], [C, D]] the rows r_N of the walk
W_N = S(0) ... S(N-1) satisfy r_{N+1} = r_N S(N); their second coordinates y_N (p_N and q_N, the
entries the limit is read from) satisfy

    y_{N+1} = (D_N + A_{N-1} B_N / B_{N-1}) y_N - (B_N det S_{N-1} / B_{N-1}) y_{N-1}.

Multiplying by c_N = B_{N-1} (the PCF equivalence (a_n, b_n) ~ (c_n a_n, c_n c_{n-1} b_n)) gives the
polynomial PCF

    a(n) = B(n-1) D(n) + A(n-1) B(n),      b(n) = -B(n) B(n-2) det S(n-1),

which is then *deflated* (:func:`discover.cf.pcf.deflate`): every polynomial g with g(n) | a(n) and g(n) g(n-1) | b(n) is divided out
(a -> a/g, b -> b/(g(n) g(n-1))). Its limit is a Moebius transform (with rational coefficients) of the
walk's limit. Two PCFs are compared by :meth:`discover.cf.pcf.PCF.canonical` (sign, shift, scaling).

The first column of the walk gives a second PCF the same way, with (A, B, C, D) -> (D, C, B, A); when
the walk converges both columns have the same limiting ratio, and :func:`trajectory_pcfs` returns both,
simplest first (the zeta(3) diagonal gives exactly Apery's 34n^3 + 51n^2 + 27n + 5, -n^6 this way).
"""

from __future__ import annotations

from discover.cf.pcf import deflate
from discover.errors import InputError

__all__ = ["pcf_of_trajectory", "trajectory_pcfs", "trajectory_pcf"]


def _shift(p, k: int):
    """p(n + k) for an fmpz_poly p."""
    from flint import fmpz_poly

    return p(fmpz_poly([k, 1])) if p.degree() > 0 else p


def pcf_of_trajectory(S, column: int = 1):
    """(a, b) as fmpz_poly: the deflated polynomial PCF of a 2x2 step matrix S (see the module doc).

    ``column`` 1 follows the last column of the walk (the entries the limit is read from); ``column`` 0
    follows the first column, whose entries obey the same construction with (A, B, C, D) replaced by
    (D, C, B, A). When the walk converges (the product becomes rank one) both columns have the same
    limiting ratio."""
    if len(S) != 2:
        raise InputError("only 2x2 trajectory matrices have a PCF (this CMF is larger)")
    A, B = S[0][0], S[0][1]
    C, D = S[1][0], S[1][1]
    if column == 0:
        # first coordinates: x_{N+1} = x_N A_N + y_N C_N; same as column 1 with (A, B, C, D) -> (D, C, B, A)
        A, B, C, D = D, C, B, A
    if B.is_zero():
        raise InputError("the trajectory matrix has a zero off-diagonal entry: no continued fraction")
    det = A * D - B * C
    a = _shift(B, -1) * D + _shift(A, -1) * B
    b = -(B * _shift(B, -2) * _shift(det, -1))
    return deflate(a, b)


def trajectory_pcfs(S) -> list[tuple]:
    """The deflated PCFs of both columns (those that exist), simplest first (by degrees, then size)."""
    out = []
    for column in (1, 0):
        try:
            a, b = pcf_of_trajectory(S, column)
        except InputError:
            continue
        if a.is_zero() or b.is_zero():
            continue
        ac = tuple(int(c) for c in a.coeffs())
        bc = tuple(int(c) for c in b.coeffs())
        out.append((ac, bc))
    out.sort(key=lambda ab: (len(ab[0]) + len(ab[1]), sum(abs(c) for c in ab[0] + ab[1])))
    return out


def trajectory_pcf(matrix) -> dict | None:
    """The canonical PCF (a(n), b(n) as text) equivalent to a 2x2 trajectory matrix (the simplest of
    :func:`trajectory_pcfs`), or None for larger matrices or a degenerate step."""
    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    if len(matrix) != 2:
        return None
    pcfs = trajectory_pcfs([list(r) for r in matrix])
    if not pcfs:
        return None
    try:
        ca, cb = PCF(Polynomial(pcfs[0][0]), Polynomial(pcfs[0][1])).canonical()
    except (InputError, ValueError, ZeroDivisionError):
        return None
    return {"a": str(Polynomial(ca)), "b": str(Polynomial(cb))}
