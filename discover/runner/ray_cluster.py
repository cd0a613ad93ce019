"""Finding and joining the Ray cluster a run uses, failing fast and in one line when there is none.

Which cluster (first that applies):

1. ``--ray-address`` / ``RAY_ADDRESS`` (``host:port`` of the head's GCS, ``auto``, or ``ray://...``):
   attach to it. The GCS port is probed with a plain TCP connect first, so a wrong host or port fails
   within :data:`PROBE_SECONDS` instead of Ray's own retries (about 14 minutes); ``ray.init`` itself then
   has :data:`CONNECT_SECONDS`. A cluster that refuses our auth token says so.
2. the local instance kept by ``discover ray up`` (its address is in :func:`local_state_path`), if alive;
3. a private local instance for this run only (``address="local"``: it never attaches to, or clashes
   with, a ``ray start --head`` cluster that happens to run on this machine); starting it takes about
   10-20 s, which ``discover ray up`` saves.

Ray is imported here and in the backend only, so nothing else pays its start-up.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from discover.errors import RuntimeFailure

PROBE_SECONDS = 5.0
CONNECT_SECONDS = 25.0
# Ray's own knobs (read from the environment by its C++ core when it starts): give up on an unreachable
# or vanished GCS after seconds, not minutes. A lost cluster is noticed sooner by the backend's probe.
RAY_ENV_KNOBS = {
    "RAY_gcs_rpc_server_connect_timeout_s": "5",
    "RAY_gcs_rpc_server_reconnect_timeout_s": "20",
    "RAY_gcs_server_request_timeout_seconds": "10",
    # Ray prints "Unhandled error" for a failed task whose result nobody fetched: the runner fetches every
    # task it waits for, so those are the tasks a stopped run left in flight (re-run on resume)
    "RAY_IGNORE_UNHANDLED_ERRORS": "1",
}


@dataclass
class Connection:
    """The cluster a run uses: ``address`` of its GCS (None for a private instance or a connection the
    caller made), ``joined`` when this run called ``ray.init`` (and so disconnects at the end, which
    also stops a private instance), ``private`` for an instance of this run's own."""

    address: str | None
    joined: bool
    private: bool
    description: str
    shipped: bool = False


def local_state_path() -> Path:
    """Where ``discover ray up`` records its instance (``DISCOVER_RAY_STATE`` overrides)."""
    from discover.runner.state import user_state_path

    return user_state_path("DISCOVER_RAY_STATE", "ray.json")


