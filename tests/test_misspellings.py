"""A condition misspelt by one letter is read as the word meant (nlp/misspellings.py):
marketplace and non-native copy misspells what it sells against, and the claim is the same."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text
from claimlint.nlp.misspellings import build_index, correction, one_edit


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("anxeity", "anxiety", True),  # neighbours swapped
        ("depresion", "depression", True),  # a letter left out
        ("arthritus", "arthritis", True),  # a letter changed
        ("insommnia", "insomnia", True),  # a letter added
        ("anxiety", "anxiety", False),  # the same word is no misspelling
        ("axneity", "anxiety", False),  # two edits
        ("insomnia", "insomniac", True),
        ("migrane", "migraines", False),  # a letter left out and one added
    ],
)
def test_one_edit_is_exactly_one_insertion_deletion_substitution_or_swap(a, b, near) -> None:
    assert one_edit(a, b) is near
    assert one_edit(b, a) is near


def test_a_correction_is_the_one_word_within_one_edit() -> None:
    index = build_index(["anxiety", "arthritis", "insomnia", "psoriasis", "acne", "gout"])
    assert correction("anxeity", index) == "anxiety"
    assert correction("arthritus", index) == "arthritis"
    assert correction("insomnia", index) is None  # spelt right: nothing to correct
    assert correction("Anxeity", index) is None  # capitalised: a candidate name
    assert correction("acme", index) is None  # short words have too many neighbours
    assert correction("xnxiety", index) is None  # the first letter is kept in a misspelling
    assert correction("soriasis", index) is None  # ... "psoriasis" without its first letter
    # two indexed words as close: no guess
    both = build_index(["dietary", "dietery"])
    assert correction("dietury", both) is None


def _categories(text: str) -> set[str]:
    return {d.category for d in lint_text(text, path="listing.md")}


@pytest.mark.parametrize(
    ("misspelt", "spelt"),
    [
        (
            "Our ashwagandha gummies remove anxeity in 7 days only!!",
            "Our ashwagandha gummies remove anxiety in 7 days only!!",
        ),
        (
            "This turmeric paste heal arthritus pain for good, order now.",
            "This turmeric paste heal arthritis pain for good, order now.",
        ),
        (
            "Sleepy Owl tea ends insommnia in one week.",
            "Sleepy Owl tea ends insomnia in one week.",
        ),
    ],
)
def test_a_misspelt_condition_claims_what_the_spelt_one_claims(misspelt, spelt) -> None:
    assert "efficacy" in _categories(spelt)
    assert _categories(misspelt) == _categories(spelt)


def test_a_rare_word_that_is_no_misspelling_claims_nothing() -> None:
    # a capitalised name one letter from a condition stays a name; a rare word far from every
    # condition is just a word
    assert not _categories("Our Insomnea pillow ships in two sizes, king and queen.")
    assert not _categories("The grannola bars ship in boxes of twelve.")


def test_a_real_word_one_letter_from_a_condition_is_no_misspelling() -> None:
    # "injections" is one letter from "infections", and as common: a route, not a disease
    index = build_index(["infections", "inflammation"])
    assert correction("injections", index) is None
    text = "Sublingual tablets dissolve under the tongue, and intramuscular injections go deep."
    assert not _categories(text)


def test_the_shipped_guard_is_what_the_bundled_packs_and_the_table_give() -> None:
    from claimlint.nlp import misspellings
    from claimlint.nlp.vocabulary import table_digest
    from claimlint.packs import load_rules

    lines = misspellings.GUARD.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# en_lexeme_prob {table_digest()}"
    words = misspellings.misspellable_words(load_rules().lexicons)
    assert "anxiety" in words and "arthritis" in words
    assert lines[1:] == misspellings.computed_guard(words)
