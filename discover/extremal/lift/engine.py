"""The lift engine as the runner sees it: spec -> one shard per size -> a verified graph record.

``LiftSpec`` says which sizes, how long per size and the largest base multigraph (``max_base``); each
shard runs :func:`discover.extremal.lift.plan.best_lift` at its size and returns the best lift found as
the same record ``extremal search`` would make of that graph (engine name ``extremal.search``, key
the problem and the canonical graph6, so a graph is one record whichever search found it), checked
by the independent :func:`discover.extremal.verify.verify` first, with the construction (base size,
group, voltage edges) in the payload under ``construction``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from discover.errors import InputError
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

ENGINE_NAME = "extremal.lift"
# the problems a lift search serves: its kernel checks girth >= 5 (no C3, no C4)
PROBLEMS = ("c3c4",)
# --base values are read as a size list up to this (then checked against --max-base)
MAX_BASE_LIST = 64


@dataclass(frozen=True)
class LiftSpec(SearchSpec):
    """A lift search: ``problem`` (c3c4 only), ``sizes``, ``seconds`` per size, ``seed``, ``max_base``
    (largest number of base vertices k of a lift k x G) and ``bases`` (only these k; empty: all)."""

    problem: str = "c3c4"
    sizes: tuple[int, ...] = (10,)
    seconds: float = 10.0
    seed: int = 0
    max_base: int = 16
    bases: tuple[int, ...] = ()

    def __post_init__(self):
        from discover.extremal.engine import MAX_SECONDS
        from discover.extremal.lift.plan import MAX_BASE
        from discover.extremal.problems import get_problem

        problem = get_problem(self.problem)
        if problem.name not in PROBLEMS:
            raise InputError(f"--problem: {problem.name}: the lift search serves only "
                             f"{', '.join(PROBLEMS)} (girth >= 5)")
        object.__setattr__(self, "problem", problem.name)
        if not self.sizes:
            raise InputError("--n: no sizes given")
        for n in self.sizes:
            problem.validate_n(n)
        if not isinstance(self.seconds, (int, float)) or not (0 < self.seconds <= MAX_SECONDS):
            raise InputError(f"--time: {self.seconds} must be a positive number of seconds (at most one week)")
        if self.seconds * len(self.sizes) > MAX_SECONDS:
            raise InputError(f"--time: {self.seconds:g} s per size over {len(self.sizes)} sizes is more "
                             "than one week")
        if not isinstance(self.max_base, int) or not (1 <= self.max_base <= MAX_BASE):
            raise InputError(f"--max-base: {self.max_base} must be between 1 and {MAX_BASE}")
        if not isinstance(self.seed, int) or not (0 <= self.seed < 2**62):
            raise InputError(f"--seed: {self.seed} must be an integer from 0 to 2^62 - 1")
        for k in self.bases:
            if not isinstance(k, int) or not (1 <= k <= self.max_base):
                raise InputError(f"--base: {k} must be between 1 and --max-base ({self.max_base})")

    @classmethod
    def from_cli(cls, problem: str, n: str, seconds: float, seed: int, max_base: int,
                 bases: str | None = None) -> "LiftSpec":
        """The spec of the command line; ``bases`` as written (a list like ``2,6``)."""
        from discover.extremal.problems import MAX_CYCLE_N
        from discover.sizes import parse_sizes

        chosen = tuple(parse_sizes(bases, maximum=MAX_BASE_LIST, option="--base")) if bases else ()
        return cls(problem=problem, sizes=parse_sizes(n, maximum=MAX_CYCLE_N), seconds=float(seconds),
                   seed=seed, max_base=max_base, bases=chosen)


def shards(spec: LiftSpec):
    """One shard per size, with a seed derived from the spec's seed and the size."""
    for n in spec.sizes:
        yield Shard(id=f"n-{n}", params={"n": n, "seed": spec.seed * 1_000_003 + n})


def run_shard(spec: LiftSpec, shard: Shard) -> ShardResult:
    """The best lift at the shard's size, verified, as one record (none when the size has no lift:
    see :func:`discover.extremal.lift.plan.arms_for`)."""
    from discover.extremal.engine import make_record
    from discover.extremal.lift.plan import best_lift, lifted_graph
    from discover.extremal.lift.voltage import S_MOVES
    from discover.extremal.problems import get_problem
    from discover.runner.inner import report

    n, seed = shard.params["n"], shard.params["seed"]
    report(n=n, seconds=spec.seconds)
    tic = time.perf_counter()
    found = best_lift(n, spec.seconds, seed, spec.max_base, spec.bases)
    if found is None:
        return ShardResult(records=[], candidates=0, rejected=0)
    edges, arm = found
    orbits = arm.orbits()
    construction = {"kind": "voltage lift", "base_vertices": arm.k, "group": arm.group.name,
                    "group_order": arm.group.order, "voltage_edges": [list(o) for o in orbits],
                    "edges_per_orbit": "m, or m/2 for a loop whose voltage is an involution"}
    record = make_record(get_problem(spec.problem), n, lifted_graph(arm), time.perf_counter() - tic,
                         lane=0, seed=seed, steps=int(arm.state[S_MOVES]), extra={"construction": construction})
    if record is None:
        return ShardResult(records=[], candidates=1, rejected=1)
    return ShardResult(records=[record], candidates=1, rejected=0)


ENGINE = Engine(ENGINE_NAME, LiftSpec, shards, run_shard)
