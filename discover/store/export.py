"""Export verified conjectures as JSON Lines, CSV or Parquet.

Every format carries the same flat records (:meth:`StoredConjecture.to_json`). CSV and Parquet store
nested fields (lists, dicts) as JSON text so that each row stays one flat line; JSON Lines keeps them
as they are. Parquet needs pyarrow, imported only here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable

from discover.errors import InputError
from discover.store.sqlite_store import StoredConjecture

FORMATS = ("jsonl", "csv", "parquet")

_COMMON = ["engine", "kind", "key", "statement", "verified", "first_run_id", "created_at", "times_seen"]


def _flat(value):
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, sort_keys=True)
    return value


def _columns(rows: list[dict]) -> list[str]:
    extra = sorted({name for row in rows for name in row} - set(_COMMON))
    return _COMMON + extra


def export(conjectures: Iterable[StoredConjecture], fmt: str, output: str | Path) -> int:
    """Write ``conjectures`` to ``output`` in ``fmt``; returns the number of records written."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    output = Path(output)
    rows = [c.to_json() for c in conjectures]
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    if fmt == "jsonl":
        with tmp.open("w") as fh:
            for row in rows:
                fh.write(json.dumps(row, sort_keys=False) + "\n")
    elif fmt == "csv":
        columns = _columns(rows)
        with tmp.open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _flat(row.get(k)) for k in columns})
    else:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - pyarrow is a dependency
            raise InputError("--format parquet needs pyarrow (pip install pyarrow)") from None
        arrays = {}
        for name in _columns(rows):
            values = [_flat(row.get(name)) for row in rows]
            try:
                arrays[name] = pa.array(values)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                # engines disagree on this field's type: keep it exact as JSON text
                arrays[name] = pa.array([None if v is None else json.dumps(v) for v in values])
        pq.write_table(pa.table(arrays), tmp)
    tmp.replace(output)  # never leave a half-written file under the requested name
    return len(rows)
