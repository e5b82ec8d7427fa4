"""What a rule's `gaps` ask of the text between two of its hits (packs: Match.gaps).

A gap's pattern must match the whole text between two consecutive `all` hits; the words of
each capture group must then be words of the `lookup` lexicons its group names (`in`) and of
none of those it excludes (`not`). So a rule can say "a product, then a verb of any kind,
then a condition" with the verb looked up in a word list that is never matched in the text
(a list of thousands of verb forms would otherwise make a hit of every other word).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from claimlint.packs import Lexicon
from claimlint.packs.linear_regex import LinearRegex, compile_trusted, narrow_safe
from claimlint.packs.model import Gap, GapGroup, Match

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.context import Hit, SentenceHits

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
MAX_HELD, MAX_HELD_CHARS = 8192, 200  # holds() answers kept, for texts up to this long


class WordList:
    """`lookup` lexicons as a word set (lower case), with what they extend; with `lemma`, a
    word's regular inflections count as it ("cools", "drained", "steadies"); and regexes a
    word may match whole ("remineralizes")."""

    __slots__ = ("words", "patterns", "lemma")

    def __init__(self, lexicons: Mapping[str, Lexicon], name: str) -> None:
        words: set[str] = set()
        patterns: list[LinearRegex] = []
        lemma = True
        stack, seen = [name], set()
        while stack:
            lexicon = lexicons[stack.pop()]
            if lexicon.name in seen:
                continue
            seen.add(lexicon.name)
            words.update(term.lower() for term in lexicon.terms)
            patterns += [
                compile_trusted(p, not lexicon.case_sensitive_regex) for p in lexicon.regex
            ]
            lemma = lemma and lexicon.lemma
            stack.extend(lexicon.extends)
        self.words, self.patterns, self.lemma = frozenset(words), tuple(patterns), lemma

    def __contains__(self, word: str) -> bool:
        words = self.words
        if word in words or (self.lemma and any(stem in words for stem in _stems(word))):
            return True
        return any(p.whole(word) is not None for p in self.patterns)


def _stems(word: str) -> list[str]:
    """What a regular inflection may be the form of: "cools" cool, "eased" ease, "steadies"
    steady, "knitted" knit, "calming" calm."""
    found = []
    for ending, replacements in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)]
            found += [base + r for r in replacements]
            if ending in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                found.append(base[:-1])  # "knitted", "stopping"
    return found


_ENDINGS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
)


class GapChecker:
    """Checks gap text against a rule's gaps; word lists are built on first use."""

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        self._lexicons = lexicons
        self._lists: dict[str, WordList] = {}
        self._tests: dict[tuple[str, ...], Callable[[str], bool]] = {}
        # holds() answers by gap and text: a rule tries each anchor against the same few hits
        # (24,000 questions on 400 pages, 3,000 of them different). The gap is kept with its
        # answer, so that its id cannot be another gap's.
        self._held: dict[tuple[int, str], tuple[Gap, bool]] = {}

    def word_test(self, names: tuple[str, ...]) -> Callable[[str], bool]:
        """Is a word in one of these `lookup` lexicons? The gaps' own lists, built once and
        shared: a `shared_subject` series (predicates.py) reads the verbs CL143's gaps read."""
        test = self._tests.get(names)
        if test is None:  # asked for every sentence a rule reads: made once per names
            lists = [self._list(name) for name in names]
            test = self._tests[names] = lambda word: any(word in wl for wl in lists)
        return test

    def _list(self, name: str) -> WordList:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = WordList(self._lexicons, name)
        return found

    def holds(self, gap: Gap, text: str) -> bool:
        """Does one of the gap's patterns match the text whole, with its groups' words
        fitting? (A regex gives one reading of the text: "latte douses" is a verb and a word
        after it to one pattern, a name word and a verb to the next.)"""
        if len(text) > MAX_HELD_CHARS:
            return self._holds(gap, text)
        key = (id(gap), text)
        found = self._held.get(key)
        if found is not None and found[0] is gap:
            return found[1]
        if len(self._held) >= MAX_HELD:
            self._held.clear()
        answer = self._held[key] = (gap, self._holds(gap, text))
        return answer[1]

    def _holds(self, gap: Gap, text: str) -> bool:
        return any(self._reading_fits(gap, pattern, text) for pattern in gap.patterns())

    def _reading_fits(self, gap: Gap, pattern: str, text: str) -> bool:
        # the cheap narrow program where it finds the same (most gaps are plain ASCII)
        groups = compile_trusted(pattern, narrow=narrow_safe(text)).whole(text)
        if groups is None:
            return False
        for group, captured in zip(gap.groups, groups, strict=False):
            if captured and not self._words_fit(group, captured):
                return False
        return True

    def _words_fit(self, group: GapGroup, captured: str) -> bool:
        for match in _WORD.finditer(captured):
            word = match.group().lower().replace("’", "'")
            if group.within and not any(word in self._list(n) for n in group.within):
                return False
            if any(word in self._list(n) for n in group.not_in):
                return False
        return True

    def arrange(
        self,
        get: Callable[[int, str], list[Hit]],
        index: int,
        match: Match,
        anchor_name: str | None,
        claim: Hit,
        sh: SentenceHits,
    ) -> dict[int, Hit] | None:
        """The `all` classes (by position) chosen outward from the anchor, each the nearest
        hit to its neighbour whose gap (the text between them) the rule's `gaps` accept; the
        first must leave a sentence opening that `before` accepts, the last an ending that
        `after` accepts. None when no choice does."""
        if anchor_name not in match.all:
            return None
        text, sentence = sh.text, sh.sentences[index]
        gaps, holds = match.gaps, self.holds
        last = len(match.all) - 1
        position = match.all.index(anchor_name)

        def opening_fits(hit: Hit) -> bool:
            return not match.before or holds(match.before, text[sentence.start : hit.start])

        def ending_fits(hit: Hit) -> bool:
            return not match.after or holds(match.after, text[hit.end : sentence.end])

        if (position == 0 and not opening_fits(claim)) or (
            position == last and not ending_fits(claim)
        ):
            return None
        placed = {position: claim}
        for i in range(position + 1, len(match.all)):
            left = placed[i - 1]
            options = [h for h in get(index, match.all[i]) if h.start >= left.end]
            if i - 1 < len(gaps):
                options = [h for h in options if holds(gaps[i - 1], text[left.end : h.start])]
            if i == last:
                options = [h for h in options if ending_fits(h)]
            if not options:
                return None
            placed[i] = min(options, key=lambda h: (h.start, -h.end))
        for i in range(position - 1, -1, -1):
            right = placed[i + 1]
            options = [h for h in get(index, match.all[i]) if h.end <= right.start]
            if i < len(gaps):
                options = [h for h in options if holds(gaps[i], text[h.end : right.start])]
            if i == 0:
                options = [h for h in options if opening_fits(h)]
            if not options:
                return None
            placed[i] = max(options, key=lambda h: (h.end, -h.start))
        del placed[position]
        return placed
