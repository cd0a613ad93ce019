"""Permutation generating sets of the CayleyPy library, defined here from their published definitions.

Every builder takes the degree n (and the family's parameters) and returns (generators, names): 0-based
one-line tuples, ``g[i]`` the image of i (see :mod:`discover.cayley.perms`). A cycle ``(a b c)`` maps
a -> b -> c -> a. The growth function of a generating set S equals that of S^-1 (the inverse of a word of
length k in S is a word of length k in S^-1), so it does not depend on which of the two conventions a
library uses for a cycle. Definitions (n is the degree, 0-based points):

======================  ====================================================================================
consecutive_k_cycles:k  the k-cycles (i, i+1, ..., i+k-1), i = 0..n-k
wrapped_k_cycles:k      the k-cycles (i, i+1, ..., i+k-1) mod n, i = 0..n-1 (consecutive with wrap-around)
increasing_k_cycles:k   every k-cycle (c_1 ... c_k) with c_1 < ... < c_k
block_interchange       exchanges of two blocks [i..j-1] and [k..l-1], i < j <= k < l (Christie 1996)
signed_reversals        signed reversals of every segment [i..j] of n signed elements on 2n sides
                        (side i on top of element i, side n+i under it): reverse the segment, turn it over
rapaport_m1             (0 1), (0 1)(2 3), (0 1)(2 3)(4 5), ... and (1 2), (1 2)(3 4), ... (Rapaport-Strasser 1959)
rapaport_m2             (0 1), (0 1)(2 3)(4 5)..., (1 2)(3 4)... (Rapaport-Strasser 1959)
all_cycles              every cycle of length 2..n
lsl_cycles              the long cycle (0 1 ... n-1), the sub-long cycle (1 2 ... n-1) and their inverses
larx                    (0 1) and the cycle (1 2 ... n-1) (directed)
down_cycles             the cycles (i, i+1, ..., j), 0 <= i < j < n
prefix_cycles           the prefix cycles (0 1 ... j-1), j = 2..n (directed)
three_cycles_0ij        the 3-cycles (0 i j), i != j
three_cycles_01i        the 3-cycles (0 1 i), i = 2..n-1, and their inverses (A_n)
derangements            every permutation without a fixed point
involutive_derangements every fixed-point-free involution (n even)
generalized_stars:k     the transpositions (i j), i < k <= j
cubic_pancake:s         three prefix reversals R_n, R_a, R_b with (a, b) = (n-1, 2), (n-1, 3), (n-1, n-2),
                        (n-1, n-3), (n-2, 2), (n-2, 3), (n-2, n-3) for s = 1..7 (R_k reverses positions 0..k-1)
coxeter_b               the simple reflections of B_n on 2n points: (0 n) and (i i+1)(n+i n+i+1)
coxeter_d               the simple reflections of D_n on 2n points: (0 n+1)(1 n) and (i i+1)(n+i n+i+1)
square_whiskers:q:e:w:t three involutions x, y, z drawn as a square with two whiskers (see square_whiskers)
======================  ====================================================================================

References: CayleyPy's library (Chervov et al., "CayleyPy", arXiv:2502.18663, and the definitions in its
documentation); D. A. Christie, "Sorting permutations by block-interchanges" (1996); E. Rapaport-Strasser,
"Cayley color groups and Hamilton lines", Scripta Math. 24 (1959); A. Bjorner and F. Brenti, *Combinatorics
of Coxeter groups* (2005), 8.1-8.2 for B_n and D_n as signed permutations; for square_whiskers, A. Chervov et al.,
"CayleyPy Growth" (arXiv:2509.19162), whose conjectured diameter maximisers are involutions "in a square with
whiskers pattern".
"""

from __future__ import annotations

import itertools

from discover.cayley import perms as P
from discover.errors import InputError


def _cycle(n, points):
    return P.from_cycles(n, [tuple(points)])


def _label(points) -> str:
    return "(" + " ".join(map(str, points)) + ")"


def consecutive_k_cycles(n, k):
    cycles = [list(range(i, i + k)) for i in range(n - k + 1)]
    return [_cycle(n, c) for c in cycles], [_label(c) for c in cycles]


def wrapped_k_cycles(n, k):
    cycles = [[(i + j) % n for j in range(k)] for i in range(n)]
    return [_cycle(n, c) for c in cycles], [_label(c) for c in cycles]


