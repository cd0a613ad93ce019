"""``discover plot``: each command writes a valid image whose plotted data are the store's (or, for the
on-the-spot computations, the mathematics), and bad input is refused in one line with nothing written."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from views_support import invoke, stored_records

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def assert_image(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".png":
        assert data.startswith(PNG_MAGIC)
    elif path.suffix == ".svg":
        assert ET.fromstring(data).tag.endswith("svg")
    else:
        assert data.startswith(b"%PDF")
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".part")]  # no temporary left behind


@pytest.mark.parametrize("args, name", [
    (["growth", "--generators", "lrx"], "growth.png"),
    (["growth", "--normalise"], "growth.svg"),
    (["diameters"], "diameters.pdf"),
    (["cmf", "--cmf", "pi"], "cmf.svg"),
    (["records", "--problem", "c3c4"], "records.png"),
    (["reactions", "--species", "H2, O2, H2O, H2O2", "--reaction", "H2 + O2 -> H2O + H2O2"], "reactions.png"),
    (["convergence", "2", "1", "--depth", "40"], "convergence.png"),
])
def test_each_command_writes_a_valid_image(monkeypatch, tmp_path, views_store, args, name):
    out = tmp_path / name
    result = invoke(monkeypatch, ["plot", *args, "--output", out] + (["--store", views_store]
                                                                    if args[0] != "reactions" else []))
    assert result.exit_code == 0, result.stderr
    assert_image(out)


def test_growth_plots_the_stored_layer_sizes(tmp_path, views_store):
    from discover.views.growth import plot_growth
    from discover.views.source import read_records

    series = plot_growth(read_records(views_store), tmp_path / "g.png", "png")
    stored = {r.key: r.payload for r in stored_records() if r.engine == "cayley.growth"}
    assert {s["key"] for s in series} == set(stored)
    for s in series:
        assert s["y"] == stored[s["key"]]["layer_sizes"]
        assert sum(s["y"]) == math.factorial(s["n"])  # lrx and coxeter generate all of S_n
    norm = plot_growth(read_records(views_store), tmp_path / "n.png", "png", normalise=True)
    for s in norm:
        assert math.isclose(sum(s["y"]), 1.0) and s["x"][-1] == 1.0


def test_diameters_mark_fitted_and_held_out_sizes(tmp_path, views_store):
    from discover.views.diameters import plot_diameters
    from discover.views.source import read_records

    series = plot_diameters(read_records(views_store), tmp_path / "d.png", "png", families={"lrx"})
    [lrx] = series
    record = next(r for r in stored_records() if r.engine == "cayley.fit" and r.payload["family"] == "lrx"
                  and r.payload["quantity"] == "diameter")
    assert [n for n, _ in lrx["fitted"]] == record.payload["fitted_on"]
    assert [n for n, _ in lrx["held_out"]] == record.payload["predicted"]
    assert dict(lrx["points"]) == {int(k): v for k, v in record.payload["values"].items()}
    assert all(value == n * (n - 1) // 2 for n, value in lrx["curve"])  # the lrx diameter n(n-1)/2


def test_convergence_digits_are_the_true_digits(tmp_path):
    import mpmath

    from discover.views.convergence import plot_convergence

    data = plot_convergence("2", "1", 60, tmp_path / "c.png", "png")  # 2 + 1/(2 + 1/(2 + ...)) = 1 + sqrt(2)
    mpmath.mp.dps = 200
    limit = 1 + mpmath.sqrt(2)
    p, q, pp, qp = mpmath.mpf(2), mpmath.mpf(1), mpmath.mpf(1), mpmath.mpf(0)
    for k in range(1, 61):
        p, pp, q, qp = 2 * p + pp, p, 2 * q + qp, q
        true = float(-mpmath.log10(abs(p / q - limit) / limit))
        assert abs(data["exact_digits"][k] - true) < 0.01, k
    # the error model never claims more than the truth, and delta tends to 1 (quadratic irrational)
    for k, model in zip(data["model_depths"], data["model_digits"]):
        assert model <= data["exact_digits"][k] + 0.5
    assert abs(data["delta"][-1] - 1) < 0.05


def test_cmf_plots_the_stored_walks(tmp_path, views_store):
    from discover.views.cmf import plot_cmf
    from discover.views.source import read_records

    walks = plot_cmf(read_records(views_store), "pi", tmp_path / "c.png", "png")
    stored = {r.key: r.payload for r in stored_records() if r.kind == "cmf-walk"}
    assert {w["key"] for w in walks} == set(stored)
    for w in walks:
        assert w["delta"] == stored[w["key"]]["delta"] and w["closed_form"] == stored[w["key"]]["closed_form"]


def test_records_plot_ours_published_and_the_bound(tmp_path, views_store):
    from discover.extremal.reference import C3C4_EXACT
    from discover.views.records import plot_records
    from discover.views.source import read_records

    data = plot_records(read_records(views_store), "c3c4", tmp_path / "r.png", "png")
    stored = {r.payload["n"]: r.payload["edges"] for r in stored_records() if r.engine == "extremal.search"}
    assert data["ours"] == stored
    assert data["exact"] == {n: C3C4_EXACT[n] for n in stored}
    # an upper bound: no published exact value exceeds it
    wide = plot_records(read_records(views_store), "c3c4", tmp_path / "w.png", "png", sizes=range(2, 54))
    assert all(v <= wide["bound"][n] for n, v in wide["exact"].items())


def test_reactions_are_the_engines_elementary_reactions(monkeypatch, tmp_path):
    from discover.views.reactions import reaction_map
    from discover.views.source import read_records

    store = tmp_path / "chem.sqlite"
    result = invoke(monkeypatch, ["chem", "enumerate", "--species", "C, O2, CO, CO2", "--store", store,
                                  "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    stored = {tuple(r.payload["signed"]) for r in read_records(store, engine="chem")}
    data = reaction_map("C, O2, CO, CO2", reaction="C + O2 -> CO + CO2")
    assert {tuple(r["signed"]) for r in data["reactions"]} == stored
    # the projection is linear: the balance is the same combination of reactions in the plane
    balanced = data["balanced"]["signed"]
    assert sum(balanced) != 0 or any(balanced)
    import numpy as np

    vectors = np.array([r["signed"] for r in data["reactions"]], dtype=float)
    coeffs, *_ = np.linalg.lstsq(vectors.T, np.array(balanced, dtype=float), rcond=None)
    xy = np.array([r["xy"] for r in data["reactions"]])
    assert np.allclose(coeffs @ xy, data["balanced"]["xy"])


@pytest.mark.parametrize("args, needle", [
    (["bogus"], "bogus"),
    (["growth", "--output", "{tmp}/g.gif"], ".gif"),
    (["growth", "--output", "{tmp}/missing/g.png"], "does not exist"),
    (["convergence", "--key", "ffffffff", "--output", "{tmp}/c.png"], "ffffffff"),
    (["convergence", "1", "n", "--depth", "100000", "--output", "{tmp}/c.png"], "--depth"),
    (["cmf", "--cmf", "zeta3", "--output", "{tmp}/c.png"], "zeta3"),
    (["records", "--problem", "c4", "--output", "{tmp}/r.png"], "c4"),
    (["records", "--problem", "nope", "--output", "{tmp}/r.png"], "nope"),
])
def test_bad_input_one_line_exit_2_nothing_written(monkeypatch, tmp_path, views_store, args, needle):
    from bad_input import store_digest

    before = store_digest(views_store)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = [a.replace("{tmp}", str(out_dir)) for a in args]
    result = invoke(monkeypatch, ["plot", *args, "--store", views_store])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("discover: error"), lines
    assert needle.lower() in lines[0].lower()
    assert result.stdout == ""
    assert list(out_dir.iterdir()) == []
    assert store_digest(views_store) == before
