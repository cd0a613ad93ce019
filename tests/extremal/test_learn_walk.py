"""The learned walk (discover/extremal/learn): features, the Numba walk, the shipped policy, the lane
driver's ``learned`` walk, and its command-line surface. None of these needs torch."""

import numpy as np
import pytest

from bad_input import assert_refused
from discover.errors import InputError
from discover.extremal import flips as K
from discover.extremal.lanes import edges_from_adjacency, kernel_params, search_size, walk_turns
from discover.extremal.learn import weights as W
from discover.extremal.learn.features import N_FEATURES, network, pair_features_py
from discover.extremal.learn.walk import features_of_graph, learned_walk, no_recording
from discover.extremal.problems import get_problem
from discover.extremal.reference import reference_value
from discover.extremal.verify import verify

C3C4 = get_problem("c3c4")


def _random_graph(n, p, seed):
    rng = np.random.default_rng(seed)
    a = np.triu((rng.random((n, n)) < p).astype(np.uint8), 1)
    return a + a.T


def test_features_match_a_pure_python_reference():
    """Each pair's features, recomputed from the pair costs, degrees and loads in plain Python."""
    a = _random_graph(14, 0.3, 1)
    p = kernel_params(C3C4, 14, 14 * 14, 0)
    feats = features_of_graph(a, p, 20)
    present, absent = K.pair_costs(a, p)
    deg = a.sum(axis=1).astype(float)
    edges = int(a.sum()) // 2
    dbar = max(2 * edges / 14, 1.0)
    load = np.array([sum(present[u, v] for v in range(14) if a[u, v]) for u in range(14)], float)
    nmd = np.array([deg[a[u] == 1].mean() if deg[u] else 0.0 for u in range(14)])
    viol = int(K.count_violations(a, p))
    for u in range(14):
        for v in range(u + 1, 14):
            dviol = absent[u, v] - present[u, v] if a[u, v] else present[u, v] - absent[u, v]
            common = int((a[u] & a[v]).sum())
            want = pair_features_py(u, v, int(a[u, v]), dviol, present[u, v], common, deg, load, nmd, dbar,
                                    viol, edges - 20)
            assert np.allclose(feats[u, v], want), (u, v)


def test_features_are_permutation_equivariant():
    """Relabelling the vertices relabels the features: the policy does not see vertex names."""
    a = _random_graph(16, 0.25, 2)
    perm = np.random.default_rng(3).permutation(16)
    b = np.zeros_like(a)
    b[np.ix_(perm, perm)] = a  # vertex u of a is vertex perm[u] of b
    p = kernel_params(C3C4, 16, 256, 0)
    fa, fb = features_of_graph(a, p, 10), features_of_graph(b, p, 10)
    for u in range(16):
        for v in range(u + 1, 16):
            x, y = sorted((perm[u], perm[v]))
            assert np.allclose(fa[u, v], fb[x, y])


def test_network_is_the_two_layer_perceptron():
    rng = np.random.default_rng(0)
    W1, b1, w2, x = rng.normal(size=(5, N_FEATURES)), rng.normal(size=5), rng.normal(size=5), rng.normal(size=N_FEATURES)
    assert network(x, W1, b1, w2, 0.25) == pytest.approx(0.25 + w2 @ np.tanh(W1 @ x + b1))


@pytest.mark.parametrize("policy", ["tabu rule", "shipped"])
def test_learned_walk_reaches_the_exact_value_at_n_20(policy):
    """From a random maximal graph the walk reaches ex(20; {C3, C4}) = 41 (Garnick, Kwong and Lazebnik
    1993, in the reference table), and the graph it returns passes the independent check."""
    n = 20
    value, kind = reference_value(C3C4, n)
    assert (value, kind) == (41, "exact")
    net = W.tabu_rule() if policy == "tabu rule" else W.load()
    for seed in range(3):
        p = kernel_params(C3C4, n, value, seed)
        a = np.zeros((n, n), np.uint8)
        K.saturate(a, p, seed)
        best, state = a.copy(), K.new_state()
        learned_walk(a, best, np.zeros((n, n), np.int64), state, p, *net.arrays(), 20000, *no_recording())
        if state[K.S_BEST_EDGES] == value:
            break
    assert state[K.S_BEST_EDGES] == value
    checked = verify(C3C4, n, edges_from_adjacency(best))
    assert checked["ok"] and checked["girth"] >= 5 and checked["edges"] == value


