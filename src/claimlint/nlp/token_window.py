"""Where a lexicon's token patterns can match at all, read off their fixed words.

spaCy's Matcher walks every token of a chunk with every pattern, so when each pattern opens
with one of a few words it runs only on the short windows that open with one. Openers such as
"the" and "more" start a window every few tokens, and most of those windows lack the words the
patterns need further on ("than" two tokens later): those are passed over without a Matcher
call, which costs more than the test. The test only rules windows out where no pattern can
match, so the matches are the same.
"""

from __future__ import annotations

from spacy.strings import get_string_id

from claimlint.nlp.token_spans import string_id

# A token a pattern needs at a fixed offset from its start: the offset, the LOWER hashes, and
# whether those are the words it must not be (NOT_IN) rather than one it must be.
Check = tuple[int, frozenset[int], bool]


class TokenWindow:
    """What every token pattern of a Matcher opens with (LOWER hashes) and how many tokens the
    longest one spans: enough to match short windows only. Built pattern by pattern;
    with_patterns returns None once a pattern has no fixed opening word or length."""

    def __init__(
        self,
        openers: frozenset[int] = frozenset(),
        width: int = 0,
        fixed: tuple[tuple[Check, ...], ...] = (),
    ) -> None:
        self.openers = openers
        self.width = width
        self.fixed = fixed  # each pattern's fixed_words, one of which a match must meet

    def with_patterns(self, patterns: list[list[dict]]) -> TokenWindow | None:
        openers, width, fixed = set(self.openers), self.width, list(self.fixed)
        for pattern in patterns:
            words = _opening_words(pattern[0]) if pattern else None
            if words is None or any(t.get("OP", "1") not in ("1", "?", "!") for t in pattern):
                return None
            openers.update(string_id(w.lower()) for w in words)
            width = max(width, len(pattern))
            fixed.append(fixed_words(pattern))
        return TokenWindow(frozenset(openers), width, tuple(fixed))

    def may_match(self, lows: list[int], start: int) -> bool:
        """Whether some pattern can match from token `start` (lows: each token's LOWER): its
        fixed words are all in place."""
        end = len(lows)
        for checks in self.fixed:
            for offset, words, negated in checks:
                at = start + offset
                if at >= end or (lows[at] in words) is negated:
                    break
            else:
                return True
        return False


def fixed_words(pattern: list[dict]) -> tuple[Check, ...]:
    """The LOWER words (IN, NOT_IN, or one string) a pattern needs at each offset, up to its
    first token that is not exactly one (OP "?" or "!"): after it, offsets shift. Other
    predicates are left to the Matcher."""
    checks: list[Check] = []
    for offset, token in enumerate(pattern):
        if token.get("OP", "1") != "1":
            break
        for attr, value in token.items():
            if str(attr).upper() != "LOWER":
                continue
            if isinstance(value, str):  # the ids the Matcher compares, as it makes them
                checks.append((offset, frozenset([get_string_id(value)]), False))
            elif isinstance(value, dict):
                for kind, words in value.items():
                    negated = str(kind).upper() == "NOT_IN"
                    if (negated or str(kind).upper() == "IN") and _strings(words):
                        checks.append((offset, frozenset(map(get_string_id, words)), negated))
    return tuple(checks)


def _strings(words: object) -> bool:
    return isinstance(words, list) and all(isinstance(w, str) for w in words)


def _opening_words(token: dict) -> list[str] | None:
    """The words a pattern's first token must be (any case), or None if it may be others."""
    if token.get("OP", "1") != "1":
        return None
    for attr, value in token.items():
        if str(attr).upper() not in ("LOWER", "ORTH", "TEXT"):
            continue
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and set(map(str.upper, value)) == {"IN"}:
            words = next(iter(value.values()))
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                return words
    return None
