"""Hostile input to ``cf recurrence`` and ``cf solve``: one line naming the input, exit 2, store unchanged."""

import json

import pytest

from bad_input import assert_refused, run_cli

R = ["cf", "recurrence"]
CASES = [
    (R + ["limit", "0, 1, n"], "leading coefficient"),
    # a_0(n) = n - 5 vanishes at n = 5, inside 1..100: named
    (R + ["limit", "n-5, 1, 1", "--depth", "100"], "n = 5"),
    (R + ["limit", "1, n, 0"], "last coefficient"),
    (R + ["limit", ", ".join(["1"] * 14)], "order 13"),
    (R + ["limit", "n^65, 1"], "limit 64"),
    (R + ["limit", "1, -n, 1", "--depth", "10000000"], "100,000"),
    (R + ["limit", "1, -n, 1", "--depth", "3"], "--depth"),
    (R + ["limit", "1, -n^64, n^64", "--depth", "100000"], "bits"),
    (R + ["limit", "1, " + "1, " * 11 + "n^3", "--depth", "100000"], "for order 12"),
    (R + ["limit", "1, -n, 1", "--p-initial", "1,2,3"], "--p-initial"),
    (R + ["limit", "1, -n, 1", "--q-initial", "0,0"], "all zero"),
    (R + ["limit", "1, -n, 1", "--p-initial", "1,x"], "--p-initial"),
    (R + ["limit", "1, -n, 1", "--start", "99999999"], "--start"),
    (R + ["limit", "1, -n, 1", "--constant", "nosuchconstant"], "nosuchconstant"),
    (R + ["limit", "1, -n, m"], "a_2"),
    (R + ["limit", "--companion", "0, 1; n, n; 1, 1"], "square"),
    (R + ["limit", "--companion", "1, n; 1, n"], "entry (1, 1)"),
    (R + ["limit"], "COEFFICIENTS"),
    (R + ["fold", "1, -n, 1", "--step", "9"], "--step"),
    (R + ["asymptotics", "0, n"], "leading coefficient"),
    (["cf", "solve", "euler", "n", "0"], "b(n)"),
    (["cf", "solve", "euler", "n", "n", "--depth", "999999"], "--depth"),
    (["cf", "solve", "coboundary", "--from", "0, n; 1, n", "--to", "0, n, 1; 1, n, 1; 1, 1, 1"], "sizes"),
    (["cf", "solve", "coboundary", "--from", "0, n; 1, n"], "--to"),
    (["cf", "solve", "euler", "n", "n", "--ffbar-bound", "9"], "--ffbar-bound"),
    (["cf", "solve", "coboundary", "--from", "0, n; 1, n", "--to", "0, n; 1, n", "--degree", "9"], "--degree"),
    (["cf", "solve", "coboundary", "--from", "0, n; 1, n^2^3", "--to", "0, n; 1, n"], "power of a power"),
    (["cf", "solve", "coboundary", "--from", "1,1,1,1,1;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1;1,1,1,1,1",
      "--to", "1"], "size 1..4"),
    (["cf", "solve", "coboundary", "--from-pcf", "n", "--to-pcf", "n, 1"], "--from-pcf"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("rec-bad") / "store.sqlite")
    code, out, err, _ = run_cli(R + ["limit", "1, -(2n+1), -n^2", "--depth", "50", "--constants", "pi", "--json"],
                                store=path)
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["verified"] is True
    return path


@pytest.mark.parametrize("args, needle", CASES, ids=[" ".join(a)[:60] for a, _ in CASES])
def test_refused(args, needle, store):
    assert_refused(args, needle, store)
