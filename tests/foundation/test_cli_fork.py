"""The tests' fork server (tests/cli_fork.py) runs a command as a fresh ``python -m cli.main`` does: same exit
status, same stdout and stderr, bad input or not; a command past its time-out is killed."""

import os
import re
import subprocess
import sys
import time

import cli_fork
import pytest

# each case: commands run one after another in a fresh directory with its own store ("store.sqlite")
CASES = [
    [["cf", "eval", "2n+", "-1"]],                                  # malformed polynomial: exit 2, one line
    [["cayley", "growth", "--generators", "lrx", "--n", "0"]],      # size out of range
    [["chem", "balance", "H2 + O2 -> H2O", "--json"],               # a real run into the store, then its listing
     ["results", "list", "--engine", "chem", "--json"]],
    [["results", "list"]],                                          # no store yet
    [["cf", "eval", "--help"]],
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: " && ".join(" ".join(a) for a in c)[:50])
def test_forked_command_is_the_cold_command(tmp_path, case):
    outputs = {}
    for way in ("cold", "forked"):
        (tmp_path / way).mkdir()
        env = dict(os.environ, DISCOVER_STORE="store.sqlite")
        for step, args in enumerate(case):
            if way == "cold":
                proc = subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, env=env,
                                      cwd=tmp_path / way, timeout=60)
                outputs[way, step] = (proc.returncode, proc.stdout, proc.stderr)
            else:
                outputs[way, step] = cli_fork.run_forked(args, env, str(tmp_path / way), None, 60)
    for step in range(len(case)):
        cold, forked = outputs["cold", step], outputs["forked", step]
        assert forked[0] == cold[0]
        # run ids and keys are the same in two fresh stores; the seconds and times of day may differ
        assert _timeless(forked[1]) == _timeless(cold[1]) and _timeless(forked[2]) == _timeless(cold[2])
        assert cold[1] or cold[2]


def _timeless(text: bytes) -> str:
    text = re.sub(r"\d+(\.\d+)? s\b", "T s", text.decode())
    return re.sub(r"\d{4}-\d\d-\d\dT[\d:.+]+", "TIME", re.sub(r'"(seconds|elapsed|wall)[^,}]*', "", text))


def test_a_command_past_its_timeout_is_killed(tmp_path):
    env = dict(os.environ, DISCOVER_STORE=str(tmp_path / "s.sqlite"))
    tic = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        cli_fork.run_forked(["extremal", "search", "--n", "40", "--time", "60", "--workers", "1"], env,
                            str(tmp_path), None, timeout=2)
    assert time.monotonic() - tic < 10
    # the server serves the next command
    code, out, _ = cli_fork.run_forked(["cf", "eval", "--help"], env, str(tmp_path), None, 30)
    assert code == 0 and b"Example" in out