def test_recording_puts_the_move_taken_in_slot_0():
    """With the tabu rule every recorded candidate has the best hand score, and slot 0 is the move made."""
    from discover.extremal.learn.train import SLOTS, record_walk

    x, delta, meta, best = record_walk(C3C4, 16, W.tabu_rule(), 200, 5)
    assert len(x) == 200 and x.shape[1:] == (SLOTS, N_FEATURES)
    for i in range(200):
        k = meta[i, 0]
        assert 1 <= k <= min(meta[i, 1], SLOTS)
        assert np.all(delta[i, :k] == delta[i, 0])  # band 0: all at the best score
    # the edge count moves by one per step (or jumps at a kick)
    steps = np.abs(np.diff(meta[:, 2]))
    assert np.all((steps == 1) | (meta[1:, 5] == 1))


def test_lane_driver_runs_the_learned_walk():
    """``walks="learned"``: the learned walk and hill climbing; a lane reaches ex(24) = 54 within its time."""
    assert walk_turns(C3C4, "learned") == ("learned", "climb")
    assert walk_turns(get_problem("ramsey-3-4"), "learned") == ("tabu",)
    found, steps = search_size(C3C4, 24, 20.0, 7, [], stop_at="exact", walks="learned", from_scratch=True)
    assert found is not None and steps > 0
    assert found.edges == reference_value(C3C4, 24)[0] == 54
    assert verify(C3C4, 24, edges_from_adjacency(found.adjacency))["ok"]


def test_shipped_policy_loads_and_bad_files_are_refused(tmp_path):
    pol = W.load()
    assert pol.W1.shape[1] == N_FEATURES and 0 <= pol.band <= W.MAX_BAND
    bad = pol.__class__(pol.W1[:, :3], pol.b1, pol.w2, pol.b2, pol.beta, pol.band)
    W.save(bad, tmp_path / "short.npz")
    with pytest.raises(InputError, match="hidden layer"):
        W.load(tmp_path / "short.npz")
    nan = pol.__class__(pol.W1 * np.nan, pol.b1, pol.w2, pol.b2, pol.beta, pol.band)
    W.save(nan, tmp_path / "nan.npz")
    with pytest.raises(InputError, match="finite"):
        W.load(tmp_path / "nan.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="cannot be read"):
        W.load(tmp_path / "junk.npz")


@pytest.mark.parametrize("args,needle", [
    (["--n", "5", "--output", "{d}/p.npz"], "--n"),
    (["--n", "x,y", "--output", "{d}/p.npz"], "--n"),
    (["--rounds", "0", "--output", "{d}/p.npz"], "--rounds"),
    (["--steps", "10", "--output", "{d}/p.npz"], "--steps"),
    (["--band", "9", "--output", "{d}/p.npz"], "--band"),
    (["--problem", "ramsey-3-4", "--output", "{d}/p.npz"], "--problem"),
    (["--output", "{d}/p.txt"], "--output"),
    (["--output", "{d}/missing/p.npz"], "--output"),
])
def test_learn_refuses_bad_input(tmp_path, args, needle):
    store = str(tmp_path / "store.sqlite")
    assert_refused(["extremal", "learn", *(a.format(d=tmp_path) for a in args)], needle, store)
    assert not list(tmp_path.glob("*.npz"))


def test_search_with_learned_walks_through_the_cli(tmp_path):
    """``discover extremal search --walks learned`` stores a verified graph with ex(20) = 41 edges."""
    import json

    from click.testing import CliRunner

    from cli.main import cli

    result = CliRunner().invoke(cli, ["extremal", "search", "--n", "20", "--time", "10", "--walks", "learned",
                                      "--stop-at", "exact", "--workers", "1", "--store",
                                      str(tmp_path / "s.sqlite"), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    graphs = [r for r in rows if r.get("n") == 20]
    assert graphs and graphs[0]["edges"] == 41 and graphs[0]["verified"]


def test_comparison_runs_every_arm_and_times_are_monotone():
    """The time-to-value harness: each arm's final graph passes the independent check, ex(16) = 28 is
    reached, and a larger edge count is never reached before a smaller one."""
    from discover.extremal.learn.compare import ARMS, compare, summary

    rows = compare([16], 1, 1.0, arms=tuple(ARMS), log=lambda m: None)
    assert [r["walks"] for r in rows] == list(ARMS)
    for r in rows:
        assert r["verified"] and r["edges"] == reference_value(C3C4, 16)[0] == 28
        times = [r["seconds_to"][v] for v in sorted(r["seconds_to"])]
        assert times == sorted(times)
    (entry,) = summary(rows)
    assert entry["common_value"] == 28 and entry["wins"] in ("tabu", "learned")
