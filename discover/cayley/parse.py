"""Matrices and start states as users write them, parsed strictly at the edge (``InputError`` naming the
input for anything else: unclosed brackets, empty entries, non-ASCII digits, sizes beyond the limits).

* a matrix: ``[[1,1],[0,1]]`` (rows in brackets, commas or spaces between entries) or ``1 1; 0 1``
  (rows separated by semicolons, no brackets); k x k with k <= :data:`~discover.cayley.limits.MAX_MATRIX_DEGREE`;
* a start state: a word of single letters (``0011``, ``aabb``), or tokens separated by commas or spaces
  (``1 2 2 3``, ``1,0,0``), optionally in one pair of brackets; for permutations the letters are relabelled
  0..k-1 in sorted order (numerically when all are integers), for matrices they are the integer entries of a
  row vector (reduced mod p later).

Permutations are parsed by :mod:`discover.cayley.perms`.
"""

from __future__ import annotations

import re

from discover.cayley.limits import MAX_MATRIX_DEGREE, MAX_START_LENGTH
from discover.errors import InputError

_INT = re.compile(r"[+-]?[0-9]+", re.ASCII)
_BRACKETED_ROWS = re.compile(r"\[\s*(\[[^\[\]]*\]\s*(,\s*)?)+\]", re.ASCII)
_MAX_TEXT = 100_000  # characters of one matrix or start state


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _integers(tokens, option: str, text: str) -> list[int]:
    if not all(_INT.fullmatch(t) for t in tokens):
        raise InputError(f"{option} {_shown(text)}: entries must be integers (ASCII digits)")
    if any(len(t) > 30 for t in tokens):
        raise InputError(f"{option} {_shown(text)}: an entry has more than 30 digits")
    return [int(t) for t in tokens]


def _items(body: str, option: str, text: str) -> list[str]:
    """Tokens separated by commas or whitespace; an empty item (``1,,2``, ``1,0,``) is refused."""
    if "," in body:
        items = [t.strip() for t in body.split(",")]
        if any(not t or re.search(r"\s", t) for t in items):
            raise InputError(f"{option} {_shown(text)}: an empty or malformed entry between commas")
        return items
    return body.split()


def parse_matrix(text: str) -> tuple[int, tuple]:
    """``[[1,1],[0,1]]`` or ``1 1; 0 1``: (size k, row-major integer entries)."""
    raw = str(text).strip()
    if len(raw) > _MAX_TEXT:
        raise InputError(f"--matrix: more than {_MAX_TEXT:,} characters")
    if raw.startswith("["):
        if not _BRACKETED_ROWS.fullmatch(raw):
            raise InputError(f"--matrix {_shown(text)}: expected rows in brackets, e.g. [[1,1],[0,1]] "
                             "(unbalanced or misplaced brackets)")
        bodies = re.findall(r"\[([^\[\]]*)\]", raw[1:-1])
    elif re.search(r"[\[\]()]", raw):
        raise InputError(f"--matrix {_shown(text)}: unbalanced brackets; expected [[1,1],[0,1]] or 1 1; 0 1")
    else:
        bodies = raw.split(";")
    rows = [_integers(_items(b.strip(), "--matrix", text), "--matrix", text) for b in bodies]
    k = len(rows)
    if k == 0 or any(len(r) != k for r in rows):
        raise InputError(f"--matrix {_shown(text)}: not a square matrix")
    if k > MAX_MATRIX_DEGREE:
        raise InputError(f"--matrix: {k}x{k} is larger than the limit {MAX_MATRIX_DEGREE}x{MAX_MATRIX_DEGREE}")
    return k, tuple(v for r in rows for v in r)


def parse_start(text: str, kind: str) -> tuple[tuple, tuple | None]:
    """A start state (see the module docstring): (values, alphabet); the alphabet (sorted letters) only
    for permutations."""
    raw = str(text).strip()
    if len(raw) > _MAX_TEXT:
        raise InputError(f"--start: more than {_MAX_TEXT:,} characters")
    pairs = {"[": "]", "(": ")"}
    if raw[:1] in pairs:
        if raw[-1:] != pairs[raw[0]]:
            raise InputError(f"--start {_shown(text)}: unclosed {raw[0]!r}")
        raw = raw[1:-1].strip()
    if re.search(r"[\[\]()]", raw):
        raise InputError(f"--start {_shown(text)}: unbalanced or nested brackets")
    if not raw:
        raise InputError("--start: empty")
    tokens = _items(raw, "--start", text) if re.search(r"[\s,]", raw) else list(raw)
    if len(tokens) > MAX_START_LENGTH:
        raise InputError(f"--start: {len(tokens):,} letters, more than the limit {MAX_START_LENGTH:,}")
    if kind == "matrix":
        return tuple(_integers(tokens, "--start", text)), None
    if not all(t.isprintable() and t.isascii() for t in tokens):
        raise InputError(f"--start {_shown(text)}: letters must be printable ASCII")
    numeric = all(_INT.fullmatch(t) for t in tokens)
    keys = sorted(set(tokens), key=int) if numeric else sorted(set(tokens))
    index = {t: i for i, t in enumerate(keys)}
    return tuple(index[t] for t in tokens), tuple(keys)


def parse_starts(texts, kind: str) -> tuple[list[tuple], tuple | None]:
    """Several start states (``--start`` repeated): (values of each, the common alphabet); the letters of
    every word are numbered in one sorted alphabet, so equal letters are equal values across the words."""
    parsed = [parse_start(t, kind) for t in texts]
    if kind == "matrix":
        return [values for values, _ in parsed], None
    letters = {letter for _, alphabet in parsed for letter in alphabet}
    numeric = all(_INT.fullmatch(t) for t in letters)
    keys = tuple(sorted(letters, key=int) if numeric else sorted(letters))
    index = {t: i for i, t in enumerate(keys)}
    return [tuple(index[alphabet[v]] for v in values) for values, alphabet in parsed], keys
