"""An FAQ's answer claims what its question asked: the question may be a heading, a bold line,
a "Q:" line or a <dt> above the answer's own block (carry_heading in carry.py)."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text


def answer_lines(page: str, path: str) -> list[int]:
    return sorted({d.line for d in lint_text(page, path=path) if d.rule == "CL167"})


@pytest.mark.parametrize(
    ("page", "path"),
    [
        ("# FAQ\n\n### Can the patch stop migraines?\n\nYes! It works in minutes.\n", "faq.md"),
        ("# FAQ\n\n**Can the patch stop migraines?**\n\nYes! It works in minutes.\n", "faq.md"),
        ("FAQ\n\nQ: Can the patch stop migraines?\nA: Absolutely.\n", "faq.txt"),
        ("<dl>\n<dt>Can the patch stop migraines?</dt>\n<dd>Absolutely.</dd>\n</dl>\n", "faq.html"),
    ],
)
def test_the_answer_below_a_question_line_affirms_it(page: str, path: str) -> None:
    assert len(answer_lines(page, path)) == 1


@pytest.mark.parametrize(
    ("page", "path"),
    [
        # a statement above, not a question: nothing was asked
        ("# FAQ\n\n**The patch is worn on the forearm.**\n\nYes! It is.\n", "faq.md"),
        # the question is one sentence of a longer paragraph: its answer is that paragraph's
        (
            "We get asked a lot. Can the patch stop migraines?\n\nYes, you can wear it at work.\n",
            "faq.txt",
        ),
        # an honest answer
        (
            "**Can the patch stop migraines?**\n\nNo. It may ease some attacks for some people.\n",
            "faq.md",
        ),
    ],
)
def test_no_question_line_or_no_outright_answer_claims_nothing(page: str, path: str) -> None:
    assert answer_lines(page, path) == []
