"""Regulatory status for any product (issue 15): claims in the style of FDA/FTC warning letters,
written for this suite, must draw an approval finding; sentences from careful sellers' pages
must not. Also: careful compounded-drug pages stay clean, and users extend the lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules

LINTER = Linter(load_rules())

# (product family, claim): our own wording, modelled on the kinds of claim warning letters quote.
CLAIMS = [
    (
        "glp1",
        "Our compounded semaglutide has the exact same active ingredient as Ozempic and Wegovy.",
    ),
    ("glp1", "Get the generic form of Mounjaro, shipped to your door."),
    (
        "glp1",
        "Tirzepatide is an FDA-approved medication, and our clinicians prescribe it every day.",
    ),
    ("glp1", "Same medication as Zepbound, without the insurance headaches."),
    ("glp1", "Our GLP-1 injections are FDA approved for weight loss."),
    ("glp1", "Compounded semaglutide is FDA-approved and backed by years of research."),
    ("glp1", "Semaglutide was approved by the FDA for weight management, and now it costs $149."),
    ("glp1", "Our semaglutide is identical to the brand-name version."),
    # a registration offered as assurance about the product (the guideline's "FDA-registered
    # facility ... presented as approval of the product sold"); the bare facility fact passes
    (
        "glp1",
        "All of our medications are prepared in an FDA-registered pharmacy, so you know they "
        "meet FDA standards.",
    ),
    ("glp1", "Enjoy brand-name results without the brand-name price."),
    ("glp1", "Is our tirzepatide the same as Zepbound? Yes, it is."),
    ("glp1", "Retatrutide is available now as an FDA-cleared weight loss shot."),
    ("glp1", "Our microdosed GLP-1 is just like Wegovy, only gentler."),
    ("peptide", "BPC-157 is FDA approved for gut and joint repair."),
    ("peptide", "Sermorelin, an FDA-approved peptide, restores youthful growth hormone levels."),
    (
        "peptide",
        "For research use only. Reconstitute with bacteriostatic water and inject 250 mcg daily.",
    ),
    ("peptide", "Our peptides are made in an FDA-inspected facility, so you know they are safe."),
    ("peptide", "CJC-1295 and ipamorelin are approved by the FDA for anti-aging."),
    ("peptide", "Our peptide therapy is endorsed by the American Medical Association."),
    ("peptide", "Not for human consumption. Typical protocol: 2 mg per week for fat loss."),
    ("supplement", "This supplement is FDA-approved to support healthy blood sugar."),
    ("supplement", "Our CBD oil is FDA approved and lab tested."),
    ("supplement", "The only metabolism booster certified by the World Health Organization."),
    ("supplement", "Our formula is the natural equivalent of Ozempic."),
    ("supplement", "Made in an FDA-registered facility you can trust."),
    ("supplement", "NAD+ IV therapy is FDA-approved for energy and longevity."),
    ("device", "Our red light device is FDA-approved to regrow hair and heal joints."),
    ("device", "This PEMF device is FDA-cleared for anxiety and depression."),
    ("device", "Our at-home device is approved by the NIH for chronic pain."),
    ("hormone", "Our bioidentical hormones are FDA-approved and custom compounded for you."),
    ("hormone", "Our hormone pellets are identical to the FDA-approved brands."),
    # a second round, written after the rules and run once before any change (14 of 15 caught)
    ("glp1", "Why pay more? Our tirzepatide is chemically identical to Zepbound."),
    (
        "glp1",
        "Semaglutide received FDA approval in 2021, and our members have been losing weight "
        "ever since.",
    ),
    ("glp1", "Our weight loss shots use the very same molecule found in Wegovy."),
    ("glp1", "We dispense compounded semaglutide from FDA-approved pharmacies only."),
    ("glp1", "Our semaglutide drops are a generic alternative to Rybelsus."),
    ("glp1", "The FDA approved tirzepatide for weight loss, and now you can order it online."),
    ("peptide", "Ipamorelin is a safe, FDA approved peptide that boosts growth hormone."),
    ("peptide", "All of our peptides are approved by the FDA and third-party tested."),
    ("peptide", "Sold as a research chemical. Clients report faster healing at 500 mcg per day."),
    ("supplement", "Our fat burner is the first FDA-approved natural weight loss supplement."),
    ("supplement", "These gummies work like Wegovy, without the needle."),
    ("supplement", "Our berberine formula is approved by the American Diabetes Association."),
    ("device", "The only FDA-approved at-home device for migraine relief and anxiety."),
    (
        "device",
        "Our infrared sauna is registered with the FDA, so you can trust its healing power.",
    ),
    ("hormone", "Our compounded estradiol cream is FDA-approved and tailored to you."),
]

# Sentences a careful seller or clinic writes: correct statements, denials, honest framing.
CAREFUL = [
    "Our medications are prepared in a pharmacy registered with the FDA.",
    "Wegovy is FDA-approved for chronic weight management in adults with obesity.",
    "Compounded semaglutide is not FDA-approved and has not been reviewed for safety or "
    "effectiveness.",
    "Compounded drugs are not the same as generic drugs.",
    "Zepbound (tirzepatide) is FDA-approved for weight management and obstructive sleep apnea.",
    "Our compounding pharmacy is FDA-registered, but registration does not mean the FDA has "
    "approved our products.",
    "Compounded tirzepatide is not the same as Zepbound or Mounjaro.",
    "Peptides such as BPC-157 are not FDA-approved for any use in people.",
    "Dietary supplements are not reviewed or approved by the FDA before they are sold.",
    "Ozempic and Wegovy both contain semaglutide, at different doses.",
    "Is compounded semaglutide FDA-approved? No. Compounded drugs are not FDA-approved.",
    "The FDA has approved several GLP-1 medications, including Wegovy and Zepbound.",
    "TMS devices are FDA-cleared for major depressive disorder.",
    "Our clinicians prescribe brand-name Wegovy and Zepbound only.",
    "In the STEP trials of Wegovy, adults lost about 15% of their body weight; compounded "
    "semaglutide has not been studied in those trials.",
    "Products sold for research use only are not meant for people, and you should not inject them.",
    # second round
    "Compounded medications are not reviewed by the FDA for safety, effectiveness or quality.",
    "Mounjaro is FDA-approved to improve blood sugar in adults with type 2 diabetes.",
    "If Zepbound is right for you, your clinician will prescribe the brand-name pen.",
    "The FDA does not approve compounded drugs, including compounded tirzepatide.",
    "Semaglutide is the active ingredient in Wegovy, Ozempic and Rybelsus.",
    "We will never tell you that a compounded drug is the same as a brand-name product.",
    "Our pharmacy follows state board of pharmacy rules for sterile compounding.",
    "Supplements are not a substitute for prescription weight-loss medication.",
    "Ask your clinician whether a brand-name GLP-1 or a compounded version is right for you.",
    "Results from the SURMOUNT trials apply to Zepbound, not to compounded tirzepatide.",
]


def approval_rules(text: str) -> set[str]:
    return {
        d.rule for d in LINTER.lint(Source("page.txt", text, "text")) if d.category == "approval"
    }


def test_the_claims_cover_four_product_families() -> None:
    assert {family for family, _ in CLAIMS} >= {"glp1", "peptide", "supplement", "device"}
    assert len(CLAIMS) >= 45 and len(CAREFUL) >= 25


@pytest.mark.parametrize(
    ("family", "claim"), CLAIMS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(CLAIMS)]
)
def test_warning_letter_style_claim_is_flagged(family: str, claim: str) -> None:
    assert approval_rules(claim), f"{family}: no approval finding for {claim!r}"


@pytest.mark.parametrize("sentence", CAREFUL)
def test_careful_sentence_draws_no_approval_finding(sentence: str) -> None:
    assert approval_rules(sentence) == set()


CAREFUL_PAGE = """\
# Compounded semaglutide

