"""Business and product names: an outcome word inside a name is not a claim.

Clinics and products are named for what they promise ("Restore Ketamine Clinic", "Healing
Minds Ketamine Clinic", "Lumbar Relief Chiropractic", "our Relief Restore drip"), and a page
repeats the name in every sentence that books a visit or lists a price. Read as prose, each
such sentence "says" that ketamine restores or heals. A name is found by its shape, in the
body of the page: a run of capitalised words (with "of", "and", "&", "the" between them)
that holds a capitalised business or product noun (the pack's `name-head` lexicon), or that
stands right before one ("Relief Restore drip"). Hits of the lexicons that `not-in-names`
includes (outcomes) are dropped inside such a name, unless the name itself names a condition
("Pain Relief Institute", "Anxiety Relief Roll-On"): a product named for a disease is, for
the FDA, sold to treat it.

A product may also be named with one verb ("Restore", "Revive", "Soothe"). Such a word opening a
sentence reads as a command ("Restore your energy"), unless the word after it is one the pack's
`name-follower` lexicon lists: a copula, an auxiliary or a verb of having ("Restore is a
cinnamon supplement", "Revive contains ginger", "Soothe can be taken with food"). A command is
never followed by one of those, so the opening word is then the sentence's subject: a name.

Headings and titles are left alone (every word is capitalised there), and so are blocks that
are not prose (mostly capitalised words: an all-caps banner, a title-case list), except a line
in capitals that is only a name ending in a business noun ("RIVERSTONE VITALITY CLINIC" on a
letterhead or a sign), with no word that addresses the reader ("RESTORE YOUR ENERGY AT ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from claimlint.nlp.context import Extends, Hit
from claimlint.nlp.page_names import declared_names, determined_name, occurrences
from claimlint.nlp.sentences import SEPARATOR_CHARS

NAME_HEAD = "name-head"  # reserved lexicon: "Clinic", "Center", "Formula", "drip"
IGNORED = "not-in-names"  # reserved lexicon: what a name's words do not claim (outcomes)
FOLLOWER = "name-follower"  # reserved lexicon: what follows a one-word name ("is", "contains")
NAMED_CONDITION = "condition"  # a name holding one of these keeps its claim
CONNECTORS = frozenset({"of", "and", "&", "the", "for", "at", "on", "de", "la"})
NOT_PROSE = frozenset({"title", "heading", "meta", "tags", "code"})
MIN_LOWER_SHARE = 0.25  # a prose block: at least this share of words start in lower case
MIN_LOWER_WORDS = 2
_WORD = re.compile(r"[^\W_][\w'’&.+-]*|&")
_BREAKS = frozenset(SEPARATOR_CHARS + ":;!?")  # a name never runs across these
_OPENERS = ".!?:;•·*-–—\"“'‘(["  # what may stand before the first word of a sentence


class _Words:
    """The words of one block, with where they start and end and whether they are
    capitalised."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        spans = []  # in order: the matches are, and a word keeps its start without its period
        for match in _WORD.finditer(text, start, end):
            a, b = match.span()
            if text[b - 1] != ".":
                spans.append((a, b))
            elif b - 1 > a:
                spans.append((a, b - 1))
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.words = [text[a:b] for a, b in self.spans]
        self.capital = [w[:1].isupper() or w[:1].isdigit() for w in self.words]

    def prose(self) -> bool:
        lower = sum(1 for w, c in zip(self.words, self.capital, strict=True) if not c and w != "&")
        return lower >= MIN_LOWER_WORDS and lower >= MIN_LOWER_SHARE * len(self.words)

    def at(self, offset: int) -> int:
        """The index of the word that holds a prose offset, or -1."""
        k = bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.spans[k][1] else -1

    def run(self, k: int) -> tuple[int, int]:
        """The capitalised run around word k, as word indexes [first, last]: capitalised
        words, with connectors only between two of them."""
        first = last = k
        while first > 0 and self._joined(first - 1):
            j = first - 1
            if self.capital[j]:
                first = j
            elif self._connector(j) and j > 0 and self.capital[j - 1] and self._joined(j - 1):
                first = j - 1
            else:
                break
        while last + 1 < len(self.words) and self._joined(last):
            j = last + 1
            if self.capital[j]:
                last = j
            elif (
                self._connector(j)
                and j + 1 < len(self.words)
                and self.capital[j + 1]
                and self._joined(j)
            ):
                last = j + 1
            else:
                break
        return first, last

    def _joined(self, j: int) -> bool:
        """May words j and j + 1 belong to one name? Not across a separator ("Serum ✔ Rebuilds
        gums", "Home · Book now") or a colon."""
        gap = self.text[self.spans[j][1] : self.spans[j + 1][0]]
        return not any(char in _BREAKS for char in gap)

    def _connector(self, j: int) -> bool:
        return self.words[j].lower() in CONNECTORS


