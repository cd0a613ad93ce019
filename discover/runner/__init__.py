"""How a search runs: shards on a local process pool or on Ray, streamed into the store.

Engines provide :class:`~discover.runner.engine.Engine` objects; :func:`run_search` does the rest.
"""

from discover.runner.engine import Engine, SearchSpec, Shard, ShardResult
from discover.runner.run import BACKENDS, RunOptions, RunSummary, run_search

__all__ = ["Engine", "SearchSpec", "Shard", "ShardResult", "RunOptions", "RunSummary", "run_search", "BACKENDS"]
