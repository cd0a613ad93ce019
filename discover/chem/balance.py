"""Balancing: the canonical balance, every elementary reaction, and why a reaction cannot balance.

Conventions. Species ``j`` has side ``-1`` (reactant), ``+1`` (product) or ``0`` (free). A *balance* is
an integer vector ``x`` with ``A x = 0`` (A: :func:`~discover.chem.matrix.composition_matrix`), every
``x_j != 0``, and ``side_j * x_j > 0`` for every species whose side is given; reactants are negative.
It is reported as positive coefficients (``|x_j|``, gcd 1) and a side per species.

*Elementary reactions* are the support-minimal solutions (:func:`~discover.chem.rays.elementary_modes`);
with the sides given they are the extreme rays of ``{z >= 0 : A diag(side) z = 0}``. Every balance is a
non-negative combination of the elementary reactions that agree with its sides.

The canonical balance (the rule, stated once):

1. sides of free species are chosen in input order: a free species is a reactant when some balance
   with every species present allows it given the choices already made, otherwise a product (so with
   all sides free, the first species is a reactant);
2. when there is one elementary reaction, it is the unique balance in lowest whole numbers;
3. when there are several, the canonical balance is the one with every species present on its side and
   the smallest coefficient sum, ties broken by the lexicographically smallest coefficient vector (in
   input order), found by an exact branch and bound (:func:`min_sum_balance`); when the cone has
   dimension above ``MIN_SUM_MAX_DIM`` or the search would take more than ``MIN_SUM_BUDGET`` nodes, it
   is instead the sum of the elementary reactions that agree with the sides, divided by its gcd. The
   record's ``rule`` field says which rule gave the answer, and how many elementary reactions exist
   (``--all`` lists them).

Impossible cases raise :class:`ImpossibleReaction` (a :class:`~discover.errors.RuntimeFailure`, exit
status 1) with the reason: elements found on one side only, a charge that cannot cancel, only the zero
vector balances, a species on the wrong side, or species that every balance leaves out.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from math import gcd

from discover.chem.equation import FREE, PRODUCT, REACTANT, Problem
from discover.chem.matrix import CHARGE, composition_matrix
from discover.chem.rays import DEFAULT_MAX_RAYS, elementary_modes, kernel_basis
from discover.chem.verify import check_balance, check_elementary
from discover.errors import RuntimeFailure


class ImpossibleReaction(RuntimeFailure):
    """No balance with every listed species present exists; ``reason`` says why."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass
class Balance:
    """The answer for one problem. ``signed`` is the canonical balance (reactants negative);
    ``modes`` are every elementary reaction (signed, aligned with ``problem.species``)."""

    problem: Problem
    elements: list[str]
    signed: tuple[int, ...]
    modes: list[tuple[int, ...]]
    seconds: float = 0.0
    checks: dict = field(default_factory=dict)
    rule: str = "unique balance"

    @property
    def coefficients(self) -> list[int]:
        return [abs(v) for v in self.signed]

    @property
    def sides(self) -> list[str]:
        return ["reactant" if v < 0 else "product" for v in self.signed]

    @property
    def unique(self) -> bool:
        return len(self.modes) == 1

    def equation(self) -> str:
        return format_reaction([s.text for s in self.problem.species], self.signed)


def format_reaction(names: list[str], signed) -> str:
    """``2 H2 + O2 -> 2 H2O`` from signed coefficients (zeros are left out, 1 is not written)."""
    def term(name, c):
        return name if c == 1 else f"{c} {name}"
    left = [term(n, -c) for n, c in zip(names, signed) if c < 0]
    right = [term(n, c) for n, c in zip(names, signed) if c > 0]
    return " + ".join(left) + " -> " + " + ".join(right)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _one_sided(problem: Problem, labels: list[str], rows: list[list[int]]) -> str | None:
    """Elements (or the charge) that no balance can cancel, judged row by row."""
    sides = problem.sides
    names = problem.names
    elements, lonely, charge = [], [], None
    for label, row in zip(labels, rows):
        present = [j for j, a in enumerate(row) if a]
        if any(sides[j] == FREE for j in present):
            if len(present) == 1:
                lonely.append((label, names[present[0]]))
            continue
        signs = {(1 if row[j] * sides[j] > 0 else -1) for j in present}
        if len(signs) == 1:
            if label == CHARGE:
                charge = present
            else:
                elements.append(label)
    reasons = []
    if elements:
        verb = "appears" if len(elements) == 1 else "appear"
        reasons.append(f"{_join(elements)} {verb} on one side only")
    for label, name in lonely:
        what = "the charge" if label == CHARGE else label
        reasons.append(f"{what} appears in {name} only")
    if charge is not None:
        desc = [f"{names[j]} ({'reactant' if sides[j] < 0 else 'product'}, charge {problem.species[j].charge:+d})"
                for j in charge]
        reasons.append(f"charge cannot balance: {_join(desc)} cannot cancel")
    return "; ".join(reasons) or None


