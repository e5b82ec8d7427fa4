"""Plain-text pages write lists and headings with dashes: each "  - item" line is a sentence of
its own, and a heading's underline ("------") ends the heading."""

from __future__ import annotations

from claimlint.api import lint_text
from claimlint.inputs.readers.text import read_text
from claimlint.nlp.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    prose = read_text(text).prose
    return [prose.text[s.start : s.end] for s in split_sentences(prose.text, prose.blocks)]


def test_dashed_items_and_an_underlined_heading_are_sentences() -> None:
    text = (
        "WHAT MEMBERS NOTICE\n-------------------\n  - Calmer evenings\n  * Fewer night wakings\n"
    )
    assert [s.strip() for s in _sentences(text)] == [
        "WHAT MEMBERS NOTICE",
        "Calmer evenings",
        "Fewer night wakings",
    ]


def test_a_hyphen_inside_a_line_does_not_split() -> None:
    text = "Take one capsule - with food - each morning.\n"
    assert len(_sentences(text)) == 1


def test_benefit_items_of_a_text_list_are_found_one_by_one() -> None:
    page = (
        "RESULTS TO EXPECT\n-----------------\n  - Faster return to the gym after knee surgery\n"
        "  - Stronger tendons and ligaments\n"
    )
    lines = sorted({d.line for d in lint_text(page, path="page.txt") if d.category == "efficacy"})
    assert lines == [3, 4]


def test_labelled_lines_of_an_ad_deck_are_sentences_of_their_own() -> None:
    text = (
        "Headline: Sleep through the night again\n"
        "Primary text: When melatonin fails, our patch succeeds.\n"
        "CTA: Book now\n"
    )
    assert [s.strip() for s in _sentences(text)] == [
        "Headline: Sleep through the night again",
        "Primary text: When melatonin fails, our patch succeeds.",
        "CTA: Book now",
    ]
    found = lint_text(text, path="ad.txt")
    assert any(d.line == 2 and d.category == "efficacy" for d in found)


def test_a_reference_card_stays_one_sentence_with_its_citation() -> None:
    text = (
        "Magnesium and sleep in older adults\n"
        "Authors: A. Rivera, B. Chen\n"
        "Journal: Journal of Sleep Research, 2021\n"
        "Summary: Magnesium improved sleep quality within two weeks.\n"
    )
    assert len(_sentences(text)) == 1


def test_a_wrapped_line_that_merely_holds_a_colon_is_not_a_label() -> None:
    text = "Our nurses check in after every visit and\nask one thing: how did you sleep?\n"
    assert len(_sentences(text)) == 1


def test_check_marks_separate_the_items_of_a_product_line() -> None:
    text = "GumGuard Rinse ✔ Rebuilds receding gums ✔ Freshens breath\n"
    assert [s.strip() for s in _sentences(text)] == [
        "GumGuard Rinse",
        "Rebuilds receding gums",
        "Freshens breath",
    ]
    assert any(d.category == "efficacy" for d in lint_text(text, path="listing.txt"))


def test_a_block_is_scanned_for_separators_only_when_one_could_stand_in_it() -> None:
    """_may_separate is a quick test before the separator scan: it must say yes wherever the
    scan would find something (a block's first line too, and the label form after a break)."""

    from claimlint.nlp.sentences import _SEPARATOR, _may_separate

    cases = [
        ("Plain sentence. Another one.", 0),
        ("Home · Book now", 0),
        ("Serum ✔ Rebuilds gums", 0),
        ("Intro\n  - Pain relief", 0),
        ("x\n- Pain relief", 2),  # the block opens a line
        ("x\nHeadline: Calm in a week", 2),
        ("x Headline: Calm in a week", 2),  # not at a line start
        ("TITLE\n-----", 0),
    ]
    for text, start in cases:
        found = any(True for _ in _SEPARATOR.finditer(text, start, len(text)))
        assert not found or _may_separate(text, start, len(text)), text
    assert not _may_separate("Plain sentence. Another one.", 0, 28)
    assert not _may_separate("x Headline: Calm in a week", 2, 26)


def test_a_line_ended_by_hand_is_a_sentence_of_its_own() -> None:
    """A menu sets one item per line: the next line's first word would have fitted on the
    line before, so the break is the writer's, not the wrap's."""
    text = (
        "THE NIGHT OWL ......................... $149\n"
        "  Magnesium, glycine, B6, saline\n"
        "  Ends insomnia after a single drip.\n"
    )
    assert [s.strip() for s in _sentences(text)] == [
        "THE NIGHT OWL .........................",
        "$149",
        "Magnesium, glycine, B6, saline",
        "Ends insomnia after a single drip.",
    ]
    found = [d for d in lint_text(text, path="menu.txt") if d.category == "efficacy"]
    assert {d.line for d in found} == {3}


def test_wrapped_prose_stays_one_sentence() -> None:
    """A wrapped line ends where the next word did not fit, or on a word that needs what
    follows: both stay one sentence, even before a capital."""
    text = (
        "Most of our members try the evening drip first, and many of them come back for the\n"
        "Restore plan after two visits, which adds a short check-in with the nurse on duty.\n"
        "Questions are welcome at the front desk or by phone during opening hours, and a\n"
        "Spanish-speaking nurse is on duty on Tuesdays and Thursdays.\n"
    )
    assert len(_sentences(text)) == 2


def test_a_reference_card_stays_one_sentence() -> None:
    text = (
        "Ketamine and sleep quality: a cohort study of sixty adults\n"
        "Authors: Rosa Lind, Omar Haddad\n"
        "Journal: Sleep Research Letters\n"
        "Summary: Sleep improved within a week in most participants.\n"
    )
    assert len(_sentences(text)) == 1


def test_informal_copy_starts_a_sentence_in_lower_case_after_a_question() -> None:
    """Social replies answer a question in lower case ("Is it safe? depends on..."); a quoted
    question before lower case runs on ('"Why?" she asked'), and so does "approx. 40"."""
    assert _sentences("Is it legit? totally, our nurses are licensed") == [
        "Is it legit?",
        "totally, our nurses are licensed",
    ]
    assert _sentences("DOES IT HELP?? honestly no") == ["DOES IT HELP??", "honestly no"]
    assert _sentences('"Why?" she asked. It takes approx. 40 minutes.') == [
        '"Why?" she asked.',
        "It takes approx. 40 minutes.",
    ]
    # the bar may end a cell; "avg." never ends a sentence
    assert "avg. 12 lbs lost" in [s.strip() for s in _sentences("Starter | avg. 12 lbs lost")]


def test_checkbox_items_are_sentences_and_their_claims_are_found() -> None:
    text = "WHY PATIENTS CHOOSE US\n[x] Quieter ringing in the ears\n[ ] Deeper sleep\n"
    assert [s.strip() for s in _sentences(text)] == [
        "WHY PATIENTS CHOOSE US",
        "Quieter ringing in the ears",
        "Deeper sleep",
    ]
    page = (
        "EarCalm drops\n\nWhat it does:\n\n[x] Restores lost hearing naturally\n"
        "[x] Calms tinnitus\n"
    )
    lines = sorted({d.line for d in lint_text(page, path="page.txt") if d.category == "efficacy"})
    assert lines == [5, 6]
