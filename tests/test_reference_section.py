"""Entries under a "References" heading are the page's sources: an article title that states a
finding is not the page's claim, while the same words elsewhere on the page still are."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text

TITLE = "Lee J, Park S. BPC 157 peptide therapy heals torn tendons. J Orthop Res. 2015;33(2):1-9."


def efficacy_lines(page: str) -> set[int]:
    return {d.line for d in lint_text(page, path="page.md") if d.category == "efficacy"}


@pytest.mark.parametrize("heading", ["References", "Sources", "Works cited", "Bibliography"])
def test_a_title_in_the_reference_list_is_no_claim(heading: str) -> None:
    page = f"# Peptides\n\nOur clinic is in Austin.\n\n## {heading}\n\n1. {TITLE}\n"
    assert efficacy_lines(page) == set()


def test_the_same_words_outside_the_list_still_claim() -> None:
    page = f"# Peptides\n\n{TITLE}\n\n## Our team\n\n1. {TITLE}\n"
    assert efficacy_lines(page) == {3, 7}


def test_a_section_after_the_references_is_read_again() -> None:
    page = (
        f"# Peptides\n\n## References\n\n1. {TITLE}\n\n## Results\n\nOur peptides heal tendons.\n"
    )
    assert efficacy_lines(page) == {9}


def test_a_sales_paragraph_after_the_list_still_claims() -> None:
    """Only entries shaped like citations are sources: a paragraph after the list, under the same
    heading, is the page's own copy."""
    sales = "Our peptide shots heal torn tendons. Order now."
    page = f"# Peptides\n\n## References\n\n1. {TITLE}\n\n{sales}\n"
    assert efficacy_lines(page) == {7}
