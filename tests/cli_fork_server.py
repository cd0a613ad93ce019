"""A server that runs ``discover`` commands for the tests in forked children of one loaded interpreter.

Why: the bad-input tables start several hundred commands, and a fresh ``python -m cli.main`` spends about
0.15 s starting Python and importing the CLI and the engine modules before it reads its arguments. The
server imports them once; each command then runs in a child forked from it, which is still a real process
with its own exit status, file descriptors, working directory and environment, so a test sees what a user
sees (one line on stderr, exit 2, no traceback), minus the start-up.

Protocol (one command per connection on a Unix socket): the client sends one JSON line ``{"argv", "env",
"cwd", "stdin", "stdout", "stderr"}`` (the last three file paths, ``stdin`` may be null); the server forks,
answers ``{"pid": PID}`` at once (so the client can kill a command past its time-out), then ``{"status": S}``
(the exit status, or minus the signal that ended the child) when the child is gone. The server runs one
command at a time and no thread, so forking is safe. ``tests/bad_input.py`` starts it; run it by hand with
``python tests/cli_fork_server.py SOCKET``.
"""

from __future__ import annotations

import importlib
import json
import os
import runpy
import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def preload() -> None:
    """Import what a command imports before it reads its arguments: the CLI's modules and every engine and
    kernel module (the warm pool's list). ``cli.main`` itself is imported for its imports and then forgotten,
    so that each child runs it as ``__main__`` exactly as ``python -m cli.main`` does (runpy warns when the
    module is already loaded)."""
    sys.path.insert(0, str(REPO))
    import cli
    import cli.main  # noqa: F401
    from discover.runner.warm import preload_modules

    for name in preload_modules():
        importlib.import_module(name)
    del sys.modules["cli.main"]
    delattr(cli, "main")


def run_child(request: dict) -> None:
    """In the forked child: take the command's directory, environment and files and run ``cli.main`` as
    ``__main__``. The child never returns to the server's loop: the command's SystemExit (or any other
    exception) unwinds to the top of this script, and the interpreter ends the process as it ends a fresh
    one (the status, a traceback, the exit handlers)."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    stdin = os.open(request["stdin"] or os.devnull, os.O_RDONLY)
    stdout = os.open(request["stdout"], os.O_WRONLY | os.O_TRUNC)
    stderr = os.open(request["stderr"], os.O_WRONLY | os.O_TRUNC)
    for fd, target in ((stdin, 0), (stdout, 1), (stderr, 2)):
        os.dup2(fd, target)
        os.close(fd)
    sys.argv = ["-m"] + list(request["argv"])
    runpy.run_module("cli.main", run_name="__main__", alter_sys=True)
    sys.exit(0)


def serve(path: str) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    print("ready", flush=True)
    while True:
        conn, _ = server.accept()
        with conn:
            stream = conn.makefile("rwb")
            line = stream.readline()
            if not line:
                continue
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                server.close()
                conn.close()
                run_child(request)
            try:
                stream.write(json.dumps({"pid": pid}).encode() + b"\n")
                stream.flush()
            except OSError:
                pass
            _, wait_status = os.waitpid(pid, 0)
            status = os.waitstatus_to_exitcode(wait_status)
            try:
                stream.write(json.dumps({"status": status}).encode() + b"\n")
                stream.flush()
            except OSError:
                pass


if __name__ == "__main__":
    preload()
    serve(sys.argv[1])