def read_local_state() -> dict | None:
    """The ``discover ray up`` instance, if its record exists and its GCS port answers."""
    try:
        state = json.loads(local_state_path().read_text())
        host, port = split_address(state["address"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state if probe(host, port, timeout=1.0) is None else None


def split_address(address: str) -> tuple[str, int]:
    """``host:port`` (an optional ``ray://`` scheme allowed) as (host, port); ValueError otherwise."""
    bare = address.split("://", 1)[1] if "://" in address else address
    host, sep, port = bare.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(address)
    return host.strip("[]"), int(port)


def _addresses_of(host: str, timeout: float) -> set[str]:
    """The IP addresses ``host`` resolves to (empty if it does not within ``timeout`` seconds)."""
    result: list = []

    def attempt():  # getaddrinfo has no timeout of its own
        try:
            result.append({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
        except (OSError, UnicodeError):
            result.append(set())

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(timeout)
    return result[0] if result else set()


def _of_this_machine(ip: str) -> bool:
    """Whether ``ip`` is a loopback address or one of this machine's own (a socket can bind to it)."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind((ip, 0))
        return True
    except OSError:
        return False


def same_gcs(first: tuple[str, int], second: tuple[str, int], timeout: float = 1.0) -> bool:
    """Whether two (host, port) pairs name the same Ray GCS: the same port, and hosts that share an
    address or are both this machine (``127.0.0.1``, ``localhost``, its own IP: only one GCS can listen
    on a port of one machine). ``ray job submit`` names the head by its IP in ``RAY_ADDRESS`` where the
    user may have said ``127.0.0.1`` or a host name."""
    if first[1] != second[1]:
        return False
    if first[0] == second[0]:
        return True
    ours, theirs = _addresses_of(first[0], timeout), _addresses_of(second[0], timeout)
    if ours & theirs:
        return True
    return bool(ours and theirs) and all(_of_this_machine(ip) for ip in ours | theirs)


def probe(host: str, port: int, timeout: float = PROBE_SECONDS) -> str | None:
    """None if a TCP connection to host:port opens within ``timeout`` seconds, else why not."""
    result: list = []

    def attempt():  # getaddrinfo has no timeout of its own: run it in a thread we can stop waiting for
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result.append(None)
        except socket.gaierror:
            result.append(f"unknown host {host!r}")
        except OSError as exc:
            result.append(exc.strerror or type(exc).__name__)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(timeout + 0.5)
    return result[0] if result else f"no answer within {timeout:.0f} s"


def _init_with_deadline(ray, label: str, deadline: float = CONNECT_SECONDS, **kwargs) -> None:
    """``ray.init`` with a deadline: it runs in a daemon thread, so a cluster that accepts the TCP
    connection but never answers costs ``deadline`` seconds, not Ray's minutes of retries."""
    import logging

    outcome: list = []
    # ray.init warns that it cannot set its SIGTERM handler outside the main thread: expected here
    ray_worker_log = logging.getLogger("ray._private.worker")
    quiet = _DropMessage("SIGTERM handler is not set")
    ray_worker_log.addFilter(quiet)

    def attempt():
        try:
            address = kwargs.get("address")
            if address and address not in ("auto", "local") and token_refused(address):
                raise ray.exceptions.AuthenticationError("InvalidAuthToken")
            ray.init(**kwargs)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            outcome.append(exc)

    thread = threading.Thread(target=attempt, name="discover-ray-init", daemon=True)
    thread.start()
    thread.join(deadline)
    ray_worker_log.removeFilter(quiet)
    if not outcome:
        raise RuntimeFailure(f"{label}: Ray did not connect within {deadline:.0f} s "
                             "(is it the GCS port of a Ray head, `ray start --head --port`?)")
    if outcome[0] is not None:
        raise _connect_failure(label, outcome[0])


class _DropMessage:
    """A logging filter that drops records starting with ``prefix``."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def filter(self, record) -> bool:
        return not str(record.msg).startswith(self.prefix)


def _connect_failure(label: str, exc: BaseException) -> RuntimeFailure:
    name = type(exc).__name__
    text = " ".join(str(exc).split())
    if "AuthenticationError" in name or "InvalidAuthToken" in text or "auth" in text.lower() and "token" in text.lower():
        return RuntimeFailure(f"{label}: the cluster refused our Ray auth token (RAY_AUTH_TOKEN, "
                              "RAY_AUTH_TOKEN_PATH or ~/.ray/auth_token must hold the token of that cluster)")
    return RuntimeFailure(f"{label}: cannot start or reach Ray: {name}: {text[:300]}")


def check_address(address: str) -> None:
    """InputError unless ``address`` has the form of a Ray address (checked before anything runs)."""
    from discover.errors import InputError

    if address == "auto":
        return
    try:
        split_address(address)
    except ValueError:
        raise InputError(f"--ray-address {address}: expected HOST:PORT of the Ray head (its GCS port, 6379 "
                         "by default), `auto`, or ray://HOST:PORT") from None


def connect(address: str | None, workers: int | None, shipped: dict) -> Connection:
    """Join (or start) the cluster for a run; see the module docstring for which cluster. Which one is
    said on stderr unless the user named it. A cluster named by address, or `discover ray up` with other
    machines joined, gets ``shipped`` as the job's runtime environment (the code for its nodes); this
    machine's own instances alone (private, or `discover ray up`) get the driver's import path instead,
    which costs workers no second start-up."""
    for knob, value in RAY_ENV_KNOBS.items():
        os.environ.setdefault(knob, value)
    address = address or os.environ.get("RAY_ADDRESS") or None
    if address and address != "auto":  # fail before paying for `import ray`
        check_address(address)
        problem = probe(*split_address(address))
        if problem is not None:
            raise RuntimeFailure(f"--ray-address {address}: no Ray cluster reachable there ({problem})")
    state = None if address else read_local_state()
    if state is not None:  # before Ray reads its configuration, at import
        os.environ.setdefault("RAY_AUTH_MODE", state.get("auth_mode", "token"))
    import ray

    if ray.is_initialized():  # the caller (a library user, a test) connected already
        return Connection(None, False, False, "the Ray instance this process is connected to")
    quiet = {"log_to_driver": False, "configure_logging": False, "job_config": _driver_path_job()}

    if address:
        label = f"--ray-address {address}"
        _init_with_deadline(ray, label, address=address, log_to_driver=False, configure_logging=False,
                            runtime_env=shipped or None)
        return Connection(address, True, False, f"the Ray cluster at {address}", bool(shipped))

    if state is not None:
        label = f"the local Ray instance of `discover ray up` ({state['address']})"
        _say(f"discover: using {label}")
        ship = alive_nodes(ray, state["address"]) != 1  # machines joined its head: ship the code
        if not ship:  # only its own head: this machine, no shipping
            _init_with_deadline(ray, label, address=state["address"], **quiet)
        else:
            _init_with_deadline(ray, label, address=state["address"], log_to_driver=False,
                                configure_logging=False, runtime_env=shipped or None)
        return Connection(state["address"], True, False, label, ship and bool(shipped))

    _say("discover: starting a private local Ray instance for this run (10-20 s; `discover ray up` "
         "keeps one running between commands, --ray-address attaches to a cluster)")
    # In this thread, not under a deadline: Ray's processes die with the thread that started them
    # (PR_SET_PDEATHSIG), and nothing remote can hang here.
    try:
        ray.init(address="local", num_cpus=workers, include_dashboard=False,
                 object_store_memory=256 * 1024 * 1024, **quiet)
    except Exception as exc:  # noqa: BLE001 - one line for the user
        raise _connect_failure("a private local Ray instance", exc) from None
    return Connection(None, True, True, "a private local Ray instance")


def alive_nodes(ray, address: str) -> int:
    """How many nodes of the cluster at ``address`` are alive (2 when that cannot be told: ship then)."""
    try:
        nodes = ray._raylet.GcsClient(address=address).get_all_node_info(timeout=5)
        return sum(1 for node in nodes.values() if node.state == 0)  # GcsNodeInfo.ALIVE
    except Exception:  # noqa: BLE001
        return 2


def gcs_of(ray, connection: Connection) -> tuple[str, int] | None:
    """(host, port) of the GCS a joined connection talks to, to watch it; None for a private instance
    (it dies with this process anyway) or when it cannot be told."""
    if connection.address and connection.address != "auto":
        return split_address(connection.address)
    if connection.private:
        return None
    try:
        return split_address(ray.get_runtime_context().gcs_address)
    except Exception:  # noqa: BLE001 - no probe then; Ray's own timeouts still apply
        return None


def _driver_path_job():
    """A job whose workers put the driver's import path (not site-packages: theirs is their own) on
    ``sys.path``, as no runtime environment: a runtime environment costs every worker a second Python
    start-up (Ray's setup_worker), seconds per command on a busy machine."""
    import site

    from ray.job_config import JobConfig

    system = set(site.getsitepackages() + [site.getusersitepackages()])
    paths = [p for p in sys.path if p and os.path.isdir(p) and p not in system and "site-packages" not in p
             and not p.startswith(sys.base_prefix)]
    return JobConfig(_py_driver_sys_path=paths)


def token_refused(address: str) -> bool:
    """True if the GCS at ``address`` (host:port) rejects this process's auth token. A bare GCS client
    learns that in milliseconds; ``ray.init`` would retry for about 20 s and then not say why. Ray's C++
    log line about it is kept off the terminal: the caller says it in one line."""
    import ray

    if "://" in address:
        return False
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            try:
                ray._raylet.GcsClient(address=address)
            except ray.exceptions.AuthenticationError:
                return True
            except Exception:  # noqa: BLE001 - anything else is ray.init's to report
                return False
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    return False


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
