"""Hostile input to every ``discover cayley`` command: refused at once (one line naming the input, exit 2,
no traceback, store byte-identical), with the stated limit, before any search starts."""

import math

import pytest
from click.testing import CliRunner

from bad_input import assert_refused
from cli.main import cli
from discover.cayley.limits import MAX_FAMILY_N, MAX_MODULUS, MAX_PERM_DEGREE

G = ["cayley", "growth"]
M = ["cayley", "mine"]
S = ["cayley", "solve"]
W = ["cayley", "walk"]
BIG_MATRIX = "[" + ",".join("[" + ",".join(str(int(i == j)) for j in range(17)) + "]" for i in range(17)) + "]"

BAD = [
    # sizes beyond the limits, refused before any memory is allocated
    (G + ["--perm", "(1 99999999999)"], "99999999999"),
    (G + ["--perm", f"(1 {MAX_PERM_DEGREE + 1})"], str(MAX_PERM_DEGREE)),
    (G + ["--generators", "lrx", "--n", "99999999999999999999"], "--n"),
    (G + ["--generators", "pancake", "--n", "100"], f"1..{MAX_FAMILY_N}"),
    (G + ["--generators", "lrx", "--n", "0"], "--n"),
    (G + ["--generators", "lrx", "--n", "4..6"], "--n"),
    (G + ["--generators", "lrx", "--n", "30"], "memory"),
    (G + ["--generators", "three_cycles", "--n", "32"], "memory"),
    (G + ["--generators", "top_spin", "--n", "32"], "elements"),  # Schreier-Sims stops at the cap
    (G + ["--generators", "lrx", "--n", "12", "--memory", "0.01"], "memory"),
    (G + ["--generators", "sl2", "--modulus", str(10 ** 30)], "--modulus"),
    (G + ["--generators", "sl2", "--modulus", str(MAX_MODULUS + 1)], "--modulus"),
    (G + ["--generators", "heisenberg", "--modulus", "1"], "--modulus"),
    (G + ["--matrix", BIG_MATRIX, "--modulus", "2"], "16x16"),
    (G + ["--matrix", "[[1," + "9" * 40 + "],[0,1]]", "--modulus", "7"], "30 digits"),
    (G + ["--generators", "lrx", "--n", "5", "--memory", "1e30"], "--memory"),
    (G + ["--generators", "lrx", "--n", "5", "--memory", "nan"], "--memory"),
    (G + ["--generators", "lrx", "--n", "5", "--memory", "inf"], "--memory"),
    (G + ["--generators", "lrx", "--n", "5", "--memory", "-1"], "--memory"),
    (G + ["--generators", "lrx", "--n", "5", "--last-layer", "99999999999"], "--last-layer"),
    # malformed permutations, matrices and start states
    (G + ["--perm", "(0 1)"], "point 0"),
    (G + ["--perm", "[0,2,1]"], "point 0"),
    (G + ["--perm", "[2,3,1"], "--perm"),
    (G + ["--perm", "2,3,1]"], "--perm"),
    (G + ["--perm", "(1 2"], "--perm"),
    (G + ["--perm", "[2,,1]"], "--perm"),
    (G + ["--perm", ""], "--perm"),
    (G + ["--perm", "(1 2 2)"], "twice"),
    (G + ["--perm", "[1,2,2]"], "not a permutation"),
    (G + ["--perm", "(\uff11 \uff12)"], "ASCII"),  # fullwidth digits: int() would accept them
    (G + ["--perm", "[2,1,3]", "--perm", "[2,1]"], "degree mismatch"),
    (G + ["--perm", "(1 5)", "--n", "3"], "degree is n=3"),
    (G + ["--matrix", "[[1,1],[0,1]", "--modulus", "7"], "--matrix"),
    (G + ["--matrix", "[[1,1],[0,1]]]", "--modulus", "7"], "--matrix"),
    (G + ["--matrix", "1 1; 0", "--modulus", "7"], "square"),
    (G + ["--matrix", "[[1,x],[0,1]]", "--modulus", "7"], "integers"),
    (G + ["--matrix", "[[2,0],[0,1]]", "--modulus", "4"], "not invertible"),
    (G + ["--matrix", "[[1,1],[0,1]]"], "--modulus"),
    (G + ["--generators", "sl2", "--modulus", "7", "--start", "1,0,"], "--start"),
    (G + ["--generators", "sl2", "--modulus", "7", "--start", "[1,0"], "--start"),
    (G + ["--generators", "sl2", "--modulus", "7", "--start", "x,y"], "--start"),
    (G + ["--generators", "sl2", "--modulus", "7", "--start", "1,0,0"], "--start"),
    (G + ["--generators", "coxeter", "--n", "4", "--start", "0011x"], "length"),
    (G + ["--generators", "coxeter", "--n", "4", "--start", "0,0,,1"], "--start"),
    # names and combinations
    (G + ["--generators", "nope", "--n", "4"], "unknown family"),
    (G + ["--generators", "", "--n", "4"], "--generators"),
    (G + ["--generators", "lr\u0445", "--n", "4"], "unknown family"),  # a Cyrillic letter
    (G + ["--generators", "heisenberg"], "modulus"),
    (G + ["--generators", "lrx"], "needs a size"),
    (G + ["--generators", "cube_2x2x2_qtm", "--n", "5"], "fixed size"),
    (G + ["--generators", "lrx", "--n", "5", "--perm", "(1 2)"], "cannot be combined"),
    (G + ["--generators", "lx", "--n", "5", "--start", "00111", "--engine", "bitmap"], "--engine bitmap"),
    (G + ["--generators", "sl2", "--modulus", "7", "--engine", "bitmap"], "--engine bitmap"),
    # family parameters, puzzles and GAP files
    (G + ["--generators", "lrx:0", "--n", "6"], "k=0 is out of range 1..5"),
    (G + ["--generators", "lrx:x", "--n", "6"], "whole number"),
    (G + ["--generators", "lrx:1:2", "--n", "6"], "1 parameter"),
    (G + ["--generators", "lrx", "--param", "q=2", "--n", "6"], "no parameter 'q'"),
    (G + ["--generators", "lrx", "--param", "k", "--n", "6"], "NAME=VALUE"),
    (G + ["--generators", "lrx:2", "--param", "k=3", "--n", "6"], "twice"),
    (G + ["--generators", "lrx", "--param", "k=99999999", "--n", "6"], "--param"),
    (G + ["--param", "k=2", "--perm", "(1 2)"], "--param"),
    (G + ["--generators", "consecutive_k_cycles", "--n", "6"], "needs its parameter k"),
    (G + ["--generators", "all_cycles", "--n", "12"], "n <= 9"),
    (G + ["--generators", "involutive_derangements", "--n", "7"], "even"),
    (G + ["--generators", "cube_htm", "--n", "27"], "n <= 26"),
    (G + ["--generators", "globe:1", "--n", "3"], "fixed size"),
    (G + ["--generators", "globe:1"], "needs its parameter b"),
    (G + ["--gap", "/nonexistent/file.gap"], "cannot be read"),
    (G + ["--gap", "__BAD_GAP__"], "line 3"),
    (G + ["--gap", "__BAD_GAP__", "--n", "4"], "--gap"),
    # partial searches and kept layers
    (G + ["--generators", "coxeter", "--n", "20", "--max-depth", "0"], "--max-depth"),
    (G + ["--generators", "coxeter", "--n", "20", "--max-depth", "-3"], "--max-depth"),
    (G + ["--generators", "coxeter", "--n", "20", "--max-depth", "x"], "--max-depth"),
    (G + ["--generators", "coxeter", "--n", "20", "--max-depth", "99999999999"], "--max-depth"),
    (G + ["--generators", "coxeter", "--n", "20", "--max-layer-size", "0"], "--max-layer-size"),
    (G + ["--generators", "coxeter", "--n", "5000", "--max-depth", "2"], "--n"),
    (G + ["--generators", "coxeter", "--n", "20"], "memory"),  # no partial limit: refused as before
    (G + ["--generators", "coxeter", "--n", "5", "--layers", "a"], "--layers"),
    (G + ["--generators", "coxeter", "--n", "5", "--layer-limit", "99999999"], "--layer-limit"),
    (G + ["--generators", "coxeter", "--n", "5", "--max-depth", "2", "--engine", "bitmap"], "frontier"),
    # solve
    (S + ["--generators", "pancake", "--n", "5"], "--state"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "[1 2 3]"], "--state"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "[1 2 2 4 5]"], "--state"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "(1 9)"], "--state"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "word:r2 r9"], "unknown generator"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "[2 1 3 4 5]", "--beam-width", "0"], "--beam-width"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "[2 1 3 4 5]", "--beam-width", "9999999"], "--beam-width"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "[2 1 3 4 5]", "--max-steps", "-1"], "--max-steps"),
    (S + ["--generators", "pancake", "--n", "5", "--state", "[2 1 3 4 5]", "--ball", "x"], "--ball"),
    (S + ["--generators", "lrx", "--n", "5", "--state", "[2 1 3 4 5]", "--heuristic", "gaps"], "gaps"),
    (S + ["--generators", "lrx", "--n", "30", "--state", "[2 1]", "--method", "exact"], "--state"),
    (S + ["--generators", "lrx", "--n", "20", "--state", "word:X", "--method", "exact"], "--method exact"),
    (S + ["--generators", "nope", "--n", "5", "--state", "[1 2]"], "unknown family"),
    (S + ["--generators", "lrx", "--n", "5", "--states", "/nonexistent/states.txt"], "cannot read"),
    (S + ["--generators", "sl2", "--modulus", "7", "--state", "[[1,2],[3]]"], "--state"),
    (S + ["--generators", "sl2", "--modulus", "7", "--state", "[[1,2,0],[3,1,0],[0,0,1]]"], "2x2"),
    (S + ["--generators", "sl2", "--modulus", "7", "--state", "[[1,2],[0,1]]", "--method", "beam"], "exactly"),
    (S + ["--matrix", "[[1,1],[0,1]]", "--state", "[[1,2],[0,1]]"], "--modulus"),
    (S + ["--gap", "__BAD_GAP__", "--state", "word:A"], "line"),
    (S + ["--gap", "/nonexistent/p.gap", "--state", "word:A"], "--gap"),
    # walk
    (W + ["--generators", "lrx", "--n", "5", "--walks", "0"], "--walks"),
    (W + ["--generators", "lrx", "--n", "5", "--walks", "100000", "--length", "1000"], "rows"),
    (W + ["--generators", "lrx", "--n", "5", "--length", "x"], "--length"),
    # graph and spectrum
    (["cayley", "graph", "--generators", "lrx", "--n", "12"], "--max-vertices"),
    (["cayley", "graph", "--generators", "lrx", "--n", "5", "--max-vertices", "0"], "--max-vertices"),
    (["cayley", "graph", "--generators", "lrx", "--n", "5", "--format", "adjacency", "--max-vertices", "20000"],
     "--max-vertices"),
    (G + ["--generators", "lrx", "--n", "8", "--spectrum"], "--spectrum"),
    (G + ["--generators", "lrx", "--n", "5", "--spectrum", "--max-depth", "2"], "--spectrum"),
    # mine
    (M + ["--generators", "lrx,bogus", "--n", "4..6"], "unknown family 'bogus'"),
    (M + ["--generators", "lrx", "--n", "9..4"], "empty range"),
    (M + ["--generators", ",", "--n", "4..6"], "--generators"),
    (M + ["--generators", "lrx", "--n", "1..1000000"], "--n"),
    (M + ["--generators", "lrx", "--n", "3..40"], "--n"),
    (M + ["--generators", "lrx", "--n", "4..14"], "memory"),
    (M + ["--generators", "lrx", "--n", "4..6", "--max-modulus", "9"], "--max-modulus"),
    (M + ["--generators", "heisenberg", "--n", "3..4", "--modulus", "0"], "--modulus"),
    (M + ["--generators", "lrx", "--n", "4..6", "--memory", "nan"], "--memory"),
    # signed permutations: 2 bits per element of B_n, and signed ranks only to n = 16
    (G + ["--generators", "burnt_pancake", "--n", "11", "--memory", "3"], "B_11"),
    (G + ["--generators", "signed_reversals", "--n", "10", "--memory", "0.5"], "memory"),
    (G + ["--generators", "burnt_pancake", "--n", "17", "--engine", "bitmap"], "n <= 16"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store that already holds a run, so that "unchanged" means something."""
    path = str(tmp_path_factory.mktemp("cayley_bad") / "store.sqlite")
    result = CliRunner().invoke(cli, G + ["--generators", "coxeter", "--n", "4", "--store", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def bad_gap(tmp_path_factory):
    path = tmp_path_factory.mktemp("gap") / "bad.gap"
    path.write_text("# a puzzle\nM_A:=(1,2);\nM_B:=(1,2,x);\nGen:=[M_A,M_B];\n")
    return str(path)


@pytest.mark.parametrize("args,needle", BAD, ids=[" ".join(a[1:])[:60] for a, _ in BAD])
def test_refused(store, bad_gap, args, needle):
    assert_refused([bad_gap if a == "__BAD_GAP__" else a for a in args], needle, store, timeout=20)


def test_limits_are_stated_in_help():
    for command, limits in (("growth", [MAX_FAMILY_N, MAX_PERM_DEGREE, MAX_MODULUS]), ("mine", [MAX_FAMILY_N]),
                            ("solve", ["1,048,576", "100,000", "16,777,216"]), ("walk", ["10,000,000"]),
                            ("graph", ["1,000,000", "10,000"])):
        text = " ".join(CliRunner().invoke(cli, ["cayley", command, "--help"]).stdout.split())
        for limit in limits:
            assert str(limit) in text, (command, limit)


def test_the_largest_named_family_is_refused_at_once(store):
    """pancake --n 32 (32! states): the closed-form order refuses it before anything is built."""
    line = assert_refused(G + ["--generators", "pancake", "--n", str(MAX_FAMILY_N)], "memory", store, timeout=10)
    assert f"{math.factorial(MAX_FAMILY_N):,}" in line


def test_solve_state_not_in_the_group_exit_1(store):
    assert_refused(S + ["--generators", "three_cycles", "--n", "5", "--state", "[2 1 3 4 5]"], "not in the group",
                   store, status=1)
    # determinant 2: invertible mod 7 but not in SL(2, 7)
    assert_refused(S + ["--generators", "sl2", "--modulus", "7", "--state", "[[2,0],[0,1]]"], "not in the group",
                   store, status=1)
