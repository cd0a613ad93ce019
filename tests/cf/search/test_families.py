"""Structured domains of ``cf search`` (the Ramanujan Machine's symmetric families) against known mathematics.

The rediscovery tests are a method, not a table: every PCF of the known lists the tool ships
(discover/cf/data: the published PCFs of the Ramanujan Machine datasets and the classic formulas with
citations) that lies in the searched box of a domain, with a limit in the domain's constants, must come
back from the search, in the same equivalence class.
"""

from __future__ import annotations

import json

import pytest
import sympy

from discover.cf.pcf import PCF
from discover.cf.polynomial import Polynomial
from discover.cf.search.engine import ENGINE, CFSearchSpec, estimate_memory, shards
from discover.cf.search.families import family_rows, get_family
from discover.errors import InputError
from discover.runner import RunOptions, run_search

n = sympy.Symbol("n")


def _poly(coeffs):
    return sum(int(c) * n**i for i, c in enumerate(coeffs))


@pytest.mark.parametrize("name", ["zeta3", "zeta5", "catalan", "symmetric:1", "symmetric:4", "symmetric:7"])
def test_family_rows_have_the_stated_symmetry(name):
    """a(-1-n) = -a(n) for odd d, a(n) for even d (computed by sympy, not by the family code), and
    b(n) = -c n^(2d)."""
    fam = get_family(name)
    A, B = family_rows(fam, (-2, 2), (1, 3), 0, min(400, 5 ** fam.parameters * 3))
    sign = -1 if fam.degree % 2 else 1
    for a, b in list(zip(A.tolist(), B.tolist()))[::7]:
        pa = _poly(a)
        assert sympy.expand(pa.subs(n, -1 - n) - sign * pa) == 0
        assert sympy.Poly(_poly(b), n).terms()[0][0] == (2 * fam.degree,) and len(sympy.Poly(_poly(b), n).terms()) == 1
        assert -3 <= b[-1] <= -1


def test_zeta3_domain_is_the_ramanujan_machine_parametrisation():
    """Zeta3Domain2: a(n) = x0 (n^3 + (n+1)^3) + x1 (2n + 1): our p(n) = x1' n + x0' n^3 gives the same a."""
    fam = get_family("zeta3")
    A, _ = family_rows(fam, (-3, 3), (1, 1), 0, 49)
    got = {tuple(a) for a in A.tolist()}
    want = set()
    for x0 in range(-3, 4):
        for x1 in range(-3, 4):
            expr = sympy.expand(x0 * (n**3 + (n + 1) ** 3) + x1 * (2 * n + 1))
            want.add(tuple(int(expr.coeff(n, i)) for i in range(4)))
    assert got == want


def _in_domain(fam, a, b, x_range, c_range):
    """Whether PCF(a, b) (or its mirror (-a, b)) lies in the family's box: solve a = sum x_j basis_j
    exactly (sympy) and check b = -c n^(2d)."""
    d = fam.degree
    bb = list(b) + [0] * (2 * d + 1 - len(b))
    if len(bb) != 2 * d + 1 or any(bb[:-1]) or not c_range[0] <= -bb[-1] <= c_range[1]:
        return False
    aa = list(a) + [0] * (d + 1 - len(a))
    if len(aa) != d + 1:
        return False
    M = sympy.Matrix(fam.basis()).T
    for sign in (1, -1):
        try:
            sol, params = M.gauss_jordan_solve(sympy.Matrix([sign * v for v in aa]))
        except ValueError:
            continue
        if params.shape[0] == 0 and all(v.is_integer and x_range[0] <= v <= x_range[1] for v in sol):
            return True
    return False


def _listed_rows():
    """(row, where) of every row of the shipped lists, read directly from the TSV files (the lists' own
    loader parses all 4,000 rows, which takes seconds)."""
    from discover.cf.novelty.known import shipped_lists

    for path in shipped_lists():
        header = None
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            yield dict(zip(header, fields)), f"{path.name}:{number}"


def _listed_monomial_b_rows():
    """(a, b, limit, constants, where) of the shipped lists' rows whose b(n) is a single monomial."""
    import re

    monomial = re.compile(r"^-?(\d+\*?)?n(\*\*|\^)\d+$")
    return [(Polynomial.parse(row["a"]).coeffs, Polynomial.parse(row["b"]).coeffs, row.get("limit", ""),
             row.get("constants", ""), where)
            for row, where in _listed_rows() if monomial.match(row["b"].replace(" ", ""))]


def _known_in_box(fam, constants, x_range, c_range):
    from discover.cf.novelty.known import limit_class

    out = []
    for a, b, limit, names, where in _listed_monomial_b_rows():
        classes = limit_class(limit) if limit else tuple(x for x in names.split(",") if x)
        if classes and set(classes) <= set(constants) and _in_domain(fam, a, b, x_range, c_range):
            out.append((a, b, limit, where))
    return out


