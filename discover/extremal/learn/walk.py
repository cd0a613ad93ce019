"""The learned walk: tabu search over edge flips whose move is drawn from a learned policy (Numba).

Each step (``n(n-1)/2`` pairs, as in :func:`discover.extremal.flips.tabu_search`):

1. every pair {u, v} gets the hand score ``delta = edge_weight * de - penalty * dviol`` of its flip
   (``de`` = +1 to add, -1 to remove; ``dviol`` the change in forbidden structures, from the
   incremental pair costs of :mod:`discover.extremal.flips`); a pair is allowed unless it is tabu,
   and a tabu flip to a new best valid graph is allowed (aspiration). ``D`` is the best allowed score;
2. the candidates are the allowed flips with ``delta >= D - band``; each gets the logit
   ``beta * delta + f(phi)`` (:mod:`discover.extremal.learn.features`), and the move is the argmax
   of logit + Gumbel noise, i.e. a draw from the softmax of the logits (Gumbel 1954; the Gumbel-max
   trick, Maddison, Tarlow and Minka 2014);
3. the flip is made, made tabu for ``tenure + random(tenure_rand)`` steps, and the best valid graph
   kept; after ``stall`` steps without a new best the walk restarts from the best valid graph with
   ``kick`` random edges deleted (and made tabu); the next moves add legal edges back, as the policy
   picks them (the tabu search instead re-saturates in random order).

With a zero network, ``band`` 0 and a large ``beta`` this is the tabu rule (the best score, ties at
random): the trajectories that train the first network come from it.

Recording (training only): step i of a call writes row i of ``rec_x`` (candidates x features),
``rec_delta`` (their hand scores) and ``rec_meta`` (``M_*``): slot 0 holds the move taken, slots
1..K-1 a uniform sample (reservoir sampling, Vitter 1985) of the other candidates.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.extremal.flips import (P_EDGE_WEIGHT, P_KICK, P_PENALTY, P_SEED, P_STALL, P_TARGET,
                                     P_TENURE, P_TENURE_RAND, S_BEST_EDGES, S_BEST_ITER, S_ITERS, S_KICKS,
                                     S_VIOL, end_chunk)
# the incremental graph state and pair costs of the edge-flip kernels (private there; shared on purpose)
from discover.extremal.flips import _build, _pair_costs, _random_edge, _set_edge, _violations, _workspace
from discover.extremal.learn.features import N_FEATURES, network, pair_features
from discover.kernels.arrays import copy_matrix, copy_vector

# rec_meta columns: recorded slots, candidates in the band, edges and violations after the move,
# the best valid edge count before it, 1 if a kick followed the move
M_SLOTS, M_BAND, M_EDGES, M_VIOL, M_BEST_BEFORE, M_KICK = range(6)
N_META = 6


@njit(cache=True)
def _kick(A, C2, nb, deg, pos, P, best_A, tabu, it):
    """Restart from the best valid graph with ``P_KICK`` of its edges removed and made tabu for
    ``P_TENURE`` steps. Unlike the tabu search's kick the graph is not re-saturated here: the walk's
    next moves add the legal edges (each is a best-score move), in the order the policy picks."""
    n = A.shape[0]
    _build(best_A, A, C2, nb, deg, pos)
    for _ in range(P[P_KICK]):
        m = deg.sum()
        if m == 0:
            break
        u, v = _random_edge(np.random.randint(m), n, nb, deg)
        a, b = min(u, v), max(u, v)
        _set_edge(a, b, 0, A, C2, nb, deg, pos)
        tabu[a, b] = it + P[P_TENURE]


@njit(cache=True)
def _score_pairs(A, C2, nb, deg, P, buf, tabu, it, viol, edges, best_edges, PR, DV, SC, OK, load):
    """Pass 1 of a step: for every pair its ``cost_present`` (PR), change in violations (DV), hand
    score (SC) and whether its flip is allowed at step ``it`` (OK: not tabu, or a new best valid
    graph); ``load`` of each vertex. Returns the best allowed hand score (-2^60 if none)."""
    n = A.shape[0]
    ew = P[P_EDGE_WEIGHT]
    lam = P[P_PENALTY]
    top = -(1 << 60)
    load[:] = 0.0
    for u in range(n):
        for v in range(u + 1, n):
            pr, ab = _pair_costs(u, v, A, C2, nb, deg, P, buf)
            de = 1 - 2 * np.int64(A[u, v])  # +1: the flip adds the edge, -1: it removes it
            dviol = de * (pr - ab)
            if de < 0:
                load[u] += pr
                load[v] += pr
            delta = ew * de - lam * dviol
            allowed = tabu[u, v] <= it or (viol + dviol == 0 and edges + de > best_edges)
            PR[u, v] = pr
            DV[u, v] = dviol
            SC[u, v] = delta
            OK[u, v] = 1 if allowed else 0
            if allowed and delta > top:
                top = delta
    return top


@njit(cache=True)
def _neighbour_degrees(n, edges, nb, deg, nmd):
    """Fill ``nmd`` with each vertex's mean neighbour degree; returns the mean degree (at least 1)."""
    for u in range(n):
        s = 0.0
        for i in range(deg[u]):
            s += deg[nb[u, i]]
        nmd[u] = s / deg[u] if deg[u] > 0 else 0.0
    return max(2.0 * edges / n, 1.0)


