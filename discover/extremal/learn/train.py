"""Training the learned walk: trajectories, step weights, fitting, self-play rounds, export.

Round 0 records walks of the tabu rule (:func:`discover.extremal.learn.weights.tabu_rule`: the learned
walk with a zero network is the tabu search's move rule); each later round records walks of the
policy fitted so far (self-play) and fits a fresh network on every round's steps (expert iteration:
Anthony, Tian and Barber 2017). A step is weighted by what followed it within ``window`` = 2n steps
``w = clip(1 + best valid edges reached - best valid edges held before the step, 0, 3)``: 0 when the
walk stayed below its best, 1 when it came back to a graph as good as its best, 2 or 3 when it beat
it (filtered behaviour cloning; reward-weighted regression, Peters and Schaal 2007).

Collecting needs only NumPy and Numba; fitting needs torch (the optional extra ``learn``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from discover.errors import InputError
from discover.extremal.learn import weights as W

MAX_ROUNDS = 10
MAX_STEPS = 100_000
MAX_SEEDS = 16
TRAIN_SIZES = (8, 64)
SLOTS = 16
# steps per kernel call while recording (about 0.03 s at n = 64)
CHUNK = 64


@dataclass(frozen=True)
class TrainSpec:
    """Self-play training: ``rounds`` (round 0 records the tabu rule), ``sizes`` and ``seeds`` (one walk
    per size and seed per round), ``steps`` per walk, ``hidden`` units, ``beta`` and ``band`` of the
    trained policy, ``window`` (steps after a move that decide its weight, default 2n), ``epochs``."""

    problem: str = "c3c4"
    rounds: int = 3
    sizes: tuple[int, ...] = (24, 30, 36, 42)
    seeds: int = 2
    steps: int = 3000
    hidden: int = 16
    beta: float = 2.0
    band: int = 1
    floor: int = 1
    decay: float = 1e-2
    epochs: int = 30
    seed: int = 0

    def __post_init__(self):
        from discover.extremal.problems import get_problem

        problem = get_problem(self.problem)
        if problem.objective != "edges":
            raise InputError(f"--problem: {problem.name} is a witness problem; the learned walk maximises edges")
        if not (1 <= self.rounds <= MAX_ROUNDS):
            raise InputError(f"--rounds: {self.rounds} must be between 1 and {MAX_ROUNDS}")
        lo, hi = TRAIN_SIZES
        if not self.sizes or any(not (lo <= n <= hi) for n in self.sizes):
            raise InputError(f"--n: training sizes must be between {lo} and {hi}")
        if not (1 <= self.seeds <= MAX_SEEDS):
            raise InputError(f"--seeds: {self.seeds} must be between 1 and {MAX_SEEDS}")
        if not (100 <= self.steps <= MAX_STEPS):
            raise InputError(f"--steps: {self.steps} must be between 100 and {MAX_STEPS}")
        if not (1 <= self.hidden <= W.MAX_HIDDEN):
            raise InputError(f"--hidden: {self.hidden} must be between 1 and {W.MAX_HIDDEN}")
        if not (0 <= self.band <= W.MAX_BAND):
            raise InputError(f"--band: {self.band} must be between 0 and {W.MAX_BAND}")
        if not (0 < self.beta <= 100) or not (1 <= self.epochs <= 1000):
            raise InputError("--beta must be in (0, 100] and --epochs in 1..1000")


@dataclass
class Trajectories:
    """Recorded steps: candidate features ``x`` (S x K x F), hand scores ``delta`` (S x K), ``meta``
    (S x N_META), and each walk's best valid edge count (``finals``, one per walk)."""

    x: np.ndarray
    delta: np.ndarray
    meta: np.ndarray
    weight: np.ndarray
    finals: list


def step_weights(meta: np.ndarray, window: int, floor: int = 1) -> np.ndarray:
    """``clip(gain + 1 - floor, 0, 3)`` per step i, ``gain`` = the most valid edges in steps
    i..i+window-1 minus the best held before step i: with ``floor`` 1 only the moves before a new best
    count; with 0 also those before a return to a graph as good as the best."""
    from discover.extremal.learn.walk import M_BEST_BEFORE, M_EDGES, M_VIOL

    valid = np.where(meta[:, M_VIOL] == 0, meta[:, M_EDGES], -(1 << 30)).astype(np.int64)
    s = len(valid)
    ahead = np.full(s, -(1 << 30), np.int64)
    for shift in range(window):  # a sliding maximum; window is small (2n)
        ahead[: s - shift] = np.maximum(ahead[: s - shift], valid[shift:])
    gain = ahead - meta[:, M_BEST_BEFORE]
    return np.clip(gain + 1 - floor, 0, 3).astype(np.float32)


