"""The known-formula library: published PCFs that a discovery is compared against.

A list is a tab-separated file with a header line naming at least the columns ``a``, ``b``, ``limit``,
``dataset`` (``citation`` optional; lines starting with ``#`` are comments). ``a`` and ``b`` are integer
polynomials in n (``4*n**2 - 1``, ``4n^2-1``); ``limit`` is the published limit as text ('' when the
source gives none), written with the names pi, E, zeta(k), log(k), Catalan, GoldenRatio, sqrt(k),
EulerGamma, expint; ``dataset`` names where the row comes from. An optional ``constants`` column
(registry names, comma-separated) gives the limit class of a row without a published limit (the
trajectory PCFs of a CMF: the CMF's constants).

Shipped lists (package data under ``discover/cf/data/``):

* ``known_pcfs.tsv``: 2,763 PCFs of the public euler2ai datasets of the Ramanujan Machine group
  (``pcfs.pkl``: 149 formulas for pi harvested from the literature; ``cmf_pcfs.pkl``: 2,614 PCFs read off
  conservative-matrix-field trajectories), copied from ``shared/reference/known_pcfs.tsv``;
* ``classic_pcfs.tsv``: classic formulas of the other registry constants (e, log 2, zeta(2), zeta(3),
  Catalan, Gompertz, phi, sqrt 2, zeta(5)), each with its citation; every limit was re-checked with
  ``discover cf eval``;
* ``cmf_library_pcfs.tsv``: the trajectory PCFs of discover's own 2x2 library CMFs
  (:mod:`discover.cf.novelty.cmf_list`), so that membership in a library CMF's trajectory is a look-up.

A user's own lists come in through ``--known FILE``: :func:`load_known_file` refuses a malformed file
(missing column, bad polynomial, undecodable bytes) with an :class:`~discover.errors.InputError` that
names the file and the line, before any work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from discover.errors import InputError

__all__ = ["KnownPCF", "load_known_file", "shipped_lists", "REQUIRED_COLUMNS", "MAX_KNOWN_ROWS",
           "MAX_KNOWN_BYTES", "limit_class"]

DATA = Path(__file__).resolve().parent.parent / "data"
SHIPPED = ("known_pcfs.tsv", "classic_pcfs.tsv", "cmf_library_pcfs.tsv")
REQUIRED_COLUMNS = ("a", "b", "limit", "dataset")
# Limits on a user's list, checked before it is read: rows and bytes (the shipped list has 2,783 rows).
MAX_KNOWN_ROWS = 100_000
MAX_KNOWN_BYTES = 64 * 2**20

_LIMIT_CHARS = r"^[0-9A-Za-z_+\-*/^(). ,]*$"

# Names in a limit's text -> the constant class (registry name). zeta(2), zeta(4), zeta(6) are powers of pi:
# class pi. The patterns are compiled (and cached by re) on first use: a process whose look-ups hit never pays
# for them.
_CLASS_PATTERNS = (
    (r"\bpi\b", "pi"), (r"\bE\b|\bexp\(", "e"), (r"\bzeta\(\s*[246]\s*\)", "pi"),
    (r"\bzeta\(\s*3\s*\)", "zeta3"), (r"\bzeta\(\s*5\s*\)", "zeta5"), (r"\bzeta\(\s*7\s*\)", "zeta7"),
    (r"\blog\(\s*2\s*\)", "log2"), (r"\blog\(\s*3\s*\)", "log3"), (r"\bCatalan\b", "catalan"),
    (r"\bGoldenRatio\b", "phi"), (r"\bsqrt\(\s*2\s*\)", "sqrt2"), (r"\bEulerGamma\b", "euler_gamma"),
    (r"\bexpint\(", "gompertz"),
    # the Dirichlet L-values of the registry, written as sums of Hurwitz zeta values
    (r"\bzeta\(\s*2,\s*1/3\s*\)", "l_m3_2"), (r"\bzeta\(\s*2,\s*1/7\s*\)", "l_m7_2"),
    (r"\bzeta\(\s*2,\s*1/8\s*\)", "l_m8_2"), (r"\bzeta\(\s*4,\s*1/4\s*\)", "beta4"),
)


# A name with its call, if any (one level of nested parentheses: gamma(1/4 + I/4), besseli(0, 1)).
_ATOM = r"[A-Za-z_]\w*\s*\((?:[^()]|\([^()]*\))*\)|[A-Za-z_]\w*"

# Registry names that denote the same limit class (zeta(2) = pi^2/6, zeta(4) = pi^4/90, zeta(6) = pi^6/945).
_CONSTANT_ALIASES = {"zeta2": "pi", "zeta4": "pi", "zeta6": "pi"}


def limit_class(limit_text: str | None) -> tuple[str, ...]:
    """The constants a limit is written with, as sorted registry names: the class a formula is indexed
    under (``'(pi + 4)/pi'`` -> ``('pi',)``; ``''`` -> ``()``: no published limit). Gompertz's
    e^-1 / E_1(1) counts as gompertz alone. A limit with none of those names is classed by the calls and
    names it has (``'1/(2 - sqrt(3))'`` -> ``('sqrt(3)',)``), and ``('rational',)`` only when it has none."""
    if not limit_text:
        return ()
    found = {name for pattern, name in _CLASS_PATTERNS if re.search(pattern, limit_text)}
    if "gompertz" in found:
        found.discard("e")
    if not found:
        # a constant no pattern names (sqrt(3), besseli(0, 1)/besseli(1, 1), a user's expression): its own
        # calls and names, without spaces, so that formulas of the same such constant share a class
        found = {re.sub(r"\s+", "", atom) for atom in re.findall(_ATOM, limit_text)} or {"rational"}
    return tuple(sorted(found))


@dataclass(frozen=True)
class KnownPCF:
    """One listed PCF: coefficients lowest degree first, the published limit text, where it comes from."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    limit: str
    dataset: str
    citation: str
    source: str  # the list's file name
    line: int    # its line in that file
    constant_names: tuple[str, ...] = ()  # the optional ``constants`` column (when no limit is published)

    @property
    def constants(self) -> tuple[str, ...]:
        return limit_class(self.limit) if self.limit else tuple(sorted(self.constant_names))

    def as_tuple(self) -> tuple:
        """The row as plain JSON-ready values (:mod:`discover.cf.novelty.active`): the form a spec carries."""
        return (self.a, self.b, self.limit, self.dataset, self.citation, self.source, self.line,
                self.constant_names)

    @classmethod
    def from_tuple(cls, row) -> "KnownPCF":
        a, b, limit, dataset, citation, source, line, names = row
        return cls(a=tuple(int(c) for c in a), b=tuple(int(c) for c in b), limit=str(limit), dataset=str(dataset),
                   citation=str(citation), source=str(source), line=int(line),
                   constant_names=tuple(str(x) for x in names))

    def describe(self) -> str:
        from discover.cf.polynomial import Polynomial

        lim = f" = {self.limit}" if self.limit else ""
        return f"PCF(a={Polynomial(self.a)}, b={Polynomial(self.b)}){lim} [{self.dataset}, {self.source}:{self.line}]"

    def to_json(self) -> dict:
        from discover.cf.polynomial import Polynomial

        out = {"a": str(Polynomial(self.a)), "b": str(Polynomial(self.b)), "limit": self.limit or None,
               "dataset": self.dataset, "list": f"{self.source}:{self.line}"}
        if self.citation:
            out["citation"] = self.citation
        return out


