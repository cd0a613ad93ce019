"""The extremal engine as the runner sees it: spec -> lanes (shards) -> verified graph records.

``ExtremalSearchSpec`` says which problem, which sizes, how long per size, how many independent lanes
(random restarts spread over workers: each lane is a shard with its own seed), whether each lane runs
the curriculum (seeding size n from its best graphs at n-1..n-4, and on later passes from n+1..n+4),
and optional seed graphs (graph6), e.g. the best graphs of an earlier run taken from the store: the way
a long run is checkpointed and continued.

Every graph a lane returns is re-checked by :func:`discover.extremal.check.verify` (an independent
routine working from the edge list) before it becomes a record; the record key is the hash of the
problem and the canonical graph6 form, so isomorphic graphs are one record.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from discover.errors import InputError
from discover.records import Record
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

ENGINE_NAME = "extremal.search"
MAX_LANES = 4096
MAX_SECONDS = 7 * 24 * 3600.0
WALKS = ("mixed", "reattach", "flip")


@dataclass(frozen=True)
class ExtremalSearchSpec(SearchSpec):
    """A search: ``problem`` (see :func:`discover.extremal.problems.get_problem`), ``sizes`` (in the
    order a lane visits them on its first pass), ``seconds`` per size per lane and pass, ``seed``,
    ``lanes`` (independent restarts, one shard each), ``curriculum`` (seed from nearby sizes),
    ``passes`` (1: sizes in order; 2: then back in reverse; ...), ``seeds`` (graph6 seed graphs),
    ``stop_at_record`` (a size whose table value is only a record stops when it matches it; by default
    the search goes on for record + 1 until its time is up), ``walks`` (``mixed``: re-attachment and
    tabu where the re-attachment applies, else tabu and hill climb; ``reattach``: re-attachment only;
    ``flip``: the edge-flip walks only)."""

    problem: str = "c3c4"
    sizes: tuple[int, ...] = (10,)
    seconds: float = 10.0
    seed: int = 0
    lanes: int = 1
    curriculum: bool = True
    passes: int = 1
    seeds: tuple[str, ...] = ()
    stop_at_record: bool = False
    walks: str = "mixed"

    def __post_init__(self):
        from discover.extremal import graph6
        from discover.extremal.problems import get_problem
        from discover.extremal.reference import reference_value

        problem = get_problem(self.problem)
        object.__setattr__(self, "problem", problem.name)
        if not self.sizes:
            raise InputError("--n: no sizes given")
        for n in self.sizes:
            problem.validate_n(n)
            if problem.objective == "witness":
                value, _ = reference_value(problem, n)
                if value is not None and n > value:
                    raise InputError(f"--n: {n}: no witness exists for {problem.name}, "
                                     f"R({problem.clique},{problem.independent}) = {value + 1}")
        if not isinstance(self.seconds, (int, float)) or not (0 < self.seconds <= MAX_SECONDS):
            raise InputError(f"--time: {self.seconds} must be a positive number of seconds (at most one week)")
        if not isinstance(self.lanes, int) or not (1 <= self.lanes <= MAX_LANES):
            raise InputError(f"--restarts: {self.lanes} must be between 1 and {MAX_LANES}")
        if not isinstance(self.passes, int) or not (1 <= self.passes <= 100):
            raise InputError(f"--passes: {self.passes} must be between 1 and 100")
        if not isinstance(self.seed, int) or self.seed < 0:
            raise InputError(f"--seed: {self.seed} must be a non-negative integer")
        for text in self.seeds:
            graph6.decode(text)
        if self.walks not in WALKS:
            raise InputError(f"--walks: {self.walks!r} is not one of {', '.join(WALKS)}")
        if self.walks == "reattach" and not problem.reattachable:
            raise InputError(f"--walks reattach: problem {problem.name} has no re-attachment walk (it needs "
                             "most edges with C4 forbidden)")

    @classmethod
    def from_cli(cls, problem: str, n: str, seconds: float, seed: int, lanes: int, curriculum: bool = True,
                 passes: int = 1, seeds: tuple[str, ...] = (), stop_at_record: bool = False,
                 walks: str = "mixed") -> "ExtremalSearchSpec":
        return cls(problem=problem, sizes=parse_sizes(n), seconds=float(seconds), seed=seed, lanes=lanes,
                   curriculum=curriculum, passes=passes, seeds=tuple(seeds), stop_at_record=stop_at_record,
                   walks=walks)


def parse_sizes(text: str) -> tuple[int, ...]:
    """``"40"`` -> (40,); ``"10..20"`` -> (10, ..., 20); ``"10,12,15"`` -> (10, 12, 15)."""
    s = str(text).strip()
    try:
        if ".." in s:
            lo, hi = s.split("..", 1)
            lo, hi = int(lo), int(hi)
            if lo > hi:
                raise InputError(f"--n {text!r}: empty range (LO > HI)")
            return tuple(range(lo, hi + 1))
        return tuple(int(x) for x in s.split(","))
    except ValueError:
        raise InputError(f"--n {text!r}: expected N, LO..HI or N1,N2,...") from None


def shards(spec: ExtremalSearchSpec):
    """One shard per lane; the lane's random seed is derived from the spec seed and the lane index."""
    for lane in range(spec.lanes):
        yield Shard(id=f"lane-{lane}", params={"lane": lane, "seed": spec.seed * 1_000_003 + lane})