def increasing_k_cycles(n, k):
    cycles = list(itertools.combinations(range(n), k))
    return [_cycle(n, c) for c in cycles], [_label(c) for c in cycles]


def block_interchange(n):
    gens, names = [], []
    for i, j, k, l in itertools.combinations(range(n + 1), 4):
        if j > k:
            continue
        gens.append(tuple(list(range(i)) + list(range(k, l)) + list(range(j, k)) + list(range(i, j))
                          + list(range(l, n))))
        names.append(f"I[{i}..{j - 1},{k}..{l - 1}]")
    for i, j, l in itertools.combinations(range(n + 1), 3):  # adjacent blocks: j = k
        gens.append(tuple(list(range(i)) + list(range(j, l)) + list(range(i, j)) + list(range(l, n))))
        names.append(f"I[{i}..{j - 1},{j}..{l - 1}]")
    return gens, names


def signed_reversals(n):
    """Reversal of the signed segment [i..j]: position i + t receives the element from position j - t,
    turned over (side n+x goes where side x was and back)."""
    gens, names = [], []
    for i in range(n):
        for j in range(i, n):
            g = list(range(2 * n))
            for t in range(j - i + 1):
                g[i + t] = n + (j - t)
                g[n + i + t] = j - t
            gens.append(tuple(g))
            names.append(f"R[{i}..{j}]")
    return gens, names


def _pairs_from(n, first, count):
    return P.from_cycles(n, [(first + 2 * t, first + 2 * t + 1) for t in range(count)])