@pytest.mark.parametrize("domain, x_range, c_range, constants", [
    ("zeta3", (-20, 20), (1, 2), {"zeta3"}),
    ("zeta5", (-6, 6), (1, 1), {"zeta3", "zeta5"}),
    ("catalan", (-4, 4), (1, 4), {"catalan"}),
])
def test_domain_search_rediscovers_the_known_pcfs_in_its_box(tmp_path, domain, x_range, c_range, constants):
    """Apery's 6/zeta(3) = PCF(34n^3+51n^2+27n+5, -n^6) (p(n) = 17n^3 - 12n) in the zeta3 domain, the
    zeta(5) PCF 2/(1 - 2 zeta(3) + 2 zeta(5)) in the zeta5 domain (a combined form of two constants),
    Catalan's 1/(2G) = PCF(3n^2+3n+1, -2n^4) in the catalan domain, and every other listed PCF there."""
    fam = get_family(domain)
    known = _known_in_box(fam, constants, x_range, c_range)
    assert known, f"no listed PCF in the {domain} box: the test would be empty"
    spec = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain=domain, a_range=x_range, b_range=c_range,
                        max_coeff=2 if fam.combine else 12)
    summary = run_search(ENGINE, spec, RunOptions(store=str(tmp_path / "s.db"), workers=1))
    found = {PCF(Polynomial.parse(r.payload["a"]), Polynomial.parse(r.payload["b"])).canonical(): r
             for r in summary.records}
    from discover.cf.constants import sympy_locals

    for a, b, limit, where in known:
        canon = PCF(Polynomial(a), Polynomial(b)).canonical()
        assert canon in found, f"PCF({a}, {b}) of {where} not rediscovered"
        rec = found[canon]
        assert rec.verified and rec.payload["closed_form"]
        if limit and rec.payload["a"] == str(Polynomial(a)) and rec.payload["b"] == str(Polynomial(b)):
            # the same PCF: its limit is the published one (sympy, 40 digits)
            listed = sympy.sympify(limit, locals=sympy_locals())
            mine = sympy.sympify(rec.payload["closed_form"], locals=sympy_locals())
            assert abs(sympy.N(listed - mine, 40)) < 1e-30


def test_domain_spec_round_trip_and_old_specs_load():
    spec = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain="zeta5", a_range="-2:2", b_range="1:1", max_coeff=2)
    assert spec.constants == ("zeta3", "zeta5") and spec.combine and spec.a_deg == 5 and spec.b_deg == 10
    assert CFSearchSpec.from_dict(spec.to_dict()) == spec
    assert spec.total == 5**3
    old = CFSearchSpec(constants=("pi",), a_deg=1, b_deg=2, a_range="-3:3", b_range="-3:3").to_dict()
    for field in ("domain", "combine", "filter", "min_reduction"):
        old.pop(field)
    again = CFSearchSpec.from_dict(old)
    assert again.domain == "" and not again.combine and again.total == 7**5


def test_domain_shards_cover_it_once():
    spec = CFSearchSpec(constants=("zeta3",), a_deg=0, b_deg=0, domain="zeta3", a_range="-3:3", b_range="1:2",
                        shard_size=20)
    covered = []
    for shard in shards(spec):
        covered.extend(range(shard.params["first"], shard.params["first"] + shard.params["count"]))
    assert covered == list(range(7 * 7 * 2))
    assert estimate_memory(spec)["candidates"] == 98


def test_combined_forms_limit():
    with pytest.raises(InputError, match="forms"):
        CFSearchSpec(constants=("zeta3", "zeta5"), a_deg=1, b_deg=2, a_range="0:1", b_range="0:1", combine=True,
                     max_coeff=12)
    with pytest.raises(InputError, match="at most 3"):
        CFSearchSpec(constants=("pi", "e", "zeta3", "log2"), a_deg=1, b_deg=2, a_range="0:1", b_range="0:1",
                     combine=True, max_coeff=1)


