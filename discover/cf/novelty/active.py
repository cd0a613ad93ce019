"""The user's own known lists (``--known FILE``) of the run in progress, as parsed rows.

The rows travel in the engine specs (a field ``known``, hashed and stored with the spec, so a Ray worker
on another machine and a ``--resume`` see the same lists; see :func:`known_rows`): the CLI sets them
here before it builds the spec (the field's default), each shard sets them again from its spec
(:func:`use_known`), and :func:`discover.cf.novelty.index.load_index` compares against them. An empty
tuple means: the shipped lists only.

A row is ``(a, b, limit, dataset, citation, source, line, constants)``: coefficient tuples lowest degree
first, the published limit text, the dataset and citation, the file name and line it was read from, and
the registry names of its ``constants`` column (:class:`discover.cf.novelty.known.KnownPCF`).
"""

from __future__ import annotations

__all__ = ["known_rows", "use_known"]

_ROWS: tuple = ()


def known_rows() -> tuple:
    """The rows of the ``--known`` lists in force in this process (the spec field's default)."""
    return _ROWS


def use_known(rows) -> None:
    """Put ``rows`` (a spec's ``known`` field, or the rows just read by the CLI) in force."""
    global _ROWS
    _ROWS = tuple(rows or ())
