"""A subject shared by a series of predicates (a rule's `shared_subject`).

"Ozone therapy speeds up recovery, improves symptoms and circulation, and protects the liver"
claims each predicate of ozone therapy, though the last stands far past a rule's `within`. Such
a rule measures its distance from the subject to the predicate that holds its other hits, when
each predicate between them opens with a verb (after an adverb or an auxiliary) of the same
inflection as the first, or a participle; the predicates are joined by commas; and nothing
else stands between: no full stop, colon, semicolon, bracket, quote or dash, and no second
subject ("Ketamine, which the FDA approved in 1970, relieves..."). Pure Python over the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.context import Hit
    from claimlint.packs import Match

# A comma that joins two predicates, with the conjunction of the last ("..., and protects").
_COMMA = re.compile(r",\s*(?:(?:and|or|then|plus|while\s+also|and\s+also)\s+)?", re.IGNORECASE)
# What may come before a predicate's verb: adverbs ("gently yet reliably"), an auxiliary.
_LEAD = re.compile(
    r"\s*(?:(?:[a-z]+ly|also|even|then|often|still|yet|and|will|can|does|do|helps?\s+to|helps?)"
    r"\s+){0,3}",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(r"\b(?:will|can|does|do|helps?)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_STOP = re.compile(r"[.;:!?()\[\]\"“”—–]")
_TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_PREDICATES = 6  # a longer run of commas is a list, not a series of predicates


def _verb(text: str, start: int, is_verb: Callable[[str], bool]) -> str | None:
    """The form of the verb the predicate at `start` opens with (after adverbs): -s, -ed, -ing,
    "aux" after an auxiliary ("will sharpen"), or "base" (no finite predicate); None for none."""
    lead = _LEAD.match(text, start)
    end = lead.end() if lead else start
    word = _WORD.match(text, end)
    if word is None or not is_verb(word.group().lower()):
        return None
    if lead and _AUXILIARY.search(text, start, end):
        return "aux"
    return _form(word.group().lower())


_BE = frozenset({"am", "is", "are", "was", "were", "be", "been"})


def _form(verb: str) -> str:
    """A verb's inflection, as far as its ending shows: -ing, -s, -ed or the base; "be" for
    its forms, whose predicates ("are sold as able to ...") take no series of base forms."""
    if verb in _BE:
        return "be"
    if verb.endswith("ing"):
        return "ing"
    if verb.endswith("s") and not verb.endswith("ss"):
        return "s"
    return "ed" if verb.endswith("ed") else "base"


def predicate_start(
    text: str, subject_end: int, begin: int, is_verb: Callable[[str], bool]
) -> int | None:
    """Where the predicate holding `begin` starts, when the text from the subject's end to
    `begin` is a series of predicates joined by commas, each opening with a verb; else None."""
    if _STOP.search(text, subject_end, begin):
        return None
    commas = list(_COMMA.finditer(text, subject_end, begin))
    if not commas or len(commas) > MAX_PREDICATES:
        return None
    starts = [subject_end] + [m.end() for m in commas]
    forms = [_verb(text, s, is_verb) for s in starts]
    if any(f is None for f in forms):
        return None
    # the predicates of one subject agree ("speeds up ..., improves ..., and protects", "taste
    # ..., travel ..., and ease"), an auxiliary may carry one ("..., and will sharpen"), or a
    # participle states the result ("..., improving their quality of life"); "comes from its
    # ability to reduce ..., manage ..., and improve" and "are sold as able to soothe ..., lift
    # ..., and calm" list what an ability is said to do
    first = forms[0]
    if first == "ing":
        return None
    if any(f not in (first, "aux", "ing") for f in forms[1:]):
        return None
    return starts[-1]


def predicate_tokens(
    text: str,
    subject: tuple[int, int, int],
    rest_start: int,
    rest_end: int,
    is_verb: Callable[[str], bool],
) -> int | None:
    """The tokens a match spans when its subject (start, end, tokens) and the hits from
    `rest_start` to `rest_end` are one predicate of a series apart: the subject's tokens and
    those of that predicate up to the last hit; None when they are not."""
    start = predicate_start(text, subject[1], rest_start, is_verb)
    if start is None:
        return None
    return subject[2] + len(_TOKEN.findall(text, start, rest_end))


def series_within(
    text: str,
    chosen: Sequence[Hit],
    picked: Sequence[str | None],
    match: Match,
    is_verb: Callable[[str], bool],
) -> bool:
    """Do a match's other hits lie in one predicate of a series whose subject is its first hit,
    picked for the rule's first `all` class, within `match.within` tokens with the predicates
    between them skipped? (`picked`: the class each chosen hit was picked for.)"""
    order = sorted(range(len(chosen)), key=lambda k: chosen[k].start)
    first = order[0]
    if not match.all or first >= len(picked) or picked[first] != match.all[0]:
        return False
    subject, rest = chosen[first], [chosen[k] for k in order[1:]]
    if not rest or min(h.start for h in rest) < subject.end:
        return False
    tokens = predicate_tokens(
        text,
        (subject.start, subject.end, subject.token_end - subject.token_start),
        min(h.start for h in rest),
        max(h.end for h in rest),
        is_verb,
    )
    return tokens is not None and tokens <= match.within


__all__ = ["MAX_PREDICATES", "predicate_start", "predicate_tokens", "series_within"]
