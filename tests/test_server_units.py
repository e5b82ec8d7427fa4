"""Server pieces without a server: positions in each encoding, hover text, edits."""

from __future__ import annotations

import pytest
from lsprotocol import types

from claimlint.diagnostics import Diagnostic
from claimlint.server.actions import rewrite_action, suppress_action
from claimlint.server.linting import is_settings_file, path_of
from claimlint.server.positions import PositionMap
from claimlint.server.render import hover_text

TEXT = "first line\r\nab\U0001f600c d\u00e9f\nlast"


@pytest.mark.parametrize(
    ("encoding", "character"),
    [("utf-16", 6), ("utf-8", 8), ("utf-32", 5)],  # 'd' after "ab😀c " on line 2
)
def test_columns_become_code_units_of_the_encoding(encoding: str, character: int) -> None:
    positions = PositionMap(TEXT, encoding)
    assert positions.position(2, 6) == types.Position(line=1, character=character)
    assert positions.offset(types.Position(line=1, character=character)) == TEXT.index("d")


def test_ranges_and_line_breaks() -> None:
    positions = PositionMap(TEXT)
    span = positions.range(2, 8, 3, 1)  # "f" and the line break
    assert span.start == types.Position(line=1, character=8)
    assert span.end == types.Position(line=2, character=0)
    assert positions.offset(types.Position(line=9, character=0)) == len(TEXT)
    assert positions.offset(types.Position(line=0, character=99)) == len("first line")


def test_settings_files_and_unsaved_buffers() -> None:
    assert is_settings_file("/site/.claimlint.yaml")
    assert is_settings_file("/site/pyproject.toml")
    assert is_settings_file("/site/packs/acme.yml")
    assert not is_settings_file("/site/page.md")
    assert path_of("untitled:Untitled-1", None, "markdown", "/site") == "/site/Untitled-1.md"


def finding(text: str, phrase: str, **extra: object) -> Diagnostic:
    start = text.index(phrase)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Diagnostic(
        path="p.md",
        line=line,
        column=column,
        rule="CL101",
        end_line=line,
        end_column=column + len(phrase),
        name="unsupported-efficacy-claim",
        category="efficacy",
        severity="error",
        message=f'Efficacy claim: "{phrase}"',
        excerpt=phrase,
        **extra,
    )


def test_hover_shows_the_claim_analysis_when_present() -> None:
    analysis = (("claim", "a health outcome"), ("subject", "ketamine"), ("asserted", "as fact"))
    text = hover_text(finding("Ketamine cures it.", "Ketamine cures", analysis=analysis), None)
    assert "**Claim:** a health outcome" in text and "**Subject:** ketamine" in text
    assert "**Asserted:** as fact" in text
    assert "Subject" not in hover_text(finding("Ketamine cures it.", "Ketamine cures"), None)


def test_rewrite_keeps_a_capital_and_spans_markup() -> None:
    text = "---\ntitle: x\n---\n**Cures** depression fast.\n"
    diag = finding(text, "Cures", suggestion='"cures" -> "may help relieve symptoms of"')
    action = rewrite_action("file:///p.md", diag, PositionMap(text))
    assert action is not None
    edit = action.edit.changes["file:///p.md"][0]
    assert edit.new_text == "May help relieve symptoms of"
    assert (edit.range.start.line, edit.range.start.character) == (3, 2)
    assert (
        rewrite_action("u", finding(text, "Cures", suggestion="no hint"), PositionMap(text)) is None
    )


def test_no_suppression_comment_inside_front_matter_or_plain_text() -> None:
    text = "---\ntitle: Ketamine cures depression\n---\nKetamine cures depression.\n"
    body = finding(text, "Ketamine cures depression.")
    action = suppress_action("u", body, PositionMap(text), "markdown")
    assert action is not None and action.edit.changes["u"][0].range.start.line == 3
    in_title = finding(text, "Ketamine cures")
    assert suppress_action("u", in_title, PositionMap(text), "markdown") is None
    assert suppress_action("u", body, PositionMap(text), "text") is None
