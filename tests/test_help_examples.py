"""Every command's help ends with an example, and the example works when pasted into a shell.

The examples are read from the help texts themselves (the shell lines that run ``discover`` after
"Example"), run in a fresh directory with a fresh store, and must exit 0. A few run long (a sweep
over 53 sizes); they run with ``-m slow``. The two ``show KEY`` examples name a key that exists only in
the store of whoever ran the search, so the test runs them with a key from the store it has filled.
"""

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest

from cli.main import cli

BIN = Path(sys.executable).parent

# Examples that spend a time budget of 8 s or more (searches), or repeat a slower one (a Ray instance up and
# down), or take 3 s or more on a path another default test covers: -m slow.
LONG = {
    "discover ray up --num-cpus 1 --no-driver && discover ray down",
    "discover extremal search --problem c3c4 --n 1..53 --time 5 --workers 1",
    "discover extremal search --problem c3c4 --n 40 --time 10",
    "discover extremal search --problem c4 --n 21 --time 10 --json",
    "discover extremal search --problem c3c4 --n 50 --time 10 --walks reattach --no-curriculum",
    "discover extremal lift --n 96 --base 6 --time 8",
    # lift at n = 50 runs in the default run through tests/extremal/test_lift.py
    "discover extremal lift --n 50 --time 5",
    # 3-8 s each, and the default run covers the same path in a test of its own (session 17, to keep the
    # default run under 10 minutes on a loaded machine): tests/extremal/test_cli.py (--rounds 3),
    # test_ray_driver.py (`ray driver up` through the CLI), tests/views/test_plots.py (plot records),
    # tests/extremal/test_lift.py (lift over a range), tests/views/test_report.py (report of chem records)
    "discover extremal search --problem c3c4 --n 30..31 --time 1 --rounds 2",
    "discover ray up --num-cpus 0 --no-driver && discover ray driver up && discover ray down",
    "discover extremal search --problem c3c4 --n 10..12 --time 1 && discover plot records --problem c3c4",
    "discover extremal lift --n 10..12 --time 1 --workers 1 --json",
    'discover chem balance --all "H2 + O2 -> H2O + H2O2" && discover results report --output report',
    # 4-10 s each on a machine 1.5x slower than session 17's (session 18), each path covered by a default test
    # of its own: tests/extremal/test_cli.py (--down) and test_lift.py (lift through the CLI),
    # tests/cayley/maxdiam/test_maxdiam.py (maxdiam through the CLI), tests/cf/cmf/test_cmf_cli.py (cmf locate),
    # tests/cf/esma/test_esma_cli.py (esma with a Moebius range), tests/views/test_plots.py (plot diameters)
    "discover extremal lift --n 50 --time 2 --workers 1 && discover extremal search --n 44..49 --down --time 0.5 "
    "--continue --workers 1",
    "discover cayley mine --generators lrx --n 4..8 && discover plot diameters --generators lrx --output d.svg",
    "discover cayley maxdiam --n 4..6 --shape three-involutions",
    'discover cf cmf locate --a "34n^3+51n^2+27n+5" --b "-n^6"',
    "discover cf esma --constant e --mobius-range 1 --max-period 2",
    # 2.5-3.6 s each on session 19's machine (the default run was at 582-609 s in fresh clones there), each path
    # covered by a default test of its own: tests/cayley/test_cli.py (mine over a range of n),
    # tests/cayley/test_mine_resume.py (mine --over p with --values), tests/extremal/test_cli.py (the semiplane
    # seed family at n = 50), tests/views/test_plots.py (plot growth after a growth run)
    "discover cayley mine --generators lrx,coxeter --n 4..9",
    "discover cayley mine --generators unitriangular --n 2 --over p --values 2..11",
    "discover extremal search --n 50 --seed-family semiplane --time 1 --workers 1",
    "discover cayley growth --generators lrx --n 7 && discover plot growth --generators lrx --output growth.png",
}


def _commands(command, path):
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from _commands(sub, path + [name])
    else:
        yield " ".join(path), command


def examples(command) -> list[str]:
    text = command.help or ""
    if "Example" not in text:
        return []
    tail = text.rsplit("Example", 1)[1].splitlines()[1:]
    # an example is a shell line that runs discover (it may prepare a file first: printf ... && discover ...)
    return [line.strip() for line in tail if line.strip().startswith("discover ") or "&& discover " in line]


COMMANDS = dict(_commands(cli, ["discover"]))
EXAMPLES = [(name, ex) for name, command in COMMANDS.items() for ex in examples(command)]


def test_every_command_has_an_example():
    missing = [name for name, command in COMMANDS.items() if not examples(command)]
    assert not missing, f"commands whose help has no example: {missing}"


def _run(example, cwd, env, timeout=300):
    return subprocess.run(example, shell=True, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("examples")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}",
               DISCOVER_STORE=str(cwd / "store.sqlite"),
               # `warm` and `ray` examples start and stop their own instances, never the user's
               DISCOVER_WARM_DIR=str(cwd / "warm"), DISCOVER_RAY_STATE=str(cwd / "ray.json"))
    return cwd, env

# Examples of the optional extra `learn` (torch): skipped where torch is not installed
NEEDS_TORCH = ("discover extremal learn ",)
try:
    import torch  # noqa: F401
    HAVE_TORCH = True
except ImportError:
    HAVE_TORCH = False


def _marks(example):
    marks = [pytest.mark.slow] if example in LONG else []
    if example.startswith(NEEDS_TORCH) and not HAVE_TORCH:
        marks.append(pytest.mark.skip(reason="needs the optional extra learn (torch)"))
    return marks


def _is_show(example):
    return " show " in example and example.split()[1] in ("results", "extremal")


@pytest.mark.parametrize("name, example", [
    pytest.param(n, e, marks=_marks(e), id=e[:80])
    for n, e in EXAMPLES if not _is_show(e)])
def test_example_works_when_pasted(sandbox, name, example):
    cwd, env = sandbox
    proc = _run(example, cwd, env)
    assert proc.returncode == 0, f"{example}\n{proc.stderr[-2000:]}"
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("group", ["results", "extremal"])
def test_show_examples_work_with_a_stored_key(sandbox, group):
    cwd, env = sandbox
    engine = {"results": "", "extremal": "extremal"}[group]
    if group == "extremal":
        assert _run("discover extremal search --problem c3c4 --n 10 --time 2 --workers 1", cwd, env).returncode == 0
    listing = _run(f"discover results list --json {'--engine ' + engine if engine else ''}", cwd, env)
    assert listing.returncode == 0, listing.stderr
    key = json.loads(listing.stdout.splitlines()[0])["key"]
    for example in [e for n, e in EXAMPLES if _is_show(e) and e.split()[1] == group]:
        words = shlex.split(example)
        words[3] = key[:12]
        proc = _run(shlex.join(words), cwd, env)
        assert proc.returncode == 0, proc.stderr
