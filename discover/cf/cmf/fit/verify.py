"""The independent check of ``cf.cmf.fit``: a pair (f, fbar) found by solving the linear conditions is
proven conservative by :func:`verify_ffbar`, which multiplies the two step matrices out with plain
integers (no code shared with the solver in :mod:`.ansatz`)."""

from __future__ import annotations

__all__ = ["verify_ffbar"]


def _eval(p: dict, x: int, y: int) -> int:
    """p(x, y) for a polynomial given as {(i, j): coefficient of x^i y^j}."""
    return sum(c * x**i * y**j for (i, j), c in p.items())


def verify_ffbar(f: dict, fbar: dict) -> bool:
    """Exact proof that Mx(x, y) My(x+1, y) = My(x, y) Mx(x, y+1) for the f, fbar matrices.

    Each entry of the difference is a polynomial of degree <= D = 4 max(deg f, deg fbar) + 2 in x and
    in y; one that vanishes on the (D+1) x (D+1) integer grid is identically zero."""
    deg = max([i + j for (i, j) in f] + [i + j for (i, j) in fbar] + [0])
    D = 4 * deg + 2

    def b(x):
        return _eval(f, x, 0) * _eval(fbar, x, 0) - _eval(f, 0, 0) * _eval(fbar, 0, 0)

    def a(x, y):
        return _eval(f, x, y) - _eval(fbar, x + 1, y)

    def mx(x, y):
        return ((0, b(x)), (1, a(x, y)))

    def my(x, y):
        return ((_eval(fbar, x, y), b(x)), (1, _eval(f, x, y)))

    def mul(A, B):
        return tuple(tuple(sum(A[i][k] * B[k][j] for k in range(2)) for j in range(2)) for i in range(2))

    for x in range(-D // 2, D - D // 2 + 1):
        for y in range(-D // 2, D - D // 2 + 1):
            if mul(mx(x, y), my(x + 1, y)) != mul(my(x, y), mx(x, y + 1)):
                return False
    return True