def _visit_order(spec: ExtremalSearchSpec) -> list[int]:
    order: list[int] = []
    forward = list(spec.sizes)
    for p in range(spec.passes):
        seq = forward if p % 2 == 0 else forward[::-1]
        if order and seq and seq[0] == order[-1]:
            seq = seq[1:]
        order.extend(seq)
    return order


def make_record(problem, n: int, edges: list[tuple[int, int]], seconds: float, lane: int, seed: int,
                steps: int) -> Record | None:
    """A verified record for this graph, or None if the independent check rejects it."""
    from discover.extremal.canon import canonical_graph6
    from discover.extremal.check import verify
    from discover.extremal.reference import compare, reference_value

    tic = time.perf_counter()
    check = verify(problem, n, edges)
    if not check.pop("ok"):
        return None
    g6 = canonical_graph6(n, edges)
    m = len(edges)
    ref, ref_kind = reference_value(problem, n)
    if problem.objective == "witness":
        status, by = compare(n, ref)
        if status == "new_record":  # cannot happen for a verified witness of a known Ramsey number
            return None
        statement = (f"R({problem.clique},{problem.independent}) > {n}: a two-colouring of K_{n} with no red "
                     f"K_{problem.clique} and no blue K_{problem.independent} ({m} red edges)")
    else:
        status, by = compare(m, ref)
        label = {"c3c4": "ex({n}; {{C3,C4}})", "c4": "ex({n}; C4)", "c3": "ex({n}; C3)",
                 "c3c4c5": "ex({n}; {{C3,C4,C5}})"}.get(problem.name, problem.name + "({n})").format(n=n)
        statement = f"{label} >= {m}"
    degrees = [0] * n
    for u, v in edges:
        degrees[u] += 1
        degrees[v] += 1
    payload = {
        "problem": problem.name, "n": n, "edges": m, "graph6": g6, "reference": ref,
        "reference_kind": ref_kind, "status": status, "by": by, "seconds": round(seconds, 3),
        "min_degree": min(degrees) if n else 0, "max_degree": max(degrees) if n else 0,
        "lane": lane, "seed": seed, "steps": steps,
    }
    verification = dict(check)
    verification["seconds"] = round(time.perf_counter() - tic, 4)
    verification["canonical_form"] = "individualisation-refinement canonical labelling (discover.extremal.canon)"
    return Record.create(ENGINE_NAME, problem.name, [problem.name, g6], statement, payload, verification,
                         verified=True)


