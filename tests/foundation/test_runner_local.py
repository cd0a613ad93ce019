"""The runner with the local backend: parallel = serial, failures per shard, SIGKILL + resume."""

import pytest
from runner_support import assert_store_equals_clean_run, expected_keys, kill_driver_midway

from discover.errors import InputError
from discover.runner import RunOptions, run_search
from discover.store import Store
from toy_engine import ENGINE, ToySpec


def keys(summary):
    return {r.key for r in summary.records}


def test_in_process_run_stores_exactly_the_verified_results(store_path):
    summary = run_search(ENGINE, ToySpec(limit=50, block=10), RunOptions(store=store_path, workers=1))
    assert keys(summary) == expected_keys(50)
    assert summary.new_keys == expected_keys(50)
    assert summary.shards_done == 5 and summary.candidates == 50 and not summary.shards_failed
    with Store(store_path) as store:
        assert store.count() == len(expected_keys(50))
        [run] = store.runs()
        assert run.status == "finished" and run.spec["limit"] == 50 and run.engine_ref == "toy_engine:ENGINE"


def test_process_pool_gives_the_same_records_as_in_process(tmp_path):
    serial = run_search(ENGINE, ToySpec(limit=80, block=10), RunOptions(store=str(tmp_path / "a"), workers=1))
    pooled = run_search(ENGINE, ToySpec(limit=80, block=10), RunOptions(store=str(tmp_path / "b"), workers=2))
    assert keys(serial) == keys(pooled) == expected_keys(80)


def test_rediscovery_in_a_second_run_is_recorded_not_duplicated(store_path):
    run_search(ENGINE, ToySpec(limit=30, block=10), RunOptions(store=store_path, workers=1))
    second = run_search(ENGINE, ToySpec(limit=40, block=10), RunOptions(store=store_path, workers=1))
    assert second.new_keys == expected_keys(40) - expected_keys(30)
    with Store(store_path) as store:
        assert store.count() == len(expected_keys(40))
        seen = {r.record.payload["k"]: r.times_seen for r in store.conjectures()}
    assert seen[25] == 2 and seen[36] == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_shard_that_raises_is_reported_and_the_others_complete(store_path, workers):
    summary = run_search(ENGINE, ToySpec(limit=50, block=10, fail_block=2),
                         RunOptions(store=store_path, workers=workers))
    assert [sid for sid, _ in summary.shards_failed] == ["block-2"]
    assert "ValueError: block 2 is configured to fail" in summary.shards_failed[0][1]
    assert keys(summary) == expected_keys(50) - _block_keys(2)
    with Store(store_path) as store:
        [run] = store.runs()
        assert run.status == "failed"
        assert store.shard_status(run.id)["block-2"] == "failed"


def _block_keys(index, block=10):
    from toy_engine import two_squares
    from discover.records import canonical_key

    return {canonical_key("toy", "sum_of_two_squares", k)
            for k in range(index * block, (index + 1) * block) if two_squares(k)}


def test_resume_reruns_only_unfinished_shards(store_path):
    first = run_search(ENGINE, ToySpec(limit=50, block=10, fail_block=3), RunOptions(store=store_path, workers=1))
    # resume rebuilds the spec from the store, so the failing knob stays; a transient failure is what
    # resume is for: fix the knob in the stored spec to model "the cause went away"
    with Store(store_path) as store:
        store._db.execute("UPDATE runs SET spec = json_set(spec, '$.fail_block', -1)")
    resumed = run_search(ENGINE, ToySpec(), RunOptions(store=store_path, workers=1, resume=first.run_id))
    assert resumed.run_id == first.run_id
    assert resumed.candidates == 50  # the 40 stored before the resume, and block 3 again
    assert resumed.shards_done == 5
    assert keys(resumed) == expected_keys(50)
    assert_store_equals_clean_run(store_path, 50)


def test_a_worker_process_killed_mid_shard_is_retried(store_path, tmp_path):
    summary = run_search(ENGINE, ToySpec(limit=40, block=10, crash_once_dir=str(tmp_path)),
                         RunOptions(store=store_path, workers=2))
    assert (tmp_path / "crashed").exists()
    assert not summary.shards_failed
    assert keys(summary) == expected_keys(40)


