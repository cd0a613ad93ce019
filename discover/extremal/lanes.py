"""The lane driver: restarts, the curriculum across sizes, and time budgets around the walks.

One *lane* (a shard) walks the sizes of a spec in order (and, with several passes, back down and up
again). At size n it builds its starting graphs from the best graphs it already holds at n-1..n-4
(adding isolated vertices) and n+1..n+4 (deleting the vertices of least degree), from seed graphs
given in the spec, and from the empty graph; each start is saturated with legal edges, then improved
in short chunks by the walks (:func:`discover.extremal.reattach.reattach_climb`,
:func:`discover.extremal.flips.tabu_search`, :func:`discover.extremal.flips.hill_climb`, and with
``walks="learned"`` :func:`discover.extremal.learn.walk.learned_walk` in place of the tabu search) until the
size's time budget is spent or, when the spec asks for it (``stop_at``), the published value is
reached (by default the time budget alone decides; the published table is only a comparison). A
start that stops improving for a while gives way to the next start (a restart); so does one from the
empty graph at girth 5 that has run for the patience cap, up to n = 64 (:func:`gives_way`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from discover.extremal import graph6
from discover.extremal.problems import Problem
from discover.extremal.reference import reference_value
from discover.runner.inner import report

# seconds without a gain after which a start gives way to the next (at most)
PATIENCE_CAP = 40.0
# largest size with the wider re-attachment walk (kernel_params), and its patience cap: with the wider
# walk the starts at n = 64 that reached 230 (9 of 30 one-start runs of 12 s) did so 2.2-11.9 s in
WIDE_WALK_MAX = 100
WIDE_PATIENCE_CAP = 12.0
# largest size at which a start from the empty graph with the wider walk is a *short start*
# (short_start): it also gives way after SHORT_START_AGE in all (start_age_cap) and makes the smaller
# re-attachment move (reattach_kick). Measured to help at n = 64; at 80 and 100 the cap made as many or
# fewer edges
AGE_CAP_MAX = 64
# seconds after which a short start gives way in all (start_age_cap). With the single-word
# re-attachment move (session 22) the single starts at n = 64 that reached 230 (13 of 30) did so
# 0.5-6.4 s in, and the user's command at n = 64 took a median 6.0 s with 3 s against 15.9 s with the
# 12 s patience, the same 50 seeds (docs/extremal.md, session 22)
SHORT_START_AGE = 3.0
# most vertices a re-attachment move destroys (the move destroys 1..k of them, k drawn at random): two
# in a short start (reattach_kick), four elsewhere
REATTACH_KICK = 4
SMALL_REATTACH_KICK = 2


@dataclass
class Found:
    """The best valid graph a lane holds at one size."""

    n: int
    edges: int
    adjacency: np.ndarray
    seconds: float
    steps: int


def adjacency_from_edges(n: int, edges) -> np.ndarray:
    a = np.zeros((n, n), np.uint8)
    for u, v in edges:
        a[u, v] = 1
        a[v, u] = 1
    return a


def edges_from_adjacency(a: np.ndarray) -> list[tuple[int, int]]:
    us, vs = np.nonzero(np.triu(a, 1))
    return [(int(u), int(v)) for u, v in zip(us, vs)]


def wide_walk(problem: Problem, n: int) -> bool:
    """Whether size n of ``problem`` gets the wider re-attachment walk and its patience cap: girth 5
    (C3 and C4 forbidden) up to n = WIDE_WALK_MAX, where it was measured."""
    return problem.cycles == (3, 4) and n <= WIDE_WALK_MAX


def kernel_params(problem: Problem, n: int, target: int, seed: int):
    """The int64 parameter vector of the kernels for ``problem`` at size ``n``."""
    from discover.extremal import flips as K

    p = np.zeros(K.N_PARAMS, np.int64)
    w3, w4, w5 = problem.weights()
    p[K.P_W3], p[K.P_W4], p[K.P_W5] = w3, w4, w5
    p[K.P_CLIQUE] = problem.clique
    p[K.P_INDEP] = problem.independent
    p[K.P_EDGE_WEIGHT] = 1 if problem.objective == "edges" else 0
    p[K.P_TENURE] = max(3, n // 4)
    p[K.P_TENURE_RAND] = max(2, n // 4)
    p[K.P_STALL] = 40 * n + 500
    p[K.P_KICK] = max(2, n // 8)
    p[K.P_TARGET] = target
    p[K.P_PENALTY] = 1
    p[K.P_SEED] = seed % (2**31 - 1)
    # per mille: the re-attachment walk keeps this share of the moves that lose one edge, and stays within
    # P_SLACK edges of its best. Up to n = WIDE_WALK_MAX it is a wider walk (30%, two edges): from the
    # empty graph at n = 64 one start of 12 s reached 230 in 9 of 30 against 0 of 16 with 5% and one edge,
    # and one lane of 60 s in 7 of 16 against 2 of 16 (docs/extremal.md, session 13); at n = 100 and 150
    # it made as many edges in 20 s as the narrow walk, which stays above that size and for the problems
    # where it was not measured (girth 6, C4 alone)
    wide = wide_walk(problem, n)
    p[K.P_WORSE] = 300 if wide else 50
    p[K.P_SLACK] = 2 if wide else 1
    # per mille of re-attachment moves whose first victim is a vertex of least degree: from scratch at
    # n = 56 (6 runs of at most 30 s) the walk reached 193 in a median 5.3 s with 300 and 26.3 s with 0;
    # at n = 60, 700 did worse than 300 (0 of 4 against 2 of 4 runs reached 212 in 60 s)
    p[K.P_LOW_DEGREE] = 300
    return p


def goal_for(problem: Problem, n: int, stop_at: str = "none") -> int:
    """Edge count at which a size is finished: with ``stop_at`` ``exact`` the published value where it
    is exact, with ``record`` the published value (exact or record), else (``none``, or no published
    value) none: n^2 edges, more than a graph on n vertices has. A witness problem is finished by any
    witness (0)."""
    if problem.objective == "witness":
        return 0
    value, kind = reference_value(problem, n)
    if value is None or stop_at == "none" or (stop_at == "exact" and kind != "exact"):
        return n * n
    return value


def resize(adjacency: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """A graph on n vertices from a smaller one (isolated vertices added) or a larger one (the
    vertices of least degree deleted one by one, ties broken at random)."""
    m = adjacency.shape[0]
    if m <= n:
        out = np.zeros((n, n), np.uint8)
        out[:m, :m] = adjacency
        perm = rng.permutation(n)
        return np.ascontiguousarray(out[np.ix_(perm, perm)])
    keep = list(range(m))
    a = adjacency.astype(np.int64)
    while len(keep) > n:
        sub = a[np.ix_(keep, keep)]
        deg = sub.sum(axis=1) + rng.random(len(keep)) * 0.5
        del keep[int(np.argmin(deg))]
    return np.ascontiguousarray(adjacency[np.ix_(keep, keep)]).astype(np.uint8)


def next_start(attempt: int, untried: list[int], count: int, from_scratch: bool,
               rng: np.random.Generator, short_lane: bool = False) -> int:
    """Index of the start for restart number ``attempt`` (0 first) among ``count`` starts, or -1 for
    the empty graph; ``untried`` (start indices in order) loses the index it returns.

    Attempt 0 takes the first start (the best graph held, else the nearest seed). A curriculum lane
    then takes every start once, then a random start and the empty graph by turns; a ``from_scratch``
    lane takes the empty graph, with the next untried start every third attempt, and a lane of short
    starts (``short_lane``, :func:`only_short_starts`) the empty graph at every attempt after the first."""
    if short_lane and attempt > 0:
        return -1
    if untried and (attempt == 0 or not from_scratch or attempt % 3 == 0):
        return untried.pop(0)
    if from_scratch or attempt % 2 == 1:
        return -1
    return int(rng.integers(count))


def gives_way(age: float, idle: float, run_edges: int, lane_best: int, patience: float,
              age_cap: float = float("inf")) -> bool:
    """Whether a start gives way to the next: ``age`` seconds since it began, ``idle`` seconds since its
    last gain, ``run_edges`` its best, ``lane_best`` the lane's best at this size.

    It does when it has not gained for ``patience`` seconds, when it is still more than two edges below
    the lane's best after half that time (at n = 64, with a 40 s patience, the starts from scratch that
    reached 230 were within two edges of 229 after 20 s, and most of the others were not), or when it is
    older than ``age_cap`` (:func:`start_age_cap`)."""
    return (idle > patience or age > age_cap
            or (age > patience / 2 and run_edges < lane_best - 2))


def short_start(problem: Problem, n: int, from_empty: bool) -> bool:
    """Whether a start is a short one: from the empty graph, with the wider walk (:func:`wide_walk`), up to
    n = AGE_CAP_MAX. Such a start has an age cap (:func:`start_age_cap`) and the smaller re-attachment
    move (:func:`reattach_kick`)."""
    return from_empty and wide_walk(problem, n) and n <= AGE_CAP_MAX


def start_age_cap(problem: Problem, n: int, patience: float, from_empty: bool, reattach: bool) -> float:
    """Seconds after which a start gives way even while it still gains (see :func:`gives_way`): the
    patience for a start from the empty graph with the wider walk (:func:`wide_walk`, with the
    re-attachment walk among the turns) up to n = AGE_CAP_MAX, else none (infinity).

    Why: at n = 64 such a start reached 230 2-12 s after it began (9 of 30 one-start runs of 12 s), while
    one that gained an edge now and then held its lane for up to 33 s under the stall rule alone. The user's
    command at n = 64, the same 24 seeds: mean 30.3 s (at most 63.3 s) with the cap, 50.6 s (at most
    113.0 s) without. From scratch at n = 80 and 100 (one lane, 60 s, three seeds) it made 308-309 and
    419-420 edges against 309 and 420-423 without, hence the bound (docs/extremal.md, session 14). A start
    from a held or resized graph (the curriculum's) gives way only by the stall rules.

    Since session 22 the cap is SHORT_START_AGE (3 s), or the patience when that is shorter: with the
    faster move a start's fate at n = 64 is settled within its first seconds (hits 0.5-6.4 s in), and
    four starts of 3 s reach 230 more often than one of 12 s."""
    if reattach and short_start(problem, n, from_empty):
        return min(patience, SHORT_START_AGE)
    return float("inf")


def only_short_starts(problem: Problem, n: int, from_scratch: bool, reattach: bool) -> bool:
    """Whether a lane makes only short starts: a from-scratch lane at the sizes of short starts
    (:func:`short_start`), with the re-attachment walk among the turns. Such a lane takes the densest
    given graph first (at n = 59..63 the curriculum's graph is the record at once) and the empty graph
    at every later attempt, and every one of its starts gives way after SHORT_START_AGE.

    Why: in the curriculum at n = 64 the resized graphs of 60..63 reach 229 within a second and then
    stall, and a from-scratch lane spent 12 s or more on one of them first and on another every third
    start. The benchmark's phase 2 (n = 54..64, two lanes, seeds 0-3; session 22): n = 64 at 14.8, 18.7,
    7.2 and 6.5 s, against 51.9 s and 125.5 s (seeds 0 and 1) before; with the empty graph from the first
    attempt on, 11.9, 62.1, 50.7 and 20.6 s (the lane then climbed 54..63 from scratch and came late).
    The curriculum lane keeps the resized graphs (docs/extremal.md, session 22)."""
    return from_scratch and reattach and short_start(problem, n, True)


def reattach_kick(problem: Problem, n: int, from_empty: bool) -> int:
    """Most vertices a re-attachment move destroys in a start at size n: SMALL_REATTACH_KICK for a start
    from the empty graph with the wider walk up to n = AGE_CAP_MAX (the starts :func:`start_age_cap` caps),
    else REATTACH_KICK.

    Why: at n = 64, one start from the empty graph for 12 s reached 230 in 20 of 60 runs with at most two
    vertices destroyed per move (hits 0.4-9.3 s in, most within 6 s), 17 of 60 with three, and 7 of 60 with
    four on the same seeds (docs/extremal.md, session 15); six gave 0 of 16 (session 14). A start from a
    given graph keeps four: from the semiplane of order 5 (girth 6, 125 edges) the walk reaches the
    Hoffman-Singleton graph (175) within 0.5 s with four and stays at 160 with two."""
    if short_start(problem, n, from_empty):
        return SMALL_REATTACH_KICK
    return REATTACH_KICK


def walk_turns(problem: Problem, walks: str) -> tuple[str, ...]:
    """The walks a start runs in turn, one time slice each: ``tabu`` for a witness problem; for an
    edges problem ``walks`` decides (``reattach`` alone, ``mixed``: three re-attachment slices and one
    tabu slice, ``learned``: the learned walk in place of tabu, with hill climbing; ``flip`` or where
    re-attachment does not apply: tabu and hill climbing)."""
    if problem.objective != "edges":
        return ("tabu",)
    if walks == "learned":
        return ("learned", "climb")
    if walks == "reattach" and problem.reattachable:
        return ("reattach",)
    if walks == "mixed" and problem.reattachable:
        return ("reattach", "reattach", "reattach", "tabu")
    return ("tabu", "climb")


def search_size(problem: Problem, n: int, seconds: float, seed: int, starts: list[np.ndarray],
                best: Found | None = None, spent: float = 0.0,
                stop_at: str = "none", walks: str = "mixed",
                from_scratch: bool = False, policy=None) -> tuple[Found | None, int]:
    """Search size n for ``seconds``; returns (best valid graph found or kept, kernel steps).

    ``walks``: ``mixed`` (the default turns below), ``reattach`` (the re-attachment walk alone),
    ``flip`` (the edge-flip walks alone) or ``learned`` (the learned walk and hill climbing, with the
    shipped policy, or ``policy`` when given: a :class:`discover.extremal.learn.weights.Policy`).

    Restarts: for an edges problem the first start is the densest of the best graph held at n and
    ``starts`` (else the graph held, or the first of ``starts``). After it, a
    curriculum lane (the default) tries each start once, then a random start and the empty graph by
    turns; a ``from_scratch`` lane restarts from the empty graph, with an untried start every third
    restart. The curriculum's seeds can hold every lane in one basin: at n = 64 they give 229 within
    seconds and stay there, while the record 230 comes from scratch (with the wider walk of
    :func:`wide_walk` and :func:`reattach_kick`, 20 of 60 one-start runs of 12 s), so the engine gives half of
    its lanes to each order.

    ``spent`` is the time already spent at this size (earlier passes): a graph found now is reported
    as reached after ``spent`` plus the time of this pass."""
    from discover.extremal import flips as K
    from discover.extremal import reattach as R

    rng = np.random.default_rng(seed)
    goal = goal_for(problem, n, stop_at)
    # the walks take turns in slices of about 0.1-0.3 s. Where the re-attachment walk applies it has
    # three slices in four: it reaches graphs the edge-flip walks do not, and its gains come further
    # apart (up to 30 s at n = 64), hence the longer patience; the tabu slice keeps variety
    turns = walk_turns(problem, walks)
    reattach = "reattach" in turns
    if "learned" in turns:
        from discover.extremal.learn import walk as L
        from discover.extremal.learn import weights as LW

        net = (policy if policy is not None else LW.load()).arrays()
        no_rec = L.no_recording()
    t0 = time.perf_counter()
    deadline = t0 + seconds
    best_a = best.adjacency.copy() if best is not None else np.zeros((n, n), np.uint8)
    best_edges = best.edges if best is not None else -1
    found_at = best.seconds if best is not None else 0.0
    steps = 0
    done = lambda: best_edges >= 0 and (problem.objective == "witness" or best_edges >= goal)  # noqa: E731
    starts = ([best.adjacency] if best is not None else []) + list(starts)
    if problem.objective == "edges":
        # the densest start first (ties: the order given, the graph held here, then the nearest sizes).
        # A start is a valid graph at n (vertices deleted or added), so one denser than the graph held
        # is already better; taken in size order, a short budget was spent on the graph held and a
        # better one resized from two sizes away was never tried (126 -> 124: 622 edges, held 590)
        starts.sort(key=lambda a: -int(a.sum()))
    starts.append(np.zeros((n, n), np.uint8))
    p_start = kernel_params(problem, n, goal, 0)
    attempt = 0

    def keep(graph, edges):
        """Hold ``graph`` as the lane's best at this size if it beats it."""
        nonlocal best_edges, best_a, found_at
        if edges > best_edges:
            best_edges = edges
            best_a = graph.copy()
            found_at = spent + time.perf_counter() - t0

    # a start that has not improved for this long gives way to the next; capped, so that a long
    # budget is spent on many starts (at n = 64, with the narrow walk, a start from scratch that
    # reached 230 did so within a minute, with gains up to 30 s apart; with the wider walk within 12 s)
    cap = WIDE_PATIENCE_CAP if reattach and wide_walk(problem, n) else PATIENCE_CAP
    patience = max(2.0, min(cap, seconds / (3 if reattach else 8)))
    untried = list(range(len(starts)))
    # steps per kernel call, learnt from the time calls take and kept across restarts. They start at
    # one: a single step can take 50 ms (ramsey-5-5 at n = 64), and a call is never interrupted, so a
    # first chunk of hundreds of steps would overrun the deadline and hold off Ctrl-C for seconds
    chunks = {"tabu": 1, "climb": 1, "reattach": 1, "learned": 1}
    short_lane = only_short_starts(problem, n, from_scratch, reattach)
    while not done() and time.perf_counter() < deadline:
        pick = next_start(attempt, untried, len(starts), from_scratch, rng, short_lane)
        start = np.zeros((n, n), np.uint8) if pick < 0 else starts[pick].copy()
        attempt += 1
        from_empty = not start.any()
        # in a lane of short starts the first start (the densest given graph) is capped like the rest
        age_cap = start_age_cap(problem, n, patience, from_empty or short_lane, reattach)
        kick = reattach_kick(problem, n, from_empty)
        if problem.objective == "edges":
            K.saturate(start, p_start, int(rng.integers(2**31 - 1)))
        cur = start
        began = last_gain = time.perf_counter()
        # each start has its own best, so a restart explores afresh; the lane keeps the overall best
        run_best = np.zeros((n, n), np.uint8)
        run_edges = -1
        if problem.objective == "edges" and K.count_violations(start, p_start) == 0:
            run_best = start.copy()  # a valid start: the walks over valid graphs may begin from it
            run_edges = int(start.sum()) // 2
            keep(run_best, run_edges)
        tabu = np.zeros((n, n), np.int64)
        state = K.new_state()
        hc_cur = None
        hc_state = K.new_state()
        recent = np.full((n, n), -(1 << 40), np.int64)
        ra_cur = None
        ra_state = K.new_state()
        while not done() and time.perf_counter() < deadline:
            for kernel in turns:
                if kernel not in ("tabu", "learned") and run_edges < 0:
                    continue
                p = kernel_params(problem, n, goal, int(rng.integers(2**31 - 1)))
                tic = time.perf_counter()
                if kernel == "tabu":
                    state[K.S_BEST_EDGES] = run_edges
                    steps += K.tabu_search(cur, run_best, tabu, state, p, chunks[kernel])
                    new_edges = int(state[K.S_BEST_EDGES])
                elif kernel == "learned":
                    # the tabu walk's state, tabu list and current graph, with the learned move rule
                    state[K.S_BEST_EDGES] = run_edges
                    steps += L.learned_walk(cur, run_best, tabu, state, p, *net, chunks[kernel], *no_rec)
                    new_edges = int(state[K.S_BEST_EDGES])
                elif kernel == "climb":
                    if hc_cur is None:
                        hc_cur = run_best.copy()
                    hc_state[K.S_BEST_EDGES] = run_edges
                    p[K.P_KICK] = 2
                    p[K.P_TENURE] = 5
                    steps += K.hill_climb(hc_cur, run_best, recent, hc_state, p, chunks[kernel])
                    new_edges = int(hc_state[K.S_BEST_EDGES])
                else:
                    if ra_cur is None:
                        ra_cur = run_best.copy()
                    ra_state[K.S_BEST_EDGES] = run_edges
                    p[K.P_KICK] = kick
                    steps += R.reattach_climb(ra_cur, run_best, ra_state, p, chunks[kernel])
                    new_edges = int(ra_state[K.S_BEST_EDGES])
                took = time.perf_counter() - tic
                report(n=n, best_edges=best_edges, start=attempt, steps=steps)
                if new_edges > run_edges:
                    run_edges = new_edges
                    last_gain = time.perf_counter()
                    # the other walks restart from the new best
                    if kernel not in ("tabu", "learned"):
                        cur = run_best.copy()
                    if kernel != "climb":
                        hc_cur = None
                    if kernel != "reattach":
                        ra_cur = None
                    keep(run_best, run_edges)
                # aim at calls of about 0.1-0.3 s so the deadline is kept
                if took < 0.1:
                    chunks[kernel] = min(chunks[kernel] * (4 if took < 0.025 else 2), 1 << 24)
                elif took > 0.3:
                    chunks[kernel] = max(1, int(chunks[kernel] * 0.2 / took))
                if done():
                    break
            now = time.perf_counter()
            if gives_way(now - began, now - last_gain, run_edges, best_edges, patience, age_cap):
                break
    if best_edges < 0:
        return None, steps
    return Found(n, best_edges, best_a, found_at, steps), steps


def warm_up(problem: Problem, walks: str = "mixed") -> None:
    """Load (or compile) the kernels this problem and choice of walks use, on a tiny graph, so that
    times to reach exclude it. Only those: each further kernel costs its cache load (about 15 ms)."""
    from discover.extremal import flips as K
    from discover.extremal import reattach as R

    a = np.zeros((4, 4), np.uint8)
    p = kernel_params(problem, 4, 0, 0)
    turns = walk_turns(problem, walks)
    if problem.objective == "edges":
        K.saturate(a.copy(), p, 0)
        K.count_violations(a, p)
    if "tabu" in turns:
        K.tabu_search(a.copy(), a.copy(), np.zeros((4, 4), np.int64), K.new_state(), p, 1)
    if "climb" in turns:
        K.hill_climb(a.copy(), a.copy(), np.zeros((4, 4), np.int64), K.new_state(), p, 1)
    if "reattach" in turns:
        R.reattach_climb(a.copy(), a.copy(), K.new_state(), p, 1)
    if "learned" in turns:
        from discover.extremal.learn import walk as L
        from discover.extremal.learn import weights as LW

        L.learned_walk(a.copy(), a.copy(), np.zeros((4, 4), np.int64), K.new_state(), p,
                       *LW.tabu_rule().arrays(), 1, *L.no_recording())


def seed_graphs(spec_seeds, n: int) -> list[tuple[int, np.ndarray]]:
    """(size, adjacency) of the spec's seed graphs within 4 of n."""
    out = []
    for text in spec_seeds:
        m, edges = graph6.decode(text)
        if abs(m - n) <= 4:
            out.append((m, adjacency_from_edges(m, edges)))
    return out
