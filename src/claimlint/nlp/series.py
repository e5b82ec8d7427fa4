"""Series that one cue governs: "not approved to diagnose, treat, cure or prevent", "cannot open
blocked tubes, correct a low count or treat endometriosis" (context.py asks, for a modifier
with `series: true`, whether a claim past a comma is still one of the cue's items)."""

from __future__ import annotations

import re

# What may stand between a series' first comma and the claim: single words, each after a comma,
# the last maybe after "and"/"or"/"nor" (", treat, " in "not approved to diagnose, treat, cure")
_SERIES_BEFORE = re.compile(
    r"(?:,\s*[\w-]+)*(?:,\s*(?:(?:and|or|nor)\s+)?|,?\s+(?:and|or|nor)\s+)", re.IGNORECASE
)
_SERIES_AFTER = re.compile(r"\s*,|\s+(?:and|or|nor)\s", re.IGNORECASE)
# A series of short verb phrases: items of up to six words, each after a comma, the last after
# "or"/"nor" ("cannot open blocked tubes, correct a low count or treat endometriosis")
_PHRASES_BEFORE = re.compile(
    r"(?:,\s*[\w'’-]+(?:\s+[\w'’-]+){0,5})*,?\s+(?:or|nor)\s+", re.IGNORECASE
)
_PHRASE_CLOSES = re.compile(r"(?:\s+[\w'’-]+){1,5}?\s+(?:or|nor)\s+[\w-]", re.IGNORECASE)


# A cue that is the determiner "no" denies a series of nouns joined by "or" ("no cure, quick fix
# or guarantee"); what "and" adds after its comma is a predicate of its own ("leaves no greasy
# film, and clears acne" claims the clearing).
_DETERMINER_CUE = re.compile(r"\bno\Z", re.IGNORECASE)
_AND_CLOSES = re.compile(r",?\s+and\s+\Z", re.IGNORECASE)


def in_series(text: str, start: int, begin: int, end: int) -> bool:
    """Is the one-word claim at text[begin:end] an item of a series of single words that runs
    on from before the first comma after `start` ("not intended to diagnose, treat, cure or
    prevent")? Such a comma joins the items one cue governs; a comma before anything longer ends
    the scope as usual ("no nausea, no headaches, no side effects"; "not cheap, it relieves
    pain"). Short verb phrases joined the same way, closed by "or"/"nor", are a series too
    ("cannot open blocked tubes, correct a low count or treat endometriosis"). A bare "no" as
    the cue governs no item that "and" adds."""
    comma = text.find(",", start, begin)
    if comma < 0:
        return False
    if _DETERMINER_CUE.search(text, max(0, start - 3), start) and _AND_CLOSES.search(
        text, comma, begin
    ):
        return False
    if not _SERIES_BEFORE.fullmatch(text, comma, begin):
        return _PHRASES_BEFORE.fullmatch(text, comma, begin) is not None  # the last phrase
    between = text[comma:begin].lower()
    closed = " or " in between or " and " in between or " nor " in between
    if closed or _SERIES_AFTER.match(text, end) is not None:
        return True
    return _PHRASE_CLOSES.match(text, end) is not None  # "..., correct a low count or ..."
