"""The CLI core through click's runner and a real subprocess: help, version, results, errors."""

import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from cli.main import GROUPS, cli
from discover import __version__
from discover.runner import RunOptions, run_search
from discover.store import Store
from toy_engine import ENGINE, ToySpec


@pytest.fixture
def filled_store(store_path):
    run_search(ENGINE, ToySpec(limit=30, block=10), RunOptions(store=store_path, workers=1))
    return store_path


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_version_and_help_list_every_engine_group():
    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.output
    result = invoke("--help")
    assert result.exit_code == 0
    for name in ("cf", "cayley", "extremal", "chem", "results"):
        assert name in GROUPS
    assert "results" in result.output and "Example" in result.output


def test_help_is_fast_and_does_not_import_heavy_modules():
    code = ("import sys, time; t=time.perf_counter(); from cli.main import cli; import discover;"
            "print(time.perf_counter()-t); print(sorted(m for m in ('ray','numba','pyarrow','sympy','flint')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert float(out[0]) < 1.0
    assert out[1] == "[]"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cli.main", "--help"], capture_output=True, check=True)
    assert time.perf_counter() - start < 3.0  # includes interpreter start-up


def test_results_list_show_and_export(filled_store, tmp_path):
    result = invoke("results", "list", "--store", filled_store, "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["k"] for r in rows] == [0, 1, 2, 4, 5, 8, 9, 10, 13, 16, 17, 18, 20, 25, 26, 29]  # A001481 < 30
    assert all(r["verified"] and r["engine"] == "toy" and r["statement"] for r in rows)

    table = invoke("results", "list", "--store", filled_store)
    assert table.exit_code == 0 and "16 conjectures" in table.output

    key = rows[3]["key"]
    shown = invoke("results", "show", key[:10], "--store", filled_store, "--json")
    assert json.loads(shown.output)["k"] == 4

    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"all.{fmt}"
        result = invoke("results", "export", "--format", fmt, "--output", str(out), "--store", filled_store)
        assert result.exit_code == 0 and out.stat().st_size > 0


def test_store_from_environment(filled_store, monkeypatch):
    monkeypatch.setenv("DISCOVER_STORE", filled_store)
    result = invoke("results", "list", "--json")
    assert len(result.output.splitlines()) == 16


@pytest.mark.parametrize("args, code, needle", [
    (["results", "show", "nosuchkey"], 2, "nosuchkey"),
    (["results", "export", "--format", "xml", "--output", "x"], 2, "xml"),
    (["results", "frobnicate"], 2, "frobnicate"),
    (["nosuchgroup"], 2, "nosuchgroup"),
    (["results", "list", "--limit", "0"], 2, "--limit"),
])
def test_bad_input_is_one_line_with_status_2(filled_store, args, code, needle):
    before = open(filled_store, "rb").read()
    proc = subprocess.run([sys.executable, "-m", "cli.main", *args, "--store", filled_store]
                          if args[0] == "results" and len(args) > 1 else [sys.executable, "-m", "cli.main", *args],
                          capture_output=True, text=True)
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert open(filled_store, "rb").read() == before


def test_missing_store_is_a_runtime_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "none.sqlite"
    proc = subprocess.run([sys.executable, "-m", "cli.main", "results", "list", "--store", str(missing)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "no results store" in proc.stderr and "Traceback" not in proc.stderr
    assert not missing.exists()


def test_results_runs_lists_status_for_resume(filled_store):
    result = invoke("results", "runs", "--store", filled_store, "--json")
    [run] = [json.loads(line) for line in result.output.splitlines()]
    assert run["engine"] == "toy" and run["status"] == "finished" and run["done"] == run["shards"] == 3


def test_resume_command_finishes_an_interrupted_run_without_its_options(store_path):
    from runner_support import assert_store_equals_clean_run, kill_driver_midway

    run_id = kill_driver_midway(store_path, "local", workers=1)
    result = invoke("resume", str(run_id), "--store", store_path, "--workers", "1", "--json")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == len([k for k in range(60) if _is_sum_of_two_squares(k)])
    assert_store_equals_clean_run(store_path, 60)
    bad = invoke("resume", "99", "--store", store_path)
    assert bad.exit_code == 2 and "no such run" in bad.output


def _is_sum_of_two_squares(k):
    from toy_engine import two_squares

    return two_squares(k) is not None


def _toy_cli(monkeypatch):
    monkeypatch.setitem(GROUPS, "toy", ("toy_engine:command", "A test engine."))


def test_under_ray_job_submit_the_store_must_be_given(monkeypatch, tmp_path):
    """`ray job submit` runs the driver in Ray's temporary copy of the working directory: the default
    store would vanish with it."""
    _toy_cli(monkeypatch)
    monkeypatch.delenv("DISCOVER_STORE", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RAY_JOB_CONFIG_JSON_ENV_VAR", "{}")
    result = CliRunner().invoke(cli, ["toy", "--workers", "1"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "--store" in result.output and "ray job submit" in result.output
    assert not (tmp_path / "results").exists()
    result = CliRunner().invoke(cli, ["toy", "--workers", "1", "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output


def test_json_prints_each_key_once(monkeypatch, store_path):
    """Records stream as shards finish, and the command's own printing at the end adds no second copy."""
    from runner_support import expected_keys

    _toy_cli(monkeypatch)
    result = CliRunner().invoke(cli, ["toy", "--workers", "1", "--limit", "50", "--json", "--store", store_path])
    assert result.exit_code == 0, result.output
    keys = [json.loads(line)["key"] for line in result.output.splitlines()]
    assert sorted(keys) == sorted(expected_keys(50))


def test_json_streams_records_and_an_interrupted_run_has_printed_what_it_stored(tmp_path):
    import os
    import signal

    from runner_support import TESTS, done_shards

    store = str(tmp_path / "s.sqlite")
    proc = subprocess.Popen([sys.executable, str(TESTS / "toy_engine.py"), "toy", "--workers", "1", "--json",
                             "--limit", "200", "--block", "5", "--delay", "0.3", "--store", store],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    first = proc.stdout.readline()  # arrives while the run goes on
    assert json.loads(first)["engine"] == "toy" and proc.poll() is None
    while done_shards(store) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.stdout.read(), proc.stderr.read()  # not communicate(): it would skip what readline buffered
    assert proc.wait(timeout=30) == 1 and "continue with --resume 1" in err
    printed = {json.loads(line)["key"] for line in [first, *out.splitlines()]}
    with Store(store) as s:
        assert printed == {row.record.key for row in s.conjectures()}  # exactly what is stored
