"""The modular screen of the coboundary systems (discover/cf/novelty/coboundary_screen.py) never discards a
system that has a solution: checked against the exact FLINT nullspace on every system a coboundary search
tries, on listed formulas moved by random unimodular gauges V (det V = +-1), where a solution exists."""

from __future__ import annotations

import random

import pytest

import discover.cf.novelty.coboundary_screen as screen_module
import discover.cf.novelty.equivalence as equivalence
from discover.cf.novelty.classify import THOROUGH, classify
from discover.cf.novelty.coboundary_screen import Screen
from discover.cf.novelty.equivalence import _poly, apply_coboundary, coboundary
from discover.cf.novelty.index import load_index
from discover.cf.novelty.known import limit_class, load_known_file, shipped_lists


def _gauge(rng):
    """A random V with det V = 1: a product of two elementary matrices with polynomial entries of degree
    <= 1 (so V has degree <= 2, within the search's bound 4)."""
    def unit():
        u = tuple(rng.randint(-3, 3) for _ in range(rng.randint(1, 2))) or (1,)
        return [[(1,), u], [(0,), (1,)]] if rng.random() < 0.5 else [[(1,), (0,)], [u, (1,)]]

    def mul(X, Y):
        from flint import fmpz_poly

        P = [[fmpz_poly(list(e)) for e in row] for row in X]
        Q = [[fmpz_poly(list(e)) for e in row] for row in Y]
        return [[tuple(int(c) for c in (P[i][0] * Q[0][j] + P[i][1] * Q[1][j]).coeffs()) or (0,) for j in range(2)]
                for i in range(2)]

    return mul(unit(), unit()) if rng.random() < 0.5 else unit()


@pytest.fixture(scope="module")
def moved():
    """(listed row, its image under a random gauge and shift): 14 rows of deg b 2..4 of the shipped lists, with a
    published irrational limit (the classification is given the limit: without one it has no partners to try)."""
    rng = random.Random(2026)
    # a rational limit has no partners to try (two fractions with the same rational limit are not thereby related)
    rows = [r for p in shipped_lists() for r in load_known_file(p, shipped=True)
            if 2 <= len(r.b) - 1 <= 4 and r.limit and len(r.a) >= 2 and limit_class(r.limit) != ("rational",)]
    out = []
    for row in rng.sample(rows, 40):
        cand = apply_coboundary(row.a, row.b, _gauge(rng), shift=rng.choice([0, 0, 1]))
        if cand is not None and len(cand[1]) - 1 <= 6:
            out.append((row, cand))
        if len(out) == 14:
            break
    assert len(out) >= 10
    return out


def _exact_only(monkeypatch):
    monkeypatch.setattr(screen_module.Screen, "unsolvable", lambda *args: False)


def _screens(known, cand, shifts, degree=4):
    """The screen of (known, cand) with the Numba kernel and with Python + FLINT."""
    out = []
    for kernel in (True, False):
        screen = Screen(_poly(known[0]), _poly(known[1]), degree, kernel=kernel)
        for k in shifts:
            screen.add_shift(k, equivalence._shift(_poly(cand[0]), k), equivalence._shift(_poly(cand[1]), k))
        out.append(screen)
    return out


def test_the_screen_never_discards_a_solvable_system(moved, monkeypatch):
    """Every system a search builds, solved exactly (the screen off): none with a solution is one the screen
    calls unsolvable (with the Numba kernel or with FLINT's nmod_mat: they agree); and the search returns the
    same coboundary with the screen on."""
    real_solve = equivalence._solve
    systems = solvable = screened = found = 0
    for row, cand in moved:
        asked, answers = [], []  # with the screen off, each screen call is followed by its exact solve
        monkeypatch.setattr(screen_module.Screen, "unsolvable", lambda self, *args: asked.append(args) or False)
        monkeypatch.setattr(equivalence, "_solve", lambda *args: answers.append(real_solve(*args)) or answers[-1])
        exact = coboundary((row.a, row.b), cand, budget=[120])
        monkeypatch.undo()
        assert len(asked) == len(answers)
        numba_screen, flint_screen = _screens((row.a, row.b), cand, {args[0] for args in asked})
        for args, V in zip(asked, answers):
            systems += 1
            discarded = numba_screen.unsolvable(*args)
            assert discarded == flint_screen.unsolvable(*args)
            screened += discarded
            if V is not None:
                solvable += 1
                assert not discarded, (row.describe(), cand)
        screened_search = coboundary((row.a, row.b), cand, budget=[120])
        assert (exact is None) == (screened_search is None), (row.describe(), cand)
        if exact is not None:
            found += 1
            assert (exact.V, exact.shift, exact.h1, exact.h2) == (
                screened_search.V, screened_search.shift, screened_search.h1, screened_search.h2)
            # the system of the solution itself is never screened out
            for screen in _screens((row.a, row.b), cand, [exact.shift]):
                assert not screen.unsolvable(exact.shift, _poly(exact.h1), _poly(exact.h2), 1, 1)
    assert found >= 8 and solvable >= found, (found, solvable)
    assert screened >= (systems - solvable) // 2, (systems, solvable, screened)  # it does discard work


def test_screened_and_exact_searches_classify_alike(moved, monkeypatch):
    """The classification of each moved formula (class, chain with V and the Moebius map, listed row) is
    the same with the screen and with the exact solver alone, and it is known or equivalent."""
    index = load_index([])
    # the thorough bounds of `cf novelty`: the search's hot-path budget (96 systems) may stop before the partner
    with_screen = [classify(*cand, row.limit, index, **THOROUGH) for row, cand in moved]
    _exact_only(monkeypatch)
    without = [classify(*cand, row.limit, index, **THOROUGH) for row, cand in moved]
    assert with_screen == without
    assert all(n["class"] in ("known", "equivalent") for n in with_screen), \
        [(r.describe(), n["class"]) for (r, _c), n in zip(moved, with_screen) if n["class"] == "new"]


def test_the_screen_rules_out_a_system_without_solution():
    """(2n+1, n^2) against (n, 1)'s companion with scalar 1: no V of degree <= 4 (the limits 4/pi and a
    Bessel ratio are not Moebius-related), and the rank mod p proves it; the exact solver agrees."""
    one = _poly((1,))
    for screen in _screens(((1, 2), (0, 0, 1)), ((0, 1), (1,)), [0]):
        assert screen.unsolvable(0, one, one, 1, 1)
    assert equivalence._solve(_poly((1, 2)), _poly((0, 0, 1)), _poly((0, 1)), _poly((1,)), one, one, 4) is None
