"""Sentence boundaries: every block is its own sentence span, split inside at end punctuation.

Pure Python regexes over the prose (no per-token loop): a boundary is sentence-final
punctuation (with any closing quotes, brackets or citation markers) followed by white space and
something that does not continue a sentence, unless the word before the period is a known
abbreviation ("Dr.", "e.g.", "et al.", "vs.", "approx.") or an initial.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from claimlint.inputs.positions import Block
from claimlint.inputs.readers.common import REFERENCE_FIELDS

ABBREVIATIONS = frozenset(
    """dr mr mrs ms prof sr jr st mt vs v etc e.g i.e eg ie al approx ca cf fig figs no nos
    inc ltd co corp dept est min max mg ml mcg hr hrs wk wks mo yr yrs jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k ph.d m.d d.o r.n n.p
    a.m p.m rev gen col lt sgt assn univ vol pp ed eds avg wt reg
    f.d.a u.s.a f.t.c d.e.a n.i.h c.d.c u.s.d.a e.u
    dra dres dras sra srta lic av ud uds""".split()
)
# A match starts only where a run of end punctuation starts and takes the run whole
# (possessive), so a run of 40,000 full stops is one attempt, not 40,000 that each rescan it.
# The first character is matched before the look-behind (which then reads it and the one
# before it), so that the pattern opens with a character class: re then skips ahead to the next
# end punctuation instead of trying the look-behind at every character (7x faster).
# A label's note sign ("memory retention.*", "†") closes a sentence as a citation marker does. A
# footnote number a page set in <sup> reads as plain digits after the full stop ("blood
# pressure.1,5 Ketamine can..."): after a lower-case word's full stop, digits that a capital
# follows end the sentence too ("3.5 mg" has a digit before its point, "p.5 of" no capital after,
# "No.1 Clinic" and "Ch.2" a capital before). The closers are taken possessively: none is white
# space, so giving one back can never let the look-ahead match, and a run of 40 "*" or "†" that
# fails it is one attempt, not 2^40.
_END = re.compile(
    r"[.!?…](?<![.!?…]{2})[.!?…]*+"
    r"(?:[\"'”’)\]]|\[\d+(?:[,–-]\s*\d+)*\]|\[\^\w+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\^\d+|\*{1,3}|[†‡]+"
    r"|(?<=[a-z][a-z][.!?])\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z“\"(]))*+(?=\s++\S)"
)
_BYLINE = re.compile(r"[-–—]{1,2}[ \t]*[A-Z]")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# Separators that end a sentence inside a block: nav/footer middots, pipes, bullets, check marks
# ("Serum ✔ Rebuilds gums ✔ Freshens breath"), and in
# plain text the items of a dashed or checkbox list ("  - Pain relief", "[x] Restores hearing")
# and a heading's underline ("-----").
# A line that opens with a short label ("Headline:", "Primary text:", "Subject:", "Q:") starts
# a sentence of its own, the label kept: ad decks and emails stack such fields line by line.
# A reference card's fields ("Authors:", "Journal:", "Summary:") stay one sentence, so its
# summary keeps the citation beside it.
_LABEL = (
    r"(?<=\n)(?![ \t]*(?:" + REFERENCE_FIELDS + r")\b)"
    r"(?=[ \t]*[A-Z][A-Za-z'’-]*(?:[ \t][A-Za-z'’-]+){0,2}:[ \t])"
)
_SEPARATOR = re.compile(
    r"\s[·•|✔✓☑✅]\s|^[ \t]*[•·▪◦✔✓☑✅][ \t]|^[ \t]*[-*+][ \t]+(?=\S)"
    r"|^[ \t]*\[[ xX✓✔]\][ \t]+(?=\S)"
    r"|^[ \t]*(?:-{3,}|={3,})[ \t]*$|" + _LABEL,
    re.MULTILINE,
)
# The characters that separate items inside a block (names.py also ends a name at them); a text
# without any of them, or a line opened by a dash, has no separator.
SEPARATOR_CHARS = "·•|▪◦✔✓☑✅"
_LINE_MARK = re.compile(r"\n[ \t]*(?:[-*+=]|\[[ xX✓✔]\])|" + _LABEL)
_SEPARATOR_CHAR = re.compile(f"[{re.escape(SEPARATOR_CHARS)}]")


# What may close a sentence after its last word: quotes, brackets, emphasis, space.
_TAIL = " \t\r\n\"'”’)]*_"


def sentence_tail(text: str, sentence: Sentence) -> str:
    """The sentence's text without what closes it after its final mark ('Is it safe?**' ->
    'Is it safe?'): what a question's "?" or another ending is read from."""
    return text[sentence.start : sentence.end].rstrip(_TAIL)


