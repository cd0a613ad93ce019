"""The warm pool: one process kept between commands with Numba and the kernel modules loaded.

A command whose shards run a Numba kernel pays Numba's start-up every time: importing Numba and filling
its typing and target contexts is about 0.5 s of CPU before the first kernel runs, however small the
work. ``discover warm up`` starts a server that pays it once; while it is up, the local backend sends
each shard to it instead of running it in the command's own process, and the command itself never
imports Numba.

How it works:

* The server listens on a Unix socket in a directory only this user can open (mode 0700), and every
  connection must answer a challenge with a random key kept in the same directory (mode 0600), so only
  this user's processes can send it work (shards and their results are pickled).
* For each connection the server forks a child that has everything loaded, runs the shards it is sent
  one after another and answers each with its outcome. The server itself never runs a kernel, so no
  Numba thread exists when it forks.
* A child takes the command's working directory and environment, so relative paths and settings read
  from the environment mean what they mean in the command (the thread count Numba read at start-up is
  the server's).
* A child ends with its command: it exits when the connection closes or the command's process is gone
  (polled twice a second), so Ctrl-C or a killed command never leaves work running.
* The pool is used only when it runs the same code as the command (:func:`code_stamp`: the package's
  files and the interpreter); otherwise, or when it does not answer, the command runs its shards itself,
  as it would without the pool. A shard whose child dies is run again in the command's process.

``DISCOVER_WARM_DIR`` moves the directory (default ``$XDG_STATE_HOME/discover/warm``), and
``DISCOVER_WARM=0`` makes a command ignore the pool.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import ShardOutcome, run_one

CONNECT_SECONDS = 5.0  # a server that does not greet within this is taken as not there
START_SECONDS = 180.0  # `warm up` waits this long for the server to load everything
POLL_SECONDS = 0.5


def preload_modules() -> list[str]:
    """What the server imports before it serves: every module of the package with a Numba kernel (a
    module-level ``import numba`` / ``from numba``; importing them fills Numba's contexts through
    :mod:`discover.kernels.numba_start`) and every engine of :data:`~discover.runner.engine.ENGINE_REFS`."""
    import re

    import discover
    from discover.runner.engine import ENGINE_REFS

    root = Path(discover.__file__).parent
    uses_numba = re.compile(r"^(import numba\b|from numba\b)", re.M)
    kernels = sorted(".".join(("discover",) + path.relative_to(root).with_suffix("").parts)
                     for path in root.rglob("*.py") if uses_numba.search(path.read_text(encoding="utf-8")))
    return ["discover.kernels.numba_start"] + kernels + sorted({ref.partition(":")[0] for ref in ENGINE_REFS.values()})


def warm_dir() -> Path:
    from discover.runner.state import user_state_path

    return user_state_path("DISCOVER_WARM_DIR", "warm")


def code_stamp() -> str:
    """What the pool's code must equal for a command to use it: the environment (``sys.prefix``), the
    package's folder and version, and the newest modification time (and count) of its Python files. Editing any file of the
    package makes a running pool stale, so it is never used with code older than the command's."""
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


def read_state() -> dict | None:
    try:
        state = json.loads((warm_dir() / "warm.json").read_text())
        int(state["pid"]), bytes.fromhex(state["key"]), str(state["code"])
        return state
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
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


def _is_server(pid: int) -> bool:
    """Whether ``pid`` is a warm-pool server (so that ``down`` never signals an unrelated process that
    reused the number)."""
    try:
        return b"discover.runner.warm" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return _alive(pid)


# --- the command's side ---------------------------------------------------------------------------------

class Session:
    """One connection to the pool: a forked child that runs this command's shards in turn."""

    def __init__(self, conn, child: int):
        self.conn = conn
        self.child = child
        self.shard: Shard | None = None

    def send(self, run_shard, spec, shard: Shard) -> None:
        self.shard = shard
        self.conn.send(("shard", run_shard, spec, shard))

    def receive(self) -> ShardOutcome:
        kind, value = self.conn.recv()
        self.shard = None
        if kind != "outcome":
            raise OSError(value)
        return value

    def close(self, stop: bool = False) -> None:
        if stop:  # left early: the shard in flight is not wanted
            try:
                os.kill(self.child, 15)
            except OSError:
                pass
        try:
            self.conn.close()
        except OSError:
            pass


def connect(for_commands: bool = True) -> Session | None:
    """A session with the pool, or None (no pool, a stale one, another code, or no answer in time; and,
    ``for_commands``, when ``DISCOVER_WARM=0`` tells commands not to use it)."""
    if for_commands and os.environ.get("DISCOVER_WARM", "1") == "0":
        return None
    state = read_state()
    if state is None or state["code"] != code_stamp():
        return None
    from multiprocessing.connection import Client

    try:
        conn = Client(str(warm_dir() / "warm.sock"), family="AF_UNIX", authkey=bytes.fromhex(state["key"]))
        conn.send(("hello", os.getpid(), os.getcwd(), dict(os.environ)))
        if not conn.poll(CONNECT_SECONDS):
            conn.close()
            return None
        kind, child = conn.recv()
    except (OSError, EOFError, ValueError, Exception):  # noqa: BLE001 - any failure: run without the pool
        return None
    return Session(conn, int(child)) if kind == "ready" else None


