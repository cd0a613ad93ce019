"""Hostile input to every cf command: refused before any work, in one line, exit 2, store unchanged.

Each row is (arguments, a word the error line must contain). The commands run as processes against a
store that already holds a run (:mod:`bad_input`), so a refusal that came after the run started
(a run row, a shard) would show as a changed store; the timeout catches hangs.
"""

from __future__ import annotations

import json

import pytest

from bad_input import assert_refused, run_cli

NESTED = "(" * 3000 + "n" + ")" * 3000
NESTED_CONSTANT = "(" * 3000 + "pi" + ")" * 3000
VALUE_51 = "1.27323954473516268615107010698011489627567716592365"

CASES = [
    # hangs: sizes beyond the stated limits
    (["cf", "eval", "n^1000", "n", "--depth", "6"], "limit 64"),
    (["cf", "eval", "n^999999999999999999999999999999", "n"], "degree"),
    (["cf", "eval", "n", "n", "--depth", "10000000"], "1,000,000"),
    (["cf", "eval", "n", "n", "--depth", "1000000000"], "--depth"),
    (["cf", "eval", "n^64", "n^64", "--depth", "900000"], "bits"),
    (["cf", "eval", "2^1000 n", "1"], "300 digits"),
    (["cf", "eval", "1" * 400, "1"], "400 digits"),
    (["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "1000000000,1", "--depth", "50"], "--trajectory"),
    (["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "16,16", "--depth", "200000"], "bits"),
    (["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "1,1", "--start", "99999999,1"], "--start"),
    (["cf", "cmf", "search", "--cmf", "pi", "--start-min", "-99999999", "--start-max", "-99999995"], "start box"),
    (["cf", "cmf", "locate", "--a", "n", "--b", "n", "--start-max", "999999999999"], "start box"),
    # internal errors that are bad input
    (["cf", "identify", "1." + "3" * 10000], "4,000"),
    (["cf", "identify", "1.2732395447351626862", "--digits", "nan"], "--digits"),
    (["cf", "identify", "1.2732395447351626862", "--digits", "inf"], "--digits"),
    (["cf", "identify", "1.2732395447351626862e99999999999"], "value"),
    (["cf", "eval", NESTED, "n"], "nested"),
    (["cf", "identify", "1.2732395447351626862", "--constants", NESTED_CONSTANT], "nested"),
    (["cf", "search", "--constant", "factorial(10^60)", "--a-deg", "1", "--b-deg", "1", "--range", "0:1"], "factorial"),
    (["cf", "search", "--constant", "10^(10^10)", "--a-deg", "1", "--b-deg", "1", "--range", "0:1"], "power"),
    (["cf", "identify", "1.2732395447351626862", "--constants", "exp(10^64)"], "absolute value"),
    # accepted before, refused now
    (["cf", "eval", "n", "1", "--print-digits", "-1"], "--print-digits"),
    (["cf", "identify", VALUE_51, "--constants", "pi", "--digits", "1e9"], "51 significant digits"),
    (["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "2", "--range", "-3:3", "--depth",
      "1000000000000"], "--depth"),
    # malformed input of every kind
    (["cf", "eval", "", "n"], "empty"),
    (["cf", "eval", "n", "   "], "empty"),
    (["cf", "eval", "n²", "1"], "character"),
    (["cf", "eval", "n", "0"], "zero"),
    (["cf", "eval", "n", "1", "--depth", "-5"], "--depth"),
    (["cf", "eval", "n", "1", "--constants", ""], "constant"),
    # gamma at a complex number: only written parts (not pi), and a real value (gamma(1/4 + I/4) alone is not)
    (["cf", "eval", "n", "1", "--constants", "gamma(1/4+I*pi)"], "gamma(1/4+I*pi)"),
    (["cf", "eval", "n", "1", "--constants", "gamma(1/4+I/4)"], "not real"),
    (["cf", "identify", ""], "value"),
    (["cf", "identify", "π"], "value"),
    (["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "1", "--range", "3:-3"], "LO > HI"),
    (["cf", "search", "--constant", "pi", "--a-deg", "1", "--b-deg", "1", "--range", "1:1000000"], "too large"),
    (["cf", "search", "--constant", "pi", "--a-deg", "-1", "--b-deg", "1", "--range", "0:1"], "--a-deg"),
    (["cf", "search", "--constant", "", "--a-deg", "1", "--b-deg", "1", "--range", "0:1"], "constant"),
    (["cf", "esma", "--constant", "pi", "--terms", "-1"], "--terms"),
    (["cf", "esma", "--constant", "pi", "--max-period", "99999999999999999999"], "--max-period"),
    (["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", "0,0"], "--trajectory"),
    (["cf", "cmf", "walk", "--cmf", "zeta3", "--trajectory", ""], "--trajectory"),
    (["cf", "cmf", "walk", "--cmf", "nope", "--trajectory", "1,1"], "nope"),
    (["cf", "cmf", "fit", "--degree", "99"], "--degree"),
    (["cf", "cmf", "locate", "--a", "n^1000", "--b", "n"], "degree"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store holding one finished cf run."""
    path = str(tmp_path_factory.mktemp("cf-bad") / "store.sqlite")
    code, out, err, _ = run_cli(["cf", "eval", "2", "(2n-1)^2", "--depth", "50", "--json"], store=path)
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["engine"] == "cf"
    return path


@pytest.mark.parametrize("args, needle", CASES, ids=[" ".join(a)[:60] for a, _ in CASES])
def test_refused(args, needle, store):
    assert_refused(args, needle, store)


@pytest.mark.parametrize("content", [b"\x00\x01\xff\xfe binary", '{"name": "café"}'.encode("latin-1"),
                                     b"[" * 100000])
def test_bad_cmf_files(content, store, tmp_path):
    path = tmp_path / "field.json"
    path.write_bytes(content)
    assert_refused(["cf", "cmf", "check", str(path)], "field.json", store)
    assert_refused(["cf", "cmf", "walk", "--file", str(path), "--trajectory", "1,1"], "field.json", store)
