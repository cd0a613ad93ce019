"""The extremal engine as the runner sees it: spec -> lanes (shards) -> verified graph records.

``ExtremalSearchSpec`` says which problem, which sizes, how long per size, how many independent lanes
(random restarts spread over workers: each lane is a shard with its own seed), whether each lane runs
the curriculum (seeding size n from its best graphs at n-1..n-4, and on later passes from n+1..n+4),
and optional seed graphs (graph6), e.g. the best graphs of an earlier run taken from the store
(:func:`continued_from_store`, ``--continue``): the way a long run is continued.

Rounds (``--rounds R``) are one run of a pipeline (:class:`discover.runner.engine.Engine` with
``then``): round k+1 (:func:`next_round`) is the same spec with the next random seed, seeded with the
best graph per size among round k's stored records (:func:`best_graphs`) besides the spec's own seeds.
Every round's lanes are shards of the same checkpoint, so ``discover resume`` after a kill finishes
the round it was in and then every later round.

Every graph a lane returns is re-checked by :func:`discover.extremal.verify.verify` (an independent
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
MAX_PASSES = 100
MAX_ROUNDS = 1000
# one lane's whole budget (seconds per size x sizes visited x rounds): longer is a typo, not a plan
MAX_SECONDS = 7 * 24 * 3600.0
# a seed graph this many vertices from a size seeds it (smaller by adding isolated vertices, larger by
# deleting the vertices of least degree)
SEED_REACH = 4
# graph6 files (--seed-file, extremal check): at most this many bytes and graphs
MAX_FILE_BYTES = 64 * 2**20
MAX_GRAPHS = 10_000
WALKS = ("mixed", "reattach", "flip", "learned")
# when a size may stop before its time is up (see ExtremalSearchSpec.stop_at)
STOP_AT = ("none", "exact", "record")


@dataclass(frozen=True)
class ExtremalSearchSpec(SearchSpec):
    """A search: ``problem`` (see :func:`discover.extremal.problems.get_problem`), ``sizes`` (in the
    order a lane visits them on its first pass), ``seconds`` per size per lane and pass, ``seed``,
    ``lanes`` (independent restarts, one shard each), ``curriculum`` (seed from nearby sizes),
    ``passes`` (1: sizes in order; 2: then back in reverse; ...), ``seeds`` (graph6 seed graphs),
    ``stop_at`` (``none``, the default: every size runs its whole time, the published table is only a
    comparison; ``exact``: a size stops when it reaches a value published as exact; ``record``: also
    when it matches a published record; a Ramsey size stops at its first witness in any case), ``walks`` (``mixed``: re-attachment and
    tabu where the re-attachment applies, else tabu and hill climb; ``reattach``: re-attachment only;
    ``flip``: the edge-flip walks only), ``rounds`` (this round and the ones after it, see
    :func:`next_round`) and ``carried`` (graph6 of the best graphs of the round before, which seed
    this one besides ``seeds``)."""

    problem: str = "c3c4"
    sizes: tuple[int, ...] = (10,)
    seconds: float = 10.0
    seed: int = 0
    lanes: int = 1
    curriculum: bool = True
    passes: int = 1
    seeds: tuple[str, ...] = ()
    stop_at: str = "none"
    walks: str = "mixed"
    rounds: int = 1
    carried: tuple[str, ...] = ()

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
        if not isinstance(self.passes, int) or not (1 <= self.passes <= MAX_PASSES):
            raise InputError(f"--passes: {self.passes} must be between 1 and {MAX_PASSES}")
        if not isinstance(self.rounds, int) or not (1 <= self.rounds <= MAX_ROUNDS):
            raise InputError(f"--rounds: {self.rounds} must be between 1 and {MAX_ROUNDS}")
        if not isinstance(self.seed, int) or not (0 <= self.seed < 2**62):
            raise InputError(f"--seed: {self.seed} must be an integer from 0 to 2^62 - 1")
        budget = self.seconds * len(visit_order(self)) * self.rounds
        if budget > MAX_SECONDS:
            raise InputError(f"--time: {self.seconds:g} s per size over {len(visit_order(self))} size visits "
                             f"and {self.rounds} round(s) is {budget / 3600:,.0f} hours per lane; the limit "
                             "is one week (168 hours)")
        for text in self.seeds + self.carried:
            graph6.decode(text, max_n=problem.max_n + SEED_REACH)
        if self.stop_at not in STOP_AT:
            raise InputError(f"--stop-at: {self.stop_at!r} is not one of {', '.join(STOP_AT)}")
        if self.walks not in WALKS:
            raise InputError(f"--walks: {self.walks!r} is not one of {', '.join(WALKS)}")
        if self.walks == "reattach" and not problem.reattachable:
            raise InputError(f"--walks reattach: problem {problem.name} has no re-attachment walk (it needs "
                             "most edges with C4 forbidden)")

    @classmethod
    def from_dict(cls, data: dict) -> "ExtremalSearchSpec":
        """A stored spec; one stored before ``stop_at`` existed had ``stop_at_record`` (true meant
        ``record``; false meant go on past a record, stopping at exact values)."""
        if "stop_at" not in data and "stop_at_record" in data:
            data = dict(data, stop_at="record" if data["stop_at_record"] else "exact")
        return super().from_dict(data)

    @classmethod
    def from_cli(cls, problem: str, n: str, seconds: float, seed: int, lanes: int, curriculum: bool = True,
                 passes: int = 1, seeds: tuple[str, ...] = (), stop_at: str = "none",
                 walks: str = "mixed", rounds: int = 1, down: bool = False) -> "ExtremalSearchSpec":
        """The spec of the command line: ``n`` as written (see :func:`discover.sizes.parse_sizes`, sizes
        1..MAX_CYCLE_N; each problem may allow fewer), largest first with ``down``; of ``seeds`` only
        the graphs within ``SEED_REACH`` vertices of a size are kept (a seed file that has none is
        refused)."""
        from discover.extremal import graph6
        from discover.extremal.problems import MAX_CYCLE_N
        from discover.sizes import parse_sizes

        sizes = parse_sizes(n, maximum=MAX_CYCLE_N)
        if down:
            sizes = tuple(sorted(sizes, reverse=True))
        kept = tuple(g for g in seeds if _near(graph6.order(g), sizes))
        if seeds and not kept:
            shown = sorted({graph6.order(g) for g in seeds})
            raise InputError(f"--seed-file: none of its graphs (n = {', '.join(map(str, shown[:8]))}"
                             f"{', ...' if len(shown) > 8 else ''}) is within {SEED_REACH} vertices of a size "
                             "searched")
        return cls(problem=problem, sizes=sizes, seconds=float(seconds), seed=seed, lanes=lanes,
                   curriculum=curriculum, passes=passes, seeds=kept, stop_at=stop_at,
                   walks=walks, rounds=rounds)


def _near(m: int, sizes) -> bool:
    """Whether a graph on m vertices seeds one of ``sizes``."""
    return any(abs(m - n) <= SEED_REACH for n in sizes)


def shards(spec: ExtremalSearchSpec):
    """One shard per lane; the lane's random seed is derived from the spec seed and the lane index."""
    for lane in range(spec.lanes):
        yield Shard(id=f"lane-{lane}", params={"lane": lane, "seed": spec.seed * 1_000_003 + lane})


