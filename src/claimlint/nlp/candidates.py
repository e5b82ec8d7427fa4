"""Which sentences of a page a rule can fire on, cheaply, before match_sentence reads them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimlint.nlp.context import Hit, SentenceHits
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


def unmasked(sh: SentenceHits, mask: tuple[str, ...]) -> Callable[[int, str], list[Hit]]:
    """sh.hits without the hits that lie inside a hit of a `mask` class: a span-local exclusion
    ("absorbed" inside "absorbed through the skin"), where `none` would silence the sentence."""

    covering: dict[int, list[Hit]] = {}  # the mask's hits by sentence, asked once each

    def hits(index: int, label: str) -> list[Hit]:
        found = sh.hits(index, label)
        if not found:
            return found
        covers = covering.get(index)
        if covers is None:
            present = sh.present[index] if 0 <= index < len(sh.present) else frozenset()
            covers = covering[index] = (
                [] if present.isdisjoint(mask) else [c for n in mask for c in sh.hits(index, n)]
            )
        if not covers:
            return found
        return [h for h in found if not any(c.start <= h.start and h.end <= c.end for c in covers)]

    return hits
