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

import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from discover.runner.engine import Shard, ShardResult
from discover.runner.outcome import ShardOutcome, run_one
from discover.runner.state import code_stamp, process_alive as _alive

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


def read_state() -> dict | None:
    from discover.runner.state import read_record

    return read_record(warm_dir() / "warm.json")


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

    from discover.runner.state import listen

    for module in preload_modules():
        try:
            importlib.import_module(module)
        except Exception as exc:  # noqa: BLE001 - a module that cannot load is loaded by its command instead
            print(f"discover warm: not preloaded: {module}: {type(exc).__name__}: {exc}", file=sys.stderr)
    listener = listen(directory, "warm", {})
    socket_path = directory / "warm.sock"

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
    from discover.runner.state import running_record

    return running_record(read_state())


def up() -> dict:
    """Start the pool (or find the running one); wait until it answers."""
    from discover.runner.state import start_server

    running = status()
    if running is not None and not running["stale"]:
        return {**running, "already": True}
    if running is not None:  # older code: replace it
        down()
    directory = warm_dir()
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    (directory / "warm.json").unlink(missing_ok=True)

    def answers(pid: int) -> dict | None:
        session = connect(for_commands=False)  # the pool answers, whether commands here use it or not
        if session is None:
            return None
        session.close()
        return {**read_state(), "already": False}

    return start_server("discover.runner.warm", ["serve", str(directory)], directory, "warm.log", answers,
                        START_SECONDS, "warm pool")


def down() -> dict | None:
    """Stop the pool and the children serving commands now (those commands run their shards themselves)."""
    from discover.runner.state import stop_server

    state = read_state()
    if state is None:
        return None
    stop_server(int(state["pid"]), b"discover.runner.warm")
    for name in ("warm.json", "warm.sock"):
        (warm_dir() / name).unlink(missing_ok=True)
    return state


if __name__ == "__main__":  # the server: python -m discover.runner.warm serve DIR
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(Path(sys.argv[2]))
