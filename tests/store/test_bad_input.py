"""Hostile inputs to the store and to the commands that read it: one line, the right exit status, no
traceback, and the store (or the foreign file given as a store) byte-for-byte unchanged."""

import os
import sqlite3
import subprocess
import sys

import pytest

from bad_input import DISCOVER, assert_refused, store_digest
from discover.runner import RunOptions, run_search
from toy_engine import ENGINE, ToySpec

HUGE = "99999999999999999999"  # beyond SQLite's 64-bit integers


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A store holding one finished toy run (16 conjectures), and odd files beside it."""
    root = tmp_path_factory.mktemp("store")
    store = str(root / "store.sqlite")
    run_search(ENGINE, ToySpec(limit=30, block=10), RunOptions(store=store, workers=1))
    os.mkfifo(root / "fifo")
    (root / "a_file").write_text("not a folder\n")
    foreign = sqlite3.connect(root / "foreign.sqlite")
    foreign.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    foreign.commit()
    foreign.close()
    (root / "text.sqlite").write_text("hello, not a database\n")
    return root


# (args, needle, status, which file must stay unchanged); {root} is the fixture's folder
CASES = [
    (["results", "list", "--store", ""], "--store ''", 2, "store.sqlite"),
    (["results", "runs", "--store", ""], "--store ''", 2, "store.sqlite"),
    (["chem", "balance", "H2 + O2 -> H2O", "--store", ""], "--store ''", 2, "store.sqlite"),
    (["resume", HUGE], "RUN_ID", 2, "store.sqlite"),
    (["results", "list", "--run", HUGE], "--run", 2, "store.sqlite"),
    (["chem", "balance", "--resume", HUGE], HUGE, 2, "store.sqlite"),
    (["results", "export", "--output", ""], "--output", 2, "store.sqlite"),
    (["results", "export", "--output", "{root}/a_file/sub/x.jsonl"], "--output", 2, "store.sqlite"),
    (["results", "export", "--output", "/proc/discover-test/x.jsonl"], "--output", 2, "store.sqlite"),
    (["results", "export", "--output", "{root}/fifo"], "not a regular file", 2, "store.sqlite"),
    (["results", "export", "--output", "/dev/null"], "/dev/null", 2, "store.sqlite"),
    (["results", "export", "--output", "{root}"], "a folder", 2, "store.sqlite"),
    (["results", "list", "--store", "{root}/foreign.sqlite"], "not a discover results store", 2, "foreign.sqlite"),
    (["results", "show", "abc", "--store", "{root}/foreign.sqlite"], "foreign.sqlite", 2, "foreign.sqlite"),
    (["chem", "balance", "H2 + O2 -> H2O", "--store", "{root}/foreign.sqlite"], "not a discover results store", 2,
     "foreign.sqlite"),
    (["chem", "balance", "H2 + O2 -> H2O", "--store", "{root}/text.sqlite"], "text.sqlite", 2, "text.sqlite"),
    (["results", "list", "--store", "{root}/text.sqlite"], "not a discover results store", 2, "text.sqlite"),
    (["results", "list", "--store", "{root}/missing.sqlite"], "no results store", 1, "store.sqlite"),
    (["chem", "balance", "H2 + O2 -> H2O", "--store", "{root}/a_file/new.sqlite"], "cannot create its folder", 2,
     "store.sqlite"),
    (["results", "list", "--store", "/dev/null"], "not a regular file", 2, "store.sqlite"),
    (["chem", "balance", "H2 + O2 -> H2O", "--store", "{root}/fifo"], "not a regular file", 2, "store.sqlite"),
    (["results", "list", "--store", "a" * 5000], "File name too long", 2, "store.sqlite"),
    (["chem", "balance", "H2 + O2 -> H2O", "--store", "a" * 5000], "File name too long", 2, "store.sqlite"),
    (["results", "export", "--output", "a" * 5000], "File name too long", 2, "store.sqlite"),
    (["results", "show", "%"], "'%'", 2, "store.sqlite"),  # LIKE wildcards are plain text in a key
    (["results", "show", "_"], "'_'", 2, "store.sqlite"),
    (["results", "show", ""], "KEY ''", 2, "store.sqlite"),
]


@pytest.mark.parametrize("args, needle, status, unchanged", CASES, ids=[" ".join(c[0])[:60] for c in CASES])
def test_refused(filled, args, needle, status, unchanged):
    args = [a.replace("{root}", str(filled)) for a in args]
    assert_refused(args, needle, str(filled / unchanged), status=status)
    assert not (filled / "missing.sqlite").exists()
    assert (filled / "fifo").exists() and not (filled / "fifo").is_file()
    assert not [p for p in filled.iterdir() if p.name.endswith(".part")]


def _read_only_mount(folder) -> list[str] | None:
    """A command prefix that runs the rest inside a private mount namespace where ``folder`` is a
    read-only bind mount (a truly read-only file system, which even root cannot write), or None
    when this machine does not allow user namespaces."""
    prefix = ["unshare", "-rm", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]
    try:
        probe = subprocess.run(prefix + ["touch", str(folder / "probe")], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if probe.returncode == 0 or b"Read-only" not in probe.stderr:
        return None
    return prefix


@pytest.mark.parametrize("with_wal_files", [False, True])
def test_reading_commands_work_on_a_read_only_file_system(filled, tmp_path, with_wal_files):
    """``results list/runs/show/export`` on a store whose folder is mounted read-only: SQLite cannot
    create the WAL's shared memory there, so the store is read ``immutable``; with the -wal/-shm files
    present (a writer's leftovers, here empty) it is read ``mode=ro``."""
    folder = tmp_path / "ro"
    folder.mkdir()
    store = folder / "store.sqlite"
    store.write_bytes((filled / "store.sqlite").read_bytes())
    if with_wal_files:
        with sqlite3.connect(store) as db:  # leaves -wal and -shm behind while a second connection is open
            keep = sqlite3.connect(store)
            keep.execute("SELECT 1 FROM runs").fetchall()
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            subprocess.run(["cp", "-a", str(store) + "-shm", str(tmp_path / "shm")], check=True)
        keep.close()
        subprocess.run(["cp", "-a", str(tmp_path / "shm"), str(store) + "-shm"], check=True)
        open(str(store) + "-wal", "wb").close()
    prefix = _read_only_mount(folder)
    if prefix is None:
        if os.geteuid() == 0:
            pytest.skip("no user namespaces here, and chmod does not stop root")
        prefix = []
        os.chmod(store, 0o444)
        os.chmod(folder, 0o555)
    before = store_digest(store)
    out = tmp_path / "out.jsonl"
    try:
        for args, check in (
            (["results", "list", "--json"], lambda text: len(text.splitlines()) == 16),
            (["results", "runs", "--json"], lambda text: '"finished"' in text),
            (["results", "export", "--output", str(out)], lambda text: len(out.read_text().splitlines()) == 16),
        ):
            proc = subprocess.run(prefix + DISCOVER + args + ["--store", str(store)], capture_output=True,
                                  text=True, timeout=60)
            assert proc.returncode == 0, proc.stderr
            assert check(proc.stdout), proc.stdout
    finally:
        os.chmod(folder, 0o755)
    assert store_digest(store) == before
    if prefix:  # a writer is refused there with one line (exit 1: the environment, not the input)
        proc = subprocess.run(prefix + DISCOVER + ["chem", "balance", "H2 + O2 -> H2O", "--store", str(store)],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1 and "cannot be written here" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and store_digest(store) == before


def test_huge_limit_is_no_limit_and_wildcards_select_nothing(filled):
    from bad_input import run_cli

    store = str(filled / "store.sqlite")
    code, out, err, _ = run_cli(["results", "list", "--json", "--limit", HUGE], store=store)
    assert code == 0 and len(out.splitlines()) == 16, err
    code, out, err, _ = run_cli(["results", "list", "--json", "--engine", "%"], store=store)
    assert code == 0 and out == "", err


def test_read_only_store_with_unfinished_writes_is_refused_not_misread(filled, tmp_path):
    """A killed writer can leave commits in the -wal file only. On a read-only file system without the
    -shm, SQLite cannot read that WAL, and ``immutable`` would silently ignore it: one line, exit 1."""
    folder = tmp_path / "ro"
    folder.mkdir()
    store = folder / "store.sqlite"
    source = tmp_path / "src.sqlite"
    source.write_bytes((filled / "store.sqlite").read_bytes())
    db = sqlite3.connect(source, isolation_level=None)
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("UPDATE runs SET command = 'changed'")  # a commit that stays in the WAL
    store.write_bytes(source.read_bytes())
    (folder / "store.sqlite-wal").write_bytes(open(str(source) + "-wal", "rb").read())
    db.close()
    assert (folder / "store.sqlite-wal").stat().st_size > 0
    prefix = _read_only_mount(folder)
    if prefix is None:
        pytest.skip("no user namespaces here")
    proc = subprocess.run(prefix + DISCOVER + ["results", "runs", "--store", str(store)], capture_output=True,
                          text=True, timeout=60)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and "unfinished writes" in lines[0], proc.stderr
