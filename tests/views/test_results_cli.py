"""The views through `discover results`: export --format latex|bfile|graph6, show --format latex, report."""

import json

from bad_input import assert_refused, run_cli


def test_exports_show_and_report_through_the_cli(views_store, tmp_path):
    code, out, err, _ = run_cli(["results", "export", "--format", "bfile", "--output", str(tmp_path / "a.b")],
                                store=views_store)
    assert code == 0, err
    lines = (tmp_path / "a.b").read_text().splitlines()
    pairs = [tuple(map(int, line.split())) for line in lines if line and not line.startswith("#")]
    assert pairs and all(len(p) == 2 for p in pairs)

    code, _, err, _ = run_cli(["results", "export", "--format", "graph6", "--engine", "extremal",
                               "--output", str(tmp_path / "g.g6")], store=views_store)
    assert code == 0, err
    import networkx as nx

    graphs = [nx.from_graph6_bytes(line.encode()) for line in (tmp_path / "g.g6").read_text().split()]
    assert graphs and all(nx.girth(g) >= 5 for g in graphs)  # c3c4 records: no triangle, no square

    code, _, err, _ = run_cli(["results", "export", "--format", "latex", "--output", str(tmp_path / "r.tex")],
                              store=views_store)
    assert code == 0, err
    tex = (tmp_path / "r.tex").read_text()
    assert "\\begin{document}" in tex and "\\end{document}" in tex

    code, out, _, _ = run_cli(["results", "list", "--engine", "cf", "--json"], store=views_store)
    key = json.loads(out.splitlines()[0])["key"]
    code, out, err, _ = run_cli(["results", "show", key[:12], "--format", "latex"], store=views_store)
    assert code == 0 and ("cfrac" in out or "frac" in out), err

    code, _, err, _ = run_cli(["results", "report", "--output", str(tmp_path / "site")], store=views_store)
    assert code == 0, err
    assert (tmp_path / "site" / "index.html").exists()


def test_bad_report_and_export_targets_are_refused(views_store, tmp_path):
    assert_refused(["results", "report", "--output", str(tmp_path / "no" / "such" / "site")], "--output",
                   store=views_store)
    assert_refused(["results", "export", "--format", "graph6", "--engine", "cf", "--output",
                    str(tmp_path / "x.g6")], "graph", store=views_store)


def test_a_partial_growth_is_reported_without_a_diameter(views_store, tmp_path):
    """A partial search (--max-depth) stores layers but no order or diameter: the views show what it has."""
    code, _, err, _ = run_cli(["cayley", "growth", "--generators", "coxeter", "--n", "20", "--max-depth", "3"],
                              store=views_store)
    assert code == 0, err
    code, _, err, _ = run_cli(["results", "report", "--output", str(tmp_path / "site")], store=views_store)
    assert code == 0, err
    code, _, err, _ = run_cli(["results", "export", "--format", "latex", "--output", str(tmp_path / "r.tex")],
                              store=views_store)
    assert code == 0 and "\\geq 3" in (tmp_path / "r.tex").read_text(), err
    code, _, err, _ = run_cli(["results", "export", "--format", "bfile", "--output", str(tmp_path / "a.b")],
                              store=views_store)
    text = (tmp_path / "a.b").read_text()
    assert code == 0 and "coxeter n=20" in text, err
