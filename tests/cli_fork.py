"""Run ``discover`` commands in children of tests/cli_fork_server.py (see its docstring for why and how).

One server serves the whole test run: started at the first command, stopped by its PID when the run ends.
``DISCOVER_TEST_FORK=0`` switches it off: every command is then a fresh ``python -m cli.main``.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

DISCOVER = [sys.executable, "-m", "cli.main"]


def enabled() -> bool:
    return os.environ.get("DISCOVER_TEST_FORK", "1") != "0"


class ForkServer:
    """One server process (tests/cli_fork_server.py) and the way to send it a command."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="discover-fork-")
        self.socket = os.path.join(self.folder, "socket")
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("cli_fork_server.py")),
                                      self.socket], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        ready = self.proc.stdout.readline()
        if ready.strip() != b"ready":
            raise RuntimeError(f"the fork server did not start: {ready!r}")
        atexit.register(self.stop)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def run(self, args: list[str], env: dict, cwd: str, stdin: bytes | None, timeout: float):
        """(exit status, stdout bytes, stderr bytes); subprocess.TimeoutExpired past ``timeout`` (the command
        killed), as subprocess.run."""
        with tempfile.TemporaryDirectory(dir=self.folder) as files:
            paths = {name: os.path.join(files, name) for name in ("stdin", "stdout", "stderr")}
            for name in ("stdout", "stderr"):
                open(paths[name], "wb").close()
            if stdin is not None:
                Path(paths["stdin"]).write_bytes(stdin)
            request = {"argv": list(args), "env": env, "cwd": cwd, "stdin": paths["stdin"] if stdin is not None
                       else None, "stdout": paths["stdout"], "stderr": paths["stderr"]}
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.connect(self.socket)
                stream = conn.makefile("rwb")
                stream.write(json.dumps(request).encode() + b"\n")
                stream.flush()
                pid = json.loads(stream.readline())["pid"]
                conn.settimeout(timeout)
                try:
                    status = json.loads(stream.readline())["status"]
                except (socket.timeout, TimeoutError):
                    os.kill(pid, signal.SIGKILL)
                    raise subprocess.TimeoutExpired(DISCOVER + list(args), timeout) from None
            return status, Path(paths["stdout"]).read_bytes(), Path(paths["stderr"]).read_bytes()


_server: ForkServer | None = None


def run_forked(args: list[str], env: dict, cwd: str, stdin: bytes | None = None, timeout: float = 60):
    """``discover ARGS`` in a child of the fork server: (exit status, stdout bytes, stderr bytes)."""
    global _server
    if _server is None or _server.proc.poll() is not None:
        _server = ForkServer()
    return _server.run(args, env, cwd, stdin, timeout)
