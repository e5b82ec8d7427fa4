"""The claim analysis attached to each finding: what is claimed, about what, and why it stands.

A reviewer should not have to guess why a sentence was flagged. Each sentence finding carries
three answers, built from the hits the rule matched and the context it checked:

- ``claim``: what kind of claim and its words (an outcome, a figure, onset speed, safety,
  superiority, regulatory status), from the rule's category and the anchor hit;
- ``subject``: the product or treatment named in the sentence, else what the page promotes
  (nlp/subjects.py), else that the subject is implied (a heading or a fragment);
- ``asserted``: the exemptions the rule looked for and did not find (not negated, hedged,
  cited, asked, conditional, an instruction, attributed to dispute it, limited to animals...).

Pure Python; the JSON output carries it as the additive ``analysis`` object.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from claimlint.nlp.context import Hit
from claimlint.packs import Rule

CLAIM_KINDS = {
    "efficacy": "a health outcome",
    "route-comparison": "one route of administration ranked above another",
    "safety": "safety as an absolute",
    "approval": "a regulatory status",
    "guarantee": "a guaranteed or absolute result",
}
SUBJECT_CLASSES = (
    "treatment",
    "treatment-or-drug",
    "page-subject",
    "route",
    "ketamine",
    "esketamine",
    # what a status or a likeness is claimed of: "Our enclomiphene is the FDA-approved form..."
    "unapproved-subject",
    "status-subject",
    "equivalence-subject",
    "approved-drug",
    "consumer-device",
)
EXEMPTIONS = {
    "negation": "negated",
    "hedge": "hedged",
    "evidence": "backed by a specific citation",
    "evidence-here": "backed by a specific citation in the sentence",
    "question": "a question",
    "attribution": "attributed to others to dispute it",
    "instruction": "an instruction",
    "conditional": "conditional",
    "nonhuman": "limited to animals or the lab",
    "embedded-question": "an embedded question",
    "adverse": "about side effects",
    "adverse-figure": "a figure about side effects",
    "description": "a description of what the drug is used for",
    "study-report": "reported as a study's finding",
    "typicality": "a personal account beside a note that results vary",
    "structure-function": "a normal-function statement with the supplement label statement",
    "label-note": "a label claim marked with the sign of the supplement statement on the page",
    "dose-explanation": "an explanation of why doses differ between routes",
    "registration-explained": "beside a note that registration differs from approval",
    "clearance-explained": "beside a note that clearance differs from approval",
    "ranking-denied": "a ranking said to be unknown or unsupported",
    "medicine-rival": "a form ranked against a medicine (superiority over the medicine)",
    "guarantee-scope": "a guarantee scoped to the goods rather than health results",
    "advice": "advice on where a result comes from",
    "course": "a description of how a condition develops",
    "share": "a harm denied for most of a group rather than for everyone",
    "after-instruction": "a pronoun standing for a step of advice just given",
}
FIGURE_WORDS = ("figure", "rate", "percent")
SPEED_WORDS = ("speed",)


def sentence_analysis(
    rule: Rule,
    text: str,
    chosen: Sequence[Hit],
    labels_of: dict[tuple[int, int], set[str]],
    subjects: Sequence[str],
    implied: bool,
) -> tuple[tuple[str, str], ...]:
    """The (question, answer) pairs for a sentence finding."""
    anchor = chosen[0]
    words = " ".join(text[anchor.start : anchor.end].split())
    kind = CLAIM_KINDS.get(rule.category, rule.category)
    if any(w in anchor.label for w in FIGURE_WORDS):
        kind = "an efficacy figure"
    elif any(w in anchor.label for w in SPEED_WORDS):
        kind = "speed of onset"
    subject = ""
    for hit in chosen:
        names = labels_of.get((hit.start, hit.end), set()) | {hit.label}
        if any(name in SUBJECT_CLASSES for name in names):
            subject = " ".join(text[hit.start : hit.end].split())
            break
    if not subject:
        if implied:
            subject = (
                "implied: the sentence opens with the claim (a heading, list item or fragment)"
            )
        elif subjects:
            subject = f"what the page promotes: {', '.join(subjects[:3])}"
        elif rule.category == "efficacy":
            subject = "not named: the outcome is asserted for the condition"
        else:
            subject = "not named in the sentence"
    return _pairs(f'{kind} ("{words}")', subject, rule.unless)


@lru_cache(maxsize=4096)
def _pairs(claim: str, subject: str, unless: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The analysis of equal answers is one tuple: a site's findings repeat a few thousand
    analyses (the same claim in a shared template, the page's subject), and each finding held
    its own four tuples and two strings until the report was written."""
    return (("claim", claim), ("subject", subject), asserted(unless))


@cache
def asserted(unless: tuple[str, ...]) -> tuple[str, str]:
    """The `asserted` pair of a rule's findings: one string per rule, not one per finding (a
    site's 29,000 findings held 10 MB of copies of a few dozen sentences until printed)."""
    checked = [EXEMPTIONS.get(c, c) for c in unless]
    return (
        "asserted",
        "as fact: " + ("not " + ", not ".join(checked) if checked else "no exemption"),
    )


def document_analysis(rule: Rule, trigger: str) -> tuple[tuple[str, str], ...]:
    """The pairs for a missing-statement finding."""
    requirement = rule.document.requirement if rule.document else "statement"
    return (
        ("claim", f'the page needs a {requirement or "statement"}: "{trigger}"'),
        ("subject", "the whole page"),
        ("asserted", f"no {requirement or 'required statement'} anywhere on the page"),
    )
