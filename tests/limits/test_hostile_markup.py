"""Markup that must not change what claimlint reports."""

from __future__ import annotations

from claimlint.api import lint_text


def test_a_suppression_comment_inside_inline_code_does_not_apply() -> None:
    text = "Write `<!-- claimlint-disable -->` to silence a page.\n\nKetamine cures depression.\n"
    assert "CL101" in {d.rule for d in lint_text(text, path="a.md")}


def test_a_real_suppression_comment_still_applies() -> None:
    text = "<!-- claimlint-disable -->\n\nKetamine cures depression.\n"
    assert lint_text(text, path="a.md") == []
