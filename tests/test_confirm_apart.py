"""A modifier's `confirm_apart`: a confirming word inside the modifier's own cue confirms
nothing ("healthy" in "as part of a healthy diet" is the cue's, not the claim's)."""

from __future__ import annotations

import pytest
from pack_helpers import linter_for_pack

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter

PACK = """\
lexicons:
  remedy: {terms: [cures, supports], lemma: false}
modifiers:
  label-diet:
    category: CATEGORY
    window: sentence
    cue_regex: ['\\bas\\s+part\\s+of\\s+a\\s+(?:\\w+\\s+)?diet\\b']
    confirm: [normal, healthy]
    confirm_window: sentence
APART
rules:
  - id: ACME950
    name: remedy-word
    category: efficacy
    message: 'remedy: "{excerpt}"'
    match: {all: [remedy]}
    unless: [CATEGORY]
"""


def _linter(factory: pytest.TempPathFactory, apart: bool) -> Linter:
    extra = "    confirm_apart: true" if apart else ""
    pack = PACK.replace("CATEGORY", "structure-label").replace("APART", extra)
    return linter_for_pack(factory, "apart-APART", pack)


def _fires(linter: Linter, text: str) -> bool:
    return any(d.rule == "ACME950" for d in linter.lint(Source("page.md", text, "markdown")))


@pytest.fixture(scope="module")
def apart(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return _linter(tmp_path_factory, True)


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return _linter(tmp_path_factory, False)


def test_word_inside_the_cue_does_not_confirm_with_confirm_apart(apart: Linter) -> None:
    assert _fires(apart, "The gummy cures gout as part of a healthy diet.\n")


def test_word_outside_the_cue_still_confirms(apart: Linter) -> None:
    assert not _fires(apart, "The gummy supports normal joints as part of a balanced diet.\n")
    assert not _fires(apart, "It supports healthy joints as part of a healthy diet.\n")


def test_without_confirm_apart_the_cue_may_confirm_itself(together: Linter) -> None:
    assert not _fires(together, "The gummy cures gout as part of a healthy diet.\n")
    assert _fires(together, "The gummy cures gout as part of a balanced diet.\n")
