"""A pack regex's "^" means the start of the block it searches, whichever block of a page that
is (a search from an offset never matches "^", so it used to hold only in a page's first block)."""

from __future__ import annotations

import re

import pytest

from claimlint.api import lint_text
from claimlint.packs.linear_regex import PythonRegex, anchored_at_start, compile_linear

TEXT = "First block of text.\nBye-bye, brain fog.\nAnd bye-bye, brain fog again."
SECOND = TEXT.index("Bye")


def test_start_anchors_are_recognised() -> None:
    assert anchored_at_start(r"^\s*bye")
    assert anchored_at_start(r"(?:\Afoo|bar)")
    assert not anchored_at_start(r"(?m)^\s*bye")
    assert not anchored_at_start(r"(?m:^)red flags")
    assert not anchored_at_start(r"[^a]bye")
    assert not anchored_at_start(r"\^bye")


@pytest.mark.parametrize(
    "regex",
    [compile_linear(r"^bye-bye", True), PythonRegex(r"^bye-bye", re.compile(r"^bye-bye", re.I))],
)
def test_caret_holds_at_the_start_of_a_later_block(regex) -> None:
    end = TEXT.index("\n", SECOND)
    assert list(regex.spans(TEXT, SECOND, end)) == [(SECOND, SECOND + len("bye-bye"))]
    later = TEXT.index("And")
    assert list(regex.spans(TEXT, later, len(TEXT))) == []  # "bye-bye" not at its start


def test_word_boundary_context_is_kept_without_a_caret() -> None:
    regex = compile_linear(r"\bfog\b", True)
    text = "smogfog"
    assert list(regex.spans(text, 4, len(text))) == []  # "g" before it is context


def test_a_fragment_rule_holds_in_any_block_of_a_page() -> None:
    page = "# Our clinic\n\nWe are open six days a week.\n\n- Bye-bye, brain fog.\n"
    found = [d.rule for d in lint_text(page, path="page.md")]
    assert "CL105" in found
