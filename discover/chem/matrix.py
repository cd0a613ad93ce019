"""Composition matrices: one row per element (and one for charge), one column per species.

``A[r][j]`` is the number of atoms of element ``r`` in species ``j`` (the charge of species ``j`` in
the charge row). Elements are listed in order of first appearance (species in input order, symbols in
formula order), so the matrix of a given problem is always the same. A signed coefficient vector
``x`` (reactants negative, products positive) is a balance exactly when ``A x = 0``.
"""

from __future__ import annotations

from typing import Sequence

from discover.chem.formula import Species

CHARGE = "charge"


def composition_matrix(species: Sequence[Species]) -> tuple[list[str], list[list[int]]]:
    """(row labels, rows): element rows in order of first appearance, then ``charge`` if any species is charged."""
    labels: list[str] = []
    for s in species:
        for sym, _ in s.counts:
            if sym not in labels:
                labels.append(sym)
    rows = [[s.composition.get(sym, 0) for s in species] for sym in labels]
    if any(s.charge for s in species):
        labels.append(CHARGE)
        rows.append([s.charge for s in species])
    return labels, rows
