"""``discover cayley maxdiam``: the largest diameter of a Cayley graph of S_n over generating sets of a shape.

A pipeline of two stages (one run, one checkpoint; :data:`MAXDIAM_ENGINE`):

1. ``cayley.maxdiam`` shards: the sets of the shape at each size n (:mod:`.enumerate`: every set up to
   simultaneous conjugacy when there are at most ``exhaustive_limit``, else ``sample`` of them, seeded:
   uniformly from the canonical list when it could be listed, else by random draws of generators), cut
   into chunks. For each set: the group it generates by Schreier-Sims (:mod:`.verify`); when that is S_n
   (or A_n, for a shape of even permutations) the growth of its undirected Cayley graph (the set and the
   inverses of its elements) by the bitmap BFS (:func:`discover.cayley.bfs.growth`). A chunk's ``chunk``
   record holds how many sets it examined and how many generate, the histogram of diameters and its
   maximisers with their layer sizes; it is verified when every growth's layers sum to the group order.
2. ``cayley.maxdiam.maximum`` (:data:`MAXIMUM_ENGINE`, derived from the chunk records by
   :func:`maximum_stage`): one shard per size gathers the chunks into a ``maximum`` record: the largest
   diameter, the number of sets examined and how they were enumerated ("exhaustive, M sets up to
   simultaneous conjugacy" or "sampled, K of M"), the maximisers with their growth, each maximiser's
   diameter re-checked by the frontier engine, and, for three involutions, whether the square-with-whiskers
   family (:func:`discover.cayley.perm_families.square_whiskers`) attains the maximum.

Limits (stated in ``--help``, checked when the spec is built): n <= :data:`MAX_N`; at most
:data:`MAX_EXHAUSTIVE` sets listed and :data:`MAX_SAMPLE` drawn per size; the BFS work of one size,
(sets) x |S_n|, at most :data:`MAX_WORK_STATES` states.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache

from discover.errors import InputError
from discover.records import Record
from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult

MAX_N = 12
MAX_EXHAUSTIVE = 1_000_000
MAX_SAMPLE = 100_000
MAX_WORK_STATES = 10 ** 12  # BFS states of one size (sets x n!): about 14 hours of one core
MAX_KEEP = 1000
DRAWINGS = {"square-whiskers": "square with whiskers", "path": "path", "tree": "tree"}
ENUMERATION_CAP = 50_000  # sets listed (about 5 s of one core) to learn M exactly when sampling from the list
CHUNK_STATES = 40_000_000  # BFS states per shard (about 5-20 s of one core), so a kill loses little
ENGINE_NAME = "cayley.maxdiam"


@dataclass(frozen=True)
class MaxDiamSpec(SearchSpec):
    """``shape``: the classes of the generators (:mod:`.shape`); ``sizes``: the degrees n;
    ``exhaustive_limit``: list every set when there are at most this many, else draw ``sample`` of them
    (``seed``); ``keep``: maximisers listed per chunk and size."""

    shape: str = "three-involutions"
    sizes: tuple[int, ...] = ()
    exhaustive_limit: int = 10_000
    sample: int = 500
    seed: int = 0
    keep: int = 20
    drawing: str = ""  # only sets whose drawing is of this kind (drawing.describe_drawing), e.g. square-whiskers

    def __post_init__(self):
        from discover.cayley.maxdiam.shape import parse_shape

        if not self.sizes:
            raise InputError("--n: give the sizes, e.g. --n 4..8")
        for n in self.sizes:
            if not 2 <= n <= MAX_N:
                raise InputError(f"--n {n}: out of range; sizes must be 2..{MAX_N}")
        if not 1 <= self.exhaustive_limit <= MAX_EXHAUSTIVE:
            raise InputError(f"--exhaustive-limit {self.exhaustive_limit}: must be 1..{MAX_EXHAUSTIVE:,}")
        if not 1 <= self.sample <= MAX_SAMPLE:
            raise InputError(f"--sample {self.sample}: must be 1..{MAX_SAMPLE:,}")
        if not 0 <= self.seed < 2 ** 63:
            raise InputError(f"--seed {self.seed}: must be 0..2^63-1")
        if not 1 <= self.keep <= MAX_KEEP:
            raise InputError(f"--keep {self.keep}: must be 1..{MAX_KEEP}")
        shape = parse_shape(self.shape)
        if self.drawing and self.drawing not in DRAWINGS:
            raise InputError(f"--drawing {self.drawing!r}: expected one of {', '.join(DRAWINGS)}")
        for n in self.sizes:
            shape.check(n)
            if self.drawing and not all(c.is_involution(n) for c in shape.classes):
                raise InputError(f"--drawing: only for shapes of involutions (the drawing of {self.shape!r} at n={n} "
                                 "is not defined)")
            work = min(shape.estimated_sets(n), max(self.exhaustive_limit, self.sample)) * math.factorial(n)
            if work > MAX_WORK_STATES:
                raise InputError(f"--n {n}: about {work:.1e} BFS states for this shape and --sample/"
                                 f"--exhaustive-limit, beyond the limit of {MAX_WORK_STATES:.0e} per size")


# ---------------------------------------------------------------------------- which sets
@lru_cache(maxsize=16)
def plan(shape_text: str, n: int, exhaustive_limit: int, sample: int, seed: int,
         drawing: str = "") -> tuple[str, int, bool, tuple]:
    """(mode, M, M_exact, sets) of one size: mode "exhaustive" (sets = all M) or "sampled" (sets = K of
    M; M_exact False when M is the estimate of :meth:`Shape.estimated_sets`). ``drawing``: only the sets
    drawn as that kind (:data:`DRAWINGS`); M counts those (when the sets could be listed)."""
    import random

    from discover.cayley.maxdiam.enumerate import canonical_sets, sample_sets
    from discover.cayley.maxdiam.shape import parse_shape

    shape = parse_shape(shape_text)
    cap = max(exhaustive_limit, ENUMERATION_CAP)
    # the Numba enumeration cannot be interrupted: it is not started when the estimate says it would be long
    listed = canonical_sets(shape, n, cap) if shape.estimated_sets(n) <= cap else None
    if drawing:
        from discover.cayley.maxdiam.drawing import describe_drawing

        def keep(sets):
            return [s for s in sets if describe_drawing(s)["kind"] == DRAWINGS[drawing]]

        if listed is None:
            return "sampled", shape.estimated_sets(n), False, tuple(keep(sample_sets(shape, n, sample, seed)))
        listed = keep(listed)
    if listed is not None and len(listed) <= exhaustive_limit:
        return "exhaustive", len(listed), True, tuple(listed)
    if listed is not None:
        chosen = random.Random(f"{shape_text}|{n}|{seed}").sample(range(len(listed)), min(sample, len(listed)))
        return "sampled", len(listed), True, tuple(listed[i] for i in sorted(chosen))
    return "sampled", shape.estimated_sets(n), False, tuple(sample_sets(shape, n, sample, seed))


def chunk_size(n: int) -> int:
    return max(1, CHUNK_STATES // math.factorial(n))


def shards(spec: MaxDiamSpec):
    for n in spec.sizes:
        mode, _, _, sets = plan(spec.shape, n, spec.exhaustive_limit, spec.sample, spec.seed, spec.drawing)
        step = chunk_size(n)
        for i, start in enumerate(range(0, len(sets), step)):
            yield Shard(id=f"n{n:02d}-{i:06d}", params={"n": n, "start": start, "stop": min(start + step, len(sets))})


def undirected(gens) -> list[tuple]:
    """The set with the inverse of every generator that is not an involution (the undirected graph)."""
    from discover.cayley import perms as P

    out = list(gens)
    for g in gens:
        inv = P.inverse(g)
        if inv not in out:
            out.append(inv)
    return out


def describe(gens) -> str:
    from discover.cayley import perms as P

    return ", ".join(P.to_cycles(g) for g in gens)


def run_chunk(spec: MaxDiamSpec, shard: Shard) -> ShardResult:
    from discover.cayley.bfs import growth
    from discover.cayley.graph import perm_graph
    from discover.cayley.maxdiam.drawing import describe_drawing
    from discover.cayley.maxdiam.shape import parse_shape
    from discover.cayley.maxdiam.verify import group_of, layers_match


    n, start, stop = shard.params["n"], shard.params["start"], shard.params["stop"]
    target = parse_shape(spec.shape).check(n)
    mode, total, exact, sets = plan(spec.shape, n, spec.exhaustive_limit, spec.sample, spec.seed, spec.drawing)
    histogram: dict[int, int] = {}
    best, maximisers, generating, mismatched, other_group = -1, [], 0, 0, 0
    for gens in sets[start:stop]:
        group, order = group_of(gens, n)
        if group != target:
            other_group += group is not None  # A_n from a shape that can give S_n: another maximum, not mixed in
            continue
        generating += 1
        result = growth(perm_graph(f"set-{n}", undirected(gens), n), order=order, last_layer_limit=0)
        if not layers_match(result.layer_sizes, order):
            mismatched += 1
            continue
        d = result.diameter
        histogram[d] = histogram.get(d, 0) + 1
        entry = {"generators": [list(g) for g in gens], "cycles": describe(gens), "group": group,
                 "layer_sizes": list(result.layer_sizes), "drawing": describe_drawing(gens)}
        if d > best:
            best, maximisers = d, [entry]
        elif d == best and len(maximisers) < spec.keep:
            maximisers.append(entry)
    examined = stop - start
    statement = (f"{spec.shape}, n={n}, sets {start}..{stop - 1} of {mode} list: {generating} of {examined} generate "
                 f"{target.replace('_n', f'_{n}')}; largest diameter {best if best >= 0 else 'none'}")
    payload = {"shape": spec.shape, "drawing_filter": spec.drawing or None, "n": n, "mode": mode, "total": total,
               "total_exact": exact, "start": start,
               "stop": stop, "examined": examined, "generating": generating, "group": target,
               "generating_other_group": other_group,
               "histogram": {str(d): c for d, c in sorted(histogram.items())},
               "max_diameter": best if best >= 0 else None,
               "maximisers": maximisers}
    verification = {"method": "each growth's layers sum to the order of the group the set generates (Schreier-Sims)",
                    "growths_checked": generating, "mismatched": mismatched}
    canonical = [spec.shape, n, mode, spec.seed if mode == "sampled" else None, spec.sample if mode == "sampled"
                 else None, start, stop] + ([spec.drawing] if spec.drawing else [])
    record = Record.create(ENGINE_NAME, "chunk", canonical, statement, payload, verification, verified=mismatched == 0)
    return ShardResult(records=[record], candidates=examined, rejected=mismatched)


# ---------------------------------------------------------------------------- stage 2: the maximum per size
@dataclass(frozen=True)
class MaximumSpec(SearchSpec):
    """Per size, what the chunks found: ``data`` = ((n, payload of the gathered chunks), ...)."""

    shape: str = ""
    data: tuple = ()
    keep: int = 20
    drawing: str = ""


def gather(spec: MaxDiamSpec, records) -> dict[int, dict]:
    """The chunk records of ``spec`` gathered per size (examined, generating, histogram, maximisers)."""
    out: dict[int, dict] = {}
    for r in records:
        if r.kind != "chunk" or r.payload.get("shape") != spec.shape or \
                (r.payload.get("drawing_filter") or "") != spec.drawing:
            continue
        p = r.payload
        g = out.setdefault(p["n"], {"mode": p["mode"], "total": p["total"], "total_exact": p["total_exact"],
                                    "examined": 0, "generating": 0, "generating_other_group": 0, "histogram": {},
                                    "max_diameter": None, "maximisers": [], "group": p["group"]})
        g["examined"] += p["examined"]
        g["generating"] += p["generating"]
        g["generating_other_group"] += p["generating_other_group"]
        for d, c in p["histogram"].items():
            g["histogram"][d] = g["histogram"].get(d, 0) + c
        if p["max_diameter"] is None:
            continue
        if g["max_diameter"] is None or p["max_diameter"] > g["max_diameter"]:
            g["max_diameter"], g["maximisers"] = p["max_diameter"], list(p["maximisers"])
        elif p["max_diameter"] == g["max_diameter"]:
            g["maximisers"] += p["maximisers"]
    for g in out.values():
        g["maximisers"] = g["maximisers"][:spec.keep]
        g["histogram"] = dict(sorted(g["histogram"].items(), key=lambda kv: int(kv[0])))
    return out


def maximum_stage(spec: MaxDiamSpec, records):
    """``then`` of :data:`MAXDIAM_ENGINE`: one maximum shard per size, from the chunk records."""
    table = gather(spec, records)
    data = tuple((n, table[n]) for n in spec.sizes if n in table)
    return (MAXIMUM_ENGINE, MaximumSpec(shape=spec.shape, data=data, keep=spec.keep, drawing=spec.drawing)
            if data else None)


def maximum_shards(spec: MaximumSpec):
    for n, _ in spec.data:
        yield Shard(id=f"max-n{n:02d}", params={"n": n})


def whisker_check(shape_text: str, n: int, best: int | None, maximisers) -> dict | None:
    """For three involutions: every member square_whiskers:q:e:w:t at n (q = 0..n-4; e, w, t = 0, 1) that
    generates S_n, its diameter (taken from the maximisers when its canonical form is among them, else by its own
    BFS), and whether the best member attains the maximum."""
    from discover.cayley import perm_families as F
    from discover.cayley.maxdiam.enumerate import canonical_form
    from discover.cayley.maxdiam.shape import parse_shape
    from discover.cayley.maxdiam.verify import group_of

    shape = parse_shape(shape_text)
    if not (shape.k == 3 and all(c.any_involution for c in shape.classes)) or n < F.SQUARE_WHISKERS_MIN_N:
        return None
    listed = {tuple(tuple(g) for g in m["generators"]) for m in maximisers}
    members = []
    for q, e, w, t in itertools.product(range(n - 3), (0, 1), (0, 1), (0, 1)):
        try:
            gens, _ = F.square_whiskers(n, q, e, w, t)
        except InputError:
            continue  # no doubled tip on this member
        group, order = group_of(gens, n)
        if group != "S_n" or len(set(gens)) < 3:
            continue
        among = canonical_form(shape, gens) in listed
        if among:
            diameter = best
        else:
            from discover.cayley.bfs import growth
            from discover.cayley.graph import perm_graph

            diameter = growth(perm_graph("square_whiskers", list(gens), n), order=order,
                              last_layer_limit=0).diameter
        members.append({"family": f"square_whiskers:{q}:{e}:{w}:{t}", "generators": describe(gens),
                        "diameter": diameter, "among_listed_maximisers": among})
    top = max((m["diameter"] for m in members), default=None)
    from discover.cayley.maxdiam.drawing import SQUARE_WHISKERS, describe_drawing

    drawn = [describe_drawing([tuple(g) for g in m["generators"]])["kind"] for m in maximisers]
    return {"members": members, "diameter": top, "maximiser_drawings": drawn,
            "pattern_attains_maximum": SQUARE_WHISKERS in drawn,
            "best": [m["family"] for m in members if m["diameter"] == top],
            "attains_maximum": top is not None and best is not None and top == best,
            "exceeds_sampled_maximum": top is not None and best is not None and top > best}


def run_maximum(spec: MaximumSpec, shard: Shard) -> ShardResult:
    from discover.cayley.maxdiam.verify import recheck_diameter

    n = shard.params["n"]
    g = dict(next(d for m, d in spec.data if m == n))
    best = g["max_diameter"]
    rechecked = all(recheck_diameter(undirected([tuple(x) for x in m["generators"]]), n, m["layer_sizes"])
                    for m in g["maximisers"])
    about = "" if g["total_exact"] else "about "
    only = f" drawn as {DRAWINGS[spec.drawing]}" if spec.drawing else ""
    how = (f"exhaustive: all {g['total']:,} sets{only} up to simultaneous conjugacy (canonical forms)"
           if g["mode"] == "exhaustive" else
           f"sampled, {g['examined']:,} of {about}{g['total']:,} sets{only} up to simultaneous conjugacy "
           "(seed in the spec)")
    whisker = whisker_check(spec.shape, n, best, g["maximisers"])
    group = g["group"].replace("_n", f"_{n}")
    statement = (f"{spec.shape}, {group}: largest diameter {best} over {g['generating']:,} generating sets ({how})"
                 + (f"; square_whiskers has diameter {whisker['diameter']}"
                    + (" (attains it)" if whisker["attains_maximum"] else
                       " (above it: the sample missed it)" if whisker["exceeds_sampled_maximum"] else " (below it)")
                    + ("; a maximiser is drawn as a square with whiskers" if whisker["pattern_attains_maximum"] else
                       "; no maximiser is drawn as a square with whiskers") if whisker else ""))
    payload = {"shape": spec.shape, "drawing_filter": spec.drawing or None, "n": n, "how": how, **g,
               "whiskers": whisker}
    verification = {"method": "maximisers' growth recomputed by the frontier engine; every growth's layers sum to "
                              "the Schreier-Sims order (chunk records)", "maximisers_rechecked": len(g["maximisers"]),
                    "agree": rechecked}
    canonical = [spec.shape, n, g["mode"], g["examined"], g["total"], best] + ([spec.drawing] if spec.drawing else [])
    record = Record.create(ENGINE_NAME, "maximum", canonical, statement, payload, verification,
                           verified=bool(rechecked) and best is not None)
    return ShardResult(records=[record], candidates=len(g["maximisers"]), rejected=0 if rechecked else 1)


MAXIMUM_ENGINE = Engine(ENGINE_NAME + ".maximum", MaximumSpec, maximum_shards, run_maximum)
MAXDIAM_ENGINE = Engine(ENGINE_NAME, MaxDiamSpec, shards, run_chunk, then=maximum_stage)

__all__ = ["MaxDiamSpec", "MaximumSpec", "MAXDIAM_ENGINE", "MAXIMUM_ENGINE", "MAX_N"]
