"""The Ray backend: each shard is a Ray task; results stream back with ``ray.wait`` as tasks finish.

``address`` (``--ray-address`` or ``RAY_ADDRESS``) attaches to a running cluster; without one a local
Ray instance is started for the run and stopped after it. A task whose worker process dies is retried
by Ray (``max_retries``); an exception raised by the engine is not retried but reported with the shard
id (the shard wrapper returns it as text). Ray is imported here only, so nothing else pays its start-up.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Callable, Iterable, Iterator

from discover.errors import RuntimeFailure
from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import ShardOutcome, run_one

MAX_RETRIES = 3
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run_ray(run_shard: Callable[[Any, Shard], ShardResult], spec: Any, shards: Iterable[Shard],
            workers: int | None, address: str | None) -> Iterator[ShardOutcome]:
    try:
        import ray
    except ImportError:  # pragma: no cover - ray is a dependency
        raise RuntimeFailure("--backend ray needs ray (pip install ray)") from None

    address = address or os.environ.get("RAY_ADDRESS") or None
    started_here = False
    if not ray.is_initialized():
        try:
            if address:
                ray.init(address=address, log_to_driver=False, configure_logging=False)
            else:
                # A local instance: workers get the driver's import path, so engines importable here
                # (including ones outside site-packages) import there too.
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                         configure_logging=False, object_store_memory=256 * 1024 * 1024,
                         runtime_env={"env_vars": {"PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}})
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise RuntimeFailure(f"--ray-address {address or '(local)'}: cannot start or reach Ray: {exc}") from None
        started_here = True

    remote = ray.remote(max_retries=MAX_RETRIES, retry_exceptions=False)(run_one)
    spec_ref = ray.put(spec)
    shards = list(shards)
    capacity = max(2, 2 * int(ray.cluster_resources().get("CPU", workers or 1)))
    pending = list(reversed(shards))
    in_flight: dict = {}
    try:
        while pending or in_flight:
            while pending and len(in_flight) < capacity:
                shard = pending.pop()
                in_flight[remote.remote(run_shard, spec_ref, shard)] = shard
            done, _ = ray.wait(list(in_flight), num_returns=1)
            for ref in done:
                shard = in_flight.pop(ref)
                try:
                    yield ray.get(ref)
                except ray.exceptions.RayError as exc:  # worker died more than MAX_RETRIES times, ...
                    lines = [ln for ln in _ANSI.sub("", str(exc)).splitlines() if ln.strip()]
                    yield ShardOutcome(shard, None, lines[-1].strip() if lines else type(exc).__name__, 0.0)
    finally:
        for ref in in_flight:
            ray.cancel(ref, force=True)
        if started_here:
            ray.shutdown()
