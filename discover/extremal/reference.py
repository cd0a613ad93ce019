"""Published values the search is compared with (a data module; nothing here steers the search unless a
run asks for it with ``--stop-at``).

* ``C3C4_EXACT``: ex(n; {C3, C4}) (OEIS A006856), proven exact for n <= 53.
* ``C3C4_PUBLISHED``: published lower bounds (graphs) for n >= 54, each with its source; a size may have
  several. ``C3C4_RECORD`` is the best of them per n, the value a search is compared with:

  - 54..64: the best known graphs of OEIS A006856 (McKay's graph files);
  - Goedgebeur, Jooken, Joret and Van den Eede (2025), a hill climb that passes good graphs up and down
    the sizes: 74: 285, 80: 321, 124: 629, 164: 940, 175: 1012, 176: 1020, 198: 1166; they improved
    every n from 74 to 198 except 96 and 97, most of those values are not in this table
    (:func:`table_incomplete`, which also covers the DeepMind table for 65 <= n <= 190); graphs with prescribed degree sets from the same work: {8,9} at n = 88
    (375 edges), {10,11} at 128 (666), {11,12} at 155 (866), {9,12} at 180 (1050);
  - 96: 432, the published value that work did not improve;
  - DeepMind (2024), AlphaZero and tabu search, n up to 190: 100: 434, 134: 649, 190: 1050 (all
    improved since by Goedgebeur et al. 2025, their values not listed here);
  - regular graphs of girth 5 from cage constructions (k-regular, nk/2 edges): 80: 320, 96: 432,
    124: 620, 126: 630, 154: 847, 156: 858, 203: 1218, and past the per-n tables 240: 1560 (the
    Combinatorics Wiki's page ex(n;4) lists it among the cage-problem graphs of order >= 204 that give
    lower bounds).

  For n >= 199 no per-n table is published, only the cage-based constructions.
* ``C4``: ex(n; C4) (OEIS A006855), exact values for n <= 40 (Clapham et al. to 21; the OEIS entry's
  later terms, computed by exhaustive search, to 40).
* ``RAMSEY``: the classical two-colour Ramsey numbers R(s, t) known exactly.
* ``c3``: Mantel's theorem, ex(n; C3) = floor(n^2 / 4).
"""

from __future__ import annotations

C3C4_EXACT = {
    1: 0, 2: 1, 3: 2, 4: 3, 5: 5, 6: 6, 7: 8, 8: 10, 9: 12, 10: 15, 11: 16, 12: 18, 13: 21, 14: 23,
    15: 26, 16: 28, 17: 31, 18: 34, 19: 38, 20: 41, 21: 44, 22: 47, 23: 50, 24: 54, 25: 57, 26: 61,
    27: 65, 28: 68, 29: 72, 30: 76, 31: 80, 32: 85, 33: 87, 34: 90, 35: 95, 36: 99, 37: 104, 38: 109,
    39: 114, 40: 120, 41: 124, 42: 129, 43: 134, 44: 139, 45: 145, 46: 150, 47: 156, 48: 162,
    49: 168, 50: 175, 51: 176, 52: 178, 53: 181,
}

# the sources of C3C4_PUBLISHED, as a record names them
SOURCES = {
    "A006856": "OEIS A006856, exact values (n <= 53)",
    "mckay": "OEIS A006856 best known graphs (McKay's graph files, 54 <= n <= 64)",
    "goedgebeur2025": "Goedgebeur, Jooken, Joret, Van den Eede 2025 (hill climb across sizes)",
    "goedgebeur2025-degrees": "Goedgebeur, Jooken, Joret, Van den Eede 2025 (graph with a prescribed degree set)",
    "not-improved-2025": "published value not improved by Goedgebeur et al. 2025",
    "deepmind2024": "DeepMind 2024 (AlphaZero / tabu search; since improved by Goedgebeur et al. 2025)",
    "cage": "regular graph of girth 5 from a cage construction",
}

# (n, edges, source, remark) for n > 53
C3C4_PUBLISHED = (
    (54, 185, "mckay", ""), (55, 189, "mckay", ""), (56, 193, "mckay", ""), (57, 197, "mckay", ""),
    (58, 202, "mckay", ""), (59, 207, "mckay", ""), (60, 212, "mckay", ""), (61, 216, "mckay", ""),
    (62, 220, "mckay", ""), (63, 224, "mckay", ""), (64, 230, "mckay", ""),
    (74, 285, "goedgebeur2025", ""), (80, 321, "goedgebeur2025", ""), (124, 629, "goedgebeur2025", ""),
    (164, 940, "goedgebeur2025", ""), (175, 1012, "goedgebeur2025", ""), (176, 1020, "goedgebeur2025", ""),
    (198, 1166, "goedgebeur2025", ""),
    (88, 375, "goedgebeur2025-degrees", "degree set {8,9}"),
    (128, 666, "goedgebeur2025-degrees", "degree set {10,11}"),
    (155, 866, "goedgebeur2025-degrees", "degree set {11,12}"),
    (180, 1050, "goedgebeur2025-degrees", "degree set {9,12}"),
    (96, 432, "not-improved-2025", ""),
    (100, 434, "deepmind2024", ""), (134, 649, "deepmind2024", ""), (190, 1050, "deepmind2024", ""),
    (80, 320, "cage", "8-regular"), (96, 432, "cage", "9-regular"), (124, 620, "cage", "10-regular"),
    (126, 630, "cage", "10-regular"), (154, 847, "cage", "11-regular"), (156, 858, "cage", "11-regular"),
    (203, 1218, "cage", "12-regular"), (240, 1560, "cage", "13-regular"),
)
C3C4_RECORD: dict[int, int] = {}
for _n, _edges, _source, _remark in C3C4_PUBLISHED:
    C3C4_RECORD[_n] = max(C3C4_RECORD.get(_n, 0), _edges)
