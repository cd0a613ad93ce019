"""Views of fits in the modulus p (`cayley mine --over p`): the report, LaTeX and b-files name the variable."""

from click.testing import CliRunner

from cli.main import cli


def test_a_fit_over_p_is_shown_in_p(tmp_path):
    store = str(tmp_path / "s.sqlite")
    runner = CliRunner()
    # UT_2(Z/pZ) is the cycle Z/pZ: diameter floor(p/2), fitted over p
    mined = runner.invoke(cli, ["cayley", "mine", "--generators", "unitriangular", "--n", "2", "--over", "p",
                                "--values", "2..11", "--workers", "1", "--store", store])
    assert mined.exit_code == 0, mined.output
    report = runner.invoke(cli, ["results", "report", "--store", store, "--output", str(tmp_path / "report")])
    assert report.exit_code == 0, report.output
    tex = tmp_path / "out.tex"
    latex = runner.invoke(cli, ["results", "export", "--format", "latex", "--store", store, "--output", str(tex)])
    assert latex.exit_code == 0, latex.output
    assert r"p \equiv 1 \pmod{2}" in tex.read_text()
    bfile = runner.invoke(cli, ["results", "export", "--format", "bfile", "--store", store,
                                "--output", str(tmp_path / "b")])
    assert bfile.exit_code == 0, bfile.output
