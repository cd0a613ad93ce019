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

The algebra is exact in FLINT: entries are fractions of ``fmpq_mpoly`` in the (new) axes and the
parameters, evaluated from the entry texts (:mod:`discover.cf.cmf.ratfunc`); an inverse is
d adj(N) / det(N) for M = N / d. The result is written as entry texts and checked like any CMF
(:func:`discover.cf.cmf.field.check_conservative`).
"""

from __future__ import annotations

from discover.errors import InputError

__all__ = ["dual", "sub_cmf", "coboundary", "parse_basis"]


def _context(names):
    import flint

    return flint.fmpq_mpoly_ctx.get(tuple(names), "lex")


def _one(ctx):
    return ctx.from_dict({(0,) * ctx.nvars(): 1})


def _matrices(cmf, ctx, env):
    """Per axis, the k x k matrix of reduced fractions (num, den) with the names of ``env`` substituted
    (each name -> (num, den) in ``ctx``)."""
    from discover.cf.cmf.field import compiled_entries, reduce_fraction
    from discover.cf.cmf.ratfunc import LineSingular, evaluate_fraction

    one = _one(ctx)
    k = cmf.rank

    def const(f):
        import flint

        return ctx.from_dict({(0,) * ctx.nvars(): flint.fmpq(f.numerator, f.denominator)}), one

    out = []
    for a, nodes in zip(cmf.axes, compiled_entries(cmf)):
        cells = []
        for idx, node in enumerate(nodes):
            try:
                n, d = evaluate_fraction(node, env, const)
            except LineSingular:
                raise InputError(f"CMF {cmf.name}: entry ({idx // k + 1}, {idx % k + 1}) of the matrix of axis {a} "
                                 "divides by zero there") from None
            cells.append(reduce_fraction(n, d, one))
        out.append([cells[r * k:(r + 1) * k] for r in range(k)])
    return out


def _mul(A, B, one):
    from discover.cf.cmf.field import reduce_fraction

    k = len(A)
    out = []
    for i in range(k):
        row = []
        for j in range(k):
            num, den = one - one, one
            for t in range(k):
                (an, ad), (bn, bd) = A[i][t], B[t][j]
                if an.is_zero() or bn.is_zero():
                    continue
                num, den = reduce_fraction(num * ad * bd + an * bn * den, den * ad * bd, one)
            row.append((num, den))
        out.append(row)
    return out


def _inverse(M, one, what: str):
    """M^(-1) = d adj(N) / det(N) for M = N / d; InputError (naming ``what``) when det(N) = 0."""
    from discover.cf.cmf.field import common_denominator, reduce_fraction
    from discover.cf.cmf.trajectory import adjugate, determinant

    N, d = common_denominator(M)
    det = determinant(N)
    if det.is_zero():
        raise InputError(f"{what} is singular (its determinant is identically zero)")
    adj = adjugate(N)
    return [[reduce_fraction(d * e, det, one) for e in row] for row in adj]


def _transpose(M):
    return [list(r) for r in zip(*M)]


def _text(M) -> tuple:
    def one_text(n, d):
        t = str(n) if d.is_one() else f"({n})/({d})"
        return t.replace("^", "**")

    return tuple(tuple(one_text(n, d) for n, d in row) for row in M)


def _derived(cmf, name: str, axes, mats, description: str):
    from dataclasses import replace

    out = replace(cmf, name=name, axes=tuple(axes), matrices=tuple(_text(M) for M in mats), description=description,
                  default_start=None, notes={})
    return out.validate()


def _identity_env(ctx, names):
    one = _one(ctx)
    return {n: (g, one) for n, g in zip(names, ctx.gens())}


def dual(cmf):
    """The dual CMF N_i = (M_i^(-1))^T (module doc); InputError when an axis matrix is singular."""
    ctx = _context(cmf.names)
    one = _one(ctx)
    mats = _matrices(cmf, ctx, _identity_env(ctx, cmf.names))
    out = [_transpose(_inverse(M, one, f"CMF {cmf.name}: the matrix of axis {a}")) for a, M in zip(cmf.axes, mats)]
    return _derived(cmf, f"dual({cmf.name})", cmf.axes, out, f"the dual (inverse transpose) of {cmf.name}")


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
    ctx = _context(names + list(cmf.parameters))
    one = _one(ctx)
    gens = ctx.gens()
    us, params = gens[:len(names)], gens[len(names):]
    mats = []
    for b in basis:
        q = list(base)
        prod = None
        for i in range(d):
            for _ in range(abs(b[i])):
                if b[i] < 0:
                    q[i] -= 1
                env = {a: (sum((u * bb[ai] for u, bb in zip(us, basis)), one * q[ai]), one)
                       for ai, a in enumerate(cmf.axes)}
                env.update({p: (g, one) for p, g in zip(cmf.parameters, params)})
                step = _matrices(cmf, ctx, env)[i]
                if b[i] < 0:
                    step = _inverse(step, one, f"the matrix of axis {cmf.axes[i]} on the sub-lattice")
                else:
                    q[i] += 1
                prod = step if prod is None else _mul(prod, step, one)
        mats.append(prod)
    basis_text = ";".join(",".join(map(str, b)) for b in basis)
    return _derived(cmf, f"sub({cmf.name}; {basis_text})", names, mats,
                    f"the sub-CMF of {cmf.name} along {basis_text} from {base}")


def coboundary(cmf, U_rows):
    """The coboundary transform by U (rows of entry texts in the axes and parameters): N_i(p) =
    U(p)^(-1) M_i(p) U(p + e_i); InputError when U is not square of the field's size or is singular."""
    from dataclasses import replace

    k = cmf.rank
    if len(U_rows) != k or any(len(r) != k for r in U_rows):
        raise InputError(f"--coboundary: U must be {k} x {k} like the matrices of {cmf.name}")
    # U as a one-axis "CMF" over the same names, so its entries go through the same parser and checks
    try:
        u_field = replace(cmf, name="U", axes=(cmf.axes[0],) + tuple(cmf.axes[1:]),
                          matrices=(tuple(tuple(str(e) for e in r) for r in U_rows),) * cmf.dim).validate()
    except InputError as exc:
        raise InputError(f"--coboundary: {exc}") from None
    ctx = _context(cmf.names)
    one = _one(ctx)
    env = _identity_env(ctx, cmf.names)
    U = _matrices(u_field, ctx, env)[0]
    Uinv = _inverse(U, one, "--coboundary: U")
    mats = []
    for i, (a, M) in enumerate(zip(cmf.axes, _matrices(cmf, ctx, env))):
        shifted = dict(env)
        shifted[a] = (env[a][0] + one, one)
        U_next = _matrices(u_field, ctx, shifted)[0]
        mats.append(_mul(_mul(Uinv, M, one), U_next, one))
    return _derived(cmf, f"coboundary({cmf.name})", cmf.axes, mats,
                    f"U^-1 M U(p + e) of {cmf.name}, U = {[list(r) for r in U_rows]}")