C3C4_RECORD = dict(sorted(C3C4_RECORD.items()))

# per-n tables are published up to n = 198 (DeepMind 2024 to 190, Goedgebeur et al. 2025 from 74 to 198,
# improving every n there except 96 and 97); this table holds only some of their values, so at the other
# sizes of this range a graph above it is above what we know, not necessarily above what is published
PUBLISHED_TABLES = range(65, 199)

C4_EXACT = {
    1: 0, 2: 1, 3: 3, 4: 4, 5: 6, 6: 7, 7: 9, 8: 11, 9: 13, 10: 16, 11: 18, 12: 21, 13: 24,
    14: 27, 15: 30, 16: 33, 17: 36, 18: 39, 19: 42, 20: 46, 21: 50, 22: 52, 23: 56, 24: 59, 25: 63,
    26: 67, 27: 71, 28: 76, 29: 80, 30: 85, 31: 90, 32: 92, 33: 96, 34: 102, 35: 106, 36: 110, 37: 113,
    38: 117, 39: 122, 40: 127,
}
RAMSEY = {(2, 2): 2, (2, 3): 3, (2, 4): 4, (2, 5): 5, (3, 3): 6, (3, 4): 9, (3, 5): 14, (4, 4): 18,
          (4, 5): 25}


def reference_value(problem, n: int) -> tuple[int | None, str | None]:
    """``(value, kind)`` for ``problem`` at size ``n``: kind is ``exact`` or ``record`` (the best
    published value we know), or ``(None, None)`` when no published value is known here.

    For a Ramsey problem the value is R(s, t) - 1, the largest n with a witness colouring."""
    name = problem.name
    if name == "c3c4":
        if n in C3C4_EXACT:
            return C3C4_EXACT[n], "exact"
        if n in C3C4_RECORD:
            return C3C4_RECORD[n], "record"
        return None, None
    if name == "c4":
        return (C4_EXACT[n], "exact") if n in C4_EXACT else (None, None)
    if name == "c3":
        return n * n // 4, "exact"
    if problem.objective == "witness":
        s, t = sorted((problem.clique, problem.independent))
        if (s, t) in RAMSEY:
            return RAMSEY[(s, t)] - 1, "exact"
    return None, None


def published(problem, n: int) -> list[dict]:
    """Every published value we know for ``problem`` at ``n``, best first: ``{"value", "kind",
    "source"}`` (and ``"remark"`` where there is one). The record a search stores names these lists."""
    value, kind = reference_value(problem, n)
    if value is None:
        return []
    if problem.name != "c3c4" or kind == "exact":
        source = {"c3c4": SOURCES["A006856"], "c4": "OEIS A006855, exact values (n <= 40)",
                  "c3": "Mantel's theorem"}.get(problem.name, "known Ramsey number R(s,t) - 1")
        return [{"value": value, "kind": kind, "source": source}]
    out = []
    for m, edges, source, remark in C3C4_PUBLISHED:
        if m == n:
            entry = {"value": edges, "kind": "record", "source": SOURCES[source]}
            if remark:
                entry["remark"] = remark
            out.append(entry)
    return sorted(out, key=lambda e: -e["value"])


def table_incomplete(problem, n: int) -> bool:
    """Whether a published value at ``n`` is known to exist that this table lacks, so that its best may be
    below the best published (c3c4, 65 <= n <= 198: the per-n tables of DeepMind 2024 and Goedgebeur et
    al. 2025, except the sizes whose 2025 value is here and n = 96, which that work did not improve)."""
    if problem.name != "c3c4" or n not in PUBLISHED_TABLES or n == 96:
        return False
    return not any(m == n and source == "goedgebeur2025" for m, _, source, _ in C3C4_PUBLISHED)


def compare(value: int, reference: int | None) -> tuple[str, int]:
    """``(status, by)``: ``matches``, ``below`` (by how much), ``new_record`` or ``no_reference``."""
    if reference is None:
        return "no_reference", 0
    if value == reference:
        return "matches", 0
    if value < reference:
        return "below", reference - value
    return "new_record", value - reference
