"""The ``cf.esma`` engine: targets x sign patterns as shards, one ESMA run per shard.

Spec: a constant C, the targets, the largest sign period P (every primitive pattern of period <= P), the
number N of partial quotients to expand, and the digits an approval needs. Targets
(``targets``; :mod:`discover.cf.esma.targets`), one per value mod 1:

* ``mobius``: (c0 + c1 C)/(d0 + d1 C) with |c_i|, |d_i| <= K = ``mobius_range`` (K = 0 is C alone);
* ``rational``: num(C)/den(C) of degree <= ``degree`` with coefficients in [-K, K], K = ``coeff_range``;
* ``biased-monomial``: |c C^k + b|, 1 <= c <= ``coeff_range``, 0 < |k| <= ``max_power``, |b| <= ``max_bias``.

A shard is one (target, pattern) pair; it returns a verified record when ESMA approves (see
:mod:`discover.cf.esma.expansion`; the record: :mod:`.verify`). Limits, checked before a run starts:
rational degree 1..3, and at most MAX_RUNS (candidate targets before the reduction mod 1) x (sign patterns).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["ESMASpec", "ENGINE", "shards", "run_shard", "TARGET_KINDS", "MAX_RUNS"]

TARGET_KINDS = ("mobius", "rational", "biased-monomial")
MAX_RUNS = 100_000   # rational / biased-monomial candidates (before reduction) x sign patterns: ESMA runs at most


@dataclass(frozen=True)
class ESMASpec(SearchSpec):
    """What ``discover cf esma`` searches; validated on construction."""

    constant: str
    mobius_range: int = 1
    max_period: int = 2
    terms: int = 200
    min_digits: int = 50
    targets: str = "mobius"
    degree: int = 2
    coeff_range: int = 1
    max_power: int = 3
    max_bias: int = 2

    def __post_init__(self):
        from discover.cf.constants import get_constant

        get_constant(self.constant)  # InputError names a bad constant
        if self.targets not in TARGET_KINDS:
            raise InputError(f"--target {self.targets!r}: must be one of {', '.join(TARGET_KINDS)}")
        for option, value, lo, hi in (("--degree", self.degree, 1, 3), ("--coeff-range", self.coeff_range, 1, 10),
                                      ("--max-power", self.max_power, 1, 8), ("--max-bias", self.max_bias, 0, 20)):
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                raise InputError(f"{option} {value}: must be an integer between {lo} and {hi}")
        if not 0 <= int(self.mobius_range) <= 4:
            raise InputError(f"--mobius-range {self.mobius_range}: must be between 0 and 4")
        if not 1 <= int(self.max_period) <= 8:
            raise InputError(f"--max-period {self.max_period}: must be between 1 and 8")
        if not 40 <= int(self.terms) <= 5000:
            raise InputError(f"--terms {self.terms}: must be between 40 and 5000")
        if not 10 <= int(self.min_digits) <= 100000:
            raise InputError(f"--min-digits {self.min_digits}: must be between 10 and 100000")
        if self.targets != "mobius":
            from discover.cf.esma.expansion import sign_patterns
            from discover.cf.esma.targets import rational_count

            if self.targets == "rational":
                n = rational_count(self.degree, self.coeff_range)
                what = f"--degree {self.degree} with --coeff-range {self.coeff_range}: {n:,} rational targets ((2K+1)^(2r+2))"
            else:
                n = self.coeff_range * 2 * self.max_power * (2 * self.max_bias + 1)
                what = (f"--coeff-range {self.coeff_range}, --max-power {self.max_power}, --max-bias {self.max_bias}: "
                        f"{n:,} biased monomials")
            runs = n * len(sign_patterns(int(self.max_period)))
            if runs > MAX_RUNS:
                raise InputError(f"{what} x {runs // n} sign patterns = {runs:,} ESMA runs, more than {MAX_RUNS:,}; "
                                 "use smaller ranges or --max-period")


def _targets(spec: ESMASpec, value) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(num, den) of every non-Moebius target of the spec (module doc)."""
    from discover.cf.esma.targets import biased_monomials, rational_targets

    if spec.targets == "rational":
        return rational_targets(value, spec.degree, spec.coeff_range)
    return biased_monomials(value, spec.max_power, spec.coeff_range, spec.max_bias)


def shards(spec: ESMASpec):
    from discover.cf.constants import get_constant
    from discover.cf.esma.expansion import mobius_forms, sign_patterns, signs_text

    const = get_constant(spec.constant)
    patterns = [signs_text(s) for s in sign_patterns(spec.max_period)]
    if spec.targets == "mobius":
        # ids and params as they always were, so stored Moebius runs resume
        for form in mobius_forms(const.value(40), spec.mobius_range):
            for text in patterns:
                yield Shard(id=f"{','.join(map(str, form))}:{text}", params={"form": list(form), "signs": text})
        return
    for num, den in _targets(spec, const.value(40)):
        for text in patterns:
            yield Shard(id=f"{','.join(map(str, num))}/{','.join(map(str, den))}:{text}",
                        params={"num": list(num), "den": list(den), "signs": text})


def run_shard(spec: ESMASpec, shard: Shard) -> ShardResult:
    from discover.cf.constants import get_constant
    from discover.cf.esma.expansion import esma, parse_signs
    from discover.cf.esma.targets import rational_expression, rational_value_fn
    from discover.cf.esma.verify import esma_record

    const = get_constant(spec.constant)
    if "form" in shard.params:
        c0, c1, d0, d1 = (int(v) for v in shard.params["form"])
        num, den = (c0, c1), (d0, d1)
    else:
        num, den = tuple(shard.params["num"]), tuple(shard.params["den"])
    signs = parse_signs(shard.params["signs"])
    value_fn = rational_value_fn(const, num, den)
    result, status = esma(value_fn, "", signs, terms=spec.terms, min_digits=spec.min_digits)
    if result is None:
        return ShardResult(records=[], candidates=1, rejected=1 if status == "rejected" else 0)
    result = replace(result, target=rational_expression(const.expression, num, den))
    return ShardResult(records=[esma_record(result, value_fn)], candidates=1, rejected=0)


ENGINE = Engine("cf.esma", ESMASpec, shards, run_shard)