def visit_order(spec: ExtremalSearchSpec) -> list[int]:
    """The sizes one lane visits, in order: up, then (second pass) back down, ... without repeating the
    size where a pass turns."""
    order: list[int] = []
    forward = list(spec.sizes)
    for p in range(spec.passes):
        seq = forward if p % 2 == 0 else forward[::-1]
        if order and seq and seq[0] == order[-1]:
            seq = seq[1:]
        order.extend(seq)
    return order


def make_record(problem, n: int, edges: list[tuple[int, int]], seconds: float, lane: int, seed: int,
                steps: int, extra: dict | None = None) -> Record | None:
    """A verified record for this graph, or None if the independent check rejects it; ``extra`` (e.g. the
    construction of a lifted graph) is added to the payload."""
    from discover.extremal.canon import canonical_graph6
    from discover.extremal.verify import verify
    from discover.extremal.recheck import recheck
    from discover.extremal.reference import compare, published, reference_value, table_incomplete

    tic = time.perf_counter()
    check = verify(problem, n, edges)
    if not check.pop("ok"):
        return None
    g6 = canonical_graph6(n, edges)
    m = len(edges)
    ref, ref_kind = reference_value(problem, n)
    if problem.objective == "witness":
        # a verified witness beyond the table's R(s,t) - 1 would contradict a published theorem; it is
        # still stored (status new_record), never dropped: the table is a comparison, not a filter
        status, by = compare(n, ref)
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
    second = None
    if status == "new_record":
        # above every published value we know: claimed only if networkx agrees from the edge list
        second = recheck(problem, n, edges)
        if not second["ok"]:
            return None
    payload = {
        "problem": problem.name, "n": n, "edges": m, "graph6": g6, "reference": ref,
        "reference_kind": ref_kind, "status": status, "by": by,
        "compared_with": published(problem, n), "table_incomplete": table_incomplete(problem, n),
        "seconds": round(seconds, 3),
        "min_degree": min(degrees) if n else 0, "max_degree": max(degrees) if n else 0,
        "lane": lane, "seed": seed, "steps": steps, **(extra or {}),
    }
    verification = dict(check)
    if second is not None:
        verification["new_record_recheck"] = second
    verification["seconds"] = round(time.perf_counter() - tic, 4)
    verification["canonical_form"] = "individualisation-refinement canonical labelling (discover.extremal.canon)"
    return Record.create(ENGINE_NAME, problem.name, [problem.name, g6], statement, payload, verification,
                         verified=True)


