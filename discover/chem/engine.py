"""The chem engine as the runner sees it: a spec of reaction lines, shards of lines, verified records.

One spec holds one or more lines (an equation each, or a comma-separated species list when
``sides_free``). ``mode="balance"`` gives one record per balanceable line (kind ``balance``, or
``reaction_set`` with ``all_reactions``: the canonical balance plus every elementary reaction);
``mode="enumerate"`` gives one ``balance`` record per elementary reaction. Lines that cannot balance
give no record: they are counted as rejected, and :func:`line_problems` / the CLI report why.

Record keys: a ``balance`` record's canonical form is the sorted list of (species normal form, signed
coefficient) of the species present, so the same reaction written in another order, or found by
``enumerate``, is stored once.
"""

from __future__ import annotations

from dataclasses import dataclass

from discover.chem.equation import MAX_LINES
from discover.errors import InputError
from discover.records import Record
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

ENGINE_NAME = "chem.balance"
MODES = ("balance", "enumerate")
SHARD_LINES = 64
MAX_RAYS_LIMIT = 10_000_000  # the largest --max-rays: beyond it the enumeration outgrows memory and patience
# The ray table holds --max-rays rows of one int64 per column (a species with a side given is one column,
# a free species two): at most this many entries (1.6 GB), so a large --max-rays on many species is refused.
MAX_RAY_ENTRIES = 200_000_000


@dataclass(frozen=True)
class ChemSpec(SearchSpec):
    """What to balance. ``lines``: equations (``A + B -> C``), or species lists (``A, B, C``) when
    ``sides_free``; ``medium``: None, ``acidic`` or ``basic``; ``all_reactions``: list every elementary
    reaction with the balance; ``mode``: ``balance`` or ``enumerate``; ``max_rays``: the bound on the
    double description's intermediate ray count; ``line_numbers``: the file line of each entry of
    ``lines`` (for reports; default 1, 2, ...)."""

    lines: tuple[str, ...] = ()
    sides_free: bool = False
    medium: str | None = None
    all_reactions: bool = False
    mode: str = "balance"
    max_rays: int = 200_000
    line_numbers: tuple[int, ...] = ()

    def __post_init__(self):
        if not self.lines:
            raise InputError("no reaction given")
        if self.mode not in MODES:
            raise InputError(f"mode {self.mode!r}: expected one of {', '.join(MODES)}")
        if self.line_numbers and len(self.line_numbers) != len(self.lines):
            raise InputError("line_numbers must match lines")
        if not 1 <= self.max_rays <= MAX_RAYS_LIMIT:
            raise InputError(f"--max-rays {self.max_rays}: must be between 1 and {MAX_RAYS_LIMIT:,}")
        if len(self.lines) > MAX_LINES:
            raise InputError(f"{len(self.lines):,} reactions; a run has at most {MAX_LINES:,}")
        for i, line in enumerate(self.lines):
            try:
                problem = parse_line(self, line)
                columns = sum(2 if side == 0 else 1 for side in problem.sides)
                if self.max_rays * columns > MAX_RAY_ENTRIES:
                    raise InputError(
                        f"--max-rays {self.max_rays:,} with {columns} ray columns ({len(problem.sides)} species) "
                        f"would need {self.max_rays * columns * 8 / 1e9:.1f} GB; --max-rays times columns is at "
                        f"most {MAX_RAY_ENTRIES:,} (here --max-rays {MAX_RAY_ENTRIES // columns:,})")
            except InputError as exc:
                if len(self.lines) == 1 and not self.line_numbers:
                    raise
                raise InputError(f"line {self.line_number(i)}: {exc}") from None

    def line_number(self, index: int) -> int:
        return self.line_numbers[index] if self.line_numbers else index + 1


def parse_line(spec: ChemSpec, line: str):
    from discover.chem.equation import parse_problem

    return parse_problem(line, medium=spec.medium, sides_free=spec.sides_free)


def shards(spec: ChemSpec):
    for start in range(0, len(spec.lines), SHARD_LINES):
        stop = min(start + SHARD_LINES, len(spec.lines))
        yield Shard(id=f"lines-{start + 1:06d}-{stop:06d}", params={"start": start, "stop": stop})


def _canonical_reaction(problem, signed) -> list:
    return sorted([s.canonical(), c] for s, c in zip(problem.species, signed) if c)