def record_walk(problem, n: int, policy: W.Policy, steps: int, seed: int):
    """One recorded walk from a random maximal valid graph: (x, delta, meta, best valid edges). The
    kernel runs in chunks of ``CHUNK`` steps (each with its own seed), so Ctrl-C is felt within a second."""
    from discover.extremal import flips as K
    from discover.extremal.lanes import kernel_params
    from discover.extremal.learn.features import N_FEATURES
    from discover.extremal.learn.walk import N_META, learned_walk

    p = kernel_params(problem, n, n * n, seed)
    a = np.zeros((n, n), np.uint8)
    K.saturate(a, p, seed)
    best = a.copy()
    tabu = np.zeros((n, n), np.int64)
    x = np.zeros((steps, SLOTS, N_FEATURES), np.float32)
    delta = np.zeros((steps, SLOTS), np.float32)
    meta = np.zeros((steps, N_META), np.int64)
    state = K.new_state()
    done = 0
    while done < steps:
        p[K.P_SEED] = (seed * 7919 + done) % (2**31 - 1)
        took = learned_walk(a, best, tabu, state, p, *policy.arrays(), min(CHUNK, steps - done),
                            x[done:], delta[done:], meta[done:])
        if took == 0:
            break
        done += took
    return x[:done], delta[:done], meta[:done], int(state[K.S_BEST_EDGES])


def collect(spec: TrainSpec, policy: W.Policy, round_no: int) -> Trajectories:
    """Record ``spec.seeds`` walks of ``policy`` at each training size."""
    from discover.extremal.problems import get_problem

    problem = get_problem(spec.problem)
    xs, ds, ms, ws, finals = [], [], [], [], []
    for n in spec.sizes:
        for s in range(spec.seeds):
            seed = (spec.seed * 1_000_003 + round_no * 10_007 + n * 101 + s) % (2**31 - 1)
            x, d, m, final = record_walk(problem, n, policy, spec.steps, seed)
            xs.append(x), ds.append(d), ms.append(m), ws.append(step_weights(m, 2 * n, spec.floor))
            finals.append((n, final))
    return Trajectories(np.concatenate(xs), np.concatenate(ds), np.concatenate(ms), np.concatenate(ws), finals)


def fit(spec: TrainSpec, data: list[Trajectories], log=print) -> W.Policy:
    """A fresh network fitted to the weighted moves of every round so far (needs torch)."""
    import torch

    from discover.extremal.learn.model import PairScorer, device, sampled_softmax_loss
    from discover.extremal.learn.walk import M_BAND, M_SLOTS

    torch.set_num_threads(1)  # the machine is shared; the network is tiny
    torch.manual_seed(spec.seed)
    dev = device()
    x = torch.from_numpy(np.concatenate([d.x for d in data])).to(dev)
    delta = torch.from_numpy(np.concatenate([d.delta for d in data])).to(dev)
    meta = np.concatenate([d.meta for d in data])
    weight = torch.from_numpy(np.concatenate([d.weight for d in data])).to(dev)
    slots = torch.from_numpy(meta[:, M_SLOTS]).to(dev)
    band = torch.from_numpy(meta[:, M_BAND]).to(dev)
    keep = weight > 0
    x, delta, slots, band, weight = x[keep], delta[keep], slots[keep], band[keep], weight[keep]
    # hand scores relative to the step's best candidate (slot 0 may sit below it)
    delta = delta - torch.where(torch.arange(SLOTS, device=dev)[None, :] < slots[:, None], delta,
                                torch.full_like(delta, -1e9)).max(dim=1, keepdim=True).values
    model = PairScorer(spec.hidden).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=spec.decay)
    batch = 2048
    for epoch in range(spec.epochs):
        perm = torch.randperm(len(x), device=dev)
        total = 0.0
        for i in range(0, len(x), batch):
            j = perm[i:i + batch]
            loss = sampled_softmax_loss(model, x[j], delta[j], slots[j], band[j], weight[j], spec.beta)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(j)
        if epoch == spec.epochs - 1:
            log(f"  fit: {len(x)} weighted steps, loss {total / max(len(x), 1):.4f}")
    return model.export(spec.beta, spec.band)


def self_play(spec: TrainSpec, log=print) -> tuple[W.Policy, list[dict], int]:
    """Round 0 records the tabu rule; round r >= 1 records the policy fitted after round r - 1; every
    round but the last fits a new policy on all steps so far. Returns the policy recorded in the round
    whose walks scored best (mean over sizes of the mean best edges; among rounds >= 1: the gating of
    AlphaGo Zero, Silver et al. 2017, against earlier networks), one row per round, and that round."""
    policy = W.tabu_rule(spec.hidden)
    data, rows, policies = [], [], []
    for r in range(spec.rounds + 1):
        policies.append(policy)
        tic = time.perf_counter()
        traj = collect(spec, policy, r)
        took = time.perf_counter() - tic
        by_n = {n: float(np.mean([e for m, e in traj.finals if m == n])) for n in spec.sizes}
        rows.append({"round": r, "policy": "tabu rule" if r == 0 else f"learned (round {r})",
                     "steps": int(len(traj.meta)), "collect_seconds": round(took, 1), "mean_best_edges": by_n,
                     "score": float(np.mean(list(by_n.values())))})
        log(f"round {r} ({rows[-1]['policy']}): {len(traj.meta)} steps in {took:.1f} s; mean best edges "
            + ", ".join(f"n={n}: {e:.2f}" for n, e in by_n.items()))
        if r == spec.rounds:
            break
        data.append(traj)
        tic = time.perf_counter()
        policy = fit(spec, data, log)
        rows[-1]["fit_seconds"] = round(time.perf_counter() - tic, 1)
    chosen = max(range(1, len(rows)), key=lambda r: (rows[r]["score"], -r))
    return policies[chosen], rows, chosen
