"""Which context governs a claim: negation, hedging, evidence, question, attribution...

ConText/NegEx ported as data: a modifier's cue governs a claim when it is in the modifier's
window (the sentence, or the next/previous one), on the right side (direction), close enough
(scope in tokens) and with no terminator ("but", ";") between them; phrases listed as pseudo-cues
("not only") never count. Pure Python over the matcher's hits; no spaCy import.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import partial
from operator import itemgetter
from typing import NamedTuple

from claimlint.nlp.openings import first_word, openings
from claimlint.nlp.sentences import Sentence, sentence_tail, table_headers
from claimlint.nlp.turns import one_word_in_series, terminated
from claimlint.packs import Modifier

MAX_LIST_ITEMS = 12  # a lead-in sentence governs at most this many list items after it
MAX_CLOSURES = 1024  # label sets remembered per rule set: the common ones come first
BULLETS = frozenset("•▪◦‣·●○■□–*-+")
INLINE_BULLETS = frozenset("•▪◦‣●■")  # glyphs that mark an item inside a line, never punctuation


class Hit(NamedTuple):
    """A lexicon match: prose character offsets and token offsets (a tuple: a page makes
    thousands, and a frozen dataclass costs four times as much to build)."""

    label: str
    start: int
    end: int
    token_start: int
    token_end: int


class Extends(NamedTuple):
    """The `extends` relation of a rule set's lexicons, both ways (transitive)."""

    parents: Mapping[str, tuple[str, ...]]  # lexicon -> every lexicon that includes it
    families: Mapping[str, frozenset[str]]  # lexicon -> every lexicon it includes
    closures: dict[frozenset[str], frozenset[str]]  # closure() answers: sentences repeat sets

    @classmethod
    def of(cls, parents: Mapping[str, tuple[str, ...]]) -> Extends:
        children: dict[str, list[str]] = {}
        for child, ancestors in parents.items():
            for parent in ancestors:
                children.setdefault(parent, []).append(child)
        return cls(parents, {parent: frozenset(kids) for parent, kids in children.items()}, {})

    def closure(self, labels: Iterable[str]) -> frozenset[str]:
        """The labels and every lexicon that includes one of them."""
        key = frozenset(labels)
        found = self.closures.get(key)
        if found is None:
            grown = set(key)
            for label in key:
                grown.update(self.parents.get(label, ()))
            found = frozenset(grown)
            if len(self.closures) < MAX_CLOSURES:
                self.closures[key] = found
        return found

    def family(self, label: str) -> frozenset[str]:
        """The label and every lexicon it includes: the labels whose hits are its hits."""
        return self.families.get(label, frozenset()) | {label}


NO_EXTENDS = Extends({}, {}, {})


