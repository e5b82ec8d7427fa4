"""The `about_other` key of a document rule: a required statement made of another product (a
sentence that names it and not the trigger's product) does not meet the requirement."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, load_rules

PACK = """\
lexicons:
  tonic: {terms: [moonroot tonic], lemma: false}
  ailment: {terms: [insomnia], lemma: false}
  unlicensed: {terms: [not licensed], lemma: false}
  other-brew: {terms: [sunleaf tea], lemma: false}
rules:
  - id: ACME970
    name: missing-licence-note
    category: disclaimer-fda
    message: 'no licence note'
    document:
      when: {all: [tonic], any: [ailment]}
      require: [unlicensed]
      requirement: licence note
      about_other: [other-brew]
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    return linter_for_pack(tmp_path_factory, "about-other-packs", PACK)


def _fires(linter: Linter, text: str) -> bool:
    return any(d.rule == "ACME970" for d in linter.lint(Source("page.txt", text, "text")))


def test_a_statement_about_another_product_does_not_count(linter: Linter) -> None:
    assert _fires(linter, "Moonroot tonic eases insomnia. Sunleaf tea is not licensed.\n")


def test_a_statement_naming_both_products_counts(linter: Linter) -> None:
    page = "Moonroot tonic eases insomnia. Moonroot tonic, like sunleaf tea, is not licensed.\n"
    assert not _fires(linter, page)


def test_a_statement_naming_no_product_counts(linter: Linter) -> None:
    assert not _fires(linter, "Moonroot tonic eases insomnia. It is not licensed.\n")


def test_about_other_names_an_unknown_lexicon(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        PACK.replace("about_other: [other-brew]", "about_other: [x]")
    )
    with pytest.raises(PackError) as info:
        load_rules([tmp_path], bundled=False).rules  # noqa: B018 - parsing is lazy
    assert "ACME970" in str(info.value) and "about_other" in str(info.value)


def test_with_no_all_classes_the_any_classes_are_the_products_own(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    pack = PACK.replace("when: {all: [tonic], any: [ailment]}", "when: {any: [tonic]}")
    linter = linter_for_pack(tmp_path_factory, "about-other-any", pack)
    assert _fires(linter, "Moonroot tonic helps. Sunleaf tea is not licensed.\n")
    assert not _fires(
        linter, "Moonroot tonic helps. Moonroot tonic, like sunleaf tea, is not licensed.\n"
    )
