"""What a cluster run ships to every Ray node, and the check a node makes before its first shard.

Shipped by default to a cluster named by ``--ray-address`` / ``RAY_ADDRESS``, or to ``discover ray
up`` once other machines joined it (a Ray ``runtime_env`` given to ``ray.init``; Ray uploads it to the
head once per content hash and every node unpacks it into its own cache before its first task of the
run). This machine's own instances alone (a private one, or ``discover ray up`` with its head only) get
the driver's import path instead: a runtime environment costs every worker a second Python start-up.

* ``py_modules``: the ``discover`` package exactly as the driver has it (no ``__pycache__`` or Numba
  cache files), plus the top-level package, or single-file module, of the engine's ``run_shard`` when it
  lives outside ``discover``. The nodes run the driver's code, whatever ``discover`` they have installed,
  if any;
* ``env_vars``: ``NUMBA_NUM_THREADS``, ``OMP_NUM_THREADS``, ``MKL_NUM_THREADS``, ``OPENBLAS_NUM_THREADS``
  = 1: a shard is a 1-CPU task, and a kernel that threads over all of a node's cores would oversubscribe it.

Not shipped: the third-party dependencies (numpy, numba, python-flint, ...; ``pip install discover`` on
every node brings them). Each worker checks before its first shard that its Python (major.minor) is the
driver's and that every dependency is installed within the range ``discover`` pins; otherwise the run
stops at once with one line naming the node and what is missing. ``DISCOVER_RAY_PIP=1`` adds the
driver's exact dependency versions to the runtime environment (Ray then installs them on each node,
which needs a package index there). ``DISCOVER_RAY_SHIP=0`` ships nothing (every node has the same
``discover`` installed); a node that cannot import it stops the run with one line naming it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import ShardOutcome, run_one

# a shard is a 1-CPU task: kernels must not thread over the whole node
THREAD_ENV = {name: "1" for name in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                     "OPENBLAS_NUM_THREADS")}
EXCLUDES = ["__pycache__", "*.pyc", "*.nbi", "*.nbc"]


def shipped_paths(run_shard: Callable) -> list[str]:
    """The source paths a node needs to run ``run_shard``: the discover package, and the engine's own
    top-level package or module when it is elsewhere (a plugin, a test engine)."""
    import discover

    paths = [str(Path(discover.__file__).resolve().parent)]
    top = run_shard.__module__.split(".")[0]
    if top != "discover":
        module = sys.modules[top]
        origin = Path(module.__file__).resolve()
        paths.append(str(origin.parent if origin.name == "__init__.py" else origin))
    return paths


def pins() -> dict[str, str]:
    """What a node must have: Python major.minor, and each dependency of discover with its pinned range
    (``name -> specifier``)."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement

    wanted = {"python": f"{sys.version_info.major}.{sys.version_info.minor}"}
    try:
        lines = requires("discover") or []
    except PackageNotFoundError:  # running from a source tree without an install: nothing to compare
        lines = []
    for line in lines:
        requirement = Requirement(line)
        if requirement.marker is None and requirement.name != "ray":
            wanted[requirement.name] = str(requirement.specifier)
    return wanted


def runtime_env(run_shard: Callable) -> dict:
    """The runtime environment of a cluster run (see the module docstring); empty (workers start
    faster: no per-job environment to set up) with ``DISCOVER_RAY_SHIP=0``. The thread limits are
    then set by :func:`run_on_node` itself."""
    env: dict[str, Any] = {}
    if os.environ.get("DISCOVER_RAY_SHIP", "1") != "0":
        env["py_modules"] = shipped_paths(run_shard)
        env["excludes"] = list(EXCLUDES)
        env["env_vars"] = dict(THREAD_ENV)
    if os.environ.get("DISCOVER_RAY_PIP") == "1":
        from importlib.metadata import version

        env["pip"] = [f"{name}=={version(name)}" for name in pins() if name != "python"]
    return env


# ------------------------------------------------------------------ on the node, in the Ray worker
_UNCHECKED = object()
_problem: Any = _UNCHECKED  # per worker process: None when the node is fit, else why not


def node_name() -> str:
    """The node this worker runs on, as a user can find it (``ray status``, the dashboard): IP and the
    start of its node id."""
    try:
        import ray

        return f"{ray.util.get_node_ip_address()} (node {ray.get_runtime_context().get_node_id()[:12]})"
    except Exception:  # noqa: BLE001 - a name is a courtesy, never a failure
        import socket

        return socket.gethostname()


def node_problem(wanted: dict[str, str]) -> str | None:
    """None if this process has the Python and dependency versions of ``wanted`` (see :func:`pins`)."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.specifiers import SpecifierSet

    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    if wanted.get("python", python) != python:
        return f"Python {python} there, the driver runs {wanted['python']}"
    for name, specifier in wanted.items():
        if name == "python":
            continue
        try:
            have = version(name)
        except PackageNotFoundError:
            return f"{name} is not installed there (pip install discover, or DISCOVER_RAY_PIP=1)"
        if have not in SpecifierSet(specifier):
            return f"{name} {have} there, discover needs {name}{specifier}"
    return None


def _limit_threads() -> None:
    """Numba's pool (and OpenMP/BLAS pools started later) to the CPUs this task holds: the variables
    cover a library imported after this, ``set_num_threads`` a Numba imported before."""
    try:
        import ray

        cpus = int(max(1, ray.get_runtime_context().get_assigned_resources().get("CPU", 1)))
    except Exception:  # noqa: BLE001
        cpus = 1
    for name in THREAD_ENV:
        os.environ[name] = str(cpus)
    if "numba" in sys.modules:
        import numba

        numba.set_num_threads(min(cpus, numba.config.NUMBA_NUM_THREADS))


def run_on_node(run_shard: Callable[[Any, Shard], ShardResult], spec: Any, shards: list[Shard],
                wanted: dict[str, str]) -> list[ShardOutcome]:
    """The Ray task: check the node once per worker process, then run the shards one after another
    (:func:`run_one`; a task carries several when they are short, see
    :func:`~discover.runner.ray_backend.dispatch`). An unfit node gives ``fatal`` outcomes: the driver
    stops the run rather than store partial work."""
    global _problem
    if _problem is _UNCHECKED:
        _problem = node_problem(wanted)
    if _problem is not None:
        return [ShardOutcome(shard, None, f"node {node_name()} cannot run discover: {_problem}", 0.0, fatal=True)
                for shard in shards]
    _limit_threads()
    return [run_one(run_shard, spec, shard) for shard in shards]
