"""Which lifts to try at a size, and how the time is shared among them.

At n vertices the *arms* are the pairs (k, G) with k m = n, 1 <= k <= ``max_base`` and G one of the
split metacyclic groups of order m (:func:`discover.extremal.lift.groups.groups_of_order`); with k = 1
(Cayley graphs) only non-abelian G, since a Cayley graph of an abelian group with two generators
s, t (t != s^+-1) has the 4-cycle h, hs, hst, ht. Prime n has no arm but k = n <= ``max_base``.

The time is shared by successive halving (Jamieson and Talwalkar, AISTATS 2016): in each round every
live arm gets the same time, and the better half (by best edge count) goes on, until two are left,
which then take turns until the time is spent. In every round an arm whose best has not risen for
``STALL`` moves restarts from an empty orbit set (its best is kept): a walk stuck early would
otherwise spend its whole slice there and lose its arm to one that was merely luckier.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from discover.extremal.lift.groups import MAX_ORDER, Group, groups_of_order
from discover.extremal.lift.voltage import N_STATE, S_BEST, S_MOVES, lift_edges, lift_walk, orbit_candidates

MAX_BASE = 64
# moves without a gain after which an arm of the final two restarts empty
STALL = 20_000
# target seconds of one kernel call (a bound on how long Ctrl-C and the clock wait)
CHUNK_SECONDS = 0.25


@dataclass
class Arm:
    """One base size k and group G, with its walk's state (see :func:`lift_walk`)."""

    k: int
    group: Group
    candidates: tuple
    chosen: np.ndarray
    best: np.ndarray
    state: np.ndarray = field(default_factory=lambda: np.zeros(N_STATE, np.int64))
    last_gain: int = 0

    @property
    def best_edges(self) -> int:
        return int(self.state[S_BEST])

    def orbits(self) -> list[tuple[int, int, int]]:
        cu, cv, cg, _ = self.candidates
        return [(int(cu[j]), int(cv[j]), int(cg[j])) for j in np.nonzero(self.best)[0]]


def arms_for(n: int, max_base: int, bases: tuple[int, ...] = ()) -> list[Arm]:
    """The arms at n vertices (module docstring); with ``bases``, only those base sizes k."""
    arms = []
    for k in range(1, min(n, max_base) + 1):
        if n % k or n // k > MAX_ORDER or (bases and k not in bases):
            continue
        for group in groups_of_order(n // k):
            if k == 1 and group.abelian:
                continue
            cand = orbit_candidates(k, group)
            size = cand[0].shape[0]
            arms.append(Arm(k, group, cand, np.zeros(size, np.bool_), np.zeros(size, np.bool_)))
    return arms


def _run(arm: Arm, moves: int, rng: np.random.Generator) -> None:
    cu, cv, cg, cs = arm.candidates
    before = arm.best_edges
    lift_walk(arm.k, arm.group.table, cu, cv, cg, cs, arm.chosen, arm.best, arm.state, moves,
              int(rng.integers(2**31 - 1)))
    if arm.best_edges > before:
        arm.last_gain = int(arm.state[S_MOVES])


def _run_for(arm: Arm, deadline: float, rng: np.random.Generator, moves: int | None = None) -> None:
    """Moves of ``arm`` in calls of about CHUNK_SECONDS until the deadline (or ``moves`` moves)."""
    chunk = 1
    done = 0
    while time.perf_counter() < deadline and (moves is None or done < moves):
        if arm.state[S_MOVES] - arm.last_gain > STALL:
            arm.chosen[:] = False
            arm.last_gain = int(arm.state[S_MOVES])
        step = chunk if moves is None else min(chunk, moves - done)
        tic = time.perf_counter()
        _run(arm, step, rng)
        done += step
        spent = time.perf_counter() - tic
        chunk = max(1, min(4 * chunk, int(step * CHUNK_SECONDS / max(spent, 1e-4))))


def best_lift(n: int, seconds: float, seed: int, max_base: int = 16, bases: tuple[int, ...] = ()):
    """The best lift found at n vertices in about ``seconds``: (edges, arm) or None when n has no
    arm. The graph is ``lifted_graph(arm)``. The time is cut into R equal rounds, R - 1 of halving
    (each live arm an equal slice) and a last one for the two best arms, which take turns."""
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    arms = arms_for(n, max_base, bases)
    if not arms:
        return None
    live = [arms[i] for i in rng.permutation(len(arms))]
    rounds = 1
    while len(live) > 2 ** rounds:
        rounds += 1
    for r in range(1, rounds + 1):
        end = start + seconds * r / rounds
        if len(live) > 2:
            for i, arm in enumerate(live):
                _run_for(arm, time.perf_counter() + (end - time.perf_counter()) / (len(live) - i), rng)
            # the better half goes on (ties: the random order of the arms)
            live = sorted(live, key=lambda a: -a.best_edges)[: max(2, len(live) // 2)]
            continue
        while time.perf_counter() < end:
            for arm in live:
                _run_for(arm, min(end, time.perf_counter() + CHUNK_SECONDS), rng)
    top = max(arms, key=lambda a: a.best_edges)
    return (top.best_edges, top) if top.best_edges > 0 else None


def lifted_graph(arm: Arm) -> list[tuple[int, int]]:
    """The edge list of the best orbit set of ``arm``."""
    return lift_edges(arm.k, arm.group, arm.orbits())
