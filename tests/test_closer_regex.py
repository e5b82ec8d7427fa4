"""`closer_regex`: a later clause with its own hedge does not hedge the claim before it. The
bundled hedge uses it for a second predicate with a modal of its own ("X is safe, and can
potentially ease pain": the safety stands). A closer only ends a cue that follows the claim and
all of the claim's other hits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import bundled_line_rules, linter_for_pack, load_error, rules_on_page

from claimlint.nlp.engine import Linter

PACK = """\
lexicons:
  product: {terms: [balm], lemma: false}
  outcome: {terms: [soothes, heals], lemma: false}
modifiers:
  hedged:
    category: hedge
    cues: [may]
    closer_regex: [',\\s*and\\s+(?:it\\s+)?may\\b']
rules:
  - id: ACME811
    name: balm-soothes
    category: efficacy
    message: 'claim: "{excerpt}"'
    match: {all: [outcome, product]}
    anchor: outcome
    unless: [hedge]
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "closer-packs", PACK)


found = rules_on_page


def test_a_cue_after_the_claim_hedges_it_without_a_closer(linter: Linter) -> None:
    assert found(linter, "The balm soothes burns and may help.") == set()


def test_a_closer_between_claim_and_cue_ends_the_cue_reach(linter: Linter) -> None:
    assert found(linter, "The balm soothes burns, and it may also help scars.") == {"ACME811"}


def test_a_closer_does_not_end_a_cue_before_the_claim(linter: Linter) -> None:
    assert found(linter, "It may be that, and it may be, the balm soothes burns.") == set()


def test_a_closer_before_another_claim_hit_ends_nothing(linter: Linter) -> None:
    # the claim's product stands after the cue: the hedge sits inside the claim's span
    assert found(linter, "Soothes burns, and it may be the balm that does it.") == set()


def test_a_closer_python_alone_can_run_is_refused_in_a_user_pack(tmp_path: Path) -> None:
    bad = PACK.replace("[',", "['(?<=x),")
    assert bad != PACK
    assert "closer_regex" in load_error(tmp_path, bad)


rules = bundled_line_rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Our PRP shots are perfectly safe, and they might also speed tendon repair.", "CL401"),
        ("The glutathione drip clears acne, and it could even brighten your skin.", "CL107"),
    ],
)
def test_the_bundled_hedge_leaves_the_first_clause_claimed(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our PRP shots may speed tendon repair, and they might also ease knee pain.",
        "Some adults sleep better after the course, and others may need a second one.",
    ],
)
def test_a_hedge_before_the_claim_still_qualifies_it(text: str) -> None:
    assert rules(text) == set()


def test_a_citation_that_holds_the_figure_covers_it() -> None:
    # the trial's size is the citation's figure, not a result to flag
    text = "In a 40-week trial of 1,210 adults, those given tirzepatide lost 16% of their weight."
    assert rules(text) == set()
