"""LaTeX, OEIS b-file and graph6 exports: what they say is the records' mathematics."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from views_support import stored_records


def by_kind(engine: str, kind: str):
    return [r for r in stored_records() if r.engine == engine and r.kind == kind]


def test_pcf_as_a_continued_fraction():
    from discover.views.formats import record_latex

    record = next(r for r in by_kind("cf", "pcf") if r.payload["b"] == "n^2+n")
    text = record_latex(record)
    # a = 1, b(n) = n^2 + n: b(1), b(2), b(3) = 2, 6, 12
    assert r"1 + \cfrac{2}{1 + \cfrac{6}{1 + \cfrac{12}{1 + \ddots}}}" in text
    assert r"\frac{2}{-2 + \pi}" in text and r"b(n) = n^{2} + n" in text


def test_conjecture_as_an_equation_and_growth_as_a_tabular():
    from discover.views.formats import record_latex

    fit = next(r for r in by_kind("cayley.fit", "conjecture") if r.payload["quantity"] == "diameter")
    text = record_latex(fit)
    assert r"\operatorname{diameter}" in text and r"(n \ge 4)" in text
    # the record's polynomial n**2/2 - n/2, i.e. the lrx/coxeter diameter n(n-1)/2
    assert r"= \frac{n^{2}}{2} - \frac{n}{2} \qquad" in text
    growth = by_kind("cayley.growth", "growth")[0]
    table = record_latex(growth)
    assert table.startswith(r"\begin{tabular}") and ", ".join(map(str, growth.payload["layer_sizes"])) in table


def test_reaction_and_extremal_bound():
    from discover.views.formats import record_latex

    assert record_latex(by_kind("chem.balance", "reaction_set")[0]) == r"\[ \ce{3 H2 + 2 O2 -> 2 H2O + H2O2} \]"
    graph = by_kind("extremal.search", "c3c4")[0]
    text = record_latex(graph)
    assert rf"\operatorname{{ex}}({graph.payload['n']}; \{{C_{{3}}, C_{{4}}\}}) \ge {graph.payload['edges']}" in text


def test_latex_document(tmp_path):
    from discover.views.formats import export_latex

    out = tmp_path / "all.tex"
    assert export_latex(stored_records(), out) == len(stored_records())
    text = out.read_text()
    assert text.startswith(r"\documentclass") and text.rstrip().endswith(r"\end{document}")
    assert text.count("{") - text.count(r"\{") == text.count("}") - text.count(r"\}")
    if shutil.which("pdflatex") and shutil.which("kpsewhich") and subprocess.run(
            ["kpsewhich", "mhchem.sty"], capture_output=True).stdout:
        done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", out.name], cwd=tmp_path,
                              capture_output=True, timeout=120)
        assert done.returncode == 0, done.stdout[-2000:]


def test_bfile_sequences(tmp_path):
    from discover.extremal.reference import C3C4_EXACT
    from discover.views.formats import bfile_sequences, export_bfile

    out = tmp_path / "all.b"
    records = stored_records()
    count = export_bfile(records, out)
    sequences = dict(bfile_sequences(records))
    assert count == len(sequences)
    for line in out.read_text().splitlines():
        assert not line or line.startswith("#") or len([int(t) for t in line.split()]) == 2
    for r in by_kind("cayley.growth", "growth"):
        name = next(k for k in sequences if k.startswith(f"growth of {r.payload['family']} n={r.payload['n']}:"))
        assert list(sequences[name].values()) == r.payload["layer_sizes"] and min(sequences[name]) == 0
    assert all(d == n * (n - 1) // 2 for n, d in sequences["diameter of lrx by n"].items())
    edges = sequences["c3c4: most edges found by n (lower bounds)"]
    assert edges == {n: C3C4_EXACT[n] for n in edges}


def test_graph6_lines_are_the_stored_graphs(tmp_path):
    import networkx as nx

    from discover.views.formats import export_graph6

    out = tmp_path / "g.g6"
    graphs = by_kind("extremal.search", "c3c4")
    assert export_graph6(stored_records(), out) == len(graphs)
    for line, record in zip(out.read_text().splitlines(), graphs):
        g = nx.from_graph6_bytes(line.encode())
        assert g.number_of_nodes() == record.payload["n"] and g.number_of_edges() == record.payload["edges"]
        assert nx.girth(g) >= 5  # no C3, no C4


@pytest.mark.parametrize("export", ["export_latex", "export_bfile", "export_graph6"])
def test_missing_folder_or_nothing_to_write_is_input_error(tmp_path, export):
    from discover.errors import InputError
    from discover.views import formats

    with pytest.raises(InputError, match="does not exist"):
        getattr(formats, export)(stored_records(), tmp_path / "missing" / "x")
    if export != "export_latex":
        with pytest.raises(InputError, match="none of the records"):
            getattr(formats, export)(by_kind("cf", "pcf"), tmp_path / "x")
    assert list(tmp_path.iterdir()) == []
