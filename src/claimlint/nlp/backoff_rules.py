"""Model rules (`backoff:`) over a linted page: the sentences no other rule flagged, scored by
nlp/backoff.py, each finding explained like a rule's (claim, subject, asserted) plus the
model's own reasons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from claimlint.nlp.analysis import SUBJECT_CLASSES, sentence_analysis
from claimlint.nlp.backoff import Model, features, load_model
from claimlint.nlp.context import Hit, SentenceHits, governing
from claimlint.packs import Modifier, Rule

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.diagnostics import Diagnostic

SUBJECTS = frozenset(SUBJECT_CLASSES)
Finding = Callable[[Rule, int, int, tuple[tuple[str, str], ...]], "Diagnostic"]


def backoff_findings(
    sh: SentenceHits,
    rules: Sequence[Rule],
    flagged: set[int],
    modifiers: Callable[[Sequence[str]], list[Modifier]],
    subjects: Sequence[str],
    finding: Finding,
) -> list[Diagnostic]:
    """The findings of the model rules on the sentences outside `flagged` (those another rule
    fired on: the model is a backstop, never a second opinion on a rule's sentence)."""
    out: list[Diagnostic] = []
    for rule in rules:
        assert rule.backoff is not None
        model = load_model(rule.backoff.model)
        unless = modifiers(rule.unless)
        for index, sentence in enumerate(sh.sentences):
            if index in flagged or sentence.kind not in rule.blocks:
                continue
            feats, probability = _scored(model, sh, index, rule.backoff.threshold)
            if probability < rule.backoff.threshold or model.category(feats) != rule.category:
                continue
            claims = _anchors(model, sh, index)
            if not claims or (unless and any(governing(sh, unless, index, c) for c in claims)):
                continue  # stricter than a rule: an exemption of any of its claim words
            labels_of = sh.labels_by_span(index, {(c.start, c.end) for c in claims})
            # The claim's words: the heaviest hit that is not a subject (the subject is named
            # from the others, as for a rule's finding).
            claims.sort(key=lambda c: bool(labels_of.get((c.start, c.end), set()) & SUBJECTS))
            analysis = sentence_analysis(rule, sh.text, claims, labels_of, subjects, False)
            reasons = ", ".join(model.reasons(feats))
            analysis += (
                ("model", f"{probability:.2f} that this is a claim; most of all {reasons}"),
            )
            out.append(finding(rule, sentence.start, sentence.end, analysis))
    return out


_Key = tuple[int, str, str, int]
_SCORES: dict[_Key, float] = {}
MAX_SCORES = 20_000  # sentences remembered across pages (then the memory starts over)


def _scored(model: Model, sh: SentenceHits, index: int, threshold: float) -> tuple[set[str], float]:
    """A sentence's features and probability; the probability is remembered by the sentence's
    text, classes and kind (a site repeats its navigation, calls to action and footers on
    every page), and the features made again only for a sentence that scores high."""
    sentence = sh.sentences[index]
    text, present = sh.text[sentence.start : sentence.end], sh.present[index]
    # The classes by their hash: a key must not keep a page's label sets alive.
    key = (id(model), text, sentence.kind, hash(present))
    probability = _SCORES.get(key)
    if probability is not None and probability < threshold:
        return set(), probability  # the caller stops here: no features needed
    feats = features(text, present, sentence.kind)
    probability = model.probability(feats)
    if len(_SCORES) >= MAX_SCORES:
        _SCORES.clear()
    _SCORES[key] = probability
    return feats, probability


def _anchors(model: Model, sh: SentenceHits, index: int, limit: int = 5) -> list[Hit]:
    """The hits whose classes weigh most toward a claim, heaviest first: the first is the
    words the finding names as the claim; the rule's modifiers are asked about each (a model
    cannot tell which words a negation or a hedge governs, so any of them exempts)."""
    weights = model.claim.weights
    ranked = sorted((-weights.get("L:" + label, 0.0), label) for label in sh.direct_labels(index))
    return [sh.hits(index, label)[0] for weight, label in ranked[:limit] if weight < 0]
