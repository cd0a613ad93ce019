"""``cf relations``: the table of integer relations among several constants and their products.

Problem. Given constants C_1 .. C_k, find every independent integer relation

    u_0 + sum_i u_i C_i + sum_{i <= j} u_ij C_i C_j = 0

(the products only with ``products``), not one constant at a time: the relations of the whole set,
as the Ramanujan Machine group's LIReC database tabulates them.

Method. Stage 1 (linear): the basis is (1, C_1, ..., C_k). FLINT's LLL (:func:`discover.cf.relation.
find_relation`, precision levels 20, 40, ... up to D digits) looks for a relation holding to D
digits; an accepted one (rule below) is kept, the basis element with the last non-zero coefficient is
removed (it is an integer combination of the others, so every further relation involving it would be
a consequence), and the search runs again until none is found. Stage 2 (products): the basis is 1, the
constants left after stage 1 and their pairwise products and squares, searched the same way. The
result is a list of independent relations (no one is a consequence of the others at degree <= 2), in
the order found.

Acceptance (the rule of :mod:`discover.cf.identify`): a relation u found by the m-th lattice search has
size S = sum log10(2 |u_i| + 1) + log10(m); it is accepted only when S <= D/2 + 1, so a chance vector
of the lattice (coefficients of about D/n digits each, S ~ D) is never taken; random reals give no
relation (tested). Verification (:mod:`discover.cf.search.verify`): each accepted relation is
evaluated with every constant recomputed at 2 D + 20 digits and must vanish to 2 D digits relative to
the largest term.

Limits (checked before any work): at most 8 constants, 10 <= D <= 500 digits, at most 45 basis
numbers (1 + 8 + 36 with products).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["RelationsSpec", "ENGINE", "find_relations", "MAX_CONSTANTS", "MAX_DIGITS"]

MAX_CONSTANTS = 8
MIN_DIGITS, MAX_DIGITS = 10, 500


@dataclass(frozen=True)
class RelationsSpec(SearchSpec):
    """The constants (registry names or expressions), the digits D of the lattice search, and whether
    products and squares of the constants join the basis."""

    constants: tuple[str, ...]
    digits: int = 60
    products: bool = True

    def __post_init__(self):
        from discover.cf.constants import parse_constants

        names = (self.constants,) if isinstance(self.constants, str) else tuple(self.constants)
        consts = parse_constants(list(names))
        if len(consts) < 2:
            raise InputError(f"--constants {','.join(names)}: give at least two constants")
        if len(consts) > MAX_CONSTANTS:
            raise InputError(f"--constants: {len(consts)} constants, at most {MAX_CONSTANTS}")
        seen = [c.name for c in consts]
        if len(set(seen)) < len(seen):
            raise InputError(f"--constants {','.join(seen)}: a constant is repeated")
        object.__setattr__(self, "constants", tuple(seen))
        if isinstance(self.digits, bool) or not isinstance(self.digits, int) or not MIN_DIGITS <= self.digits <= MAX_DIGITS:
            raise InputError(f"--digits {self.digits}: must be an integer between {MIN_DIGITS} and {MAX_DIGITS}")


@dataclass(frozen=True)
class FoundRelation:
    """u . basis = 0 with the basis constants (``None`` for the 1), the relation size S, the search index m."""

    coefficients: tuple[int, ...]
    basis: tuple
    size: float
    trials: int
    stage: str


def _basis_values(basis, digits: int):
    import mpmath

    return [mpmath.mpf(1) if c is None else c.value(digits) for c in basis]


def _search(basis, digits: int, trials: int, stage: str, found: list) -> tuple[list, int]:
    """Run the lattice search on ``basis`` until no accepted relation is left (module doc); appends to
    ``found``; returns the basis left and the number of searches made so far."""
    import mpmath

    from discover.cf.identify import relation_size
    from discover.cf.relation import find_relation
    from discover.runner.inner import report

    basis = list(basis)
    while len(basis) >= 2:
        trials += 1
        report(stage=stage, basis=len(basis), relations=len(found))
        with mpmath.workdps(digits + 20):
            values = _basis_values(basis, digits + 20)
            u = find_relation(values, float(digits))
        if u is None:
            break
        size = relation_size(u, trials)
        if size > digits / 2 + 1:
            break
        nz = [i for i, c in enumerate(u) if c]
        g = math.gcd(*(int(c) for c in u))
        sign = -1 if u[nz[-1]] < 0 else 1
        u = tuple(sign * int(c) // g for c in u)
        found.append(FoundRelation(tuple(u[i] for i in nz), tuple(basis[i] for i in nz), size, trials, stage))
        del basis[nz[-1]]
    return basis, trials


def find_relations(constants, digits: int, products: bool = True) -> list[FoundRelation]:
    """The independent relations among ``constants`` (and their products), module doc."""
    from discover.cf.constants import product_constant

    found: list[FoundRelation] = []
    left, trials = _search([None, *constants], digits, 0, "linear", found)
    if products:
        singles = [c for c in left if c is not None]
        prods = [product_constant(singles[i], singles[j]) for i in range(len(singles))
                 for j in range(i, len(singles))]
        _search([None, *singles, *prods], digits, trials, "products", found)
    return found


def shards(spec: RelationsSpec):
    yield Shard("all", {})


def run_shard(spec: RelationsSpec, shard: Shard) -> ShardResult:
    from discover.cf.constants import parse_constants
    from discover.cf.search.verify import relation_record

    consts = parse_constants(list(spec.constants))
    found = find_relations(consts, spec.digits, spec.products)
    records, rejected = [], 0
    for rel in found:
        record = relation_record(rel, spec.digits, [c.name for c in consts])
        if record is None:
            rejected += 1
        else:
            records.append(record)
    basis = 1 + len(consts) + (len(consts) * (len(consts) + 1) // 2 if spec.products else 0)
    return ShardResult(records=records, candidates=basis, rejected=rejected)


ENGINE = Engine("cf.relations", RelationsSpec, shards, run_shard)
