"""The independent check of every balance the engine stores; it shares no code with the balancing kernels.

What is checked, from the parsed formulas only (:class:`~discover.chem.formula.Species` counts and
charges; never the composition matrix, the kernel basis or the rays that produced the answer):

* a balance ``x`` (reactants negative): for every element ``e``, ``sum_j x_j * count_e(species_j) = 0``;
  ``sum_j x_j * charge_j = 0``; every ``x_j`` is a nonzero integer on the side the problem gives it
  (``side_j * x_j > 0`` unless the side is free); ``gcd(x) = 1``;
* an elementary reaction ``m`` (zeros allowed): it conserves atoms and charge, ``gcd(m) = 1``, and it is
  support-minimal: the species it uses have a composition of rank (number used - 1), so the balances
  on that support form a line and no balance uses a proper subset. The rank is computed here by exact
  fraction-free Gaussian elimination on Python integers.

A failure raises :class:`CheckFailed`: it is a bug in the engine, reported loudly and never stored.
"""

from __future__ import annotations

from math import gcd
from typing import Sequence

from discover.chem.equation import FREE, Problem


class CheckFailed(AssertionError):
    """A computed balance failed the independent check: a bug, reported loudly, never stored."""


def _require(condition: bool, what: str) -> None:
    if not condition:  # explicit, so that ``python -O`` cannot remove the check
        raise CheckFailed(what)


def _net(problem: Problem, coefficients: Sequence[int]) -> tuple[dict[str, int], int]:
    """Net atoms per element and net charge of ``sum_j coefficients_j * species_j``."""
    totals: dict[str, int] = {}
    charge = 0
    for species, c in zip(problem.species, coefficients):
        for symbol, n in species.counts:
            totals[symbol] = totals.get(symbol, 0) + c * n
        charge += c * species.charge
    return totals, charge


def check_balance(problem: Problem, signed: Sequence[int]) -> dict:
    """Check the balance ``signed`` of ``problem`` (see the module docstring); returns what was checked."""
    _require(len(signed) == len(problem.species), "one coefficient per species")
    for species, c in zip(problem.species, signed):
        _require(isinstance(c, int) and c != 0, f"coefficient {c!r} of {species.text}")
    totals, charge = _net(problem, signed)
    bad = {symbol: v for symbol, v in totals.items() if v}
    _require(not bad, f"atoms do not balance: {bad}")
    _require(charge == 0, f"charge does not balance: {charge}")
    for side, c in zip(problem.sides, signed):
        _require(side == FREE or side * c > 0, "a species is on the wrong side")
    _require(gcd(*signed) == 1, "coefficients are not in lowest terms")
    return {"method": "exact integer sums of atoms and charge from the parsed formulas",
            "elements": sorted(totals), "charge": True, "gcd": 1}


def check_elementary(problem: Problem, mode: Sequence[int]) -> None:
    """Check that ``mode`` is an elementary reaction of ``problem`` (see the module docstring)."""
    support = [j for j, v in enumerate(mode) if v]
    _require(bool(support), "an elementary reaction uses at least one species")
    totals, charge = _net(problem, mode)
    _require(not any(totals.values()) and charge == 0, f"elementary reaction {tuple(mode)} does not balance")
    _require(gcd(*mode) == 1, f"elementary reaction {tuple(mode)} is not in lowest terms")
    used = [problem.species[j] for j in support]
    symbols = sorted({symbol for s in used for symbol, _ in s.counts})
    rows = [[dict(s.counts).get(symbol, 0) for s in used] for symbol in symbols] + [[s.charge for s in used]]
    _require(integer_rank(rows) == len(support) - 1, f"elementary reaction {tuple(mode)} is not minimal")


def integer_rank(rows: list[list[int]]) -> int:
    """The rank of an integer matrix, exactly (fraction-free elimination: every entry stays an integer)."""
    m = [list(r) for r in rows if any(r)]
    rank, ncols = 0, len(m[0]) if m else 0
    for col in range(ncols):
        pivot = next((i for i in range(rank, len(m)) if m[i][col]), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        p = m[rank]
        for i in range(rank + 1, len(m)):
            if m[i][col]:
                f = m[i][col]
                m[i] = [p[col] * a - f * b for a, b in zip(m[i], p)]
                g = gcd(*m[i])
                if g > 1:
                    m[i] = [a // g for a in m[i]]
        rank += 1
    return rank
