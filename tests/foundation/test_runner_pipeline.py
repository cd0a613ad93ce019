"""Pipelines (engines with ``then``): every stage runs inside one run, and a resume after a kill at any
moment, in any stage, ends with exactly the records of a clean run."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

from discover.runner import RunOptions, run_search
from discover.store import Store
from runner_support import TESTS, expected_pipeline_keys
from toy_engine import PIPELINE, ToySpec

PIPELINE_DRIVER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from toy_engine import PIPELINE, ToySpec
    from discover.runner import RunOptions, run_search
    run_search(PIPELINE, ToySpec(limit={limit}, block={block}, delay={delay}),
               RunOptions(store={store!r}, workers={workers}, resume={resume}))
""")


def _stored_keys(store_path):
    with Store(store_path) as store:
        rows = list(store.conjectures())
    keys = [r.record.key for r in rows]
    assert len(keys) == len(set(keys))
    return set(keys), rows


def test_a_clean_pipeline_run_stores_both_stages(store_path):
    summary = run_search(PIPELINE, ToySpec(limit=60, block=10), RunOptions(store=store_path, workers=1))
    assert {r.key for r in summary.records} == expected_pipeline_keys(60)
    keys, _ = _stored_keys(store_path)
    assert keys == expected_pipeline_keys(60)
    with Store(store_path) as store:
        [run] = store.runs()
        status = store.shard_status(run.id)
    assert run.status == "finished" and set(status.values()) == {"done"}
    assert any(s.startswith("s1/gap-") for s in status)  # stage 2 lives in the same checkpoint


def test_a_failed_first_stage_does_not_start_the_second(store_path):
    summary = run_search(PIPELINE, ToySpec(limit=40, block=10, fail_block=1), RunOptions(store=store_path, workers=1))
    assert summary.shards_failed
    assert not any(r.kind == "gap" for r in summary.records)


def test_kills_at_random_moments_then_resume_match_a_clean_run(store_path):
    """Three SIGKILLs of the driver at random moments (in stage 1, stage 2 or between), each followed by a
    resume that is itself killed; a final resume must give exactly the clean run's records."""
    rng = random.Random(1)
    limit, block, delay = 40, 5, 0.15
    resume = None
    for attempt in range(3):
        code = PIPELINE_DRIVER.format(tests=str(TESTS), limit=limit, block=block, delay=delay, store=store_path,
                                      workers=1, resume=resume)
        proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
        time.sleep(rng.uniform(0.8, 3.5))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if os.path.exists(store_path):
            with Store(store_path) as store:
                runs = store.runs()
            if runs:
                resume = runs[0].id
    assert resume is not None, "no run was ever created"
    summary = run_search(PIPELINE, ToySpec(), RunOptions(store=store_path, workers=2, resume=resume))
    assert not summary.shards_failed
    assert {r.key for r in summary.records} == expected_pipeline_keys(limit)
    keys, rows = _stored_keys(store_path)
    assert keys == expected_pipeline_keys(limit)
    assert all(r.times_seen == 1 for r in rows), "a shard was stored twice"
    with Store(store_path) as store:
        [run] = store.runs()
    assert run.status == "finished"
