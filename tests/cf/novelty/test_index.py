"""The binary index of the shipped lists against an in-memory index of the same lists, its staleness rules,
and the user's --known rows carried by the specs to a worker that shares nothing with the driver."""

from __future__ import annotations

import multiprocessing
import random
import shutil

import pytest

import discover.cf.novelty.index as ix
from discover.cf.novelty.active import known_rows, use_known
from discover.cf.novelty.equivalence import canonical_key, folds
from discover.cf.novelty.known import load_known_file, shipped_lists


def test_cache_lookups_are_the_rows_keys():
    """For sampled rows (30 of the published PCFs, 40 of the classic rows), each look-up of the binary index returns the row, and
    every row it returns has that key, recomputed here from the TSV files."""
    cached = ix._shipped()
    assert isinstance(cached.parts[0], ix._CachePart), "known_index.bin is stale"
    per_list = [load_known_file(p, shipped=True) for p in shipped_lists()]
    rows = [r for rows_of_list in per_list for r in rows_of_list]
    sizes = [len(rows_of_list) for rows_of_list in per_list]
    assert sizes[0] == 2763  # the Ramanujan Machine's published PCFs (../shared/reference/known_pcfs.tsv)
    assert len(cached) == len(rows) and [x["rows"] for x in cached.lists] == sizes
    canon_of = {}

    def canon(j):
        if j not in canon_of:
            canon_of[j] = canonical_key(rows[j].a, rows[j].b)
        return canon_of[j]

    rng = random.Random(13)
    classics = range(2763, 2763 + sizes[1])
    for i in rng.sample(range(2763), 30) + rng.sample(classics, min(40, len(classics))):
        assert cached.row(i) == rows[i]
        c = canon(i)
        hits = cached.same_canonical(c)
        assert i in hits and all(canon(j) == c for j in hits) and hits == sorted(hits)
        for parity, key in folds(*c):
            back = cached.folding_to(key)
            assert (i, parity) in back and back == sorted(back)
            assert all(dict(folds(*canon(j)))[p] == key for j, p in back)
        if rows[i].constants:
            partners = cached.partners(rows[i].constants, c)
            assert i in partners
            assert all(rows[j].constants == rows[i].constants for j in partners)
    # a form no list holds: PCF(n^3 + 7, 5) is found nowhere
    assert cached.same_canonical(canonical_key((7, 0, 0, 1), (5,))) == []


def test_stale_cache_is_not_used(tmp_path, monkeypatch):
    copies = []
    for path in shipped_lists():
        copy = tmp_path / path.name
        shutil.copyfile(path, copy)  # same bytes, a new modification time
        copies.append(copy)
    monkeypatch.setattr(ix, "shipped_lists", lambda: copies)
    assert ix._read_cache() is not None  # the time differs, the SHA-256 agrees
    text = copies[1].read_text()
    i = text.index("\n", text.index("\n") + 1) + 1  # the first data row: change a digit, same size
    digit = next(j for j in range(i, len(text)) if text[j].isdigit())
    copies[1].write_text(text[:digit] + str((int(text[digit]) + 1) % 10) + text[digit + 1:])
    assert ix._read_cache() is None
    copies[1].write_text(text + "\n")  # another size
    assert ix._read_cache() is None


def _novelty_in_fresh_process(spec):
    """run_shard of ``spec`` in this (spawned) process: nothing of the driver's state is here."""
    from discover.cf.eval.engine import run_shard
    from discover.runner.engine import Shard

    return run_shard(spec, Shard("eval", {})).records[0].payload["novelty"]


def test_known_rows_travel_in_the_spec(tmp_path):
    """--known rows reach a worker through the spec alone (a spawned process, as a Ray worker elsewhere);
    they are part of the stored spec, and a spec built without them has none."""
    from discover.cf.eval.engine import CFEvalSpec

    lst = tmp_path / "mine.tsv"
    lst.write_text("a\tb\tlimit\tdataset\n5n+3\t-6n^2\t\tmy-notes\n")
    rows = tuple(r.as_tuple() for r in load_known_file(lst))
    use_known(rows)
    try:
        spec = CFEvalSpec(a="5n+3", b="-6n^2", depth=300, constants=("pi",))
    finally:
        use_known(())
    assert known_rows() == () and spec.known == rows
    assert CFEvalSpec.from_dict(spec.to_dict()).known == rows  # the stored spec (resume) keeps them
    assert CFEvalSpec(a="5n+3", b="-6n^2", depth=300, constants=("pi",)).known == ()
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(known_rows) == ()  # no --known rows in the worker but the spec's
        nov = pool.apply(_novelty_in_fresh_process, (spec,))
        assert nov["class"] == "known" and nov["listed"]["dataset"] == "my-notes"
        plain = pool.apply(_novelty_in_fresh_process, (CFEvalSpec(a="5n+3", b="-6n^2", depth=300,
                                                                  constants=("pi",)),))
        assert plain["listed"] is None or plain["listed"]["dataset"] != "my-notes"