def test_driver_killed_with_sigkill_then_resumed_matches_a_clean_run(store_path):
    run_id = kill_driver_midway(store_path, "local", workers=1)
    resumed = run_search(ENGINE, ToySpec(), RunOptions(store=store_path, workers=2, resume=run_id))
    assert not resumed.shards_failed
    assert keys(resumed) == expected_keys(60)
    assert_store_equals_clean_run(store_path, 60)


def test_resume_of_unknown_run_is_an_input_error(store_path):
    run_search(ENGINE, ToySpec(limit=10), RunOptions(store=store_path, workers=1))
    with pytest.raises(InputError, match="--resume 99"):
        run_search(ENGINE, ToySpec(), RunOptions(store=store_path, resume=99))


def test_bad_runner_options_are_input_errors():
    with pytest.raises(InputError, match="--workers 0"):
        RunOptions(workers=0)
    with pytest.raises(InputError, match="--backend 'dask'"):
        RunOptions(backend="dask")


def test_workers_exit_when_the_driver_is_killed(store_path):
    """SIGKILL to the driver alone (not its process group): its pool workers must not run on as orphans."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from runner_support import DRIVER, TESTS, done_shards

    code = DRIVER.format(tests=str(TESTS), limit=200, block=5, delay=0.5, store=store_path, backend="local",
                         workers=2)
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        deadline = time.time() + 120
        while done_shards(store_path) < 2:
            assert proc.poll() is None and time.time() < deadline
            time.sleep(0.05)
        children = [int(p) for p in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()]
        assert children, "the driver has pool workers"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.time() + 10
        alive = children
        while alive and time.time() < deadline:
            time.sleep(0.1)
            alive = [c for c in alive if os.path.exists(f"/proc/{c}") and
                     open(f"/proc/{c}/stat").read().split()[2] != "Z"]
        assert not alive, f"workers {alive} outlived the driver"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _statements(summary):
    return {r.key: r.statement for r in summary.records}


def test_equivalent_records_keep_their_least_statement_whatever_shard_finishes_first(tmp_path):
    """With aliases, block i also finds block i+1's numbers worded "k = b^2 + a^2" (same key): both
    finishing orders report, for every key, the least wording ("k = a^2 + b^2" with a <= b)."""
    from toy_engine import LAST_FIRST_ENGINE, two_squares

    spec = ToySpec(limit=40, block=10, aliases=True)
    forward = run_search(ENGINE, spec, RunOptions(store=str(tmp_path / "f.sqlite"), workers=1))
    backward = run_search(LAST_FIRST_ENGINE, spec, RunOptions(store=str(tmp_path / "b.sqlite"), workers=1))
    assert _statements(forward) == _statements(backward)
    least = {r.key: min(f"{k} = {a}^2 + {b}^2", f"{k} = {b}^2 + {a}^2")
             for r in forward.records for k in [r.payload["k"]] for a, b in [two_squares(k)]}
    assert _statements(forward) == least
    assert len(forward.records) == len(expected_keys(40))  # one record per key


def test_the_stored_statement_is_the_least_whatever_shard_finishes_first(tmp_path):
    from toy_engine import LAST_FIRST_ENGINE

    spec = ToySpec(limit=40, block=10, aliases=True)
    stored = []
    for engine, name in [(ENGINE, "f"), (LAST_FIRST_ENGINE, "b")]:
        run_search(engine, spec, RunOptions(store=str(tmp_path / f"{name}.sqlite"), workers=1))
        with Store(str(tmp_path / f"{name}.sqlite")) as store:
            stored.append({row.record.key: row.record.statement for row in store.conjectures()})
    assert stored[0] == stored[1]


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_sigint_to_the_driver_alone_stops_a_pool_run_at_once(store_path, signame):
    """SIGINT (or SIGTERM: a batch system's time limit, a kill) sent to the driver only (not its process
    group, so no worker sees it) must not wait for the shards in flight: their workers are terminated,
    the run is left interrupted and resumable, and the message says how."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from runner_support import DRIVER, TESTS, done_shards

    code = DRIVER.format(tests=str(TESTS), limit=200, block=5, delay=3.0, store=store_path, backend="local",
                         workers=2)
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 120
        while done_shards(store_path) < 2:
            assert proc.poll() is None and time.time() < deadline
            time.sleep(0.05)
        start = time.time()
        os.kill(proc.pid, getattr(signal, signame))
        _, err = proc.communicate(timeout=30)
        assert time.time() - start < 2.5, "the driver waited for the shards in flight"
        assert "--resume 1" in err.decode() and ("SIGTERM" in err.decode()) == (signame == "SIGTERM")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    with Store(store_path) as store:
        [run] = store.runs()
    assert run.status == "interrupted"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_met_goal_stops_the_other_shards_and_a_resume_does_not_run_them(store_path, workers):
    """Block 0 finds 5 (the goal); blocks 1..3 would sleep a minute each: they are stopped, not waited for."""
    import time

    from toy_engine import GOAL_ENGINE

    tic = time.perf_counter()
    summary = run_search(GOAL_ENGINE, ToySpec(limit=40, block=10, goal=5, slow_from=1),
                         RunOptions(store=store_path, workers=workers))
    assert time.perf_counter() - tic < 30
    assert summary.goal_met == "5 found" and summary.shards_stopped == 3 and summary.shards_done == 1
    assert keys(summary) == _block_keys(0)
    with Store(store_path) as store:
        [run] = store.runs()
        assert run.status == "finished"
        assert store.shard_status(run.id) == {"block-0": "done", "block-1": "stopped", "block-2": "stopped",
                                              "block-3": "stopped"}
    tic = time.perf_counter()
    resumed = run_search(GOAL_ENGINE, ToySpec(), RunOptions(store=store_path, workers=workers, resume=summary.run_id))
    assert time.perf_counter() - tic < 10 and resumed.shards_stopped == 3 and keys(resumed) == _block_keys(0)


