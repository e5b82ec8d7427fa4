"""Detection on wording and products the packs never list: each capability, flag and pass.

Every sentence here is written for this file (invented brands, several product families),
so a rule that passes only because it memorised a corpus sentence cannot pass these.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimlint.api import lint_text
from claimlint.cli import cli


def categories(text: str, fmt: str = "text") -> set[str]:
    path = {"text": "page.txt", "markdown": "page.md", "html": "page.html"}[fmt]
    found = lint_text(text, path=path)
    return {d.category for d in found if not d.category.startswith("disclaimer")}


FLAG = [
    # products no lexicon names: the page subject and the structure carry the claim
    ("Zentrofax reduces obesity.", "efficacy"),
    ("Normalizes restless sleep.", "efficacy"),
    ("This blend soothes an overactive mind.", "efficacy"),
    ("Vireluma sharpens memory and supports immune function.", "efficacy"),
    ("Our capsules help you lose weight.", "efficacy"),
    ("Halvora is remarkably effective.", "efficacy"),
    ("Kelptra Immunity Boosters", "efficacy"),
    # safety by derivation and paraphrase
    ("This tincture is not in the least bit addictive.", "safety"),
    ("Side effects are minimal with our patches.", "safety"),
    ("Thousands of procedures are safely carried out here each year.", "safety"),
    ("You will be back to normal activities right after the session.", "safety"),
    ("Our peptide stack is the safest choice for recovery.", "safety"),
    # routes contrasted by structure, and dosage forms as routes
    ("Injection doses can be titrated during the visit; a patch cannot.", "route-comparison"),
    ("A gummy's trip through the gut versus direct delivery under the tongue.", "route-comparison"),
    ("Our lozenges work just as well as an infusion.", "route-comparison"),
    # testimonials, however they are set
    ('"My knees stopped aching after two weeks," Rhea explains.', "efficacy"),
    ("Tomas's Recovery from Chronic Migraines", "efficacy"),
]

PASS = [
    # instructions, conditionals, embedded questions
    "Arrange a ride home after your infusion, since you should not drive.",
    "Bring a safe, comfortable set of clothes.",
    "Contact us at once if joint pain gets worse.",
    "Find out whether ketamine eases chronic pain.",
    # hedged by belief or appearance verbs, matched on their lemma
    "Vireluma seemed to ease joint pain in some users.",
    "Kavastra is thought to calm nerves.",
    # animals and the lab
    "In rats, the peptide reversed nerve damage within days.",
    # specific evidence in its common forms
    "In a double-blind trial of 120 veterans, the device reduced PTSD symptoms.",
    "The drink lowers blood pressure (Okafor et al., Hypertension Research).",
    "Our drops relieve migraines.(3) Ask your doctor.",
    "Zinc shortened colds in adults (Cochrane Database Syst Rev. 2015;4:CD001364).",
    # idioms, timelines of a condition, uses described, side effects resolving
    "Clinics are busy, and with good reason.",
    "Postpartum blues often fade within two weeks.",
    "Semaglutide is used to treat type 2 diabetes.",
    "If nausea occurs, it usually goes away the same day.",
    # ordinary uses of words that are outcome verbs elsewhere
    "Our support team answers within a day.",
    "The waiting room is calm and quiet.",
    "Sirtuins take part in DNA repair.",
    "Infusion doses are adjusted by the nurse when needed.",
]


@pytest.mark.parametrize(("text", "category"), FLAG)
def test_claims_in_unseen_wording_are_flagged(text: str, category: str) -> None:
    assert category in categories(text), text


@pytest.mark.parametrize("text", PASS)
def test_non_claims_pass(text: str) -> None:
    assert categories(text) == set(), text


def test_a_heading_names_the_page_subject() -> None:
    page = "# Lumacort drops\n\nEvery bottle is made in Vermont.\n\nLumacort eases joint pain.\n"
    found = [d for d in lint_text(page, path="page.md") if d.category == "efficacy"]
    assert [d.line for d in found] == [5]
    assert dict(found[0].analysis or ())["subject"] == "Lumacort"


def test_a_lead_in_sentence_governs_its_list_items() -> None:
    hedged = "In mice, the compound was shown to:\n\n- reverse memory loss\n- restore nerves\n"
    assert categories(hedged, "markdown") == set()
    promised = "Our compound will:\n\n- reverse memory loss\n- restore nerves\n"
    assert categories(promised, "markdown") == {"efficacy"}


def test_categories_are_independent() -> None:
    found = categories("IV ketamine relieves depression far better than a nasal spray.")
    assert {"efficacy", "route-comparison"} <= found


def test_json_findings_carry_the_claim_analysis(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Zentrofax\n\nZentrofax calms an anxious mind within hours.\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", str(page)])
    claims = [d for d in json.loads(result.output) if d["category"] == "efficacy"]
    assert claims, result.output
    analysis = claims[0]["analysis"]
    assert set(analysis) == {"claim", "subject", "asserted"}
    assert analysis["subject"] == "Zentrofax"
    assert (
        "hedged" in analysis["asserted"] and "backed by a specific citation" in analysis["asserted"]
    )


def test_bulleted_lines_inherit_their_lead_in() -> None:
    hedged = "In lab work the peptide may help to:\n\n  • heal torn tendons\n  • end joint pain\n"
    assert categories(hedged) == set()
    asserted = "Our peptide will:\n\n  • heal torn tendons\n  • end joint pain\n"
    assert categories(asserted) == {"efficacy"}


@pytest.mark.parametrize(
    "text",
    [
        "How Zentrofax Eases Joint Pain: The Science",
        "If dizziness appears, it usually fades within an hour.",
        "Psychotherapy has long been relied on to treat depression.",
    ],
)
def test_topics_side_effects_and_descriptions_pass(text: str) -> None:
    assert categories(text) == set(), text


def test_show_reasons_prints_the_analysis_and_explain_documents_it(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Zentrofax\n\nZentrofax calms an anxious mind.\n", "utf-8")
    plain = CliRunner().invoke(cli, ["check", "--no-cache", str(page)])
    assert "= subject:" not in plain.output
    shown = CliRunner().invoke(cli, ["check", "--no-cache", "--show-reasons", str(page)])
    assert "      = subject: Zentrofax" in shown.output
    assert '      = claim: a health outcome ("calms")' in shown.output
    explained = CliRunner().invoke(cli, ["explain", "CL107"]).output
    assert "asserted  the exemptions this rule looked for" in explained
    assert "limited to animals or the lab" in explained  # CL107 checks the nonhuman context
