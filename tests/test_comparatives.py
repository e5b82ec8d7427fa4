"""Routes ranked with any comparative (rules/lexicons/generated/comparatives.yaml, built from
spacy-lookups-data by scripts/build_comparative_lexicon.py)."""

from __future__ import annotations

import pytest
import yaml
from script_helpers import load_build_script

from claimlint.api import lint_text
from claimlint.packs.bundled import bundled_rules_dir


def _words() -> list[str]:
    path = bundled_rules_dir() / "lexicons" / "generated" / "comparatives.yaml"
    tokens = yaml.safe_load(path.read_text("utf-8"))["lexicons"]["comparative-than"]["tokens"]
    return tokens[0][0]["LOWER"]["IN"]


def _routes(text: str) -> list[str]:
    return [
        d.rule for d in lint_text(text + "\n", path="page.md") if d.category == "route-comparison"
    ]


def test_the_committed_lexicon_is_what_the_script_builds() -> None:
    assert load_build_script("build_comparative_lexicon").comparatives() == _words()


def test_comparatives_of_effect_are_kept_and_nouns_costs_and_sizes_are_not() -> None:
    words = set(_words())
    assert {"gentler", "smoother", "steadier", "better", "worse", "kinder", "safer"} <= words
    # agent nouns ("customer" maps to "custom"), and comparisons of logistics or looks
    assert not words & {"customer", "printer", "owner", "cheaper", "longer", "easier", "darker"}


RANKED = [
    "Our hormone pellets give a steadier, calmer ride than weekly injections.",
    "Patients say the nasal spray is far kinder to the stomach than swallowed capsules.",
    "A glutathione drip is simply more dependable than a sublingual spray.",
    "Sublingual B12 drops feel fresher and cleaner than a shot in the arm.",
    # the choice itself ranked, no "than"
    "Sprays drip down the throat, so the lozenge is simply the more dependable way to dose.",
    # the form named by the path it skips lies next to the other form: the first pick leaves
    # a second apart from it ("bypasses the gut" would touch "IV")
    "IV bypasses the gut, so 100% of the magnesium reaches your bloodstream.",
    "Our liposomal spray bypasses the gastrointestinal tract and delivers 100% of each dose.",
]
NOT_RANKED = [
    # logistics, not an effect
    "Tablets are more convenient than injections for most people, and cost less.",
    "Infusions cost more than troches, and insurance rarely covers either.",
    "For most people the tablet is the cheaper option, and fewer plans cover the injection.",
    "Rules for compounding sterile injections are stricter than the rules for oral capsules.",
    "The tablet is tinier than you might expect, and far darker than the injection pen.",
    # a ranking denied in the same phrase
    "Nasal sprays are neither better nor worse than tablets for most people.",
    # one form only: a comparison with something other than a route
    "The injection pen is smoother to use than it looks.",
    "Capsules are quicker to swallow than tablets.",
]


@pytest.mark.parametrize("text", RANKED)
def test_two_forms_ranked_with_any_comparative_are_found(text: str) -> None:
    assert "CL201" in _routes(text), text


@pytest.mark.parametrize("text", NOT_RANKED)
def test_logistics_denials_and_single_forms_pass(text: str) -> None:
    assert "CL201" not in _routes(text), text
