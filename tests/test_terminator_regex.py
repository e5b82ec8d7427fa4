"""`terminator_regex`: a modifier's scope ends at a pattern, not only at a listed word. The
bundled packs use it for the turn to the seller's own clause: a citation, a hedge or a described
label speaks for its clause, not for "..., and at our clinic it cures Y" after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import bundled_line_rules, linter_for_pack, load_error, rules_on_page

from claimlint.nlp.engine import Linter

PACK = """\
lexicons:
  product: {terms: [balm], lemma: false}
  outcome: {terms: [soothes], lemma: false}
modifiers:
  tested:
    category: evidence
    cues: ["in a trial"]
    terminator_regex: ['[,;(-]\\s*and\\s+(?:[\\w-]+\\s+){0,3}?ours?\\b']
rules:
  - id: ACME801
    name: balm-soothes
    category: efficacy
    message: 'claim: "{excerpt}"'
    match: {all: [outcome, product]}
    anchor: outcome
    unless: [evidence]
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "terminator-packs", PACK)


found = rules_on_page


def test_the_cue_governs_its_own_clause(linter: Linter) -> None:
    assert found(linter, "In a trial the balm soothes burns.") == set()


def test_a_pattern_between_cue_and_claim_ends_the_scope(linter: Linter) -> None:
    text = "The balm was tested in a trial, and in our shop the balm soothes burns."
    assert found(linter, text) == {"ACME801"}


def test_a_pattern_outside_the_span_ends_nothing(linter: Linter) -> None:
    text = "The balm soothes burns in a trial, and ours is sold in tins."
    assert found(linter, text) == set()


def test_a_cue_after_the_claim_is_not_cut_off(linter: Linter) -> None:
    # turns only look ahead: a trial named at the end still speaks for the claim before it
    text = "The balm soothes burns, and ours did so in a trial."
    assert found(linter, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "In a trial, and ours was a small one, the balm soothes burns.",
        "In a trial (and ours was a small one) the balm soothes burns.",
        "In a trial - and ours was a small one - the balm soothes burns.",
    ],
)
def test_an_aside_that_closes_before_the_claim_turns_nothing(linter: Linter, text: str) -> None:
    assert found(linter, text) == set()


def test_a_regex_python_alone_can_run_is_refused_in_a_user_pack(tmp_path: Path) -> None:
    bad = PACK.replace("'[,;(-]", "'(?<=x)[,;(-]")
    assert bad != PACK
    assert "terminator_regex" in load_error(tmp_path, bad)


rules = bundled_line_rules


@pytest.mark.parametrize(
    "text",
    [
        # a cited finding, then the seller's own safety promise
        "Psilocybin eased depressive symptoms in a phase 2 trial (Davis et al., 2021), and "
        "because our guides are trained, our retreats carry no risk of any kind.",
        # a hedge, then "yet" and the seller's lounge
        "Research on ozone therapy is still limited, yet each session at our spa clears Lyme "
        "disease for good.",
        # a semicolon, then the seller's own protocol
        "Berberine lowered fasting glucose in a small trial (Yin et al., 2008); our own blend "
        "goes further and reverses type 2 diabetes in a month.",
    ],
)
def test_the_bundled_packs_flag_the_seller_clause_after_a_qualified_one(text: str) -> None:
    assert rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Psilocybin eased depressive symptoms in a phase 2 trial (Davis et al., 2021), and we "
        "screen every guest before a retreat.",
        "Berberine lowered fasting glucose in a small trial (Yin et al., 2008), and our "
        "pharmacist can tell you whether it suits you.",
        "Early studies suggest ozone may ease some infections, and our doctors will explain "
        "what is and is not known.",
        # the citation after the seller's aside still covers the claim before it
        "Vitamin D cut asthma attacks in a pooled analysis, and you can read it through our "
        "reference list (Jolliffe et al., 2017).",
        # an aside that closes before the claim leaves the hedge in charge
        "For some adults, and we cannot say in advance which ones, TMS may ease tinnitus.",
        "In mouse studies - and we stress mice - the peptide sped tendon repair.",
    ],
)
def test_a_seller_clause_that_claims_nothing_stays_clean(text: str) -> None:
    assert rules(text) == set()