@dataclass(frozen=True)
class Sentence:
    start: int  # prose offsets
    end: int
    block: int  # index into the prose blocks
    kind: str  # the block's kind: paragraph, heading, list, cell, title, meta, alt...
    head: bool = False  # in a table row's first cell (the reader's "row-head"; its kind is "cell")


# Abbreviations that are also words: "No. 5" is a number, "No. It is not approved." an answer.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos"})
# Units of time after a figure: "2 min. Gummies: 45 min." ends a row at the unit when a capital
# follows; "approx. 5 min. of rest" runs on. A dose ("250 mg. In a trial...") stays one sentence
# with what follows, as a product label's line usually leads into its own evidence.
UNIT_ABBREVIATIONS = frozenset("min mins sec secs hr hrs wk wks mo yr yrs".split())
_FIGURE_BEFORE = re.compile(r"\d\s?$")


def _is_abbreviation(text: str, dot: int, following: str = "") -> bool:
    """Is the period at text[dot] the end of an abbreviation or an initial? `following` is the
    first character after the period and its spaces."""
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1).lower()
    if word in NUMBER_ABBREVIATIONS:
        return following.isdigit() or following == "#"
    if (
        word in UNIT_ABBREVIATIONS
        and following.isupper()
        and _FIGURE_BEFORE.search(text, max(0, match.start(1) - 2), match.start(1))
    ):
        return False
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[match.start(1)].isupper()


