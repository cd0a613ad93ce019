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
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from discover.errors import InputError, RuntimeFailure
from discover.records import Record, canonical_json
from discover.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_STORE = Path("results") / "discover.sqlite"


def default_store_path(path: str | os.PathLike | None = None) -> Path:
    """``path`` if given, else ``$DISCOVER_STORE``, else ``results/discover.sqlite`` under the cwd."""
    if path:
        return Path(path)
    env = os.environ.get("DISCOVER_STORE")
    return Path(env) if env else DEFAULT_STORE


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
    """A results store at ``path``. ``create=False`` refuses to make a new file (for read commands)."""

    def __init__(self, path: str | os.PathLike | None = None, create: bool = True):
        self.path = default_store_path(path)
        if not self.path.exists():
            if not create:
                raise RuntimeFailure(f"no results store at {self.path} (run a search first, or pass --store)")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise RuntimeFailure(f"results store {self.path} is not usable: {exc}") from None

    # -- schema -----------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise RuntimeFailure(
                f"results store {self.path} has schema version {current}, newer than this discover "
                f"({SCHEMA_VERSION}); upgrade discover")
        if current == SCHEMA_VERSION:
            return
        with self._transaction():
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

    def shard_totals(self, run_id: int) -> tuple[int, int]:
        """(candidates, rejected) summed over the run's finished shards."""
        row = self._db.execute("SELECT COALESCE(SUM(candidates), 0), COALESCE(SUM(rejected), 0) FROM shards "
                               "WHERE run_id=? AND status='done'", (run_id,)).fetchone()
        return int(row[0]), int(row[1])

    def finish_shard(self, run_id: int, shard_id: str, records: list[Record], candidates: int = 0,
                     rejected: int = 0, seconds: float | None = None) -> set[str]:
        """Store a finished shard's records and mark it done, in one transaction.

        Returns the keys that were new to the store. A key already present is not stored again: the
        sighting is recorded and its ``times_seen`` goes up.
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
                    continue
                exists = db.execute("SELECT 1 FROM conjectures WHERE key=?", (record.key,)).fetchone()
                if exists:
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
            where.append("(engine = ? OR engine LIKE ?)")
            args += [engine, engine + ".%"]
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if run_id is not None:
            where.append("key IN (SELECT key FROM sightings WHERE run_id = ?)")
            args.append(run_id)
        sql = f"SELECT {self._COLUMNS} FROM conjectures"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY rowid"
        if limit:
            sql += f" LIMIT {int(limit)}"
        for row in self._db.execute(sql, args):
            yield self._row(row)

    def conjecture(self, key: str) -> StoredConjecture:
        """The conjecture with this key, or with this unique key prefix (as shown in tables)."""
        rows = self._db.execute(f"SELECT {self._COLUMNS} FROM conjectures WHERE key LIKE ? LIMIT 2",
                                (key + "%",)).fetchall()
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