def run_shard(spec: ExtremalSearchSpec, shard: Shard) -> ShardResult:
    """Run one lane: every size of the spec in visiting order, with the curriculum if asked.

    Even lanes restart mostly from the curriculum's seeds, odd lanes mostly from the empty graph
    (:func:`discover.extremal.search.search_size`, ``from_scratch``), so that a run of two or more
    lanes explores both."""
    import numpy as np

    from discover.extremal.problems import get_problem
    from discover.extremal.search import edges_from_adjacency, resize, search_size, seed_graphs, warm_up

    problem = get_problem(spec.problem)
    warm_up(problem)
    lane, seed = shard.params["lane"], shard.params["seed"]
    rng = np.random.default_rng(seed)
    held: dict = {}
    spent: dict = {}
    steps_total = 0
    for n in _visit_order(spec):
        sources = []
        if spec.curriculum:
            for m in sorted(held, key=lambda m: abs(m - n)):
                if m != n and abs(m - n) <= 4:
                    sources.append((m, held[m].adjacency))
        sources += seed_graphs(spec.seeds, n)
        sources.sort(key=lambda item: abs(item[0] - n))  # same size first, then the nearest sizes
        starts = [resize(a, n, rng) for m, a in sources]
        tic = time.perf_counter()
        found, steps = search_size(problem, n, spec.seconds, int(rng.integers(2**63 - 1)), starts,
                                   best=held.get(n), spent=spent.get(n, 0.0),
                                   beat_records=not spec.stop_at_record, walks=spec.walks,
                                   from_scratch=lane % 2 == 1)
        spent[n] = spent.get(n, 0.0) + time.perf_counter() - tic
        steps_total += steps
        if found is not None:
            held[n] = found
    records, rejected = [], 0
    for n in sorted(held):
        f = held[n]
        rec = make_record(problem, n, edges_from_adjacency(f.adjacency), f.seconds, lane, seed, f.steps)
        if rec is None:
            rejected += 1
        else:
            records.append(rec)
    return ShardResult(records=records, candidates=steps_total, rejected=rejected)


ENGINE = Engine(ENGINE_NAME, ExtremalSearchSpec, shards, run_shard)


@dataclass(frozen=True)
class ExtremalCheckSpec(SearchSpec):
    """Verify given graphs (graph6) against a problem and store those that pass (one shard)."""

    problem: str = "c3c4"
    graphs: tuple[str, ...] = ()

    def __post_init__(self):
        from discover.extremal import graph6
        from discover.extremal.problems import get_problem

        problem = get_problem(self.problem)
        object.__setattr__(self, "problem", problem.name)
        if not self.graphs:
            raise InputError("no graphs to check")
        for text in self.graphs:
            n, _ = graph6.decode(text)
            problem.validate_n(n)


def check_shards(spec: ExtremalCheckSpec):
    yield Shard(id="check", params={})


def run_check_shard(spec: ExtremalCheckSpec, shard: Shard) -> ShardResult:
    """Re-check every graph independently; those that pass become records (status vs the reference)."""
    from discover.extremal import graph6
    from discover.extremal.problems import get_problem

    problem = get_problem(spec.problem)
    records, rejected = [], 0
    for text in spec.graphs:
        n, edges = graph6.decode(text)
        rec = make_record(problem, n, edges, 0.0, -1, -1, 0)
        if rec is None:
            rejected += 1
        else:
            records.append(rec)
    return ShardResult(records=records, candidates=len(spec.graphs), rejected=rejected)


CHECK_ENGINE = Engine("extremal.check", ExtremalCheckSpec, check_shards, run_check_shard)


def read_graph_file(path: str) -> tuple[str, ...]:
    """graph6 lines of a file (blank lines and # comments skipped); malformed lines raise InputError
    naming the file and line."""
    from discover.extremal import graph6

    out = []
    try:
        with open(path, encoding="ascii", errors="strict") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read a graph6 file ({type(exc).__name__})") from None
    for number, line in enumerate(lines, start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        try:
            graph6.decode(s)
        except InputError as exc:
            raise InputError(f"{path}, line {number}: {exc}") from None
        out.append(s)
    if not out:
        raise InputError(f"{path}: no graphs in the file")
    return tuple(out)
