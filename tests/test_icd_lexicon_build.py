"""How scripts/build_condition_lexicon.py turns ICD-10-CM titles into lexicon terms: the
title's name, a bracketed synonym, the diagnosis word that ends a longer name, and never a
coder's note, an adjective split off a pair, or a word that only looks like a diagnosis."""

from __future__ import annotations

import yaml
from script_helpers import load_build_script

from claimlint.api import lint_text
from claimlint.packs.bundled import bundled_rules_dir


def _script():
    return load_build_script("build_condition_lexicon")


def test_a_bracketed_synonym_is_a_term_but_an_abbreviation_or_note_is_not() -> None:
    build = _script()
    assert "chickenpox" in build.terms_of("Varicella [chickenpox]")
    assert "german measles" in build.terms_of("Rubella [German measles] without complication")
    assert build.terms_of("Abnormal electrocardiogram [ECG] [EKG]") == []
    assert "any part" not in " ".join(build.terms_of("Pressure ulcer [any part, except face]"))


def test_a_pair_of_names_gives_the_side_that_ends_in_a_diagnosis_word() -> None:
    build = _script()
    assert "colitis" in build.terms_of("Infectious gastroenteritis and colitis, unspecified")
    assert "anger" not in build.terms_of("Irritability and anger")
    assert "abdominal" not in build.terms_of("Abdominal and pelvic pain")


def test_the_last_word_of_a_longer_name_stands_alone_only_when_its_suffix_makes_it_one() -> None:
    build = _script()
    found = build.heads(
        {"achilles tendinitis", "tinea capitis", "peripheral neuropathy", "low back pain"}
    )
    assert found == {"tendinitis", "neuropathy"}
    assert not build._diagnosis_word("apathy")  # the stem before "-pathy" is one letter


def test_the_shipped_lexicon_was_built_with_them() -> None:
    path = bundled_rules_dir() / "lexicons" / "generated" / "conditions-icd10.yaml"
    terms = set(yaml.safe_load(path.read_text("utf-8"))["lexicons"]["icd-condition"]["terms"])
    assert {"chickenpox", "colitis", "tendinitis", "neuropathy"} <= terms
    assert not {"capitis", "apathy", "abdominal", "ecg"} & terms


def test_a_claim_against_a_condition_named_by_its_diagnosis_word_alone_is_found() -> None:
    found = lint_text("Our turmeric drops calm colitis for good.\n", path="page.md")
    assert any(d.category == "efficacy" for d in found)
