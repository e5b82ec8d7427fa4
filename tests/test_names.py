"""Business and product names (nlp/names.py): an outcome word inside a name claims nothing,
a claim beside the name still counts, and a name that names a disease keeps its claim."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text


def _efficacy(text: str, path: str = "page.md") -> list[str]:
    return [d.excerpt for d in lint_text(text + "\n", path=path) if d.category == "efficacy"]


@pytest.mark.parametrize(
    "text",
    [
        "Book a visit at Renewal Ketamine Clinic on Elm Street.",
        "Harbor Relief Chiropractic takes walk-ins on Saturdays.",
        "Healing Waters Infusion Center accepts most insurance plans.",
        "Transform IV Lounge has two locations downtown.",
        "Our Revive Restore drip costs $179 and takes forty minutes.",
        "At Rebuild Psychedelic Retreats, each cohort has six guests.",
    ],
)
def test_an_outcome_word_inside_a_name_is_not_a_claim(text: str) -> None:
    assert _efficacy(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Renewal Ketamine Clinic cures depression for good.",
        "Our Revive Restore drip rebuilds your immune system overnight.",
        "Harbor Relief Chiropractic heals herniated discs without surgery.",
    ],
)
def test_a_claim_beside_a_name_still_counts(text: str) -> None:
    assert _efficacy(text)


def test_a_name_that_names_a_disease_keeps_its_claim() -> None:
    assert _efficacy("The Migraine Relief Institute offers ketamine infusions in Austin.")


def test_headings_and_title_case_blocks_are_not_read_as_names() -> None:
    # every word is capitalised in a heading: the outcome there is a claim
    assert _efficacy("# Ketamine Clinic Therapy That Restores Your Hope\n\nBook today.")
    assert _efficacy("Ketamine Clinic Therapy That Restores Your Hope Today")


def test_html_body_names_too() -> None:
    page = "<p>Call Revive Wellness Center to book your first infusion.</p>"
    assert _efficacy(page, path="page.html") == []


@pytest.mark.parametrize(
    "text",
    [
        "Restore is a cinnamon supplement for everyday use.",
        "Revive contains magnesium, ginger and vitamin B6.",
        "Soothe can be taken with or without food.",
        "Renew ships in a recyclable glass jar.",
        "Thrive was formulated by two pharmacists in Ohio.",
        "- Mend is sold in packs of thirty tablets.",
    ],
)
def test_a_one_word_name_opening_a_sentence_is_not_a_claim(text: str) -> None:
    # a command never opens with a verb followed by "is", "contains" or "can"
    assert _efficacy(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Restore your energy with our weekly B12 shots.",  # a command: the outcome is claimed
        "Relief is just one infusion away.",  # a noun, not a verb in its base form
        "Renew reverses sun damage in two weeks.",  # the name's own claim still counts
        "Restore is the supplement that reverses diabetes.",
    ],
)
def test_outcomes_around_a_one_word_name_still_count(text: str) -> None:
    assert _efficacy(text)


@pytest.mark.parametrize(
    "text",
    [
        "RIVERSTONE VITALITY CLINIC",
        "SUMMIT RENEWAL WELLNESS CENTER\n\nCall us to book a first visit.",
        "BLUE MESA REVIVE KETAMINE CLINIC\n123 Main Street, Suite 4",
    ],
)
def test_an_all_capitals_line_that_is_only_a_business_name_is_not_a_claim(text: str) -> None:
    assert _efficacy(text) == []


@pytest.mark.parametrize(
    "text",
    ["RESTORE YOUR ENERGY AT SUMMIT CLINIC", "PAIN RELIEF INSTITUTE", "HEALS ARTHRITIS FAST"],
)
def test_a_banner_that_addresses_the_reader_or_names_a_disease_still_claims(text: str) -> None:
    assert _efficacy(text) != []


def test_a_first_heading_that_is_only_a_business_name_names_the_place_on_the_page() -> None:
    """'# Northstar Vitality Health Clinic' makes 'Northstar Vitality' a name wherever it stands."""
    page = (
        "# Northstar Vitality Health Clinic\n\n"
        "At Northstar Vitality we test, we treat and we follow up.\n"
    )
    assert _efficacy(page) == []


def test_a_heading_that_is_a_claim_is_not_taken_for_a_name() -> None:
    """The heading does not end in a business noun, so its words keep their claim."""
    page = (
        "# Renewal For Tired Joints\n\nRenewal comes fast: our gel rebuilds cartilage in a week.\n"
    )
    assert _efficacy(page)


def test_the_business_name_after_a_title_separator_is_a_name() -> None:
    """'... | Evergreen Hormone & Vitality Clinic': the part after the bar names the place, while
    a title whose last part is no business name keeps its claim."""
    named = (
        "# Hormone Care for Menopause | Brightwater Renewal & Vitality Clinic\n\nWe see patients.\n"
    )
    assert _efficacy(named) == []
    claim = "# Hormone Therapy That Restores Vitality | Book Today\n\nWe see patients.\n"
    assert _efficacy(claim) != []


@pytest.mark.parametrize(
    "text",
    [
        "Order Woofington Relief, and if your beagle refuses it, we'll send a full refund.",
        "Every tin of Snoozaroo Calm ships in recycled card.",
    ],
)
def test_a_coined_brand_word_makes_the_capitalised_word_after_it_a_name(text: str) -> None:
    assert _efficacy(text) == []


def test_a_claim_beside_a_coined_brand_name_still_counts() -> None:
    assert _efficacy("Woofington Relief cures separation anxiety in a week.")
