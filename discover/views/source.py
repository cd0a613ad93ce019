"""Reading records for the views: from a store path, or as given (Record, StoredConjecture or JSON).

Views take lists of :class:`~discover.records.Record`; this module turns what callers have into that.
"""

from __future__ import annotations

from typing import Iterable

from discover.records import Record


def as_record(item) -> Record:
    """A :class:`Record` from a Record, a StoredConjecture (``.record``) or a flat JSON dict."""
    if isinstance(item, Record):
        return item
    if hasattr(item, "record"):
        return item.record
    if isinstance(item, dict):
        common = {"engine", "kind", "key", "statement", "verified", "verification"}
        bookkeeping = {"first_run_id", "created_at", "times_seen", "last_seen_at"}
        payload = {k: v for k, v in item.items() if k not in common | bookkeeping}
        return Record(engine=item["engine"], kind=item["kind"], key=item["key"], statement=item["statement"],
                      payload=payload, verification=item.get("verification") or {},
                      verified=bool(item.get("verified")))
    raise TypeError(f"not a record: {type(item).__name__}")


def as_records(items: Iterable) -> list[Record]:
    return [as_record(item) for item in items]


def read_records(store, engine: str | None = None, kind: str | None = None) -> list[Record]:
    """The store's conjectures (``engine`` may be a prefix such as ``cayley``), oldest first.

    The store is opened read-only; a missing store is a RuntimeFailure (exit 1), as in ``results``."""
    from discover.store import Store

    with Store(store, create=False) as db:
        return [c.record for c in db.conjectures(engine=engine, kind=kind)]


def read_record(store, key: str) -> Record:
    """The conjecture with ``key`` (or a unique prefix); InputError naming KEY when there is none."""
    from discover.store import Store

    with Store(store, create=False) as db:
        return db.conjecture(key).record


def engine_family(record: Record) -> str:
    """The engine a record belongs to (``cf`` for ``cf.cmf``): the report's page it goes on."""
    return record.engine.split(".", 1)[0]
