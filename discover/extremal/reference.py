"""Published values the search is compared with (a data module; nothing here is used by the search).

* ``C3C4``: ex(n; {C3, C4}) (OEIS A006856): exact for n <= 53, best known lower bounds (records) for
  larger n, as in the project's reference table ``shared/reference/extremal_c3c4.tsv`` (Garnick,
  Kwong and Lazebnik 1993; Exoo; the 2023 and 2025 search studies).
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
C3C4_RECORD = {
    54: 185, 55: 189, 56: 193, 57: 197, 58: 202, 59: 207, 60: 212, 61: 216, 62: 220, 63: 224,
    64: 230, 80: 320, 96: 432, 100: 434, 124: 620, 126: 630, 134: 649, 154: 847, 156: 858,
    190: 1050, 203: 1218,
}
C4_EXACT = {
    1: 0, 2: 1, 3: 3, 4: 4, 5: 6, 6: 7, 7: 9, 8: 11, 9: 13, 10: 16, 11: 18, 12: 21, 13: 24,
    14: 27, 15: 30, 16: 33, 17: 36, 18: 39, 19: 42, 20: 46, 21: 50, 22: 52, 23: 56, 24: 59, 25: 63,
    26: 67, 27: 71, 28: 76, 29: 80, 30: 85, 31: 90, 32: 92, 33: 96, 34: 102, 35: 106, 36: 110, 37: 113,
    38: 117, 39: 122, 40: 127,
}
RAMSEY = {(2, 2): 2, (2, 3): 3, (2, 4): 4, (2, 5): 5, (3, 3): 6, (3, 4): 9, (3, 5): 14, (4, 4): 18,
          (4, 5): 25}


def reference_value(problem, n: int) -> tuple[int | None, str | None]:
    """``(value, kind)`` for ``problem`` at size ``n``: kind is ``exact`` or ``record``, or
    ``(None, None)`` when no published value is known here.

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


def compare(value: int, reference: int | None) -> tuple[str, int]:
    """``(status, by)``: ``matches``, ``below`` (by how much), ``new_record`` or ``no_reference``."""
    if reference is None:
        return "no_reference", 0
    if value == reference:
        return "matches", 0
    if value < reference:
        return "below", reference - value
    return "new_record", value - reference
