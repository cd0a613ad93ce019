"""The f, fbar ansatz: find 2D CMFs Mx = [[0, b(x)], [1, a(x, y)]], My = [[fbar, b], [1, f]].

Definition (Elimelech et al., PNAS 2024). For polynomials f(x, y), fbar(x, y) put

    a(x, y) = f(x, y) - fbar(x + 1, y),      b(x) = f fbar(x, 0) - f fbar(0, 0).

The pair gives a CMF when

    (linear)     f(x+1, y-1) - fbar(x, y-1) + fbar(x+1, y) - f(x, y) = 0,
    (quadratic)  f fbar(x, y) - f fbar(x, 0) - f fbar(0, y) + f fbar(0, 0) = 0,

i.e. the product f fbar has no mixed monomial x^i y^j (i, j >= 1).

Method. For a *fixed* f both conditions are linear in the coefficients of fbar: the linear one
directly, the quadratic one because the mixed coefficients of f fbar are linear in fbar. So the search
enumerates f (integer coefficients in [-c, c] on the monomials of degree <= d, or of degree exactly d
with ``homogeneous``; first non-zero coefficient positive, content 1) and, for each, solves the exact
linear system for fbar over Q with FLINT (``fmpq_mat.rref``): a unique solution is scaled to integers
(with f); a family is sampled at small integer values of its free parameters. Solutions with b = 0
(a degenerate Mx) are dropped. Every pair found is re-checked symbolically
(:func:`discover.cf.cmf.field.check_conservative`) before it is reported, and its diagonal walk
(trajectory (1, 1) from (1, 1)) is evaluated and identified against the constants.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

__all__ = ["monomials", "solve_fbar", "enumerate_f", "FitSolution", "poly_text", "fit_f", "step_matrix"]


def monomials(degree: int, homogeneous: bool = False) -> list[tuple[int, int]]:
    """Exponents (i, j) of x^i y^j with i + j <= degree (== degree if homogeneous), ordered by total
    degree then by decreasing power of x."""
    out = []
    for total in range(degree, -1, -1) if homogeneous else range(0, degree + 1):
        if homogeneous and total != degree:
            continue
        for i in range(total, -1, -1):
            out.append((i, total - i))
    return out


def _shifted(coeffs: dict, dx: int, dy: int) -> dict:
    """p(x + dx, y + dy) for p = {(i, j): c}."""
    out: dict = {}
    for (i, j), c in coeffs.items():
        if c == 0:
            continue
        for a in range(i + 1):
            ca = math.comb(i, a) * dx ** (i - a)
            if ca == 0:
                continue
            for b in range(j + 1):
                cb = math.comb(j, b) * dy ** (j - b)
                if cb == 0:
                    continue
                out[(a, b)] = out.get((a, b), 0) + c * ca * cb
    return out


def _add(p: dict, q: dict, s: int = 1) -> dict:
    out = dict(p)
    for k, v in q.items():
        out[k] = out.get(k, 0) + s * v
    return out


def solve_fbar(f: dict, degree: int):
    """The fbar (degree <= ``degree``) with (f, fbar) satisfying both conditions, as
    (particular, nullspace basis) with fmpq coefficients on :func:`monomials` (degree); None if none."""
    from flint import fmpq, fmpq_mat

    mons = monomials(degree)
    # linear condition: fbar(x+1, y) - fbar(x, y-1) = f(x, y) - f(x+1, y-1)
    rhs_lin = _add(f, _shifted(f, 1, -1), -1)
    cols_lin = [_add(_shifted({m: 1}, 1, 0), _shifted({m: 1}, 0, -1), -1) for m in mons]
    # quadratic condition: mixed coefficients of f * fbar vanish
    cols_quad = []
    for (i, j) in mons:
        prod = {}
        for (a, b), c in f.items():
            if c:
                prod[(a + i, b + j)] = prod.get((a + i, b + j), 0) + c
        cols_quad.append({k: v for k, v in prod.items() if k[0] >= 1 and k[1] >= 1})
    rows_keys_lin = sorted(set().union(*[set(c) for c in cols_lin], set(rhs_lin)))
    rows_keys_quad = sorted(set().union(*[set(c) for c in cols_quad]))
    n = len(mons)
    rows = []
    for key in rows_keys_lin:
        rows.append([cols_lin[k].get(key, 0) for k in range(n)] + [rhs_lin.get(key, 0)])
    for key in rows_keys_quad:
        rows.append([cols_quad[k].get(key, 0) for k in range(n)] + [0])
    M = fmpq_mat(len(rows), n + 1, [v for r in rows for v in r])
    R, rank = M.rref()
    pivots = []
    for r in range(rank):
        c = next(c for c in range(n + 1) if R[r, c] != 0)
        if c == n:
            return None  # inconsistent
        pivots.append(c)
    free = [c for c in range(n) if c not in pivots]
    part = [fmpq(0)] * n
    for r, c in enumerate(pivots):
        part[c] = R[r, n]
    basis = []
    for fc in free:
        v = [fmpq(0)] * n
        v[fc] = fmpq(1)
        for r, c in enumerate(pivots):
            v[c] = -R[r, fc]
        basis.append(v)
    return mons, part, basis


def enumerate_f(degree: int, bound: int, homogeneous: bool = False):
    """Coefficient dicts of f: integer coefficients in [-bound, bound] on :func:`monomials`, not all
    zero, non-constant, first non-zero coefficient positive, content 1."""
    mons = monomials(degree, homogeneous)
    for coeffs in itertools.product(range(-bound, bound + 1), repeat=len(mons)):
        nz = [c for c in coeffs if c]
        if not nz or nz[0] < 0:
            continue
        g = 0
        for c in nz:
            g = math.gcd(g, c)
        if g != 1:
            continue
        f = {m: c for m, c in zip(mons, coeffs) if c}
        if all(m == (0, 0) for m in f):
            continue
        yield f


@dataclass(frozen=True)
class FitSolution:
    f: dict
    fbar: dict


def _integral_pairs(f: dict, solved, bound: int, max_family: int = 2):
    """Integer (f, fbar) pairs from a solution set: the particular solution (and small integer
    combinations of up to ``max_family`` nullspace vectors), scaled to integers with f."""
    mons, part, basis = solved
    combos = [()]
    if basis:
        if len(basis) > max_family:
            basis = basis[:max_family]
        rng = range(-bound, bound + 1)
        combos = list(itertools.product(rng, repeat=len(basis)))
    for combo in combos:
        vec = list(part)
        for w, b in zip(combo, basis):
            if w:
                vec = [v + w * bv for v, bv in zip(vec, b)]
        den = 1
        for v in vec:
            q = int(v.q)
            den = den * q // math.gcd(den, q)
        fbar = {m: int(v * den) for m, v in zip(mons, vec) if v != 0}
        if not fbar:
            continue
        ff = {m: c * den for m, c in f.items()}
        yield ff, fbar


def _b_is_zero(f: dict, fbar: dict) -> bool:
    """b(x) = f fbar(x, 0) - f fbar(0, 0) == 0."""
    f0 = {i: c for (i, j), c in f.items() if j == 0}
    g0 = {i: c for (i, j), c in fbar.items() if j == 0}
    prod: dict = {}
    for i, c in f0.items():
        for k, d in g0.items():
            prod[i + k] = prod.get(i + k, 0) + c * d
    return all(v == 0 for e, v in prod.items() if e >= 1)


def poly_text(p: dict) -> str:
    """{(i, j): c} as sympy-parseable text."""
    import sympy

    x, y = sympy.symbols("x y")
    expr = sum((c * x**i * y**j for (i, j), c in p.items()), sympy.Integer(0))
    return sympy.sstr(sympy.factor(expr)) if expr != 0 else "0"


def fit_f(f: dict, degree: int, bound: int):
    """Every (f, fbar) pair (integers) for this f with b != 0 (see :func:`_integral_pairs`)."""
    solved = solve_fbar(f, degree)
    if solved is None:
        return []
    out = []
    for ff, fbar in _integral_pairs(f, solved, bound):
        if _b_is_zero(ff, fbar):
            continue
        out.append(FitSolution(ff, fbar))
    return out


def step_matrix(f: dict, fbar: dict, trajectory=(1, 1), start=(1, 1)):
    """The trajectory matrix of the f, fbar CMF (Mx then My, |t| steps each, t >= 0) as fmpz_poly in n,
    computed directly from the coefficients (no sympy)."""
    from flint import fmpz_poly

    from discover.cf.cmf.trajectory import matmul

    t1, t2 = trajectory
    s1, s2 = start

    def on_line(p: dict, ox: int, oy: int):
        X = fmpz_poly([s1 + ox, t1])
        Y = fmpz_poly([s2 + oy, t2])
        acc = fmpz_poly([0])
        for (i, j), c in p.items():
            acc += c * X**i * Y**j
        return acc

    f0 = {(i, 0): c for (i, j), c in f.items() if j == 0}
    g0 = {(i, 0): c for (i, j), c in fbar.items() if j == 0}
    ffb0 = {}
    for (i, _), c in f0.items():
        for (k, _), d in g0.items():
            ffb0[(i + k, 0)] = ffb0.get((i + k, 0), 0) + c * d
    bpoly = {k: v for k, v in ffb0.items() if k != (0, 0)}
    fbar_x1 = _shifted(fbar, 1, 0)
    apoly = _add(f, fbar_x1, -1)
    one = fmpz_poly([1])
    zero = fmpz_poly([0])
    result = None
    ox = oy = 0
    for _ in range(t1):
        M = [[zero, on_line(bpoly, ox, oy)], [one, on_line(apoly, ox, oy)]]
        result = M if result is None else matmul(result, M)
        ox += 1
    for _ in range(t2):
        M = [[on_line(fbar, ox, oy), on_line(bpoly, ox, oy)], [one, on_line(f, ox, oy)]]
        result = M if result is None else matmul(result, M)
        oy += 1
    return result


def pair_key(p: dict) -> list:
    return sorted([int(i), int(j), int(c)] for (i, j), c in p.items() if c)


def _dict_from_text(text: str) -> dict:
    import sympy

    x, y = sympy.symbols("x y")
    poly = sympy.Poly(sympy.sympify(text, locals={"x": x, "y": y}), x, y)
    return {tuple(int(e) for e in m): int(c) for m, c in poly.terms()}


def library_pairs() -> dict:
    """Library CMFs given by an f, fbar pair: name -> (f, fbar) as coefficient dicts."""
    from discover.cf.cmf.library import LIBRARY, get_cmf

    out = {}
    for name in LIBRARY:
        c = get_cmf(name)
        if "f" in c.notes and "fbar" in c.notes:
            out[name] = (_dict_from_text(c.notes["f"]), _dict_from_text(c.notes["fbar"]))
    return out