class SentenceHits:
    """The hits of one document grouped by sentence and label.

    Hits arrive as matched, without `extends` parents (two in five hits would be copies); a
    parent's hits in a sentence are its children's hits, relabelled when first asked for.
    """

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        hits: list[Hit],
        links,
        extends: Extends | None = None,
    ) -> None:
        # the page's classes (the whole page's when linted in pieces), set by the linter
        self.page_present: frozenset[str] | None = None
        self.text = text
        self.sentences = sentences
        ordered = sorted(hits, key=itemgetter(1, 2))  # by start, then end
        hit_starts = [hit[1] for hit in ordered]
        # Sentences are in order and apart: a sentence's hits are the run of hits starting in
        # it, found by bisection (not by a test on every hit).
        direct: list[dict[str, list[Hit]]] = []
        where: dict[str, list[int]] = {}  # direct labels only; a parent's on first ask
        for index, sentence in enumerate(sentences):
            low = bisect_left(hit_starts, sentence.start)
            high = bisect_left(hit_starts, sentence.end, low)
            labels: defaultdict[str, list[Hit]] = defaultdict(list)
            for hit in ordered[low:high]:
                labels[hit[0]].append(hit)
            direct.append(labels)
            for label in labels:
                found = where.get(label)
                if found is None:
                    where[label] = [index]
                else:
                    found.append(index)
        extends = extends or NO_EXTENDS
        children = self._children = extends.families
        self._parents = extends.parents
        # Per sentence: the lists asked for so far (direct ones at first), and every label
        # present, parents included (what a rule checks before it asks for hits).
        self._lists = [
            dict(labels)
            if children.keys().isdisjoint(labels)
            else {label: found for label, found in labels.items() if label not in children}
            for labels in direct
        ]
        self._direct = direct
        self.present: list[frozenset[str]] = [extends.closure(labels) for labels in direct]
        self._where = where
        self._merged: dict[str, list[int]] = {}  # where() of the labels with children
        self.links = links  # list of (prose_start, prose_end, href)
        self._link_cache: dict[str, set[int]] = {}
        self.lead_ins: dict[int, int | None] = {}  # lead_in's answers, asked once a sentence
        self._cue_sentences: dict[str, tuple[frozenset[int], frozenset[int]]] = {}  # by name
        self._headings: list[int | None] | None = None  # section_heading's answers, on first use
        self._tables: list[range] | None = None  # table_headers' answers, on first use

    def table_header(self, index: int) -> range:
        """The header row of the table the sentence is a cell of (sentences.table_headers)."""
        if self._tables is None:
            self._tables = table_headers(self.sentences)
        return self._tables[index]

    def direct_labels(self, index: int) -> list[str]:
        """The labels matched in a sentence themselves (no `extends` parents), in order."""
        return sorted(self._direct[index])

    def where(self, label: str) -> list[int]:
        """The indices of the sentences with a hit of this label (its own or a child's), in
        order."""
        if label not in self._children:
            return self._where.get(label, [])
        found = self._merged.get(label)
        if found is None:
            where = self._where
            indices = set(where.get(label, ()))
            for child in self._children[label]:
                indices.update(where.get(child, ()))
            found = self._merged[label] = sorted(indices)
        return found

    def cue_sentences(self, modifier: Modifier) -> tuple[frozenset[int], frozenset[int]]:
        """The sentences holding a hit of one of the modifier's cue lexicons, and those whose
        window (modifier.window) holds one: a modifier with no cue in the sentences it reads
        cannot govern, and most modifiers a rule checks have no cue on the page at all."""
        found = self._cue_sentences.get(modifier.name)
        if found is None:
            labels = (
                (modifier.cues, *modifier.cue_lexicons) if modifier.cues else modifier.cue_lexicons
            )
            cues = frozenset(i for label in labels for i in self.where(label))
            near = frozenset(i - step for i in cues for step in _WINDOWS[modifier.window])
            found = self._cue_sentences[modifier.name] = (cues, near)
        return found

    def hits(self, index: int, label: str) -> list[Hit]:
        """The sentence's hits of this label (its own and its children's), by position."""
        if not 0 <= index < len(self.sentences):
            return []
        lists = self._lists[index]
        found = lists.get(label)
        if found is None:
            if label not in self._children or label not in self.present[index]:
                return []
            found = lists[label] = self._with_children(index, label)
        return found

    def _with_children(self, index: int, label: str) -> list[Hit]:
        children = self._children[label]
        found: list[Hit] = []
        parts = 0
        for child, hits in self._direct[index].items():  # a sentence holds a few labels
            if child == label:
                found.extend(hits)
            elif child in children:
                found.extend([Hit(label, *hit[1:]) for hit in hits])
            else:
                continue
            parts += 1
        if parts > 1:
            found.sort(key=itemgetter(1, 2))
        return found

    def labels_by_span(
        self, index: int, spans: set[tuple[int, int]] | None = None
    ) -> dict[tuple[int, int], set[str]]:
        """Every label (parents included) of each span in the sentence, or of the given spans
        only (a finding asks for its own two or three hits, in a sentence that may hold dozens)."""
        parents = self._parents
        starts = set() if spans is None else {start for start, _ in spans}
        labels_of: dict[tuple[int, int], set[str]] = {}
        for label, hits in self._direct[index].items():
            names = (label, *parents.get(label, ()))
            for hit in hits:
                if spans is not None and (hit[1] not in starts or (hit[1], hit[2]) not in spans):
                    continue
                labels_of.setdefault((hit[1], hit[2]), set()).update(names)
        return labels_of

    def sentences_with_link(self, patterns: tuple[str, ...]) -> set[int]:
        """Indices of sentences that contain a link whose target matches one of the patterns."""
        key = "\n".join(patterns)
        if key not in self._link_cache:
            from bisect import bisect_right

            from claimlint.packs.linear_regex import compile_pack, fold_case

            regex = compile_pack("|".join(f"(?:{p})" for p in patterns))  # RE2: linear
            starts = [s.start for s in self.sentences]
            found = set()
            for start, end, href in self.links:
                if regex.search(fold_case(href)):
                    first = max(0, bisect_right(starts, start) - 1)
                    last = max(0, bisect_right(starts, max(start, end - 1)) - 1)
                    found.update(range(first, last + 1))
            self._link_cache[key] = found
        return self._link_cache[key]