def shipped_lists() -> list[Path]:
    """The package's own lists (see the module doc)."""
    return [DATA / name for name in SHIPPED]


def load_known_file(path: str | Path, shipped: bool = False) -> list[KnownPCF]:
    """Read one list; InputError naming ``path`` and the line for anything malformed (see module doc)."""
    from discover.cf.polynomial import Polynomial
    from discover.textfile import read_text_file

    path = Path(path)
    label = path.name if shipped else str(path)
    text = read_text_file(path, f"--known {label}", MAX_KNOWN_BYTES)
    header = None
    rows: list[KnownPCF] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = [f.strip() for f in fields]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise InputError(f"--known {label}, line {number}: the header lacks the column(s) "
                                 f"{', '.join(missing)} (need tab-separated {', '.join(REQUIRED_COLUMNS)}"
                                 f"[, citation])")
            continue
        if len(fields) != len(header):
            raise InputError(f"--known {label}, line {number}: {len(fields)} tab-separated fields, the header "
                             f"has {len(header)}")
        if len(rows) >= MAX_KNOWN_ROWS:
            raise InputError(f"--known {label}, line {number}: more than {MAX_KNOWN_ROWS:,} rows")
        row = dict(zip(header, (f.strip() for f in fields)))
        try:
            a = Polynomial.parse(row["a"].replace("**", "^"), "a(n)")
            b = Polynomial.parse(row["b"].replace("**", "^"), "b(n)")
        except InputError as exc:
            raise InputError(f"--known {label}, line {number}: {exc}") from None
        if b.is_zero:
            raise InputError(f"--known {label}, line {number}: b(n) is the zero polynomial")
        if not re.match(_LIMIT_CHARS, row["limit"]):
            raise InputError(f"--known {label}, line {number}: limit {row['limit'][:40]!r} has characters "
                             "other than letters, digits, + - * / ^ ( ) . ,")
        names = tuple(sorted({_CONSTANT_ALIASES.get(x.strip(), x.strip())
                              for x in row.get("constants", "").split(",") if x.strip()}))
        if any(not re.fullmatch(r"[a-z_0-9]+", x) for x in names):
            raise InputError(f"--known {label}, line {number}: constants {row['constants'][:40]!r} must be "
                             "registry names separated by commas")
        rows.append(KnownPCF(a=a.coeffs, b=b.coeffs, limit=row["limit"], dataset=row["dataset"] or "user",
                             citation=row.get("citation", ""), source=label, line=number, constant_names=names))
    if header is None:
        raise InputError(f"--known {label}, line 1: empty (need a header with {', '.join(REQUIRED_COLUMNS)})")
    return rows
