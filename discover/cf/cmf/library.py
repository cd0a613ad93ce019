"""The library of known conservative matrix fields (data), each with its source.

2x2 fields of the Ramanujan Machine (O. David, R. Elimelech, ..., I. Kaminer, "Algorithm-assisted
discovery of an intrinsic order among mathematical constants", PNAS 121 (2024); the same matrices are
in ``ramanujantools.cmf.known_cmfs``):

* ``e``:     Mx = [[1, -y-1], [-1, x+y+2]],  My = [[0, -y-1], [-1, x+y+1]];
* ``pi``:    Mx = [[x, -x], [-y, 2x+y+1]],   My = [[1+y, -x], [-1-y, x+2y+1]];
* ``zeta3``: the f, fbar field with f = x^3 + 2x^2 y + 2x y^2 + y^3, fbar = -x^3 + 2x^2 y - 2x y^2 + y^3
  (Mx = [[0, -x^3], [(x+1)^3, x^3 + (x+1)^3 + 2y(y-1)(2x+1)]], My = [[fbar, -x^3], [x^3, f]]); its
  diagonal is Apery's continued fraction for zeta(3).

Parametric fields of ramanujantools (``cmf1``, ``cmf2``, ``cmf3_1``..``cmf3_3``: f, fbar pairs with
free parameters c0..c3; ``var_root``): the same matrices, with the parameters declared; a walk binds
them (``--param``).

Hypergeometric fields (:mod:`discover.cf.cmf.hypergeometric`, built from the contiguous relations):

* ``2F1``: 2F1(x0, x1; y0; -1) in three variables (2F1(1, 1; 2; z) = -log(1 - z)/z: limits in log 2);
* ``3F2``: 3F2(x0, x1, 1; y0, 2; -1) in three variables (3F2(1, 1, 1; 2, 2; z) = Li2(z)/z: limits in
  zeta(2) and log 2);
* the family ``pFq:P,Q,Z``: every parameter an axis, any p, q <= 5 and rational z;
* the family ``meijerg:M,N,P,Q,Z`` (:mod:`discover.cf.cmf.meijer`).

Lower parameters are axes too: with only the upper ones, integer starts make the second solution of
the contiguous recurrence terminate and every walk has a rational limit.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Callable

from discover.cf.cmf.field import CMF
from discover.cf.cmf.hypergeometric import hypergeometric
from discover.errors import InputError

__all__ = ["LIBRARY", "FAMILIES", "get_cmf", "library_names", "hypergeometric", "ffbar_cmf"]

_PNAS = ("David, Elimelech, ..., Kaminer, 'Algorithm-assisted discovery of an intrinsic order among "
         "mathematical constants', PNAS 121 (2024); ramanujantools.cmf.known_cmfs")


def ffbar_cmf(name: str, f: str, fbar: str, constants=(), source: str = "", description: str = "",
              default_start=None, parameters: tuple[str, ...] = ()) -> CMF:
    """The 2D CMF of the f, fbar construction: Mx = [[0, b(x)], [1, a(x, y)]], My = [[fbar, b], [1, f]]
    with a = f(x, y) - fbar(x+1, y) and b = f fbar(x, 0) - f fbar(0, 0) (f, fbar sympy texts in x, y
    and the ``parameters``)."""
    import sympy

    x, y = sympy.symbols("x y")
    names = {"x": x, "y": y, **{c: sympy.Symbol(c) for c in parameters}}
    F = sympy.sympify(f, locals=names)
    G = sympy.sympify(fbar, locals=names)
    a = sympy.expand(F - G.subs(x, x + 1))
    FG = sympy.expand(F * G)
    b = sympy.expand(FG.subs(y, 0) - FG.subs({x: 0, y: 0}))
    s = sympy.sstr
    return CMF(
        name=name, axes=("x", "y"),
        matrices=((("0", s(b)), ("1", s(a))), ((s(G), s(b)), ("1", s(F)))),
        constants=tuple(constants), source=source, description=description or f"f = {f}, fbar = {fbar}",
        default_start=default_start, parameters=tuple(parameters),
        # the fit compares integer pairs only: a parametric pair is described, not listed as "f"
        notes={"f": f, "fbar": fbar} if not parameters else {"family": "ffbar", "f_text": f, "fbar_text": fbar},
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
    c = hypergeometric(["x0", "x1"], ["y0"], -1, name="2F1", constants=("log2",), factored=True)
    return replace(c, default_start=(1, 1, 2))


def _3f2() -> CMF:
    c = hypergeometric(["x0", "x1", 1], ["y0", 2], -1, name="3F2", constants=("zeta2", "log2"), factored=True)
    return replace(c, default_start=(1, 1, 2))


_RT = "ramanujantools.cmf.known_cmfs (the f, fbar fields of the PNAS 2024 paper, with free parameters)"


def _cmf1() -> CMF:
    return ffbar_cmf("cmf1", "c0 + c1*(x + y)", "c2 + c3*(x - y)", source=_RT, parameters=("c0", "c1", "c2", "c3"),
                     description="f = c0 + c1 (x + y), fbar = c2 + c3 (x - y)")


def _cmf2() -> CMF:
    f = ("(2*c1 + c2)*(c1 + c2) - c3*c0 - c3*((2*c1 + c2)*(x + y) + (c1 + c2)*(2*x + y))"
         " + c3**2*(2*x**2 + 2*x*y + y**2)")
    fbar = "c3*(c0 + c2*x + c1*y) - c3**2*(2*x**2 - 2*x*y + y**2)"
    return ffbar_cmf("cmf2", f, fbar, source=_RT, parameters=("c0", "c1", "c2", "c3"),
                     description="the quadratic f, fbar family with parameters c0..c3")


def _cmf3_1() -> CMF:
    return ffbar_cmf("cmf3_1", "-((c0 + c1*(x + y))*(c0*(x + 2*y) + c1*(x**2 + x*y + y**2)))",
                     "(c0 + c1*(-x + y))*(c0*(x - 2*y) - c1*(x**2 - x*y + y**2))", source=_RT,
                     parameters=("c0", "c1"), description="a cubic f, fbar family with parameters c0, c1")


def _cmf3_2() -> CMF:
    return ffbar_cmf("cmf3_2", "-(x + y)*(c0**2 + 2*c1**2*(x**2 + x*y + y**2))",
                     "(x - y)*(c0**2 + 2*c1**2*(x**2 - x*y + y**2))", source=_RT, parameters=("c0", "c1"),
                     description="a cubic f, fbar family with parameters c0, c1 (c0 = 0, c1 = 1: zeta(3))")


def _cmf3_3() -> CMF:
    return ffbar_cmf("cmf3_3", "(x + y)*(c0**2 - c0*c1*(x - y) - 2*c1**2*(x**2 + x*y + y**2))",
                     "(c0 + c1*(x - y))*(3*c0*(x - y) + 2*c1*(x**2 - x*y + y**2))", source=_RT,
                     parameters=("c0", "c1"), description="a cubic f, fbar family with parameters c0, c1")


def _var_root() -> CMF:
    # Y = 2y - c2; b(x, y) = -x (x + c0)(x + c1)(2x + Y); a(x) = (2x + c1 + 1)(2x + c0 + 1) - x(x + 1);
    # Mx = [[0, b], [1, a]], My = [[G, b], [1, F]] (not an f, fbar field: b depends on y)
    Y = "(2*y - c2)"
    b = f"-x*(x + c0)*(x + c1)*(2*x + {Y})"
    a = "(2*x + c1 + 1)*(2*x + c0 + 1) - x*(x + 1)"
    F = f"x**2 + x*({Y} + 1) + ({Y} + 1 - c1)*({Y} + 1 - c0)"
    G = f"-({Y} + 2*x)*(x + c1 + c0 - ({Y} + 1))"
    return CMF("var_root", ("x", "y"), ((("0", b), ("1", a)), ((G, b), ("1", F))), source=_RT,
               description="the variable-root field (x = c2/2 - y is a root of b)", parameters=("c0", "c1", "c2"))


LIBRARY: dict[str, Callable[[], CMF]] = {
    "e": _e,
    "pi": _pi,
    "zeta3": _zeta3,
    "2F1": _2f1,
    "3F2": _3f2,
    "cmf1": _cmf1,
    "cmf2": _cmf2,
    "cmf3_1": _cmf3_1,
    "cmf3_2": _cmf3_2,
    "cmf3_3": _cmf3_3,
    "var_root": _var_root,
}

# Families named with their arguments: ``pFq:P,Q,Z`` and ``meijerg:M,N,P,Q,Z``.
FAMILIES = {"pfq": "pFq:P,Q,Z (e.g. pFq:3,2,1: 3F2 at z = 1)",
            "meijerg": "meijerg:M,N,P,Q,Z (e.g. meijerg:1,1,2,2,-1)"}


def library_names() -> list[str]:
    return list(LIBRARY)


@lru_cache(maxsize=64)
def get_cmf(name: str) -> CMF:
    """A library CMF by name (case-insensitive), or a family member such as ``pFq:3,2,1``; InputError
    listing the names otherwise."""
    text = str(name).strip()
    family, _, args = text.partition(":")
    if args and family.lower() == "pfq":
        from discover.cf.cmf.hypergeometric import parse_family_args, pfq_cmf

        p, q, z = parse_family_args(args, 3, f"CMF {text!r}")
        if not (p.isdigit() and q.isdigit()):
            raise InputError(f"CMF {text!r}: p and q must be small non-negative integers")
        return pfq_cmf(int(p), int(q), z)
    if args and family.lower() == "meijerg":
        from discover.cf.cmf.hypergeometric import parse_family_args
        from discover.cf.cmf.meijer import meijer_cmf

        m, n, p, q, z = parse_family_args(args, 5, f"CMF {text!r}")
        if not all(v.isdigit() for v in (m, n, p, q)):
            raise InputError(f"CMF {text!r}: m, n, p and q must be small non-negative integers")
        return meijer_cmf(int(m), int(n), int(p), int(q), z)
    key = {k.lower(): k for k in LIBRARY}.get(text.lower())
    if key is None:
        raise InputError(f"unknown CMF {name!r} (known: {', '.join(LIBRARY)}; families: "
                         f"{'; '.join(FAMILIES.values())})")
    return LIBRARY[key]()
