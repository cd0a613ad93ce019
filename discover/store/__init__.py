"""The results store: SQLite by default (see :mod:`discover.store.sqlite_store`), export in
:mod:`discover.store.export`."""

from discover.store.sqlite_store import Store, StoredConjecture, RunRow, default_store_path

__all__ = ["Store", "StoredConjecture", "RunRow", "default_store_path"]
