"""A suppression comment shown as code (an indented code block, or escaped text inside HTML
code) is an example for readers, not a directive: it must not silence the page."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text

SAFE = "Our infusions are completely safe for every guest.\n"  # CL401

INDENTED = {
    "four spaces": "Write this:\n\n    <!-- claimlint-disable -->\n\n",
    "a tab": "Write this:\n\n\t<!-- claimlint-disable -->\n\n",
    "next-line form": "Write this:\n\n    <!-- claimlint-disable-next-line -->\n",
    "after a heading": "# How to silence a page\n    <!-- claimlint-disable -->\n\n",
    "after other code": "Write this:\n\n    first\n\n    <!-- claimlint-disable -->\n\n",
    "comment closed outside the block": "Write this:\n\n    <!-- claimlint-disable\n\n-->\n\n",
    "in a list item": "1. Step one\n\n   text\n\n       <!-- claimlint-disable -->\n\n",
    "in a block quote": "> quoted\n>\n>     <!-- claimlint-disable -->\n\n",
    "after front matter": "---\ntitle: Silencing\n---\n\n    <!-- claimlint-disable -->\n\n",
    "CRLF line ends": "Write this:\r\n\r\n    <!-- claimlint-disable -->\r\n\r\n",
}


@pytest.mark.parametrize("case", sorted(INDENTED))
def test_a_comment_in_an_indented_code_block_does_not_apply(case: str) -> None:
    text = INDENTED[case] + SAFE
    found = [(d.line, d.rule) for d in lint_text(text, path="page.md")]
    assert found == [(len(text.splitlines()), "CL401")]


def test_an_indented_comment_inside_an_html_block_still_applies() -> None:
    text = "<!--\n    claimlint-disable -->\n\n" + SAFE  # a comment block, not code
    assert lint_text(text, path="page.md") == []


@pytest.mark.parametrize(
    "markup",
    [
        "<pre><code>&lt;!-- claimlint-disable --&gt;</code></pre>",
        "<p><code>&lt;!-- claimlint-disable --&gt;</code></p>",
        "<textarea><!-- claimlint-disable --></textarea>",
    ],
)
def test_a_comment_shown_as_text_in_html_does_not_apply(markup: str) -> None:
    text = f"{markup}\n<p>{SAFE.strip()}</p>\n"
    assert [(d.line, d.rule) for d in lint_text(text, path="page.html")] == [(2, "CL401")]
