"""A small real engine for testing the runner and store (not shipped as a CLI command).

It finds the integers in [0, limit) that are sums of two squares, one shard per block of integers,
and verifies each hit by exhibiting the two squares. Knobs make shards slow, raise, or kill their
worker process once, so the fault behaviour of the runner can be tested.
"""

from __future__ import annotations

import math
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from discover.errors import InputError
from discover.records import Record
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult


@dataclass(frozen=True)
class ToySpec(SearchSpec):
    limit: int = 100
    block: int = 10
    delay: float = 0.0          # seconds each shard sleeps (to have shards in flight)
    fail_block: int = -1        # this block raises ValueError
    crash_once_dir: str = ""    # if set, block 0 SIGKILLs its own process the first time it runs
    report_threads: bool = False  # records carry numba.get_num_threads() of the process that ran them
    aliases: bool = False       # each block also finds the next block's numbers, worded differently
    goal: int = -1              # GOAL_ENGINE: the run's goal is met once this number is found
    slow_from: int = -1         # blocks from this index on sleep slow_delay seconds (shards to stop)
    slow_delay: float = 60.0

    def __post_init__(self):
        if self.limit < 0 or self.block < 1:
            raise InputError(f"toy: limit {self.limit} / block {self.block} out of range")


def shards(spec: ToySpec):
    for lo in range(0, spec.limit, spec.block):
        yield Shard(id=f"block-{lo // spec.block}", params={"lo": lo, "hi": min(lo + spec.block, spec.limit)})


def two_squares(k: int) -> tuple[int, int] | None:
    for a in range(math.isqrt(k) + 1):
        b = math.isqrt(k - a * a)
        if a * a + b * b == k and a <= b:
            return a, b
    return None


def run_shard(spec: ToySpec, shard: Shard) -> ShardResult:
    lo, hi = shard.params["lo"], shard.params["hi"]
    index = lo // spec.block
    if spec.crash_once_dir and index == 0:
        marker = Path(spec.crash_once_dir) / "crashed"
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
    if index == spec.fail_block:
        raise ValueError(f"block {index} is configured to fail")
    if spec.delay:
        time.sleep(spec.delay)
    if 0 <= spec.slow_from <= index:
        time.sleep(spec.slow_delay)
    extra = {}
    if spec.report_threads:
        import numba

        extra["numba_threads"] = numba.get_num_threads()
    records = []
    for k in range(lo, hi):
        pair = two_squares(k)
        if pair is not None:
            a, b = pair
            assert a * a + b * b == k
            records.append(Record.create("toy", "sum_of_two_squares", k, f"{k} = {a}^2 + {b}^2",
                                         {"k": k, "a": a, "b": b, **extra}, {"method": "exhibit"}, verified=True))
    if spec.aliases:  # the same keys as the next block finds, in other words (b^2 + a^2): equivalent records
        for k in range(hi, min(hi + spec.block, spec.limit)):
            pair = two_squares(k)
            if pair is not None:
                a, b = pair
                records.append(Record.create("toy", "sum_of_two_squares", k, f"{k} = {b}^2 + {a}^2",
                                             {"k": k, "a": b, "b": a}, {"method": "exhibit"}, verified=True))
    return ShardResult(records=records, candidates=hi - lo)


ENGINE = Engine("toy", ToySpec, shards, run_shard)


def goal_found(spec: ToySpec, records) -> str | None:
    """The toy goal: the number ``spec.goal`` is among the records."""
    if any(r.payload.get("k") == spec.goal for r in records):
        return f"{spec.goal} found"
    return None


GOAL_ENGINE = Engine("toy", ToySpec, shards, run_shard, goal=goal_found)


def shards_last_first(spec: ToySpec):
    """The same shards, last block first: to check that results do not depend on finishing order."""
    return reversed(list(shards(spec)))


LAST_FIRST_ENGINE = Engine("toy", ToySpec, shards_last_first, run_shard)


# ---------------------------------------------------------------- a two-stage pipeline
@dataclass(frozen=True)
class GapSpec(SearchSpec):
    """Stage 2 of the toy pipeline: the sums of two squares found by stage 1, one shard per gap size."""

    values: tuple = ()
    delay: float = 0.0


def gap_shards(spec: GapSpec):
    gaps = sorted({b - a for a, b in zip(spec.values, spec.values[1:])})
    for gap in gaps:
        yield Shard(id=f"gap-{gap}", params={"gap": gap})


def run_gap_shard(spec: GapSpec, shard: Shard) -> ShardResult:
    """Record 'gap g occurs first after k' for the smallest k with k and k + g consecutive in the list."""
    gap = shard.params["gap"]
    if spec.delay:
        time.sleep(spec.delay)
    first = next(a for a, b in zip(spec.values, spec.values[1:]) if b - a == gap)
    record = Record.create("toy", "gap", gap, f"gap {gap} first after {first}", {"gap": gap, "first": first},
                           {"method": "scan"}, verified=True)
    return ShardResult(records=[record], candidates=1)


def gaps_from_squares(spec: ToySpec, records: list[Record]):
    values = tuple(sorted(r.payload["k"] for r in records))
    return GAP_ENGINE, GapSpec(values=values, delay=spec.delay)


GAP_ENGINE = Engine("toy.gaps", GapSpec, gap_shards, run_gap_shard)
PIPELINE = Engine("toy.pipeline", ToySpec, shards, run_shard, then=gaps_from_squares)


# ---------------------------------------------------------------- a command, to test the CLI layer
def _toy_command():
    import click

    from cli.common import emit_records, emit_summary, execute, json_option, runner_options

    @click.command(name="toy")
    @click.option("--limit", type=int, default=60)
    @click.option("--block", type=int, default=5)
    @click.option("--delay", type=float, default=0.0)
    @click.option("--crash-once-dir", default="")
    @click.option("--fail-block", type=int, default=-1)
    @click.option("--report-threads", is_flag=True)
    @click.option("--goal", type=int, default=-1)
    @click.option("--slow-from", type=int, default=-1)
    @click.option("--slow-delay", type=float, default=60.0)
    @json_option
    @runner_options
    def command(limit, block, delay, crash_once_dir, fail_block, report_threads, goal, slow_from, slow_delay,
                as_json, run_options):
        """The sums of two squares below LIMIT (a test engine)."""
        spec = ToySpec(limit=limit, block=block, delay=delay, crash_once_dir=crash_once_dir,
                       fail_block=fail_block, report_threads=report_threads, goal=goal, slow_from=slow_from,
                       slow_delay=slow_delay)
        summary = execute(GOAL_ENGINE if goal >= 0 else ENGINE, spec, run_options, as_json)
        emit_records(summary.records, as_json, [("k", lambda r: r.payload["k"]), ("statement", lambda r: r.statement)])
        emit_summary(summary, as_json)

    return command


def __getattr__(name):  # the command imports the CLI layer, which a worker node need not have
    if name == "command":
        return _toy_command()
    raise AttributeError(name)

# `python tests/toy_engine.py toy ...` is `discover toy ...`, with the toy command added
if __name__ == "__main__":
    from cli.main import GROUPS, cli

    GROUPS["toy"] = ("toy_engine:command", "A test engine.")
    cli.main()
