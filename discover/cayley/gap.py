"""A reader for puzzle definitions in GAP syntax (the files of Rokicki's PuzzleGeometry, CayleyPy's GAP
puzzle library), parsed strictly: every error names the file and the line.

The format: statements ``NAME:=VALUE;`` (a statement may span lines; ``#`` starts a comment to the end of
its line). A value in cycle notation ``(1,2,3)(4,5)`` (points 1..n, as in GAP; ``()`` is the identity)
defines a generator named NAME (a leading ``M_`` is dropped). ``Gen:=[A,B,...];`` chooses the generators
and their order (default: every defined generator, in file order). ``ip:=[[1],[4,7],...];`` lists sets of
identical pieces: the start state gives the points of one set one colour (points not listed each get their
own), so the search runs on the orbit of that colouring (a Schreier coset graph), as CayleyPy does. The
degree is the largest point named.
"""

from __future__ import annotations

import re

from discover.cayley import perms as P
from discover.cayley.limits import MAX_GAP_BYTES, MAX_GAP_GENERATORS, MAX_PERM_DEGREE
from discover.errors import InputError

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)
_CYCLES = re.compile(r"(\(\s*\)|\((\s*[0-9]{1,9}\s*,)*\s*[0-9]{1,9}\s*\))+", re.ASCII)


def _statements(text: str):
    """(line number where it starts, text) of every ``;``-terminated statement, comments removed."""
    buf, start = [], None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0]
        while line:
            head, sep, line = line.partition(";")
            if head.strip() and start is None:
                start = number
            buf.append(head)
            if sep:
                if start is not None:
                    yield start, " ".join(buf).strip()
                buf, start = [], None
    if start is not None:
        raise InputError(f"line {start}: statement not terminated by ';'")


def _cycles(value: str, where: str) -> list[list[int]]:
    compact = re.sub(r"\s+", "", value)
    if not _CYCLES.fullmatch(compact):
        raise InputError(f"{where}: not cycle notation like (1,2,3)(4,5)")
    cycles = []
    for body in re.findall(r"\(([^()]*)\)", compact):
        points = [int(t) for t in body.split(",") if t]
        for v in points:
            if v == 0:
                raise InputError(f"{where}: point 0 (points are 1..n, as in GAP)")
            if v > MAX_PERM_DEGREE:
                raise InputError(f"{where}: point {v} is beyond the limit of {MAX_PERM_DEGREE} points")
        cycles.append([v - 1 for v in points])
    flat = [v for c in cycles for v in c]
    if len(flat) != len(set(flat)):
        raise InputError(f"{where}: a point appears twice")
    return cycles


def _name_list(value: str, where: str) -> list[str]:
    body = value.strip()
    if not (body.startswith("[") and body.endswith("]")):
        raise InputError(f"{where}: expected a list [A,B,...]")
    items = [t.strip() for t in body[1:-1].split(",")]
    if not all(_NAME.fullmatch(t) for t in items):
        raise InputError(f"{where}: expected generator names separated by commas")
    return items


def _point_sets(value: str, where: str) -> list[list[int]]:
    compact = re.sub(r"\s+", "", value)
    if not re.fullmatch(r"\[(\[[0-9]{1,9}(,[0-9]{1,9})*\](,\[[0-9]{1,9}(,[0-9]{1,9})*\])*)?\]", compact, re.ASCII):
        raise InputError(f"{where}: expected sets of points [[1,2],[3],...]")
    return [[int(t) for t in body.split(",")] for body in re.findall(r"\[([0-9,]+)\]", compact)]


def parse_gap(text: str, source: str = "--gap") -> tuple[list[tuple], list[str], tuple | None]:
    """(generators in one-line form, their names, start state or None) of a GAP puzzle definition
    (``InputError`` naming ``source`` and the line for anything else)."""
    if len(text.encode()) > MAX_GAP_BYTES:
        raise InputError(f"{source}: larger than {MAX_GAP_BYTES:,} bytes")
    defined: dict[str, tuple[int, list]] = {}
    chosen, identical = None, None
    try:
        for line, statement in _statements(text):
            where = f"line {line}"
            name, sep, value = statement.partition(":=")
            name = name.strip()
            if not sep or not _NAME.fullmatch(name):
                raise InputError(f"{where}: expected NAME:=VALUE; got {statement[:40]!r}")
            if name == "Gen":
                chosen = (line, _name_list(value, where))
            elif name == "ip":
                identical = (line, _point_sets(value, where))
            else:
                key = name[2:] if name.startswith("M_") else name
                if key in defined:
                    raise InputError(f"{where}: generator {key!r} defined twice")
                defined[key] = (line, _cycles(value, where))
                if len(defined) > MAX_GAP_GENERATORS:
                    raise InputError(f"{where}: more than {MAX_GAP_GENERATORS} generators")
        if not defined:
            raise InputError("no generator defined (expected lines like M_F:=(1,2,3);)")
        names = list(defined)
        if chosen is not None:
            line, listed = chosen
            names = []
            for item in listed:
                key = item[2:] if item.startswith("M_") else item
                if key not in defined:
                    raise InputError(f"line {line}: Gen names {item!r}, which is not defined")
                names.append(key)
        points = [v for key in names for c in defined[key][1] for v in c]
        n = max(points, default=-1) + 1
        if n < 1:
            raise InputError("every generator is the identity")
        gens = [P.from_cycles(n, defined[key][1]) for key in names]
        start = None
        if identical is not None:
            line, sets = identical
            colour = [-1] * n
            for number, members in enumerate(sets):
                for v in members:
                    if not 1 <= v <= n:
                        raise InputError(f"line {line}: ip names point {v}, outside 1..{n}")
                    if colour[v - 1] != -1:
                        raise InputError(f"line {line}: ip names point {v} twice")
                    colour[v - 1] = number
            nxt = len(sets)
            for i in range(n):
                if colour[i] == -1:
                    colour[i], nxt = nxt, nxt + 1
            relabel = {c: i for i, c in enumerate(sorted(set(colour), key=colour.index))}
            start = tuple(relabel[c] for c in colour)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None
    return gens, names, start
