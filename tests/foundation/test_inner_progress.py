"""Progress inside one long shard reaches the driver: in-process, from pool workers, and on a terminal."""

import os
import pty
import select
import subprocess
import sys
import time

from discover.runner import inner
from discover.runner.local import run_local
from discover.runner.outcome import run_one


def _collect():
    seen = []
    previous = inner.set_sink(lambda shard, fields: seen.append((shard, dict(fields))))
    return seen, previous


def _run_collecting(engine, spec):
    """Run the spec's one shard in this process with a collecting sink: (shard, outcome, reports)."""
    [shard] = list(engine.shards(spec))
    seen, previous = _collect()
    try:
        outcome = run_one(engine.run_shard, spec, shard)
    finally:
        inner.set_sink(previous)
    return shard, outcome, seen


def test_report_is_a_no_op_without_a_sink_and_rate_limited_with_one():
    previous = inner.set_sink(None)
    inner.report(layer=1)  # nothing installed: nothing happens, nothing raises
    seen, _ = _collect()
    try:
        inner.set_shard("s")
        for k in range(1000):
            inner.report(layer=k)
        assert seen == [("s", {"layer": 0})]  # the rest fell inside MIN_INTERVAL
        time.sleep(inner.MIN_INTERVAL + 0.05)
        inner.report(layer=1000)
        assert seen[-1] == ("s", {"layer": 1000})
    finally:
        inner.set_sink(previous)


def test_a_cayley_bfs_reports_its_layers_in_process():
    from discover.cayley.engine import GROWTH_ENGINE, GrowthSpec
    from discover.sizes import parse_sizes

    spec = GrowthSpec(families=("lrx",), sizes=parse_sizes("9"))
    shard, outcome, seen = _run_collecting(GROWTH_ENGINE, spec)
    assert outcome.error is None
    assert seen and all(s == shard.id for s, _ in seen)
    assert all("layer" in f and "states" in f for _, f in seen)
    layers = [f["layer"] for _, f in seen]
    assert layers == sorted(layers)  # a BFS goes outward


def test_pool_workers_report_through_the_queue():
    from discover.cayley.engine import GROWTH_ENGINE, GrowthSpec
    from discover.sizes import parse_sizes

    spec = GrowthSpec(families=("lrx", "pancake"), sizes=parse_sizes("9"))
    shards = list(GROWTH_ENGINE.shards(spec))
    seen, previous = _collect()
    try:
        outcomes = list(run_local(GROWTH_ENGINE.run_shard, spec, shards, workers=2))
    finally:
        inner.set_sink(previous)
    assert all(o.error is None for o in outcomes)
    assert {s for s, _ in seen} <= {s.id for s in shards} and seen


def test_the_terminal_shows_the_layer_of_the_shard_in_flight(tmp_path):
    """As a user sees it: a growth run on a pseudo-terminal shows 'layer k' before the shard ends."""
    main, child = pty.openpty()
    env = dict(os.environ, COLUMNS="200")
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "cayley", "growth", "--generators", "lrx", "--n",
                             "10", "--workers", "1", "--store", str(tmp_path / "s.sqlite")],
                            stdin=child, stdout=child, stderr=child, env=env, close_fds=True)
    os.close(child)
    out = b""
    deadline = time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(main)
    text = out.decode(errors="replace")
    assert proc.returncode == 0, text[-2000:]
    assert "layer" in text and "states" in text, text[-2000:]


def test_an_extremal_lane_reports_its_size_and_best_edges():
    from discover.extremal.engine import ENGINE, ExtremalSearchSpec

    spec = ExtremalSearchSpec.from_cli("c3c4", "12", 0.6, 0, 1)
    _, outcome, seen = _run_collecting(ENGINE, spec)
    assert outcome.error is None and seen
    # ex(n; {C3, C4}) for n = 1, 2, ...: 0, 1, 2, 3, 5, 6, 8, 10, 12, 15, 16, 18 (OEIS A006856)
    assert all(f["n"] == 12 and f["best_edges"] <= 18 for _, f in seen)


def test_an_esma_expansion_reports_its_precision():
    import mpmath

    from discover.cf.esma.expansion import expand_target

    seen, previous = _collect()
    try:
        terms, digits = expand_target(lambda d: mpmath.mpf(mpmath.e) if mpmath.mp.dps >= d else
                                      (mpmath.mp.__setattr__("dps", d) or mpmath.e), (1,), 20)
    finally:
        inner.set_sink(previous)
        mpmath.mp.dps = 15
    assert len(terms) == 20 and seen and "digits" in seen[0][1]