def _conformal(mode, sigma) -> bool:
    return all(v * s >= 0 for v, s in zip(mode, sigma) if s)


def _choose_sides(problem: Problem, modes: list[tuple[int, ...]],
                  vectorise: bool | None = None) -> tuple[list[int], list]:
    """Rule 1 of the module docstring. A partial choice ``sigma`` is feasible iff every species with a
    side is nonzero in some elementary reaction that agrees with ``sigma`` on all chosen sides (the sum
    of those reactions then has the chosen signs, and the free species, each present in some reaction,
    are nonzero on an open set of such balances)."""
    both = list(modes) + [tuple(-v for v in m) for m in modes if all(problem.sides[j] == FREE
                                                                     for j, v in enumerate(m) if v)]
    sigma = list(problem.sides)
    if vectorise is None:
        vectorise = len(both) > 64
    if vectorise:
        import numpy as np

        signs = np.array([[(v > 0) - (v < 0) for v in m] for m in both], dtype=np.int64)

        def feasible() -> bool:  # the same test, vectorised over the modes
            s = np.array(sigma, dtype=np.int64)
            ok = signs[np.all(signs * s >= 0, axis=1)]
            fixed = s != 0
            return bool(np.all(np.any(ok[:, fixed] != 0, axis=0))) if ok.size else not fixed.any()
    else:
        def feasible() -> bool:
            ok = [m for m in both if _conformal(m, sigma)]
            return all(any(m[j] for m in ok) for j, s in enumerate(sigma) if s)

    for j, side in enumerate(problem.sides):
        if side == FREE:
            sigma[j] = REACTANT
            if not feasible():
                sigma[j] = PRODUCT
    return sigma, both


RULE_UNIQUE = "unique balance"
RULE_MIN_SUM = "minimal coefficient sum (ties: lexicographically smallest)"
RULE_SUM = "sum of the elementary reactions agreeing with the sides, divided by its gcd"
MIN_SUM_BUDGET = 20_000  # search nodes (one per coefficient tried): about 0.1 s of Python at most
MIN_SUM_MAX_DIM = 8  # above this cone dimension the search cannot finish within the budget: not tried


