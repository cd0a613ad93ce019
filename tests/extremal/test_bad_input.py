"""Hostile input to ``discover extremal``: each is refused at once with one line ``discover: error: ...``
naming the input, exit status 2, nothing on stdout, and the store byte-for-byte unchanged
(:func:`bad_input.assert_refused`); Ctrl-C stops a long search within about a second."""

import os
import signal
import subprocess
import time

import pytest
from click.testing import CliRunner

from bad_input import DISCOVER, assert_refused
from cli.main import cli

PETERSEN = "IheA@GUAo"


def _graph6_header(n):
    """The graph6 text of the empty graph on n vertices (n >= 63)."""
    return "~" + "".join(chr(63 + ((n >> s) & 63)) for s in (12, 6, 0)) + "?" * ((n * (n - 1) // 2 + 5) // 6)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A store that already holds a run, and hostile graph6 files beside it."""
    d = tmp_path_factory.mktemp("extremal-bad")
    store = str(d / "store.sqlite")
    result = CliRunner().invoke(cli, ["extremal", "search", "--n", "5", "--time", "1", "--workers", "1",
                                      "--store", store])
    assert result.exit_code == 0, result.output
    (d / "binary.g6").write_bytes(b"\xff\xfe\x00\x01")
    (d / "latin1.g6").write_bytes(f"{PETERSEN}\n# caf\xe9\n".encode("latin-1"))
    (d / "malformed.g6").write_text(f"# header\n{PETERSEN}\n\nnot a graph!\n")
    (d / "short.g6").write_text(f"{PETERSEN}\n{PETERSEN[:-2]}\n")  # data shorter than n = 10 needs
    (d / "long.g6").write_text(f"{PETERSEN}\n# more data than n = 10 needs:\n{PETERSEN}??\n")
    (d / "huge.g6").write_text(_graph6_header(500) + "\n")
    (d / "comments.g6").write_text("# nothing but a comment\n\n")
    (d / "petersen.g6").write_text(PETERSEN + "\n")
    return d, store


CASES = [
    # sizes (discover.sizes.parse_sizes, at most 400; 64 for Ramsey)
    (["search", "--n", "0"], "--n"),
    (["search", "--n", "401"], "1..400"),
    (["search", "--n", "1..99999999999"], "--n"),
    (["search", "--n", "ten"], "--n"),
    (["search", "--n", ""], "--n"),
    (["search", "--n", "65", "--problem", "ramsey-3-3"], "1..64"),
    (["search", "--n", "9", "--problem", "ramsey-3-4"], "R(3,4) = 9"),
    # time and counts, each against its stated limit
    (["search", "--n", "10", "--time", "nan"], "--time"),
    (["search", "--n", "10", "--time", "inf"], "--time"),
    (["search", "--n", "10", "--time", "-1"], "--time"),
    (["search", "--n", "10", "--time", "0"], "--time"),
    (["search", "--n", "1..400", "--time", "10000"], "one week"),
    (["search", "--n", "10", "--restarts", "0"], "--restarts"),
    (["search", "--n", "10", "--restarts", "99999999999999999999"], "--restarts"),
    (["search", "--n", "10", "--passes", "0"], "--passes"),
    (["search", "--n", "10", "--passes", "1000000"], "--passes"),
    (["search", "--n", "10", "--rounds", "0"], "--rounds"),
    (["search", "--n", "10", "--rounds", "100000"], "--rounds"),
    (["search", "--n", "10", "--seed", "-1"], "--seed"),
    (["search", "--n", "10", "--walks", "anneal"], "--walks"),
    (["search", "--n", "10", "--stop-at", "never"], "--stop-at"),
    (["search", "--n", "10", "--stop-at", ""], "--stop-at"),
    (["search", "--n", "10", "--stop-at", "record+1"], "--stop-at"),
    (["search", "--n", "10", "--problem", "c3", "--walks", "reattach"], "--walks"),
    # problems
    (["search", "--n", "10", "--problem", "c5c7"], "unknown problem"),
    (["search", "--n", "5", "--problem", "ramsey-0-5"], "ramsey-0-5"),
    (["search", "--n", "5", "--problem", "ramsey-99-99"], "ramsey-99-99"),
    # seed files
    (["search", "--n", "10", "--seed-file", "{d}/binary.g6"], "binary.g6, line 1"),
    (["search", "--n", "10", "--seed-file", "{d}/latin1.g6"], "latin1.g6, line 2"),
    (["search", "--n", "10", "--seed-file", "{d}/malformed.g6"], "malformed.g6, line 4"),
    (["search", "--n", "10", "--seed-file", "{d}/short.g6"], "short.g6, line 2"),
    (["search", "--n", "10", "--seed-file", "{d}/huge.g6"], "500 vertices"),
    (["search", "--n", "10", "--seed-file", "{d}/missing.g6"], "missing.g6"),
    (["search", "--n", "10", "--seed-file", "/dev/zero"], "64 MiB"),
    (["search", "--n", "30", "--seed-file", "{d}/petersen.g6"], "--seed-file"),
    # seed families: the name, the problem, sizes with no member within reach
    (["search", "--n", "50", "--seed-family", "projective"], "--seed-family"),
    (["search", "--n", "50", "--seed-family", ""], "--seed-family"),
    (["search", "--n", "60", "--seed-family", "semiplane"], "within 4 vertices"),
    (["search", "--n", "12", "--problem", "ramsey-3-4", "--seed-family", "semiplane"], "--seed-family"),
    # lift (voltage lifts): c3c4 only, sizes, time and base size against their limits
    (["lift", "--n", "10", "--problem", "c4"], "--problem"),
    (["lift", "--n", "0"], "--n"),
    (["lift", "--n", "401"], "1..400"),
    (["lift", "--n", "10", "--time", "nan"], "--time"),
    (["lift", "--n", "10", "--time", "-1"], "--time"),
    (["lift", "--n", "1..400", "--time", "10000"], "one week"),
    (["lift", "--n", "10", "--max-base", "0"], "--max-base"),
    (["lift", "--n", "10", "--max-base", "65"], "--max-base"),
    (["lift", "--n", "10", "--seed", "-1"], "--seed"),
    (["lift", "--n", "10", "--base", "17"], "--base"),
    (["lift", "--n", "10", "--base", "0"], "--base"),
    (["lift", "--n", "10", "--base", "two"], "--base"),
    # check
    (["check", "{d}/binary.g6"], "binary.g6, line 1"),
    (["check", "{d}/comments.g6"], "no graphs"),
    (["check", "{d}/malformed.g6"], "malformed.g6, line 4"),
    (["check", "{d}/short.g6"], "short.g6, line 2"),
    (["check", "{d}/long.g6"], "long.g6, line 3"),
    (["check", "{d}/huge.g6"], "huge.g6, line 1"),
    (["check", "{d}/petersen.g6", "--problem", "nope"], "unknown problem"),
    # show
    (["show", "ffffffffffff"], "ffffffffffff"),
    (["show", "ffff", "--format", "svg"], "--format"),
    (["search", "--n", "10", "--resume", "99999999999999999999"], "--resume"),
]


@pytest.mark.parametrize("args,needle", CASES, ids=[" ".join(a)[:60] for a, _ in CASES])
def test_refused(files, args, needle):
    d, store = files
    assert_refused(["extremal", *(a.format(d=d) for a in args)], needle.format(d=d), store, timeout=30)


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_a_long_search_within_a_second(tmp_path, workers):
    """SIGINT to the process group (what a terminal's Ctrl-C sends) while lanes run a 60 s size.

    A short search runs first so that the kernels are compiled and cached: on a fresh clone (or after a
    kernel's source changed) Numba's first compilation can take longer than the test's patience, and
    this test is about stopping a search, not a compilation."""
    warm = subprocess.run(DISCOVER + ["extremal", "search", "--n", "12", "--time", "0.2", "--workers", "1",
                                      "--store", str(tmp_path / "warm.sqlite")], capture_output=True, timeout=600)
    assert warm.returncode == 0, warm.stderr
    store = str(tmp_path / "store.sqlite")
    proc = subprocess.Popen(DISCOVER + ["extremal", "search", "--n", "60", "--time", "60", "--workers",
                                        str(workers), "--store", store], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not os.path.exists(store) and time.monotonic() < deadline:  # the run has started
            time.sleep(0.1)
        time.sleep(2.0)  # the lanes are in their kernels
        assert proc.poll() is None
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 1 and lines[-1].startswith("discover: error: interrupted")
    assert took < 2.0, f"took {took:.2f} s to stop"
