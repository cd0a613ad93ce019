"""Split metacyclic groups as multiplication tables: the voltage groups of the lift search.

For integers a, r >= 1 and s with gcd(s, a) = 1 and s^r = 1 (mod a), the semidirect product
G(a, r, s) = Z_a x|_s Z_r has the elements (x, y), x in Z_a, y in Z_r, and the product

    (x1, y1) (x2, y2) = (x1 + s^y1 x2 mod a, y1 + y2 mod r),

well defined because y -> (x -> s^y x) is a homomorphism Z_r -> Aut(Z_a) exactly when s^r = 1 (mod a).
s = 1 gives the abelian groups Z_a x Z_r; r = 2, s = -1 the dihedral group of order 2a; s of order r
with a prime the Frobenius groups. Elements are numbered x + a y, so 0 is the identity.

Reference: J. L. Gross, "Voltage graphs", Discrete Math. 9 (1974), and, for the metacyclic groups,
H. S. M. Coxeter and W. O. J. Moser, "Generators and Relations for Discrete Groups" (1957), 1.6.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

import numpy as np

# orders above this are not tabulated: the table is order^2 int64 entries
MAX_ORDER = 1024


@dataclass(frozen=True)
class Group:
    """A finite group of ``order`` elements 0..order-1 (0 the identity) given by ``table[g, h] = g h``."""

    name: str
    order: int
    table: np.ndarray
    inverse: np.ndarray
    abelian: bool


def metacyclic(a: int, r: int, s: int) -> Group:
    """The group G(a, r, s) of the module docstring; raises ValueError when s does not define one."""
    if a < 1 or r < 1 or a * r > MAX_ORDER:
        raise ValueError(f"order {a} x {r} is outside 1..{MAX_ORDER}")
    s %= a
    if a > 1 and (gcd(s, a) != 1 or pow(s, r, a) != 1):
        raise ValueError(f"s = {s} is not a unit of order dividing {r} modulo {a}")
    order = a * r
    x = np.arange(order) % a
    y = np.arange(order) // a
    spow = np.array([pow(s, int(k), a) if a > 1 else 0 for k in range(r)], np.int64)
    table = ((x[:, None] + spow[y][:, None] * x[None, :]) % a) + a * ((y[:, None] + y[None, :]) % r)
    table = table.astype(np.int64)
    inverse = np.argmin(table, axis=1).astype(np.int64)  # the h with g h = 0
    abelian = bool((table == table.T).all())
    if a == 1 or r == 1:
        name = f"Z{order}"
    elif s == 1:
        name = f"Z{a}xZ{r}"
    elif r == 2 and s == a - 1:
        name = f"D{a}"
    else:
        name = f"Z{a}:{s}Z{r}"
    return Group(name, order, table, inverse, abelian)


def _invariant(group: Group) -> tuple:
    """Element orders (sorted) and whether the group is abelian: equal for isomorphic groups."""
    orders = []
    for g in range(group.order):
        h, k = g, 1
        while h != 0:
            h = group.table[h, g]
            k += 1
        orders.append(k)
    return group.abelian, tuple(sorted(orders))


def groups_of_order(order: int) -> list[Group]:
    """The split metacyclic groups of this order, one per isomorphism invariant of :func:`_invariant`
    (two non-isomorphic groups with the same element orders keep only the first: a search heuristic,
    not a classification)."""
    if not 1 <= order <= MAX_ORDER:
        raise ValueError(f"order {order} is outside 1..{MAX_ORDER}")
    seen, out = set(), []
    for r in range(1, order + 1):
        if order % r:
            continue
        a = order // r
        for s in range(1, a) if a > 1 else (1,):
            if a > 1 and (gcd(s, a) != 1 or pow(s, r, a) != 1):
                continue
            group = metacyclic(a, r, s)
            key = _invariant(group)
            if key not in seen:
                seen.add(key)
                out.append(group)
    return out