def min_sum_balance(rows, sigma, start, budget: int = MIN_SUM_BUDGET) -> list[int] | None:
    """The positive integer ``z`` with ``A diag(sigma) z = 0`` of least coefficient sum, ties broken by the
    lexicographically smallest ``z``; ``start`` is a known solution (its sum bounds the search).

    Exact branch and bound over the integer kernel lattice: the Hermite normal form (:func:`~discover.chem.lattice.hnf`) of
    ``[B^T | I]`` (``B = A diag(sigma)``) gives a basis of ``{z in Z^n : B z = 0}`` in echelon form, pivot
    columns ``p_1 < ... < p_d`` with positive pivots. Choosing the coefficients ``c_1, c_2, ...`` in turn
    fixes the coordinates before the next pivot, each of which must lie in ``[1, S - (n - 1)]`` (``S`` the
    best sum so far), and the partial sum plus one per unfixed coordinate must not exceed ``S``. Returns
    None when the cone has dimension above ``MIN_SUM_MAX_DIM`` or the search needs more than ``budget``
    nodes (the caller then keeps ``start``, the sum of the elementary reactions)."""
    from discover.chem.lattice import hnf, rank

    n = len(sigma)
    B = [[row[j] * sigma[j] for j in range(n)] for row in rows]
    m = len(B)
    if m == 0 or n - rank(B) > MIN_SUM_MAX_DIM:
        return None
    H = hnf([[B[r][j] for r in range(m)] + [int(i == j) for i in range(n)] for j in range(n)])
    basis = [row[m:] for row in H if not any(row[:m])]
    if not basis:
        return None
    pivots = [next(i for i, x in enumerate(row) if x) for row in basis]
    if pivots[0] > 0:
        return None
    d = len(basis)
    bounds = pivots[1:] + [n]
    best = [sum(start), list(start)]
    nodes = 0

    def search(k: int, z: list[int], fixed_sum: int) -> bool:
        nonlocal nodes
        row, p, q = basis[k], pivots[k], bounds[k]
        # every coordinate of the block [p, q) is final once c is chosen: 1 <= z_j + c row_j <= top,
        # and the sum bound fixed_sum + sum(block) + (n - q) <= best; intersect these intervals for c
        top = best[0] - (n - 1)
        lo, hi = None, None
        for j in range(p, q):
            a, b = z[j], row[j]
            if b == 0:
                if a < 1 or a > top:
                    return True
                continue
            l1, h1 = (1 - a, top - a) if b > 0 else (a - top, a - 1)
            bb = abs(b)
            l1, h1 = -((-l1) // bb), h1 // bb  # ceil, floor
            lo = l1 if lo is None else max(lo, l1)
            hi = h1 if hi is None else min(hi, h1)
        rest = best[0] - fixed_sum - (n - q) - sum(z[p:q])
        srow = sum(row[p:q])
        if srow > 0:
            hi = min(hi, rest // srow)
        elif srow < 0:
            lo = max(lo, -(rest // -srow))
        elif rest < 0:
            return True
        for c in range(lo, hi + 1):
            nodes += 1
            if nodes > budget:
                return False
            w = z[:p] + [a + c * b for a, b in zip(z[p:], row[p:])]  # the row is zero before its pivot
            s = fixed_sum + sum(w[p:q])
            if k + 1 == d:
                if s < best[0] or (s == best[0] and w < best[1]):
                    best[0], best[1] = s, w
            elif not search(k + 1, w, s):
                return False
        return True

    if not search(0, [0] * n, 0):
        return None
    return best[1]


def balance(problem: Problem, max_rays: int = DEFAULT_MAX_RAYS, min_sum: bool = True) -> Balance:
    """The canonical balance and every elementary reaction of ``problem`` (see the module docstring).
    ``min_sum=False`` skips the minimal-sum search (the sum of the elementary reactions is kept)."""
    start = time.perf_counter()
    if any(problem.added):
        problem = _drop_unused_medium(problem, max_rays)
    labels, rows = composition_matrix(problem.species)
    reason = _one_sided(problem, labels, rows)
    if reason:
        raise ImpossibleReaction(reason)
    n = len(problem.species)
    modes = elementary_modes(rows, problem.sides, max_rays=max_rays)
    if not modes and not kernel_basis(rows, n):
        raise ImpossibleReaction("only the zero vector balances it")
    missing = [j for j in range(n) if not any(m[j] for m in modes)]
    if missing:
        raise ImpossibleReaction(_explain_missing(problem, rows, missing, max_rays))
    sigma, both = _choose_sides(problem, modes)
    total = [0] * n
    for m in both:
        if _conformal(m, sigma):
            total = [t + v for t, v in zip(total, m)]
    g = gcd(*total)
    signed = tuple(v // g for v in total)
    rule = RULE_UNIQUE if len(modes) == 1 else RULE_SUM
    if len(modes) > 1 and min_sum:
        z = min_sum_balance(rows, sigma, [abs(v) for v in signed], budget=MIN_SUM_BUDGET)
        if z is not None:
            signed, rule = tuple(s * v for s, v in zip(sigma, z)), RULE_MIN_SUM
    checks = check_balance(problem, signed)
    for m in modes:
        check_elementary(problem, m)
    return Balance(problem, labels, signed, modes, time.perf_counter() - start, checks, rule)


def _drop_unused_medium(problem: Problem, max_rays: int) -> Problem:
    """Species added by ``--medium`` are helpers: those that no elementary reaction of the whole
    problem uses are removed (so ``--medium acidic`` never makes a reaction impossible by itself)."""
    _, rows = composition_matrix(problem.species)
    modes = elementary_modes(rows, problem.sides, max_rays=max_rays)
    keep = [j for j in range(len(problem.species)) if not problem.added[j] or any(m[j] for m in modes)]
    if len(keep) == len(problem.species):
        return problem
    return Problem(tuple(problem.species[j] for j in keep), tuple(problem.sides[j] for j in keep),
                   tuple(problem.added[j] for j in keep))


def _explain_missing(problem: Problem, rows, missing: list[int], max_rays: int) -> str:
    """Species in no elementary reaction: on the wrong side (present once its side is free), or left
    out by every balance (still absent after the wrong-side species are moved)."""
    names = problem.names
    wrong = []
    for j in missing:
        if problem.sides[j] != FREE:
            relaxed = list(problem.sides)
            relaxed[j] = FREE
            modes = elementary_modes(rows, relaxed, max_rays=max_rays)
            if any(m[j] for m in modes):
                wrong.append(j)
    flipped = [-s if j in wrong else s for j, s in enumerate(problem.sides)]
    modes = elementary_modes(rows, flipped, max_rays=max_rays) if wrong else []
    left_out = [j for j in missing if j not in wrong and not any(m[j] for m in modes)]
    reasons = []
    for j in wrong:
        should = "product" if problem.sides[j] == REACTANT else "reactant"
        reasons.append(f"{names[j]} is on the wrong side (every balance with it needs it as a {should})")
    if left_out:
        reasons.append(f"every balance leaves out {_join([names[j] for j in left_out])}")
    return "; ".join(reasons)


def balance_text(text: str, medium: str | None = None, sides_free: bool = False) -> Balance:
    """Parse and balance in one call: ``balance_text("H2 + O2 -> H2O")``."""
    from discover.chem.equation import parse_problem

    return balance(parse_problem(text, medium=medium, sides_free=sides_free))
