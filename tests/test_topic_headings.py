"""A heading that opens with "How" names a topic ("How ketamine works"), unless a strong outcome
follows: "How Ketamine Stops Pain" says that it does (pseudo_regex on topic-opening)."""

from __future__ import annotations

from claimlint.api import lint_text


def _efficacy_lines(page: str) -> list[int]:
    return sorted({d.line for d in lint_text(page, path="page.md") if d.category == "efficacy"})


def test_a_how_heading_with_a_strong_outcome_asserts_it() -> None:
    page = "# Clinic\n\n## How Our Drip Reverses Neuropathy\n\nSessions last an hour.\n"
    assert _efficacy_lines(page) == [3]


def test_a_how_heading_that_names_a_topic_does_not() -> None:
    page = "# Clinic\n\n## How TMS treats depression: the science\n\n## How the session ends\n"
    assert _efficacy_lines(page) == []