def test_domain_search_cli_json(tmp_path):
    from click.testing import CliRunner

    from cli.main import cli

    res = CliRunner().invoke(cli, ["cf", "search", "--domain", "catalan", "--range", "-4:4", "--c-range", "2:2",
                                   "--store", str(tmp_path / "s.db"), "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert any(r["closed_form"] == "1/(2*Catalan)" and r["a"] == "3n^2+3n+1" for r in recs)


def test_row_screen_agrees_with_the_box_screen():
    """The row kernel (domains) and the box kernel (checked against a Python reference in test_screen.py)
    give the same status, value and error on every candidate of a box, accelerated ones included."""
    import numpy as np

    from discover.cf.search import screen as sc

    a_lo, a_span, b_lo, b_span = [-2, -2], [5, 5], [-2, -2, -2], [5, 5, 5]
    v1, d1, s1 = sc.screen(a_lo, a_span, b_lo, b_span, 0, 5**5, accelerate_slow=True)
    rows = [sc.decode(i, a_lo, a_span, b_lo, b_span) for i in range(5**5)]
    v2, d2, s2 = sc.screen_rows(np.array([a for a, _ in rows]), np.array([b for _, b in rows]), accelerate_slow=True)
    assert (s1 == s2).all() and (s1 == sc.ACCELERATED).sum() > 10
    ok = ~np.isnan(v1)
    assert np.array_equal(v1[ok], v2[ok]) and np.array_equal(d1[ok], d2[ok])


def test_one_range_per_parameter(tmp_path):
    """--range LO:HI,LO:HI gives each x_j its own range: the single candidate p(n) = 17n^3 - 12n, c = 1 is
    Apery's PCF; the spec keeps the ranges through its JSON round trip."""
    spec = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain="zeta3", a_range="-12:-12,17:17", b_range="1:1")
    assert spec.total == 1 and not spec.mirror_symmetric and spec.x_ranges == [(-12, -12), (17, 17)]
    assert CFSearchSpec.from_dict(spec.to_dict()) == spec
    summary = run_search(ENGINE, spec, RunOptions(store=str(tmp_path / "s.db"), workers=1))
    assert [(r.payload["a"], r.payload["b"], r.payload["closed_form"]) for r in summary.records] == \
        [("34n^3+51n^2+27n+5", "-n^6", "6/zeta(3)")]
    wide = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain="zeta5", a_range="-5:0,0:7,1:1", b_range="1:1",
                        max_coeff=2)
    assert wide.total == 6 * 8 * 1


def test_domain_sharded_over_two_workers_stores_what_one_shard_does(tmp_path):
    from discover.store import Store

    one = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain="catalan", a_range="-4:4", b_range="1:4")
    many = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain="catalan", a_range="-4:4", b_range="1:4",
                        shard_size=60)
    s1 = run_search(ENGINE, one, RunOptions(store=str(tmp_path / "a.db"), workers=1))
    s2 = run_search(ENGINE, many, RunOptions(store=str(tmp_path / "b.db"), workers=2))
    assert s2.shards_done == 6 and not s2.shards_failed
    with Store(str(tmp_path / "b.db")) as store:
        keys2 = {c.record.key for c in store.conjectures()}
    assert {r.key for r in s1.records} == keys2 and keys2


def test_zeta3_product_domain_is_zeta3domain1():
    """Zeta3Domain1: a(n) = (x0 n + x1)(x2 n(n+1) + x3), expanded here by sympy."""
    fam = get_family("zeta3-product")
    ranges = [(-1, 2), (0, 1), (-2, 3), (1, 2)]
    A, B = family_rows(fam, ranges, (1, 1), 0, 4 * 2 * 6 * 2)
    want = set()
    for x0 in range(-1, 3):
        for x1 in range(0, 2):
            for x2 in range(-2, 4):
                for x3 in range(1, 3):
                    expr = sympy.expand((x0 * n + x1) * (x2 * n * (n + 1) + x3))
                    want.add(tuple(int(expr.coeff(n, i)) for i in range(4)))
    assert {tuple(a) for a in A.tolist()} == want and (B[:, -1] == -1).all()


def test_zeta3_product_domain_finds_apery(tmp_path):
    """(2n + 1)(17 n(n+1) + 5) = 34n^3+51n^2+27n+5: Apery's 6/zeta(3) in a box of Zeta3Domain1."""
    spec = CFSearchSpec(constants=(), a_deg=0, b_deg=0, domain="zeta3-product", a_range="1:2,0:1,16:17,4:5",
                        b_range="1:1")
    assert spec.total == 16 and spec.a_deg == 3 and spec.b_deg == 6
    summary = run_search(ENGINE, spec, RunOptions(store=str(tmp_path / "s.db"), workers=1))
    assert ("34n^3+51n^2+27n+5", "-n^6", "6/zeta(3)") in \
        {(r.payload["a"], r.payload["b"], r.payload["closed_form"]) for r in summary.records}


def _allowed_factor_products(count: int) -> set:
    """Every product of ``count`` of n, n+1, n+2, n+3, 2n-1, 2n+1, 2n+3 (sympy, not the family code)."""
    from itertools import combinations_with_replacement

    factors = [n, n + 1, n + 2, n + 3, 2 * n - 1, 2 * n + 1, 2 * n + 3]
    out = set()
    for choice in combinations_with_replacement(factors, count):
        poly = sympy.Poly(sympy.expand(sympy.Mul(*choice)), n)
        out.add(tuple(int(poly.coeff_monomial(n**i)) for i in range(count + 1)))
    return out