def split_block(text: str, start: int, end: int, separators: bool = True) -> list[tuple[int, int]]:
    """Sentence spans (prose offsets) inside one block, cut first at separators (" · ");
    `separators` False says the text has none (the scan for them is skipped)."""
    spans: list[tuple[int, int]] = []
    begin = start
    scan = separators and _may_separate(text, start, end)
    for match in _SEPARATOR.finditer(text, start, end) if scan else ():
        if match.start() > begin:
            spans.extend(_split_punctuation(text, begin, match.start()))
        begin = match.end()
    if begin < end:
        spans.extend(_split_punctuation(text, begin, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _may_separate(text: str, start: int, end: int) -> bool:
    """Could _SEPARATOR match in text[start:end]? Its first forms need a separator character,
    the others a line start (the block's start, or after a line break in it). A page with a
    separator anywhere had every block scanned, at each character, for all five forms."""
    return (
        _SEPARATOR_CHAR.search(text, start, end) is not None
        or text.find("\n", start, end) >= 0
        or _SEPARATOR.match(text, start, end) is not None
    )


def _lower_case_may_follow(text: str, at: int, end: int) -> bool:
    """A question mark, or two or more marks, with no closing quote ("MIGRAINES?? short answer
    no", "Is it safe? depends on your kidneys"): informal copy that starts its next sentence in
    lower case. A quoted question before lower case ('"Why?" she asked') and a single "!" run on."""
    if text[end - 1] not in "!?":
        return False  # a closer after the mark: the quotation goes on in the sentence
    return text[at] == "?" or (at + 1 < len(text) and text[at + 1] in "!?")


def _split_punctuation(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for match in _END.finditer(text, start, end):
        punct_end = match.end()
        nxt = punct_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        following = text[nxt]
        if following in ",;:)" or (
            following.islower() and not _lower_case_may_follow(text, match.start(), punct_end)
        ):
            continue  # "e.g. ketamine", "approx. 40", "(n = 12)."
        if following in "-–—" and text[punct_end - 1] in '"”' and _BYLINE.match(text, nxt, end):
            continue  # '"...better." - Marcus, 52': the byline belongs to the quotation
        if text[match.start()] == "." and _is_abbreviation(text, match.start(), following):
            continue
        spans.append((begin, punct_end))
        begin = nxt
    if begin < end:
        spans.append((begin, end))
    return spans


_TAG_LINE = re.compile(r"\s*(?:tags|tagged|tagged with|categories|keywords|filed under)\s*:", re.I)


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    separators = any(char in text for char in SEPARATOR_CHARS) or bool(_LINE_MARK.search(text))
    for index, block in enumerate(blocks):
        for start, end in split_block(text, block.start, block.end, separators):
            kind, head = block.kind, block.kind == "row-head"
            if head:
                kind = "cell"  # a cell to the rules (their `blocks`), the head of its row to carry
            elif _TAG_LINE.match(text, start, end):
                kind = "tags"  # "Tags: anxiety, best clinic, ..." is a keyword list, not a sentence
            out.append(Sentence(start, end, index, kind, head))
    return out


def table_headers(sentences: Sequence[Sentence]) -> list[range]:
    """For each sentence, the sentences of the header row of the table it is a cell of, or an
    empty range when it is no cell or stands in the header row itself; one pass over the page.
    A table is a run of cell sentences; a row opens where a row-head cell follows a cell that is
    not one, and the first row is the header ("| | IV | Troche |": what each column is)."""
    none = range(0)
    headers = [none] * len(sentences)
    start = header = None
    for at, sentence in enumerate(sentences):
        if sentence.kind != "cell":
            start = header = None
            continue
        if start is None:
            start = at
        elif header is None and sentence.head and not sentences[at - 1].head:
            header = range(start, at)
        headers[at] = header or none
    return headers


def header_holds(
    sentences: Sequence[Sentence], header: range, names: Sequence[str], has: Callable
) -> bool:
    """Do the cells of a table's header row (`header`, from table_headers) hold each class in
    two of them (two columns compared)? `has(at, name)` says whether sentence `at` holds it."""
    return bool(header) and all(
        len({sentences[at].block for at in header if has(at, name)}) >= 2 for name in names
    )


def row_head(sentences: Sequence[Sentence], index: int) -> int | None:
    """The last sentence of the head cell of the table row that sentence `index` is a cell of
    ("IV infusion | 100% | Highest": the head says what "Highest" ranks), or None."""
    if sentences[index].kind != "cell" or sentences[index].head:
        return None
    at = index - 1
    while at >= 0 and sentences[at].kind == "cell" and not sentences[at].head:
        at -= 1
    return at if at >= 0 and sentences[at].head else None


def earlier_in_block(
    sentences: Sequence[Sentence], index: int, back: int, holds: Callable[[int], bool]
) -> bool:
    """Does one of the `back` sentences before `index`, in its block, hold the class? A list
    written as sentences names what it measures in its lead ("Time to absorb. Capsules: 2
    hours. Our spray: 90 seconds."), two sentences before the second row."""
    block = sentences[index].block
    for at in range(index - 1, max(-1, index - back - 1), -1):
        if sentences[at].block != block:
            return False
        if holds(at):
            return True
    return False


class SentenceHitsLike(Protocol):
    """What head_excuses reads of context.SentenceHits (which imports this module)."""

    text: str
    sentences: Sequence[Sentence]

    def hits(self, index: int, label: str) -> list: ...

    def table_header(self, index: int) -> range: ...


HEAD_SPARE_WORDS = 3  # "Nasal esketamine (Spravato)": a form word or two beside the name


def column_head(sentences: Sequence[Sentence], index: int, header: range) -> list[int]:
    """The sentences of the header cell above table cell `index` (`header` from
    table_headers): "| FDA status | Not approved | Approved: weight management |" under
    "| | Ours | Zepbound |". Empty cells have no sentence, so the column is known only when the
    header has exactly one cell fewer than the row (its empty corner)."""
    at = row_head(sentences, index)
    if at is None or not header:
        return []
    end = index + 1
    while end < len(sentences) and sentences[end].kind == "cell" and not sentences[end].head:
        end += 1
    row = sorted({sentences[i].block for i in range(at, end)})
    blocks = sorted({sentences[i].block for i in header})
    # an empty corner and a full row: the one layout where the count says the column (with a
    # corner of its own, or an empty cell in the row, the counts cannot tell them apart)
    if len(row) - len(blocks) != 1:
        return []
    column = row.index(sentences[index].block) - 1
    return [i for i in header if sentences[i].block == blocks[column]] if column >= 0 else []


def previous_cell(sentences: Sequence[Sentence], index: int) -> list[int]:
    """The sentences of the cell just before table cell `index` in its row, when that is not
    the row's head: "| Depression with suicidal thoughts | Spravato | FDA-approved for adults
    ... |" names the product in the second cell, and the third cell speaks of it."""
    at = row_head(sentences, index)
    if at is None:
        return []
    block = sentences[index].block
    before = [i for i in range(at + 1, index) if sentences[i].block != block]
    if not before:
        return []
    last = sentences[before[-1]].block
    return [i for i in before if sentences[i].block == last]


def head_excuses(sh: SentenceHitsLike, index: int, names: Sequence[str]) -> bool:
    """Whether the table cell `index` is excused by its row's head cell or its column's header
    cell, that cell being itself what a rule's `none` classes (`names`) name, or by the cell
    just before it opening with such a name. "| Nasal esketamine (Spravato) | FDA-approved for
    TRD |" names the approved brand, so does "| Depression | Spravato | FDA-approved for adults
    ... |" and a comparison's column "Zepbound" above "FDA-approved: weight management", while
    "| Our troches, an alternative to Spravato |" names our own product beside it and excuses
    nothing. At most HEAD_SPARE_WORDS words of a head may lie outside those classes' hits."""
    if not names or sh.sentences[index].kind != "cell":
        return False
    at = row_head(sh.sentences, index)
    if at is None:
        return False
    column = column_head(sh.sentences, index, sh.table_header(index))
    if column and _SELLERS.search(" ".join(_text(sh, i) for i in column)):
        column = []  # "Our Wegovy alternative" names the seller's product, not the brand
    if any(_names_only(sh, cell, names) for cell in ([at], column) if cell):
        return True
    before = previous_cell(sh.sentences, index)
    # neither cell may name the seller's product ("Our Spravato alternative", "...; our
    # tirzepatide is the same")
    if not before or _SELLERS.search(" ".join(_text(sh, i) for i in (*before, index))):
        return False
    return _opens_with_names(sh, before[0], names)


def _opens_with_names(sh: SentenceHitsLike, at: int, names: Sequence[str]) -> bool:
    """Does sentence `at` open with a hit of the `names` classes, one word before it at most
    ("Deep TMS (H7 coil)", "Spravato, together with an oral antidepressant")?"""
    start = sh.sentences[at].start
    firsts = [h.start for name in names for h in sh.hits(at, name)]
    return bool(firsts) and len(re.findall(r"\w+", sh.text[start : min(firsts)])) <= 1


_SELLERS = re.compile(
    r"\b(?:our|ours|my|we|alternative|version|copy|compounded|generic|instead|vs|versus)\b", re.I
)


def _text(sh: SentenceHitsLike, at: int) -> str:
    return sh.text[sh.sentences[at].start : sh.sentences[at].end]


def _names_only(sh: SentenceHitsLike, cell: list[int], names: Sequence[str]) -> bool:
    """Is the cell (its sentences) the `names` classes' hits and at most HEAD_SPARE_WORDS
    words besides?"""
    spare = 0
    for at in cell:
        found = [(h.start, h.end) for name in names for h in sh.hits(at, name)]
        if not found and len(cell) == 1:
            return False
        head = sh.sentences[at]
        chars = list(sh.text[head.start : head.end])
        for a, b in found:
            for pos in range(max(a, head.start), min(b, head.end)):
                chars[pos - head.start] = " "
        spare += len(re.findall(r"\w+", "".join(chars)))
    return spare <= HEAD_SPARE_WORDS and any(sh.hits(at, n) for at in cell for n in names)
