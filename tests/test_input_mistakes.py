"""Mistakes on the command line about inputs are told, not lint garbage: a wrong --encoding,
--stdin-filename without '-'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimlint.cli import cli
from claimlint.inputs.decoding import DecodeError, decode

PAGE = "Ketamine cures depression. Our clinic opens at nine on Saturdays for new patients.\n"


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", "--no-cache", "-j", "1", *args], input=stdin)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "UTF16"])
def test_utf16_on_a_utf8_file_is_an_error_naming_the_file(tmp_path: Path, encoding: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE + "Café au lait, naïve façade.\n", encoding="utf-8")
    result = run("--encoding", encoding, str(page))
    assert result.exit_code == 2, result.output
    assert str(page) in result.stderr and "does not look like" in result.stderr
    assert "No problems found in 1 file" not in result.output


def test_latin1_on_a_utf16_file_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode("utf-16-le"))
    result = run("--encoding", "latin-1", str(page))
    assert result.exit_code == 2 and "page.txt" in result.stderr


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (PAGE, "utf-16-le"),
        ("氯胺酮治疗抑郁症。我们的诊所周六开放。\n", "utf-16-le"),
        ("氯胺酮治疗抑郁症。我们的诊所周六开放。\n", "utf-16"),
        ("Café notes: infusions every Tuesday.\n", "latin-1"),
        ("Café notes: infusions every Tuesday.\n", "cp1252"),
        (PAGE, "utf-32"),
    ],
)
def test_the_right_encoding_still_decodes(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), encoding=encoding) == text


def test_the_right_encoding_lints(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode("utf-16-le"))
    result = run("--format", "json", "--encoding", "utf-16-le", str(page))
    assert result.exit_code == 1 and json.loads(result.stdout)


def test_short_ascii_read_as_utf16_is_refused() -> None:
    with pytest.raises(DecodeError, match="utf-16"):
        decode(b"Relief in hours, guaranteed!", encoding="utf-16-le")


def test_stdin_filename_without_dash_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.md").write_text(PAGE, encoding="utf-8")
    result = run("--stdin-filename", "x.md", stdin=PAGE)
    assert result.exit_code == 2
    assert "--stdin-filename" in result.stderr and "'-'" in result.stderr
    assert "other.md" not in result.output  # it did not lint the folder instead
    with_dash = run("--format", "json", "--stdin-filename", "x.md", "-", stdin=PAGE)
    assert with_dash.exit_code == 1
    assert {d["path"] for d in json.loads(with_dash.stdout)} == {"x.md"}
