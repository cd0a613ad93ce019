"""The parity bitmap (half a bit per state, layers on disk, a checkpoint per layer) against known mathematics:
the other layouts' layer sizes, the group order n!, the Mahonian and Stirling numbers, CayleyPy's
published LRX growth; a run killed after layer k resumes there and ends with the same growth; bad
checkpoint directories and memory limits are refused before any search starts."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from bad_input import DISCOVER, assert_refused
from cayley_reference import mahonian
from discover.cayley import layer_files as F
from discover.cayley.bfs import _bitmap_growth, growth
from discover.cayley.families import build_family
from discover.cayley.graph import perm_graph
from discover.cayley.parity_bitmap import is_odd, unsuitable
from discover.cayley.plan import bitmap_bytes, bitmap_layout, check_memory, estimate_memory
from discover.errors import InputError

# CayleyPy's published LRX growth (cayleypy/data/lrx_cayley_growth.csv), n = 10
LRX_10 = [1, 3, 6, 12, 24, 47, 87, 161, 297, 528, 927, 1611, 2726, 4492, 7184, 11109, 16751, 24624, 35105, 48718,
          66154, 87373, 111996, 140388, 171657, 204213, 236429, 266276, 291271, 308831, 316158, 310824, 290837,
          254374, 199563, 129134, 61718, 20467, 5183, 1116, 302, 92, 21, 6, 3, 1]


def parity(graph, **kw):
    return _bitmap_growth(graph, 20, None, "parity", **kw)


@pytest.mark.parametrize("name,n", [("lrx", 4), ("lrx", 6), ("lrx", 8), ("lrx", 10), ("coxeter", 7),
                                    ("all_transpositions", 7)])
def test_layers_equal_the_other_layouts_and_sum_to_n_factorial(name, n):
    graph = build_family(name, n)
    got = parity(graph)
    assert got.layer_sizes == _bitmap_growth(graph, 20, None, "records").layer_sizes
    assert got.last_layer == _bitmap_growth(graph, 20, None, "shared").last_layer
    assert sum(got.layer_sizes) == math.factorial(n)


def test_known_sequences():
    assert parity(build_family("lrx", 10)).layer_sizes == LRX_10  # CayleyPy's published n = 10
    assert parity(build_family("coxeter", 8)).layer_sizes == mahonian(8)  # inversions: Mahonian numbers
    g = parity(build_family("lrx", 8))
    assert g.diameter == 8 * 7 // 2  # n(n-1)/2 for LRX
    assert g.last_layer == [(1, 0, 7, 6, 5, 4, 3, 2)]  # the unique farthest element (CayleyPy paper)


def test_which_graphs_qualify():
    assert unsuitable(build_family("lrx", 10)) is None
    assert "odd" in unsuitable(build_family("lrx", 9))  # a 9-cycle is even: not bipartite
    assert "inverse-closed" in unsuitable(perm_graph("c", [(1, 2, 3, 0)], 4))  # a 4-cycle alone: directed
    assert is_odd((1, 0, 2)) and not is_odd((1, 2, 0))
    with pytest.raises(InputError, match="odd"):
        parity(build_family("lrx", 9))


def test_memory_estimate_is_half_a_bit_per_state(tmp_path, monkeypatch):
    """Checkpointed, S_14 needs 5.1 GiB; without a checkpoint directory the 2-bit layout's 20.3 GiB, and
    the refusal says how it would fit."""
    lrx = build_family("lrx", 14)
    assert estimate_memory(lrx, "bitmap") == math.factorial(14) // 4 + (1 << 20)
    with pytest.raises(InputError, match=f"set {F.CHECKPOINT_ENV}=DIR to run it in 5.1 GiB"):
        check_memory(lrx, "bitmap", limit=12 << 30)
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(tmp_path))
    need = estimate_memory(lrx, "bitmap")
    assert need == bitmap_bytes(14, "parity") + (1 << 20)
    assert need < 5.2 * 2**30  # S_14: one bit per state of one sign (43,589,145,600 bits) and 64 MiB of buffers
    assert estimate_memory(build_family("lrx", 13), "bitmap") == math.factorial(13) // 4 + (1 << 20)
    with pytest.raises(InputError, match="memory limit"):
        check_memory(lrx, "bitmap", limit=need - 1)
    assert check_memory(lrx, "bitmap", limit=12 << 30) == need
    assert bitmap_layout(14, 2, limit=12 << 30, graph=lrx) == "parity"
    assert bitmap_layout(14, 2, limit=12 << 30, graph=build_family("lrx", 13)) == "shared"
    assert bitmap_layout(8, 2, limit=12 << 30, graph=build_family("lrx", 8)) == "parity"  # checkpointed


class Killed(Exception):
    pass


def test_killed_after_layer_k_resumes_there(tmp_path, monkeypatch):
    """A run stopped right after layer k is committed restarts from layers k-1, k (not from scratch) and
    ends with a clean run's growth; the checkpoint then says the search is complete."""
    graph = build_family("lrx", 10)
    clean = parity(graph).layer_sizes
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(tmp_path))
    commit = F.LayerDir.commit
    for k in (0, 1, 17, 30):
        for name in os.listdir(tmp_path):  # a fresh checkpoint each time
            for f in os.listdir(tmp_path / name):
                os.remove(tmp_path / name / f)

        def stop_after_k(self, sizes, complete=False, k=k):
            commit(self, sizes, complete)
            if len(sizes) - 1 == k:
                raise Killed

        monkeypatch.setattr(F.LayerDir, "commit", stop_after_k)
        with pytest.raises(Killed):
            growth(graph, engine="bitmap")
        meta = json.loads((tmp_path / "lrx-10" / "meta.json").read_text())
        assert meta["sizes"] == clean[:k + 1] and not meta["complete"]
        layers = []
        monkeypatch.setattr(F.LayerDir, "commit", lambda self, sizes, complete=False: (
            layers.append(len(sizes) - 1), commit(self, sizes, complete)))
        resumed = growth(graph, engine="bitmap")
        assert resumed.layer_sizes == clean
        assert layers[0] == k + 1  # the first layer written after the restart
        assert resumed.last_layer == [(1, 0, 9, 8, 7, 6, 5, 4, 3, 2)]
        assert json.loads((tmp_path / "lrx-10" / "meta.json").read_text())["complete"]
        assert sorted(os.listdir(tmp_path / "lrx-10"))[:2] == [f"layer_{len(clean) - 2:04d}.bin",
                                                                f"layer_{len(clean) - 2:04d}.idx"]