def run_shard(spec: ExtremalSearchSpec, shard: Shard) -> ShardResult:
    """Run one lane: every size of the spec in visiting order, with the curriculum if asked.

    Even lanes restart mostly from the curriculum's seeds, odd lanes mostly from the empty graph
    (:func:`discover.extremal.lanes.search_size`, ``from_scratch``), so that a run of two or more
    lanes explores both."""
    import numpy as np

    from discover.extremal.problems import get_problem
    from discover.extremal.lanes import edges_from_adjacency, resize, search_size, seed_graphs, warm_up

    problem = get_problem(spec.problem)
    warm_up(problem, spec.walks)
    lane, seed = shard.params["lane"], shard.params["seed"]
    rng = np.random.default_rng(seed)
    held: dict = {}
    spent: dict = {}
    steps_total = 0
    for n in visit_order(spec):
        sources = []
        if spec.curriculum:
            for m in sorted(held, key=lambda m: abs(m - n)):
                if m != n and abs(m - n) <= SEED_REACH:
                    sources.append((m, held[m].adjacency))
        sources += seed_graphs(spec.seeds + spec.carried, n)
        sources.sort(key=lambda item: abs(item[0] - n))  # same size first, then the nearest sizes
        starts = [resize(a, n, rng) for m, a in sources]
        tic = time.perf_counter()
        found, steps = search_size(problem, n, spec.seconds, int(rng.integers(2**63 - 1)), starts,
                                   best=held.get(n), spent=spent.get(n, 0.0),
                                   stop_at=spec.stop_at, walks=spec.walks,
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


def best_per_size(records) -> list[Record]:
    """The best record at each size, in size order: the most edges (for a Ramsey witness, whose edge
    count does not matter, the first), among equals the first in ``records``."""
    best: dict[int, Record] = {}
    for record in records:
        p = record.payload
        held = best.get(p["n"])
        if held is None or (p["edges"] > held.payload["edges"] and not p["problem"].startswith("ramsey")):
            best[p["n"]] = record
    return [best[n] for n in sorted(best)]


def best_graphs(records) -> tuple[str, ...]:
    """graph6 of :func:`best_per_size` of ``records``."""
    return tuple(record.payload["graph6"] for record in best_per_size(records))


def next_round(spec: ExtremalSearchSpec, records) -> "tuple[Engine, ExtremalSearchSpec] | None":
    """The round after ``spec`` (the pipeline step of :data:`ENGINE`): the same search with the next
    random seed, seeded with the best graphs among ``records`` (the stored records of the round just
    done) besides the spec's own seeds; None after the last round."""
    import dataclasses

    if spec.rounds <= 1:
        return None
    return ENGINE, dataclasses.replace(spec, seed=spec.seed + 1, rounds=spec.rounds - 1,
                                       carried=best_graphs(records))


def continued_from_store(spec: ExtremalSearchSpec, store) -> ExtremalSearchSpec:
    """``spec`` with the best stored graph of its problem at each size within ``SEED_REACH`` of its sizes
    added to its seeds (``--continue``). Called before the run, so the stored spec holds these seeds
    and a resume starts from the same graphs. A store that does not exist yet adds none."""
    import dataclasses
    import os

    from discover.store import Store
    from discover.store.sqlite_store import default_store_path

    if not os.path.exists(default_store_path(store)):
        return spec
    with Store(store, create=False) as db:
        stored = [row.record for row in db.conjectures(engine="extremal", kind=spec.problem)
                  if _near(row.record.payload.get("n", -99), spec.sizes)]
    return dataclasses.replace(spec, seeds=spec.seeds + best_graphs(stored))


def goal_reached(spec: ExtremalSearchSpec, records) -> str | None:
    """The run's goal under ``--stop-at exact|record`` (the pipeline's ``goal``): every size of the spec
    holds a record at its published value (for a witness problem: a witness), in any lane. Then the
    lanes still running are stopped: a lane already ends a size at that value, so the others could only
    give an equal graph at that size. None while a size is short, with ``--stop-at none`` (the time
    budget decides), or when a size has no published value to stop at."""
    from discover.extremal.lanes import goal_for
    from discover.extremal.problems import get_problem

    if spec.stop_at == "none":
        return None
    problem = get_problem(spec.problem)
    best = {r.payload["n"]: r.payload["edges"] for r in best_per_size(records)}
    for n in set(spec.sizes):
        goal = goal_for(problem, n, spec.stop_at)
        if n not in best or (problem.objective != "witness" and (goal >= n * n or best[n] < goal)):
            return None
    sizes = sorted(set(spec.sizes))
    shown = f"n = {sizes[0]}" if len(sizes) == 1 else f"{len(sizes)} sizes"
    return (f"{shown} reached {'a witness' if problem.objective == 'witness' else 'the published value'} "
            f"(--stop-at {spec.stop_at})")


ENGINE = Engine(ENGINE_NAME, ExtremalSearchSpec, shards, run_shard, then=next_round, goal=goal_reached)


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
    """Re-check every graph independently: those that pass become records (status vs the reference);
    each one that fails becomes an unverified record (never stored) whose payload says which graph
    (``index``, 0-based, in ``spec.graphs``) and why (``reason``)."""
    from discover.extremal import graph6
    from discover.extremal.problems import get_problem
    from discover.extremal.recheck import recheck
    from discover.extremal.verify import failure_reason, verify

    problem = get_problem(spec.problem)
    records = []
    for index, text in enumerate(spec.graphs):
        n, edges = graph6.decode(text)
        rec = make_record(problem, n, edges, 0.0, -1, -1, 0)
        if rec is not None:
            records.append(rec)
            continue
        # the runner counts unverified records as rejected
        first = verify(problem, n, edges)
        if first["ok"]:  # the check passed, the networkx re-check of a new record did not
            reason = "claimed above the published value, but the networkx re-check finds " + \
                recheck(problem, n, edges).get("reason", "a difference")
        else:
            reason = failure_reason(problem, first)
        records.append(Record.create(CHECK_ENGINE_NAME, problem.name, [problem.name, text],
                                     f"graph {index + 1} fails {problem.name}: {reason}",
                                     {"problem": problem.name, "n": n, "index": index, "reason": reason},
                                     {"method": "independent check (discover.extremal.verify)"}, verified=False))
    return ShardResult(records=records, candidates=len(spec.graphs))


CHECK_ENGINE_NAME = "extremal.check"
CHECK_ENGINE = Engine(CHECK_ENGINE_NAME, ExtremalCheckSpec, check_shards, run_check_shard)


def read_graph_lines(path: str, max_n: int) -> tuple[tuple[int, str], ...]:
    """(line number, graph6 text) of the graphs of a file, one per line (blank lines and # comments
    skipped). An unreadable file, a file over ``MAX_FILE_BYTES`` or with more than ``MAX_GRAPHS`` graphs,
    a byte that is not ASCII, a malformed line, a graph of more than ``max_n`` vertices or a file without
    graphs raise InputError naming the file (and the line)."""
    from discover.extremal import graph6
    from discover.textfile import read_text_file

    # bounded and checked: a device such as /dev/zero is refused, a non-ASCII byte is named by its line
    text = read_text_file(path, str(path), MAX_FILE_BYTES, encoding="ascii")
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if len(out) == MAX_GRAPHS:
            raise InputError(f"{path}: more than {MAX_GRAPHS:,} graphs in one file")
        try:
            graph6.decode(s, max_n=max_n)
        except InputError as exc:
            raise InputError(f"{path}, line {number}: {exc}") from None
        out.append((number, s))
    if not out:
        raise InputError(f"{path}: no graphs in the file")
    return tuple(out)


def read_graph_file(path: str, max_n: int) -> tuple[str, ...]:
    """The graph6 texts of :func:`read_graph_lines`."""
    return tuple(text for _, text in read_graph_lines(path, max_n))


# --seed-family values: the algebraic graphs offered as starts
SEED_FAMILIES = ("semiplane",)


def family_seeds(family: str, problem: str, sizes: str) -> tuple[str, ...]:
    """graph6 starts of ``--seed-family`` for the sizes as written (an InputError for an unknown family,
    a problem the family does not serve, or sizes no member is near)."""
    from discover.extremal.problems import MAX_CYCLE_N, get_problem
    from discover.extremal.semiplane import semiplane_seeds
    from discover.sizes import parse_sizes

    if family not in SEED_FAMILIES:
        raise InputError(f"--seed-family: {family!r} is not one of {', '.join(SEED_FAMILIES)}")
    if get_problem(problem).objective == "witness":
        raise InputError(f"--seed-family: {family} graphs start the cycle problems, not {problem}")
    return semiplane_seeds(parse_sizes(sizes, maximum=MAX_CYCLE_N), SEED_REACH)
