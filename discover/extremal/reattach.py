"""Vertex re-attachment: a large-neighbourhood move for the problems that forbid cycles (C4 among them).

A graph on n vertices is held as bitsets, ``B[x, w]`` the w-th 64-bit word of the neighbourhood N(x).
Let F be the forbidden cycle lengths (``(3, 4)`` for girth >= 5, ``(4,)`` for C4-free, ``(3, 4, 5)``
for girth >= 6), write ``R_L(x)`` for the ends of the walks of length L from x (``R_0(x) = {x}``,
``R_L(x)`` the union of N(y) over y in ``R_{L-1}(x)``), and ``M(x)`` for the union of ``R_{k-2}(x)``
over k in F. In a graph with no forbidden cycle (where these walks are paths):

* a new edge xy closes a forbidden cycle if and only if some k in F has a path of length k - 1 from x
  to y, that is, when N(y) meets M(x);
* a vertex v with no edges may be joined to every vertex of a set S at once if and only if no two
  vertices s, t of S have t in M(s) (two new edges vs, vt close a cycle of length 2 + the length of
  an s-t path). Such a set is a clique of the graph "t not in M(s)", so the largest one is a maximum
  clique, found exactly by branch and bound (Carraghan and Pardalos, "An exact algorithm for the
  maximum clique problem", Oper. Res. Lett. 9 (1990)). Ties are broken by a random vertex order.

A move (destroy and repair, in the manner of large neighbourhood search; Shaw, CP 1998) takes k random
vertices, mostly near each other (the first, now and then, one of least degree), deletes all their edges, joins each of them in turn to a largest set
allowed at that moment, and then adds legal edges at the vertices that lost a neighbour until none is
left. It is kept when the edge count does not drop, or, with a small probability, when it drops by one
(so the walk can leave a plateau); otherwise it is undone. The best graph seen is kept. Re-joining one
vertex optimally in one step would take tens of single edge flips through invalid graphs, which is why
this move reaches graphs that the edge-flip searches of :mod:`discover.extremal.flips` miss.
Problems without C4 in F (triangle-free only) and the Ramsey problems are left to those searches: there
the graph "t not in M(s)" is dense and its cliques are large.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.extremal.flips import (P_KICK, P_SEED, P_TARGET, P_W3, P_W4, P_W5, P_CLIQUE, P_INDEP,
                                       P_EDGE_WEIGHT, P_WORSE, P_SLACK, P_LOW_DEGREE, S_BEST_EDGES, S_BEST_ITER, S_ITERS,
                                       end_chunk)
from discover.kernels.arrays import copy_matrix
from discover.kernels.bits import popcount, trailing_zeros

U64 = np.uint64
# branch-and-bound nodes per maximum-set search; past it the best set found so far is used. Below
# n = 100 the searches end well under it; at n = 150..256 most hit it, and a cap of 200,000 gave 4-5x
# fewer moves a second than 5,000 and fewer edges after 10 s (n = 150: 718 vs 725; n = 256: 1485 vs
# 1494; benchmarks/bench_extremal.py --throughput)
MAX_NODES = 5_000


def applies(P) -> bool:
    """Whether the walk serves the problem of the parameters ``P`` (most edges, forbidden cycles with
    C4 among them); otherwise :func:`reattach_climb` does nothing."""
    return _walk_lengths(P) != 0


@njit(cache=True)
def _walk_lengths(P):
    """Bit L set for each L = k - 2 with C_k forbidden (the lengths that make up M); 0 when the walk
    does not apply."""
    if P[P_CLIQUE] != 0 or P[P_INDEP] != 0 or P[P_EDGE_WEIGHT] == 0 or P[P_W4] == 0:
        return 0
    lengths = 1 << 2
    if P[P_W3] != 0:
        lengths |= 1 << 1
    if P[P_W5] != 0:
        lengths |= 1 << 3
    return lengths


@njit(cache=True, inline="always")
def _has(B, x, y):
    return (B[x, y >> 6] >> U64(y & 63)) & U64(1) != U64(0)


@njit(cache=True, inline="always")
def _link(B, x, y, on):
    bx = U64(1) << U64(x & 63)
    by = U64(1) << U64(y & 63)
    if on:
        B[x, y >> 6] |= by
        B[y, x >> 6] |= bx
    else:
        B[x, y >> 6] &= ~by
        B[y, x >> 6] &= ~bx


@njit(cache=True, inline="always")
def _or_neighbourhoods(B, row, out):
    """``out`` |= the union of N(y) over the vertices y of the bitset ``row``."""
    W = B.shape[1]
    for w in range(W):
        m = row[w]
        while m:
            y = w * 64 + np.int64(trailing_zeros(m))
            m &= m - U64(1)
            for w2 in range(W):
                out[w2] |= B[y, w2]


@njit(cache=True)
def _mask(B, x, lengths, out, frontier, grown):
    """``out`` = M(x), the union of R_L(x) over the L whose bit is set in ``lengths`` (see the module
    docstring); ``frontier`` and ``grown`` are scratch rows."""
    W = B.shape[1]
    for w in range(W):
        out[w] = U64(0)
        frontier[w] = U64(0)
    frontier[x >> 6] |= U64(1) << U64(x & 63)
    L = 0
    while (lengths >> (L + 1)) != 0:
        L += 1
        for w in range(W):
            grown[w] = U64(0)
        _or_neighbourhoods(B, frontier, grown)
        for w in range(W):
            frontier[w] = grown[w]
        if (lengths >> L) & 1:
            for w in range(W):
                out[w] |= grown[w]


@njit(cache=True)
def _allowed(B, x, lengths, out, ball, fr, gr):
    """``out`` = the vertices y that x may be joined to now: y != x, not a neighbour, and N(y) disjoint
    from M(x), that is, y outside the union of N(z) over z in M(x) (for girth 5: y at distance >= 4
    from x). One OR of a neighbourhood per vertex of M(x) (about 1 + d^2 of them), instead of a test
    of every vertex; returns how many there are. ``ball``, ``fr``, ``gr`` are scratch rows."""
    if B.shape[1] == 1:
        out[0] = _allowed_word(B, x, lengths)
        return np.int64(popcount(out[0]))
    return _allowed_words(B, x, lengths, out, ball, fr, gr)


@njit(cache=True)
def _allowed_words(B, x, lengths, out, ball, fr, gr):
    """:func:`_allowed` for any number of words per neighbourhood."""
    n = B.shape[0]
    W = B.shape[1]
    _mask(B, x, lengths, ball, fr, gr)
    for w in range(W):
        out[w] = B[x, w]
    out[x >> 6] |= U64(1) << U64(x & 63)
    _or_neighbourhoods(B, ball, out)
    count = 0
    for w in range(W):
        out[w] = ~out[w]
    if n & 63:
        out[W - 1] &= (U64(1) << U64(n & 63)) - U64(1)
    for w in range(W):
        count += np.int64(popcount(out[w]))
    return count


# Graphs of at most 64 vertices (one word per neighbourhood): the same computations on single words.
# Loops over a run-time word count of 1 kept LLVM from holding the rows in registers; these versions
# make the maximum-set search 2.0x faster at n = 64 (7.74 us -> 3.87 us; benchmarks/bench_extremal.py
# --profile 64) with the same results in the same order, so the walk's moves are unchanged.


@njit(cache=True, inline="always")
def _or_rows_word(B, row):
    """The union of N(y) over the vertices y of the one-word bitset ``row`` (:func:`_or_neighbourhoods`
    on a single word)."""
    out = U64(0)
    while row:
        out |= B[np.int64(trailing_zeros(row)), 0]
        row &= row - U64(1)
    return out


@njit(cache=True, inline="always")
def _mask_word(B, x, lengths):
    """M(x) (see :func:`_mask`) of a graph of at most 64 vertices, as one word."""
    out = U64(0)
    frontier = U64(1) << U64(x)
    L = 0
    while (lengths >> (L + 1)) != 0:
        L += 1
        frontier = _or_rows_word(B, frontier)
        if (lengths >> L) & 1:
            out |= frontier
    return out


@njit(cache=True, inline="always")
def _allowed_word(B, x, lengths):
    """:func:`_allowed` of a graph of at most 64 vertices: the allowed partners of x as one word."""
    n = B.shape[0]
    out = ~(B[x, 0] | (U64(1) << U64(x)) | _or_rows_word(B, _mask_word(B, x, lengths)))
    if n & 63:
        out &= (U64(1) << U64(n & 63)) - U64(1)
    return out


@njit(cache=True)
def _largest_set_word(B, v, lengths, far, sets, chosen, best_set):
    """:func:`_largest_set` of a graph of at most 64 vertices (column 0 of ``far`` and ``sets``): the
    same branch and bound in the same order, so the same set."""
    allow = _allowed_word(B, v, lengths)
    if allow == 0:
        return 0
    m = allow
    while m:
        x = np.int64(trailing_zeros(m))
        m &= m - U64(1)
        far[x, 0] = allow & ~_mask_word(B, x, lengths) & ~(U64(1) << U64(x))
    sets[0, 0] = allow
    best = 0
    d = 0
    nodes = 0
    start = np.random.randint(B.shape[0])
    below_start = (U64(1) << U64(start)) - U64(1)
    while True:
        row = sets[d, 0]
        size = np.int64(popcount(row))
        if size == 0 or d + size <= best or nodes > MAX_NODES:
            if d == 0:
                break
            d -= 1
            sets[d, 0] &= ~(U64(1) << U64(chosen[d]))
            continue
        nodes += 1
        # the first candidate from ``start`` on, cyclically, as _first_from
        upper = row & ~below_start
        j = np.int64(trailing_zeros(upper if upper else row))
        chosen[d] = j
        if d + 1 > best:
            best = d + 1
            for t in range(best):
                best_set[t] = chosen[t]
        sets[d + 1, 0] = row & far[j, 0]
        d += 1
    return best


@njit(cache=True)
def _first_from(row, start):
    """The first vertex of the non-empty bitset ``row`` at or after ``start``, else its first."""
    w0 = start >> 6
    m = row[w0] & ~((U64(1) << U64(start & 63)) - U64(1))
    if m:
        return w0 * 64 + np.int64(trailing_zeros(m))
    for k in range(1, row.shape[0] + 1):
        w = (w0 + k) % row.shape[0]
        if row[w]:
            return w * 64 + np.int64(trailing_zeros(row[w]))
    return -1


@njit(cache=True)
def _nth_member(row, r):
    """The r-th vertex (from 0) of the bitset ``row``, which has more than r."""
    for w in range(row.shape[0]):
        c = np.int64(popcount(row[w]))
        if r < c:
            m = row[w]
            for _ in range(r):
                m &= m - U64(1)
            return w * 64 + np.int64(trailing_zeros(m))
        r -= c
    return -1


@njit(cache=True)
def _largest_set(B, v, lengths, far, sets, chosen, best_set, ball, fr, gr, allow):
    """A largest set S of vertices that v (with its current edges) may be joined to at once: each
    s in S is a legal neighbour of v, and t is not in M(s) for s != t in S. Returns |S|; S is
    ``best_set[:|S|]``.

    The sets are bitsets over the vertices themselves, so the compatibility row of a candidate x is
    one word operation per 64 vertices (``allow`` minus M(x)) rather than a test per pair, and the
    branch and bound branches on the first candidate from a random vertex on, cyclically (any member
    gives an exact search), which breaks ties at random."""
    if B.shape[1] == 1:
        return _largest_set_word(B, v, lengths, far, sets, chosen, best_set)
    return _largest_set_words(B, v, lengths, far, sets, chosen, best_set, ball, fr, gr, allow)


@njit(cache=True)
def _largest_set_words(B, v, lengths, far, sets, chosen, best_set, ball, fr, gr, allow):
    """:func:`_largest_set` for any number of words per neighbourhood."""
    if _allowed_words(B, v, lengths, allow, ball, fr, gr) == 0:
        return 0
    W = B.shape[1]
    for i in range(_members(allow, chosen, -1)):  # ``chosen`` is free until the search below
        x = chosen[i]
        _mask(B, x, lengths, ball, fr, gr)
        for w in range(W):
            far[x, w] = allow[w] & ~ball[w]
        far[x, x >> 6] &= ~(U64(1) << U64(x & 63))
    # depth-first branch and bound: sets[d] = candidates compatible with chosen[:d]
    for w in range(W):
        sets[0, w] = allow[w]
    best = 0
    d = 0
    nodes = 0
    start = np.random.randint(B.shape[0])
    while True:
        size = 0
        for w in range(W):
            size += np.int64(popcount(sets[d, w]))
        if size == 0 or d + size <= best or nodes > MAX_NODES:
            if d == 0:
                break
            d -= 1
            j = chosen[d]
            sets[d, j >> 6] &= ~(U64(1) << U64(j & 63))
            continue
        nodes += 1
        j = _first_from(sets[d], start)
        chosen[d] = j
        if d + 1 > best:
            best = d + 1
            for t in range(best):
                best_set[t] = chosen[t]
        for w in range(W):
            sets[d + 1, w] = sets[d, w] & far[j, w]
        d += 1
    return best


@njit(cache=True)
def _to_bits(A, B):
    n = A.shape[0]
    B[:, :] = U64(0)
    edges = 0
    for x in range(n):
        for y in range(n):
            if A[x, y]:
                B[x, y >> 6] |= U64(1) << U64(y & 63)
                edges += 1
    return edges // 2


@njit(cache=True)
def _to_matrix(B, A):
    n = A.shape[0]
    for x in range(n):
        for y in range(n):
            A[x, y] = 1 if _has(B, x, y) else 0


@njit(cache=True)
def _shuffle_prefix(a, m):
    """Shuffle ``a[:m]`` in place (Fisher-Yates)."""
    for t in range(m - 1, 0, -1):
        s = np.random.randint(t + 1)
        tmp = a[t]
        a[t] = a[s]
        a[s] = tmp


@njit(cache=True)
def _members(row, out, skip):
    """The vertices of the bitset ``row`` other than ``skip``, into ``out``; returns how many."""
    q = 0
    for w in range(row.shape[0]):
        m = row[w]
        while m:
            z = w * 64 + np.int64(trailing_zeros(m))
            m &= m - U64(1)
            if z != skip:
                out[q] = z
                q += 1
    return q


@njit(cache=True)
def _pick_victims(B, k, victims, near, low_degree):
    """k distinct vertices: a random one (with probability ``low_degree`` one of least degree), then
    mostly vertices at distance 1 or 2 from it."""
    n = B.shape[0]
    v0 = np.random.randint(n)
    if low_degree > 0.0 and np.random.random() < low_degree:
        least = n
        q = 0
        for x in range(n):
            d = 0
            for w in range(B.shape[1]):
                d += np.int64(popcount(B[x, w]))
            if d < least:
                least = d
                q = 0
            if d == least:
                near[q] = x
                q += 1
        v0 = near[np.random.randint(q)]
    victims[0] = v0
    m = 1
    tries = 0
    while m < k and tries < 20 * k:
        tries += 1
        c = np.random.randint(n)
        if np.random.random() < 0.7:
            # a random neighbour of v0, or a random neighbour of one
            q = _members(B[v0], near, -1)
            if q > 0:
                c = near[np.random.randint(q)]
                if np.random.random() < 0.5:
                    q = _members(B[c], near, v0)
                    if q > 0:
                        c = near[np.random.randint(q)]
        fresh = True
        for t in range(m):
            if victims[t] == c:
                fresh = False
        if fresh:
            victims[m] = c
            m += 1
    return m


@njit(cache=True)
def reattach_climb(A_io, best_A, state, P, moves):
    """Destroy-and-repair walk over graphs with no forbidden cycle (see the module docstring).

    ``A_io`` (n x n uint8) is a valid graph; it holds the walk's current graph on return, and
    ``best_A`` the best graph seen (when it beats ``state[S_BEST_EDGES]``). At most ``P[P_KICK]``
    vertices are destroyed per move, the first with probability ``P[P_LOW_DEGREE] / 1000`` one of
    least degree; a move that loses one edge is kept with probability ``P[P_WORSE] / 1000`` while the
    walk stays within ``P[P_SLACK]`` (at least 1) edges of its best. Stops after ``moves`` moves or on reaching ``P[P_TARGET]`` edges.
    ``state`` is the vector of :func:`discover.extremal.flips.tabu_search`. Returns moves made.
    """
    n = A_io.shape[0]
    lengths = _walk_lengths(P)
    if lengths == 0 or n < 2:
        return 0
    np.random.seed(P[P_SEED])
    W = (n + 63) >> 6
    B = np.zeros((n, W), np.uint64)
    saved = np.zeros((n, W), np.uint64)
    edges = _to_bits(A_io, B)
    walk_best = max(edges, state[S_BEST_EDGES])
    best_edges = state[S_BEST_EDGES]
    if edges > best_edges:
        best_edges = edges
        copy_matrix(best_A, A_io)
    kmax = max(1, P[P_KICK])
    worse = P[P_WORSE] / 1000.0
    slack = max(1, P[P_SLACK])
    low_degree = P[P_LOW_DEGREE] / 1000.0
    target = P[P_TARGET]
    victims = np.zeros(kmax, np.int64)
    near = np.zeros(n, np.int64)
    touched = np.zeros(n, np.int64)
    mark = np.zeros(n, np.uint8)
    allow = np.zeros(W, np.uint64)
    far = np.zeros((n, W), np.uint64)
    sets = np.zeros((n + 1, W), np.uint64)
    chosen = np.zeros(n + 1, np.int64)
    best_set = np.zeros(n + 1, np.int64)
    ball = np.zeros(W, np.uint64)
    fr = np.zeros(W, np.uint64)
    gr = np.zeros(W, np.uint64)
    it = state[S_ITERS]
    it_end = it + moves
    while it < it_end and best_edges < target:
        it += 1
        copy_matrix(saved, B)
        before = edges
        k = 1 + np.random.randint(kmax)
        m = _pick_victims(B, k, victims, near, low_degree)
        nt = 0
        for t in range(m):
            x = victims[t]
            if mark[x] == 0:
                mark[x] = 1
                touched[nt] = x
                nt += 1
            for i in range(_members(B[x], near, -1)):
                y = near[i]
                _link(B, x, y, False)
                edges -= 1
                if mark[y] == 0:
                    mark[y] = 1
                    touched[nt] = y
                    nt += 1
        # re-join the victims one by one, in random order
        _shuffle_prefix(victims, m)
        for t in range(m):
            x = victims[t]
            size = _largest_set(B, x, lengths, far, sets, chosen, best_set, ball, fr, gr, allow)
            for q in range(size):
                _link(B, x, best_set[q], True)
            edges += size
        # then every legal edge at the vertices that lost one
        _shuffle_prefix(touched, nt)
        for i in range(nt):
            a = touched[i]
            mark[a] = 0
            # a uniformly random legal partner at a time, until none is left
            c = _allowed(B, a, lengths, allow, ball, fr, gr)
            while c > 0:
                _link(B, a, _nth_member(allow, np.random.randint(c)), True)
                edges += 1
                c = _allowed(B, a, lengths, allow, ball, fr, gr)
        # a move that loses one edge is kept now and then, but the walk stays within ``slack`` edges
        # of the best graph it has seen (a walk that drifts lower only wastes moves)
        keep = edges >= before or (edges == before - 1 and edges >= walk_best - slack
                                   and np.random.random() < worse)
        if keep:
            if edges > walk_best:
                walk_best = edges
            if edges > best_edges:
                best_edges = edges
                _to_matrix(B, best_A)
                state[S_BEST_ITER] = it
        else:
            copy_matrix(B, saved)
            edges = before
    _to_matrix(B, A_io)
    return end_chunk(state, it, best_edges, edges)