def test_damaged_layer_is_found(tmp_path, monkeypatch):
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(tmp_path))
    graph = build_family("lrx", 8)
    growth(graph, engine="bitmap")
    idx = tmp_path / "lrx-8" / f"layer_{27:04d}.idx"
    rows = np.fromfile(idx, dtype=np.int64).reshape(-1, 4)
    rows[0, 3] += 1  # the stated count of a chunk no longer matches its states
    rows.tofile(idx)
    with pytest.raises(InputError, match="layer 27"):
        growth(graph, engine="bitmap")


def test_process_killed_and_run_again_gives_the_same_growth(tmp_path):
    """The real thing: SIGKILL the CLI in the middle of an LRX n = 10 search, run the same command again."""
    env = dict(os.environ, **{F.CHECKPOINT_ENV: str(tmp_path / "ck")})
    store = str(tmp_path / "s.sqlite")
    args = DISCOVER + ["cayley", "growth", "--generators", "lrx", "--n", "10", "--engine", "bitmap", "--json",
                       "--store", store]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    meta = tmp_path / "ck" / "lrx-10" / "meta.json"
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            done = len(json.loads(meta.read_text())["sizes"])
        except (OSError, ValueError):
            done = 0
        if done >= 10:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and done >= 10  # killed in the middle of the search
    assert not json.loads(meta.read_text())["complete"]
    again = subprocess.run(args, env=env, capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr.decode()
    record = json.loads(again.stdout.decode().splitlines()[0])
    assert record["layer_sizes"] == LRX_10
    assert record["verified"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("parity_bad") / "store.sqlite")
    subprocess.run(DISCOVER + ["cayley", "growth", "--generators", "coxeter", "--n", "4", "--store", path],
                   check=True, capture_output=True)
    return path


G = ["cayley", "growth", "--engine", "bitmap", "--generators", "lrx", "--n"]


def test_bad_checkpoints_are_refused(tmp_path, store, monkeypatch):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(a_file))
    assert_refused(G + ["8"], "not a directory", store)
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(tmp_path / "ck"))
    foreign = tmp_path / "ck" / "lrx-8"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("someone else's folder")
    assert_refused(G + ["8"], "holds no readable checkpoint", store)
    (foreign / "notes.txt").unlink()
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(tmp_path / "ck2"))
    growth(build_family("lrx", 6), engine="bitmap")  # a real checkpoint, then made another graph's
    meta_file = tmp_path / "ck2" / "lrx-6" / "meta.json"
    meta = json.loads(meta_file.read_text())
    meta["generators"] = meta["generators"][::-1]
    meta_file.write_text(json.dumps(meta))
    assert_refused(G + ["6"], "another graph", store)
    meta_file.write_text(json.dumps(dict(meta, format="something-else")))
    assert_refused(G + ["6"], "not a checkpoint", store)
    assert_refused(G + ["9"], "only the parity bitmap checkpoints", store)  # odd n: not bipartite


def test_memory_over_the_limit_is_refused(tmp_path, store, monkeypatch):
    monkeypatch.setenv(F.CHECKPOINT_ENV, str(tmp_path))
    assert_refused(G + ["12", "--memory", "0.05"], "memory limit", store)  # needs 29 MiB + 64 MiB


def test_progress_inside_a_layer(monkeypatch):
    """The search reports the layer being built and how much of the layer expanded is done
    (discover.runner.inner; rate limit off so that every report is seen)."""
    from discover.runner import inner

    seen = []
    monkeypatch.setattr(inner, "MIN_INTERVAL", 0.0)
    previous = inner.set_sink(lambda shard, fields: seen.append(dict(fields)))
    try:
        parity(build_family("lrx", 8))
    finally:
        inner.set_sink(previous)
    expanded = [f for f in seen if "expanded" in f]
    assert {f["layer"] for f in expanded} == set(range(1, 30))  # layers 1..28, and 29 found empty
    assert expanded[-1]["states"] == f"{math.factorial(8):,} of {math.factorial(8):,}"
