"""Output files of the views: checked before any work, written whole or not at all.

A view's ``--output PATH`` must name a file in a folder that already exists (a view never creates
folders: a typo in a folder name should be an error, not a new tree) with an extension the view knows.
The file is written under a temporary name in the same folder and renamed over the target once
complete, so a failed or interrupted write never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from discover.errors import InputError

FIGURE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def checked_output(output, formats: dict[str, str] | None = None, what: str = "--output") -> tuple[Path, str | None]:
    """``(path, format)`` for ``output`` once it is known to be writable, the format chosen by the
    extension among ``formats`` (extension with its dot -> format name; ``None``: any name, format None).

    Raises :class:`InputError` naming ``what`` for an empty path, an unknown extension, a missing or
    unwritable folder, or a path that is a folder."""
    text = str(output) if output is not None else ""
    if not text:
        raise InputError(f"{what} '': an empty path (give the file to write)")
    path = Path(text)
    ext = path.suffix.lower()
    if formats is not None and ext not in formats:
        raise InputError(f"{what} {text}: unknown extension {ext or '(none)'!r}; "
                         f"expected one of {', '.join(sorted(formats))}")
    if path.is_dir():
        raise InputError(f"{what} {text}: is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{what} {text}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise InputError(f"{what} {text}: the folder {folder} is not writable")
    return path, None if formats is None else formats[ext]


def checked_folder(output, what: str = "--output") -> Path:
    """The folder ``output`` names (it may be new, but its parent must exist); InputError otherwise."""
    text = str(output) if output is not None else ""
    if not text:
        raise InputError(f"{what} '': an empty path (give the folder to write)")
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise InputError(f"{what} {text}: exists and is not a folder")
    parent = path.resolve().parent
    if not parent.is_dir():
        raise InputError(f"{what} {text}: the folder {parent} does not exist")
    if not os.access(parent if not path.exists() else path, os.W_OK):
        raise InputError(f"{what} {text}: not writable")
    return path


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it to ``path``."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
