"""Careful copy from seller and clinic pages that says something true without claiming a result,
beside claims that share its words and must still be flagged (round 11). Each group of
tests/careful_families.tsv (GROUP, pass|flag, TEXT) is one capability; every text was written for
that file (invented products and people):

- service-guarantee: a service act, the goods' state or a shipping fee guaranteed (CL601,
  guarantee-service)
- taken-back: a claim taken back in its sentence or the next, or its words disowned (taken-back)
- evidence-denied: evidence said to be missing in any wording (evidence-denial)
- advice-and-precaution: a step of advice ranked, a person as the one treated (advice-superlative,
  patient-treated)
- untypical-result: one named person's result called untypical (typicality-own-result)
- approval-scope: what the FDA approved in a class, a clearance beside its studies
  (approved-class-subject, clearance-disclaimer)
- goods-refund: a refund on goods named by a body word (CL608, object-name)
- safe-dose-unknown: the safe dose said to be unknown ("safe dosing has not been established")
- equivalence-denied: a likeness to a brand taken back in the sentence (CL503, equivalence-denied)
- other-sense: an outcome or safety word governing a non-health thing (other-sense, round 12)
- negated-subject: a claim denied of every product the seller has (negated-subject)
- reported-to-reject: a claim quoted or reported in order to reject it (mentioned, attribution,
  taken-back)
- symptom-list: a list of what a condition looks like; people said to differ (symptom-list,
  guarantee-idiom)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.api import lint_text

LINE_CATEGORIES = {"efficacy", "route-comparison", "safety", "approval", "guarantee"}
ROWS = [
    line.split("\t", 2)
    for line in (Path(__file__).parent / "careful_families.tsv").read_text("utf-8").splitlines()
    if line.strip()
]


def line_findings(text: str) -> list[str]:
    found = lint_text(text.replace("\\n", "\n") + "\n", path="page.md")
    return [d.rule for d in found if d.category in LINE_CATEGORIES]


def test_every_group_has_careful_texts_and_claims() -> None:
    groups = {group for group, _, _ in ROWS}
    for group in groups - {"goods-refund"}:
        kinds = [kind for g, kind, _ in ROWS if g == group]
        assert kinds.count("pass") >= 3 and kinds.count("flag") >= 3, group


@pytest.mark.parametrize("text", [text for _, kind, text in ROWS if kind == "pass"])
def test_careful_copy_draws_no_line_finding(text: str) -> None:
    assert line_findings(text) == []


@pytest.mark.parametrize("text", [text for _, kind, text in ROWS if kind == "flag"])
def test_the_claim_beside_it_is_still_flagged(text: str) -> None:
    assert line_findings(text)
