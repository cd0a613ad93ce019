"""Hostile input to ``discover cayley maxdiam``: one line naming the input, exit 2, store unchanged, at once."""

import pytest
from click.testing import CliRunner

from bad_input import assert_refused
from cli.main import cli

M = ["cayley", "maxdiam"]
T = ["--shape", "three-involutions"]

BAD = [
    (M + T + ["--n", "0..99"], "--n"),
    (M + T + ["--n", "13"], "2..12"),
    (M + T + ["--n", "99999999999999999999"], "--n"),
    (M + ["--n", "5", "--shape", "2^x"], "2^x"),
    (M + ["--n", "5", "--shape", ""], "--shape"),
    (M + ["--n", "5", "--shape", "inv"], "one generator"),
    (M + ["--n", "5", "--shape", "two-involutions"], "dihedral"),
    (M + ["--n", "6", "--shape", "2^5,2"], "moves 10 points"),
    (M + ["--n", "6", "--shape", "n,n,n,n,n"], "at most 4"),
    (M + ["--n", "6", "--shape", "involution-cycle:1"], "2..64"),
    (M + ["--n", "6", "--shape", "involution-cycle:9"], "more than n=6"),
    (M + ["--n", "6", "--shape", "spiral:3"], "unknown named shape"),
    (M + ["--n", "6", "--shape", "1,2"], "length >= 2"),
    (M + T + ["--n", "6", "--sample", "0"], "--sample"),
    (M + T + ["--n", "6", "--exhaustive-limit", "0"], "--exhaustive-limit"),
    (M + T + ["--n", "6", "--keep", "0"], "--keep"),
    (M + T + ["--n", "12", "--exhaustive-limit", "1000000"], "BFS states"),
    (M + ["--n", "6", "--shape", "involution-cycle", "--drawing", "path"], "only for shapes of involutions"),
    (M + T + ["--n", "6", "--drawing", "circle"], "--drawing"),
    (["cayley", "growth", "--generators", "square_whiskers:1:0:0:1", "--n", "9"], "t=1 needs"),
    (["cayley", "growth", "--generators", "square_whiskers:1:0:2:0", "--n", "9"], "square_whiskers"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store that already holds a run, so that "unchanged" means something."""
    path = str(tmp_path_factory.mktemp("maxdiam_bad") / "store.sqlite")
    result = CliRunner().invoke(cli, M + T + ["--n", "4", "--workers", "1", "--store", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("args,needle", BAD, ids=[" ".join(a[2:])[:60] for a, _ in BAD])
def test_refused(store, args, needle):
    assert_refused(args, needle, store, timeout=20)


def test_limits_are_stated_in_help():
    text = " ".join(CliRunner().invoke(cli, M + ["--help"]).stdout.split())
    for limit in ("n <= 12", "10^12", "1,000,000", "100,000"):
        assert limit in text, limit
