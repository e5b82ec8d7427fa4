"""`match.gaps` and `lookup` lexicons: what the text between two hits must be.

A gap's pattern must match the whole text between consecutive `all` hits; the words of each
capture group must be words of the group's `in` lookup lexicons and of none of its `not`
ones. A `lookup` lexicon is a word list consulted there, never matched in the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack, load_error

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.nlp.gaps import _stems

PACK = """\
lexicons:
  product: {terms: [balm, "the balm"], lemma: false}
  ailment: {terms: [eczema, rash], lemma: false}
  verbs:
    lookup: true
    terms: [cool, soothe, steady, knit, contain]
    regex: ['[a-z]+izes']
  not-verbs: {lookup: true, terms: [contain]}
  breaks: {lookup: true, lemma: false, terms: [for, with, not]}
rules:
  - id: ACME801
    name: product-verb-ailment
    category: efficacy
    message: 'claim: "{excerpt}"'
    match:
      all: [product, ailment]
      order: true
      gaps:
        - pattern: '\\s+()([a-z]+)((?:\\s+[a-z]+){0,2})\\s+'
          alternatives: ['\\s+([a-z]+)\\s+([a-z]+)((?:\\s+[a-z]+){0,2})\\s+']
          groups:
            - {not: [verbs]}
            - {in: [verbs], not: [not-verbs]}
            - {not: [breaks]}
    anchor: ailment
  - id: ACME802
    name: with-product-ailment-verb
    category: efficacy
    message: 'fronted: "{excerpt}"'
    match:
      all: [product, ailment]
      order: true
      before: {pattern: '\\s*with\\s+'}
      gaps: [{pattern: '\\s*,\\s*'}]
      after:
        pattern: '\\s+([a-z]+)\\s*[.]?\\s*'
        groups: [{in: [verbs]}]
    anchor: ailment
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "gap-packs", PACK)


def found(linter: Linter, text: str) -> dict[str, str]:
    return {d.rule: d.excerpt for d in linter.lint(Source("page.md", text + "\n", "markdown"))}


@pytest.mark.parametrize(
    "text",
    [
        "The balm cools angry eczema.",  # a regular inflection of a listed verb
        "The balm steadies a red rash.",  # -ies
        "The balm knitted the rash.",  # a doubled consonant
        "The balm neutralizes eczema.",  # a regex entry, matched on the whole word
        "The balm stick cools eczema.",  # the second pattern: a name word, then the verb
    ],
)
def test_a_listed_verb_between_joins_them(linter: Linter, text: str) -> None:
    assert "ACME801" in found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "The balm contains oats.  Eczema is common.",  # not one sentence
        "The balm contains eczema.",  # a `not` word in the verb's place
        "The balm paints eczema.",  # a word no list has
        "The balm contain cools eczema.",  # a listed verb is no name word
        "The balm cools skin for eczema.",  # a break word among the free words
        "The balm is gentle and cools skin with a rash.",  # no gap matches whole
        "Eczema cools with the balm.",  # the order given
    ],
)
def test_anything_else_between_does_not(linter: Linter, text: str) -> None:
    assert found(linter, text) == {}


def test_a_lookup_lexicon_is_never_matched_in_the_text(linter: Linter) -> None:
    hits = linter._hits("We cool it and soothe it.", [])
    assert not [h for h in hits if h.label in ("verbs", "not-verbs", "breaks")]


def test_stems_undo_regular_inflections() -> None:
    assert {"cool"} <= set(_stems("cools"))
    assert {"ease"} <= set(_stems("eased"))
    assert {"steady"} <= set(_stems("steadies"))
    assert {"knit"} <= set(_stems("knitted"))


def test_a_gap_needs_order(tmp_path: Path) -> None:
    bad = PACK.replace("      order: true\n", "")
    assert "needs `order`" in load_error(tmp_path, bad)


def test_a_gap_group_consults_lookup_lexicons_only(tmp_path: Path) -> None:
    bad = PACK.replace("{in: [verbs], not: [not-verbs]}", "{in: [product]}")
    assert "'product' is not a `lookup` lexicon" in load_error(tmp_path, bad)


def test_a_gap_names_no_more_groups_than_its_pattern_has(tmp_path: Path) -> None:
    bad = PACK.replace("\\s+()([a-z]+)", "\\s+([a-z]+)")
    assert "names 3 groups, its pattern has 2" in load_error(tmp_path, bad)


def test_before_and_after_read_the_sentence_around_the_classes(linter: Linter) -> None:
    assert set(found(linter, "With the balm, eczema cools.")) == {"ACME802"}
    assert found(linter, "With the balm, eczema flares.") == {}  # no listed verb after
    assert found(linter, "Sold with the balm, eczema cools.") == {}  # not the opening


def test_gap_answers_are_remembered_per_gap_and_text() -> None:
    """holds() keeps its answers (a rule asks the same gap of the same text for each anchor it
    tries); two gaps never share one, and a long text is not kept."""
    from claimlint.nlp import gaps
    from claimlint.packs.model import Gap

    checker = gaps.GapChecker({})
    spaces, word = Gap(r"\s+"), Gap(r"\s+[a-z]+\s+")
    assert checker.holds(spaces, "  ") and checker.holds(spaces, "  ")
    assert not checker.holds(word, "  ") and checker.holds(word, " and ")
    assert len(checker._held) == 3
    assert checker.holds(spaces, " " * (gaps.MAX_HELD_CHARS + 1)) and len(checker._held) == 3
