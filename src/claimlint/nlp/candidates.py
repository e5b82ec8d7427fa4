"""Which sentences of a page a rule can fire on, cheaply, before match_sentence reads them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimlint.nlp.context import SentenceHits
from claimlint.packs import Match


def candidate_sentences(sh: SentenceHits, match: Match, anchor: str | None) -> Sequence[int]:
    """The sentences a rule can fire on: those holding its anchor class (or one of its `any`
    or `start` classes), in order; a page has dozens of sentences and few hold a claim."""
    if anchor:
        return sh.where(anchor)
    names = match.any or match.start
    if names:
        return sorted({index for name in names for index in sh.where(name)})
    return range(len(sh.sentences))


def possible_test(match: Match) -> Callable[[frozenset[str]], bool]:
    """Whether a sentence's labels (parents included) hold every `all` class and one `any` and
    `start` class: the cheap part of match_sentence, as set operations in C (it is asked for
    every candidate sentence of every rule)."""
    need_all = frozenset(match.all)
    need_any = frozenset(match.any or match.start)
    need_start = frozenset(match.start) if match.any else frozenset()
    if not need_any:
        return need_all.issubset
    if not need_start:
        return lambda present: need_all <= present and not need_any.isdisjoint(present)
    return lambda present: (
        need_all <= present
        and not need_any.isdisjoint(present)
        and not need_start.isdisjoint(present)
    )
