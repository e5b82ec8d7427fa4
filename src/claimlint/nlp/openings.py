"""Where a sentence's claim may open: its first word, or the word after a leading label, a
leading word and a comma, or a leading certainty. Rules' `start` classes and modifiers whose
cue must open the sentence (an instruction's verb) read these offsets."""

from __future__ import annotations

import re


def first_word(text: str, pos: int, end: int) -> int:
    """The offset of the first letter or digit at or after pos (end if none)."""
    while pos < end and not text[pos].isalnum():
        pos += 1
    return pos


def openings(text: str, start: int, end: int, certainty: bool = False) -> list[int]:
    """Where a sentence's first word starts, the first word after a leading label ("Speed:
    relief in hours", "BDNF and Neuroplasticity: Rebuilding..."), the word after one leading
    word and a comma ("Fast, lasting relief", "Yes, relief comes fast") and the verb after a
    leading certainty ("Guaranteed to sharpen your memory", "Proven to calm a racing mind"),
    with `certainty`: the fragment states the outcome, the certainty only adds a guarantee
    (a rule's `start`; a modifier's opening cue, such as an instruction's verb, is not moved)."""

    found = [first_word(text, start, end)]
    lead = _LEADING_WORD.match(text, found[0], end)
    if not lead and certainty:
        lead = _LEADING_CERTAINTY.match(text, found[0], end)
        if lead:  # "to calm" opens as well as "calm"
            found.append(lead.start(1))
        else:  # a result's moment before it: "Finally off my ibuprofen", "Already down 20 lb"
            lead = _LEADING_MOMENT.match(text, found[0], end)
    if lead:
        found.append(first_word(text, lead.end(), end))
    rating = _LEADING_RATING.match(text, found[0], end)  # a review's title after its stars
    if rating:
        found.append(first_word(text, rating.end(), end))
        moment = _LEADING_MOMENT.match(text, found[-1], end) if certainty else None
        if moment:
            found.append(first_word(text, moment.end(), end))
    colon = text.find(":", start, min(end, start + 60))
    if colon > 0:
        found.append(first_word(text, colon + 1, end))
    # a short label before a spaced dash: "728 Hz – dissolves tumors", "Week 2 - sleeping again"
    dash = _LEADING_DASH_LABEL.match(text, start, end)
    if dash:
        found.append(first_word(text, dash.end(), end))
    return found


_LEADING_DASH_LABEL = re.compile(r"[ \t]*(?:[^\s–—-]+[ \t]+){0,3}[^\s–—-]+[ \t]+[–—-][ \t]+")
_LEADING_WORD = re.compile(r"[^\W\d_][\w'’-]{0,20},[ \t]+")
_LEADING_RATING = re.compile(
    r"\d(?:\.\d)?[ \t]*(?:out[ \t]+of|/)[ \t]*5(?:\.0)?[ \t]+stars?[ \t]+", re.I
)
_LEADING_MOMENT = re.compile(r"(?:finally|already|at[ \t]+last|now[ \t]+finally)[ \t]+", re.I)
_LEADING_CERTAINTY = re.compile(
    r"(?:(?:clinically|scientifically|medically)[ \t]+)?"
    r"(?:guaranteed|proven|sure|certain|bound)[ \t]+(to)[ \t]+",
    re.I,
)
