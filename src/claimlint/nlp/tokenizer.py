"""claimlint's English tokenizer: a blank spaCy pipeline that splits citation markers off words.

Shared by the matcher (compiling terms and tokenizing chunks) and by the inflection table's
generator, which must split terms exactly as running text is split.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

CITATION_INFIXES = (
    r"(?<=\w)(?=[.!?]\[)",  # "relief.[1]": word, period, marker
    r"(?<=[.!?\w])(?=\[\^?\w)",
    r"(?<=\w)(?=[¹²³⁴⁵⁶⁷⁸⁹⁰])",
    # a <sup> footnote number read as digits after the full stop, at the end of a block ("in
    # most men.3"): a word, its full stop, the marker, each a token of its own
    r"(?<=[a-z]{2})(?=\.\d{1,3}(?:[,–-]\d{1,3})*$)",
    r"(?<=[a-z]{2}\.)(?=\d{1,3}(?:[,–-]\d{1,3})*$)",
)
# A sentence's full stop after a code that ends in a digit and a capital ("lowers your A1C."):
# spaCy keeps it on the word, as for an abbreviation, so "A1C" would never match.
CODE_SUFFIXES = (r"(?<=[0-9][A-Z])\.",)


@lru_cache(maxsize=1)
def _english_class() -> type[Language]:
    from spacy.lang.en import English

    class ClaimlintEnglish(English):
        """English whose tokenizer also splits citation markers off words ("relief.[1]",
        "relief¹") and a full stop off a code ("A1C."), as writers mean them. Built in one
        go: replacing a blank pipeline's infixes afterwards rebuilds its tokenizer's special
        cases, a second cost."""

        lang = "en"

        class Defaults(English.Defaults):
            infixes = [*English.Defaults.infixes, *CITATION_INFIXES]
            suffixes = [*English.Defaults.suffixes, *CODE_SUFFIXES]

    return ClaimlintEnglish


def english() -> Language:
    """A blank English pipeline with claimlint's tokenizer."""
    return _english_class()()


def term_words(nlp: Language, term: str, special: frozenset[str] | None = None) -> list[str]:
    """A term's lower-cased tokens, split exactly as the tokenizer splits running text.

    Plain words need no tokenizer (and no vocabulary entry): a run of letters is one token
    unless it is one of the tokenizer's special cases ("cannot").
    """
    if special is None:
        special = frozenset(nlp.tokenizer.rules)
    lowered = term.lower()
    parts = lowered.split()
    if parts and all(p.isalpha() and p not in special for p in parts):
        return parts
    return [t.lower_ for t in nlp.make_doc(term) if not t.is_space]
