"""Modifiers that list the same phrase share one hit for it, and each keeps its own phrases."""

from __future__ import annotations

import pytest
from pack_helpers import linter_for_pack

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter

# Two modifiers list "," and "not" (one hit each, shared); only `denial` ends at "but", only
# `doubt` starts at "maybe" and ends at "so".
PACK = """\
lexicons:
  cure: {terms: ["cures pain"], lemma: false}
modifiers:
  denial:
    category: negation
    direction: forward
    scope: 8
    cues: ["not", "never"]
    terminators: [",", "but"]
  doubt:
    category: hedge
    direction: forward
    scope: 8
    cues: ["not", "maybe"]
    terminators: [",", "so"]
rules:
  - id: ACME801
    name: cure-undenied
    category: efficacy
    message: 'cure: "{excerpt}"'
    match: {all: [cure]}
    unless: [negation]
    examples: {flag: ["It cures pain."], pass: ["It never cures pain."]}
  - id: ACME802
    name: cure-undoubted
    category: efficacy
    message: 'cure: "{excerpt}"'
    match: {all: [cure]}
    unless: [hedge]
    examples: {flag: ["It cures pain."], pass: ["It maybe cures pain."]}
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "shared-packs", PACK)


def fired(linter: Linter, text: str) -> set[str]:
    return {d.rule for d in linter.lint(Source("page.txt", text, "text"))}


def test_a_phrase_of_several_modifiers_is_one_hit(linter: Linter) -> None:
    labels = [hit[0] for hit in next(linter.nlp.match(["Not it, it cures pain."]))]
    assert len(labels) == 3  # "Not", "," and "cures pain": not one hit per modifier
    parents = linter.nlp.compiled.extends.parents
    shared = [label for label in labels if label.startswith("@shared:")]
    assert len(shared) == 2
    assert {p for label in shared for p in parents[label]} == {
        "@denial:cues",
        "@doubt:cues",
        "@denial:terminators",
        "@doubt:terminators",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It does not cure pain, it cures pain.", {"ACME801", "ACME802"}),  # shared "," ends both
        ("It never cures pain.", {"ACME802"}),
        ("It maybe cures pain.", {"ACME801"}),
        ("It is not cheap but cures pain.", {"ACME801"}),  # "but" ends only the denial
        ("It is not cheap so cures pain.", {"ACME802"}),  # "so" ends only the doubt
        ("It is not so cheap but cures pain.", {"ACME801", "ACME802"}),
        ("It does not cures pain.", set()),  # the shared cue governs for both
    ],
)
def test_each_modifier_keeps_its_own_cues_and_terminators(
    linter: Linter, text: str, expected: set[str]
) -> None:
    assert fired(linter, text) == expected