def test_factored_domain_rows_are_products_of_the_linear_factors():
    """factored:2,3: a(n) every quadratic of the range, b(n) = -c times a product of three of the seven
    factors, each product once; no b has a positive integer root (no fraction of the domain terminates)."""
    fam = get_family("factored:2,3")
    products = _allowed_factor_products(3)
    assert fam.parameters == 3 and fam.a_degree == 2 and fam.b_degree == 3 and fam.multisets == len(products) == 84
    spec = CFSearchSpec(constants=("pi",), a_deg=0, b_deg=0, domain="factored:2,3", a_range="-1:1", b_range="-2:2")
    assert spec.total == 27 * 84 * 5
    A, B = family_rows(fam, (-1, 1), (-2, 2), 0, spec.total)
    assert len({tuple(a) for a in A.tolist()}) == 27
    allowed = {tuple(-k * v for v in p) for p in products for k in (-2, -1, 0, 1, 2)}
    seen = set()
    for a, b in zip(A.tolist(), B.tolist()):
        if any(b):
            seen.add((tuple(a), tuple(b)))
        assert tuple(b) in allowed, b
        # b(m) by Horner's rule over the integers (coefficients lowest degree first)
        assert all(sum(v * m ** k for k, v in enumerate(b)) != 0 for m in range(1, 6)) or not any(b)
    assert len(seen) == spec.total - 27 * 84   # all distinct, the c = 0 rows apart (b = 0: skipped by the screen)


def test_factored_domain_rediscovers_the_listed_pcfs_in_its_box(tmp_path):
    """Every PCF of the shipped lists with deg a <= 1 and b(n) = -c times four of the linear factors,
    inside the box (or its mirror), with a limit in the searched constants, comes back (the classic
    PCF(2n+1, n^4) = 12/pi^2 among them), each in its equivalence class."""
    from discover.cf.novelty.known import limit_class

    constants = {"zeta2", "pi2", "log2", "catalan"}
    classes_searched = {"pi", "log2", "catalan"}   # limit_class names powers of pi and zeta(2) 'pi'
    products = _allowed_factor_products(4)
    known = []
    for row, _where in _listed_rows():
        text_a, text_b = row["a"].replace("^", "**"), row["b"].replace("^", "**")
        if "n**4" not in text_b or any(f"n**{k}" in text_a for k in range(2, 7)):   # cheap, before parsing
            continue
        a, b = Polynomial.parse(row["a"]).coeffs, Polynomial.parse(row["b"]).coeffs
        if len(a) > 2 or len(b) != 5 or not all(abs(v) <= 6 for v in a):
            continue
        classes = limit_class(row["limit"]) if row.get("limit") else ()
        if not classes or not set(classes) <= classes_searched:
            continue
        for c in range(-4, 5):
            if c and b[-1] % c == 0 and tuple(-v // c for v in b) in products and all(v % c == 0 for v in b):
                known.append((a, b))
                break
    assert any(list(a) == [1, 2] and list(b) == [0, 0, 0, 0, 1] for a, b in known), known
    spec = CFSearchSpec(constants=tuple(sorted(constants)), a_deg=0, b_deg=0, domain="factored:1,4", a_range="-6:6",
                        b_range="-4:4")
    summary = run_search(ENGINE, spec, RunOptions(store=str(tmp_path / "s.db"), workers=1))
    found = {PCF(Polynomial.parse(r.payload["a"]), Polynomial.parse(r.payload["b"])).canonical() for r in summary.records}
    for a, b in known:
        assert PCF(Polynomial(a), Polynomial(b)).canonical() in found, f"PCF({a}, {b}) not rediscovered"


def test_factored_domain_finds_eulers_zeta4_fraction_through_zeta4(tmp_path):
    """Euler's fraction of sum 1/k^4: PCF(n^4 + (n+1)^4, -n^8) = 1/zeta(4) (power-law convergence, error ~ N^-3),
    in a factored:4,8 box of 3,003 products (b = -n^8 among them). Its limit is 90/pi^4: a Moebius form in
    pi^4 with a coefficient far above the search's bound, so only the registry's zeta(4) reaches it."""
    spec = CFSearchSpec(constants=("zeta4", "pi4"), a_deg=0, b_deg=0, domain="factored:4,8",
                        a_range="1:1,4:4,6:6,4:4,2:2", b_range="1:1")
    summary = run_search(ENGINE, spec, RunOptions(store=str(tmp_path / "s.db"), workers=1))
    found = {(r.payload["a"], r.payload["b"]): r.payload["closed_form"] for r in summary.records}
    assert found.get(("2n^4+4n^3+6n^2+4n+1", "-n^8")) == "1/zeta(4)", found
