"""Tables as text (cli/text_table.py): every cell shown whole, rows one line each unless a width is given."""

from cli.text_table import render


def test_without_a_width_every_row_is_one_line_and_every_cell_whole():
    rows = [["a" * 120, "b"], ["c", "d" * 7]]
    lines = render(rows, ["first", "second"], title="T").splitlines()
    body = [line for line in lines if line.startswith("│")]
    assert len(body) == 2
    assert "a" * 120 in body[0] and "d" * 7 in body[1]
    assert len({len(line) for line in lines[1:]}) == 1  # every frame line as wide as the rows


def test_with_a_width_cells_wrap_to_fit_and_keep_their_text():
    rows = [["word " * 30, "x"]]
    lines = render(rows, ["text", "y"], width=40).splitlines()
    assert max(len(line) for line in lines) <= 40
    body = [line for line in lines if line.startswith("│")]
    assert len(body) > 1
    text = " ".join(line.split("│")[1].strip() for line in body)
    assert text.split() == ["word"] * 30


def test_a_table_without_rows_still_has_its_header():
    lines = render([], ["a", "b"]).splitlines()
    assert lines[1].startswith("┃ a") and len(lines) == 4
