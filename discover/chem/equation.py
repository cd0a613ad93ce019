"""Reaction problems: which species, and on which side each one must go.

A problem is a list of species with a side each: ``-1`` reactant, ``+1`` product, ``0`` free (the
balancer decides). It is read from an equation (``"A + B -> C + D"``: sides given) or from a
comma-separated species list (``"A, B, C"``: sides free). ``--medium acidic`` adds H+ and H2O,
``--medium basic`` adds OH- and H2O, both with free sides, unless the problem already has them.

Equation syntax: exactly one arrow (``->``, ``=>``, ``=``, ``<->``, ``<=>``, ``→``, ``⇌``); species
on a side are separated by ``+`` with white space on both sides (``Fe+3 + e-``: the ``+`` inside
``Fe+3`` is a charge). Species are written without coefficients; the same species may not be listed
twice.

Limits, checked before any species is read: a line has at most ``MAX_LINE_CHARS`` characters and at
most ``MAX_SPECIES`` species (the exact enumeration of elementary reactions grows exponentially with
the number of species; ``--max-rays`` bounds it further).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from discover.chem.formula import FormulaError, Species, parse_species
from discover.errors import InputError

REACTANT, PRODUCT, FREE = -1, 1, 0
MEDIA = {"acidic": ("H+", "H2O"), "basic": ("OH-", "H2O")}
_ARROW = re.compile(r"<=>|<->|->|=>|→|⟶|⇌|⇄|=")
_PLUS = re.compile(r"\s+\+\s+")
MAX_LINE_CHARS = 20_000
MAX_SPECIES = 200
MAX_FILE_BYTES = 16 * 2**20
MAX_LINES = 100_000


@dataclass(frozen=True)
class Problem:
    """Species, the side of each (-1 reactant, +1 product, 0 free), and which ones ``--medium`` added."""

    species: tuple[Species, ...]
    sides: tuple[int, ...]
    added: tuple[bool, ...]

    @property
    def names(self) -> list[str]:
        return [s.text for s in self.species]


def parse_equation(text: str, medium: str | None = None) -> Problem:
    """``"A + B -> C + D"`` -> a problem with sides given."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("empty equation")
    _check_length(text)
    arrows = list(_ARROW.finditer(text))
    if not arrows:
        raise InputError(f"equation {_short(text)}: no arrow (write 'A + B -> C', or give --species 'A, B, C' "
                         "to let the balancer choose sides)")
    if len(arrows) > 1:
        raise InputError(f"equation {_short(text)}: more than one arrow (character {arrows[1].start() + 1})")
    arrow = arrows[0]
    left, right = text[: arrow.start()], text[arrow.end():]
    species, sides = [], []
    names = {}
    for side_text, where in ((left, "left"), (right, "right")):
        if not side_text.strip():
            raise InputError(f"equation {_short(text)}: nothing on the {where} of the arrow")
        names[where] = _PLUS.split(side_text.strip())
    _check_count(text, len(names["left"]) + len(names["right"]))
    for where, side in (("left", REACTANT), ("right", PRODUCT)):
        for name in names[where]:
            species.append(_species(text, name))
            sides.append(side)
    return _finish(text, species, sides, medium)


def parse_species_list(text: str, medium: str | None = None) -> Problem:
    """``"A, B, C"`` -> a problem with every side free."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("empty species list")
    _check_length(text)
    names = [n.strip() for n in text.split(",")]
    _check_count(text, len(names))
    species = [_species(text, n) for n in names]
    return _finish(text, species, [FREE] * len(species), medium)


def parse_problem(text: str, medium: str | None = None, sides_free: bool = False) -> Problem:
    """An equation, or (``sides_free``) a species list."""
    return parse_species_list(text, medium) if sides_free else parse_equation(text, medium)


def read_reaction_file(path: str | os.PathLike) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The reactions of a file (one per line; blank lines and ``#`` comments skipped) and their line
    numbers. The file must be UTF-8 text of at most ``MAX_FILE_BYTES`` bytes with at most ``MAX_LINES``
    reactions; a byte that is not UTF-8 (a binary or Latin-1 file) is refused naming its line."""
    from discover.textfile import read_text_file

    text = read_text_file(path, f"--file {path}", MAX_FILE_BYTES)
    lines, numbers = [], []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if len(lines) == MAX_LINES:
            raise InputError(f"--file {path}: more than {MAX_LINES:,} reactions (the limit)")
        lines.append(line)
        numbers.append(number)
    if not lines:
        raise InputError(f"--file {path}: no reactions in the file")
    return tuple(lines), tuple(numbers)


def _short(text: str) -> str:
    return repr(text) if len(text) <= 200 else repr(text[:197] + "...")


def _check_length(text: str) -> None:
    if len(text) > MAX_LINE_CHARS:
        raise InputError(f"{_short(text)}: {len(text):,} characters; a reaction has at most {MAX_LINE_CHARS:,}")


def _check_count(text: str, count: int) -> None:
    if count > MAX_SPECIES:
        raise InputError(f"{_short(text)}: {count:,} species; a reaction has at most {MAX_SPECIES}")


def _species(context: str, name: str) -> Species:
    if not name:
        raise InputError(f"{_short(context)}: an empty species (a stray '+' or ',')")
    if re.match(r"\+(\s|$)", name) or re.search(r"\s\+$", name):
        raise InputError(f"{_short(context)}: a stray '+' (in {name!r}; species are separated by ' + ')")
    m = re.match(r"(\d+)\s+\S", name)
    if m:
        raise InputError(f"{_short(context)}: species {name!r} starts with the coefficient {m.group(1)} (write species "
                         "without coefficients: the balancer finds them)")
    try:
        return parse_species(name)
    except FormulaError as exc:
        raise FormulaError(exc.text, exc.position, str(exc).split(": ", 1)[1] + f" (in {_short(context)})") from None


def _finish(text: str, species: list[Species], sides: list[int], medium: str | None) -> Problem:
    seen: set[str] = set()
    for s in species:
        if s.text in seen:
            raise InputError(f"{_short(text)}: species {s.text!r} is listed twice")
        seen.add(s.text)
    added = [False] * len(species)
    if medium is not None:
        if medium not in MEDIA:
            raise InputError(f"--medium {medium!r}: expected one of {', '.join(MEDIA)}")
        present = {(tuple(sorted(s.counts)), s.charge) for s in species}
        for name in MEDIA[medium]:
            extra = parse_species(name)
            if (tuple(sorted(extra.counts)), extra.charge) not in present:
                species.append(extra)
                sides.append(FREE)
                added.append(True)
    return Problem(tuple(species), tuple(sides), tuple(added))
