"""The embedded results store (SQLite, WAL mode, one writer: the driver).

Tables: ``runs`` (one row per search), ``shards`` (per-run checkpoint that ``--resume`` reads),
``conjectures`` (one row per canonical key: verified results only) and ``sightings`` (every run and
shard that produced a key, so a re-discovery is recorded without a second conjecture row).

Every finished shard is written in one transaction (its records, its sightings and its status), so a
driver killed at any point leaves either the whole shard or none of it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from discover.errors import InputError, RuntimeFailure
from discover.records import Record, canonical_json
from discover.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_STORE = Path("results") / "discover.sqlite"
# Tables every store has had since schema version 1 (what tells a discover store from a foreign database).
REQUIRED_TABLES = {"runs", "shards", "conjectures"}
SQLITE_MAX_INT = 2**63 - 1


def default_store_path(path: str | os.PathLike | None = None) -> Path:
    """``path`` if given, else ``$DISCOVER_STORE``, else ``results/discover.sqlite`` under the cwd."""
    if path:
        return Path(path)
    env = os.environ.get("DISCOVER_STORE")
    return Path(env) if env else DEFAULT_STORE


def _shown(path: Path) -> str:
    """A path for a one-line message: long ones are cut in the middle."""
    text = str(path)
    return text if len(text) <= 200 else text[:97] + "..." + text[-100:]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class RunRow:
    id: int
    engine: str
    engine_ref: str
    command: str
    spec: dict
    started: str
    finished: str | None
    status: str


@dataclass(frozen=True)
class StoredConjecture:
    """A conjecture row as read back: the record plus its bookkeeping."""

    record: Record
    first_run_id: int
    created_at: str
    times_seen: int
    last_seen_at: str | None

    def to_json(self) -> dict:
        out = self.record.to_json()
        out.update(first_run_id=self.first_run_id, created_at=self.created_at, times_seen=self.times_seen)
        return out


class Store:
    """A results store at ``path``.

    ``create=True`` (the writers: a search, a resume) opens or creates it. Creation is safe when several
    processes start at once on the same new path: the schema is built inside ``BEGIN IMMEDIATE`` and
    the version is read again inside that transaction, so exactly one process builds it.

    ``create=False`` (the readers: ``results``, ``show``) never creates a file and never writes data:
    a writable store is opened with ``PRAGMA query_only`` (SQLite refuses every change, and the
    connection still removes its WAL and shared-memory files on close as any connection does); a store
    that cannot be written (read-only file or file system) is opened ``mode=ro``, and when SQLite
    cannot open the WAL's shared memory there either, ``immutable=1`` (nobody can write the file
    through this path, so there is nothing to lock against; a non-empty WAL left by a killed writer
    would be ignored that way, so that case is refused).

    Either way a database that is not a discover store (an SQLite file with other tables, or not an
    SQLite file) is refused as bad input before anything is written to it.
    """

    def __init__(self, path: str | os.PathLike | None = None, create: bool = True):
        if path is not None and not str(path):
            raise InputError("--store '': an empty path (give a file, or leave --store out)")
        self.path = default_store_path(path)
        self.read_only = not create
        try:
            os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            pass  # a new store (or, for a reader, a missing one): below
        except OSError as exc:  # a name too long, a loop of links, no permission to look
            raise InputError(f"--store {_shown(self.path)}: cannot be used ({exc.strerror or exc})") from None
        if not self.path.exists():
            if not create:
                raise RuntimeFailure(f"no results store at {self.path} (run a search first, or pass --store)")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"--store {self.path}: cannot create its folder {self.path.parent} "
                                 f"({exc.strerror or exc})") from None
        elif not self.path.is_file():
            raise InputError(f"--store {self.path}: not a regular file")
        try:
            self._db = self._connect_for_reading() if self.read_only else self._connect_for_writing()
        except sqlite3.DatabaseError as exc:
            raise RuntimeFailure(f"results store {self.path} is not usable: {exc}") from None

    def _connect_for_writing(self) -> sqlite3.Connection:
        folder = self.path.resolve().parent
        if not os.access(folder, os.W_OK) or (self.path.exists() and not os.access(self.path, os.W_OK)):
            raise RuntimeFailure(f"results store {self.path} cannot be written here (a read-only file or folder); "
                                 "give a writable --store (reading commands still work on this one)")
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._db = db
        new = self._check_identity()  # before the first write: a foreign file stays untouched
        # A new store holds nothing yet, so its creation skips fsync (about 30 ms of a short command): a
        # power cut during it can lose only the empty store. Every later transaction is synchronous=NORMAL.
        db.execute(f"PRAGMA synchronous={'OFF' if new else 'NORMAL'}")
        self._use_wal()
        db.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def _connect_for_reading(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri()
        writable = os.access(self.path, os.W_OK) and os.access(self.path.resolve().parent, os.W_OK)
        if writable:
            self._db = sqlite3.connect(uri + "?mode=rw", uri=True, timeout=30, isolation_level=None)
            self._check_identity()
            if self.version < SCHEMA_VERSION:  # an older store is upgraded in place, as a writer would
                self._use_wal()
                self._migrate()
            self._db.execute("PRAGMA query_only=ON")
            return self._db
        try:
            self._db = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=30, isolation_level=None)
            self._check_identity()
        except sqlite3.OperationalError:  # a WAL store whose -shm cannot be created here
            wal = Path(str(self.path) + "-wal")
            if wal.exists() and wal.stat().st_size:
                raise RuntimeFailure(f"results store {self.path} is read-only and holds unfinished writes "
                                     f"({wal.name}); open it once where it can be written") from None
            self._db = sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)
            self._check_identity()
        if self.version < SCHEMA_VERSION:
            raise RuntimeFailure(f"results store {self.path} has schema version {self.version} and is read-only; "
                                 f"open it once where it can be written to upgrade it to {SCHEMA_VERSION}")
        return self._db

    def _use_wal(self, patience: float = 30.0) -> None:
        """Switch the file to WAL mode (a no-op once it is). SQLite answers "database is locked" at once,
        without waiting, when another process holds a lock during the switch (several processes opening
        a new store together), so the switch is retried until ``patience`` seconds have passed."""
        deadline = time.monotonic() + patience
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    # -- schema -----------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _check_identity(self) -> bool:
        """Refuse (bad input, exit 2) a file that is not a discover store: not SQLite at all, or an SQLite
        database with tables but without discover's schema. An empty database is a new store (for a
        writer: returns True) or an empty one (a reader: runtime failure, as for a missing store)."""
        try:
            self._db.execute("BEGIN")  # one snapshot: another process may be building the schema right now
            try:
                version = self.version
                names = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            finally:
                self._db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise InputError(f"--store {self.path}: not a discover results store ({exc})") from None
            raise
        if version > SCHEMA_VERSION:
            raise RuntimeFailure(
                f"results store {self.path} has schema version {version}, newer than this discover "
                f"({SCHEMA_VERSION}); upgrade discover")
        if version == 0 and not names:
            if self.read_only:
                raise RuntimeFailure(f"results store {self.path} is empty (run a search first, or pass --store)")
            return True
        if version == 0 or not REQUIRED_TABLES <= names:
            shown = ", ".join(sorted(names)[:5]) or "no tables"
            raise InputError(f"--store {self.path}: not a discover results store (schema version {version}, "
                             f"tables: {shown}); give a new path or a store written by discover")
        return False

    def _migrate(self) -> None:
        if self.version == SCHEMA_VERSION:
            return
        with self._transaction():
            current = self.version  # again, under the write lock: another process may have built it meanwhile
            if current > SCHEMA_VERSION:
                raise RuntimeFailure(
                    f"results store {self.path} has schema version {current}, newer than this discover "
                    f"({SCHEMA_VERSION}); upgrade discover")
            for version in range(current, SCHEMA_VERSION):
                for statement in _split_sql(MIGRATIONS[version]):
                    self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    class _Tx:
        def __init__(self, db: sqlite3.Connection):
            self.db = db

        def __enter__(self):
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type, exc, tb):
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
            return False

    def _transaction(self) -> "_Tx":
        return Store._Tx(self._db)

    # -- runs and shards (the checkpoint) ---------------------------------------------------------
    def create_run(self, engine: str, engine_ref: str, spec: dict, command: str = "") -> int:
        with self._transaction() as db:
            cur = db.execute(
                "INSERT INTO runs (engine, engine_ref, command, spec, started, status) VALUES (?,?,?,?,?,?)",
                (engine, engine_ref, command, canonical_json(spec), _now(), "running"))
            return int(cur.lastrowid)

    def run(self, run_id: int) -> RunRow:
        if not 0 < run_id <= SQLITE_MAX_INT:  # SQLite integers are 64-bit: a larger id names no run
            raise InputError(f"--resume {run_id}: no such run in {self.path}")
        row = self._db.execute(
            "SELECT id, engine, engine_ref, command, spec, started, finished, status FROM runs WHERE id=?",
            (run_id,)).fetchone()
        if row is None:
            raise InputError(f"--resume {run_id}: no such run in {self.path}")
        return RunRow(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6], row[7])

    def runs(self) -> list[RunRow]:
        rows = self._db.execute("SELECT id FROM runs ORDER BY id").fetchall()
        return [self.run(r[0]) for r in rows]

    def set_run_status(self, run_id: int, status: str) -> None:
        finished = _now() if status != "running" else None
        with self._transaction() as db:
            db.execute("UPDATE runs SET status=?, finished=? WHERE id=?", (status, finished, run_id))

    def register_shards(self, run_id: int, shard_ids: Iterable[str]) -> None:
        """Record the run's shard list (idempotent: known shards keep their status)."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO shards (run_id, shard_id, seq, status) VALUES (?,?,?, 'pending')",
                [(run_id, sid, seq) for seq, sid in enumerate(shard_ids)])

    def shard_status(self, run_id: int) -> dict[str, str]:
        rows = self._db.execute("SELECT shard_id, status FROM shards WHERE run_id=?", (run_id,))
        return dict(rows.fetchall())

    def shard_totals(self, run_id: int, shard_ids: Iterable[str] | None = None) -> tuple[int, int]:
        """(candidates, rejected) summed over the run's finished shards (or those of ``shard_ids``)."""
        rows = self._db.execute("SELECT shard_id, candidates, rejected FROM shards "
                                "WHERE run_id=? AND status='done'", (run_id,)).fetchall()
        wanted = None if shard_ids is None else set(shard_ids)
        rows = [r for r in rows if wanted is None or r[0] in wanted]
        return sum(int(r[1] or 0) for r in rows), sum(int(r[2] or 0) for r in rows)

    def finish_shard(self, run_id: int, shard_id: str, records: list[Record], candidates: int = 0,
                     rejected: int = 0, seconds: float | None = None) -> set[str]:
        """Store a finished shard's records and mark it done, in one transaction.

        Returns the keys that were new to the store. A key already present is not stored again: the
        sighting is recorded and its ``times_seen`` goes up, and the stored representative becomes the
        least of the two by (statement, payload as canonical JSON): equivalent records (the same key) may
        read differently, and this way the stored one does not depend on which shard finished first.
        """
        for record in records:
            if not record.verified:
                raise RuntimeFailure(f"shard {shard_id}: refusing to store unverified record {record.key}")
        now = _now()
        new: set[str] = set()
        with self._transaction() as db:
            for record in records:
                seen = db.execute("INSERT OR IGNORE INTO sightings (key, run_id, shard_id, seen_at) "
                                  "SELECT ?,?,?,? WHERE EXISTS (SELECT 1 FROM conjectures WHERE key=?)",
                                  (record.key, run_id, shard_id, now, record.key))
                if seen.rowcount:
                    db.execute("UPDATE conjectures SET times_seen=times_seen+1, last_seen_at=? WHERE key=?",
                               (now, record.key))
                    self._keep_least(db, record)
                    continue
                exists = db.execute("SELECT 1 FROM conjectures WHERE key=?", (record.key,)).fetchone()
                if exists:
                    self._keep_least(db, record)
                    continue  # the same key twice in one shard: one sighting
                db.execute(
                    "INSERT INTO conjectures (key, engine, kind, statement, payload, verification, "
                    "first_run_id, created_at, times_seen, last_seen_at) VALUES (?,?,?,?,?,?,?,?,1,?)",
                    (record.key, record.engine, record.kind, record.statement, canonical_json(record.payload),
                     canonical_json(record.verification), run_id, now, now))
                db.execute("INSERT INTO sightings (key, run_id, shard_id, seen_at) VALUES (?,?,?,?)",
                           (record.key, run_id, shard_id, now))
                new.add(record.key)
            db.execute(
                "UPDATE shards SET status='done', candidates=?, rejected=?, records=?, seconds=?, error=NULL, "
                "finished=? WHERE run_id=? AND shard_id=?",
                (candidates, rejected, len(records), seconds, now, run_id, shard_id))
        return new

    @staticmethod
    def _keep_least(db: sqlite3.Connection, record: Record) -> None:
        """Replace the stored representative of ``record.key`` by ``record`` if ``record`` is less by
        (statement, canonical payload JSON). SQLite compares TEXT bytewise, which for UTF-8 is the order
        of Python's str comparison, so the driver and the store agree on "least"."""
        payload = canonical_json(record.payload)
        db.execute("UPDATE conjectures SET statement=?, payload=?, verification=? WHERE key=? "
                   "AND (statement > ? OR (statement = ? AND payload > ?))",
                   (record.statement, payload, canonical_json(record.verification), record.key,
                    record.statement, record.statement, payload))

    def stop_shards(self, run_id: int, shard_ids: Iterable[str], reason: str) -> None:
        """Mark shards ``stopped`` (not run to the end, and not to be run again: the run's goal was met
        first), with ``reason`` in their error column."""
        now = _now()
        with self._transaction() as db:
            db.executemany("UPDATE shards SET status='stopped', error=?, finished=? WHERE run_id=? AND shard_id=? "
                           "AND status!='done'", [(reason, now, run_id, sid) for sid in shard_ids])

    def fail_shard(self, run_id: int, shard_id: str, error: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE shards SET status='failed', error=?, finished=? WHERE run_id=? AND shard_id=?",
                       (error, _now(), run_id, shard_id))

    # -- conjectures ------------------------------------------------------------------------------
    _COLUMNS = ("key, engine, kind, statement, payload, verification, first_run_id, created_at, "
                "times_seen, last_seen_at")

    @staticmethod
    def _row(row) -> StoredConjecture:
        record = Record(engine=row[1], kind=row[2], key=row[0], statement=row[3], payload=json.loads(row[4]),
                        verification=json.loads(row[5]), verified=True)
        return StoredConjecture(record, row[6], row[7], row[8], row[9])

    def conjectures(self, engine: str | None = None, kind: str | None = None,
                    run_id: int | None = None, limit: int | None = None) -> Iterator[StoredConjecture]:
        """Conjectures in the order they were first stored; ``run_id`` selects those a run saw."""
        where, args = [], []
        if engine:
            where.append("(engine = ? OR substr(engine, 1, ?) = ?)")  # not LIKE: '%' and '_' are plain text
            args += [engine, len(engine) + 1, engine + "."]
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if run_id is not None:
            if not 0 < run_id <= SQLITE_MAX_INT:
                raise InputError(f"--run {run_id}: no such run in {self.path}")
            where.append("key IN (SELECT key FROM sightings WHERE run_id = ?)")
            args.append(run_id)
        sql = f"SELECT {self._COLUMNS} FROM conjectures"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY rowid"
        if limit and int(limit) <= SQLITE_MAX_INT:  # a larger limit is no limit
            sql += f" LIMIT {int(limit)}"
        for row in self._db.execute(sql, args):
            yield self._row(row)

    def shard_records(self, run_id: int, shard_ids: Iterable[str]) -> list[tuple[str, Record]]:
        """(shard id, record) for every conjecture that the given shards of a run stored or saw again,
        ordered by shard id then key: a staged run rebuilds the next stage's input from this on resume,
        so the order must not depend on which shard finished first."""
        wanted = set(shard_ids)
        rows = self._db.execute(
            f"SELECT s.shard_id, {', '.join('c.' + c.strip() for c in self._COLUMNS.split(','))} "
            "FROM sightings s JOIN conjectures c ON c.key = s.key WHERE s.run_id = ? "
            "ORDER BY s.shard_id, c.key", (run_id,)).fetchall()
        return [(row[0], self._row(row[1:]).record) for row in rows if row[0] in wanted]

    def conjecture(self, key: str) -> StoredConjecture:
        """The conjecture with this key, or with this unique key prefix (as shown in tables)."""
        rows = self._db.execute(f"SELECT {self._COLUMNS} FROM conjectures WHERE lower(substr(key, 1, ?)) = lower(?) LIMIT 2",
                                (len(key), key)).fetchall()
        if not rows or not key:
            raise InputError(f"KEY {key!r}: no conjecture with this key in {self.path}")
        if len(rows) > 1:
            raise InputError(f"KEY {key!r}: more than one conjecture starts with this prefix")
        return self._row(rows[0])

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM conjectures").fetchone()[0]


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (the scripts contain no literal semicolons)."""
    return [s.strip() for s in script.split(";") if s.strip()]
