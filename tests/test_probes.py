"""Detection floors on the probe sets (tests/probes/README.md): recall of claims written by
people who did not see the rules, and false findings on careful copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from claimlint.api import lint_text

PROBES = Path(__file__).parent / "probes"
WANTED = {
    "figure": "efficacy",
    "speed": "efficacy",
    "superiority": "efficacy",
    "route": "route-comparison",
}
LINE_CATEGORIES = {"efficacy", "route-comparison", "safety", "approval", "guarantee"}
MIN_RECALL = 0.9833  # 0.926 (896 of 968) after round 6; 0.988 (956 of 968) after round 7, and
# 0.959 (1,158 of 1,208) with round 7's held-out sets i and j (scored at the round's end);
# 0.968 (1,286 of 1,328) with round 8's set k (tuned on); 0.9586 (1,388 of 1,448) with
# round 8's held-out set l (scored at the round's end); 0.9828 (1,541 of 1,568) with round
# 9's set n (tuned on by det12); 0.9955 (1,561 of 1,568) with round 9's onset, figure,
# approval and figurative-outcome work (det10); 0.9779 (1,768 of
# 1,808) with round 9's held-out sets m and o (scored at the round's end); 0.9840 (1,779 of
# 1,808) once routes said to equal another ("as effectively as", "the same results as", "at IV
# speed") rank them (det14); 0.9862 (1,783 of 1,808) with superiority said without "than"
# ("Unlike Rogaine, ours actually works", "the only program that truly delivers") (det14);
# 0.9912 (1,792 of 1,808) with functions back, wounds closed, medicines no longer needed and
# onsets said as "starting tonight" or "go to bed with X, wake up with Y" (det14); 0.9939
# (1,797 of 1,808) with hidden cures, infections ruled out and apps, games and botanicals as
# products (det14); 0.9961 (1,801 of 1,808) with another product's risks said to be absent,
# "can't possibly harm", a pledge in the sentence after the claim (CL606) and a medical aid
# "in the drawer for good" as the result a refund hangs on (det14); 0.9983 (1,805 of 1,808)
# with approval in a list of uses, by a government no one names, by an FDA listing, and a
# brand's twin in a fragment on a compounding page (CL517) (det14)
# Round 11 added four blind sets of 120 (p11 and r11 tuned on, q11 and s11 held out until the
# round's end): 0.9768 (2,235 of 2,288); the held-out two at 86.7% and 84.2%. Round 12's
# onsets in days, verbless results and any verb between product and condition: 0.9790 (2,240).
# Round 13's number words, quantified guarantees, figurative verbs, approval words: 0.9798
# (2,242). Round 14's onsets after the result, verbless figures, rivals by shape, guarantees
# without the word, and the CL199 backstop: 0.9834 (2,250).
MAX_CAREFUL_FLAGGED = 0.0109  # 0.007 (3 of 450) after round 6; 0.004 (2 of 450) after round 7;
# 0.0088 (5 of 570) with sets i and j; 0.0095 (6 of 630) with set k; 0.0145 (10 of 690)
# with set l; 0.0013 (1 of 750) with set n; 0 of 750 once the last careful text of sets a-l
# (a denial of evidence read as a headline, CL105) stopped drawing a finding; 0.0275 (28 of 1,020)
# with round 9's held-out sets m and o and the lead's careful-only set q; 0.0255 (26 of 1,020)
# once a route's path described ("absorbed through the skin") stopped drawing CL203 (det13);
# 0.0206 (21 of 1,020) with a clearance explained, the approved product named and "smoking
# cessation" no route; 0.0187 (19 of 1,020) with one person's figure called untypical
# ("His result is well above average") and objects named by a body word ("hearing aids");
# 0.0157 (16 of 1,020) with route rankings denied, "none of", and others' guarantees warned of;
# 0.0138 (14 of 1,020) with safe parking, service remedies, designations and benefits lost
# when treatment stops masked (det13); 0.0128 (13 of 1,020) with results said to be limited
# ("Regrowth is usually partial") or to depend on a list ending "and how your skin heals";
# 0.0099 (10 of 1,020) with service guarantees (a shipping promise with its act), safe doses
# said to be unknown and evidence denied in any wording (det16, round 11)
# Round 11 added six blind careful sets (p11, r11, f11 tuned on; q11, s11, g11 held out until the
# round's end, 540 texts): 0.0128 (20 of 1,560). Round 12's non-health senses, symptom lists
# and guarantees of taste or damage (det19): 0.0109 (17 of 1,560).


def _rows(name: str) -> list[list[str]]:
    lines = (PROBES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip()]


def _findings(text: str) -> list:
    """The line-level findings of a text as its own page, off a mini page's title line."""
    page = text.replace("\\n", "\n") + "\n"
    found = [d for d in lint_text(page, path="probe.md") if d.category in LINE_CATEGORIES]
    return [d for d in found if not (page.startswith("# ") and d.line == 1)]


@pytest.fixture(scope="module")
def claims() -> list[tuple[str, str, set[str]]]:
    return [(s, cat, {d.category for d in _findings(text)}) for s, cat, text in _rows("claims.tsv")]


def test_the_probe_sets_are_whole() -> None:
    assert Counter(row[0] for row in _rows("claims.tsv")) == {
        "a": 158,
        "b": 130,
        "c": 120,
        "d": 100,
        "e": 100,
        "f": 120,
        "g": 120,
        "h": 120,
        "i": 120,
        "j": 120,
        "k": 120,
        "l": 120,
        "m": 120,
        "n": 120,
        "o": 120,
        "p11": 120,
        "q11": 120,
        "r11": 120,
        "s11": 120,
    }
    assert len(_rows("careful.tsv")) == 1560


def test_claims_in_unseen_wording_are_caught(claims) -> None:
    caught = [WANTED.get(cat, cat) in found for _, cat, found in claims]
    recall = sum(caught) / len(caught)
    missed = [(s, cat) for (s, cat, _), ok in zip(claims, caught, strict=True) if not ok]
    assert recall >= MIN_RECALL, (
        f"recall {recall:.3f}; missed by set: {Counter(s for s, _ in missed)}"
    )


def test_every_category_is_caught_in_most_sets(claims) -> None:
    by_category: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for _, cat, found in claims:
        totals[cat] += 1
        by_category[cat] += WANTED.get(cat, cat) in found
    weak = {
        cat: f"{by_category[cat]}/{totals[cat]}"
        for cat in totals
        if by_category[cat] < 0.75 * totals[cat]
    }
    assert not weak, weak


def test_careful_copy_draws_no_line_level_finding() -> None:
    flagged = [text[:80] for _, text in _rows("careful.tsv") if _findings(text)]
    assert len(flagged) <= MAX_CAREFUL_FLAGGED * len(_rows("careful.tsv")), flagged
