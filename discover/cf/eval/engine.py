"""``cf eval`` as an engine: one PCF, one shard, through the same runner and store as a search.

The shard evaluates the PCF exactly at ``depth`` (:meth:`discover.cf.pcf.PCF.evaluate`), tries to
identify the limit among ``constants`` (by default the whole registry of
:mod:`discover.cf.constants`, with two-constant relations; :func:`discover.cf.identify.identify`, at
most ``identify_digits`` digits used) and returns one record (:mod:`.verify`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from discover.cf.constants import REGISTRY
from discover.cf.limits import MAX_PRINT_DIGITS
from discover.cf.novelty.active import known_rows, use_known
from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

__all__ = ["CFEvalSpec", "ENGINE", "DEFAULT_CONSTANTS"]

# The whole registry (60 constants; pairs of them with their product are searched too).
DEFAULT_CONSTANTS = tuple(REGISTRY)


@dataclass(frozen=True)
class CFEvalSpec(SearchSpec):
    """Evaluate PCF(a, b) at ``depth``; identify among ``constants``; print ``print_digits`` places; ``known``:
    the rows of the user's ``--known`` lists the novelty check compares with (:mod:`discover.cf.novelty.active`)."""

    a: str
    b: str
    depth: int = 1000
    constants: tuple[str, ...] = DEFAULT_CONSTANTS
    identify_digits: int = 5000
    print_digits: int = 60
    known: tuple = field(default_factory=known_rows)

    def __post_init__(self):
        from discover.cf.constants import parse_constants
        from discover.cf.pcf import PCF

        pcf = PCF.from_polynomials(self.a, self.b)  # InputError on malformed polynomials
        object.__setattr__(self, "a", str(pcf.a))
        object.__setattr__(self, "b", str(pcf.b))
        if isinstance(self.constants, str):
            object.__setattr__(self, "constants", (self.constants,))
        consts = parse_constants(list(self.constants))
        object.__setattr__(self, "constants", tuple(c.name for c in consts))
        pcf.check_depth(self.depth)
        if isinstance(self.print_digits, bool) or not isinstance(self.print_digits, int) or \
                not 0 <= self.print_digits <= MAX_PRINT_DIGITS:
            raise InputError(f"--print-digits {self.print_digits}: must be between 0 (all) and {MAX_PRINT_DIGITS:,}")
        if self.identify_digits < 10:
            raise InputError(f"identify digits {self.identify_digits}: must be at least 10")


def shards(spec: CFEvalSpec):
    yield Shard("eval", {})


def run_shard(spec: CFEvalSpec, shard: Shard) -> ShardResult:
    from discover.cf.eval.verify import evaluate_and_identify
    from discover.cf.pcf import PCF

    use_known(spec.known)
    record = evaluate_and_identify(PCF.from_polynomials(spec.a, spec.b), spec.depth, spec.constants,
                                   spec.identify_digits, spec.print_digits)
    return ShardResult(records=[record], candidates=1, rejected=0)


ENGINE = Engine("cf.eval", CFEvalSpec, shards, run_shard)
