"""`match.mask`: a span-local exclusion. A hit that lies inside a hit of a mask class does not
count for the rule, while the rest of the sentence still does; `none` silences the whole
sentence, so it can hide a real claim that shares the sentence with a harmless phrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, load_rules

PACK = """\
lexicons:
  product: {terms: [balm], lemma: false}
  strong-word: {terms: [strong, powerful], lemma: false}
  harmless: {terms: ["strong scent", "powerful smell"], lemma: false}
rules:
  - id: ACME701
    name: strength-masked
    category: efficacy
    message: 'masked: "{excerpt}"'
    match: {all: [strong-word, product], mask: [harmless]}
    anchor: strong-word
  - id: ACME702
    name: strength-none
    category: efficacy
    message: 'none: "{excerpt}"'
    match: {all: [strong-word, product], none: [harmless]}
    anchor: strong-word
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "mask-packs", PACK)


def found(linter: Linter, text: str) -> dict[str, str]:
    return {d.rule: d.excerpt for d in linter.lint(Source("page.md", text + "\n", "markdown"))}


def test_a_hit_inside_a_mask_hit_does_not_count(linter: Linter) -> None:
    assert found(linter, "The balm has a strong scent.") == {}


def test_another_hit_in_the_same_sentence_still_counts(linter: Linter) -> None:
    text = "The balm has a strong scent and a powerful effect."
    got = found(linter, text)
    assert got["ACME701"] == "balm has a strong scent and a powerful"  # from the unmasked hit
    assert "ACME702" not in got  # `none` hides the real claim: the weak spot mask fixes


def test_without_the_mask_phrase_both_rules_fire(linter: Linter) -> None:
    assert set(found(linter, "The balm is strong.")) == {"ACME701", "ACME702"}


def test_an_unknown_mask_lexicon_names_rule_and_field(tmp_path: Path) -> None:
    bad = PACK.replace("mask: [harmless]", "mask: [nowhere]")
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_rules([tmp_path], bundled=False).rules  # noqa: B018 - parsing is lazy
    message = str(info.value)
    assert "rule ACME701" in message and "match" in message and "nowhere" in message


def lint(text: str) -> set[str]:
    from claimlint.api import lint_text

    return {d.rule for d in lint_text(text + "\n", path="page.md")}


@pytest.mark.parametrize(
    "text",
    [
        "Estrogen gels are absorbed through the skin, while tablets pass through the gut first.",
        "Testosterone cream is absorbed through the skin; testosterone tablets are absorbed in "
        "the gut.",
        "Buprenorphine film is absorbed across the lining of the mouth, unlike a tablet, which is "
        "absorbed in the gut.",
        "Progesterone capsules pass through the liver first, while the vaginal gel is absorbed "
        "through the lining of the vagina.",
        "Vitamin B12 tablets are absorbed in the small intestine, whereas B12 shots are given "
        "into the muscle.",
    ],
)
def test_a_route_path_described_is_no_route_contrast(text: str) -> None:
    assert not lint(text) & {"CL201", "CL202", "CL203", "CL204", "CL205"}


@pytest.mark.parametrize(
    "text",
    [
        "Our spray is absorbed through the lining of the nose and gets into your system in "
        "seconds, unlike pills.",
        "Our patch is absorbed through the skin, while capsules are broken down in the gut.",
    ],
)
def test_a_ranking_beside_a_route_path_still_claims(text: str) -> None:
    assert lint(text) & {"CL201", "CL203"}


@pytest.mark.parametrize(
    "text",
    [
        "PRP injections are not a proven cure for tendon tears, and anyone who guarantees that "
        "they will rebuild the tendon is making a claim no study supports.",
        "Exosome injections are not a proven cure for knee arthritis, and anyone who guarantees "
        "they will regrow cartilage is overstating the evidence.",
    ],
)
def test_someone_elses_guarantee_named_to_warn_is_no_claim(text: str) -> None:
    assert not lint(text) & {"CL101", "CL601", "CL602"}


def test_the_sellers_own_guarantee_beside_it_still_claims() -> None:
    assert "CL601" in lint("Unlike anyone who guarantees results, we guarantee a cure.")


@pytest.mark.parametrize(
    "text",
    [
        "Vitamin C drips bypass the gut, but there is no good evidence that they work better "
        "than a glass of orange juice for healthy people.",
        "Testosterone pellets and weekly shots have not been compared in large trials, so we "
        "can't say one is more effective.",
        "It is unclear whether liposomal capsules are more effective than ordinary tablets.",
    ],
)
def test_a_route_ranking_denied_is_no_route_claim(text: str) -> None:
    assert not lint(text) & {"CL201", "CL202", "CL203"}


@pytest.mark.parametrize(
    "text",
    [
        "If we ship the wrong strength, we will replace the medication at no charge.",
        'The FDA granted an MDMA therapy "breakthrough therapy" designation in 2017, which speeds '
        "review but is not approval.",
        "In the trials, most of the lost weight returned after the injections stopped.",
        "Free, well-lit, safe parking is behind the clinic, next to the bike racks.",
    ],
)
def test_words_that_name_no_result_of_the_product_are_masked(text: str) -> None:
    assert not lint(text) & {"CL101", "CL401"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Our clinic is a safe space, and ketamine is completely safe.", "CL401"),
        ("We replace the cream at no charge, and our cream cures eczema.", "CL101"),
    ],
)
def test_a_claim_beside_a_masked_phrase_still_counts(text: str, rule: str) -> None:
    # with `none: [safe-context]` CL401 missed the first: the safe space silenced the sentence
    assert rule in lint(text)


@pytest.mark.parametrize(
    "text",
    [
        "Improvement tends to be modest, and some people see none.",
        "Relief from the patch is often temporary, lasting a few hours.",
        "Laser sessions may fade some sun spots, but how much you notice depends on skin type, "
        "sun exposure, and how your skin repairs itself.",
    ],
)
def test_a_result_said_to_be_limited_or_to_depend_on_factors_is_no_claim(text: str) -> None:
    assert not {d for d in lint(text) if d.startswith("CL1")}