class _Blocks:
    """The page's blocks as the name finders ask for them: which prose block holds an offset,
    and its words, read once per block whichever finder asks first."""

    def __init__(self, text: str, blocks: Sequence) -> None:
        self.text = text
        self.blocks = blocks
        self.starts = [b.start for b in blocks]
        self._words: dict[int, _Words | None] = {}

    def at(self, offset: int) -> int:
        """The index of the block holding an offset, or -1 outside blocks that are prose."""
        b = bisect_right(self.starts, offset) - 1
        return b if b >= 0 and self.blocks[b].kind not in NOT_PROSE else -1

    def words(self, b: int) -> _Words | None:
        """The words of block b, or None when the block reads as a banner or a list of names."""
        if b not in self._words:
            block = self.blocks[b]
            words = _Words(self.text, block.start, block.end)
            self._words[b] = words if words.prose() else None
        return self._words[b]


def name_spans(text: str, blocks: _Blocks, hits: Sequence[Hit], extends: Extends) -> list:
    """The (start, end) prose spans of the business and product names in the body text."""
    heads_labels = extends.family(NAME_HEAD)
    heads = [h for h in hits if h[0] in heads_labels]
    spans = set()
    for head in heads:
        b = blocks.at(head[1])
        if b < 0 or head[2] > blocks.blocks[b].end:
            continue
        words = blocks.words(b)
        if words is None:  # a banner: only a line that is a name and nothing else
            banner = _banner_name(text, blocks.blocks[b], head)
            if banner is not None:
                spans.add(banner)
            continue
        k = words.at(head[1])
        if k < 0:
            continue
        if words.capital[k]:
            first, last = words.run(k)
            if last > first:
                spans.add((words.spans[first][0], words.spans[last][1]))
        elif k > 0 and words.capital[k - 1]:  # "our Relief Restore drip"
            first, last = words.run(k - 1)
            if last - first >= 1 or first > 0:
                spans.add((words.spans[first][0], head[2]))
    return sorted(spans)


_NOT_IN_BANNER_NAMES = frozenset(
    {
        "you",
        "your",
        "you're",
        "our",
        "we",
        "is",
        "are",
        "will",
        "can",
        "get",
        "feel",
        "now",
        "today",
    }
)


def _banner_name(text: str, block, head: Hit) -> tuple[int, int] | None:
    """An all-capitals line that is only a business name ("RIVERSTONE VITALITY CLINIC", a
    letterhead or a sign): the line's words, all capitalised, ending with the capitalised
    business noun. A banner that addresses the reader or has a verb ("RESTORE YOUR ENERGY AT
    SUMMIT CLINIC") is not a name."""
    line_start = max(text.rfind("\n", block.start, head[1]) + 1, block.start)
    line_end = text.find("\n", head[2], block.end)
    line_end = block.end if line_end < 0 else line_end
    if text[head[2] : line_end].strip(" .,") or not text[head[1] : head[2]].isupper():
        return None
    words = _Words(text, line_start, head[2])
    if len(words.words) < 2 or not all(words.capital):
        return None
    if any(w.lower() in _NOT_IN_BANNER_NAMES for w in words.words):
        return None
    if not all(w.isupper() or w.isdigit() or w.lower() in CONNECTORS for w in words.words):
        return None
    return words.spans[0][0], head[2]


def drop_in_names(text: str, blocks: Sequence, hits: list[Hit], extends: Extends) -> list[Hit]:
    """The hits without the outcome words that only stand inside a business or product name
    (see the module's docstring)."""
    ignored = extends.family(IGNORED)
    outcomes = [h for h in hits if h[0] in ignored]
    if not outcomes:
        return hits
    capitalised = [h for h in outcomes if text[h[1] : h[1] + 1].isupper()]  # the few that may name
    page = _Blocks(text, blocks)
    spans = name_spans(text, page, hits, extends)
    if capitalised:
        spans += opening_names(text, page, hits, extends, capitalised)
        spans += coined_names(text, page, hits, capitalised)
    # a name from the first heading only drops a capitalised outcome word
    headed = _heading_names(text, blocks, hits, extends) if capitalised else set()
    spans += page_name_spans(text, page, capitalised, headed)
    if not spans:
        return hits
    conditions = extends.family(NAMED_CONDITION)
    condition_hits = [h for h in hits if h[0] in conditions]  # once, not once per name
    named = [(a, b) for a, b in spans if not _names_condition(condition_hits, a, b)]
    if not named:
        return hits
    named.sort()
    starts = [a for a, _ in named]

    def inside(hit: Hit) -> bool:
        k = bisect_right(starts, hit[1]) - 1
        return k >= 0 and hit[2] <= named[k][1]

    dropped = {h for h in outcomes if inside(h)}  # only outcome hits can be dropped
    if not dropped:
        return hits
    return [h for h in hits if h[0] not in ignored or h not in dropped]