def rapaport_m1(n):
    gens = [_pairs_from(n, 0, c) for c in range(1, n // 2 + 1)]
    names = [f"M1_0_{c}" for c in range(1, n // 2 + 1)]
    gens += [_pairs_from(n, 1, c) for c in range(1, (n - 1) // 2 + 1)]
    names += [f"M1_1_{c}" for c in range(1, (n - 1) // 2 + 1)]
    return gens, names


def rapaport_m2(n):
    return ([P.transposition(n, 0, 1), _pairs_from(n, 0, n // 2), _pairs_from(n, 1, (n - 1) // 2)],
            ["(0 1)", "even", "odd"])


def all_cycles(n):
    gens, names = [], []
    for k in range(2, n + 1):
        for subset in itertools.combinations(range(n), k):
            for rest in itertools.permutations(subset[1:]):
                c = (subset[0],) + rest
                gens.append(_cycle(n, c))
                names.append(_label(c))
    return gens, names


def lsl_cycles(n):
    long, sub = _cycle(n, range(n)), _cycle(n, range(1, n))
    return [long, sub, P.inverse(long), P.inverse(sub)], ["L", "S", "L'", "S'"]


def larx(n):
    return [P.transposition(n, 0, 1), _cycle(n, range(1, n))], ["X", "S"]


def down_cycles(n):
    cycles = [list(range(i, j + 1)) for i in range(n) for j in range(i + 1, n)]
    return [_cycle(n, c) for c in cycles], [_label(c) for c in cycles]


def prefix_cycles(n):
    cycles = [list(range(j)) for j in range(2, n + 1)]
    return [_cycle(n, c) for c in cycles], [_label(c) for c in cycles]


def three_cycles_0ij(n):
    cycles = [(0, i, j) for i, j in itertools.permutations(range(1, n), 2)]
    return [_cycle(n, c) for c in cycles], [_label(c) for c in cycles]


def three_cycles_01i(n):
    gens, names = [], []
    for i in range(2, n):
        g = _cycle(n, (0, 1, i))
        gens += [g, P.inverse(g)]
        names += [_label((0, 1, i)), _label((1, 0, i))]
    return gens, names


def derangements(n):
    gens = [p for p in itertools.permutations(range(n)) if all(p[i] != i for i in range(n))]
    return gens, [f"D{i}" for i in range(len(gens))]


def _matchings(points):
    if not points:
        yield []
        return
    first = points[0]
    for t in range(1, len(points)):
        rest = points[1:t] + points[t + 1:]
        for m in _matchings(rest):
            yield [(first, points[t])] + m


def involutive_derangements(n):
    gens = [P.from_cycles(n, m) for m in _matchings(list(range(n)))]
    return gens, [f"ID{i}" for i in range(len(gens))]


def generalized_stars(n, k):
    pairs = [(i, j) for i in range(k) for j in range(k, n)]
    return [P.transposition(n, i, j) for i, j in pairs], [f"({i} {j})" for i, j in pairs]


CUBIC_PANCAKE_SUBSETS = {  # s -> the lengths (a, b) of the two prefix reversals beside R_n
    1: lambda n: (n - 1, 2), 2: lambda n: (n - 1, 3), 3: lambda n: (n - 1, n - 2), 4: lambda n: (n - 1, n - 3),
    5: lambda n: (n - 2, 2), 6: lambda n: (n - 2, 3), 7: lambda n: (n - 2, n - 3)}


def _prefix_reversal(n, k):
    return tuple(list(range(k - 1, -1, -1)) + list(range(k, n)))


def cubic_pancake(n, s):
    a, b = CUBIC_PANCAKE_SUBSETS[s](n)
    return [_prefix_reversal(n, k) for k in (n, a, b)], [f"R{k}" for k in (n, a, b)]


def _doubled_adjacent(n, i):
    return P.from_cycles(2 * n, [(i, i + 1), (n + i, n + i + 1)])


def coxeter_b(n):
    gens = [P.transposition(2 * n, 0, n)] + [_doubled_adjacent(n, i) for i in range(n - 1)]
    return gens, ["s0"] + [f"s{i + 1}" for i in range(n - 1)]


def coxeter_d(n):
    gens = [P.from_cycles(2 * n, [(0, n + 1), (1, n)])] + [_doubled_adjacent(n, i) for i in range(n - 1)]
    return gens, ["s0"] + [f"s{i + 1}" for i in range(n - 1)]


SQUARE_WHISKERS_MIN_N = 5


def square_whiskers(n, q=1, e=0, w=0, t=0):
    """Three involutions x, y, z whose transpositions, drawn as coloured edges on the n points, form a square
    A-B-C-D with two whiskers (paths) hanging from the adjacent corners A and B: x = (A B)(C D), y = (B C)(D A);
    z = (A a_1)(B b_1): each whisker leaves its corner by z, then alternates y, z (w = 0) or x, z (w = 1). The
    whisker at B has q points (default 1), the one at A p = n - 4 - q. e = 1 adds the edge (C D) to z (the
    square's far side then carries x and z); t = 1 adds the last edge of the A whisker to y (a doubled tip).
    Points: the A whisker tip..a_1 = 0..p-1, A = p, B = p+1, D = p+2, C = p+3, the B whisker b_1.. = p+4..n-1.

    The pattern is named in Chervov et al., arXiv:2509.19162 (conjectured to maximise the diameter over
    involution generating sets); its exact published parametrisation was not available to us, so this is
    the pattern as read off the maximisers our exhaustive search finds: n = 7: q = 1, e = 1; n = 8: q = 1;
    n = 9: q = 1, w = 1, t = 1; n = 10 (best square with whiskers): q = 2, w = 1, t = 1."""
    p = n - 4 - q
    if p < 0 or q < 0 or e not in (0, 1) or w not in (0, 1) or t not in (0, 1):
        raise InputError(f"--generators square_whiskers: q={q} must be 0..{n - 4} and e, w, t 0 or 1 (n={n})")
    A, B, D, C = p, p + 1, p + 2, p + 3
    a = [p - 1 - i for i in range(p)]  # a_1, a_2, ... (a_1 next to A)
    b = [p + 4 + i for i in range(q)]  # b_1, b_2, ...
    x = [(A, B), (C, D)]
    y = [(B, C), (D, A)]
    z = ([(A, a[0])] if p else []) + ([(B, b[0])] if q else []) + ([(C, D)] if e else [])
    for path in (a, b):
        for i in range(len(path) - 1):
            ((x if w else y) if i % 2 == 0 else z).append((path[i], path[i + 1]))
    if t:
        if p < 2 or (a[-2], a[-1]) in y:
            raise InputError(f"--generators square_whiskers: t=1 needs an A whisker of 2 or more points whose last "
                             f"edge is not in y (n={n}, q={q}, w={w})")
        y.append((a[-2], a[-1]))
    gens = [P.from_cycles(n, x), P.from_cycles(n, y), P.from_cycles(n, z)]
    return gens, ["x", "y", "z"]
