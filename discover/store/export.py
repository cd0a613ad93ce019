"""Export verified conjectures as JSON Lines, CSV or Parquet.

Every format carries the same flat records (:meth:`StoredConjecture.to_json`). CSV and Parquet store
nested fields (lists, dicts) as JSON text so that each row stays one flat line; JSON Lines keeps them
as they are. Parquet needs pyarrow, imported only here.

The file is written beside the target under a temporary name and renamed over it when complete, so
a half-written file never carries the requested name. That rename would replace whatever is there,
so an existing target must be a regular file (or a link to one, whose target is written): a FIFO, a
device or a folder is refused before anything is written.
"""

from __future__ import annotations

import csv
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from discover.errors import InputError, RuntimeFailure
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


def check_output(output: str | os.PathLike) -> Path:
    """The file ``output`` names, once it is known to be writable: a regular file or a new name in a
    folder that exists or can be created. Raises :class:`InputError` (naming ``--output``) otherwise."""
    if not str(output):
        raise InputError("--output '': an empty path (give the file to write)")
    path = Path(os.path.realpath(output))  # a link to a file: write the file, keep the link
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise InputError(f"--output {output}: cannot be used ({exc.strerror or exc})") from None
    if mode is not None and not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a FIFO, device or socket)"
        raise InputError(f"--output {output}: {what}; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--output {output}: cannot create its folder {path.parent} "
                         f"({exc.strerror or type(exc).__name__})") from None
    if not os.access(path.parent, os.W_OK):
        raise InputError(f"--output {output}: its folder {path.parent} is not writable")
    return path


def export(conjectures: Iterable[StoredConjecture], fmt: str, output: str | Path) -> int:
    """Write ``conjectures`` to ``output`` in ``fmt``; returns the number of records written."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    path = check_output(output)
    rows = [c.to_json() for c in conjectures]
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        _write(rows, fmt, tmp)
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))  # replacing a file keeps its permissions
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        tmp.replace(path)  # never leave a half-written file under the requested name
    except OSError as exc:  # the target was checked above: this is the machine (a full disk, an I/O error)
        raise RuntimeFailure(f"--output {output}: writing failed ({exc.strerror or exc}); nothing was written "
                             "under that name") from None
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(rows: list[dict], fmt: str, tmp: Path) -> None:
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
