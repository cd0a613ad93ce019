"""Numba kernels of the canonical enumeration (see :mod:`discover.cayley.maxdiam.enumerate`).

A k-tuple of permutations of 0..n-1 is held as a table ``T[j, p]`` = image of p under generator j (and
``U`` the inverse table). Conventions: points 0-based; the *entries* of a table are read in the order
(p, j) = (0, 0), (0, 1), ..., (0, k-1), (1, 0), ...; one table is smaller than another when its first
differing entry is smaller.

**Standard form** (the coset tables of Todd-Coxeter / Sims' low-index algorithm; C. C. Sims,
*Computation with finitely presented groups*, 1994, 4.7 and 5.6): a transitive tuple is *standardised from
a start point s* by relabelling the points in the order a breadth-first scan first meets them: s gets label
0; the points labelled so far are scanned in label order, and for each the images under generators 0..k-1
in that order; an image not labelled yet gets the next label. Conjugating the tuple by h maps its
standardisation from s onto that of the conjugate from h(s), so the set of the n standardisations of a
tuple is an invariant of its conjugacy class, and two transitive tuples are simultaneously conjugate if and
only if they have a standardisation in common.

:func:`enumerate_canonical` enumerates, by backtracking over the entries in order, every table that is
standard from point 0 (the image of an undefined entry is an existing point with no preimage yet under that
generator, or the next new label), pruning by the cycle type each generator must have, and keeps a table
only if no *variant* (a permutation of generators of the same class and a choice of g or g^-1 for each
generator that is not an involution: the same undirected Cayley graph) standardised from any start point
is smaller. So each orbit of generating sets under simultaneous conjugation is listed exactly once, as
its least standardisation (its canonical form); intransitive tuples (which cannot generate S_n) are never
completed.
"""

from __future__ import annotations

import numpy as np
import discover.kernels.numba_start  # noqa: F401,I001 - before numba: see that module
from numba import njit

from discover.kernels.arrays import copy_matrix


@njit(cache=True)
def _chain_length(T, U, j, p, q):
    """Points in the path of generator j through p -> q once T[j, p] = q is set (p's chain backwards,
    q's chain forwards), or -L when that closes a cycle of length L."""
    x = q
    L = 1
    while x != p:
        x = T[j, x]
        if x == -1:
            break
        L += 1
    if x == p:
        return -L
    c = 1
    x = p
    while U[j, x] != -1:
        x = U[j, x]
        c += 1
    y = q
    c += 1
    while T[j, y] != -1:
        y = T[j, y]
        c += 1
    return c


@njit(cache=True)
def scan_variant(T, U, n, k, vperm, vinv, s, lab, orig, out, compare):
    """Standardise the variant (``vperm``: generator order, ``vinv``: which generators are inverted) of
    the table T from point s, entry by entry. ``compare``: return -1/0/1 as soon as the result is known
    to be smaller than / equal to / larger than T itself (entry order); otherwise write it into ``out``
    (k x n) and return 0. Returns 2 when the tuple is not transitive (a point is never reached)."""
    for i in range(n):
        lab[i] = -1
    lab[s] = 0
    orig[0] = s
    cnt = 1
    for pp in range(n):
        if pp >= cnt:
            return 2
        x = orig[pp]
        for jj in range(k):
            g = vperm[jj]
            y = U[g, x] if vinv[jj] else T[g, x]
            if lab[y] == -1:
                lab[y] = cnt
                orig[cnt] = y
                cnt += 1
            v = lab[y]
            if compare:
                cur = T[jj, pp]
                if v < cur:
                    return -1
                if v > cur:
                    return 1
            else:
                out[jj, pp] = v
    return 0


@njit(cache=True)
def canonical_form(T, n, k, var_perm, var_inv, out):
    """The least standardisation of T over every variant and start point, into ``out``; False when T
    is not transitive."""
    U = np.empty_like(T)
    for j in range(k):
        for p in range(n):
            U[j, T[j, p]] = p
    best = np.empty((k, n), np.int64)
    cand = np.empty((k, n), np.int64)
    lab = np.empty(n, np.int64)
    orig = np.empty(n, np.int64)
    have = False
    for v in range(var_perm.shape[0]):
        for s in range(n):
            if scan_variant(T, U, n, k, var_perm[v], var_inv[v], s, lab, orig, cand, False) == 2:
                return False
            better = not have
            if have:
                for pp in range(n):
                    done = False
                    for jj in range(k):
                        if cand[jj, pp] != best[jj, pp]:
                            better = cand[jj, pp] < best[jj, pp]
                            done = True
                            break
                    if done:
                        break
            if better:
                copy_matrix(best, cand)
                have = True
    copy_matrix(out, best)
    return True