Important: this is a compounded medication prepared by a state-licensed pharmacy. Compounded
drugs are not FDA-approved, and the FDA has not reviewed this one for safety, effectiveness or
quality. It is not the same as Wegovy or Ozempic, which are the FDA-approved products.

Our pharmacy partner is an FDA-registered 503B outsourcing facility.

Your clinician decides whether it suits you. It may help some adults lose weight alongside diet
and exercise; results vary. Common side effects include nausea and constipation.
"""


def test_careful_compounded_page_draws_nothing_from_the_regulatory_rules() -> None:
    found = LINTER.lint(Source("careful.md", CAREFUL_PAGE, "markdown"))
    assert [d for d in found if d.category in ("approval", "disclaimer-fda")] == []


def test_the_same_page_without_its_disclaimer_draws_cl303_and_cl504() -> None:
    text = CAREFUL_PAGE.split("Important:")[0] + CAREFUL_PAGE.split("FDA-approved products.\n")[1]
    rules = {d.rule for d in LINTER.lint(Source("bare.md", text, "markdown"))}
    assert {"CL303", "CL504"} <= rules


def test_brand_results_are_flagged_only_on_a_page_that_sells_the_compounded_drug() -> None:
    figure = "In the clinical trials, adults lost 15% of their body weight on average."
    assert "CL505" in approval_rules("Compounded tirzepatide, shipped monthly. " + figure)
    assert "CL505" not in approval_rules("Zepbound pens, prescribed online. " + figure)


def test_a_sellers_own_figure_is_efficacy_not_borrowed_approval() -> None:
    """Only a figure said with the trials it comes from is the brand's; "lose 15%" alone is the
    seller's own claim, an efficacy figure (CL102)."""
    text = "Compounded tirzepatide, shipped monthly. Members lose 15% of their body weight."
    assert "CL505" not in approval_rules(text)
    assert "CL102" in {d.rule for d in LINTER.lint(Source("own.md", text, "markdown"))}