@njit(cache=True)
def features_of_graph(A0, P, best_edges):
    """The features (n x n x N_FEATURES, pair u < v at [u, v]) of every flip of the graph A0, with no
    flip tabu and the walk's best valid edge count ``best_edges`` (for the tests)."""
    n = A0.shape[0]
    A, C2, nb, deg, pos, buf = _workspace(A0)
    PR = np.zeros((n, n), np.int64)
    DV = np.zeros((n, n), np.int64)
    SC = np.zeros((n, n), np.int64)
    OK = np.zeros((n, n), np.uint8)
    load = np.zeros(n, np.float64)
    nmd = np.zeros(n, np.float64)
    edges = deg.sum() // 2
    viol = _violations(A, C2, nb, deg, P, buf)
    _score_pairs(A, C2, nb, deg, P, buf, np.zeros((n, n), np.int64), 0, viol, edges, best_edges,
                 PR, DV, SC, OK, load)
    dbar = _neighbour_degrees(n, edges, nb, deg, nmd)
    out = np.zeros((n, n, N_FEATURES), np.float64)
    for u in range(n):
        for v in range(u + 1, n):
            pair_features(u, v, A[u, v], DV[u, v], PR[u, v], C2[u, v], deg, load, nmd, dbar, viol,
                          edges - best_edges, out[u, v])
    return out



