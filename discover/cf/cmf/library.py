"""The library of known conservative matrix fields (data), each with its source.

2x2 fields of the Ramanujan Machine (O. David, R. Elimelech, ..., I. Kaminer, "Algorithm-assisted
discovery of an intrinsic order among mathematical constants", PNAS 121 (2024); the same matrices are
in ``ramanujantools.cmf.known_cmfs``):

* ``e``:     Mx = [[1, -y-1], [-1, x+y+2]],  My = [[0, -y-1], [-1, x+y+1]];
* ``pi``:    Mx = [[x, -x], [-y, 2x+y+1]],   My = [[1+y, -x], [-1-y, x+2y+1]];
* ``zeta3``: the f, fbar field with f = x^3 + 2x^2 y + 2x y^2 + y^3, fbar = -x^3 + 2x^2 y - 2x y^2 + y^3
  (Mx = [[0, -x^3], [(x+1)^3, x^3 + (x+1)^3 + 2y(y-1)(2x+1)]], My = [[fbar, -x^3], [x^3, f]]); its
  diagonal is Apery's continued fraction for zeta(3).

Hypergeometric fields (built here from the contiguous relations, not copied): for
F(a) = pFq(a_1..a_p; b_1..b_q; z) with q = p - 1 and theta = z d/dz, the vector v = (F, theta F, ...,
theta^(p-1) F) satisfies v(a + e_i) = (I + T(a)/a_i) v(a), where T is the companion matrix of theta
from the differential equation theta prod_j (theta + b_j - 1) F = z prod_i (theta + a_i) F. The shifts
in different a_i commute, so M_i = (I + T/a_i)^T (transposed: walks multiply row vectors on the left)
is a CMF in the p upper parameters; b and z are fixed numbers. Library entries:

* ``2F1``: 2F1(x0, x1; y0; -1) in three variables (2F1(1, 1; 2; z) = -log(1 - z)/z: limits in log 2);
* ``3F2``: 3F2(x0, x1, 1; y0, 2; -1) in three variables (3F2(1, 1, 1; 2, 2; z) = Li2(z)/z: limits in
  zeta(2) and log 2).

Lower parameters are axes too: with only the upper ones, integer starts make the second solution of
the contiguous recurrence terminate and every walk has a rational limit.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from functools import lru_cache
from typing import Callable, Sequence

from discover.cf.cmf.field import CMF
from discover.errors import InputError

__all__ = ["LIBRARY", "get_cmf", "library_names", "hypergeometric", "ffbar_cmf"]

_PNAS = ("David, Elimelech, ..., Kaminer, 'Algorithm-assisted discovery of an intrinsic order among "
         "mathematical constants', PNAS 121 (2024); ramanujantools.cmf.known_cmfs")


def ffbar_cmf(name: str, f: str, fbar: str, constants=(), source: str = "", description: str = "",
              default_start=None) -> CMF:
    """The 2D CMF of the f, fbar construction: Mx = [[0, b(x)], [1, a(x, y)]], My = [[fbar, b], [1, f]]
    with a = f(x, y) - fbar(x+1, y) and b = f fbar(x, 0) - f fbar(0, 0) (f, fbar sympy texts in x, y)."""
    import sympy

    x, y = sympy.symbols("x y")
    F = sympy.sympify(f, locals={"x": x, "y": y})
    G = sympy.sympify(fbar, locals={"x": x, "y": y})
    a = sympy.expand(F - G.subs(x, x + 1))
    FG = sympy.expand(F * G)
    b = sympy.expand(FG.subs(y, 0) - FG.subs({x: 0, y: 0}))
    s = sympy.sstr
    return CMF(
        name=name, axes=("x", "y"),
        matrices=((("0", s(b)), ("1", s(a))), ((s(G), s(b)), ("1", s(F)))),
        constants=tuple(constants), source=source, description=description or f"f = {f}, fbar = {fbar}",
        default_start=default_start, notes={"f": f, "fbar": fbar},
    )


def hypergeometric(upper: Sequence, lower: Sequence, z, name: str | None = None, constants=()) -> CMF:
    """The CMF of pFq(upper; lower; z) (q = p - 1) whose axes are the parameters given as names.

    ``upper`` and ``lower`` mix axis names (``"x0"``) and fixed rational numbers; ``z`` is a rational
    number other than 0 and 1. With T the theta-companion matrix (module doc), a step a_i -> a_i + 1 is
    v -> (I + T/a_i) v and a step b_j -> b_j + 1 is v -> (I + T(b + e_j)/b_j)^(-1) v (from
    F(b_j - 1) = (1 + theta/(b_j - 1)) F); the CMF matrices are their transposes."""
    import sympy

    p = len(upper)
    if p < 2 or len(lower) != p - 1:
        raise InputError(f"hypergeometric CMF: need p >= 2 upper and p - 1 lower parameters, got {list(upper)}; {list(lower)}")
    zq = sympy.Rational(str(Fraction(str(z))))
    if zq in (0, 1):
        raise InputError("hypergeometric CMF: z must differ from 0 and 1")

    def param(v):
        if isinstance(v, str) and v.isidentifier():
            return sympy.Symbol(v)
        return sympy.Rational(str(Fraction(str(v))))

    As = [param(v) for v in upper]
    Bs = [param(v) for v in lower]
    t = sympy.Symbol("t")
    lhs = t
    for b in Bs:
        lhs *= t + b - 1
    rhs = zq
    for a in As:
        rhs *= t + a
    coeffs = sympy.Poly(sympy.expand(lhs - rhs), t).all_coeffs()[::-1]  # c_0 .. c_p, c_p = 1 - z
    T = sympy.zeros(p, p)
    for r in range(p - 1):
        T[r, r + 1] = 1
    for k in range(p):
        T[p - 1, k] = sympy.cancel(-coeffs[k] / coeffs[p])
    axes, mats = [], []
    for a in As:
        if isinstance(a, sympy.Symbol):
            axes.append(str(a))
            mats.append((sympy.eye(p) + T / a).T)
    for b in Bs:
        if isinstance(b, sympy.Symbol):
            axes.append(str(b))
            mats.append(((sympy.eye(p) + T.subs(b, b + 1) / b).inv()).T)
    if not axes:
        raise InputError("hypergeometric CMF: give at least one parameter as an axis name")
    text = [tuple(tuple(sympy.sstr(sympy.factor(sympy.cancel(M[r, c]))) for c in range(p)) for r in range(p))
            for M in mats]
    tag = name or f"{p}F{p - 1}"
    fmt = lambda vs: ", ".join(map(str, vs))  # noqa: E731
    return CMF(
        name=tag, axes=tuple(axes), matrices=tuple(text), constants=tuple(constants),
        source="contiguous relations of the hypergeometric function (theta-operator companion matrix)",
        description=f"{p}F{p - 1}({fmt(As)}; {fmt(Bs)}; {zq})",
        default_start=None,
    )


def _e() -> CMF:
    return CMF("e", ("x", "y"),
               ((("1", "-y - 1"), ("-1", "x + y + 2")), (("0", "-y - 1"), ("-1", "x + y + 1"))),
               constants=("e",), source=_PNAS, description="the e CMF: walks give Moebius forms of e",
               default_start=(0, 0))


def _pi() -> CMF:
    return CMF("pi", ("x", "y"),
               ((("x", "-x"), ("-y", "2*x + y + 1")), (("1 + y", "-x"), ("-1 - y", "x + 2*y + 1"))),
               constants=("pi",), source=_PNAS, description="the pi CMF: walks give Moebius forms of pi",
               default_start=(1, 0))


def _zeta3() -> CMF:
    f = "x**3 + 2*x**2*y + 2*x*y**2 + y**3"
    fbar = "-x**3 + 2*x**2*y - 2*x*y**2 + y**3"
    return CMF("zeta3", ("x", "y"),
               ((("0", "-x**3"), ("(x + 1)**3", "x**3 + (x + 1)**3 + 2*y*(y - 1)*(2*x + 1)")),
                ((fbar, "-x**3"), ("x**3", f))),
               constants=("zeta3",), source=_PNAS + "; Apery (1979) on the diagonal",
               description="the zeta(3) CMF (f, fbar cubic): the diagonal is Apery's continued fraction",
               default_start=(1, 1), notes={"f": f, "fbar": fbar})


def _2f1() -> CMF:
    c = hypergeometric(["x0", "x1"], ["y0"], -1, name="2F1", constants=("log2",))
    return replace(c, default_start=(1, 1, 2))


def _3f2() -> CMF:
    c = hypergeometric(["x0", "x1", 1], ["y0", 2], -1, name="3F2", constants=("zeta2", "log2"))
    return replace(c, default_start=(1, 1, 2))


LIBRARY: dict[str, Callable[[], CMF]] = {
    "e": _e,
    "pi": _pi,
    "zeta3": _zeta3,
    "2F1": _2f1,
    "3F2": _3f2,
}


def library_names() -> list[str]:
    return list(LIBRARY)


@lru_cache(maxsize=None)
def get_cmf(name: str) -> CMF:
    """A library CMF by name (case-insensitive); InputError listing the names otherwise."""
    key = {k.lower(): k for k in LIBRARY}.get(str(name).strip().lower())
    if key is None:
        raise InputError(f"unknown CMF {name!r} (known: {', '.join(LIBRARY)})")
    return LIBRARY[key]()
