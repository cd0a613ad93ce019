"""Chemical formulas: text -> element counts, charge and phase.

A species is a formula with an optional charge and an optional phase label::

    species  := body [charge] [phase]          (no spaces inside a species)
    body     := part (dot part)*               dot is one of  *  ·  .  •   (hydrates: CuSO4*5H2O)
    part     := [multiplier] group+            the multiplier applies to the whole part (5H2O)
    group    := (Element | "(" group+ ")" | "[" group+ "]") [count]
    charge   := "^" ("{" c "}" | c)  |  sign digits  |  digits sign  |  sign+      c = digits sign | sign digits | sign+
    phase    := "(s)" | "(l)" | "(g)" | "(aq)"

The electron is written ``e-`` (also ``e^-``, ``e^{-}``). Unicode subscript digits (H₂O) are read as
digits and a trailing run of superscripts (Fe³⁺) as a charge.

Charge notation, and the rule that resolves its one ambiguity
--------------------------------------------------------------
``Fe+3``, ``SO4-2`` (sign then digits), ``Fe^{3+}``, ``Fe^3+``, ``SO4^2-`` (caret) and ``MnO4-``,
``Fe++`` (signs only, one unit each) are unambiguous. ``<formula><digits><sign>`` is ambiguous:
``Fe3+`` is the iron(III) ion but ``NH4+`` is ammonium with charge 1+. The rule:

* when the formula before the digits is a single element symbol or a single square-bracketed group
  and there is one digit, the digit is the charge (monatomic ions: ``Fe3+`` = Fe^{3+}, ``Cu2+``,
  ``O2-`` = oxide O^{2-}; complex ions: ``[Fe(CN)6]4-``, ``[Cu(NH3)4]2+``);
* otherwise a single digit is the count of the last atom or group and the charge is one unit
  (``MnO4-``, ``NH4+``, ``H3O+``);
* two or more digits before a single trailing sign (``SO42-``, ``Fe12+``) are refused as ambiguous: the
  message says to write ``SO4^2-`` or ``SO4-2``. To mean a polyatomic count with charge one, use a
  caret (``Fe3^+``, ``C60^+``).

Limits, checked while reading (before any balancing): a species has at most ``MAX_FORMULA_CHARS``
characters and ``MAX_NESTING`` levels of brackets; every number written (a count, a hydrate multiplier,
a charge) is at most ``MAX_NUMBER``.

Every malformed formula raises :class:`FormulaError` (an :class:`~discover.errors.InputError`) whose
one-line message names the formula and the 1-based character where reading stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from discover.chem.elements import is_element
from discover.errors import InputError

PHASES = ("s", "l", "g", "aq")
HYDRATE_DOTS = "*·.•"
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉−", "0123456789-")
_SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8",
                 "⁹": "9", "⁺": "+", "⁻": "-"}
_ELECTRON = {"e-", "e^-", "e^{-}", "e⁻"}
_OPEN = {"(": ")", "[": "]"}
MAX_FORMULA_CHARS = 500
MAX_NESTING = 32
MAX_NUMBER = 10**6


class FormulaError(InputError):
    """A formula that cannot be read; ``position`` is the 0-based index of the offending character."""

    def __init__(self, text: str, position: int, what: str):
        self.text = text
        self.position = position
        super().__init__(f"formula {text!r}: {what}")


@dataclass(frozen=True)
class Species:
    """One species: ``text`` as written, element counts in order of first appearance, charge, phase.

    ``counts`` never holds zero counts; the electron has no elements and charge -1.
    """

    text: str
    counts: tuple[tuple[str, int], ...]
    charge: int = 0
    phase: str | None = None
    reading: str | None = field(default=None, compare=False)  # how an ambiguous charge was resolved

    @property
    def composition(self) -> dict[str, int]:
        return dict(self.counts)

    @property
    def is_electron(self) -> bool:
        return not self.counts and self.charge == -1

    def hill(self) -> str:
        """The Hill formula (C, then H, then the other symbols alphabetically; all alphabetical without C)."""
        comp = self.composition
        if "C" in comp:
            order = ["C"] + (["H"] if "H" in comp else []) + sorted(s for s in comp if s not in ("C", "H"))
        else:
            order = sorted(comp)
        return "".join(s + (str(comp[s]) if comp[s] != 1 else "") for s in order)

    def canonical(self) -> str:
        """A normal form for de-duplication: Hill formula, charge as ``^{n+}``, phase."""
        if self.is_electron:
            core = "e-"
        else:
            core = self.hill()
            if self.charge:
                core += "^{%d%s}" % (abs(self.charge), "+" if self.charge > 0 else "-")
        return core + (f"({self.phase})" if self.phase else "")


def parse_species(text: str) -> Species:
    """Read one species (see the module docstring for the grammar and the charge rule)."""
    if not isinstance(text, str) or not text:
        raise FormulaError(str(text), 0, "empty formula")
    if len(text) > MAX_FORMULA_CHARS:
        raise FormulaError(text[:40] + "...", 0, f"{len(text)} characters; a species has at most "
                                                 f"{MAX_FORMULA_CHARS}")
    for i, ch in enumerate(text):
        if ch.isspace():
            raise FormulaError(text, i, f"space at character {i + 1} (a species has no spaces; "
                                        "separate species with ' + ')")
    s = text.translate(_SUBSCRIPTS)
    phase = None
    m = re.search(r"\((s|l|g|aq)\)$", s)
    if m:
        phase = m.group(1)
        s = s[: m.start()]
        if not s:
            raise FormulaError(text, 0, "a phase label needs a formula before it")
    if s in _ELECTRON:
        return Species(text=text, counts=(), charge=-1, phase=phase)
    end, charge, reading = _read_charge(text, s)
    if abs(charge) > MAX_NUMBER:
        raise FormulaError(text, end, f"charge {charge:+d} is larger than the limit {MAX_NUMBER:,}")
    body = s[:end]
    if not body:
        raise FormulaError(text, 0, "no formula before the charge")
    if '0' <= body[0] <= '9':
        raise FormulaError(text, 0, "starts with a number at character 1 (write species without "
                                    "coefficients: the balancer finds them)")
    counts = _BodyParser(text, body).parse()
    return Species(text=text, counts=tuple(counts.items()), charge=charge, phase=phase, reading=reading)


def _read_charge(text: str, s: str) -> tuple[int, int, str | None]:
    """Find the charge at the end of ``s`` (the species without its phase); return (body end, charge,
    reading), where ``reading`` says how the ambiguous ``<digit><sign>`` form was resolved (else None)."""
    # superscript run: Fe³⁺, SO₄²⁻
    k = len(s)
    while k > 0 and s[k - 1] in _SUPERSCRIPTS:
        k -= 1
    if k < len(s):
        sup = "".join(_SUPERSCRIPTS[c] for c in s[k:])
        value = _charge_value(sup)
        if value is None:
            raise FormulaError(text, k, f"cannot read the superscript charge at character {k + 1}")
        return k, value, None
    caret = s.rfind("^")
    if caret >= 0:
        raw = s[caret + 1:]
        inner = raw[1:-1] if raw.startswith("{") and raw.endswith("}") else raw
        value = _charge_value(inner)
        if value is None:
            raise FormulaError(text, caret, f"cannot read the charge after '^' at character {caret + 1} "
                                            "(expected e.g. ^{3+}, ^2-, ^+)")
        return caret, value, None
    m = re.search(r"[+-]\d+$", s, re.ASCII)
    if m:  # Fe+3, SO4-2
        value = int(m.group()[1:])
        if value == 0:
            raise FormulaError(text, m.start() + 1, f"charge 0 at character {m.start() + 2}")
        return m.start(), value if m.group()[0] == "+" else -value, None
    m = re.search(r"[+-]+$", s)
    if not m:
        return len(s), 0, None
    signs = m.group()
    if len(set(signs)) > 1:
        raise FormulaError(text, m.start(), f"mixed charge signs at character {m.start() + 1}")
    unit = 1 if signs[0] == "+" else -1
    body = s[: m.start()]
    if len(signs) > 1:  # Fe++, SO4--
        return m.start(), unit * len(signs), None
    d = re.search(r"\d+$", body, re.ASCII)
    if not d:  # H+, Cl-, OH-
        return m.start(), unit, None
    head = body[: d.start()]
    single = (re.fullmatch(r"[A-Z][a-z]?", head) and is_element(head)) or _one_bracket(head)
    if len(d.group()) == 1 and single:
        value = int(d.group())  # monatomic ion or bracketed complex: Fe3+, Cu2+, O2-, [Fe(CN)6]4-
        if value == 0:
            raise FormulaError(text, d.start(), f"charge 0 at character {d.start() + 1}")
        return d.start(), unit * value, (
            f"{text}: charge {value}{signs} (one {'element' if head[0] != '[' else 'bracketed group'} before "
            f"the digit); write {head}{value}^{signs} for {head}{value} with charge 1{signs}")
    if len(d.group()) == 1:  # polyatomic with a count: MnO4-, NH4+, H3O+
        return m.start(), unit, (f"{text}: charge 1{signs}, the {d.group()} is a count; write "
                                 f"{head}^{d.group()}{signs} for charge {d.group()}{signs}")
    raise FormulaError(
        text, d.start(),
        f"ambiguous charge: the digits {d.group()!r} at character {d.start() + 1} before {signs!r} could be "
        f"a count or a charge; write {head}{d.group()[:-1]}^{d.group()[-1]}{signs} (charge "
        f"{d.group()[-1]}{signs}) or {body}^{signs} (charge 1{signs})")


def _one_bracket(head: str) -> bool:
    """True when ``head`` is one square-bracketed group ``[...]`` (a complex ion written whole)."""
    if not (head.startswith("[") and head.endswith("]")):
        return False
    depth = 0
    for i, ch in enumerate(head):
        depth += ch in "(["
        depth -= ch in ")]"
        if depth == 0 and i < len(head) - 1:
            return False
    return True


def _charge_value(c: str) -> int | None:
    """``3+``, ``+3``, ``+``, ``--`` -> signed integer; None when it is not a charge."""
    m = re.fullmatch(r"(\d*)([+-])|([+-])(\d+)|([+-])\5*", c, re.ASCII)
    if not m:
        return None
    if m.group(2):
        n, sign = (int(m.group(1)) if m.group(1) else 1), m.group(2)
    elif m.group(3):
        n, sign = int(m.group(4)), m.group(3)
    else:
        n, sign = len(c), c[0]
    if n == 0:
        return None
    return n if sign == "+" else -n


class _BodyParser:
    """Recursive descent over the formula body; positions are those of the original text."""

    def __init__(self, text: str, body: str):
        self.text = text
        self.s = body
        self.pos = 0
        self.depth = 0  # brackets open at self.pos

    def fail(self, pos: int, what: str):
        raise FormulaError(self.text, pos, what)

    def parse(self) -> dict[str, int]:
        total: dict[str, int] = {}
        while True:
            multiplier = self.number(allow_none=True) or 1
            part = self.groups(closer=None, opened_at=None)
            if not part:
                if self.pos >= len(self.s):
                    self.fail(len(self.s) - 1, f"expected a formula after character {len(self.s)}")
                self.fail(self.pos, f"expected a formula at character {self.pos + 1}")
            for sym, n in part.items():
                total[sym] = total.get(sym, 0) + multiplier * n
            if self.pos >= len(self.s):
                return total
            # groups() stops only at the end or at a hydrate dot
            self.pos += 1
            if self.pos >= len(self.s):
                self.fail(self.pos - 1, f"nothing after the hydrate dot at character {self.pos}")

    def number(self, allow_none: bool) -> int | None:
        start = self.pos
        while self.pos < len(self.s) and '0' <= self.s[self.pos] <= '9':
            self.pos += 1
        if self.pos == start:
            return None
        if self.pos - start > len(str(MAX_NUMBER)) or int(self.s[start:self.pos]) > MAX_NUMBER:
            self.fail(start, f"the number at character {start + 1} is larger than the limit {MAX_NUMBER:,}")
        value = int(self.s[start:self.pos])
        if value == 0:
            self.fail(start, f"count 0 at character {start + 1}")
        return value

    def groups(self, closer: str | None, opened_at: int | None) -> dict[str, int]:
        out: dict[str, int] = {}
        s = self.s
        while self.pos < len(s):
            ch = s[self.pos]
            at = self.pos
            if "A" <= ch <= "Z":
                sym = ch
                if at + 1 < len(s) and "a" <= s[at + 1] <= "z":
                    sym = s[at:at + 2]
                if not is_element(sym):
                    self.fail(at, f"unknown element symbol {sym!r} at character {at + 1}")
                self.pos += len(sym)
                n = self.number(allow_none=True) or 1
                out[sym] = out.get(sym, 0) + n
            elif ch in _OPEN:
                if self.depth >= MAX_NESTING:
                    self.fail(at, f"brackets nested deeper than {MAX_NESTING} levels at character {at + 1}")
                self.pos += 1
                self.depth += 1
                inner = self.groups(closer=_OPEN[ch], opened_at=at)
                self.depth -= 1
                if not inner:
                    self.fail(at, f"empty group {ch}{_OPEN[ch]} at character {at + 1}")
                n = self.number(allow_none=True) or 1
                for sym, c in inner.items():
                    out[sym] = out.get(sym, 0) + n * c
            elif ch in ")]":
                if closer is None:
                    self.fail(at, f"{ch!r} at character {at + 1} has no matching opening bracket")
                if ch != closer:
                    self.fail(at, f"{s[opened_at]!r} at character {opened_at + 1} is closed by {ch!r} "
                                  f"at character {at + 1}")
                self.pos += 1
                return out
            elif ch in HYDRATE_DOTS:
                if closer is not None:
                    self.fail(at, f"hydrate dot {ch!r} at character {at + 1} inside brackets")
                return out
            elif "a" <= ch <= "z":
                self.fail(at, f"{ch!r} at character {at + 1}: element symbols start with a capital letter")
            elif '0' <= ch <= '9':
                self.fail(at, f"unexpected number at character {at + 1} (a count follows an element or "
                              "a closing bracket)")
            elif ch in "+-":
                self.fail(at, f"{ch!r} at character {at + 1}: a charge goes at the end (Fe+3, Fe3+, "
                              "Fe^{3+}); separate species with ' + '")
            elif ch == "^":
                self.fail(at, f"'^' at character {at + 1}: a charge goes at the end of the formula")
            else:
                self.fail(at, f"unexpected character {ch!r} at character {at + 1}")
        if closer is not None:
            self.fail(opened_at, f"{s[opened_at]!r} at character {opened_at + 1} is never closed")
        return out
