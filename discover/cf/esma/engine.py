"""The ``cf.esma`` engine: targets x sign patterns as shards, one ESMA run per shard.

Spec: a constant C, the Moebius range K (targets (c0 + c1 C)/(d0 + d1 C) with |c_i|, |d_i| <= K, one per
value mod 1; K = 0 is C alone), the largest sign period P (every primitive pattern of period <= P), the
number N of partial quotients to expand, and the digits an approval needs. A shard is one (target,
pattern) pair; it returns a verified record when ESMA approves (see :mod:`discover.cf.esma.expansion`; the record: :mod:`.verify`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["ESMASpec", "ENGINE", "shards", "run_shard", "target_value_fn"]


@dataclass(frozen=True)
class ESMASpec(SearchSpec):
    """What ``discover cf esma`` searches; validated on construction."""

    constant: str
    mobius_range: int = 1
    max_period: int = 2
    terms: int = 200
    min_digits: int = 50

    def __post_init__(self):
        from discover.cf.constants import get_constant

        get_constant(self.constant)  # InputError names a bad constant
        if not 0 <= int(self.mobius_range) <= 4:
            raise InputError(f"--mobius-range {self.mobius_range}: must be between 0 and 4")
        if not 1 <= int(self.max_period) <= 8:
            raise InputError(f"--max-period {self.max_period}: must be between 1 and 8")
        if not 40 <= int(self.terms) <= 5000:
            raise InputError(f"--terms {self.terms}: must be between 40 and 5000")
        if not 10 <= int(self.min_digits) <= 100000:
            raise InputError(f"--min-digits {self.min_digits}: must be between 10 and 100000")


def target_value_fn(constant, form):
    """D -> (c0 + c1 C)/(d0 + d1 C) at D significant digits (mpmath)."""
    c0, c1, d0, d1 = (int(v) for v in form)

    def value(digits: int):
        import mpmath

        with mpmath.workdps(int(digits) + 10):
            v = constant.value(int(digits) + 10)
            return (c0 + c1 * v) / (d0 + d1 * v)

    return value


def shards(spec: ESMASpec):
    from discover.cf.constants import get_constant
    from discover.cf.esma.expansion import mobius_forms, sign_patterns, signs_text

    const = get_constant(spec.constant)
    forms = mobius_forms(const.value(40), spec.mobius_range)
    for form in forms:
        for signs in sign_patterns(spec.max_period):
            text = signs_text(signs)
            yield Shard(id=f"{','.join(map(str, form))}:{text}", params={"form": list(form), "signs": text})


def run_shard(spec: ESMASpec, shard: Shard) -> ShardResult:
    from discover.cf.constants import get_constant
    from discover.cf.esma.expansion import esma, parse_signs, target_expression
    from discover.cf.esma.verify import esma_record

    const = get_constant(spec.constant)
    form = tuple(shard.params["form"])
    signs = parse_signs(shard.params["signs"])
    value_fn = target_value_fn(const, form)
    result, status = esma(value_fn, "", signs, terms=spec.terms, min_digits=spec.min_digits)
    if result is None:
        return ShardResult(records=[], candidates=1, rejected=1 if status == "rejected" else 0)
    result = replace(result, target=target_expression(const.expression, form))
    return ShardResult(records=[esma_record(result, value_fn)], candidates=1, rejected=0)


ENGINE = Engine("cf.esma", ESMASpec, shards, run_shard)
