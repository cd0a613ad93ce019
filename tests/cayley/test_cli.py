"""``discover cayley`` through the CLI: JSON fields, the store, mining (bad input: test_bad_input.py)."""

import json
import os

import pytest
from click.testing import CliRunner

from cli.main import cli
from discover.store import Store


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_growth_json_fields(store_path):
    result = invoke("cayley", "growth", "--generators", "coxeter", "--n", "5", "--json", "--store", store_path)
    assert result.exit_code == 0, result.output
    (rec,) = records(result)
    assert rec["engine"] == "cayley.growth" and rec["kind"] == "growth" and rec["verified"] is True
    assert rec["generators"] == "coxeter" and rec["n"] == 5
    assert rec["layer_sizes"] == [1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1]  # Mahonian numbers, n = 5
    assert rec["diameter"] == 10 and rec["order"] == 120
    assert rec["last_layer"] == ["[5 4 3 2 1]"]  # the longest element w0
    with Store(store_path) as store:
        assert store.count() == 1


def test_same_group_from_perms_is_stored_once(store_path):
    # the Coxeter generators of S_4 given by hand are the same graph as the family
    a = records(invoke("cayley", "growth", "--generators", "coxeter", "--n", "4", "--json", "--store", store_path))[0]
    b = records(invoke("cayley", "growth", "--perm", "(1 2)", "--perm", "(2 3)", "--perm", "[1,2,4,3]", "--json",
                       "--store", store_path))[0]
    assert a["key"] == b["key"] and a["layer_sizes"] == b["layer_sizes"]
    with Store(store_path) as store:
        assert store.count() == 1


def test_inverse_closed_and_directed(store_path):
    # S_3 from the 3-cycle (1 2 3) and (1 2): directed; with inverses the growth is 1,3,2
    d = records(invoke("cayley", "growth", "--perm", "(1 2 3)", "--perm", "(1 2)", "--json", "--store", store_path))[0]
    u = records(invoke("cayley", "growth", "--perm", "(1 2 3)", "--perm", "(1 2)", "--inverse-closed", "--json",
                       "--store", store_path))[0]
    assert d["directed"] is True and u["directed"] is False
    assert sum(d["layer_sizes"]) == sum(u["layer_sizes"]) == 6
    assert u["layer_sizes"] == [1, 3, 2]


def test_coset_binary_strings(store_path):
    rec = records(invoke("cayley", "growth", "--generators", "all_transpositions", "--n", "6", "--start", "000111",
                         "--json", "--store", store_path))[0]
    # distance = number of misplaced ones: C(3,k)^2 strings at distance k
    assert rec["layer_sizes"] == [1, 9, 9, 1] and rec["last_layer"] == ["111000"]


def test_matrix_group(store_path):
    rec = records(invoke("cayley", "growth", "--generators", "heisenberg", "--modulus", "3", "--json",
                         "--store", store_path))[0]
    assert rec["order"] == 27 and rec["modulus"] == 3
    user = records(invoke("cayley", "growth", "--matrix", "[[1,1],[0,1]]", "--matrix", "1 0; 1 1", "--modulus", "5",
                          "--inverse-closed", "--json", "--store", store_path))[0]
    assert user["order"] == 5 * (25 - 1)  # SL(2,5)


def test_human_output(store_path):
    result = invoke("cayley", "growth", "--generators", "pancake", "--n", "4", "--store", store_path)
    assert result.exit_code == 0
    assert "diameter 4" in result.stdout and "1,3,6,11,3" in result.stdout


def test_mine_lrx_gives_binomial(store_path):
    result = invoke("cayley", "mine", "--generators", "lrx", "--n", "4..10", "--json", "--store", store_path,
                    "--workers", "1")
    assert result.exit_code == 0, result.output
    recs = records(result)
    growth = {r["n"]: r["diameter"] for r in recs if r["kind"] == "growth"}
    assert growth == {n: n * (n - 1) // 2 for n in range(4, 11)}
    (conj,) = [r for r in recs if r["kind"] == "conjecture" and r["quantity"] == "diameter"]
    import sympy

    n = sympy.Symbol("n")
    assert conj["family"] == "lrx" and conj["modulus"] == 1 and conj["n_min"] == 4
    assert sympy.simplify(sympy.sympify(conj["polynomials"][0]) - n * (n - 1) / 2) == 0
    assert set(conj["fitted_on"]) | set(conj["predicted"]) == set(range(4, 11))
    assert conj["predicted"] and not set(conj["fitted_on"]) & set(conj["predicted"])


def test_families_command_and_engine_choice(store_path):
    result = invoke("cayley", "families")
    assert result.exit_code == 0 and "burnt_pancake" in result.stdout and "heisenberg" in result.stdout
    a = records(invoke("cayley", "growth", "--generators", "stars", "--n", "6", "--engine", "bitmap", "--json",
                       "--store", store_path, "--last-layer", "100"))[0]
    b = records(invoke("cayley", "growth", "--generators", "stars", "--n", "6", "--engine", "frontier", "--json",
                       "--store", store_path, "--last-layer", "0"))[0]
    assert a["bfs_engine"] == "bitmap" and b["bfs_engine"] == "frontier"
    assert a["layer_sizes"] == b["layer_sizes"] and a["key"] == b["key"]
    assert len(a["last_layer"]) == a["last_layer_size"] and b["last_layer"] == []


def test_help_ends_with_an_example():
    for command in ("growth", "mine", "families"):
        text = invoke("cayley", command, "--help").stdout
        assert "discover cayley" in text.strip().splitlines()[-1] or "discover cayley" in text.split("Example")[-1]


def test_burnt_pancake_elements_print_as_signed_permutations(store_path):
    """A burnt pancake stack is a signed permutation of 1..n (minus: burnt side up), not a permutation of
    the 2n sides the generators act on."""
    rec = records(invoke("cayley", "growth", "--generators", "burnt_pancake", "--n", "4", "--json",
                         "--store", store_path))[0]
    assert rec["order"] == 2 ** 4 * 24  # |B_4| = 2^n n!
    for element in rec["last_layer"]:
        values = [int(v) for v in element.strip("[]").split()]
        assert sorted(abs(v) for v in values) == [1, 2, 3, 4]


@pytest.mark.parametrize("family,n,wait", [
    ("lrx", "12", 1.0),
    # 8 s of search before the signal: run with -m slow (the lrx case covers Ctrl-C in the default run)
    pytest.param("signed_reversals", "9", 8.0, marks=pytest.mark.slow)])
def test_ctrl_c_stops_a_long_growth_within_a_second(tmp_path, family, n, wait):
    """SIGINT during the BFS of S_12 (479,001,600 states, seconds of work) or of B_9 on the signed bitmap
    (185,794,560 states; after ``wait`` seconds it is in a layer of 10-30 s, walked in slices): the process
    ends within about a second, with one line saying how to resume."""
    import signal
    import subprocess
    import sys
    import time

    store = str(tmp_path / "store.sqlite")
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "cayley", "growth", "--generators", family, "--n", n,
                             "--store", store, "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 30
    while not os.path.exists(store) and time.time() < deadline:  # the run exists: the search has begun
        time.sleep(0.05)
    time.sleep(wait)
    assert proc.poll() is None, "the search ended before it could be interrupted"
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert time.perf_counter() - sent < 1.5
    assert proc.returncode != 0 and "interrupted" in err.decode() and "Traceback" not in err.decode()