def test_research_pretext_is_flagged_only_beside_human_use() -> None:
    assert "CL506" in approval_rules("TB-500 vial. Research use only. Inject 2 mg twice a week.")
    assert "CL506" not in approval_rules("TB-500 vial, 5 mg. Research use only. Store cold.")


def test_users_extend_the_brand_and_compounded_lexicons(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(
        "lexicons:\n"
        "  approved-brand: {terms: [slimvexa], lemma: false}\n"
        "  compounded-drug: {terms: [glowpeptide-9], lemma: false}\n",
        encoding="utf-8",
    )
    linter = Linter(load_rules([tmp_path]))
    text = "Our peptide blend is the same medicine as Slimvexa.\n\nWe offer Glowpeptide-9 shots.\n"
    rules = {d.rule for d in linter.lint(Source("p.md", text, "markdown"))}
    assert {"CL503", "CL303"} <= rules
    assert not {"CL503", "CL303"} & {d.rule for d in LINTER.lint(Source("p.md", text, "markdown"))}


@pytest.mark.parametrize(
    ("name", "fmt", "text"),
    [
        (
            "faq.html",
            "html",
            "<h3>Is your semaglutide the same as Ozempic?</h3>\n<p>Yes. It is.</p>\n",
        ),
        ("faq.md", "markdown", "### Is your BPC-157 FDA-approved?\n\nYes, every batch.\n"),
        ("faq.txt", "text", "Is compounded tirzepatide FDA-approved? Yes, it is.\n"),
    ],
)
def test_faq_yes_is_flagged_whether_the_question_is_a_heading_or_inline(
    name: str, fmt: str, text: str
) -> None:
    assert "CL508" in {d.rule for d in LINTER.lint(Source(name, text, fmt))}


def test_faq_yes_after_an_unrelated_heading_or_paragraph_passes() -> None:
    text = "Is your semaglutide the same as Ozempic?\n\nOur clinic is open daily.\n\nYes, we are.\n"
    assert "CL508" not in {d.rule for d in LINTER.lint(Source("p.md", text, "markdown"))}
    text = "### Is Wegovy FDA-approved?\n\nYes, for chronic weight management.\n"
    assert "CL508" not in {d.rule for d in LINTER.lint(Source("p.md", text, "markdown"))}
