"""The index of the known lists, by what a novelty check looks up.

* ``by_canonical``: canonical form (:func:`~discover.cf.novelty.equivalence.canonical_key`, by its
  digest :func:`key_digest`) -> listed rows;
* ``by_fold``: canonical form (digest) of a listed row's even / odd contraction -> (row, parity);
* ``by_class``: (limit class, coboundary class) -> listed rows, the only partners a coboundary is tried
  with (:func:`~discover.cf.novelty.equivalence.coboundary_class`: rate and determinant invariants; the
  limit class is the set of constants the published limit is written with).

A lookup is a dictionary access; building the index for the shipped lists (4,225 rows, each
canonicalised and folded) takes seconds, so the shipped part is cached in ``data/known_index.json``
(written by ``python -m discover.cf.novelty.index``, one entry per list with the SHA-256 of the list it
was built from; a stale list is rebuilt in memory). User lists (``--known``) are indexed when loaded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from discover.cf.novelty.known import DATA, KnownPCF, load_known_file, shipped_lists

__all__ = ["KnownIndex", "load_index", "ENV_KNOWN", "key_digest"]

CACHE = DATA / "known_index.json"
# Paths of the user's lists (os.pathsep-separated), set by the CLI's --known for the run's workers.
ENV_KNOWN = "DISCOVER_KNOWN_PCFS"


def _digest(paths) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()


def _entry(row: KnownPCF) -> dict:
    from discover.cf.novelty.equivalence import canonical_key, coboundary_class, folds

    canon = canonical_key(row.a, row.b)
    rate, det = coboundary_class(*canon)
    rate_json = [rate[0]] + [str(x) for x in rate[1:]]
    return {"row": [list(row.a), list(row.b), row.limit, row.dataset, row.citation, row.line,
                    list(row.constant_names)],
            "canonical": key_digest(canon),
            "folds": [[parity, key_digest(k)] for parity, k in folds(*canon)],
            "class": [rate_json, [det[0], [list(g) for g in det[1]]]]}


def key_digest(canon) -> str:
    """A short digest of a canonical form (a, b coefficient tuples): the index's keys (the folds of the
    large CMF-trajectory PCFs have hundreds of digits; 80 bits of SHA-256 keep the index small)."""
    text = repr((tuple(int(c) for c in canon[0]), tuple(int(c) for c in canon[1])))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _class_key(constants, klass) -> str:
    return json.dumps([list(constants), klass], separators=(",", ":"))


@dataclass
class KnownIndex:
    """The known rows and the three lookups (module doc); ``lists``: what was compared against."""

    rows: list = field(default_factory=list)
    by_canonical: dict = field(default_factory=dict)
    by_fold: dict = field(default_factory=dict)
    by_class: dict = field(default_factory=dict)
    lists: list = field(default_factory=list)

    def add(self, row: KnownPCF, entry: dict) -> None:
        i = len(self.rows)
        self.rows.append((row, entry))
        self.by_canonical.setdefault(entry["canonical"], []).append(i)
        for parity, key in entry["folds"]:
            self.by_fold.setdefault(key, []).append((i, parity))
        if row.constants:
            self.by_class.setdefault(_class_key(row.constants, entry["class"]), []).append(i)

    def add_list(self, path, shipped: bool = False, entries=None) -> None:
        if entries is not None:  # the cache holds the parsed rows too (parsing 4,225 rows takes seconds)
            name = Path(path).name
            rows = [KnownPCF(a=tuple(e["row"][0]), b=tuple(e["row"][1]), limit=e["row"][2], dataset=e["row"][3],
                             citation=e["row"][4], source=name, line=e["row"][5],
                             constant_names=tuple(e["row"][6])) for e in entries]
        else:
            rows = load_known_file(path, shipped=shipped)
        for j, row in enumerate(rows):
            self.add(row, entries[j] if entries is not None else _entry(row))
        self.lists.append({"list": Path(path).name if shipped else str(path), "rows": len(rows),
                           "shipped": shipped})

    def same_canonical(self, canon) -> list[int]:
        """Listed rows with the canonical form ``canon``."""
        return self.by_canonical.get(key_digest(canon), [])

    def folding_to(self, canon) -> list[tuple[int, int]]:
        """(row, parity) of the listed rows whose even (0) / odd (1) contraction has the form ``canon``."""
        return self.by_fold.get(key_digest(canon), [])

    def partners(self, constants, canon) -> list[int]:
        """Rows with the same limit class and coboundary class as ``canon``."""
        from discover.cf.novelty.equivalence import coboundary_class

        rate, det = coboundary_class(*canon)
        klass = [[rate[0]] + [str(x) for x in rate[1:]], [det[0], [list(g) for g in det[1]]]]
        return self.by_class.get(_class_key(constants, klass), [])


def _shipped_entries() -> list[list[dict]]:
    """Per shipped list, the index entries of its rows: from the cache where the list is unchanged (its
    SHA-256), else built."""
    cached = {}
    if CACHE.exists():
        try:
            cached = json.loads(CACHE.read_text()).get("lists", {})
        except (OSError, ValueError):
            cached = {}
    out = []
    for path in shipped_lists():
        item = cached.get(path.name)
        if item is not None and item.get("sha256") == _digest([path]):
            out.append(item["entries"])
        else:
            out.append([_entry(row) for row in load_known_file(path, shipped=True)])
    return out


_CACHED: dict = {}


def load_index(user_lists=None) -> KnownIndex:
    """The index of the shipped lists plus ``user_lists`` (paths; default: those named by the environment
    variable :data:`ENV_KNOWN`), built once per process and list set."""
    import os

    if user_lists is None:
        env = os.environ.get(ENV_KNOWN, "")
        user_lists = [p for p in env.split(os.pathsep) if p]
    key = tuple(str(p) for p in user_lists)
    if key in _CACHED:
        return _CACHED[key]
    index = KnownIndex()
    for path, entries in zip(shipped_lists(), _shipped_entries()):
        index.add_list(path, shipped=True, entries=entries)
    for path in user_lists:
        index.add_list(path)
    _CACHED[key] = index
    return index


def write_cache() -> Path:
    """Rebuild ``data/known_index.json`` from the shipped lists (entries of unchanged lists are kept)."""
    entries = _shipped_entries()
    lists = {p.name: {"sha256": _digest([p]), "entries": e} for p, e in zip(shipped_lists(), entries)}
    CACHE.write_text(json.dumps({"lists": lists}, separators=(",", ":")))
    return CACHE


if __name__ == "__main__":
    print(write_cache())
