"""The results store: schema and migration, de-duplication, one transaction per shard, export."""

import csv
import json
import sqlite3

import pytest

from discover.errors import InputError, RuntimeFailure
from discover.records import Record
from discover.store import Store
from discover.store.export import export
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


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_round_trip(store_path, tmp_path, fmt):
    with Store(store_path) as store:
        run = new_run(store)
        store.finish_shard(run, "s0", [rec(1), rec(2)])
        out = tmp_path / f"out.{fmt}"
        assert export(store.conjectures(), fmt, out) == 2
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert [r["k"] for r in rows] == [1, 2] and rows[0]["tags"] == [1, 2]
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open()))
        assert [r["k"] for r in rows] == ["1", "2"] and json.loads(rows[1]["tags"]) == [2, 3]
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out).to_pylist()
        assert [r["k"] for r in table] == [1, 2] and all(r["verified"] for r in table)
    assert not list(tmp_path.glob("*.part"))


def test_export_rejects_unknown_format(store_path, tmp_path):
    with Store(store_path) as store:
        with pytest.raises(InputError, match="xml"):
            export(store.conjectures(), "xml", tmp_path / "x.xml")


def test_payload_may_not_shadow_common_fields():
    with pytest.raises(ValueError, match="reserved"):
        Record.create("toy", "number", 1, "one", {"engine": "other"}, verified=True)