def lead_in(sh: SentenceHits, index: int) -> int | None:
    """The sentence that introduces a list item ("A single dose can:" before "- lift mood"):
    the last sentence before the list, when it ends with a colon. A list item completes that
    sentence, so its hedges, citations and denials govern the item too."""
    if index not in sh.lead_ins:
        sh.lead_ins[index] = _lead_in(sh, index)
    return sh.lead_ins[index]


def section_heading(sh: SentenceHits, index: int) -> int | None:
    """The heading over a sentence's section: the nearest heading above it in another block
    (a heading's own section starts below it)."""
    if sh._headings is None:
        found: list[int | None] = []
        last: int | None = None
        for k, sentence in enumerate(sh.sentences):
            found.append(
                last if last is None or sh.sentences[last].block != sentence.block else None
            )
            if sentence.kind == "heading":
                last = k
        sh._headings = found
    return sh._headings[index]


def section_holds(sh: SentenceHits, index: int, names: Iterable[str]) -> bool:
    """Does the heading over the sentence's section hold one of these classes (Match.section)?"""
    heading = section_heading(sh, index)
    return heading is not None and any(sh.hits(heading, name) for name in names)


def _lead_in(sh: SentenceHits, index: int) -> int | None:
    sentences = sh.sentences
    if not _is_item(sh, index):
        return None
    previous = index - 1
    while previous >= 0 and _is_item(sh, previous):
        previous -= 1
    if previous < 0 or index - previous > MAX_LIST_ITEMS:
        return None
    sentence = sentences[previous]
    return previous if sh.text[sentence.start : sentence.end].rstrip().endswith(":") else None


def _is_item(sh: SentenceHits, index: int) -> bool:
    """A list item: in a list block, a line that opens with a bullet glyph ("• lift mood"), or
    an item of a list run into one line ("side effects include: • dizziness • nausea"), as
    text pages and copied web pages write it."""
    sentence = sh.sentences[index]
    if sentence.kind == "list":
        return True
    line_start = sh.text.rfind("\n", 0, sentence.start) + 1
    opening = sh.text[line_start : sentence.start] + sh.text[sentence.start : sentence.end]
    if opening.lstrip()[:1] in BULLETS:
        return True
    return sh.text[line_start : sentence.start].rstrip()[-1:] in INLINE_BULLETS


# "heading": no sentence at all; only the section's heading (a `section` modifier) holds the cue
_WINDOWS = {
    "sentence": (0,),
    "next": (0, 1),
    "previous": (0, -1),
    "adjacent": (0, -1, 1),
    "heading": (),
}


def _window(index: int, window: str) -> tuple[int, ...]:
    """The sentences a modifier's window covers (built from a table: it is asked hundreds of
    times a page)."""
    return tuple(index + step for step in _WINDOWS[window])


