"""Hostile input to ``discover cayley mine --over p|k``: refused at once (one line naming the input,
exit 2, no traceback, store byte-identical), before any growth runs."""

import pytest
from click.testing import CliRunner

from bad_input import assert_refused
from cli.main import cli
from discover.cayley.limits import MAX_MODULUS, MAX_PARAM

M = ["cayley", "mine"]
UT = M + ["--generators", "unitriangular", "--n", "3"]
KC = M + ["--generators", "consecutive_k_cycles", "--n", "6"]

BAD = [
    (UT + ["--over", "q", "--values", "3,5"], "--over 'q'"),
    (UT + ["--over", "p", "--values", ""], "--values"),
    (UT + ["--over", "p", "--values", " , "], "--values"),
    (UT + ["--over", "p"], "--values"),
    (UT + ["--over", "p", "--values", str(MAX_MODULUS + 1)], f"2..{MAX_MODULUS}"),
    (UT + ["--over", "p", "--values", "1,3"], "--values"),
    (UT + ["--over", "p", "--values", "3..99999999999"], "--values"),
    (UT + ["--over", "p", "--values", "2..100"], "--values"),  # more than 64 values
    (UT + ["--over", "p", "--values", "3,5", "--modulus", "7"], "--modulus"),
    (UT + ["--over", "n", "--values", "3,5"], "--values"),
    (M + ["--generators", "unitriangular", "--n", "7", "--over", "p", "--values", "1009"], "memory"),
    (M + ["--generators", "unitriangular", "--n", "17", "--over", "p", "--values", "2"], "--n"),
    (M + ["--generators", "lrx", "--n", "5", "--over", "p", "--values", "3,5"], "matrix family"),
    (M + ["--generators", "unitriangular", "--over", "p", "--values", "3,5"], "--n"),  # no default size
    (KC + ["--over", "k", "--values", str(MAX_PARAM + 1)], f"1..{MAX_PARAM}"),
    (KC + ["--over", "k", "--values", "2..9"], "k=7"),  # k beyond n
    (KC + ["--over", "k"], "--values"),
    (M + ["--generators", "stars", "--n", "6", "--over", "k", "--values", "2,3"], "parameter k"),
    (M + ["--generators", "consecutive_k_cycles:3", "--n", "6", "--over", "k", "--values", "2,3"], "without k"),
    (M + ["--generators", "consecutive_k_cycles", "--over", "k", "--values", "2,3"], "needs a size"),
    (M + ["--generators", "stars"], "--n"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store that already holds a run, so that "unchanged" means something."""
    path = str(tmp_path_factory.mktemp("mine_bad") / "store.sqlite")
    result = CliRunner().invoke(cli, M + ["--generators", "unitriangular", "--n", "2", "--over", "p", "--values",
                                          "2,3", "--workers", "1", "--store", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("args,needle", BAD, ids=[" ".join(a[2:])[:60] for a, _ in BAD])
def test_refused(store, args, needle):
    assert_refused(args, needle, store, timeout=20)


def test_value_limits_are_stated_in_help():
    text = " ".join(CliRunner().invoke(cli, M + ["--help"]).stdout.split())
    assert f"p is 2..{MAX_MODULUS}" in text and f"k is 1..{MAX_PARAM}" in text and "--over p" in text
