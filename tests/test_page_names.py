"""The names a page gives itself (nlp/page_names.py): an outcome word in the clinic's or the
product's name is not a claim wherever the page repeats the name."""

from __future__ import annotations

from claimlint.api import lint_text
from claimlint.inputs.readers.markdown import read_markdown
from claimlint.nlp.page_names import declared_names, occurrences


def _efficacy_lines(text: str, path: str = "page.md") -> list[int]:
    return sorted({d.line for d in lint_text(text, path=path) if d.category == "efficacy"})


def test_a_name_before_a_company_suffix_is_declared() -> None:
    text = "Visit us.\n\nHarbor Renew Wellness, PLLC · 12 Pier Road · (555) 010-2000\n"
    reading = read_markdown(text)
    assert "Harbor Renew Wellness" in declared_names(reading.prose.text, reading.prose.blocks)


def test_a_name_after_a_copyright_sign_is_declared() -> None:
    text = "Book today.\n\n© 2025 Vital Restore Studio. All rights reserved.\n"
    reading = read_markdown(text)
    assert "Vital Restore Studio" in declared_names(reading.prose.text, reading.prose.blocks)


def test_first_words_of_a_long_name_are_the_name_too() -> None:
    text = "Lumen Thrive Health runs Lumen Thrive clinics; Lumen alone is a unit."
    spans = occurrences(text, {"Lumen Thrive Health"})
    assert [text[a:b] for a, b in spans] == ["Lumen Thrive Health", "Lumen Thrive"]
    assert [a for a, _ in spans] == [0, text.index("Lumen Thrive clinics")]


def test_a_brand_name_in_the_header_and_footer_is_not_a_claim() -> None:
    page = (
        "**Northfield Men's Vitality** · Omaha · Online visits\n\n"
        "Testosterone therapy is prescribed after blood tests.\n\n"
        "Northfield Men's Vitality, PLLC · 40 Elm St · (555) 010-3000\n"
    )
    assert _efficacy_lines(page) == []


def test_a_navigation_bar_of_bare_links_is_not_one_sentence() -> None:
    page = (
        "<html><head><title>Compounded Semaglutide Program | Zentrava Slim Health</title>"
        '</head><body><nav class="bar">\n  <a class="brand" href="/">Zentrava Slim</a>\n'
        '  <a href="/how">How it works</a>\n  <a href="/faq">FAQ</a>\n</nav>'
        "<p>Compounded semaglutide is not FDA-approved. Visits are online and take twenty"
        " minutes.</p></body></html>\n"
    )
    assert _efficacy_lines(page, "page.html") == []


def test_a_capitalised_verb_after_a_determiner_is_a_programme_name() -> None:
    page = (
        "# The 14-Day Reset at Willow Clinic\n\n"
        "The 14-Day Reset is a guided sleep, meal and walking programme run by a nurse.\n\n"
        "## Will the Reset fix my back pain?\n\n"
        "The Reset is not suitable during pregnancy.\n"
    )
    assert _efficacy_lines(page) == []


def test_a_slogan_is_not_a_name() -> None:
    page = "# Clinic\n\nOur drops melt away joint pain in days.\n\n© 2025 Willow Clinic\n"
    assert _efficacy_lines(page) == [3]


def test_a_name_that_names_a_condition_keeps_its_claim() -> None:
    page = (
        "Book a visit.\n\nOur Migraine Relief Spray ends headaches.\n\nMigraine Relief Labs, LLC\n"
    )
    assert 3 in _efficacy_lines(page)


def test_the_last_part_of_a_divided_title_is_the_site_name() -> None:
    from claimlint.inputs.readers.html import read_html

    page = "<html><head><title>Hormone Care | Ashgrove Renew Clinic</title></head></html>"
    prose = read_html(page).prose
    assert declared_names(prose.text, prose.blocks) == {"Ashgrove Renew Clinic"}


def test_a_trademark_sign_declares_the_name_and_the_words_after_it() -> None:
    text = "# SleepOwl™ Calm + Rest Drops\n\nOur Restora® Joint Formula ships free.\n"
    names = declared_names(text, [])
    assert {"SleepOwl", "SleepOwl™ Calm + Rest Drops", "Restora", "Restora® Joint Formula"} <= names
    assert not any(name.startswith("Our") for name in names)


def test_outcome_words_in_a_trademarked_heading_are_the_name() -> None:
    page = "# SleepOwl™ Calm + Focus Drops\n\nKids love the berry taste.\n"
    assert not [d for d in lint_text(page, path="page.md") if d.category == "efficacy"]
    claim = page + "\nSleepOwl drops calm an anxious mind in minutes.\n"
    assert [d.line for d in lint_text(claim, path="page.md") if d.category == "efficacy"] == [5, 5]
