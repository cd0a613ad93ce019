"""The runner with a real local Ray instance: streaming, a raising shard, a killed worker, SIGKILL + resume."""

import pytest
from runner_support import assert_store_equals_clean_run, expected_keys, kill_driver_midway

from discover.runner import RunOptions, run_search
from discover.store import Store
from toy_engine import ENGINE, ToySpec

pytestmark = [pytest.mark.ray, pytest.mark.timeout(300)]


def keys(summary):
    return {r.key for r in summary.records}


def test_ray_backend_faults_and_retries(tmp_path):
    """One Ray start for three checks (Ray takes seconds to start on 2 cores)."""
    import os
    import sys

    import ray

    # a Ray instance started by the caller (not by the runner): its workers must find the toy engine
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
             object_store_memory=128 * 1024 * 1024,
             runtime_env={"env_vars": {"PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}})
    try:
        # 1. same records as the local backend
        plain = run_search(ENGINE, ToySpec(limit=60, block=10),
                           RunOptions(store=str(tmp_path / "a.sqlite"), backend="ray", workers=2))
        assert keys(plain) == expected_keys(60) and not plain.shards_failed

        # 2. a shard that raises is reported with its id; the others complete
        failing = run_search(ENGINE, ToySpec(limit=60, block=10, fail_block=4),
                             RunOptions(store=str(tmp_path / "b.sqlite"), backend="ray", workers=2))
        assert [sid for sid, _ in failing.shards_failed] == ["block-4"]
        assert "configured to fail" in failing.shards_failed[0][1]
        assert failing.shards_done == 5

        # 3. a worker process killed mid-task is retried by Ray and the run completes
        crash_dir = tmp_path / "crash"
        crash_dir.mkdir()
        crashed = run_search(ENGINE, ToySpec(limit=40, block=10, crash_once_dir=str(crash_dir)),
                             RunOptions(store=str(tmp_path / "c.sqlite"), backend="ray", workers=2))
        assert (crash_dir / "crashed").exists()
        assert not crashed.shards_failed
        assert keys(crashed) == expected_keys(40)
    finally:
        ray.shutdown()


def test_ray_driver_killed_with_sigkill_then_resumed_matches_a_clean_run(store_path):
    # the driver starts its own local Ray instance; killing its process group takes Ray down too
    run_id = kill_driver_midway(store_path, "ray", limit=60, block=5, delay=0.5, workers=2, min_done=3)
    resumed = run_search(ENGINE, ToySpec(), RunOptions(store=store_path, backend="ray", workers=2, resume=run_id))
    assert not resumed.shards_failed
    assert keys(resumed) == expected_keys(60)
    assert_store_equals_clean_run(store_path, 60)
    with Store(store_path) as store:
        assert store.run(run_id).status == "finished"
