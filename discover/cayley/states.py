"""States as users write them for `cayley solve` (and `cayley walk`): parsed at the edge, checked, 0-based.

A state of a graph whose start is the identity of 0..n-1 is a permutation, written as in ``--perm``
(one-line ``[3 1 2]`` or cycle notation, points 1..n), meaning the arrangement ``s`` with ``s[i]`` the
value at position i. ``word:G G ...`` names generators instead: the state is the start moved by them,
``start . G_1 . G_2 ...`` (see :mod:`discover.cayley.perms` for the action).

For a matrix group mod p a state is a matrix as in ``--matrix`` (``[[1,2],[0,1]]`` or ``1 2; 0 1``), or a
vector ``[1 0]`` when the start is a vector (an orbit); entries are taken mod p.
"""

from __future__ import annotations

import os

from discover.cayley import perms as P
from discover.cayley.graph import GraphDef
from discover.cayley.limits import MAX_STATES_FILE_BYTES
from discover.errors import InputError

MAX_WORD = 100_000  # generators in one word:...


def parse_state(graph: GraphDef, text: str) -> tuple:
    """The state written ``text`` (see the module docstring); ``InputError`` naming it otherwise."""
    raw = str(text).strip()
    if raw.startswith("word:"):
        names = raw[5:].split()
        if len(names) > MAX_WORD:
            raise InputError(f"--state: a word of more than {MAX_WORD:,} generators")
        index = {name: i for i, name in enumerate(graph.generator_names)}
        word = []
        for name in names:
            if name not in index:
                known = " ".join(graph.generator_names[:30])
                raise InputError(f"--state {raw[:60]!r}: unknown generator {name[:20]!r} (known: {known})")
            word.append(index[name])
        from discover.cayley.solve import apply_word

        return apply_word(graph, graph.start, word)
    if graph.kind == "matrix":
        return _matrix_state(graph, raw)
    if tuple(graph.start) != tuple(range(graph.degree)):
        raise InputError("--state: states are permutations, so the start must be the identity (use word:...)")
    try:
        return P.parse_perm(raw, graph.degree)
    except InputError as exc:
        raise InputError(str(exc).replace("--perm", "--state", 1)) from None


def _matrix_state(graph: GraphDef, raw: str) -> tuple:
    from discover.cayley.parse import parse_matrix, parse_start

    k, p = graph.degree, graph.modulus
    if len(graph.start) == k:  # an orbit of vectors
        values, _ = parse_start(raw, "matrix")
        if len(values) != k:
            raise InputError(f"--state: a vector of length {k} is expected, got {len(values)} entries")
        return tuple(v % p for v in values)
    try:
        size, entries = parse_matrix(raw)
    except InputError as exc:
        raise InputError(str(exc).replace("--matrix", "--state", 1)) from None
    if size != k:
        raise InputError(f"--state: a {k}x{k} matrix is expected, got {size}x{size}")
    return tuple(v % p for v in entries)


def read_states(path: str, limit: int) -> list[str]:
    """The states written in the file ``path``, one a line (blank lines and ``#`` comments skipped)."""
    try:
        if os.path.getsize(path) > MAX_STATES_FILE_BYTES:
            raise InputError(f"--states {path}: larger than {MAX_STATES_FILE_BYTES:,} bytes")
        with open(path, encoding="utf-8") as fh:
            lines = [line.strip() for line in fh]
    except UnicodeDecodeError:
        raise InputError(f"--states {path}: not a UTF-8 text file") from None
    except OSError as exc:
        raise InputError(f"--states {path}: cannot read it ({exc.strerror or exc})") from None
    out = [line for line in lines if line and not line.startswith("#")]
    if len(out) > limit:
        raise InputError(f"--states {path}: more than {limit:,} states")
    return out
