"""Ray nodes on this machine started with ``ray start``, each in a process session of its own.

``discover ray up`` keeps one head between commands (its record: :func:`~discover.runner.ray_cluster.
local_state_path`), so a ``--backend ray`` command attaches in well under a second instead of starting
a private instance (10-20 s). ``discover ray down`` stops exactly the processes of that session, never
``ray stop`` (which stops every Ray instance of the machine, other users' included).

Every port a node opens is chosen free (the head's GCS port may be given), so a node never clashes with
another Ray on the same machine.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from discover.errors import InputError, RuntimeFailure
from discover.runner.ray_cluster import local_state_path, probe, read_local_state

START_SECONDS = 180.0


def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports free on this machine right now."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _ray_executable() -> str:
    beside = Path(sys.executable).with_name("ray")
    return str(beside) if beside.exists() else "ray"


def start_node(temp_dir: str, num_cpus: int | None, head_port: int | None = None, join: str | None = None,
               env: dict | None = None, object_store_bytes: int | None = None,
               dashboard: bool = False) -> int:
    """``ray start`` a head (``head_port``) or a node joining ``join``, in a new process session; return
    the session id (the process group of every Ray process of that node). Raises RuntimeFailure with
    Ray's last line if it does not start."""
    # drawn together and without the head's port: ports drawn in two calls can repeat (each call closes
    # its sockets), and Ray refuses a node whose components share a port
    node, objects, agent, agent_grpc, env_agent, metrics = [p for p in free_ports(7) if p != head_port][:6]
    args = [_ray_executable(), "start", "--temp-dir", temp_dir, "--disable-usage-stats",
            "--node-manager-port", str(node), "--object-manager-port", str(objects),
            "--dashboard-agent-listen-port", str(agent), "--dashboard-agent-grpc-port", str(agent_grpc),
            "--runtime-env-agent-port", str(env_agent), "--metrics-export-port", str(metrics)]
    if head_port is not None:
        args += ["--head", "--port", str(head_port), f"--include-dashboard={str(dashboard).lower()}"]
    else:
        args += ["--address", join]
    if num_cpus is not None:
        args += ["--num-cpus", str(num_cpus)]
    if object_store_bytes:
        args += ["--object-store-memory", str(object_store_bytes)]
    environment = {**os.environ, **(env or {})}
    environment.pop("RAY_ADDRESS", None)
    proc = subprocess.Popen(args, env=environment, start_new_session=True, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _, err = proc.communicate(timeout=START_SECONDS)
    except subprocess.TimeoutExpired:
        stop_session(proc.pid)
        raise RuntimeFailure(f"ray start did not finish within {START_SECONDS:.0f} s") from None
    if proc.returncode != 0:
        stop_session(proc.pid)
        last = [line for line in err.splitlines() if line.strip()][-1:] or ["(no message)"]
        raise RuntimeFailure(f"ray start failed: {last[0].strip()}")
    return proc.pid


def stop_session(session: int, grace: float = 3.0) -> None:
    """Stop every process of a node's session: SIGTERM, then SIGKILL after ``grace`` seconds."""
    try:
        os.killpg(session, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(session, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    try:
        os.killpg(session, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _session_runs_ray(session: int, temp_dir: str) -> bool:
    """True if a process of process group ``session`` is a Ray process of ``temp_dir`` (a stale record's
    group id may belong to someone else by now)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) == session and temp_dir in (entry / "cmdline").read_text():
                return True
        except (OSError, ProcessLookupError):
            continue
    return False


def _token_configured() -> bool:
    """Whether this process has a Ray auth token where Ray looks: RAY_AUTH_TOKEN, the file at
    RAY_AUTH_TOKEN_PATH, or ~/.ray/auth_token."""
    if os.environ.get("RAY_AUTH_TOKEN", "").strip():
        return True
    path = os.environ.get("RAY_AUTH_TOKEN_PATH") or os.path.join(os.path.expanduser("~"), ".ray", "auth_token")
    try:
        return bool(Path(path).read_text().strip())
    except OSError:
        return False


def ensure_token() -> str | None:
    """Under token authentication with no token configured, have Ray write one (``ray get-auth-token
    --generate``: ~/.ray/auth_token, where every later Ray process of this user finds it) and return its
    path; None when nothing was needed. Ray 2.60's ``ray start --head`` refuses to start a token cluster
    without one, so on a fresh machine `discover ray up` would otherwise fail."""
    if os.environ.get("RAY_AUTH_MODE", "token") != "token" or _token_configured():
        return None
    proc = subprocess.run([_ray_executable(), "get-auth-token", "--generate"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=START_SECONDS)
    if proc.returncode != 0 or not _token_configured():
        last = [line for line in proc.stderr.splitlines() if line.strip()][-1:] or ["(no message)"]
        raise RuntimeFailure(f"ray get-auth-token --generate failed: {last[0].strip()}")
    return os.environ.get("RAY_AUTH_TOKEN_PATH") or "~/.ray/auth_token"


def up(num_cpus: int | None = None, port: int | None = None, dashboard: bool = False) -> dict:
    """Start the local head of ``discover ray up`` (or return the running one's record); a token is
    generated first where token authentication needs one (:func:`ensure_token`)."""
    state = read_local_state()
    if state is not None:
        return {**state, "already": True}
    if port is not None and probe("127.0.0.1", port, timeout=1.0) is None:
        raise InputError(f"--port {port}: something is listening there already")
    generated = ensure_token()
    port = port or free_ports(1)[0]
    # a temp dir of its own: Ray keeps its sessions and `ray_current_cluster` there
    temp_dir = os.path.join(tempfile.gettempdir(), f"discover-ray-{os.getuid()}-{port}")
    # token authentication, as Ray's default for a new cluster; the runner joins with the same mode
    session = start_node(temp_dir, num_cpus, head_port=port, env={"RAY_AUTH_MODE": os.environ.get(
        "RAY_AUTH_MODE", "token")}, dashboard=dashboard)
    state = {"address": f"127.0.0.1:{port}", "session": session, "temp_dir": temp_dir,
             "auth_mode": os.environ.get("RAY_AUTH_MODE", "token"), "num_cpus": num_cpus,
             "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    path = local_state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state))
    return {**state, "token_generated": generated} if generated else state


def down() -> dict | None:
    """Stop the local head of ``discover ray up``; its record, or None if there was none."""
    path = local_state_path()
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    session, temp_dir = state.get("session"), str(state.get("temp_dir"))
    if isinstance(session, int) and session > 1 and _session_runs_ray(session, temp_dir):
        stop_session(session)
    if os.path.basename(temp_dir).startswith("discover-ray-"):  # ours: its sessions' logs go with it
        shutil.rmtree(temp_dir, ignore_errors=True)
    path.unlink(missing_ok=True)
    return state
