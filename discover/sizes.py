"""Size lists as users write them (``--n 40``, ``--n 4..10``, ``--n 4,6,8``), parsed once for every engine.

Accepted forms: one integer ``N``; a range ``LO..HI`` (both ends included); a comma-separated list
``N1,N2,...`` whose items may themselves be ranges (``4..6,9``). The result is a tuple of distinct
integers in the order written (a range ascends). Every value is checked against ``[minimum, maximum]``
and the number of sizes against ``max_count`` before anything is built, so a typo such as
``--n 1..99999999999`` is refused at once instead of allocating or running for hours.
"""

from __future__ import annotations

import re

from discover.errors import InputError

# More sizes than this in one command is a typo, not a plan (a campaign runs in rounds).
MAX_SIZES = 10_000
_ITEM = re.compile(r"\s*([0-9]{1,12})\s*(?:\.\.\s*([0-9]{1,12})\s*)?", re.ASCII)


def parse_sizes(text: str, option: str = "--n", minimum: int = 1, maximum: int | None = None,
                max_count: int = MAX_SIZES) -> tuple[int, ...]:
    """The sizes written in ``text`` (see the module docstring); ``option`` names the input in errors."""
    raw = str(text)
    limits = f"{minimum}..{maximum}" if maximum is not None else f">= {minimum}"
    if not raw.strip():
        raise InputError(f"{option} {text!r}: empty; expected N, LO..HI or N1,N2,...")
    sizes: list[int] = []
    seen: set[int] = set()
    for item in raw.split(","):
        m = _ITEM.fullmatch(item)
        if m is None:
            shown = raw if len(raw) <= 60 else raw[:57] + "..."
            raise InputError(f"{option} {shown!r}: expected N, LO..HI or N1,N2,... with sizes {limits}")
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) is not None else lo
        if lo > hi:
            raise InputError(f"{option} {raw!r}: empty range {lo}..{hi} (LO > HI)")
        for end in (lo, hi):
            if end < minimum or (maximum is not None and end > maximum):
                raise InputError(f"{option} {raw!r}: size {end} is out of range; sizes must be {limits}")
        if len(sizes) + (hi - lo + 1) > max_count:
            raise InputError(f"{option} {raw!r}: more than {max_count:,} sizes in one command")
        for n in range(lo, hi + 1):
            if n not in seen:
                seen.add(n)
                sizes.append(n)
    return tuple(sizes)


__all__ = ["parse_sizes", "MAX_SIZES"]
