"""Words outside the common vocabulary: candidate product names, and misspellings.

A word the 10,000 most common English words do not hold may name what the page sells
("NeuroVive", "BPC-157"), or be a word misspelt (misspellings.py reads the lower-case ones).
"""

from __future__ import annotations

import re

from claimlint.nlp.regex_hits import RawHit
from claimlint.nlp.token_spans import string_id

RARE, RARE_CAPITALISED = "@rare", "@rare-cap"  # words outside the common vocabulary
MIN_RARE_LENGTH = 4
ACRONYM_LENGTH = 3  # a three-letter word is rare only in capitals: "RLT" (not "zap")
MAX_KNOWN = 50_000  # derived() answers kept (a 2,000-page site has ~12,000 rare words)
DERIVING_PREFIXES = ("un", "non", "re", "pre", "mis", "dis", "over", "under", "semi", "anti")
_ROMAN = re.compile(r"III|VII|XII|XIV|XVI|XIX|XXI|XXV|XXX")  # "Schedule III": a number, not a name
_CODE = re.compile(r"[A-Za-z]{2,}[-+]?\d{1,5}[A-Za-z]?")


def rare_words(  # noqa: ANN001 - numpy arrays
    common,
    array,
    text: str,
    starts: list[int],
    lengths: list[int],
    known: dict[str, bool] | None = None,
) -> list[RawHit]:
    """Words outside `common` (sorted hashes), vectorised over the doc's array of LOWER, IDX,
    LENGTH, IS_SPACE, IS_ALPHA, IS_DIGIT, IS_PUNCT, LIKE_NUM; `text` is the doc's text
    (Doc.text would rebuild it). `known` keeps derived()'s answers by word, for this `common`
    (a site's rare words recur on every page)."""
    if known is None:
        known = {}
    elif len(known) > MAX_KNOWN:
        known.clear()
    import numpy

    at = numpy.minimum(numpy.searchsorted(common, array[:, 0]), len(common) - 1)
    long = array[:, 2] >= MIN_RARE_LENGTH
    short = array[:, 2] == ACRONYM_LENGTH
    rare = (array[:, 4] == 1) & (long | short) & (common[at] != array[:, 0])
    # A three-letter word is a candidate name only in capitals ("RLT", "PRP"): a treatment
    # named by its initials. In lower case it is a word or a typo too short to read as one.
    # Initials in brackets only abbreviate the name before them ("replacement therapy (TRT)").
    for i in numpy.flatnonzero(rare & short).tolist():
        begin = starts[i]
        word = text[begin : begin + ACRONYM_LENGTH]
        rare[i] = word.isupper() and text[begin - 1 : begin] != "(" and not _ROMAN.fullmatch(word)
    # Product codes: letters and digits in one token ("BPC-157", "TB-500", "GLP-1"):
    # not alphabetic, and no digit, punctuation, space or number-like token.
    mixed = long & (array[:, 4] == 0) & (array[:, [3, 5, 6, 7]].sum(axis=1) == 0)
    for i in numpy.flatnonzero(mixed).tolist():
        rare[i] = product_code(text[starts[i] : starts[i] + lengths[i]])
    for i in numpy.flatnonzero(rare & (array[:, 4] == 1)).tolist():
        if text[starts[i]].islower():  # "ReCalm" may be a brand; "recalm" is a word
            word = text[starts[i] : starts[i] + lengths[i]]
            found = known.get(word)
            if found is None:
                found = known[word] = derived(common, word)
            rare[i] = not found
    return [
        (
            RARE_CAPITALISED if text[starts[i]].isupper() else RARE,  # "NeuroVive", "NAD"
            starts[i],
            starts[i] + lengths[i],
            i,
            i + 1,
        )
        for i in numpy.flatnonzero(rare).tolist()
    ]


def derived(common, word: str) -> bool:  # noqa: ANN001 - a numpy array
    """A common word with a negating or repeating prefix ("untreated", "nonsurgical",
    "reapply"): an ordinary word, not a name, whatever its own frequency."""
    lower = word.lower()
    for prefix in DERIVING_PREFIXES:
        rest = lower[len(prefix) :].lstrip("-")
        if lower.startswith(prefix) and len(rest) >= 4:
            key = string_id(rest)
            at = int(common.searchsorted(key))
            if at < len(common) and common[at] == key:
                return True
    return False


def product_code(word: str) -> bool:
    """A name made of letters then digits, as peptides and compounds are named ("BPC-157",
    "CJC-1295", "TB500", "GLP-1"): a candidate subject though no dictionary lists it."""
    return _CODE.fullmatch(word) is not None
