"""The independent checks of the solvers (no code shared with the searches that found the answers).

* Euler form: a(n) = h1(n) + h2(n) and b(n) = -h1(n - 1) h2(n) evaluated with Python integers at
  max degree + 2 points (a polynomial identity), and the series value L = h2(0) + h1(0)/S (mpmath
  ``nsum``) against the PCF's exact convergent, to the digits the convergent has;
* f, fbar pairs: proven conservative by :func:`discover.cf.cmf.fit.verify.verify_ffbar` (integer grid),
  and their x-axis PCF at y = 0 compared with (a, b) at integer points;
* coboundary: both sides of h2 V(n) N(n + s) = h1 M(n) V(n + 1) at more integer points than their degree.
"""

from __future__ import annotations

__all__ = ["check_euler_identity", "check_ffbar_axis", "check_coboundary"]


def check_euler_identity(a, b, h1, h2) -> bool:
    """a = h1 + h2 and b(n) = -h1(n - 1) h2(n) as polynomials (``Polynomial`` arguments)."""
    deg = max(a.degree, b.degree, h1.degree + h2.degree, 0) + 2
    return all(a(n) == h1(n) + h2(n) and b(n) == -h1(n - 1) * h2(n) for n in range(-deg, deg + 1))


def check_ffbar_axis(f: dict, fbar: dict, a, b) -> bool:
    """The f, fbar CMF is conservative and its PCF along x at y = 0 is (a, b):
    a(x) = f(x, 0) - fbar(x + 1, 0), b(x) = f fbar(x, 0) - f fbar(0, 0)."""
    from discover.cf.cmf.fit.verify import verify_ffbar

    def at(p, x):
        return sum(c * x ** i for (i, j), c in p.items() if j == 0)

    deg = max([a.degree, b.degree] + [i + j for (i, j) in f] + [i + j for (i, j) in fbar]) * 2 + 2
    for x in range(-deg, deg + 1):
        if at(f, x) - at(fbar, x + 1) != a(x) or at(f, x) * at(fbar, x) - at(f, 0) * at(fbar, 0) != b(x):
            return False
    return verify_ffbar(f, fbar)


def check_coboundary(M, N, cob) -> bool:
    """h2(n) V(n) N(n + s) == h1(n) M(n) V(n + 1) at more integer points than the degree of either side
    (Python integers): True proves the identity. ``M``, ``N``: matrices of ``Polynomial``."""
    from discover.cf.polynomial import Polynomial

    V = [[Polynomial(e) for e in row] for row in cob.V]
    h1, h2 = Polynomial(cob.h1), Polynomial(cob.h2)
    k = len(M)
    deg = (max(e.degree for row in V for e in row) + max(e.degree for row in list(M) + list(N) for e in row)
           + max(h1.degree, h2.degree) + 2)

    def mul(A, B):
        return [[sum(A[i][t] * B[t][j] for t in range(k)) for j in range(k)] for i in range(k)]

    for n in range(-deg, deg + 2):
        Vn = [[e(n) for e in row] for row in V]
        Vn1 = [[e(n + 1) for e in row] for row in V]
        left = [[h2(n) * x for x in row] for row in mul(Vn, [[e(n + cob.shift) for e in row] for row in N])]
        right = [[h1(n) * x for x in row] for row in mul([[e(n) for e in row] for row in M], Vn1)]
        if left != right:
            return False
    return True
