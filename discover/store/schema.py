"""The results-store schema, with its version and the migrations from version 1 on.

``PRAGMA user_version`` holds the schema version. ``MIGRATIONS[v]`` takes a store at version ``v`` to
``v + 1``; opening a store applies every missing step in one transaction, so an old store is upgraded in
place and a new one is built by running all of them from 0.
"""

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    engine      TEXT NOT NULL,
    engine_ref  TEXT NOT NULL,
    command     TEXT NOT NULL DEFAULT '',
    spec        TEXT NOT NULL,
    started     TEXT NOT NULL,
    finished    TEXT,
    status      TEXT NOT NULL
);
CREATE TABLE shards (
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    shard_id    TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    status      TEXT NOT NULL,
    candidates  INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    records     INTEGER NOT NULL DEFAULT 0,
    seconds     REAL,
    error       TEXT,
    finished    TEXT,
    PRIMARY KEY (run_id, shard_id)
);
CREATE TABLE conjectures (
    key          TEXT PRIMARY KEY,
    engine       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    statement    TEXT NOT NULL,
    payload      TEXT NOT NULL,
    verification TEXT NOT NULL,
    first_run_id INTEGER NOT NULL REFERENCES runs(id),
    created_at   TEXT NOT NULL
);
CREATE INDEX conjectures_engine_kind ON conjectures(engine, kind);
"""

# Version 2: re-discoveries are recorded (which run and shard saw a conjecture again), and the
# number of sightings is kept on the conjecture for display.
_V2 = """
CREATE TABLE sightings (
    key       TEXT NOT NULL REFERENCES conjectures(key),
    run_id    INTEGER NOT NULL REFERENCES runs(id),
    shard_id  TEXT NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (key, run_id, shard_id)
);
CREATE INDEX sightings_run ON sightings(run_id);
ALTER TABLE conjectures ADD COLUMN times_seen INTEGER NOT NULL DEFAULT 1;
ALTER TABLE conjectures ADD COLUMN last_seen_at TEXT;
INSERT INTO sightings (key, run_id, shard_id, seen_at)
    SELECT key, first_run_id, '', created_at FROM conjectures;
UPDATE conjectures SET last_seen_at = created_at;
"""

MIGRATIONS = {0: _V1, 1: _V2}
