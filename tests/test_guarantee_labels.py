"""A heading that only names a guarantee ("Our guarantees", "The Ironwood Guarantee") is a label:
what the guarantee promises is in the text under it, and is judged there."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text


def _guarantee_lines(page: str) -> list[int]:
    return sorted({d.line for d in lint_text(page, path="page.md") if d.category == "guarantee"})


@pytest.mark.parametrize(
    "heading", ["## Our guarantees", "## The Ashcombe Guarantee", "### 90-Day Money-Back Promise"]
)
def test_a_heading_naming_a_guarantee_is_a_label(heading: str) -> None:
    page = f"# Clinic\n\n{heading}\n\nWe guarantee a call back within one business day.\n"
    assert _guarantee_lines(page) == []


def test_the_promise_under_the_label_is_still_judged() -> None:
    page = "# Clinic\n\n## Our guarantee\n\nYour back pain will be gone in 30 days, guaranteed.\n"
    assert _guarantee_lines(page) == [5]


@pytest.mark.parametrize("heading", ["## Guaranteed Results", "## Results guaranteed or we pay"])
def test_a_heading_that_promises_a_result_is_a_claim(heading: str) -> None:
    assert _guarantee_lines(f"# Clinic\n\n{heading}\n\nBook a visit.\n") == [3]