def test_a_run_stopped_early_leaves_no_pool_thread_behind(store_path):
    """The pool's manager thread has finished when a run stopped at its goal returns: one still closing the
    pool's wake-up pipe at interpreter exit made Python 3.11 print "Exception ignored ... Bad file
    descriptor" after a benchmark's output."""
    import threading
    from concurrent.futures.process import _ExecutorManagerThread

    from toy_engine import GOAL_ENGINE

    summary = run_search(GOAL_ENGINE, ToySpec(limit=40, block=10, goal=5, slow_from=1),
                         RunOptions(store=store_path, workers=2))
    assert summary.goal_met == "5 found" and summary.shards_stopped == 3
    assert not [t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread) and t.is_alive()]


def test_a_goal_not_met_changes_nothing(store_path):
    from toy_engine import GOAL_ENGINE

    summary = run_search(GOAL_ENGINE, ToySpec(limit=40, block=10, goal=3), RunOptions(store=store_path, workers=2))
    assert summary.goal_met is None and summary.shards_stopped == 0 and keys(summary) == expected_keys(40)


def test_a_goal_met_by_the_shards_done_before_an_interruption_stops_the_rest_on_resume(store_path):
    """The first run (no goal) stored blocks 0, 1, 3 and failed block 2; resumed with the goal (5, in block
    0), block 2 is not run again but marked stopped."""
    from toy_engine import GOAL_ENGINE

    first = run_search(ENGINE, ToySpec(limit=40, block=10, goal=5, fail_block=2), RunOptions(store=store_path, workers=1))
    assert [sid for sid, _ in first.shards_failed] == ["block-2"]
    resumed = run_search(GOAL_ENGINE, ToySpec(), RunOptions(store=store_path, workers=1, resume=first.run_id))
    assert resumed.goal_met == "5 found" and resumed.shards_stopped == 1 and not resumed.shards_failed
    with Store(store_path) as store:
        assert store.shard_status(first.run_id)["block-2"] == "stopped"
        assert store.runs()[0].status == "finished"
