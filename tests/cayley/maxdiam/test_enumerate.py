"""The canonical enumeration against brute force: the number of orbits of generating sets under
simultaneous conjugacy, counted by expanding every orbit over all of S_n (no canonical forms involved)."""

import itertools
import random

import pytest
from brute import involutions, inverse

from discover.cayley.maxdiam.enumerate import canonical_form, canonical_sets, sample_sets
from discover.cayley.maxdiam.shape import parse_shape


def cycle_type(g):
    seen, out = set(), []
    for i in range(len(g)):
        if i in seen:
            continue
        L, x = 0, i
        while x not in seen:
            seen.add(x)
            x = g[x]
            L += 1
        out.append(L)
    return sorted(out, reverse=True)


def transitive(gens, n):
    seen, todo = {0}, [0]
    while todo:
        x = todo.pop()
        for g in gens:
            if g[x] not in seen:
                seen.add(g[x])
                todo.append(g[x])
    return len(seen) == n


def count_orbits(n, candidates):
    """Orbits under simultaneous conjugation of the transitive sets among ``candidates`` (tuples of
    permutations), a set identified with its undirected generating set S u S^-1: each new set's whole
    orbit is expanded over all of S_n and marked as seen."""
    perms = list(itertools.permutations(range(n)))
    seen, orbits = set(), 0
    for gens in candidates:
        key = frozenset(set(gens) | {inverse(g) for g in gens})
        if len({frozenset({g, inverse(g)}) for g in gens}) < len(gens) or key in seen:
            continue
        if not transitive(gens, n):
            continue
        orbits += 1
        for h in perms:
            hi = inverse(h)
            seen.add(frozenset(tuple(h[g[hi[i]]] for i in range(n)) for g in key))
    return orbits


def members(n, cls):
    """The permutations of degree n of cycle type ``cls`` ("inv": every involution but the identity)."""
    if cls == "inv":
        return involutions(n)
    return [p for p in itertools.permutations(range(n)) if cycle_type(p) == cls]


def padded(n, parts):
    return sorted(parts + [1] * (n - sum(parts)), reverse=True)


CASES = [
    ("three-involutions", 4, ["inv", "inv", "inv"]),
    ("three-involutions", 5, ["inv", "inv", "inv"]),
    ("three-involutions", 6, ["inv", "inv", "inv"]),
    ("involution-cycle", 5, ["inv", padded(5, [5])]),
    ("involution-cycle", 6, ["inv", padded(6, [6])]),
    ("involution-cycle:4", 6, ["inv", padded(6, [4])]),
    ("cycle-transposition", 6, [padded(6, [6]), padded(6, [2])]),
    ("2^2,2,3", 5, [padded(5, [2, 2]), padded(5, [2]), padded(5, [3])]),
]


@pytest.mark.parametrize("shape,n,classes", CASES, ids=[f"{s}-n{n}" for s, n, _ in CASES])
def test_orbit_count_equals_brute_force(shape, n, classes):
    # classes of equal text are unordered in the shape: brute force over sets, each set once
    assert len(canonical_sets(parse_shape(shape), n, 10 ** 6)) == brute_force_orbits_sets(n, classes)


def brute_force_orbits_sets(n, classes):
    """The number of orbits of sets of the shape: generators of distinct classes as ordered tuples,
    generators of one class (three involutions) as unordered sets, each set once."""
    if len(set(map(str, classes))) == len(classes):
        return count_orbits(n, itertools.product(*(members(n, c) for c in classes)))
    assert all(c == classes[0] for c in classes)
    return count_orbits(n, itertools.combinations(members(n, classes[0]), len(classes)))


def test_canonical_form_is_a_conjugacy_invariant():
    shape = parse_shape("three-involutions")
    rng = random.Random(5)
    for form in canonical_sets(shape, 7, 10 ** 6)[::25]:
        assert canonical_form(shape, list(form)) == form  # a canonical form is its own canonical form
        h = list(range(7))
        rng.shuffle(h)
        hi = inverse(h)
        conj = [tuple(h[g[hi[i]]] for i in range(7)) for g in form]
        rng.shuffle(conj)
        assert canonical_form(shape, conj) == form


def test_inverse_of_the_cycle_is_the_same_set():
    shape = parse_shape("involution-cycle")
    t, c = (1, 0, 2, 3, 4), (1, 2, 3, 4, 0)
    assert canonical_form(shape, [t, c]) == canonical_form(shape, [t, inverse(c)])


def test_intransitive_sets_have_no_canonical_form():
    shape = parse_shape("three-involutions")
    assert canonical_form(shape, [(1, 0, 2, 3), (1, 0, 3, 2), (0, 1, 3, 2)]) is None


def test_sample_is_seeded_and_canonical():
    shape = parse_shape("three-involutions")
    a, b = sample_sets(shape, 7, 30, seed=3), sample_sets(shape, 7, 30, seed=3)
    assert a == b and len(a) == len(set(a)) == 30
    every = set(canonical_sets(shape, 7, 10 ** 6))
    assert set(a) <= every
    assert sample_sets(shape, 7, 30, seed=4) != a
