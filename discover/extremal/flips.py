"""Numba kernels of the edge-flip walks: incremental scoring, saturation, tabu search and hill climbing.

State. A graph on n vertices (0-based) is held as its adjacency matrix ``A`` (uint8), neighbour lists
``nb[u, :deg[u]]`` with positions ``pos[u, v]`` (O(1) insertion and deletion), and the matrix of
common-neighbour counts ``C2[u, v] = |N(u) & N(v)|`` (u != v). Flipping the pair {u, v} updates C2 in
O(deg u + deg v): only the rows and columns of u and v change.

Score. ``score = edge_weight * edges - penalty * violations`` where ``violations`` counts forbidden
structures. The structures through a pair {u, v} are counted from C2 without recomputation:

* cycles C_k through {u, v} are simple (k-1)-paths between u and v avoiding the edge uv:
  C3: ``C2[u, v]``; C4: sum over a in N(u)-v of ``C2[a, v] - A[u, v]``;
  C5: sum over a in N(u)-v, c in N(v)-u, c != a of ``C2[a, c] - A[c, u] - A[a, v]``
  (cost O(1), O(deg), O(deg^2));
* Ramsey (s, t): red K_s through the edge uv are (s-2)-cliques in N(u) & N(v); blue K_t through the
  non-edge uv are (t-2)-independent sets among the common non-neighbours.

``cost_present(u, v)`` counts the structures the pair closes when it is an edge, ``cost_absent`` when it
is not; a flip changes ``violations`` by their difference, so each candidate flip is scored in O(deg)
(girth 5) and the best non-tabu flip is taken each step (ties broken at random; the tabu is waived for a
flip that gives a new best valid graph). When the best valid graph has not improved for ``stall``
steps the search restarts from it with a *saturate-and-delete* kick: delete ``kick`` random edges, then
add random flips of zero cost until none is left (for ``edges`` problems), or flip ``kick`` random pairs
(for ``witness`` problems).

Parameters are packed into an int64 array ``P``: see the ``P_*`` indices below.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.kernels.arrays import copy_matrix

P_W3, P_W4, P_W5, P_CLIQUE, P_INDEP, P_EDGE_WEIGHT, P_TENURE, P_TENURE_RAND, P_STALL, P_KICK, \
    P_TARGET, P_PENALTY, P_SEED, P_WORSE, P_SLACK, P_LOW_DEGREE = range(16)
N_PARAMS = 16

# the state vector carried by tabu_search across calls
S_BEST_EDGES, S_ITERS, S_BEST_ITER, S_KICKS, S_EDGES, S_VIOL = range(6)
N_STATE = 6


@njit(cache=True)
def _count_clique(A, cand, m, k, want):
    """Number of k-subsets of cand[:m] whose pairs all have A == want (k <= 3)."""
    if k <= 0:
        return 1
    if k == 1:
        return m
    total = 0
    for i in range(m):
        a = cand[i]
        for j in range(i + 1, m):
            b = cand[j]
            if A[a, b] != want:
                continue
            if k == 2:
                total += 1
            else:
                for l in range(j + 1, m):
                    c = cand[l]
                    if A[a, c] == want and A[b, c] == want:
                        total += 1
    return total


@njit(cache=True)
def _pair_costs(u, v, A, C2, nb, deg, P, buf):
    """(cost if {u,v} is an edge, cost if it is not): forbidden structures containing the pair."""
    n = A.shape[0]
    present = 0
    absent = 0
    auv = np.int64(A[u, v])
    if P[P_W3] != 0:
        present += P[P_W3] * C2[u, v]
    if P[P_W4] != 0:
        s = 0
        for i in range(deg[u]):
            a = nb[u, i]
            if a != v:
                s += C2[a, v] - auv
        present += P[P_W4] * s
    if P[P_W5] != 0:
        s = 0
        for i in range(deg[u]):
            a = nb[u, i]
            if a == v:
                continue
            for j in range(deg[v]):
                c = nb[v, j]
                if c == u or c == a:
                    continue
                s += C2[a, c] - A[c, u] - A[a, v]
        present += P[P_W5] * s
    if P[P_CLIQUE] >= 2:
        m = 0
        for i in range(deg[u]):
            a = nb[u, i]
            if a != v and A[a, v] == 1:
                buf[m] = a
                m += 1
        present += _count_clique(A, buf, m, P[P_CLIQUE] - 2, 1)
    if P[P_INDEP] >= 2:
        m = 0
        for w in range(n):
            if w != u and w != v and A[u, w] == 0 and A[v, w] == 0:
                buf[m] = w
                m += 1
        absent += _count_clique(A, buf, m, P[P_INDEP] - 2, 0)
    return present, absent


@njit(cache=True)
def _set_edge(u, v, on, A, C2, nb, deg, pos):
    """Add (on=1) or delete (on=0) the edge uv, updating C2 and the neighbour lists in O(deg)."""
    if on == 1:
        for i in range(deg[v]):
            w = nb[v, i]
            C2[u, w] += 1
            C2[w, u] += 1
        for i in range(deg[u]):
            w = nb[u, i]
            C2[v, w] += 1
            C2[w, v] += 1
        A[u, v] = 1
        A[v, u] = 1
        nb[u, deg[u]] = v
        pos[u, v] = deg[u]
        deg[u] += 1
        nb[v, deg[v]] = u
        pos[v, u] = deg[v]
        deg[v] += 1
    else:
        A[u, v] = 0
        A[v, u] = 0
        for x, y in ((u, v), (v, u)):
            p = pos[x, y]
            last = nb[x, deg[x] - 1]
            nb[x, p] = last
            pos[x, last] = p
            deg[x] -= 1
        for i in range(deg[v]):
            w = nb[v, i]
            C2[u, w] -= 1
            C2[w, u] -= 1
        for i in range(deg[u]):
            w = nb[u, i]
            C2[v, w] -= 1
            C2[w, v] -= 1


@njit(cache=True)
def _random_edge(q, n, nb, deg):
    """The edge (u, v) at endpoint index q of the neighbour lists, 0 <= q < sum(deg): a uniformly random q
    gives a uniformly random edge (each edge has two endpoints)."""
    for u in range(n):
        if q < deg[u]:
            return u, nb[u, q]
        q -= deg[u]
    return -1, -1


@njit(cache=True)
def _build(A0, A, C2, nb, deg, pos):
    """Load the graph A0 into an empty state."""
    n = A0.shape[0]
    A[:, :] = 0
    C2[:, :] = 0
    deg[:] = 0
    for u in range(n):
        for v in range(u + 1, n):
            if A0[u, v] != 0:
                _set_edge(u, v, 1, A, C2, nb, deg, pos)


@njit(cache=True)
def _violations(A, C2, nb, deg, P, buf):
    """Total forbidden structures: each is counted once per pair in it, so divide by the pair count
    (k for a k-cycle; C(s,2) for a red K_s; C(t,2) for a blue K_t)."""
    n = A.shape[0]
    cyc = np.zeros(3, np.int64)
    red = 0
    blue = 0
    saved = P.copy()
    for k in range(3):
        if P[P_W3 + k] == 0:
            continue
        Q = saved.copy()
        Q[P_W3] = 0
        Q[P_W4] = 0
        Q[P_W5] = 0
        Q[P_W3 + k] = 1
        Q[P_CLIQUE] = 0
        Q[P_INDEP] = 0
        for u in range(n):
            for i in range(deg[u]):
                v = nb[u, i]
                if u < v:
                    pr, ab = _pair_costs(u, v, A, C2, nb, deg, Q, buf)
                    cyc[k] += pr
    total = 0
    for k in range(3):
        total += P[P_W3 + k] * (cyc[k] // (k + 3))
    if P[P_CLIQUE] >= 2 or P[P_INDEP] >= 2:
        Q = saved.copy()
        Q[P_W3] = 0
        Q[P_W4] = 0
        Q[P_W5] = 0
        for u in range(n):
            for v in range(u + 1, n):
                pr, ab = _pair_costs(u, v, A, C2, nb, deg, Q, buf)
                if A[u, v] == 1:
                    red += pr
                else:
                    blue += ab
        s = P[P_CLIQUE]
        t = P[P_INDEP]
        if s >= 2:
            total += red // (s * (s - 1) // 2)
        if t >= 2:
            total += blue // (t * (t - 1) // 2)
    return total


@njit(cache=True)
def _saturate(A, C2, nb, deg, pos, P, buf, order):
    """Add zero-cost edges in the random order ``order`` (pairs encoded u*n+v) until none is left."""
    n = A.shape[0]
    added = 0
    for idx in range(order.shape[0]):
        code = order[idx]
        u = code // n
        v = code % n
        if A[u, v] == 1:
            continue
        pr, ab = _pair_costs(u, v, A, C2, nb, deg, P, buf)
        if pr - ab <= 0 and pr == 0:
            _set_edge(u, v, 1, A, C2, nb, deg, pos)
            added += 1
    return added


@njit(cache=True, inline="always")
def _workspace(A0):
    """The search state of the graph A0 (see :func:`_build`): adjacency, common-neighbour counts C2,
    neighbour lists, degrees, positions in the lists, and a scratch buffer."""
    n = A0.shape[0]
    A = np.zeros((n, n), np.uint8)
    C2 = np.zeros((n, n), np.int64)
    nb = np.zeros((n, max(n, 1)), np.int64)
    pos = np.zeros((n, n), np.int64)
    deg = np.zeros(n, np.int64)
    buf = np.zeros(max(n, 1), np.int64)
    _build(A0, A, C2, nb, deg, pos)
    return A, C2, nb, deg, pos, buf


@njit(cache=True, inline="always")
def _pair_order(n):
    """The pairs u < v as codes u * n + v, in lexicographic order."""
    order = np.zeros(n * (n - 1) // 2, np.int64)
    k = 0
    for u in range(n):
        for v in range(u + 1, n):
            order[k] = u * n + v
            k += 1
    return order


@njit(cache=True)
def count_violations(A0, P):
    """Forbidden structures in the graph A0 (for tests and for seeding)."""
    n = A0.shape[0]
    A, C2, nb, deg, pos, buf = _workspace(A0)
    return _violations(A, C2, nb, deg, P, buf)


@njit(cache=True)
def pair_costs(A0, P):
    """(cost_present, cost_absent) of every pair of A0, as two n x n matrices (for tests)."""
    n = A0.shape[0]
    A, C2, nb, deg, pos, buf = _workspace(A0)
    pres = np.zeros((n, n), np.int64)
    absn = np.zeros((n, n), np.int64)
    for u in range(n):
        for v in range(u + 1, n):
            pr, ab = _pair_costs(u, v, A, C2, nb, deg, P, buf)
            pres[u, v] = pr
            pres[v, u] = pr
            absn[u, v] = ab
            absn[v, u] = ab
    return pres, absn


@njit(cache=True)
def tabu_search(A_io, best_A, tabu, state, P, iters):
    """Tabu search over edge flips from the graph ``A_io``, for ``iters`` steps.

    ``A_io`` (n x n uint8) is the start and, on return, the current graph. ``best_A`` holds the best
    valid graph (no violations; the most edges for ``edges`` problems) and is updated in place.
    ``tabu`` (n x n int64, flip (u, v) with u < v is tabu while ``tabu[u, v] > step``) and ``state``
    (int64, ``S_*`` indices: best edge count or -1, step counter, last improving step, kicks, and the
    current edges / violations on return) carry the search across calls, so a caller can run it in
    chunks and keep a wall-clock budget. Stops early once a valid graph with at least
    ``P[P_TARGET]`` edges is held (any valid graph for witness problems, whose ``P_EDGE_WEIGHT`` is 0).
    Returns the number of steps taken.
    """
    n = A_io.shape[0]
    np.random.seed(P[P_SEED])
    A, C2, nb, deg, pos, buf = _workspace(A_io)
    order = _pair_order(n)
    edges = 0
    for u in range(n):
        edges += deg[u]
    edges //= 2
    viol = _violations(A, C2, nb, deg, P, buf)
    ew = P[P_EDGE_WEIGHT]
    lam = P[P_PENALTY]
    witness = ew == 0
    target = P[P_TARGET]
    best_edges = state[S_BEST_EDGES]
    it = state[S_ITERS]
    last_improve = state[S_BEST_ITER]
    kicks = state[S_KICKS]
    it_end = it + iters
    if viol == 0 and (edges > best_edges or (witness and best_edges < 0)):
        best_edges = edges
        copy_matrix(best_A, A)
        last_improve = it
    while it < it_end:
        if best_edges >= 0 and (witness or best_edges >= target):
            break
        it += 1
        best_delta = -(1 << 60)
        bu = -1
        bv = -1
        ties = 0
        for u in range(n):
            for v in range(u + 1, n):
                pr, ab = _pair_costs(u, v, A, C2, nb, deg, P, buf)
                if A[u, v] == 1:
                    dviol = ab - pr
                    de = -1
                else:
                    dviol = pr - ab
                    de = 1
                delta = ew * de - lam * dviol
                allowed = tabu[u, v] <= it
                if not allowed:
                    # aspiration: a flip to a new best valid graph is always allowed
                    if viol + dviol == 0 and (edges + de > best_edges or (witness and best_edges < 0)):
                        allowed = True
                if not allowed:
                    continue
                if delta > best_delta:
                    best_delta = delta
                    bu = u
                    bv = v
                    ties = 1
                elif delta == best_delta:
                    ties += 1
                    if np.random.randint(ties) == 0:
                        bu = u
                        bv = v
        if bu < 0:
            continue
        pr, ab = _pair_costs(bu, bv, A, C2, nb, deg, P, buf)
        if A[bu, bv] == 1:
            _set_edge(bu, bv, 0, A, C2, nb, deg, pos)
            edges -= 1
            viol += ab - pr
        else:
            _set_edge(bu, bv, 1, A, C2, nb, deg, pos)
            edges += 1
            viol += pr - ab
        tabu[bu, bv] = it + P[P_TENURE] + np.random.randint(P[P_TENURE_RAND] + 1)
        if viol == 0 and (edges > best_edges or (witness and best_edges < 0)):
            best_edges = edges
            copy_matrix(best_A, A)
            last_improve = it
        if it - last_improve > P[P_STALL]:
            # saturate-and-delete kick from the best valid graph (or random flips)
            kicks += 1
            last_improve = it
            if not witness and best_edges >= 0:
                _build(best_A, A, C2, nb, deg, pos)
                for _ in range(P[P_KICK]):
                    total = 0
                    for u in range(n):
                        total += deg[u]
                    if total == 0:
                        break
                    u, v = _random_edge(np.random.randint(total), n, nb, deg)
                    _set_edge(u, v, 0, A, C2, nb, deg, pos)
                    tabu[min(u, v), max(u, v)] = it + P[P_TENURE]
                np.random.shuffle(order)
                _saturate(A, C2, nb, deg, pos, P, buf, order)
            else:
                for _ in range(P[P_KICK]):
                    u = np.random.randint(n)
                    v = np.random.randint(n)
                    if u == v:
                        continue
                    _set_edge(min(u, v), max(u, v), 1 - A[u, v], A, C2, nb, deg, pos)
            edges = 0
            for u in range(n):
                edges += deg[u]
            edges //= 2
            viol = _violations(A, C2, nb, deg, P, buf)
            if viol == 0 and edges > best_edges:
                best_edges = edges
                copy_matrix(best_A, A)
    copy_matrix(A_io, A)
    steps = it - state[S_ITERS]
    state[S_BEST_EDGES] = best_edges
    state[S_ITERS] = it
    state[S_BEST_ITER] = last_improve
    state[S_KICKS] = kicks
    state[S_EDGES] = edges
    state[S_VIOL] = viol
    return steps


def new_state():
    """A fresh ``state`` vector for :func:`tabu_search` (no valid graph held yet)."""
    state = np.zeros(N_STATE, np.int64)
    state[S_BEST_EDGES] = -1
    return state


@njit(cache=True)
def saturate(A_io, P, seed):
    """Add zero-cost edges to ``A_io`` in a random order (seeded) until none is left; returns the
    number added. For a valid graph this gives a maximal valid graph containing it."""
    n = A_io.shape[0]
    np.random.seed(seed)
    A, C2, nb, deg, pos, buf = _workspace(A_io)
    order = _pair_order(n)
    np.random.shuffle(order)
    added = _saturate(A, C2, nb, deg, pos, P, buf, order)
    copy_matrix(A_io, A)
    return added


@njit(cache=True)
def end_chunk(state, it, best_edges, edges):
    """Record a chunk of a walk over valid graphs in ``state``; returns the moves it made."""
    steps = it - state[S_ITERS]
    state[S_BEST_EDGES] = best_edges
    state[S_ITERS] = it
    state[S_EDGES] = edges
    state[S_VIOL] = 0
    return steps


@njit(cache=True)
def _layers(src, r, A, nb, deg, dist, stack):
    """BFS from src to depth r: fills dist (initialised to -1 by the caller) and returns the number of
    vertices put in ``stack`` (the reached vertices, src first)."""
    dist[src] = 0
    stack[0] = src
    head = 0
    tail = 1
    while head < tail:
        x = stack[head]
        head += 1
        if dist[x] >= r:
            continue
        for i in range(deg[x]):
            y = nb[x, i]
            if dist[y] < 0:
                dist[y] = dist[x] + 1
                stack[tail] = y
                tail += 1
    return tail


@njit(cache=True)
def hill_climb(A_io, best_A, recent, state, P, moves):
    """Saturate-and-delete hill climbing in the space of valid graphs (``edges`` problems).

    From a valid graph (no forbidden structure), each move deletes 1..``P[P_KICK]`` random edges, then
    adds, in random order, every pair that became legal (cost_present == 0) among the pairs whose
    forbidden paths could have used a deleted edge: (a, b) with d(x, a) + d(y, b) <= L - 2 for a deleted
    edge xy, L the longest forbidden cycle. Deleted edges may not come back for ``P[P_TENURE]`` moves
    (``recent`` holds the move at which each pair was deleted). The move is kept if the edge count
    does not drop (plateau moves walk among maximal graphs), else undone. Cost per move
    O(k * deg^(L-1)), independent of n. ``state`` and ``best_A`` as in :func:`tabu_search`; ``recent``
    (n x n int64) persists between calls; the step counter counts moves. Returns moves made.
    """
    n = A_io.shape[0]
    np.random.seed(P[P_SEED])
    A, C2, nb, deg, pos, buf = _workspace(A_io)
    if _violations(A, C2, nb, deg, P, buf) != 0 or P[P_EDGE_WEIGHT] == 0:
        return 0
    lmax = 3
    if P[P_W4] != 0:
        lmax = 4
    if P[P_W5] != 0:
        lmax = 5
    r = lmax - 2
    edges = 0
    for u in range(n):
        edges += deg[u]
    edges //= 2
    best_edges = state[S_BEST_EDGES]
    if edges > best_edges:
        best_edges = edges
        copy_matrix(best_A, A)
    it = state[S_ITERS]
    target = P[P_TARGET]
    kmax = max(1, P[P_KICK])
    del_u = np.zeros(kmax, np.int64)
    del_v = np.zeros(kmax, np.int64)
    add_u = np.zeros(n * n, np.int64)
    add_v = np.zeros(n * n, np.int64)
    dx = -np.ones(n, np.int64)
    dy = -np.ones(n, np.int64)
    sx = np.zeros(n, np.int64)
    sy = np.zeros(n, np.int64)
    cand = np.zeros(n * n, np.int64)
    it_end = it + moves
    while it < it_end and best_edges < target:
        it += 1
        k = 1 + np.random.randint(kmax)
        nd = 0
        for _ in range(k):
            total = 2 * edges
            if total == 0:
                break
            u, v = _random_edge(np.random.randint(total), n, nb, deg)
            _set_edge(u, v, 0, A, C2, nb, deg, pos)
            del_u[nd] = min(u, v)
            del_v[nd] = max(u, v)
            recent[min(u, v), max(u, v)] = it
            nd += 1
            edges -= 1
        # candidate pairs near the deleted edges
        nc = 0
        for e in range(nd):
            x = del_u[e]
            y = del_v[e]
            tx = _layers(x, r, A, nb, deg, dx, sx)
            ty = _layers(y, r, A, nb, deg, dy, sy)
            for i in range(tx):
                a = sx[i]
                for j in range(ty):
                    b = sy[j]
                    if dx[a] + dy[b] > r:
                        break  # sy is in BFS order: the distances only grow from here
                    if a != b and A[a, b] == 0 and nc < cand.shape[0]:
                        cand[nc] = min(a, b) * n + max(a, b)
                        nc += 1
            for i in range(tx):
                dx[sx[i]] = -1
            for j in range(ty):
                dy[sy[j]] = -1
        # random order
        for i in range(nc - 1, 0, -1):
            j = np.random.randint(i + 1)
            t = cand[i]
            cand[i] = cand[j]
            cand[j] = t
        na = 0
        for i in range(nc):
            a = cand[i] // n
            b = cand[i] % n
            if A[a, b] == 1 or it - recent[a, b] < P[P_TENURE]:
                continue
            pr, ab = _pair_costs(a, b, A, C2, nb, deg, P, buf)
            if pr == 0:
                _set_edge(a, b, 1, A, C2, nb, deg, pos)
                add_u[na] = a
                add_v[na] = b
                na += 1
                edges += 1
        if na >= nd:
            if edges > best_edges:
                best_edges = edges
                copy_matrix(best_A, A)
                state[S_BEST_ITER] = it
        else:
            for i in range(na):
                _set_edge(add_u[i], add_v[i], 0, A, C2, nb, deg, pos)
            for e in range(nd):
                _set_edge(del_u[e], del_v[e], 1, A, C2, nb, deg, pos)
            edges += nd - na
    copy_matrix(A_io, A)
    return end_chunk(state, it, best_edges, edges)
