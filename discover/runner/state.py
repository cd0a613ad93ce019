"""Where discover keeps what outlives a command on this machine (the local Ray instance and its driver,
the warm pool), and the checks a command makes before it trusts such a long-lived process."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_state_path(override_variable: str, *parts: str) -> Path:
    """``$override_variable`` if set, else ``parts`` under ``$XDG_STATE_HOME/discover`` (default
    ``~/.local/state/discover``)."""
    override = os.environ.get(override_variable)
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base, "discover", *parts)


def code_stamp() -> str:
    """What a long-lived process's code must equal for a command to use it: the environment
    (``sys.prefix``), the package's folder and version, and the newest modification time (and count) of
    its Python files. Editing any file of the package makes a running process stale, so it is never used
    with code older than the command's."""
    import discover

    root = Path(discover.__file__).parent
    newest, count = 0, 0
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(entry.path)
                elif entry.name.endswith(".py"):
                    newest = max(newest, entry.stat().st_mtime_ns)
                    count += 1
    return f"{sys.prefix}|{root}|{discover.__version__}|{count}|{newest}"


def process_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, killed but not yet reaped by its parent, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def process_runs(pid: int, marker: bytes) -> bool:
    """Whether ``pid`` runs a command line containing ``marker`` (so that stopping a recorded server
    never signals an unrelated process that reused the number)."""
    try:
        return marker in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return process_alive(pid)


def start_server(module: str, args: list[str], directory: Path, log_name: str, answers, seconds: float,
                 what: str, env: dict | None = None) -> dict:
    """Start ``python -m module *args`` in a process session of its own, working in ``directory`` (its
    output to ``directory/log_name``), and wait until ``answers(pid)`` returns its record (not None); RuntimeFailure with
    the log's last line if it exits, or if ``seconds`` pass first (it is killed then)."""
    import subprocess
    import time

    from discover.errors import RuntimeFailure

    log_path = directory / log_name
    with open(log_path, "ab") as log:
        process = subprocess.Popen([sys.executable, "-m", module, *args], stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=log, start_new_session=True, cwd=str(directory), env=env)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            lines = [ln for ln in log_path.read_text(errors="replace").splitlines() if ln.strip()]
            raise RuntimeFailure(f"the {what} did not start (exit {process.returncode}): "
                                 f"{lines[-1].strip() if lines else 'no message'} (log: {log_path})")
        record = answers(process.pid)
        if record is not None:
            return record
        time.sleep(0.2)
    process.kill()
    raise RuntimeFailure(f"the {what} did not answer within {seconds:.0f} s; see {log_path}")


def stop_server(pid: int, marker: bytes, grace: float = 5.0) -> None:
    """Stop the server ``pid`` (which leads its own process session: it and its children) if it still
    runs ``marker``: SIGTERM, then SIGKILL after ``grace`` seconds."""
    import signal
    import time

    if not (process_alive(pid) and process_runs(pid, marker)):
        return
    try:
        os.killpg(pid, signal.SIGTERM)
    except OSError:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if process_alive(pid):
        os.kill(pid, signal.SIGKILL)


def read_record(path: Path) -> dict | None:
    """The JSON record a server wrote at ``path`` (its ``pid``, ``key`` and ``code`` checked), or None."""
    import json

    try:
        state = json.loads(path.read_text())
        int(state["pid"]), bytes.fromhex(state["key"]), str(state["code"])
        return state
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running_record(state: dict | None) -> dict | None:
    """``state`` if its server runs, with ``stale`` when its code is not this command's; else None."""
    if state is None or not process_alive(int(state["pid"])):
        return None
    state["stale"] = state["code"] != code_stamp()
    return state


def listen(directory: Path, name: str, record: dict):
    """A server's Unix socket ``directory/name.sock`` (the directory mode 0700, the socket 0600) whose
    connections must answer a challenge with a fresh random key, and its record ``directory/name.json``
    (mode 0600, written whole): ``record`` plus ``pid``, ``key``, ``code`` and ``socket``. Returns the
    listener."""
    import json
    import secrets
    from multiprocessing.connection import Listener

    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    socket_path = directory / f"{name}.sock"
    socket_path.unlink(missing_ok=True)
    key = secrets.token_bytes(32)
    listener = Listener(str(socket_path), family="AF_UNIX", authkey=key)
    os.chmod(socket_path, 0o600)
    state = {"pid": os.getpid(), "key": key.hex(), "code": code_stamp(), "socket": str(socket_path), **record}
    part = directory / f"{name}.json.part"
    part.touch(mode=0o600)
    part.write_text(json.dumps(state))
    part.replace(directory / f"{name}.json")
    return listener
