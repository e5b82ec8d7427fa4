"""The `page` condition: a rule applies only to documents whose prose meets a lexicon condition."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, load_rules

PACK = """\
lexicons:
  pretext: {terms: ["lab use only"], lemma: false}
  dosing: {regex: ['\\b\\d+\\s*mg\\s+daily\\b']}
  shop: {terms: ["our shop"], lemma: false}
  refund: {terms: ["refund"], lemma: false}
  seller: {terms: ["we sell"], lemma: false}
rules:
  - id: ACME901
    name: lab-pretext
    category: approval
    message: 'pretext: "{excerpt}"'
    match: {all: [pretext]}
    page: {any: [dosing], none: [refund]}
    examples: {flag: ["Lab use only. Take 5 mg daily."], pass: ["Lab use only."]}
  - id: ACME902
    name: shop-needs-refund
    category: disclaimer-fda
    message: 'no refund policy'
    document: {when: {all: [shop]}, require: [refund]}
    page: {all: [seller]}
    examples: {flag: ["We sell it in our shop."], pass: ["Visit our shop."]}
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "page-packs", PACK)


def rules(linter: Linter, text: str) -> set[str]:
    return {d.rule for d in linter.lint(Source("page.md", text, "markdown"))}


def test_sentence_rule_fires_only_where_the_page_meets_the_condition(linter: Linter) -> None:
    assert "ACME901" in rules(linter, "Lab use only.\n\nDirections: take 5 mg daily.\n")
    assert "ACME901" not in rules(linter, "Lab use only.\n\nKeep it cold.\n")


def test_page_none_silences_the_rule_anywhere_in_the_document(linter: Linter) -> None:
    text = "Lab use only.\n\nTake 5 mg daily.\n\nFull refund within 30 days.\n"
    assert "ACME901" not in rules(linter, text)


def test_document_rule_honours_the_page_condition(linter: Linter) -> None:
    assert "ACME902" in rules(linter, "Browse our shop.\n\nWe sell gloves.\n")
    assert "ACME902" not in rules(linter, "Browse our shop.\n")


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("{}", "needs at least one of all, any, none"),
        ("{some: [dosing]}", "some"),
        ("{any: [nowhere]}", "unknown lexicon 'nowhere'"),
    ],
)
def test_bad_page_condition_names_rule_and_field(tmp_path: Path, page: str, problem: str) -> None:
    bad = PACK.split("rules:")[0] + (
        "rules:\n  - id: ACME903\n    name: broken\n    category: approval\n"
        f"    message: m\n    match: {{all: [pretext]}}\n    page: {page}\n"
    )
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_rules([tmp_path], bundled=False).rules  # noqa: B018 - parsing is lazy
    message = str(info.value)
    assert "rule ACME903" in message and "page" in message and problem in message
