"""Is an f, fbar pair a member of one of the library's parametric f, fbar families?

Definition. The library holds f, fbar families with free parameters c = (c0, ..., ck) (ramanujantools'
``cmf1``, ``cmf2``, ``cmf3_1``..``cmf3_3``, the f, fbar fields of the PNAS 2024 paper of the Ramanujan
Machine group). An integer pair (f, fbar) is a *member* of the family (F_c, G_c) when

    lambda f = F_c  and  lambda fbar = G_c        (as polynomials in x, y)

for some parameter values c and some lambda != 0 (complex numbers: the conditions are polynomial). The
scale lambda is allowed because the two conditions of the ansatz are homogeneous in (f, fbar): (lambda f,
lambda fbar) is a pair whenever (f, fbar) is, and its walks are those of (f, fbar) scaled, with limits
scaled by lambda.

Method. The coefficients of x^i y^j on both sides give polynomial equations in c and lambda, solved
exactly with sympy (a handful of unknowns); a family is tried only when its f has the total degree of f.
The first solution found is returned with the parameter values as text.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["library_families", "family_member"]


@lru_cache(maxsize=1)
def library_families() -> tuple:
    """(name, f text, fbar text, parameter names) of every parametric f, fbar family of the library."""
    from discover.cf.cmf.library import LIBRARY, get_cmf

    out = []
    for name in LIBRARY:
        c = get_cmf(name)
        if c.notes.get("family") == "ffbar":
            out.append((name, c.notes["f_text"], c.notes["fbar_text"], tuple(c.parameters)))
    return tuple(out)


def _total_degree(poly) -> int:
    return max(sum(m) for m in poly.monoms()) if not poly.is_zero else -1


@lru_cache(maxsize=1)
def _parsed_families() -> tuple:
    """(name, parameter symbols, F_c, G_c as Polys in x, y, total degree of F_c) of every family, parsed
    once per process (the fit asks about every pair it finds)."""
    import sympy

    x, y = sympy.symbols("x y")
    out = []
    for name, f_text, fbar_text, params in library_families():
        symbols = tuple(sympy.Symbol(p) for p in params)
        locals_ = {"x": x, "y": y, **dict(zip(params, symbols))}
        Fc = sympy.Poly(sympy.sympify(f_text, locals=locals_), x, y)
        Gc = sympy.Poly(sympy.sympify(fbar_text, locals=locals_), x, y)
        out.append((name, symbols, Fc, Gc, _total_degree(Fc)))
    return tuple(out)


def family_member(f: dict, fbar: dict) -> dict | None:
    """{"family", "parameters" (name -> value text), "scale"} when the integer pair (f, fbar)
    ({(i, j): c} coefficient dicts) is a member of a library family (module doc), else None."""
    import sympy

    x, y, lam = sympy.symbols("x y lam")
    F = sympy.Poly(sum((c * x**i * y**j for (i, j), c in f.items()), sympy.Integer(0)), x, y)
    G = sympy.Poly(sum((c * x**i * y**j for (i, j), c in fbar.items()), sympy.Integer(0)), x, y)
    degree = _total_degree(F)
    for name, symbols, Fc, Gc, family_degree in _parsed_families():
        if family_degree != degree:
            continue
        equations = (lam * F - Fc).coeffs() + (lam * G - Gc).coeffs()
        unknowns = list(symbols) + [lam]
        for solution in sympy.solve(equations, unknowns, dict=True):
            values = {u: solution.get(u, u) for u in unknowns}
            # a one-parameter set of solutions (the scale, or a parameter the pair fixes only up to the
            # scale): one point of it, lambda = 1 first, then each parameter still free = 1
            for free in [lam] + unknowns[:-1]:
                if any(v.has(free) for v in values.values()):
                    values = {u: sympy.simplify(v.subs(free, 1)) for u, v in values.items()}
            scale = values[lam]
            if scale == 0 or any(v.has(sympy.nan, sympy.zoo) for v in values.values()):
                continue
            return {"family": name, "parameters": {str(s): str(values[s]) for s in symbols},
                    "scale": str(scale)}
    return None
