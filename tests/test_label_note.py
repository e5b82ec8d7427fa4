"""A supplement label's note sign: "Supports memory retention*" points to the FDA statement at the
foot of the page, so it is a structure/function claim in its lawful form there (the label-note
modifier, which reads the page through `page_confirm`), and a claim like any other elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import linter_for_pack

from claimlint.api import lint_text
from claimlint.inputs.sources import Source
from claimlint.packs import PackError, load_rules

STATEMENT = (
    "*These statements have not been evaluated by the Food and Drug Administration. This product"
    " is not intended to diagnose, treat, cure, or prevent any disease.\n"
)
TABLE = (
    "| Ingredient | Amount | What it does |\n|---|---|---|\n"
    "| Bacopa extract | 300 mg | Supports memory retention* |\n"
    "| L-theanine | 100 mg | Promotes calm, relaxed focus* |\n"
)


def _lines(text: str, path: str = "label.md") -> list[int]:
    return sorted(d.line for d in lint_text(text, path=path) if d.category == "efficacy")


@pytest.mark.parametrize("path", ["label.md", "label.txt"])
def test_marked_claims_pass_where_the_statement_is_printed(path: str) -> None:
    assert _lines(f"# Focus Blend\n\n{TABLE}\nTake two daily.\n\n{STATEMENT}", path) == []


def test_the_same_claims_are_reported_without_the_statement() -> None:
    assert _lines(f"# Focus Blend\n\n{TABLE}") == [5, 6]


def test_a_disease_claim_keeps_its_finding_beside_the_sign() -> None:
    page = f"# Focus Blend\n\nReverses memory loss and dementia.*\n\n{STATEMENT}"
    assert _lines(page) == [3]


def test_page_confirm_names_an_unknown_lexicon(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "modifiers:\n  note:\n    category: note\n    cues: [x]\n    page_confirm: [nowhere]\n"
    )
    with pytest.raises(PackError) as info:
        load_rules([tmp_path], bundled=False).rules  # noqa: B018 - parsing is lazy
    assert "page_confirm" in str(info.value) and "nowhere" in str(info.value)


PACK = """\
lexicons:
  gain: {terms: [sleeps deeper], lemma: false}
  footnote-statement: {terms: [not evaluated by anyone], lemma: false}
modifiers:
  marked:
    category: marked
    cue_regex: ['\\*[ \\t]*(?:\\n|$)']
    page_confirm: [footnote-statement]
rules:
  - id: ACME980
    name: gain
    category: efficacy
    message: 'gain: "{excerpt}"'
    match: {all: [gain]}
    unless: [marked]
"""


def test_page_confirm_makes_a_modifier_count_only_on_a_page_with_its_class(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    linter = linter_for_pack(tmp_path_factory, "page-confirm", PACK)

    def fires(text: str) -> bool:
        return any(d.rule == "ACME980" for d in linter.lint(Source("p.txt", text, "text")))

    far = "\n\n".join(f"Filler paragraph number {i}." for i in range(30))
    assert not fires(f"The baby sleeps deeper*\n\n{far}\n\n*Not evaluated by anyone.\n")
    assert fires(f"The baby sleeps deeper*\n\n{far}\n")
    assert fires(f"The baby sleeps deeper\n\n{far}\n\n*Not evaluated by anyone.\n")