def balance_record(b, line: int | None = None, all_reactions: bool = False, extra: dict | None = None) -> Record:
    """The record of one verified balance (``b``: :class:`~discover.chem.balance.Balance`)."""
    problem = b.problem
    names = problem.names
    payload = {
        "equation": b.equation(),
        "species": names,
        "coefficients": b.coefficients,
        "sides": b.sides,
        "elements": b.elements,
        "unique": b.unique,
        "elementary_reactions": len(b.modes),
        "rule": b.rule,
    }
    if any(problem.added):
        payload["added"] = [n for n, a in zip(names, problem.added) if a]
    readings = [s.reading for s in problem.species if s.reading]
    if readings:
        payload["readings"] = readings  # how ambiguous charge notation was read (docs/chem.md)
    if line is not None:
        payload["line"] = line
    payload.update(extra or {})
    kind = "balance"
    canonical = _canonical_reaction(problem, b.signed)
    if all_reactions:
        kind = "reaction_set"
        payload["reactions"] = [[abs(v) for v in m] for m in b.modes]
        payload["reactions_signed"] = [list(m) for m in b.modes]
        canonical = {"species": sorted(s.canonical() for s in problem.species),
                     "reactions": sorted(_canonical_reaction(problem, m) for m in b.modes)}
    statement = b.equation()
    if not b.unique:
        statement += f"  ({len(b.modes)} elementary reactions)"
    verification = dict(b.checks)
    verification["seconds"] = round(b.seconds, 6)
    verification["elementary_reactions_checked"] = len(b.modes)
    verification["elementary_check"] = "atoms, charge, gcd 1, and minimality (rank of the species used = count - 1)"
    return Record.create(ENGINE_NAME, kind, canonical, statement, payload, verification, verified=True)


def mode_records(b, line: int | None = None) -> list[Record]:
    """One ``balance`` record per elementary reaction of ``b`` (the output of ``chem enumerate``)."""
    from discover.chem.balance import Balance
    from discover.chem.equation import Problem
    from discover.chem.verify import check_balance

    out = []
    problem = b.problem
    for index, mode in enumerate(b.modes, start=1):
        keep = [j for j, v in enumerate(mode) if v]
        sub = Problem(tuple(problem.species[j] for j in keep), tuple(problem.sides[j] for j in keep),
                      tuple(problem.added[j] for j in keep))
        signed = tuple(mode[j] for j in keep)
        checks = check_balance(sub, signed)
        sb = Balance(sub, b.elements, signed, [signed], b.seconds, checks, "unique balance")
        out.append(balance_record(sb, line=line, extra={"species_list": problem.names, "signed": list(mode),
                                                        "index": index}))
    return out


def run_shard(spec: ChemSpec, shard: Shard) -> ShardResult:
    from discover.chem.balance import ImpossibleReaction, balance

    result = ShardResult()
    for i in range(shard.params["start"], shard.params["stop"]):
        result.candidates += 1
        problem = parse_line(spec, spec.lines[i])
        try:
            b = balance(problem, max_rays=spec.max_rays, min_sum=spec.mode == "balance")
        except ImpossibleReaction:
            result.rejected += 1
            continue
        line = spec.line_number(i) if len(spec.lines) > 1 or spec.line_numbers else None
        if spec.mode == "enumerate":
            result.records.extend(mode_records(b, line=line))
        else:
            result.records.append(balance_record(b, line=line, all_reactions=spec.all_reactions))
    return result


def line_problems(spec: ChemSpec, balanced: set[int] = frozenset()) -> list[tuple[int, str, str]]:
    """(line number, line, reason) for every line of ``spec`` that cannot balance; the reason ends with
    how ambiguous charge notation was read, when the line has any. Lines whose number is in
    ``balanced`` (those that gave a record) are not balanced again."""
    from discover.chem.balance import ImpossibleReaction, balance

    out = []
    for i, line in enumerate(spec.lines):
        if spec.line_number(i) in balanced:
            continue
        problem = parse_line(spec, line)
        try:
            balance(problem, max_rays=spec.max_rays, min_sum=False)
        except ImpossibleReaction as exc:
            readings = [s.reading for s in problem.species if s.reading]
            reason = exc.reason + (f" (notation read as: {'; '.join(readings)})" if readings else "")
            out.append((spec.line_number(i), line, reason))
    return out


ENGINE = Engine(ENGINE_NAME, ChemSpec, shards, run_shard)