@njit(cache=True)
def _leaf_ok(T, U, n, k, req, closed, var_perm, var_inv, lab, orig, scratch):
    for j in range(k):
        if closed[j, 1] == n:
            return False  # the identity is not a generator
        for L in range(1, n + 1):
            if req[j, L] >= 0 and closed[j, L] != req[j, L]:
                return False
    for a in range(k):  # a set, not a multiset: no generator twice (nor one and its inverse)
        for b in range(a + 1, k):
            same = True
            inverse = True
            for p in range(n):
                if T[a, p] != T[b, p]:
                    same = False
                if T[a, p] != U[b, p]:
                    inverse = False
            if same or inverse:
                return False
    for v in range(var_perm.shape[0]):
        for s in range(n):
            if scan_variant(T, U, n, k, var_perm[v], var_inv[v], s, lab, orig, scratch, True) < 0:
                return False
    return True


@njit(cache=True)
def enumerate_canonical(n, k, req, isinv, maxlen, var_perm, var_inv, out, node_budget):
    """Every canonical table (see the module docstring) whose generator j has the cycle type ``req[j]``
    (``req[j, L]``: the number of L-cycles, fixed points at L = 1; -1: any number), written to ``out``
    (capacity x k x n). Returns (count, nodes); count = -1 when ``out`` is too small, -2 when more than
    ``node_budget`` search nodes were needed (the caller then samples instead)."""
    T = np.full((k, n), -1, np.int64)
    U = np.full((k, n), -1, np.int64)
    closed = np.zeros((k, n + 1), np.int64)
    lab = np.empty(n, np.int64)
    orig = np.empty(n, np.int64)
    scratch = np.empty((k, n), np.int64)
    depth_max = n * k + 1
    st_e = np.empty(depth_max, np.int64)
    st_q = np.empty(depth_max, np.int64)
    st_len = np.empty(depth_max, np.int64)
    st_new = np.empty(depth_max, np.bool_)
    depth = 0
    count = 0
    nodes = 0
    count_pts = 1  # point 0 is labelled
    e = 0
    qfrom = 0
    entries = n * k
    while True:
        backtrack = False
        while e < entries:
            p = e // k
            j = e - p * k
            if p >= count_pts:
                break
            if T[j, p] == -1:
                break
            e += 1
        if e == entries:
            if _leaf_ok(T, U, n, k, req, closed, var_perm, var_inv, lab, orig, scratch):
                if count >= out.shape[0]:
                    return -1, nodes
                for jj in range(k):
                    for pp in range(n):
                        out[count, jj, pp] = T[jj, pp]
                count += 1
            backtrack = True
        else:
            p = e // k
            j = e - p * k
            if p >= count_pts:
                backtrack = True  # the points reached so far are closed under the generators: intransitive
            else:
                found = False
                top = count_pts if count_pts < n else n - 1
                for q in range(qfrom, top + 1):
                    if U[j, q] != -1:
                        continue
                    if isinv[j]:
                        L = 1 if q == p else 2
                        if q != p and T[j, q] != -1:
                            continue
                        closes = True
                    else:
                        c = _chain_length(T, U, j, p, q)
                        closes = c < 0
                        L = -c if closes else c
                        if not closes and L > maxlen[j]:
                            continue
                    if closes:
                        if req[j, L] == 0:
                            continue
                        if req[j, L] > 0 and closed[j, L] >= req[j, L]:
                            continue
                    T[j, p] = q
                    U[j, q] = p
                    if isinv[j]:
                        T[j, q] = p
                        U[j, p] = q
                    newpt = q == count_pts
                    if newpt:
                        count_pts += 1
                    if closes:
                        closed[j, L] += 1
                    st_e[depth] = e
                    st_q[depth] = q
                    st_len[depth] = L if closes else 0
                    st_new[depth] = newpt
                    depth += 1
                    nodes += 1
                    if nodes > node_budget:
                        return -2, nodes
                    found = True
                    break
                if found:
                    e += 1
                    qfrom = 0
                    continue
                backtrack = True
        if backtrack:
            if depth == 0:
                break
            depth -= 1
            e = st_e[depth]
            q = st_q[depth]
            p = e // k
            j = e - p * k
            T[j, p] = -1
            U[j, q] = -1
            if isinv[j]:
                T[j, q] = -1
                U[j, p] = -1
            if st_new[depth]:
                count_pts -= 1
            if st_len[depth] > 0:
                closed[j, st_len[depth]] -= 1
            qfrom = q + 1
    return count, nodes
