"""The one reader of users' text files: bounded, UTF-8 checked, binary refused, the line named."""

import pytest

from discover.errors import InputError
from discover.textfile import read_text_file


def test_reads_utf8_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("H2 + O2 -> H2O\nπ\n", encoding="utf-8")
    assert read_text_file(path, "--file a.txt", 100) == "H2 + O2 -> H2O\nπ\n"


@pytest.mark.parametrize("data, needle", [
    (b"ok\ncaf\xe9\n", "line 2: byte 0xe9 is not UTF-8"),
    (b"\x89PNG\r\n", "line 1: byte 0x89"),
    (b"a\nb\nc\x00d", "line 3: a NUL byte"),
    (b"x" * 101, "larger than 100 bytes"),
])
def test_refusals_name_the_input_and_line(tmp_path, data, needle):
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="--file f.txt") as err:
        read_text_file(path, "--file f.txt", 100)
    assert needle in str(err.value)


def test_missing_folder_and_endless_device(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        read_text_file(tmp_path / "nope", "X", 10)
    with pytest.raises(InputError, match="a folder"):
        read_text_file(tmp_path, "X", 10)
    with pytest.raises(InputError, match="larger than"):
        read_text_file("/dev/zero", "X", 1000)  # bounded read: never reads forever
