"""Training the learned walk (needs torch, the optional extra ``learn``): step weights, the sampled
softmax loss, export to the Numba network, and ``discover extremal learn`` end to end."""

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from click.testing import CliRunner  # noqa: E402

from cli.main import cli  # noqa: E402
from discover.extremal.learn import weights as W  # noqa: E402
from discover.extremal.learn.features import N_FEATURES, network  # noqa: E402
from discover.extremal.learn.model import PairScorer, sampled_softmax_loss  # noqa: E402
from discover.extremal.learn.train import step_weights  # noqa: E402
from discover.extremal.learn.walk import M_BEST_BEFORE, M_EDGES, M_VIOL, N_META  # noqa: E402


def test_step_weights_count_the_moves_before_a_new_best():
    """Valid edge counts 10, (invalid), 11, 10, 10 with a best of 10 before the 11: with a window of 2
    the move to the invalid graph and the move to 11 are followed by 11 (weight 1: a gain of one edge);
    the first move is not (its window ends at the invalid graph), nor are the moves back to 10, below
    the new best. With floor 0 a return to the best counts 1 and a gain 2."""
    meta = np.zeros((5, N_META), np.int64)
    meta[:, M_EDGES] = [10, 12, 11, 10, 10]
    meta[:, M_VIOL] = [0, 1, 0, 0, 0]
    meta[:, M_BEST_BEFORE] = [10, 10, 10, 11, 11]
    assert step_weights(meta, 2).tolist() == [0, 1, 1, 0, 0]
    assert step_weights(meta, 2, floor=0).tolist() == [1, 2, 2, 0, 0]


def test_sampled_loss_is_the_exact_loss_when_every_candidate_is_recorded():
    """With all candidates in the record (slots == band) the estimate is the softmax log-likelihood."""
    torch.manual_seed(0)
    model = PairScorer(4)
    x = torch.randn(3, 5, N_FEATURES)
    delta = torch.tensor([[0, 0, -1, -1, 0]] * 3, dtype=torch.float32)
    slots = torch.tensor([5, 3, 5])
    weight = torch.tensor([1.0, 2.0, 0.5])
    got = sampled_softmax_loss(model, x, delta, slots, slots.clone(), weight, 2.0)
    logits = 2.0 * delta + model(x)
    want = 0.0
    for i in range(3):
        k = int(slots[i])
        want -= weight[i] * torch.log_softmax(logits[i, :k], 0)[0]
    assert float(got.detach()) == pytest.approx(float((want / weight.sum()).detach()), rel=1e-5)


def test_export_computes_the_same_function_in_numba():
    torch.manual_seed(1)
    model = PairScorer(7)
    pol = model.export(beta=2.0, band=1)
    x = np.random.default_rng(2).normal(size=(20, N_FEATURES))
    want = model(torch.tensor(x, dtype=torch.float32)).detach().numpy()
    got = [network(row, pol.W1, pol.b1, pol.w2, pol.b2) for row in x]
    assert np.allclose(got, want, atol=1e-5)


def test_learn_command_writes_a_policy_the_walk_can_load(tmp_path):
    """A tiny self-play run: one row per round (round 0 is the tabu rule), a loadable policy, and the
    walks it recorded reach ex(16) = 28 at least once (the tabu rule does, and so must gating keep)."""
    out = tmp_path / "p.npz"
    result = CliRunner().invoke(cli, ["extremal", "learn", "--n", "16", "--rounds", "1", "--seeds", "1",
                                      "--steps", "400", "--hidden", "4", "--output", str(out), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert [r["round"] for r in record["rounds"]] == [0, 1] and record["chosen_round"] == 1
    assert record["rounds"][0]["mean_best_edges"]["16"] == 28
    pol = W.load(out)
    assert pol.W1.shape == (4, N_FEATURES)
    assert json.loads((tmp_path / "p.json").read_text())["spec"]["rounds"] == 1


@pytest.mark.slow
def test_ctrl_c_stops_training_within_a_second(tmp_path):
    """SIGINT while round 0 records a 100,000-step walk at n = 64: stopped within about a second with
    the command line's Ctrl-C status (130, "discover: interrupted"), and no policy written. A tiny run first, so that no Numba compilation is in the way."""
    import signal
    import subprocess
    import time

    from bad_input import DISCOVER, run_cli

    learn = ["extremal", "learn", "--rounds", "1", "--seeds", "1"]
    code, _, err, _ = run_cli(learn + ["--n", "12", "--steps", "100", "--output", str(tmp_path / "w.npz")], timeout=600)
    assert code == 0, err
    out = tmp_path / "p.npz"
    with subprocess.Popen(DISCOVER + learn + ["--n", "64", "--steps", "100000", "--output", str(out)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        time.sleep(10.0)  # past the imports (torch is imported only to fit): round 0 is recording
        running = proc.poll() is None
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)  # one process: no pool to reach
        try:
            status = proc.wait(timeout=10)
        finally:
            proc.kill()
        stopped_in = time.monotonic() - started
        last = proc.stderr.read().decode().strip().splitlines()[-1:]
    assert running and status == 130 and last == ["discover: interrupted"], (status, last)
    assert stopped_in < 2.0, f"took {stopped_in:.2f} s to stop"
    assert not out.exists()
