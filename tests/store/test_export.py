"""Export (:mod:`discover.store.export`): every format round-trips; the target is checked before writing."""

import csv
import json
import os

import pytest

from discover.errors import InputError
from discover.records import Record
from discover.store import Store
from discover.store.export import export


def rec(k):
    return Record.create("toy", "number", k, f"{k} is a number", {"k": k, "tags": [k, k + 1]},
                         {"method": "test"}, verified=True)


def filled(store):
    run = store.create_run("toy", "toy_engine:ENGINE", {"limit": 3})
    store.register_shards(run, ["s0"])
    store.finish_shard(run, "s0", [rec(1), rec(2)])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_round_trip(store_path, tmp_path, fmt):
    with Store(store_path) as store:
        filled(store)
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



def test_existing_file_is_replaced_keeping_its_mode_and_a_link_writes_its_target(store_path, tmp_path):
    target = tmp_path / "old.jsonl"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    with Store(store_path) as store:
        filled(store)
        assert export(store.conjectures(), "jsonl", link) == 2
    assert link.is_symlink() and len(target.read_text().splitlines()) == 2
    assert (target.stat().st_mode & 0o777) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_special_targets_are_refused_before_writing(store_path, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with Store(store_path) as store:
        filled(store)
        for target, needle in ((fifo, "not a regular file"), (tmp_path, "a folder"), ("", "empty path"),
                               (tmp_path / "fifo" / "x.jsonl", "fifo")):
            with pytest.raises(InputError, match=needle):
                export(store.conjectures(), "jsonl", target)
    assert fifo.exists() and not fifo.is_file()


def test_a_failed_write_is_a_runtime_error_and_leaves_nothing(store_path, tmp_path, monkeypatch):
    import errno

    from discover.errors import RuntimeFailure
    from discover.store import export as export_module

    def disk_full(rows, fmt, tmp):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export_module, "_write", disk_full)
    with Store(store_path) as store:
        filled(store)
        with pytest.raises(RuntimeFailure, match="No space left"):
            export(store.conjectures(), "jsonl", tmp_path / "out.jsonl")
    assert not list(tmp_path.glob("*out.jsonl*"))