@njit(cache=True)
def learned_walk(A_io, best_A, tabu, state, P, W1, b1, w2, b2, beta, band, iters, rec_x, rec_delta, rec_meta):
    """The learned walk from ``A_io`` for ``iters`` steps (``edges`` problems); returns steps taken.

    ``A_io``, ``best_A``, ``tabu``, ``state`` and ``P`` as in :func:`discover.extremal.flips.tabu_search`
    (the same chunked calling); ``W1, b1, w2, b2`` the network, ``beta`` the weight of the hand score,
    ``band`` how far below the best score a candidate may be. ``rec_x`` (R x K x N_FEATURES float32),
    ``rec_delta`` (R x K float32), ``rec_meta`` (R x N_META int64) record the first R steps (R = 0: no
    recording)."""
    n = A_io.shape[0]
    np.random.seed(P[P_SEED])
    A, C2, nb, deg, pos, buf = _workspace(A_io)
    PR = np.zeros((n, n), np.int64)
    SC = np.zeros((n, n), np.int64)
    DV = np.zeros((n, n), np.int64)
    codes = np.zeros(max(rec_x.shape[1], 1), np.int64)
    OK = np.zeros((n, n), np.uint8)
    load = np.zeros(n, np.float64)
    nmd = np.zeros(n, np.float64)
    x = np.zeros(N_FEATURES, np.float64)
    chosen_x = np.zeros(N_FEATURES, np.float64)
    R = rec_x.shape[0]
    K = rec_x.shape[1]
    edges = deg.sum() // 2
    viol = _violations(A, C2, nb, deg, P, buf)
    target = P[P_TARGET]
    best_edges = state[S_BEST_EDGES]
    it = state[S_ITERS]
    start_it = it
    last_improve = state[S_BEST_ITER]
    kicks = state[S_KICKS]
    it_end = it + iters
    if viol == 0 and edges > best_edges:
        best_edges = edges
        copy_matrix(best_A, A)
        last_improve = it
    while it < it_end and best_edges < target:
        it += 1
        row = it - start_it - 1
        top = _score_pairs(A, C2, nb, deg, P, buf, tabu, it, viol, edges, best_edges, PR, DV, SC, OK, load)
        if top == -(1 << 60):
            continue
        dbar = _neighbour_degrees(n, edges, nb, deg, nmd)
        # pass 2: the candidates within the band, scored by the network, one drawn (Gumbel-max)
        best_g = -np.inf
        bu = -1
        bv = -1
        count = 0
        for u in range(n):
            for v in range(u + 1, n):
                if OK[u, v] == 0 or SC[u, v] < top - band:
                    continue
                count += 1
                pair_features(u, v, A[u, v], DV[u, v], PR[u, v], C2[u, v], deg, load, nmd, dbar, viol,
                              edges - best_edges, x)
                g = beta * SC[u, v] + network(x, W1, b1, w2, b2) - np.log(-np.log(np.random.random() + 1e-12))
                if g > best_g:
                    best_g = g
                    bu = u
                    bv = v
                    if row < R:
                        copy_vector(chosen_x, x)
                if row < R and K > 1:
                    # reservoir of the other candidates in slots 1..K-1 (the chosen one is removed below)
                    if count <= K - 1:
                        slot = count
                    else:
                        slot = np.random.randint(count) + 1
                    if slot <= K - 1:
                        for k in range(N_FEATURES):
                            rec_x[row, slot, k] = x[k]
                        rec_delta[row, slot] = SC[u, v]
                        codes[slot] = u * n + v
        if row < R:
            filled = min(count, K - 1)
            # drop the chosen pair from the sample of the others
            code = bu * n + bv
            for s in range(1, filled + 1):
                if codes[s] == code:
                    copy_vector(rec_x[row, s], rec_x[row, filled])
                    rec_delta[row, s] = rec_delta[row, filled]
                    filled -= 1
                    break
            for k in range(N_FEATURES):
                rec_x[row, 0, k] = chosen_x[k]
            rec_delta[row, 0] = SC[bu, bv]
            rec_meta[row, M_SLOTS] = filled + 1
            rec_meta[row, M_BAND] = count
            rec_meta[row, M_BEST_BEFORE] = best_edges
        if A[bu, bv] == 1:
            _set_edge(bu, bv, 0, A, C2, nb, deg, pos)
            edges -= 1
        else:
            _set_edge(bu, bv, 1, A, C2, nb, deg, pos)
            edges += 1
        viol += DV[bu, bv]
        tabu[bu, bv] = it + P[P_TENURE] + np.random.randint(P[P_TENURE_RAND] + 1)
        if viol == 0 and edges > best_edges:
            best_edges = edges
            copy_matrix(best_A, A)
            last_improve = it
        kicked = 0
        if it - last_improve > P[P_STALL] and best_edges >= 0:
            kicks += 1
            kicked = 1
            last_improve = it
            _kick(A, C2, nb, deg, pos, P, best_A, tabu, it)
            edges = deg.sum() // 2
            viol = _violations(A, C2, nb, deg, P, buf)
        if row < R:
            rec_meta[row, M_EDGES] = edges
            rec_meta[row, M_VIOL] = viol
            rec_meta[row, M_KICK] = kicked
    copy_matrix(A_io, A)
    state[S_BEST_ITER] = last_improve
    state[S_KICKS] = kicks
    steps = end_chunk(state, it, best_edges, edges)
    state[S_VIOL] = viol
    return steps


def no_recording():
    """Empty recording arrays (R = 0) for a search call."""
    return (np.zeros((0, 1, N_FEATURES), np.float32), np.zeros((0, 1), np.float32),
            np.zeros((0, N_META), np.int64))
