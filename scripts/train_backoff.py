"""Train src/claimlint/nlp/backoff_claims.json, the weights of the model rules (`backoff:`).

The model is a backstop for claims no rule's structure matched (nlp/backoff.py). It learns
from the project's own labelled text only, never from ../shared:

- the probe sets (tests/probes/claims.tsv: claims with their category; careful.tsv: copy a fair
  reviewer would pass),
- every sentence rule's examples in rules/ (flag: a claim of the rule's category; pass: not),
  except the model rules' own,
- the labelled test pages (tests/pages/*.gold.yaml): each sentence, a claim when a labelled
  line holds it,
- the helper-written detection sets (benchmarks/detection: claims/*.tsv, `LABEL<TAB>TEXT`, and
  the labelled pages of pages/*/), once scored and read (their README), so that the model
  learns from the widest wording the project holds.

Each text is read by claimlint's own pipeline, so the features are what the rules see: the
lexicon classes present in a sentence, its words and their Brown clusters (an extract of
spaCy's en_lexeme_cluster for the 20,000 most probable words, written first), block kind and
shapes (backoff.features).
Two logistic models are fitted by plain batch gradient descent from zero weights (no random
state, float64): claim or not, and (on the claims) which category. Weights are rounded and
those under 0.01 dropped; the output is sorted JSON, so the same data gives the same file.

    python scripts/train_backoff.py            # about 45 minutes (60,000 examples)

Retrain when the rule examples, probes or test pages change much, and look at the model
rules' examples and the eval before committing the new weights.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimlint.api import default_linter  # noqa: E402
from claimlint.inputs.sources import Source, format_of  # noqa: E402
from claimlint.nlp.backoff import features, model_path, write_clusters  # noqa: E402
from claimlint.nlp.context import SentenceHits  # noqa: E402
from claimlint.nlp.sentences import split_sentences  # noqa: E402
from claimlint.packs import load_rules  # noqa: E402

CATEGORY = {"figure": "efficacy", "speed": "efficacy", "superiority": "efficacy"}
CATEGORY["route"] = "route-comparison"
MIN_COUNT = 3  # a feature seen fewer times is left out
L2, RATE, CLAIM_STEPS, CATEGORY_STEPS = 1e-4, 0.5, 1500, 800
PRUNE = 0.01  # smaller weights are dropped (a third of them: a smaller file, a faster load)
TRAINING = ROOT / "training/backoff"  # written for training only: see its README
# features, claim (1) or not (0), category, and each sentence's features when a claim has several
Example = tuple[set[str], int, str, tuple[set[str], ...]]


def sentences(text: str, name: str) -> list[tuple[int, int, set[str]]]:
    """Each sentence of a page as (source start, source end, features)."""
    linter = default_linter()
    source = Source(name, text, format_of(name))
    prose = source.reading.prose
    if not prose.text.strip():
        return []
    found = split_sentences(prose.text, prose.blocks)
    hits, _ = linter._page_subjects(prose.text, found, linter._hits(prose.text, prose.blocks))
    sh = SentenceHits(prose.text, found, hits, [], linter.nlp.compiled.extends)
    return [
        (
            prose.source_start(s.start),
            prose.source_end(s.end),
            features(prose.text[s.start : s.end], sh.present[i], s.kind),
        )
        for i, s in enumerate(found)
    ]


def item(text: str, claim: int, category: str) -> list[Example]:
    """A probe or example, one or more sentences read as a Markdown page. Careful copy is one
    example per sentence, as the model meets it on a page: every sentence of it must pass. A
    claim is one example; which of its sentences carries the claim is not labelled, so it
    starts as all its sentences' features together and is narrowed to one sentence in
    training (see train)."""
    page = text.replace("\\n", "\n") + "\n"
    found = [f for _, _, f in sentences(page, "item.md")]
    if not claim:
        return [(f, 0, "", ()) for f in found]
    parts = tuple(found) if len(found) > 1 else ()
    return [(set().union(*found), 1, CATEGORY.get(category, category), parts)]


def probe_examples(folder: Path) -> list[Example]:
    """A folder's claims.tsv (set, category, text) and careful.tsv (set, text)."""
    out = []
    for line in (folder / "claims.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            out += item("\t".join(parts[2:]), 1, parts[1].strip())
    for line in (folder / "careful.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out += item("\t".join(parts[1:]), 0, "")
    return out


def rule_examples() -> list[Example]:
    out = []
    for rule in load_rules().rules:
        if rule.match is None:  # document rules, and the model rules themselves
            continue
        for text in rule.flag_examples:
            out += item(text, 1, rule.category)
        for text in rule.pass_examples:
            out += item(text, 0, "")
    return out


def page_examples(folder: Path) -> list[Example]:
    """Sentences of a folder's labelled pages (no category: a page labels lines, and only the
    claim model learns from them)."""
    out = []
    for gold_path in sorted(folder.glob("*.gold.yaml")):
        stem = gold_path.name[: -len(".gold.yaml")]
        docs = [p for p in gold_path.parent.glob(stem + ".*") if p != gold_path]
        if len(docs) != 1:
            continue
        gold = yaml.safe_load(gold_path.read_text("utf-8"))
        spans = [s for found in (gold.get("lines") or {}).values() for s in found or []]
        labelled = {n for s in spans for n in range(s[0], s[-1] + 1)}
        text = docs[0].read_text("utf-8")
        lines = Source(docs[0].name, text, format_of(docs[0].name)).lines
        for start, end, feats in sentences(text, docs[0].name):
            first = lines.locate(start)[0]
            last = lines.locate(max(start, end - 1))[0]
            claim = int(any(n in labelled for n in range(first, last + 1)))
            out.append((feats, claim, "", ()))
    return out


def fit(matrix: numpy.ndarray, target: numpy.ndarray, steps: int) -> tuple[numpy.ndarray, float]:
    weights, bias = numpy.zeros(matrix.shape[1]), 0.0
    for _ in range(steps):
        error = 1.0 / (1.0 + numpy.exp(-(matrix @ weights + bias))) - target
        weights -= RATE * (matrix.T @ error / len(target) + L2 * weights)
        bias -= RATE * float(error.mean())
    return weights, bias


def export(names: list[str], weights: numpy.ndarray, bias: float) -> dict:
    kept = {n: round(float(w), 3) for n, w in zip(names, weights, strict=True) if abs(w) >= PRUNE}
    return {"bias": round(bias, 3), "weights": dict(sorted(kept.items()))}


def _matrix(examples: list[Example], column: dict[str, int]) -> numpy.ndarray:
    matrix = numpy.zeros((len(examples), len(column)))
    for row, (feats, _, _, _) in enumerate(examples):
        for f in feats:
            if f in column:
                matrix[row, column[f]] = 1.0
    return matrix


def narrowed(examples: list[Example], column: dict[str, int], weights, bias) -> list[Example]:
    """Each claim of several sentences as the one sentence the first model scores highest
    (multiple-instance learning): the model meets one sentence at a time on a page, and the
    features of a heading and its claim together are those of neither."""
    out = []
    for feats, claim, category, parts in examples:
        if parts:
            score = [bias + sum(weights[column[f]] for f in p if f in column) for p in parts]
            feats = parts[score.index(max(score))]
        out.append((feats, claim, category, ()))
    return out


def train(examples: list[Example]) -> dict:
    counts = Counter(f for feats, _, _, _ in examples for f in feats)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {n: i for i, n in enumerate(names)}
    claim = numpy.array([float(c) for _, c, _, _ in examples])
    first = fit(_matrix(examples, column), claim, CLAIM_STEPS)
    examples = narrowed(examples, column, *first)
    matrix = _matrix(examples, column)
    model = {"claim": export(names, *fit(matrix, claim, CLAIM_STEPS)), "categories": {}}
    rows = [i for i, (_, c, cat, _) in enumerate(examples) if c and cat]
    for category in sorted({examples[i][2] for i in rows}):
        target = numpy.array([float(examples[i][2] == category) for i in rows])
        model["categories"][category] = export(names, *fit(matrix[rows], target, CATEGORY_STEPS))
    model["trained_on"] = {
        "examples": len(examples),
        "claims": int(claim.sum()),
        "features": len(names),
    }
    return model


def claim_set_examples(folder: Path) -> list[Example]:
    """The helper-written claim sets (LABEL<TAB>TEXT; a claim of several categories is
    learnt as its first)."""
    out = []
    for path in sorted(folder.glob("*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            label, _, text = line.partition("\t")
            if not text.strip():
                continue
            if label.strip() == "pass":
                out += item(text, 0, "")
            else:
                out += item(text, 1, label.split(",")[0].strip())
    return out


def main() -> int:
    print(f"backoff_clusters.txt: {write_clusters()} words")
    detection = ROOT / "benchmarks/detection"
    examples = (
        claim_set_examples(detection / "claims")
        + [e for sub in sorted((detection / "pages").iterdir()) for e in page_examples(sub)]
        + probe_examples(ROOT / "tests/probes")
        + probe_examples(TRAINING)
        + rule_examples()
        + page_examples(ROOT / "tests/pages")
        + page_examples(TRAINING / "pages")
    )
    model = train(examples)
    out = model_path("claims")
    out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"{out.relative_to(ROOT)}: {model['trained_on']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
