"""The `section` match key: a rule fires only under a heading that holds one of its classes
(a row or item under "## Results you can expect" states a result, though it names no product)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, load_rules

PACK = """\
lexicons:
  results-word: {terms: [results, outcomes], lemma: false}
  gain: {terms: [sleep deeper, calmer mornings], lemma: false}
rules:
  - id: ACME960
    name: result-row
    category: efficacy
    message: 'result: "{excerpt}"'
    match: {all: [gain], section: [results-word]}
    blocks: [cell, list]
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "section-packs", PACK)


def _lines(linter: Linter, text: str) -> list[int]:
    return [d.line for d in linter.lint(Source("page.md", text, "markdown")) if d.rule == "ACME960"]


def test_items_under_a_results_heading_fire(linter: Linter) -> None:
    text = "# Plan\n\n## Results by week\n\n- Sleep deeper\n- Calmer mornings\n"
    assert _lines(linter, text) == [5, 6]


def test_table_rows_under_a_results_heading_fire(linter: Linter) -> None:
    text = "## Outcomes\n\n| Week | Change |\n|---|---|\n| 2 | Sleep deeper |\n"
    assert _lines(linter, text) == [5]


def test_the_same_items_under_another_heading_do_not(linter: Linter) -> None:
    text = "## Results by week\n\nIntro.\n\n## Packing list\n\n- Sleep deeper\n"
    assert _lines(linter, text) == []


def test_section_names_an_unknown_lexicon(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        PACK.replace("section: [results-word]", "section: [nowhere]")
    )
    with pytest.raises(PackError) as info:
        load_rules([tmp_path], bundled=False).rules  # noqa: B018 - parsing is lazy
    assert "ACME960" in str(info.value) and "nowhere" in str(info.value)