MAX_HEADING_NAME_WORDS = 6


def _heading_names(text: str, blocks: Sequence, hits: Sequence[Hit], extends: Extends) -> set[str]:
    """A title or the page's first heading that is nothing but a business name: capitalised
    words ending in a business noun ("Northstar Vitality Health Clinic"). Its first words then name
    the place wherever the page repeats them ("At Northstar Vitality we test..."), so "Vitality"
    there claims nothing."""
    heads = extends.family(NAME_HEAD)
    ends = {h[2] for h in hits if h[0] in heads}
    names: set[str] = set()
    first_heading = True
    for block in blocks:
        if block.kind == "title" or (block.kind == "heading" and first_heading):
            line = text[block.start : block.end].strip()
            stop = block.start + len(text[block.start : block.end].rstrip())
            # the whole line, or its last part after a separator ("Bioidentical Hormones for
            # Menopause | Evergreen Hormone & Vitality Clinic")
            for part in (line, _TITLE_SEPARATOR.split(line)[-1].strip()):
                words = part.split()
                if (
                    stop in ends
                    and 1 < len(words) <= MAX_HEADING_NAME_WORDS
                    and all(w[:1].isupper() or w[:1].isdigit() or w in CONNECTORS for w in words)
                ):
                    names.add(part)
                    break
        if block.kind == "heading":
            first_heading = False
    return names


_TITLE_SEPARATOR = re.compile(r"\s+[|–—·-]\s+")


def page_name_spans(
    text: str, blocks: _Blocks, capitalised: Sequence[Hit], extra: set[str] | None = None
) -> list[tuple[int, int]]:
    """Every place where a name the page gives itself stands (page_names.py): a name declared
    by its shape (company suffix, copyright, title, a heading that is only a business name),
    or a capitalised verb after a determiner in prose ("The 21-Day Reset is..."), wherever the
    page repeats it, headings included."""
    names = declared_names(text, blocks.blocks) | (extra or set())
    for hit in capitalised:
        b = blocks.at(hit[1])
        if b < 0:
            continue
        name = determined_name(text, blocks.blocks[b].start, hit[1], hit[2])  # cheap: asked first
        if name and blocks.words(b) is not None and _verb_base(text[hit[1] : hit[2]].lower()):
            names.add(name)
    return occurrences(text, names) if names else []


def opening_names(
    text: str, blocks: _Blocks, hits: Sequence[Hit], extends: Extends, capitalised: Sequence[Hit]
) -> list:
    """The spans of one-word names that open a sentence before a `name-follower` word (see the
    module's docstring): a capitalised outcome verb ("Restore", not "Relief" or "Healing"),
    among the `capitalised` outcome hits."""
    followers = extends.family(FOLLOWER)
    follower_starts = {h[1] for h in hits if h[0] in followers}
    if not follower_starts:
        return []
    spans = []
    for hit in capitalised:
        word = text[hit[1] : hit[2]]
        after = hit[2]
        while after < len(text) and text[after] in " \t":
            after += 1
        if after == hit[2] or after not in follower_starts or not _verb_base(word.lower()):
            continue
        b = blocks.at(hit[1])
        if b < 0:
            continue
        before = text[blocks.blocks[b].start : hit[1]].rstrip()
        if not before or before[-1] in _OPENERS:
            spans.append((hit[1], hit[2]))
    return spans


def coined_names(
    text: str, blocks: _Blocks, hits: Sequence[Hit], capitalised: Sequence[Hit]
) -> list:
    """The spans of two-word names made of a coined word and a capitalised outcome word
    ("Pawsitive Calm", "ZenDrop Relief"): in a prose block, a capitalised word no dictionary
    holds and then a capitalised single word name the product, wherever they stand ("Try
    Pawsitive Calm risk-free"); prose would write the outcome word in lower case. Headings
    capitalise every word and are left alone."""
    from claimlint.nlp.rare_words import RARE_CAPITALISED

    outcome_spans = {(h[1], h[2]) for h in capitalised}
    coined = {
        h[2]: h[1] for h in hits if h[0] == RARE_CAPITALISED and (h[1], h[2]) not in outcome_spans
    }
    spans = []
    for hit in capitalised:
        before = hit[1]
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if before == hit[1] or before not in coined or " " in text[hit[1] : hit[2]]:
            continue
        b = blocks.at(hit[1])
        if b >= 0 and blocks.words(b) is not None:
            spans.append((coined[before], hit[2]))
    return spans


def _verb_base(word: str) -> bool:
    """A verb in its base form (it has an -ing form and is not one): what a command opens with."""
    from claimlint.nlp.inflect import inflections

    if not word.isalpha() or word.endswith("ing"):
        return False
    return any(form.endswith("ing") for form in inflections(word))


def _names_condition(condition_hits: Sequence[Hit], a: int, b: int) -> bool:
    return any(a <= h[1] and h[2] <= b for h in condition_hits)
