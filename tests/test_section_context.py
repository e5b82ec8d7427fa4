"""A heading names what its section is about: under "Possible side effects" or "Who should not
use it", items describe harms and how they pass, not benefits (the `section` modifier option)."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text


def _rules(text: str, path: str = "page.md") -> set[str]:
    return {d.rule for d in lint_text(text, path=path) if d.category != "disclaimer"}


@pytest.mark.parametrize(
    "page",
    [
        "# Iron drips\n\n## Possible side effects\n\n- Nausea, flushing and stomach cramping\n"
        "- Headache\n",
        "# Hyperbaric sessions\n\n## Side effects\n\n- Blurred vision that usually resolves"
        " within days after the course ends\n",
        "# Red-light caps\n\n## Warnings\n\nMild scalp tingling fades within an hour of a"
        " session.\n",
        "# Sleep patches\n\n### Risks and side effects\n\n* Dry mouth and dizziness\n"
        "* Sleepiness that clears by midday\n",
    ],
)
def test_items_under_a_side_effects_heading_are_not_benefits(page: str) -> None:
    assert not _rules(page), page


def test_an_html_risks_section_governs_its_list() -> None:
    page = (
        "<html><body><h1>Oxygen therapy</h1><h2>Risks and side effects</h2><ul>"
        "<li>Ear pain from pressure changes</li>"
        "<li>Short-sightedness that usually resolves weeks after treatment ends</li>"
        "</ul></body></html>"
    )
    assert not _rules(page, "page.html")


def test_the_section_ends_at_the_next_heading() -> None:
    page = (
        "# Iron drips\n\n## Possible side effects\n\n- Headache\n\n## Benefits\n\n"
        "- Relieves brain fog and fatigue\n"
    )
    found = lint_text(page, path="page.md")
    assert [d.line for d in found if d.category == "efficacy"] == [9]


def test_a_heading_that_only_mentions_side_effects_does_not_govern() -> None:
    page = "# Drops\n\n## Fewer side effects than pills\n\n- Ends anxiety within minutes\n"
    assert any(d.category == "efficacy" for d in lint_text(page, path="page.md"))


def test_a_safety_absolute_under_a_side_effects_heading_is_still_found() -> None:
    page = "# Troches\n\n## Side effects\n\nOur troches have no side effects at all.\n"
    assert any(d.category == "safety" for d in lint_text(page, path="page.md"))


BRAND_TRIAL = (
    "In the SURMOUNT-1 trial, adults on the top dose lost about 20% of their body weight over"
    " 72 weeks (Jastreboff et al., N Engl J Med, 2022).\n"
)


def test_brand_trial_results_under_a_brand_name_heading_are_the_brands() -> None:
    page = (
        "# Compounded tirzepatide at Larkfield\n\nWe prescribe compounded tirzepatide.\n\n"
        "## The brand-name medicines\n\nZepbound is FDA-approved for chronic weight management.\n\n"
        + BRAND_TRIAL
    )
    assert "CL505" not in _rules(page)


def test_brand_trial_results_under_the_sellers_own_heading_are_borrowed() -> None:
    page = (
        "# Compounded tirzepatide at Larkfield\n\nWe prescribe compounded tirzepatide.\n\n"
        "## What our members can expect\n\n" + BRAND_TRIAL
    )
    assert _rules(page) & {"CL505", "CL550"}
