"""Figures: matplotlib on the Agg backend (no display needed), saved as PNG, SVG or PDF.

Every figure of the views has a title, axes labelled with their units and a legend; :func:`save`
refuses a figure without them, so a view cannot quietly lose one.
"""

from __future__ import annotations

from pathlib import Path

from discover.errors import RuntimeFailure
from discover.views.output import write_atomically

SIZE = (8.0, 5.0)  # inches; at 120 dpi a 960 x 600 PNG, legible on a screen and in a report
DPI = 120


def pyplot():
    """matplotlib.pyplot on the Agg backend (imported here, never at ``import discover``)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        raise RuntimeFailure("plots need matplotlib, which is not installed: pip install matplotlib") from None
    return plt


def new_figure(nrows: int = 1, ncols: int = 1, size=SIZE, **kwargs):
    """``(figure, axes)`` of the views' size."""
    plt = pyplot()
    return plt.subplots(nrows, ncols, figsize=size, dpi=DPI, **kwargs)


def save(fig, path: Path, fmt: str) -> None:
    """Write ``fig`` to ``path`` as ``fmt`` (png, svg or pdf) atomically, then close it."""
    plt = pyplot()
    try:
        drawn = [ax for ax in fig.get_axes() if ax.get_visible() and ax.has_data()]
        # panels that share an x axis label it once, on the lowest
        if not all(ax.get_ylabel() for ax in drawn) or not any(ax.get_xlabel() for ax in drawn):
            raise AssertionError("a view's axes must be labelled")
        if not all(ax.get_legend() for ax in drawn):
            raise AssertionError("a view's axes must have a legend")
        if not fig.get_suptitle() and not any(ax.get_title() for ax in fig.get_axes()):
            raise AssertionError("a view's figure must have a title")
        fig.tight_layout()
        write_atomically(Path(path), lambda tmp: fig.savefig(tmp, format=fmt, metadata=_metadata(fmt)))
    except OSError as exc:
        raise RuntimeFailure(f"--output {path}: cannot write the figure ({exc.strerror or exc})") from None
    finally:
        plt.close(fig)


def _metadata(fmt: str) -> dict:
    # no creation date in SVG/PDF, so the same records give byte-identical files
    return {"Date": None} if fmt in ("svg", "pdf") else {}
