"""Reading a user's text file (reactions, graphs, CMFs, known formulas, GAP puzzles) safely, once for all engines.

``read_text_file(path, label, max_bytes)`` returns the file's text or raises :class:`InputError` with one
line that names the input (``label``, e.g. ``--file reactions.txt``) and, where it applies, the line:

* a path that is missing, a folder, or cannot be read;
* more than ``max_bytes`` bytes (read with a bounded ``read``, so a device such as ``/dev/zero`` or a
  FIFO that never ends is refused rather than read forever);
* a NUL byte (a binary file) or a byte that is not valid in ``encoding`` (a Latin-1 or binary file
  given where UTF-8 text is expected), named by its line number.
"""

from __future__ import annotations

import os

from discover.errors import InputError


def _size_text(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 and n % 2**20 == 0 else f"{n:,} bytes"


def read_text_file(path: str | os.PathLike, label: str, max_bytes: int, encoding: str = "utf-8") -> str:
    """The text of ``path`` (see the module docstring for what is refused and how it is named)."""
    try:
        if os.path.isdir(path):
            raise InputError(f"{label}: a folder, not a file")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{label}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(data) > max_bytes:
        raise InputError(f"{label}: larger than {_size_text(max_bytes)} (the limit)")
    nul = data.find(b"\x00")
    try:
        text = data.decode(encoding)
        bad = -1
    except UnicodeDecodeError as exc:
        bad = exc.start
    # the first thing wrong in the file is the one named
    if nul >= 0 and (bad < 0 or nul < bad):
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"{label}, line {line}: a NUL byte (a binary file, not text)")
    if bad >= 0:
        line = data.count(b"\n", 0, bad) + 1
        raise InputError(f"{label}, line {line}: byte 0x{data[bad]:02x} is not {encoding.upper()} text "
                         f"(save the file as {encoding.upper()})")
    return text


__all__ = ["read_text_file"]