def _real_cues(sh: SentenceHits, modifier: Modifier, index: int) -> list[Hit]:
    cues = list(sh.hits(index, modifier.cues)) if modifier.cues else []
    for name in modifier.cue_lexicons:
        cues.extend(sh.hits(index, name))
    if cues and modifier.pseudo:
        pseudo = sh.hits(index, modifier.pseudo)
        cues = [c for c in cues if not any(p.start <= c.start < p.end for p in pseudo)]
    if cues and modifier.position == "start":
        sentence = sh.sentences[index]
        opening = openings(sh.text, sentence.start, sentence.end)
        # a clause after a semicolon opens as a sentence does: "...not been shown to shrink
        # tumors; ask your care team about options for symptom relief"
        if sh.text.find(";", sentence.start, sentence.end) >= 0:  # rare: no scan without one
            opening += [
                first_word(sh.text, m.end(), sentence.end)
                for m in _SEMICOLON.finditer(sh.text, sentence.start, sentence.end)
            ]
        cues = [c for c in cues if c.start in opening]
    return cues


_SEMICOLON = re.compile(r";[ \t]+")


# Words a cue may share with the claim that follows it: "approved to" and "to lower" meet on
# "to" ("Ozempic is FDA-approved to lower blood sugar" describes the label). Any other overlap
# is part of what is claimed ("there are no side effects": "are no" and "no side effects").
_SHARED_OPENERS = frozenset({"to", "for"})
_HOLDING = frozenset({"hedge", "evidence"})  # categories whose cue may hold a claim


def _in_scope(
    sh: SentenceHits, modifier: Modifier, index: int, cue: Hit, claim: Hit, last: int = -1
) -> bool:
    if cue.start < claim.start < cue.end <= claim.end:
        if sh.text[claim.start : cue.end].strip().lower() in _SHARED_OPENERS:
            cue = cue._replace(end=claim.start, token_end=claim.token_start)
    if cue.end <= claim.start:  # cue before the claim
        if modifier.direction == "backward":
            return False
        gap = claim.token_start - cue.token_end
        between = (cue.end, claim.start)
    elif cue.start >= claim.end:  # cue after the claim
        if modifier.direction == "forward":
            return False
        gap = cue.token_start - claim.token_end
        between = (claim.end, cue.start)
    else:
        # a cue inside the claim ("no side effects") is part of what is claimed; a hedge or a
        # citation whose words hold the claim's qualifies it ("modest improvements", "a study of
        # 1,961 adults": the figure is the study's)
        if modifier.category in _HOLDING:
            return cue.start <= claim.start and claim.end <= cue.end
        # the speaker and the verb of saying opening the claim's own words, or a report holding
        # them: "Clinics promise reversed aging" (the claim's pattern took the speaker as its
        # subject), 'ads for diabetes "cures" are everywhere' (the word in scare quotes)
        return modifier.category == "attribution" and cue.start <= claim.start
    if modifier.scope and gap > modifier.scope:
        # a series counts as its first item, which may stand twice as far (a regulator's name
        # between): "not approved by the U.S. Food and Drug Administration to diagnose, treat, cure"
        comma = sh.text.find(",", cue.end, claim.start) if modifier.series else -1
        if comma < 0 or len(sh.text[cue.end : comma].split()) > 2 * modifier.scope:
            return False
        if not one_word_in_series(sh.text, cue.end, claim):
            return False
    return not terminated(sh.text, partial(sh.hits, index), modifier, *between, claim, last)


