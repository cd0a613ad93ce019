"""The known-formula library: the shipped lists, their index cache, the classic formulas' limits, and a user's
malformed --known file refused (one line naming the file and the line, exit 2, store unchanged)."""

from __future__ import annotations

import pytest

from bad_input import assert_refused, run_cli
from discover.cf.novelty.index import cache_is_current
from discover.cf.novelty.known import limit_class, load_known_file, shipped_lists


def test_shipped_lists_hold_the_published_pcfs_and_the_classics():
    big, classic = (load_known_file(p, shipped=True) for p in shipped_lists()[:2])
    assert len(big) == 2763
    assert {r.dataset for r in big} == {"literature_pi", "cmf_trajectories"}
    assert len(classic) >= 15 and all(r.citation for r in classic)
    # at least ten registry constants have a listed formula
    classes = {c for r in big + classic for c in r.constants}
    assert {"pi", "e", "zeta3", "log2", "catalan", "gompertz", "phi", "sqrt2", "zeta5"} <= classes


def test_index_cache_is_current():
    assert cache_is_current(), "run python -m discover.cf.novelty.index"


def test_library_cmf_trajectories_are_listed():
    """Apery's fraction is the zeta(3) CMF's diagonal: listed as a trajectory PCF too."""
    from discover.cf.novelty.equivalence import canonical_key
    from discover.cf.novelty.index import load_index

    rows = load_known_file(shipped_lists()[2], shipped=True)
    assert len(rows) > 1000 and all(r.dataset == "cmf_library" for r in rows)
    index = load_index([])
    hits = index.same_canonical(canonical_key((5, 27, 51, 34), (0, 0, 0, 0, 0, 0, -1)))
    assert any(index.row(i).dataset == "cmf_library" for i in hits)


def test_classic_limits_agree_with_the_fractions():
    """Each fast-converging classic formula's published limit is its value (60 digits)."""
    import mpmath

    from discover.cf.pcf import PCF
    from discover.cf.polynomial import Polynomial

    import sympy

    checked = 0
    for row in load_known_file(shipped_lists()[1], shipped=True):
        pcf = PCF(Polynomial(row.a), Polynomial(row.b))
        ev = pcf.evaluate(3000)
        if ev.digits < 60:
            continue
        with mpmath.workdps(80):
            value = mpmath.mpf(str(sympy.sympify(row.limit.replace("^", "**")).evalf(80)))  # 1/3 stays exact
            assert abs(value - ev.value) < mpmath.mpf(10) ** -55 * abs(value), row.describe()
        checked += 1
    assert checked >= 10


def test_limit_class():
    assert limit_class("(pi + 4)/pi") == ("pi",)
    assert limit_class("30/pi**2") == ("pi",)
    assert limit_class("2/(1 - 2*zeta(3) + 2*zeta(5))") == ("zeta3", "zeta5")
    # zeta(4) and zeta(6) are powers of pi (a registry name since session 19): indexed with the pi formulas
    assert limit_class("1/zeta(4)") == limit_class("90/pi**4") == ("pi",)
    assert limit_class("zeta(6) - 1") == ("pi",) and limit_class("zeta(4, 1/4)") == ("beta4",)
    assert limit_class("exp(-1)/expint(1, 1)") == ("gompertz",)
    assert limit_class("") == ()
    # a constant no pattern names is classed by its own calls, not as rational (then the unification pairs its
    # formulas for coboundaries); rational only without any
    assert limit_class("1/(2 - sqrt(3))") == limit_class("sqrt(3)/(2 + sqrt( 3))") == ("sqrt(3)",)
    assert limit_class("(9 - 4*besseli(2, 2)/besseli(3, 2))/3") == ("besseli(2,2)", "besseli(3,2)")
    assert limit_class("10*gamma(1/4 + I/4)/(8 - gamma(1/4 + I/4))") == ("gamma(1/4+I/4)",)
    assert limit_class("3/4") == limit_class("-7") == ("rational",)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("novelty-bad") / "store.sqlite")
    code, _out, err, _ = run_cli(["cf", "eval", "2", "(2n-1)^2", "--depth", "50", "--json"], store=path)
    assert code == 0, err
    return path


def _write(tmp_path, name, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


BAD_FILES = [
    ("missing.tsv", b"a\tb\tlimit\n1\tn^2\t1/log(2)\n", "line 1"),
    ("badpoly.tsv", b"a\tb\tlimit\tdataset\n1\tn^2\t1/log(2)\tmine\n2n+\tn^2\t\tmine\n", "line 3"),
    ("junk.tsv", bytes(range(256)) * 4, "line 1"),
    ("latin1.tsv", b"a\tb\tlimit\tdataset\n1\tn^2\t\tm\xe9\n", "line 2"),
    ("fields.tsv", b"a\tb\tlimit\tdataset\n1\tn^2\n", "line 2"),
    ("limit.tsv", b"a\tb\tlimit\tdataset\n1\tn^2\t1/log(2);rm\tmine\n", "line 2"),
    ("empty.tsv", b"", "line 1"),
]


@pytest.mark.parametrize("name,data,where", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_malformed_known_file_is_refused(tmp_path, store, name, data, where):
    path = _write(tmp_path, name, data)
    for args in (["cf", "eval", "1", "n^2", "--depth", "50", "--known", path],
                 ["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "2", "--range", "-1:1",
                  "--known", path]):
        line = assert_refused(args, where, store)
        assert name in line


def test_missing_known_file_is_refused(tmp_path, store):
    assert_refused(["cf", "eval", "1", "n^2", "--known", str(tmp_path / "nope.tsv")], "nope.tsv", store)


@pytest.mark.parametrize("args,needle", [
    (["cf", "novelty", "2n+", "n"], "a(n)"),
    (["cf", "novelty", "1", "n^2", "--depth", "99999999"], "--depth"),
    (["cf", "unify", "--max-pairs", "-1"], "--max-pairs"),
    (["cf", "unify", "--output", "/"], "--output"),
])
def test_novelty_and_unify_refuse_bad_input(store, args, needle):
    assert_refused(args, needle, store)
