"""The results store (:mod:`discover.store.sqlite_store`): schema and migration, de-duplication, one
transaction per shard, safe creation by concurrent processes, foreign databases refused."""

import os
import subprocess
import sys
import time
import sqlite3

import pytest

from discover.errors import InputError, RuntimeFailure
from discover.records import Record
from discover.store import Store
from discover.store.schema import MIGRATIONS, SCHEMA_VERSION


def rec(k, verified=True):
    return Record.create("toy", "number", k, f"{k} is a number", {"k": k, "tags": [k, k + 1]},
                         {"method": "test"}, verified=verified)


def new_run(store):
    run = store.create_run("toy", "toy_engine:ENGINE", {"limit": 3})
    store.register_shards(run, ["s0", "s1"])
    return run


def test_new_store_has_current_schema(store_path):
    with Store(store_path) as store:
        assert store.version == SCHEMA_VERSION
        tables = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "shards", "conjectures", "sightings"} <= tables


def test_migration_from_version_1_keeps_data(store_path):
    db = sqlite3.connect(store_path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO runs (engine, engine_ref, spec, started, status) VALUES ('toy','t:E','{}','now','finished')")
    db.execute("INSERT INTO conjectures VALUES ('k1','toy','number','1 is a number','{}','{}',1,'now')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store(store_path) as store:
        assert store.version == SCHEMA_VERSION
        [row] = list(store.conjectures())
        assert row.record.key == "k1" and row.times_seen == 1


def test_newer_schema_is_refused(store_path):
    db = sqlite3.connect(store_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(RuntimeFailure, match="newer"):
        Store(store_path)


def test_same_key_is_stored_once_and_sighting_recorded(store_path):
    with Store(store_path) as store:
        run = new_run(store)
        assert store.finish_shard(run, "s0", [rec(1), rec(2)]) == {rec(1).key, rec(2).key}
        assert store.finish_shard(run, "s1", [rec(2), rec(2), rec(3)]) == {rec(3).key}
        rows = {r.record.payload["k"]: r for r in store.conjectures()}
        assert sorted(rows) == [1, 2, 3]
        assert rows[2].times_seen == 2 and rows[1].times_seen == 1
        assert rows[2].record.payload == {"k": 2, "tags": [2, 3]}
        run2 = new_run(store)
        store.finish_shard(run2, "s0", [rec(1)])
        assert [r.record.payload["k"] for r in store.conjectures(run_id=run2)] == [1]
        assert store.count() == 3


def test_unverified_records_are_refused_and_nothing_is_written(store_path):
    with Store(store_path) as store:
        run = new_run(store)
        with pytest.raises(RuntimeFailure, match="unverified"):
            store.finish_shard(run, "s0", [rec(1), rec(2, verified=False)])
        assert store.count() == 0
        assert store.shard_status(run) == {"s0": "pending", "s1": "pending"}


def test_shard_transaction_is_atomic(store_path, monkeypatch):
    with Store(store_path) as store:
        run = new_run(store)
        bad = Record("toy", "number", "kbad", "bad", {"x": object()}, {}, verified=True)  # payload not serialisable
        with pytest.raises(TypeError):
            store.finish_shard(run, "s0", [rec(1), bad])
        assert store.count() == 0
        assert store.shard_status(run)["s0"] == "pending"


def test_lookup_by_key_prefix(store_path):
    with Store(store_path) as store:
        run = new_run(store)
        store.finish_shard(run, "s0", [rec(7)])
        key = rec(7).key
        assert store.conjecture(key[:8]).record.key == key
        with pytest.raises(InputError, match="no conjecture"):
            store.conjecture("zzzz")


def test_read_only_open_of_missing_store_fails_cleanly(tmp_path):
    with pytest.raises(RuntimeFailure, match="no results store"):
        Store(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_payload_may_not_shadow_common_fields():
    with pytest.raises(ValueError, match="reserved"):
        Record.create("toy", "number", 1, "one", {"engine": "other"}, verified=True)


def test_foreign_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    db.commit()
    db.close()
    before = path.read_bytes()
    for create in (True, False):
        with pytest.raises(InputError, match="not a discover results store"):
            Store(path, create=create)
    assert path.read_bytes() == before and not os.path.exists(str(path) + "-wal")


def test_empty_file_becomes_a_store_for_a_writer_and_is_empty_for_a_reader(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(RuntimeFailure, match="empty"):
        Store(path, create=False)
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION


def test_reader_never_writes(store_path):
    with Store(store_path) as store:
        new_run(store)
    with Store(store_path, create=False) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.create_run("toy", "toy_engine:ENGINE", {})


_CREATE = """
import sys, time
from discover.store import Store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
with Store(sys.argv[1]) as store:
    print(store.create_run("toy", "toy_engine:ENGINE", {"limit": 1}))
"""


def test_processes_creating_one_new_store_at_once_all_succeed(tmp_path):
    """Eight processes open the same new path at the same moment (after their imports): every one must
    get its run (before the fix, some failed with 'table runs already exists' or 'database is locked')."""
    for trial in range(3):
        path = tmp_path / f"t{trial}" / "new" / "store.sqlite"
        start = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", _CREATE, str(path), str(start)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(8)]
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0] * 8, [err for _, err in outs if err]
        assert sorted(int(out) for out, _ in outs) == list(range(1, 9))
        with Store(path, create=False) as store:
            assert store.version == SCHEMA_VERSION and len(store.runs()) == 8
