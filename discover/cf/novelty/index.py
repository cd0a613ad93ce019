"""The index of the known lists, by what a novelty check looks up.

* canonical form (:func:`~discover.cf.novelty.equivalence.canonical_key`, by its digest :func:`key_digest`)
  -> listed rows;
* canonical form (digest) of a listed row's even / odd contraction -> (row, parity);
* (limit class, coboundary class) -> listed rows, the only partners a coboundary is tried with
  (:func:`~discover.cf.novelty.equivalence.coboundary_class`: rate and determinant invariants; the limit
  class is the set of constants the published limit is written with).

Building these for the shipped lists (4,225 rows, each canonicalised and folded) takes seconds, so the
shipped part is cached in ``data/known_index.bin`` (written by ``python -m discover.cf.novelty.index``), laid
out so that a process reads only what its look-ups touch (one ``cf eval`` does a handful):

* a header (JSON): per shipped list its name, size, modification time, SHA-256 and row count;
* the keys: 16-byte records (10 bytes of digest, the kind 0 canonical / 1 even fold / 2 odd fold, a pad
  byte, the row as a big-endian u32), sorted, so a look-up is a binary search over the bytes;
* the classes (JSON, decoded on the first coboundary look-up);
* the rows: an offset table and one JSON array per row, decoded only for the rows a look-up returns.

The cache is trusted when each list has the recorded size and modification time; when only the time
differs (a fresh checkout) the SHA-256 decides; a changed list makes the process index the shipped lists
in memory (seconds) until the cache is rewritten. The user's own lists (``--known``, carried by the specs:
:mod:`discover.cf.novelty.active`) are indexed in memory when first used.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import struct
from pathlib import Path

from discover.cf.novelty.known import DATA, KnownPCF, load_known_file, shipped_lists

__all__ = ["KnownIndex", "load_index", "key_digest", "write_cache", "cache_is_current", "CACHE"]

CACHE = DATA / "known_index.bin"
_MAGIC = b"DKNOWN01"
_KEY_BYTES = 16
_DIGEST_BYTES = 10
_ROW = struct.Struct(">I")


def key_digest(canon) -> bytes:
    """A short digest of a canonical form (a, b coefficient tuples): the index's keys (the folds of the
    large CMF-trajectory PCFs have hundreds of digits; 80 bits of SHA-256 keep the index small)."""
    text = repr((tuple(int(c) for c in canon[0]), tuple(int(c) for c in canon[1])))
    return hashlib.sha256(text.encode()).digest()[:_DIGEST_BYTES]


def _class_json(canon) -> list:
    from discover.cf.novelty.equivalence import coboundary_class

    rate, det = coboundary_class(*canon)
    return [[rate[0]] + [str(x) for x in rate[1:]], [det[0], [list(g) for g in det[1]]]]


def _class_key(constants, klass) -> str:
    return json.dumps([list(constants), klass], separators=(",", ":"))


def _keys_of(row: KnownPCF) -> tuple[bytes, list[tuple[int, bytes]], str | None]:
    """The canonical digest, the (parity, digest) of its folds, and the class key (None: no limit class)."""
    from discover.cf.novelty.equivalence import canonical_key, folds

    canon = canonical_key(row.a, row.b)
    fold_keys = [(parity, key_digest(k)) for parity, k in folds(*canon)]
    klass = _class_key(row.constants, _class_json(canon)) if row.constants else None
    return key_digest(canon), fold_keys, klass


class _MemoryPart:
    """Rows indexed in memory (a user's list, or a shipped list whose cache is stale)."""

    def __init__(self, rows: list[KnownPCF]):
        self.rows = list(rows)
        self.by_canonical: dict = {}
        self.by_fold: dict = {}
        self.by_class: dict = {}
        for i, row in enumerate(self.rows):
            canon, fold_keys, klass = _keys_of(row)
            self.by_canonical.setdefault(canon, []).append(i)
            for parity, key in fold_keys:
                self.by_fold.setdefault(key, []).append((i, parity))
            if klass is not None:
                self.by_class.setdefault(klass, []).append(i)

    def __len__(self):
        return len(self.rows)

    def canonical(self, digest: bytes) -> list[int]:
        return self.by_canonical.get(digest, [])

    def folds(self, digest: bytes) -> list[tuple[int, int]]:
        return self.by_fold.get(digest, [])

    def klass(self, key: str) -> list[int]:
        return self.by_class.get(key, [])

    def row(self, i: int) -> KnownPCF:
        return self.rows[i]


class _CachePart:
    """The shipped lists as laid out in ``known_index.bin`` (module doc); nothing is decoded up front."""

    def __init__(self, blob: bytes, header: dict, start: int):
        self.blob = memoryview(blob)
        self.names = [x["name"] for x in header["lists"]]
        self.n_keys, self.n_rows = header["keys"], header["rows"]
        self.keys_at = start
        self.classes_at = start + self.n_keys * _KEY_BYTES
        self.offsets_at = self.classes_at + header["classes_bytes"]
        self.rows_at = self.offsets_at + 4 * (self.n_rows + 1)
        self._classes = None
        self._rows: dict[int, KnownPCF] = {}

    def __len__(self):
        return self.n_rows

    def _digest_at(self, k: int) -> bytes:
        at = self.keys_at + k * _KEY_BYTES
        return bytes(self.blob[at:at + _DIGEST_BYTES])

    def _matches(self, digest: bytes) -> list[tuple[int, int]]:
        """(kind, row) of every key record with this digest."""
        k = bisect.bisect_left(range(self.n_keys), digest, key=self._digest_at)
        out = []
        while k < self.n_keys and self._digest_at(k) == digest:
            at = self.keys_at + k * _KEY_BYTES + _DIGEST_BYTES
            out.append((self.blob[at], _ROW.unpack_from(self.blob, at + 2)[0]))
            k += 1
        return out

    def canonical(self, digest: bytes) -> list[int]:
        return [row for kind, row in self._matches(digest) if kind == 0]

    def folds(self, digest: bytes) -> list[tuple[int, int]]:
        return sorted((row, kind - 1) for kind, row in self._matches(digest) if kind > 0)  # in list order

    def klass(self, key: str) -> list[int]:
        if self._classes is None:
            self._classes = json.loads(bytes(self.blob[self.classes_at:self.offsets_at]))
        return self._classes.get(key, [])

    def row(self, i: int) -> KnownPCF:
        if i not in self._rows:
            lo, hi = struct.unpack_from(">II", self.blob, self.offsets_at + 4 * i)
            src, a, b, limit, dataset, citation, line, names = json.loads(
                bytes(self.blob[self.rows_at + lo:self.rows_at + hi]))
            self._rows[i] = KnownPCF.from_tuple((a, b, limit, dataset, citation, self.names[src], line, names))
        return self._rows[i]


class KnownIndex:
    """The known rows of several parts (the shipped lists, a user's lists) numbered one after the other,
    and the three look-ups of the module doc; ``lists``: what was compared against."""

    def __init__(self, parts=(), lists=()):
        self.parts = list(parts)
        self.lists = list(lists)

    def _offsets(self):
        start = 0
        for part in self.parts:
            yield start, part
            start += len(part)

    def add_list(self, path, shipped: bool = False) -> None:
        """Read and index one list file (a user's list: :func:`load_known_file`)."""
        self.add_rows(load_known_file(path, shipped=shipped), Path(path).name if shipped else str(path), shipped)

    def add_rows(self, rows: list[KnownPCF], name: str, shipped: bool = False) -> None:
        self.parts.append(_MemoryPart(rows))
        self.lists.append({"list": name, "rows": len(rows), "shipped": shipped})

    def __len__(self):
        return sum(len(p) for p in self.parts)

    def row(self, i: int) -> KnownPCF:
        """Listed row number ``i``."""
        for start, part in self._offsets():
            if i < start + len(part):
                return part.row(i - start)
        raise IndexError(i)

    def same_canonical(self, canon) -> list[int]:
        """Listed rows with the canonical form ``canon``."""
        digest = key_digest(canon)
        return [start + i for start, part in self._offsets() for i in part.canonical(digest)]

    def folding_to(self, canon) -> list[tuple[int, int]]:
        """(row, parity) of the listed rows whose even (0) / odd (1) contraction has the form ``canon``."""
        digest = key_digest(canon)
        return [(start + i, parity) for start, part in self._offsets() for i, parity in part.folds(digest)]

    def partners(self, constants, canon) -> list[int]:
        """Rows with the same limit class and coboundary class as ``canon``."""
        key = _class_key(constants, _class_json(canon))
        return [start + i for start, part in self._offsets() for i in part.klass(key)]


def _stamp(path: Path) -> dict:
    st = path.stat()
    return {"name": path.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_cache(check_all: bool = False):
    """(blob, header, start of the keys) of the cache if every shipped list matches it (module doc), else
    None. ``check_all``: compare the SHA-256 of every list, whatever the modification times say."""
    try:
        blob = CACHE.read_bytes()
        if blob[:len(_MAGIC)] != _MAGIC:
            return None
        (size,) = struct.unpack_from(">I", blob, len(_MAGIC))
        start = len(_MAGIC) + 4 + size
        header = json.loads(blob[len(_MAGIC) + 4:start])
        listed = header["lists"]
        paths = shipped_lists()
        if [x["name"] for x in listed] != [p.name for p in paths]:
            return None
        for item, path in zip(listed, paths):
            now = _stamp(path)
            if now["size"] != item["size"]:
                return None
            if (check_all or now["mtime_ns"] != item["mtime_ns"]) and _sha256(path) != item["sha256"]:
                return None
    except (OSError, ValueError, KeyError, struct.error):
        return None
    return blob, header, start


def cache_is_current() -> bool:
    """True when ``known_index.bin`` was written from the shipped lists as they are (SHA-256 of each)."""
    return _read_cache(check_all=True) is not None


def _shipped() -> KnownIndex:
    """The shipped lists: from the cache when it is current, else indexed in memory."""
    cached = _read_cache()
    if cached is not None:
        blob, header, start = cached
        return KnownIndex([_CachePart(blob, header, start)],
                          [{"list": x["name"], "rows": x["rows"], "shipped": True} for x in header["lists"]])
    index = KnownIndex()
    for path in shipped_lists():
        index.add_list(path, shipped=True)
    return index


_SHIPPED: list = []
_LAST: list = []  # [user rows, index] of the last call


def load_index(rows=None) -> KnownIndex:
    """The index of the shipped lists plus the user's ``rows`` (row tuples of :mod:`.active` or
    :class:`KnownPCF`; default: the rows in force, :func:`discover.cf.novelty.active.known_rows`). The
    shipped part is read once per process."""
    from discover.cf.novelty.active import known_rows

    if rows is None:
        rows = known_rows()
    if _LAST and (_LAST[0] is rows or _LAST[0] == rows):
        return _LAST[1]
    if not _SHIPPED:
        _SHIPPED.append(_shipped())
    shipped = _SHIPPED[0]
    index = KnownIndex(shipped.parts, shipped.lists)
    parsed = [r if isinstance(r, KnownPCF) else KnownPCF.from_tuple(r) for r in rows]
    for name in dict.fromkeys(r.source for r in parsed):  # one part per user list, in the order given
        index.add_rows([r for r in parsed if r.source == name], name)
    _LAST[:] = [rows, index]
    return index


def write_cache() -> Path:
    """Rebuild ``data/known_index.bin`` from the shipped lists (seconds: every row canonicalised and folded)."""
    paths = shipped_lists()
    keys, classes, row_blobs, lists = [], {}, [], []
    for src, path in enumerate(paths):
        rows = load_known_file(path, shipped=True)
        lists.append({**_stamp(path), "sha256": _sha256(path), "rows": len(rows)})
        for row in rows:
            i = len(row_blobs)
            canon, fold_keys, klass = _keys_of(row)
            keys.append(canon + bytes([0, 0]) + _ROW.pack(i))
            keys.extend(key + bytes([1 + parity, 0]) + _ROW.pack(i) for parity, key in fold_keys)
            if klass is not None:
                classes.setdefault(klass, []).append(i)
            row_blobs.append(json.dumps([src, list(row.a), list(row.b), row.limit, row.dataset, row.citation,
                                         row.line, list(row.constant_names)], separators=(",", ":")).encode())
    keys.sort()
    class_bytes = json.dumps(classes, separators=(",", ":")).encode()
    offsets = [0]
    for b in row_blobs:
        offsets.append(offsets[-1] + len(b))
    header = json.dumps({"lists": lists, "keys": len(keys), "rows": len(row_blobs),
                         "classes_bytes": len(class_bytes)}, separators=(",", ":")).encode()
    CACHE.write_bytes(_MAGIC + struct.pack(">I", len(header)) + header + b"".join(keys) + class_bytes
                      + struct.pack(f">{len(offsets)}I", *offsets) + b"".join(row_blobs))
    return CACHE


if __name__ == "__main__":
    print(write_cache())
