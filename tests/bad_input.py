"""The bad-input contract, checked on a real process: one line, exit 2, no traceback, store unchanged, quickly.

Every engine's ``test_bad_input.py`` feeds its table of hostile inputs through :func:`assert_refused`.
The command runs as a user runs it (a subprocess of the installed CLI) against a copy of a store that
already holds a run, so "store unchanged" is a byte comparison of the whole SQLite file and its WAL.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from pathlib import Path

import cli_fork

DISCOVER = cli_fork.DISCOVER  # a fresh `python -m cli.main`


def store_digest(path: str | os.PathLike) -> str:
    """SHA-256 over the store file and its WAL/SHM siblings (absent ones count as empty)."""
    h = hashlib.sha256()
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        h.update(suffix.encode())
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()


def run_cli(args: list[str], store: str | None = None, timeout: float = 60, cwd: str | None = None,
            stdin: bytes | None = None) -> tuple[int, str, str, float]:
    """Run ``discover ARGS`` as a process; returns (exit status, stdout, stderr, seconds). The process is a
    child of the fork server (:func:`cli_fork.run_forked`) unless ``DISCOVER_TEST_FORK=0``."""
    env = dict(os.environ)
    if store is not None:
        env["DISCOVER_STORE"] = store
    start = time.perf_counter()
    if cli_fork.enabled():
        code, out, err = cli_fork.run_forked(args, env, cwd or os.getcwd(), stdin, timeout)
    else:
        proc = subprocess.run(DISCOVER + list(args), capture_output=True, timeout=timeout, cwd=cwd, env=env,
                              input=stdin)
        code, out, err = proc.returncode, proc.stdout, proc.stderr
    return code, out.decode(errors="replace"), err.decode(errors="replace"), time.perf_counter() - start


def assert_refused(args: list[str], needle: str, store: str, timeout: float = 30, status: int = 2,
                   cwd: str | None = None) -> str:
    """``discover ARGS`` must exit with ``status`` (2: bad input) within ``timeout`` seconds, print exactly
    one line ``discover: error: ...`` on stderr that contains ``needle`` (the input it names), nothing on
    stdout, no traceback, and leave ``store`` byte-for-byte unchanged. Returns the error line."""
    before = store_digest(store)
    code, out, err, _ = run_cli(args, store=store, timeout=timeout, cwd=cwd)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == status, f"{args}: exit {code}, stderr {err!r}"
    assert len(lines) == 1, f"{args}: expected one line on stderr, got {lines!r}"
    assert lines[0].startswith("discover: error:"), f"{args}: {lines[0]!r}"
    assert "Traceback" not in err
    assert needle.lower() in lines[0].lower(), f"{args}: {needle!r} not named in {lines[0]!r}"
    assert out == "", f"{args}: stdout should be empty, got {out!r}"
    assert store_digest(store) == before, f"{args}: the store changed"
    return lines[0]
