"""Listed formulas transformed by random exact equivalences are classified known or equivalent; formulas of
different constants never are. The Moebius map a coboundary carries is checked on the two limits."""

from __future__ import annotations

import random

import pytest

from discover.cf.novelty.classify import THOROUGH, classify
from discover.cf.novelty.equivalence import apply_coboundary, coboundary, fold, moebius_of_coboundary
from discover.cf.novelty.index import KnownIndex, load_index
from discover.cf.novelty.known import load_known_file, shipped_lists
from discover.cf.pcf import PCF
from discover.cf.polynomial import Polynomial


def _value(a, b, depth=600):
    return PCF(Polynomial(tuple(a)), Polynomial(tuple(b))).evaluate(depth)


def _listed(max_deg_b=2, dataset=None):
    rows = [r for p in shipped_lists() for r in load_known_file(p, shipped=True)]
    return [r for r in rows if len(r.b) - 1 <= max_deg_b and r.limit and (dataset is None or r.dataset == dataset)
            and _value(r.a, r.b, 200).digits > 20]


@pytest.fixture(scope="module")
def index():
    return load_index([])


@pytest.fixture(scope="module")
def sample():
    rng = random.Random(13)
    rows = _listed()
    return rng.sample(rows, 12)


def _scale(a, b, c):
    return tuple(c * x for x in a), tuple(c * c * x for x in b)


def _shift(a, b, k):
    return Polynomial(a).shift(k).coeffs, Polynomial(b).shift(k).coeffs


def _inflate(a, b, c):
    """(c(n) a, c(n) c(n-1) b) for the polynomial c."""
    from flint import fmpz_poly

    C = fmpz_poly(list(c))
    A, B = fmpz_poly(list(a)) * C, fmpz_poly(list(b)) * C * C(fmpz_poly([-1, 1]))
    return tuple(int(x) for x in A.coeffs()), tuple(int(x) for x in B.coeffs())


def test_canonical_transforms_are_known(index, sample):
    rng = random.Random(1)
    for row in sample:
        a, b = row.a, row.b
        a, b = _scale(a, b, rng.choice([2, 3, -5]))
        a, b = _shift(a, b, rng.choice([1, 2, 3]))
        a, b = _inflate(a, b, (rng.randint(1, 4), 1))
        nov = classify(a, b, row.limit, index)
        assert nov["class"] == "known", (row.describe(), a, b)


def test_folds_are_equivalent(index, sample):
    for row in sample[:6]:
        for parity in (0, 1):
            f = fold(row.a, row.b, parity)
            assert f is not None
            nov = classify(*f, row.limit, index)
            assert nov["class"] in ("known", "equivalent"), (row.describe(), parity, f)


def test_random_coboundaries_are_equivalent_with_a_moebius_map_of_the_limit(index, sample):
    """V(n) random with det V = +-1 (constant, or degree 1 in one entry): a random gauge and, through V(0),
    a random Moebius map of the limit. The record's map must send the listed limit to the new one."""
    import mpmath

    rng = random.Random(7)
    found = 0
    for row in sample:
        t = rng.randint(-3, 3) or 1
        u = rng.choice([(t,), (t, 1), (0, t)])
        V = rng.choice([[[(1,), u], [(0,), (1,)]], [[(1,), (0,)], [u, (1,)]]])
        cand = apply_coboundary(row.a, row.b, V)
        assert cand is not None
        nov = classify(*cand, row.limit, index, **THOROUGH)
        assert nov["class"] in ("known", "equivalent"), (row.describe(), V, cand)
        step = nov["chain"][-1]
        if step["kind"] == "coboundary":
            found += 1
            m = step["moebius"]["map"]
            listed = nov["listed"]
            L0 = _value(Polynomial.parse(listed["a"]).coeffs, Polynomial.parse(listed["b"]).coeffs).value
            canon = PCF(Polynomial(cand[0]), Polynomial(cand[1])).canonical()
            L1 = _value(*canon).value
            with mpmath.workdps(30):
                assert abs((m[0] * L0 + m[1]) / (m[2] * L0 + m[3]) - L1) < 1e-12
    assert found >= 3


def test_different_constants_are_never_equivalent(tmp_path):
    """Against a list of pi formulas only, formulas of e, log 2, zeta(3), Catalan (and their transforms,
    given a pi 'limit' on purpose) are new; and no coboundary joins a pi formula to an e formula."""
    pi_rows = _listed(dataset="literature_pi")[:40]
    lst = tmp_path / "pi.tsv"
    lst.write_text("a\tb\tlimit\tdataset\n" + "".join(
        f"{Polynomial(r.a)}\t{Polynomial(r.b)}\t{r.limit}\tpi-only\n" for r in pi_rows))
    index = KnownIndex()
    index.add_list(lst)
    others = [r for r in load_known_file(shipped_lists()[1], shipped=True) if "pi" not in r.constants]
    assert len(others) >= 8
    for row in others:
        for a, b in [(row.a, row.b), _scale(*_shift(row.a, row.b, 1), 2)]:
            # the claimed limit class is pi's: only an exact equivalence could join them, and none exists
            nov = classify(a, b, "pi", index, max_partners=60, max_scalars=64, max_solves=200)
            # new, or equivalent only to its own classical family (deg a <= 1, deg b <= 2), never to a pi row
            assert nov["class"] == "new" or nov["listed"]["list"].startswith("classical:"), \
                (row.describe(), nov["chain"])
    e_rows = [r for r in others if r.constants == ("e",)]
    for er in e_rows:
        for pr in pi_rows[:10]:
            assert coboundary((pr.a, pr.b), (er.a, er.b), budget=[60]) is None


def test_moebius_map_of_an_exact_coboundary():
    """(2n+1, n^2) = 4/pi under V = [[1, n], [0, 1]]: the map from the solved V is exact."""
    import mpmath

    known = ((1, 2), (0, 0, 1))
    cand = apply_coboundary(*known, [[(1,), (0, 1)], [(0,), (1,)]])
    cob = coboundary(known, cand)
    assert cob is not None
    m = moebius_of_coboundary(known, cand, cob)
    with mpmath.workdps(30):
        L0, L1 = 4 / mpmath.pi, _value(*cand, depth=2000).value
        assert abs((m[0] * L0 + m[1]) / (m[2] * L0 + m[3]) - L1) < 1e-25