def governs(sh: SentenceHits, modifier: Modifier, index: int, claim: Hit, last: int = -1) -> bool:
    """Does this modifier govern the claim hit in sentence `index`? (`last`: where the last of
    the claim's other hits ends, so that a closer only ends a cue that follows them all.)"""
    if modifier.final:
        sentence = sh.sentences[index]
        tail = sentence_tail(sh.text, sentence)
        rhetorical = bool(modifier.pseudo and sh.hits(index, modifier.pseudo))
        if not rhetorical and any(tail.endswith(end) for end in modifier.final):
            return True
    if not modifier.links and not _cue_near(sh, modifier, index):
        return False
    found = False
    for other in _window(index, modifier.window):
        if other != index and not (0 <= other < len(sh.sentences)):
            continue
        if (
            other != index
            and sh.sentences[other].block != sh.sentences[index].block
            and sh.sentences[other].kind in ("heading", "title", "footnote")
            and sh.sentences[other].kind != sh.sentences[index].kind
        ):
            continue  # a heading, or a note at the foot, is not the sentence "next" to a claim
        if (
            other < index
            and sh.sentences[other].block != sh.sentences[index].block
            and sh.sentences[index].kind in ("heading", "title")
        ):
            continue  # a heading opens a section: what came before it does not qualify it
        if modifier.links and other in sh.sentences_with_link(modifier.links):
            found = True
            break
        for cue in _real_cues(sh, modifier, other):
            if other != index or _in_scope(sh, modifier, index, cue, claim, last):
                found = True
                break
        if found:
            break
    # A lead-in governs the items it introduces, except through a cue that only speaks for the
    # opening of its own sentence ("What the kit does:" is a topic, its items are claims).
    if not found and not modifier.final and modifier.position != "start":
        introducing = lead_in(sh, index)
        if introducing is not None:
            found = bool(_real_cues(sh, modifier, introducing)) or bool(
                modifier.links and introducing in sh.sentences_with_link(modifier.links)
            )
    if not found and modifier.section:  # a "Side effects" heading over the sentence's section
        heading = section_heading(sh, index)
        found = heading is not None and bool(_real_cues(sh, modifier, heading))
    if not found:
        return False
    if modifier.confirm:
        return any(_confirmed(sh, modifier, i) for i in _window(index, modifier.confirm_window))
    return True


def _confirmed(sh: SentenceHits, modifier: Modifier, index: int) -> bool:
    """A confirming word in the sentence; with confirm_apart, outside the modifier's own cues
    ("healthy" in "as part of a healthy diet" is the cue's, and confirms nothing)."""
    if not modifier.confirm_apart:
        return bool(sh.hits(index, modifier.confirm))
    cues = _real_cues(sh, modifier, index)
    return any(
        not any(c.start <= h.start and h.end <= c.end for c in cues)
        for h in sh.hits(index, modifier.confirm)
    )


def _cue_near(sh: SentenceHits, modifier: Modifier, index: int) -> bool:
    """Does a sentence that governs() reads for cues (the window, the lead-in, the section
    heading) hold one? A cheap test on sentence indices that spares most calls the full walk."""
    where, near = sh.cue_sentences(modifier)
    if index in near:
        return True
    if not where:
        return False
    if not modifier.final and modifier.position != "start" and lead_in(sh, index) in where:
        return True
    return modifier.section and section_heading(sh, index) in where


def governing(
    sh: SentenceHits, modifiers: list[Modifier], index: int, claim: Hit, last: int = -1
) -> Modifier | None:
    """The first modifier that silences the claim, or None when the claim stands. A rule asks
    of a dozen modifiers, most with no cue on the page: those are passed over here, without a
    call to governs()."""
    cue_sentences = sh.cue_sentences
    for modifier in modifiers:
        if not modifier.links and not modifier.final:
            where, near = cue_sentences(modifier)
            if not where or (
                index not in near and not modifier.section and modifier.position == "start"
            ):
                continue
        if modifier.page_confirm and not _on_page(sh, modifier.page_confirm):
            continue
        if governs(sh, modifier, index, claim, last):
            return modifier
    return None


def _on_page(sh: SentenceHits, names: tuple[str, ...]) -> bool:
    """Does one of these classes occur on the page (the whole page, when it is linted in pieces)?"""
    if sh.page_present is None:
        return any(sh.where(n) for n in names)
    return any(n in sh.page_present for n in names)
