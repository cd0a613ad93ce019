"""The layers of a parity-bitmap search on disk (:mod:`discover.cayley.parity_bitmap`): its checkpoint.

A directory holds

* ``meta.json``: the format, the graph (degree, generators, start), the chunk size, the layer sizes
  found so far, the wall seconds each took (since the last start, for a resumed layer) and whether the
  search is complete; replaced atomically (write, fsync, rename) after
  each layer, so it always describes a finished layer;
* ``layer_K.bin`` and ``layer_K.idx``: layer K, one payload per chunk of its class's bit array (the
  varint gaps of :func:`~discover.cayley.parity_kernels.encode_gaps`, or the raw words), and per chunk a
  row (offset, bytes, kind, states) of int64. Only the last two layers are kept: they are the whole
  state of the search.

A run killed at any moment resumes at the last layer ``meta.json`` names (files of a later, unfinished
layer are deleted). The directory is given by the environment variable :data:`CHECKPOINT_ENV`; without
it a temporary directory is used and removed at the end.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time

# numpy is imported where arrays are made: the planner reads this module's paths before any search, in the
# command's own process (start-up counts)
from discover.cayley.plan import PARITY_CHUNK_BYTES
from discover.errors import InputError, RuntimeFailure

FORMAT = "discover-cayley-parity-bitmap-1"
CHECKPOINT_ENV = "DISCOVER_CAYLEY_CHECKPOINT"
CHUNK_WORDS = PARITY_CHUNK_BYTES // 8  # of one class's bit array per chunk (the unit of progress and encoding)
RAW, GAPS = 1, 0
META = "meta.json"


def checkpoint_path(graph) -> str | None:
    """The checkpoint directory of ``graph``: a folder named after the graph inside
    ``$DISCOVER_CAYLEY_CHECKPOINT`` (None when that is not set)."""
    root = os.environ.get(CHECKPOINT_ENV)
    if not root:
        return None
    if os.path.exists(root) and not os.path.isdir(root):
        raise InputError(f"{CHECKPOINT_ENV}={root}: not a directory")
    name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in graph.name) or "graph"
    return os.path.join(root, name)


def class_words(n: int) -> int:
    """64-bit words of one parity class's bit array (n!/2 states)."""
    return -(-math.factorial(n) // 2 // 64)


def disk_bound(n: int) -> int:
    """Bytes of disk the layer files can need at most: three layers (the one read, the one kept, the one
    written), each at most its class's raw bit array."""
    return 3 * class_words(n) * 8


def identity(graph) -> dict:
    """What a checkpoint must match to be resumed: the graph itself."""
    return {"format": FORMAT, "n": graph.degree, "generators": [list(g) for g in graph.generators],
            "start": list(graph.start), "chunk_words": CHUNK_WORDS}


def _label(path: str) -> str:
    return f"checkpoint {path} (from {CHECKPOINT_ENV})"


def inspect(path: str, ident: dict) -> dict | None:
    """The stored meta of the checkpoint at ``path`` when it is a checkpoint of this graph, None when
    there is none yet (a missing or empty directory); ``InputError`` for a file, a foreign directory or
    another graph's checkpoint."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise InputError(f"{_label(path)}: not a directory")
    if not os.path.isdir(path) or not os.listdir(path):
        return None
    meta_file = os.path.join(path, META)
    try:
        with open(meta_file, encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError):
        raise InputError(f"{_label(path)}: the directory is not empty and holds no readable checkpoint "
                         f"({META}); give an empty or new directory") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise InputError(f"{_label(path)}: not a checkpoint of the parity bitmap ({FORMAT})")
    if any(meta.get(k) != v for k, v in ident.items()):
        raise InputError(f"{_label(path)}: a checkpoint of another graph (n={meta.get('n')}, "
                         f"{len(meta.get('generators') or [])} generators); give another directory")
    sizes = meta.get("sizes")
    if not isinstance(sizes, list) or not sizes or not all(isinstance(x, int) and x > 0 for x in sizes):
        raise InputError(f"{_label(path)}: {META} has no valid layer sizes")
    return meta


def check_disk(path: str | None, n: int) -> None:
    """Refuse (``InputError``) when the file system of the layer files has less free space than
    :func:`disk_bound`."""
    where = path if path else tempfile.gettempdir()
    probe = where
    while probe and not os.path.exists(probe):
        probe = os.path.dirname(probe)
    free = shutil.disk_usage(probe or ".").free
    need = disk_bound(n)
    if free < need:
        label = _label(path) if path else f"the temporary directory {where} (set {CHECKPOINT_ENV})"
        raise InputError(f"{label}: the layer files of S_{n} may need {need / 2**30:.1f} GiB of disk, "
                         f"{free / 2**30:.1f} GiB are free")


class LayerDir:
    """The checkpoint directory of one search (see the module docstring)."""

    def __init__(self, path: str | None, ident: dict, nchunks: int):
        self.temporary = path is None
        self.path = tempfile.mkdtemp(prefix="discover-parity-") if path is None else path
        self.ident = ident
        self.nchunks = nchunks
        meta = None if self.temporary else inspect(self.path, ident)
        os.makedirs(self.path, exist_ok=True)
        self.sizes: list[int] = meta["sizes"] if meta else []
        self.complete = bool(meta and meta.get("complete"))
        seconds = meta.get("seconds") if meta else None  # wall seconds of each layer (for the record)
        self.seconds = seconds if isinstance(seconds, list) and len(seconds) == len(self.sizes) else [0.0] * len(self.sizes)
        self.started = time.monotonic()
        if meta:
            self._drop_unfinished()
            for k in range(max(0, len(self.sizes) - 2), len(self.sizes)):
                self._check_layer(k)

    # ------------------------------------------------------------------ files
    def _file(self, k: int, ext: str) -> str:
        return os.path.join(self.path, f"layer_{k:04d}.{ext}")

    def _drop_unfinished(self) -> None:
        keep = {f"layer_{k:04d}.{e}" for k in range(len(self.sizes) - 2, len(self.sizes)) for e in ("bin", "idx")}
        for name in os.listdir(self.path):
            if name.startswith("layer_") and name not in keep:
                os.remove(os.path.join(self.path, name))

    def index(self, k: int) -> np.ndarray:
        import numpy as np

        return np.fromfile(self._file(k, "idx"), dtype=np.int64).reshape(-1, 4)

    def _check_layer(self, k: int) -> None:
        try:
            idx = self.index(k)
            size = os.path.getsize(self._file(k, "bin"))
        except (OSError, ValueError):
            raise InputError(f"{_label(self.path)}: layer {k} is missing or damaged") from None
        if idx.shape[0] != self.nchunks or int(idx[:, 3].sum()) != self.sizes[k] or \
                (idx.shape[0] and int(idx[-1, 0] + idx[-1, 1]) != size):
            raise InputError(f"{_label(self.path)}: layer {k} does not match its size in {META}")

    def read(self, k: int):
        """A reader of layer k's chunks: ``reader(c) -> (kind, payload uint8 array, states)``."""
        idx = self.index(k)
        fh = open(self._file(k, "bin"), "rb")

        def chunk(c: int):
            import numpy as np

            offset, nbytes, kind, count = (int(v) for v in idx[c])
            data = os.pread(fh.fileno(), nbytes, offset)
            if len(data) != nbytes:
                raise RuntimeFailure(f"{_label(self.path)}: layer {k} is truncated")
            return kind, np.frombuffer(data, dtype=np.uint8), count

        chunk.close = fh.close
        return chunk

    def writer(self, k: int) -> "LayerWriter":
        return LayerWriter(self._file(k, "bin"), self._file(k, "idx"), self.nchunks, durable=not self.temporary)

    def commit(self, sizes: list[int], complete: bool = False) -> None:
        """Record the finished layers (atomically) and delete the layer files no longer needed."""
        now = time.monotonic()
        self.seconds = (self.seconds + [0.0] * len(sizes))[:len(sizes)]
        if len(sizes) > len(self.sizes):
            self.seconds[-1] = round(now - self.started, 2)
        self.started = now
        self.sizes, self.complete = list(sizes), complete
        meta = dict(self.ident, sizes=self.sizes, complete=complete, states=sum(self.sizes), seconds=self.seconds)
        tmp = os.path.join(self.path, META + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(meta, fh)
            fh.flush()
            if not self.temporary:
                os.fsync(fh.fileno())
        os.replace(tmp, os.path.join(self.path, META))
        self._drop_unfinished()

    def close(self) -> None:
        if self.temporary:
            shutil.rmtree(self.path, ignore_errors=True)


class LayerWriter:
    """Appends one layer's chunks; :meth:`close` makes the files durable (fsync) before the meta names them
    (not those of a temporary directory, which no run resumes)."""

    def __init__(self, bin_path: str, idx_path: str, nchunks: int, durable: bool = True):
        import numpy as np

        self.bin_path, self.idx_path, self.durable = bin_path, idx_path, durable
        self.fh = open(bin_path, "wb")
        self.rows = np.zeros((nchunks, 4), dtype=np.int64)
        self.offset = 0

    def add(self, c: int, kind: int, payload, count: int) -> None:
        data = memoryview(payload).cast("B")
        self.fh.write(data)
        self.rows[c] = (self.offset, data.nbytes, kind, count)
        self.offset += data.nbytes

    def close(self) -> None:
        self.fh.flush()
        if self.durable:
            os.fsync(self.fh.fileno())
        self.fh.close()
        with open(self.idx_path, "wb") as fh:
            self.rows.tofile(fh)
            fh.flush()
            if self.durable:
                os.fsync(fh.fileno())
