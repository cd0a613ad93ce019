"""New CMFs from a CMF: the dual, a sub-CMF along a sub-lattice, and a coboundary (gauge) transform.

Each is a CMF again, by a one-line argument from M_i(p) M_j(p + e_i) = M_j(p) M_i(p + e_j):

* **dual** (ramanujantools' ``CMF.dual``; the inverse-transpose field): N_i(p) = (M_i(p)^(-1))^T.
  Inverting both sides of the identity and transposing gives N_i(p) N_j(p + e_i) = N_j(p) N_i(p + e_j).
  The dual of the dual is the field itself.
* **sub-CMF** along linearly independent directions b_1..b_m in Z^d from a base point s: new axes
  u = (u_1..u_m), the point s + sum_j u_j b_j, and N_j(u) the product of the axis matrices along one
  step b_j from that point (the trajectory matrix of :mod:`discover.cf.cmf.trajectory`, symbolic in u).
  Path independence of the original field makes N conservative; a walk of N along e_j is the walk of
  M along b_j.
* **coboundary** by an invertible U(p): N_i(p) = U(p)^(-1) M_i(p) U(p + e_i). The products telescope:
  N along a path from p to p' is U(p)^(-1) (M along it) U(p'), so N is conservative and its walks'
  limits are Moebius images of the original ones (Ramanujan Machine, "coboundary equivalence").

The algebra is symbolic (sympy, once, at the edge); the result is written as entry texts and checked
like any CMF (:func:`discover.cf.cmf.field.check_conservative`).
"""

from __future__ import annotations

from discover.errors import InputError

__all__ = ["dual", "sub_cmf", "coboundary", "parse_basis"]


def _texts(mats) -> tuple:
    import sympy

    k = mats[0].rows
    return tuple(tuple(tuple(sympy.sstr(sympy.factor(sympy.cancel(M[i, j]))) for j in range(k)) for i in range(k))
                 for M in mats)


def _symbols(cmf):
    import sympy

    return {n: sympy.Symbol(n) for n in cmf.names}


def _derived(cmf, name: str, axes, mats, description: str):
    from dataclasses import replace

    out = replace(cmf, name=name, axes=tuple(axes), matrices=_texts(mats), description=description,
                  default_start=None, notes={})
    return out.validate()


def dual(cmf):
    """The dual CMF N_i = (M_i^(-1))^T (module doc); InputError when an axis matrix is singular."""
    mats = []
    for a, M in zip(cmf.axes, cmf.sympy_matrices()):
        if M.det().equals(0):
            raise InputError(f"CMF {cmf.name}: the matrix of axis {a} is singular; it has no dual")
        mats.append(M.inv().T)
    return _derived(cmf, f"dual({cmf.name})", cmf.axes, mats, f"the dual (inverse transpose) of {cmf.name}")


def parse_basis(text: str, dim: int) -> list[tuple[int, ...]]:
    """'1,1;1,0' -> [(1, 1), (1, 0)]: directions separated by ';', each with ``dim`` integers."""
    from discover.cf.cmf.trajectory import parse_point

    parts = [p for p in str(text).split(";") if p.strip()]
    if not parts or len(parts) > dim:
        raise InputError(f"--sublattice {text!r}: give 1 to {dim} directions separated by ';', e.g. 1,1;1,0")
    return [parse_point(p, dim, "--sublattice direction") for p in parts]


def sub_cmf(cmf, basis, base=None):
    """The sub-CMF along the directions ``basis`` from the point ``base`` (default the origin); axes u0,
    u1, ...; InputError when the directions are dependent or a direction is too long."""
    import sympy

    from discover.cf.limits import MAX_TRAJECTORY_STEPS

    d = cmf.dim
    base = tuple(base) if base is not None else (0,) * d
    if sympy.Matrix(basis).rank() < len(basis):
        raise InputError(f"--sublattice {';'.join(','.join(map(str, b)) for b in basis)}: the directions are "
                         "linearly dependent")
    for b in basis:
        if not any(b) or sum(abs(v) for v in b) > MAX_TRAJECTORY_STEPS:
            raise InputError(f"--sublattice direction {','.join(map(str, b))}: must be non-zero with at most "
                             f"{MAX_TRAJECTORY_STEPS} axis steps")
    names = [f"u{j}" for j in range(len(basis))]
    if set(names) & set(cmf.parameters):
        raise InputError(f"CMF {cmf.name}: a parameter is named like the new axes ({', '.join(names)})")
    syms = _symbols(cmf)
    us = [sympy.Symbol(n) for n in names]
    point = [base[a] + sum(u * b[a] for u, b in zip(us, basis)) for a in range(d)]
    M = cmf.sympy_matrices()
    mats = []
    for b in basis:
        q = list(point)
        prod = sympy.eye(cmf.rank)
        for i in range(d):
            for _ in range(abs(b[i])):
                if b[i] < 0:
                    q[i] -= 1
                step = M[i].subs({syms[cmf.axes[a]]: q[a] for a in range(d)}, simultaneous=True)
                if b[i] < 0:
                    step = step.inv()
                else:
                    q[i] += 1
                prod = prod * step
        mats.append(prod)
    basis_text = ";".join(",".join(map(str, b)) for b in basis)
    return _derived(cmf, f"sub({cmf.name}; {basis_text})", names, mats,
                    f"the sub-CMF of {cmf.name} along {basis_text} from {base}")


def coboundary(cmf, U_rows):
    """The coboundary transform by U (rows of entry texts in the axes and parameters): N_i(p) =
    U(p)^(-1) M_i(p) U(p + e_i); InputError when U is not square of the field's size or is singular."""
    import sympy
    from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

    from discover.cf.cmf.ratfunc import compile_entry

    k = cmf.rank
    if len(U_rows) != k or any(len(r) != k for r in U_rows):
        raise InputError(f"--coboundary: U must be {k} x {k} like the matrices of {cmf.name}")
    syms = _symbols(cmf)
    rows = []
    for i, row in enumerate(U_rows):
        cells = []
        for j, text in enumerate(row):
            try:
                compile_entry(str(text), cmf.names)  # the same grammar as CMF entries (names checked)
            except InputError as exc:
                raise InputError(f"--coboundary entry ({i + 1}, {j + 1}): {exc}") from None
            cells.append(parse_expr(str(text).replace("^", "**"), local_dict=dict(syms),
                                    transformations=standard_transformations + (convert_xor,)))
        rows.append(cells)
    U = sympy.Matrix(rows)
    if sympy.cancel(U.det()) == 0:
        raise InputError("--coboundary: U is singular (its determinant is identically zero)")
    Uinv = U.inv()
    mats = []
    for a, M in zip(cmf.axes, cmf.sympy_matrices()):
        mats.append(Uinv * M * U.subs(syms[a], syms[a] + 1))
    return _derived(cmf, f"coboundary({cmf.name})", cmf.axes, mats,
                    f"U^-1 M U(p + e) of {cmf.name}, U = {[list(r) for r in U_rows]}")
