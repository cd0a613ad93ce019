"""Hostile input to the structured searches (cf search --domain / --filter / --combine, cf relations, cf esma
--target): refused before any work, one line naming the input, exit 2, store unchanged (:mod:`bad_input`)."""

from __future__ import annotations

import json

import pytest

from bad_input import assert_refused, run_cli

CASES = [
    # domains
    (["cf", "search", "--domain", "zeta7", "--range", "-2:2"], "zeta7"),
    (["cf", "search", "--domain", "symmetric:9", "--range", "-2:2"], "symmetric:9"),
    (["cf", "search", "--domain", "symmetric:x", "--range", "-2:2"], "symmetric:x"),
    (["cf", "search", "--domain", "factored:5,4", "--range", "-2:2", "--constant", "pi"], "factored:5,4"),
    (["cf", "search", "--domain", "factored:1,9", "--range", "-2:2", "--constant", "pi"], "factored:1,9"),
    (["cf", "search", "--domain", "factored:1", "--range", "-2:2", "--constant", "pi"], "factored:1"),
    (["cf", "search", "--domain", "factored:2,4", "--range", "-2:2"], "--constant"),
    (["cf", "search", "--domain", "factored:2,4", "--range=-1:1,0:1", "--constant", "pi"], "2 ranges"),
    (["cf", "search", "--domain", "zeta3"], "--range"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--a-deg", "3"], "--a-deg"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--b-range", "1:2"], "--b-range"),
    (["cf", "search", "--domain", "zeta3", "--range", "2:-2"], "--range"),
    (["cf", "search", "--domain", "zeta3", "--range=-1:1,0:1,0:1"], "3 ranges"),
    (["cf", "search", "--domain", "zeta3", "--range=-1:1,x"], "--range"),
    (["cf", "search", "--domain", "zeta3-product", "--range=0:1,0:1"], "4 parameters"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--c-range", "5:1"], "--c-range"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--c-range", "1:99999999"], "--c-range"),
    (["cf", "search", "--domain", "symmetric:8", "--range", "-1000000:1000000", "--constant", "pi"], "too large"),
    (["cf", "search", "--domain", "symmetric:4", "--range", "-2:2"], "no default"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--constant", "nosuch"], "nosuch"),
    # combined forms and the filter
    (["cf", "search", "--domain", "zeta5", "--range", "-2:2", "--max-coeff", "12"], "forms"),
    (["cf", "search", "--constant", "pi", "--constant", "e", "--constant", "zeta3", "--constant", "log2",
      "--combine", "--a-deg", "1", "--b-deg", "2", "--range", "0:1", "--max-coeff", "1"], "at most 3"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--filter", "gcd"], "--filter"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--filter", "factorial-reduction",
      "--min-reduction", "5"], "--min-reduction"),
    (["cf", "search", "--a-deg", "1", "--b-deg", "2", "--range", "0:1"], "--constant"),
    (["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "2", "--range", "0:1", "--c-range", "1:2"],
     "--c-range"),
    (["cf", "search", "--domain", "zeta3", "--range", "-2:2", "--min-reduction", "0.5"], "--min-reduction"),
    (["cf", "search", "--constant", "pi", "--range", "0:1"], "--a-deg"),
    # relations
    (["cf", "relations", "--constants", "pi"], "at least two"),
    (["cf", "relations", "--constants", "pi,pi"], "repeated"),
    (["cf", "relations", "--constants", "pi,nosuch"], "nosuch"),
    (["cf", "relations", "--constants", "pi,e,zeta3,log2,catalan,zeta5,log3,phi,sqrt2"], "at most 8"),
    (["cf", "relations", "--constants", "pi,e", "--digits", "5000"], "--digits"),
    (["cf", "relations", "--constants", "pi,e", "--digits", "3"], "--digits"),
    (["cf", "relations", "--constants", "pi,1/3"], "rational"),
    # esma targets
    (["cf", "esma", "--constant", "e", "--target", "cubic"], "--target"),
    (["cf", "esma", "--constant", "e", "--degree", "2"], "--degree"),
    (["cf", "esma", "--constant", "e", "--target", "rational", "--max-bias", "1"], "--max-bias"),
    (["cf", "esma", "--constant", "e", "--target", "rational", "--degree", "4"], "--degree"),
    (["cf", "esma", "--constant", "e", "--target", "rational", "--coeff-range", "0"], "--coeff-range"),
    (["cf", "esma", "--constant", "e", "--target", "rational", "--degree", "3", "--coeff-range", "3"], "ESMA runs"),
    (["cf", "esma", "--constant", "e", "--target", "biased-monomial", "--max-power", "99"], "--max-power"),
    (["cf", "esma", "--constant", "e", "--target", "biased-monomial", "--max-bias", "-1"], "--max-bias"),
    (["cf", "esma", "--constant", "e", "--target", "biased-monomial", "--coeff-range", "10", "--max-power", "8",
      "--max-bias", "20", "--max-period", "8"], "ESMA runs"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store holding one finished relations run (log 4 = 2 log 2)."""
    path = str(tmp_path_factory.mktemp("cf-search-bad") / "store.sqlite")
    code, out, err, _ = run_cli(["cf", "relations", "--constants", "log2,log(4)", "--no-products", "--json"],
                                store=path)
    assert code == 0, err
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["relation"]
    return path


@pytest.mark.parametrize("args, needle", CASES, ids=[" ".join(a)[:70] for a, _ in CASES])
def test_refused(args, needle, store):
    assert_refused(args, needle, store)