def run_warm(first: Session, run_shard: Callable[[Any, Shard], ShardResult], spec: Any, shards: list[Shard],
             workers: int) -> Iterator[ShardOutcome]:
    """Run ``shards`` on up to ``workers`` sessions of the pool (``first`` already open), yielding outcomes
    as they arrive. A shard whose session breaks is run again in this process."""
    from multiprocessing.connection import wait

    queue = list(reversed(shards))
    sessions = [first]
    while len(sessions) < min(workers, len(shards)):
        more = connect()
        if more is None:
            break
        sessions.append(more)
    busy: dict[Any, Session] = {}
    leftover: list[Shard] = []
    finished = False
    try:
        for session in sessions:
            if queue:
                _send(session, run_shard, spec, queue, busy, leftover)
        while busy:
            for conn in wait(list(busy), timeout=POLL_SECONDS):
                session = busy.pop(conn)
                shard = session.shard
                try:
                    outcome = session.receive()
                except (OSError, EOFError):
                    session.close()
                    leftover.append(shard)
                    continue
                yield outcome
                if queue:
                    _send(session, run_shard, spec, queue, busy, leftover)
        finished = True
    finally:
        for session in sessions:
            session.close(stop=not finished)
    for shard in leftover + list(reversed(queue)):  # sessions lost: this process runs the rest
        yield run_one(run_shard, spec, shard)


def _send(session: Session, run_shard, spec, queue: list[Shard], busy: dict, leftover: list[Shard]) -> None:
    shard = queue.pop()
    try:
        session.send(run_shard, spec, shard)
        busy[session.conn] = session
    except Exception:  # noqa: BLE001 - unpicklable or a broken connection: this process runs it
        session.close()
        leftover.append(shard)


# --- the server's side ----------------------------------------------------------------------------------

def _watch_client(pid: int) -> None:
    import threading
    import time

    def watch():
        while _alive(pid):
            time.sleep(POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="discover-warm-client-watch", daemon=True).start()


def _serve_session(conn) -> None:
    """In a forked child: greet, then run each shard sent and answer its outcome, until the end."""
    try:
        kind, client, cwd, environ = conn.recv()
        if kind != "hello":
            return
        _watch_client(int(client))
        os.chdir(cwd)  # the command's relative paths and environment (DISCOVER_* settings) hold here too
        os.environ.clear()
        os.environ.update(environ)
        conn.send(("ready", os.getpid()))
        while True:
            try:
                message = conn.recv()
            except EOFError:
                return
            except Exception as exc:  # noqa: BLE001 - e.g. a module the pool cannot import: the command runs it
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
                continue
            _, run_shard, spec, shard = message
            conn.send(("outcome", run_one(run_shard, spec, shard)))
    except (OSError, EOFError):
        return


def serve(directory: Path) -> None:
    """The server: load everything, listen, fork a child per connection."""
    import importlib
    import signal
    import secrets
    from multiprocessing.connection import Listener

    for module in preload_modules():
        try:
            importlib.import_module(module)
        except Exception as exc:  # noqa: BLE001 - a module that cannot load is loaded by its command instead
            print(f"discover warm: not preloaded: {module}: {type(exc).__name__}: {exc}", file=sys.stderr)
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    socket_path = directory / "warm.sock"
    socket_path.unlink(missing_ok=True)
    key = secrets.token_bytes(32)
    listener = Listener(str(socket_path), family="AF_UNIX", authkey=key)
    os.chmod(socket_path, 0o600)
    state = {"pid": os.getpid(), "key": key.hex(), "code": code_stamp(), "socket": str(socket_path)}
    part = directory / "warm.json.part"
    part.touch(mode=0o600)
    part.write_text(json.dumps(state))
    part.replace(directory / "warm.json")

    def stop(*_):
        (directory / "warm.json").unlink(missing_ok=True)
        socket_path.unlink(missing_ok=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    while True:
        try:
            conn = listener.accept()
        except Exception:  # noqa: BLE001 - a failed handshake (wrong key) ends that connection only
            continue
        child = os.fork()
        if child == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            listener.close()
            _serve_session(conn)
            os._exit(0)
        conn.close()


# --- up, down, status -----------------------------------------------------------------------------------

def status() -> dict | None:
    """The running pool's record (with ``stale`` when its code is not this command's), or None."""
    state = read_state()
    if state is None or not _alive(int(state["pid"])):
        return None
    state["stale"] = state["code"] != code_stamp()
    return state


def up() -> dict:
    """Start the pool (or find the running one); wait until it answers."""
    import subprocess
    import time

    from discover.errors import RuntimeFailure

    running = status()
    if running is not None and not running["stale"]:
        return {**running, "already": True}
    if running is not None:  # older code: replace it
        down()
    directory = warm_dir()
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    (directory / "warm.json").unlink(missing_ok=True)
    log = open(directory / "warm.log", "ab")
    process = subprocess.Popen([sys.executable, "-m", "discover.runner.warm", "serve", str(directory)],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
                               cwd=str(directory))
    log.close()
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeFailure(f"the warm pool did not start (exit {process.returncode}); see "
                                 f"{directory / 'warm.log'}")
        session = connect(for_commands=False)  # the pool answers, whether commands here use it or not
        if session is not None:
            session.close()
            return {**read_state(), "already": False}
        time.sleep(0.2)
    process.kill()
    raise RuntimeFailure(f"the warm pool did not answer within {START_SECONDS:.0f} s; see {directory / 'warm.log'}")


def down() -> dict | None:
    """Stop the pool and the children serving commands now (those commands run their shards themselves)."""
    import signal
    import time

    state = read_state()
    if state is None:
        return None
    pid = int(state["pid"])
    if _alive(pid) and _is_server(pid):
        try:
            os.killpg(pid, signal.SIGTERM)  # the server leads its own session: it and its children
        except OSError:
            os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            if not _alive(pid):
                break
            time.sleep(0.1)
    for name in ("warm.json", "warm.sock"):
        (warm_dir() / name).unlink(missing_ok=True)
    return state


if __name__ == "__main__":  # the server: python -m discover.runner.warm serve DIR
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(Path(sys.argv[2]))
