"""Tables as text: a header row, a rule, one line per row, columns separated by box-drawing bars.

Written here rather than with a table library because a command's start-up counts (importing one costs
about 25 ms, a fifth of a small command's whole process). On a terminal, cells of the widest columns are
wrapped so that the table fits its width; when the output goes to a file or a pipe nothing is wrapped, so
every row stays one line for ``grep`` and ``cut``.
"""

from __future__ import annotations

from typing import Sequence

# the narrowest a column is squeezed to when a table does not fit the terminal
MIN_WRAPPED_WIDTH = 8


def _fit(widths: list[int], budget: int) -> list[int]:
    """Column widths summing to at most ``budget``: the widest column gives up a character at a time
    (never below :data:`MIN_WRAPPED_WIDTH` or its own width)."""
    widths = list(widths)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= MIN_WRAPPED_WIDTH:
            break
        widths[widest] -= 1
    return widths


def _wrap(text: str, width: int) -> list[str]:
    if len(text) <= width:
        return [text]
    import textwrap

    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def render(rows: Sequence[Sequence[str]], headers: Sequence[str], title: str | None = None,
           width: int | None = None) -> str:
    """The table as text; ``width``: the terminal's columns (wrap cells to fit), or None (never wrap)."""
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    frame = 3 * len(headers) + 1  # "│ " before each cell, " " after it, and the closing bar
    widths = natural if width is None else _fit(natural, max(width - frame, len(headers)))

    def line(left, fill, cross, right):
        return left + cross.join(fill * (w + 2) for w in widths) + right

    def cells(row, bar):
        wrapped = [_wrap(cell, w) for cell, w in zip(row, widths)]
        height = max(len(c) for c in wrapped)
        return [bar + bar.join(f" {(c[k] if k < len(c) else ''):<{w}} " for c, w in zip(wrapped, widths)) + bar
                for k in range(height)]

    out = []
    total = sum(widths) + frame
    if title:
        out.append(title.center(total).rstrip())
    out.append(line("┏", "━", "┳", "┓"))
    out.extend(cells(headers, "┃"))
    out.append(line("┡", "━", "╇", "┩"))
    for row in rows:
        out.extend(cells(row, "│"))
    out.append(line("└", "─", "┴", "┘"))
    return "\n".join(out)
