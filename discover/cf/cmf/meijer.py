"""Meijer-G CMFs: the contiguous relations of G^{m,n}_{p,q}(a; b | z) as a conservative matrix field.

Definition (DLMF 16.17). G = G^{m,n}_{p,q}(a_1..a_p; b_1..b_q | z) satisfies the differential equation
(DLMF 16.21.1)

    ((-1)^(p - m - n) z prod_i (theta - a_i + 1) - prod_j (theta - b_j)) G = 0,      theta = z d/dz,

of order r = max(p, q). With T the companion matrix of that equation (as in
:mod:`discover.cf.cmf.hypergeometric`) and v = (G, theta G, ..., theta^(r-1) G), the parameter shifts
act linearly (DLMF 16.19.2-16.19.5: (theta - b_j) G = -+ G(b_j + 1), (theta - a_i + 1) G = +- G(a_i - 1),
with the sign set by whether the parameter is among the first m (resp. n)):

    v(b + e_j) = s_j (T - b_j I) v,   s_j = 1 if j >= m else -1          (j counted from 0)
    v(a - e_i) = s_i (T - (a_i - 1) I) v,   s_i = -1 if i >= n else 1,

so the a-axis step up is the inverse of the step down taken at a_i + 1. The CMF matrices are the
transposes (walks multiply row vectors); axes a0..a{p-1}, b0..b{q-1} (ramanujantools' names and
signs). Conservativity is checked like any CMF (:func:`discover.cf.cmf.field.check_conservative`).
"""

from __future__ import annotations

from discover.errors import InputError

__all__ = ["meijer_cmf"]


def meijer_cmf(m: int, n: int, p: int, q: int, z):
    """The Meijer-G CMF G^{m,n}_{p,q}(a; b | z) with every parameter an axis, named
    ``meijerg:m,n,p,q,z``; InputError unless 0 <= n <= p, 0 <= m <= q, p, q >= 1 and the rank is 2..6."""
    import sympy

    from discover.cf.cmf.field import CMF, MAX_CMF_RANK
    from discover.cf.cmf.hypergeometric import MAX_PFQ_ORDER, _rational, companion

    label = f"meijerg:{m},{n},{p},{q},{z}"
    if not (p > 0 and 0 <= n <= p and q > 0 and 0 <= m <= q):
        raise InputError(f"CMF {label}: Meijer G needs p > 0, 0 <= n <= p, q > 0 and 0 <= m <= q")
    if p > MAX_PFQ_ORDER or q > MAX_PFQ_ORDER:
        raise InputError(f"CMF {label}: p and q must be at most {MAX_PFQ_ORDER}")
    zq = _rational(z, f"CMF {label}: z")
    if zq == 0:
        raise InputError(f"CMF {label}: z must not be 0")
    t = sympy.Symbol("theta")
    As = sympy.symbols(f"a:{p}")
    Bs = sympy.symbols(f"b:{q}")
    poly = sympy.Integer(-1) ** (p - m - n) * zq * sympy.prod([t - a + 1 for a in As]) - sympy.prod([t - b for b in Bs])
    T, r = companion(poly, t)
    if not 2 <= r <= MAX_CMF_RANK:
        raise InputError(f"CMF {label}: rank {r}; a CMF needs 2 x 2 to {MAX_CMF_RANK} x {MAX_CMF_RANK} matrices")
    eye = sympy.eye(r)
    mats = []
    for i, a in enumerate(As):
        sign = -1 if i >= n else 1
        down = sign * (T - (a - 1) * eye)  # v(a - e_i) = down(a) v(a)
        mats.append(down.subs(a, a + 1).inv().T)
    for j, b in enumerate(Bs):
        sign = 1 if j >= m else -1
        mats.append((sign * (T - b * eye)).T)
    text = [tuple(tuple(sympy.sstr(sympy.factor(sympy.cancel(M[i, k]))) for k in range(r)) for i in range(r))
            for M in mats]
    name = f"meijerg:{m},{n},{p},{q},{zq}"
    return CMF(name=name, axes=tuple(str(s) for s in As + Bs), matrices=tuple(text),
               source="contiguous relations of the Meijer G-function (DLMF 16.19, 16.21)",
               description=f"Meijer G^{{{m},{n}}}_{{{p},{q}}}(a; b | {zq})",
               notes={"family": "meijerg", "m": m, "n": n, "p": p, "q": q, "z": str(zq)})
