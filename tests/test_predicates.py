"""A subject shared by a series of predicates (nlp/predicates.py and a rule's `shared_subject`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack, load_error, rules_on_page

from claimlint.api import lint_text
from claimlint.nlp.predicates import predicate_start

VERBS = {"speed", "improve", "protect", "come", "manage", "reduce", "ease", "offer", "ensure"}
VERBS |= {"taste", "travel", "sharpen", "soothe", "lift", "calm", "are"}


def is_verb(word: str) -> bool:
    """A tiny verb list with regular inflections, standing in for the generated one."""
    return any(word == v or word in (v + "s", v + "d", v + "ing", v[:-1] + "ing") for v in VERBS)


def test_series_of_agreeing_predicates_reaches_the_last() -> None:
    text = "Ozone speeds up healing, improves circulation, and protects the liver."
    begin = text.index("protects")
    assert predicate_start(text, len("Ozone"), begin, is_verb) == begin


def test_plural_subject_and_an_auxiliary_continue_the_series() -> None:
    text = "The gummies taste sweet, travel well, and will sharpen focus."
    begin = text.index("will")
    assert predicate_start(text, len("The gummies"), begin, is_verb) == begin


def test_participle_of_result_continues_the_series() -> None:
    text = "The drip ensures fluids reach you, improving quality of life."
    begin = text.index("improving")
    assert predicate_start(text, len("The drip"), begin, is_verb) == begin


@pytest.mark.parametrize(
    ("text", "subject", "word"),
    [
        # the predicates disagree: what an ability is said to do, not what the subject does
        (
            "Hype comes from its ability to reduce aches, manage pain, and improve sleep.",
            "Hype",
            "improve",
        ),
        # a copula's predicate, then what an ability is said to do
        ("Shots are sold as able to soothe aches, lift moods, and calm nerves.", "Shots", "calm"),
        # a relative clause, not a predicate, follows the subject
        ("Ketamine, which doctors use, eases pain.", "Ketamine", "eases"),
        # a full stop or a colon ends the series
        ("Ozone speeds up healing: improves circulation, and protects it.", "Ozone", "protects"),
        # a list of nouns, not of predicates
        ("Our spa offers drips, facials, saunas, and protects skin.", "Our spa", "protects"),
    ],
)
def test_no_series(text: str, subject: str, word: str) -> None:
    assert predicate_start(text, len(subject), text.index(word), is_verb) is None


def findings(text: str) -> list[str]:
    found = lint_text(text, path="page.md")
    return [d.rule for d in found if d.line > 0 and d.category == "efficacy"]


def test_claim_in_a_late_predicate_is_found() -> None:
    text = (
        "The Solvi cold plunge arrives fully assembled, holds four hundred litres of filtered "
        "water, and eases chronic back pain."
    )
    assert "CL107" in findings(text)


def test_listed_abilities_of_a_hyped_product_are_not_claimed() -> None:
    text = (
        "Most of the buzz around fish-oil capsules comes from their supposed ability to calm "
        "joint aches, steady moods, and improve heart health."
    )
    assert not findings(text)


PACK = """\
lexicons:
  product: {terms: [balm, "the balm"], lemma: false}
  ailment: {terms: [eczema, rash], lemma: false}
  verbs: {lookup: true, terms: [smell, come, calm, ship]}
rules:
  - id: ACME811
    name: product-calms-ailment
    category: efficacy
    message: 'claim: "{excerpt}"'
    match: {all: [product, ailment], within: 5, shared_subject: [verbs]}
    anchor: ailment
"""


def test_shared_subject_consults_lookup_lexicons_only(tmp_path: Path) -> None:
    bad = PACK.replace("shared_subject: [verbs]", "shared_subject: [product]")
    assert "'product' is not a `lookup` lexicon" in load_error(tmp_path, bad)


def test_shared_subject_needs_within(tmp_path: Path) -> None:
    bad = PACK.replace("within: 5, ", "")
    assert "needs `within`" in load_error(tmp_path, bad)


def test_a_pack_rule_reads_the_series(tmp_path_factory: pytest.TempPathFactory) -> None:
    linter = linter_for_pack(tmp_path_factory, "series", PACK)
    far = "The balm smells of fresh lavender and cedar, ships in a glass jar, and calms eczema."
    assert rules_on_page(linter, far) == {"ACME811"}
    listed = "The balm smells of fresh lavender and cedar, a glass jar, and eczema."
    assert rules_on_page(linter, listed) == set()
