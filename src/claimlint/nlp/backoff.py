"""A small statistical backstop for claims that no rule's structure matched.

Rules stay the backbone: they name the structure of a claim and its exemptions. A page still
says things in shapes no rule was written for ("the one therapy that reaches every cell"), so a
model rule (a rule with `backoff:` instead of `match:`) scores each sentence that no other rule
flagged with a logistic model over what the rules already see: the lexicon classes present in
the sentence (their `extends` parents included), its words, its block kind and a few shapes
(a digit, a percent sign, a question mark). A second set of weights per category says which
kind of claim the sentence reads as; the rule fires when the score reaches its threshold and
the category is its own, and the finding still passes the rule's `unless` modifiers (negated,
hedged, cited, asked...) like any other.

The weights are data: ``backoff_<name>.json`` beside this module, written by
``scripts/train_backoff.py`` from the project's own labelled text (rule examples, probe sets,
test pages), deterministically. Scoring is pure Python over a few dozen features a sentence.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

_WORD = re.compile(r"[a-z]+")
INTERNAL = ("@", "not-in-")  # matcher bookkeeping classes, not vocabulary: never features


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: dict[str, float]

    def logit(self, features: Iterable[str]) -> float:
        # map, not a generator: the same additions in the same order, at half the cost
        return self.bias + sum(map(self.weights.get, features, repeat(0.0)))


@dataclass(frozen=True)
class Model:
    """A claim/not-claim model and, for claims, one set of weights per category."""

    claim: Weights
    categories: dict[str, Weights]

    def probability(self, features: set[str]) -> float:
        z = self.claim.logit(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def category(self, features: set[str]) -> str:
        return max(self.categories, key=lambda c: self.categories[c].logit(features))

    def reasons(self, features: set[str], limit: int = 4) -> list[str]:
        """The features that pushed the score up most, in words a reviewer can check."""
        get = self.claim.weights.get
        words = [f for f in features if f[0] in "LW" and get(f, 0.0) > 0]  # not kind or shape
        ranked = sorted(words, key=lambda f: (-get(f, 0.0), f))
        return [describe(f) for f in ranked[:limit]]


def model_path(name: str) -> Path:
    return Path(__file__).with_name(f"backoff_{name}.json")


@cache
def load_model(name: str) -> Model:
    """The named model, read once a process (a few hundred KB of JSON)."""
    data = json.loads(model_path(name).read_text("utf-8"))

    def weights(part: dict) -> Weights:
        return Weights(part["bias"], part["weights"])  # JSON numbers are floats already

    return Model(
        weights(data["claim"]), {c: weights(p) for c, p in sorted(data["categories"].items())}
    )


CLUSTERS = Path(__file__).with_name("backoff_clusters.txt")
CLUSTER_WORDS = 20_000  # the most probable words get a cluster; rarer words only their own


@cache
def clusters() -> dict[str, int]:
    """Brown clusters of common words (spaCy's en_lexeme_cluster), from the shipped extract:
    words used the same way share a cluster ("restores" and "eases"), so a claim made with a
    verb the training text never used still weighs as its neighbours do."""
    lines = CLUSTERS.read_text("utf-8").splitlines()[1:]
    return {word: int(c) for word, _, c in (line.partition(" ") for line in lines)}


def write_clusters(path: Path = CLUSTERS) -> int:
    """Extract the clusters of the CLUSTER_WORDS most probable words (a maintainer's step,
    run by scripts/train_backoff.py; the full table is 6.6 MB and a million entries)."""
    from spacy.lookups import load_lookups
    from spacy.strings import hash_string

    from claimlint.inputs.files import atomic_write
    from claimlint.nlp.vocabulary import computed_common, table_digest

    table = load_lookups("en", ["lexeme_cluster"]).get_table("lexeme_cluster")
    found = [(w, table.get(hash_string(w), 0)) for w in computed_common(CLUSTER_WORDS)]
    rows = [f"{w} {c}" for w, c in sorted(found) if c]
    text = f"# en_lexeme_cluster of the words of en_lexeme_prob {table_digest()}\n"
    atomic_write(path, (text + "\n".join(rows) + "\n").encode("utf-8"))
    return len(rows)


CLUSTER_BITS = (6, 10, 14)


_DIGIT = re.compile(r"\d")
MAX_CACHED = 50_000  # words and labels whose features are kept (then the caches start over)
_WORD_FEATURES: dict[str, tuple[str, ...]] = {}
_LABEL_FEATURES: dict[str, str] = {}


def features(text: str, labels: Iterable[str], kind: str) -> set[str]:
    """A sentence's features: its lexicon classes, words, block kind and shapes."""
    found = {"K:" + kind}
    for label in labels:
        feature = _LABEL_FEATURES.get(label)
        if feature is None:
            feature = "" if label.startswith(INTERNAL) else "L:" + label
            _remember(_LABEL_FEATURES, label, feature)
        if feature:
            found.add(feature)
    for word in set(_WORD.findall(text.lower())):
        of_word = _WORD_FEATURES.get(word)
        if of_word is None:
            of_word = _word_features(word)
            _remember(_WORD_FEATURES, word, of_word)
        found.update(of_word)
    if _DIGIT.search(text):
        found.add("S:digit")
    if "%" in text:
        found.add("S:percent")
    if text.rstrip().endswith("?"):
        found.add("S:question")
    return found


def _word_features(word: str) -> tuple[str, ...]:
    """A word's own feature and its cluster's, at each depth."""
    cluster = clusters().get(word)
    if not cluster:
        return ("W:" + word,)
    return ("W:" + word, *(f"C{k}:{cluster & ((1 << k) - 1)}" for k in CLUSTER_BITS))


def _remember(cache: dict, key: str, value: object) -> None:
    if len(cache) >= MAX_CACHED:  # bounded: a site of invented words never grows it further
        cache.clear()
    cache[key] = value


def describe(feature: str) -> str:
    kind, _, value = feature.partition(":")
    return {
        "L": f"the {value} class",
        "W": f'the word "{value}"',
        "K": f"a {value}",
        "S": f"a {value}",
    }.get(kind, feature)
