"""What the page promotes: product names claimlint has never heard of, found on the page.

A claim keeps its force when its subject is a brand or compound that no lexicon lists
("Serenaxin calms an anxious mind"). The matcher marks words outside the common English
vocabulary (nlp/vocabulary.py); a rare word is taken as a subject of the page when the page
gives it the weight of a name: it stands in the title or a heading, it is repeated, or it is
capitalised. Words covered by a `not-subject` hit (conditions, outcomes, the brain...) never
are: "depression" is what a product is sold against, not the product. Every occurrence of a
subject word then becomes a hit of the reserved lexicon `page-subject`, and of every lexicon
that extends it, so rules written for `treatment` see it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from claimlint.nlp.context import Extends, Hit
from claimlint.nlp.matcher import SUBJECT_LEXICON
from claimlint.nlp.rare_words import RARE, RARE_CAPITALISED
from claimlint.nlp.sentences import Sentence

EXCLUDED = "not-subject"  # reserved: hits of this lexicon are never page subjects
NAME_BLOCKS = frozenset({"title", "heading", "meta"})
MIN_REPEATS = 2
MAX_TERM_CHARS = 120
_RARE_LABELS = frozenset({RARE, RARE_CAPITALISED})


def page_subjects(
    text: str,
    sentences: Sequence[Sentence],
    hits: list[Hit],
    extends: Extends,
) -> tuple[list[Hit], list[str]]:
    """The hits with rare-word markers replaced by page-subject hits, and the subject words
    (most frequent first) for the explanation of findings."""
    kept, candidates, words, named = subject_candidates(text, sentences, hits, extends)
    if not candidates and len(kept) == len(hits):
        return kept, []
    counts = Counter(words)
    named.update(word for word, count in counts.items() if count >= MIN_REPEATS)
    ranked = sorted(named, key=lambda w: (-counts[w], w))
    return with_subjects(kept, candidates, words, named), ranked


def subject_candidates(
    text: str, sentences: Sequence[Sentence], hits: list[Hit], extends: Extends
) -> tuple[list[Hit], list[Hit], list[str], set[str]]:
    """The hits without rare-word markers, the rare words that may be subjects (hits and
    lowercased words), and those named as such by where they stand (capitalised, in a title
    or heading); repetition is counted by the caller, over the whole page."""
    rare: list[Hit] = []
    kept: list[Hit] = []
    for hit in hits:  # one pass: a page has hundreds of hits
        (rare if hit[0] in _RARE_LABELS else kept).append(hit)
    if not rare:
        return kept, [], [], set()
    never = extends.family(EXCLUDED)
    excluded = sorted((h[1], h[2]) for h in kept if h[0] in never)
    candidates = [h for h in rare if not _covered(h, excluded)]
    words = [text[h.start : h.end].lower() for h in candidates]
    named: set[str] = set()
    starts = [s.start for s in sentences]
    for hit, word in zip(candidates, words, strict=True):
        if hit.label == RARE_CAPITALISED or _kind_at(sentences, starts, hit.start) in NAME_BLOCKS:
            named.add(word)
    return kept, candidates, words, named


def with_subjects(
    kept: list[Hit],
    candidates: list[Hit],
    words: list[str],
    named: set[str] | frozenset[str],
) -> list[Hit]:
    """Every occurrence of a subject word becomes a hit of `page-subject` (and so of the
    lexicons that extend it)."""
    kept.extend(
        Hit(SUBJECT_LEXICON, *hit[1:])
        for hit, word in zip(candidates, words, strict=True)
        if word in named
    )
    return kept


def _covered(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    i = bisect_right(spans, (hit.start, float("inf"))) - 1
    while i >= 0 and spans[i][0] >= hit.start - MAX_TERM_CHARS:  # lexicon terms are short
        start, end = spans[i]
        if start <= hit.start and hit.end <= end:
            return True
        i -= 1
    return False


def _kind_at(sentences: Sequence[Sentence], starts: list[int], offset: int) -> str:
    index = bisect_right(starts, offset) - 1
    return sentences[index].kind if index >= 0 else ""
