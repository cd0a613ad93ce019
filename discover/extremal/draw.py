"""PNG drawings of graphs (matplotlib)."""

from __future__ import annotations

from discover.errors import RuntimeFailure


def draw_png(n: int, edges, path: str, title: str = "") -> None:
    """Draw the graph (Kamada-Kawai layout, circular for n <= 3) into ``path`` as a PNG."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise RuntimeFailure("--format png needs matplotlib, which is not installed: pip install matplotlib") from None
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    pos = nx.circular_layout(g) if n <= 3 or not edges else nx.kamada_kawai_layout(g)
    fig, ax = plt.subplots(figsize=(7, 7), dpi=100)
    nx.draw_networkx_edges(g, pos, ax=ax, width=0.8, edge_color="#555555")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=max(30, 300 - 4 * n), node_color="#3b75af")
    if n <= 40:
        nx.draw_networkx_labels(g, pos, ax=ax, font_size=7, font_color="white")
    ax.set_title(title, fontsize=10)
    ax.set_axis_off()
    try:
        fig.savefig(path, format="png", bbox_inches="tight")
    except OSError as exc:
        raise RuntimeFailure(f"--output {path}: cannot write the PNG ({exc.strerror})") from None
    finally:
        plt.close(fig)
