"""Token-level helpers of the lexicon matcher: where a character range lies in tokens, which
whitespace joins words, which block segments hold a literal, and which phrases a "non-"
prefix negates. Pure functions over the arrays the matcher takes from a Doc."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.strings import hash_string
from spacy.symbols import IDS


def string_id(word: str) -> int:
    """The id spaCy gives a string in a token attribute (LOWER): its hash, except for the
    names of spaCy's own symbols ("root", "number", "det"...), which keep the symbol's id.
    Hashing those as any other word made phrases such as "root cause" never match."""
    return IDS.get(word) or hash_string(word)


_NON, _HYPHEN = string_id("non"), string_id("-")


def negated_by_prefix(lows: list[int], start: int) -> bool:
    """A phrase right after "non-" is its negation, not the phrase: "non-healing wounds" claim
    no healing ("non-addictive", a phrase of its own, starts at "non")."""
    return start >= 2 and lows[start - 1] == _HYPHEN and lows[start - 2] == _NON


def without_negated(
    lows: list[int], spans: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The phrase spans (label, start token, end token) that no "non-" prefix negates; a
    chunk without the word "non" keeps them all, untested (a page has hundreds)."""
    if _NON not in lows:
        return spans
    return [span for span in spans if not negated_by_prefix(lows, span[1])]


def joining_space(text: str, start: int, length: int, bounds: list[int]) -> bool:
    """Whitespace inside a block that joins words as a space does: at most one line break,
    and no block or gap starts in it (blank lines and block edges still end a phrase)."""
    end = start + length
    if text.count("\n", start, end) > 1:
        return False
    at = bisect_right(bounds, end - 1)
    return at == 0 or bounds[at - 1] < start


def segments_with(
    folded: str, literals: frozenset[str], bounds: list[int], edges: list[int]
) -> set[int]:
    """The segments whose text contains one of the literals (found in the folded text)."""
    found: set[int] = set()
    for literal in literals:
        at = folded.find(literal)
        while at >= 0:
            segment = bisect_right(bounds, at) - 1
            found.add(segment)
            at = folded.find(literal, edges[segment + 1])  # on to the next segment
    return found


def segments_with_all(
    folded: str,
    needs: tuple[frozenset[str], ...],
    bounds: list[int],
    edges: list[int],
    present: Callable[[str], bool] | None = None,
) -> list[int]:
    """The segments, in order, whose text meets every requirement (one of each requirement's
    literals): found for the first, then each segment tested for the rest. `present` says
    whether a literal is in the text at all (the caller's memo): a literal that is not is
    never searched for segment by segment."""
    if present is not None:
        needs = tuple(frozenset(filter(present, literals)) for literals in needs)
    found = segments_with(folded, needs[0], bounds, edges)
    for literals in needs[1:]:
        if not found:
            break
        found = {
            k
            for k in found
            if any(folded.find(literal, edges[k], edges[k + 1]) >= 0 for literal in literals)
        }
    return sorted(found)


def align(
    starts: list[int], lengths: list[int], begin: int, end: int
) -> tuple[int, int, int, int] | None:
    """A character range widened to whole tokens, as Doc.char_span(alignment_mode="expand"):
    (start char, end char, start token, end token), or None if it covers no token.

    Tokens tile the text, so the token holding a character is the last one starting at or
    before it; a range that starts in the whitespace after a token starts at the next one.
    """
    if begin >= end or not starts:
        return None
    first = bisect_right(starts, begin) - 1
    last = bisect_right(starts, end - 1) - 1
    if begin == starts[first] + lengths[first]:
        first += 1
    if first > last:
        return None
    return starts[first], starts[last] + lengths[last], first, last + 1
