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
