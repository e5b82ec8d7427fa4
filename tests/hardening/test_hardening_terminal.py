"""Page text and file names never reach the terminal as control sequences."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.diagnostics import Diagnostic
from claimlint.outputs.formats import Context, by_name, terminal_safe

ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e")
TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
CLEAR = "\x1b[2J"  # clears the screen


def assert_inert(text: str) -> None:
    assert not any(c in text for c in ESCAPES), repr(text)


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_file_name_with_escapes_is_shown_escaped(tmp_path: Path, fmt: str) -> None:
    if os.name == "nt":
        pytest.skip("such names are not allowed on Windows")
    page = tmp_path / f"page{CLEAR}.md"
    page.write_text("Ketamine cures depression.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "-j", "1", "--format", fmt, str(page)])
    assert result.exit_code == 1
    assert_inert(result.stdout)
    assert "page\\x1b[2J.md" in result.stdout


def test_page_text_with_escapes_is_shown_escaped() -> None:
    diag = Diagnostic(
        "p.md", 1, 10, "CL101", 1, 30, "n", "efficacy", "error",
        f'Claim: "cures {TITLE}depression"', f"cures {TITLE}depression",
        suggestion=f'"cures" -> "may help{CLEAR}"', fix=f"Cite it{CLEAR}.",
    )  # fmt: skip
    source = f"Ketamine cures {TITLE}depression{CLEAR} fast.\n"
    for fmt in ("text", "concise", "github"):
        ctx = Context(sources={"p.md": source}, show_source=True, files_checked=1)
        out = by_name(fmt)([diag], ctx)
        assert_inert(out)
        assert "\\x1b]0;pwned\\x07" in out
    ctx = Context(sources={"p.md": source}, show_source=True, files_checked=1)
    text = by_name("text")([diag], ctx)
    assert "Ketamine cures \ufffd]0;pwned\ufffddepression\ufffd[2J fast." in text  # aligned
    assert json.loads(by_name("json")([diag], ctx))[0]["message"] == diag.message  # data kept


def test_terminal_safe_leaves_ordinary_text_alone() -> None:
    assert terminal_safe("Café – “quoted” 😀 ok") == "Café – “quoted” 😀 ok"
    assert terminal_safe("a\tb\nc\x7f") == "a\\tb\\nc\\x7f"
