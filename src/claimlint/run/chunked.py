"""Lint a big document piece by piece, so that memory stays bounded whatever its size.

The engine holds a document's prose, sentences, hits and context at once: about 60 bytes per
character of a claim-dense page. A Markdown, HTML or text document over PIECE_CHARS is
therefore cut where it reads alone exactly as in place (inputs/pieces.py; an HTML piece is read
with the elements open at its start restored) and linted one piece at a time,
each piece with a few paragraphs of context on either side (a verdict looks at most a list's
lead-in back and one sentence ahead); a piece reports only the findings that start in its own
core. What belongs to the whole page is worked out over the whole page:

1. link reference definitions (Markdown), collected from every piece first;
2. a survey of every piece: the page's subjects (rare words named in a title or heading,
   capitalised, or repeated anywhere) and the lexicon labels present (rules with a `page`
   condition: is ketamine or a compounded drug offered);
   The survey also collects the suppression comments, as a `disable` may open in one piece
   and close in another;
3. the lint of every piece with those facts; document rules (a disclaimer or crisis resource
   anywhere, the first sentence that needs one) are gathered across pieces.

The findings are those of the whole-document lint (tests/test_chunked_lint.py). The survey's
hits wait in a temporary file for the lint, so each piece is matched once; it is read (parsed
into prose) and split into sentences twice. Findings are not kept in memory either: each
piece's go, sorted and filtered by the suppression comments, to a temporary file as the piece
finishes (run/spill.py); pieces follow each other down the page, so the file is in order, and
the few document-level findings are merged in at the end. The document's text itself may be
a StoredText (inputs/stored.py: a big UTF-8 file kept as its bytes), read here only by slices
and line counts, never decoded whole unless it cannot be cut.
"""

from __future__ import annotations

import heapq
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.pieces import cut_points
from claimlint.inputs.positions import Prose
from claimlint.inputs.readers.common import Comment, Reading
from claimlint.inputs.sources import Source, read
from claimlint.inputs.stored import StoredText
from claimlint.inputs.suppressions import Suppression, parse_suppressions, unsuppressed
from claimlint.nlp.analysis import document_analysis
from claimlint.nlp.context import Hit, SentenceHits
from claimlint.nlp.documents import requirement_met
from claimlint.nlp.engine import Linter
from claimlint.nlp.sentences import split_sentences
from claimlint.packs import Rule
from claimlint.run import spill as spill_module
from claimlint.run.piecewise import CommentLines, HitStore
from claimlint.run.spill import SpilledFindings

PIECE_CHARS = 200_000  # documents longer than this are linted in pieces of about this size
PIECE_ENV = "CLAIMLINT_PIECE_CHARS"  # another piece size (tests use small ones)
CONTEXT_BEFORE = 16  # regions (>= 1 sentence each) read before a piece: > a lead-in's 12 items
CONTEXT_AFTER = 2  # and after it: the sentence after a claim may cite it
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE)
_DEFINITION_BYTES = re.compile(rb"^ {0,3}\[[^\]]+\]:", re.MULTILINE)  # the same, in UTF-8


@dataclass
class Piece:
    """source[start:end] is linted; findings starting in [core_start, core_end) are kept.
    `opened`: the HTML elements open at `start`, restored before the piece is read."""

    start: int
    end: int
    core_start: int
    core_end: int
    opened: tuple[str, ...] = ()


def plan(text: str, fmt: str, limit: int) -> list[Piece]:
    """The pieces of a document (one piece when it is small or cannot be cut)."""
    if len(text) <= limit:
        return [Piece(0, len(text), 0, len(text))]
    cuts, states = cut_points(text, fmt)
    bounds = [0, *cuts, len(text)]
    del cuts
    regions = len(bounds) - 1
    if any(b - a > limit for a, b in zip(bounds, bounds[1:], strict=False)):
        # A part that cannot be cut (a huge code block or table) would be read again as the
        # context of every piece near it: such a document is linted whole, as before.
        return [Piece(0, len(text), 0, len(text))]
    groups: list[tuple[int, int]] = []
    first = 0
    for region in range(regions):
        if region > first and bounds[region + 1] - bounds[first] > limit:
            groups.append((first, region))
            first = region
    groups.append((first, regions))
    return [
        Piece(
            bounds[max(0, a - CONTEXT_BEFORE)],
            bounds[min(regions, b + CONTEXT_AFTER)],
            bounds[a],
            bounds[b],
            states[a - CONTEXT_BEFORE - 1] if states and a > CONTEXT_BEFORE else (),
        )
        for a, b in groups
    ]


def piece_chars() -> int:
    """PIECE_CHARS, or $CLAIMLINT_PIECE_CHARS when it is a positive number."""
    raw = os.environ.get(PIECE_ENV, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else PIECE_CHARS


def lint_source(
    linter: Linter, source: Source, limit: int | None = None, *, spill: bool = False
) -> list[Diagnostic] | SpilledFindings:
    """linter.lint(source), piece by piece when the document is over `limit` characters
    (default piece_chars()). With `spill`, a document linted in pieces keeps its findings in
    a temporary file (a SpilledFindings) instead of a list, when it has KEEP_FILE_FROM or
    more."""
    pieces = plan(source.text, source.format, limit or piece_chars())
    if len(pieces) == 1:
        if isinstance(source.text, StoredText):  # it cannot be cut: it is linted whole
            source = Source(source.path, str(source.text), source.format)
        return linter.lint(source)
    found = _ChunkedRun(linter, source, pieces).lint()
    if spill and len(found) >= spill_module.KEEP_FILE_FROM:
        return found
    listed = list(found)
    found.close()
    return listed


class Chunked:
    """A Linter's stand-in that lints big documents piece by piece (for lint_within_budget),
    their findings spilled to a temporary file."""

    def __init__(self, linter: Linter, limit: int | None = None) -> None:
        self.linter = linter
        self.limit = limit

    @property
    def nlp(self) -> Any:
        return self.linter.nlp

    def lint(self, source: Source) -> list[Diagnostic] | SpilledFindings:
        return lint_source(self.linter, source, self.limit, spill=True)


@dataclass
class _Page:
    """What the whole page says, for every piece."""

    named: frozenset[str] = frozenset()  # subject words
    ranked: list[str] = field(default_factory=list)  # most frequent first
    present: frozenset[str] = frozenset()  # lexicon labels anywhere on the page


@dataclass
class _Requirement:
    """A document rule over the pieces seen so far."""

    required: bool = False  # the required statement appears somewhere
    names: set[str] = field(default_factory=set)  # `when` classes present (document scope)
    trigger: Diagnostic | None = None  # the first place that needs the statement


class _PieceLinter(Linter):
    """Lints one piece with the page's facts; leaves document rules and suppressions to the
    run, which sees every piece."""

    def __init__(self, linter: Linter, run: _ChunkedRun) -> None:
        super().__init__(linter.ruleset, linter.options)
        self._nlp = linter.nlp
        self.run = run

    def _hits(self, text: str, blocks) -> list[Hit]:
        return self.run.store.load()  # matched once, by the survey

    def _page_subjects(self, text: str, sentences, hits: list[Hit]) -> tuple[list[Hit], list[str]]:
        if not hits or self.nlp.compiled.common is None:
            return hits, []
        from claimlint.nlp.subjects import subject_candidates, with_subjects

        extends = self.nlp.compiled.extends
        kept, candidates, words, _ = subject_candidates(text, sentences, hits, extends)
        page = self.run.page
        return with_subjects(kept, candidates, words, page.named), page.ranked

    def _present(self, hits: list[Hit]) -> frozenset[str]:
        return self.run.page.present

    def _document_rule(self, source: Source, sh: SentenceHits, rule: Rule) -> Diagnostic | None:
        check = rule.document
        assert check is not None
        if self._provided(source.path, rule, check.require):
            return None
        state = self.run.requirements.setdefault(rule.id, _Requirement())
        count = range(len(sh.sentences))
        if requirement_met(sh, check):
            state.required = True
        in_core = self.run.in_core
        trigger: tuple[int, int] | None = None
        if check.when_scope == "document":
            when = check.when
            covers = [(h.start, h.end) for i in count for n in when.none for h in sh.hits(i, n)]
            firsts = []
            for name in when.all + when.any:
                found = [
                    h
                    for i in count
                    for h in sh.hits(i, name)
                    if not any(a <= h.start and h.end <= b for a, b in covers)
                ]
                if found:
                    state.names.add(name)
                if name in (when.all or when.any):
                    firsts.extend(h for h in found if in_core(h.start))
            if firsts:
                first = min(firsts, key=lambda h: h.start)
                trigger = (first.start, first.end)
        else:
            unless = self._modifiers_for(check.unless)
            for index in count:
                if not in_core(sh.sentences[index].start):
                    continue
                chosen = self.match_sentence(sh, index, check.when, None, unless)
                if chosen:
                    trigger = (min(h.start for h in chosen), max(h.end for h in chosen))
                    break
        if trigger is not None:
            words = " ".join(sh.text[trigger[0] : trigger[1]].split())
            found = self.run.shifted(
                self._diagnostic(source, rule, *trigger, document_analysis(rule, words))
            )
            if state.trigger is None or _position(found) < _position(state.trigger):
                state.trigger = found
        return None

    def _suppress(self, source: Source, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        return diagnostics  # over the merged findings, by the run


def _breaks(text: str | StoredText, start: int, stop: int) -> int:
    """The line breaks in text[start:stop] (a StoredText counts its bytes)."""
    if isinstance(text, StoredText):
        return text.breaks(start, stop)
    return len(_LINE_BREAK.findall(text, start, stop))


def _has_definition(text: str | StoredText) -> bool:
    """Does a Markdown document define a link reference anywhere?"""
    if isinstance(text, StoredText):
        return text.search(_DEFINITION_BYTES)
    return _DEFINITION.search(text) is not None


def _position(diag: Diagnostic) -> tuple[int, int]:
    return diag.line, diag.column


class _ChunkedRun:
    """One document's piece-by-piece lint."""

    def __init__(self, linter: Linter, source: Source, pieces: list[Piece]) -> None:
        self.linter = linter
        self.source = source
        self.pieces = pieces
        self.page = _Page()
        self.requirements: dict[str, _Requirement] = {}
        self.references: dict[str, str] | None = None
        self.store = HitStore()
        self._piece = pieces[0]
        self._prose: Prose | None = None
        self._lines_before = 0  # line breaks before the current piece
        self.directives: list[Suppression] = []
        self.comment_lines = CommentLines()
        self.comments: dict[tuple[int, int], Comment] = {}  # by (line, column)

    # -- the current piece -----------------------------------------------------------------

    def _enter(self, piece: Piece, lines_before: int) -> Source:
        self._piece, self._lines_before = piece, lines_before
        text = self.source.text[piece.start : piece.end]
        if self.source.format == "markdown" and self.references is not None:
            from claimlint.inputs.readers.markdown import read_markdown

            reading = read_markdown(text, self.references)
        elif self.source.format == "html":
            from claimlint.inputs.readers.html import read_html

            reading = read_html(text, piece.opened)
        else:
            reading = read(text, self.source.format)
        from claimlint.inputs.normalise import normalise

        reading.prose = normalise(reading.prose)  # as Source.reading does for a whole document
        self._prose = reading.prose
        return Source(self.source.path, text, self.source.format, reading)

    def in_core(self, prose_offset: int) -> bool:
        """Does this prose offset of the current piece lie in its core?"""
        assert self._prose is not None
        offset = self._piece.start + self._prose.source_start(prose_offset)
        return self._piece.core_start <= offset < self._piece.core_end

    def shifted(self, diag: Diagnostic) -> Diagnostic:
        """A finding of the current piece at its place in the document (a piece starts at the
        start of a line, so only line numbers move)."""
        moved = self._lines_before
        return replace(diag, line=diag.line + moved, end_line=diag.end_line + moved)

    def _each_piece(self):
        """(piece, its Source) in order, keeping count of the lines before each."""
        text, lines, counted = self.source.text, 0, 0
        for piece in self.pieces:
            lines += _breaks(text, counted, piece.start)
            counted = piece.start
            yield piece, self._enter(piece, lines)

    # -- the passes --------------------------------------------------------------------------

    def lint(self) -> SpilledFindings:
        if self.source.format == "markdown" and _has_definition(self.source.text):
            self.references = self._references()
        try:
            self.page = self._survey()
            return self._lint_pieces()
        finally:
            self.store.close()

    def _lint_pieces(self) -> SpilledFindings:
        piece_linter = _PieceLinter(self.linter, self)
        found = SpilledFindings(self.source.path)
        directives = self.directives
        for piece, source in self._each_piece():
            core = self._core_lines(piece)
            kept = sorted(d for d in map(self.shifted, piece_linter.lint(source)) if d.line in core)
            found.extend(unsuppressed(kept, directives) if directives else kept)
        extra: list[Diagnostic] = []
        for state in self.requirements.values():
            if state.trigger is None or state.required:
                continue
            rule = next(r for r in self.linter.rules if r.id == state.trigger.rule)
            when = rule.document.when if rule.document else None
            if when is not None and rule.document and rule.document.when_scope == "document":
                if not all(n in state.names for n in when.all):
                    continue
                if when.any and not any(n in state.names for n in when.any):
                    continue
            extra.append(state.trigger)
        if directives:
            extra = unsuppressed(extra, directives) + self._unused(directives)
        if not extra:
            return found
        merged = SpilledFindings(self.source.path)
        merged.extend(heapq.merge(found, sorted(extra)))
        found.close()
        return merged

    def _unused(self, directives: list[Suppression]) -> list[Diagnostic]:
        """The engine's findings for suppression comments that suppressed nothing (when asked
        to report them): its _suppress over no findings and only those comments."""
        if not self.linter.options.report_unused_suppressions:
            return []
        unused = [d for d in directives if not d.used and d.kind != "enable"]
        comments = [self.comments[(d.line, d.column)] for d in unused]
        reading = Reading(Prose("", [], []), comments)
        whole = Source(self.source.path, "", self.source.format, reading)
        whole.__dict__["lines"] = self.comment_lines  # Source.lines is a cached_property
        return self.linter._suppress(whole, [])

    def _core_lines(self, piece: Piece) -> range:
        """The document's line numbers of the current piece's core."""
        text = self.source.text
        first = self._lines_before + 1 + _breaks(text, piece.start, piece.core_start)
        if piece.core_end >= len(text):
            return range(first, 1 << 62)
        return range(first, self._lines_before + 1 + _breaks(text, piece.start, piece.core_end))

    def _references(self) -> dict[str, str]:
        """The link reference definitions of the whole document; the first one of a label
        wins, as in CommonMark."""
        from claimlint.inputs.readers.markdown import read_markdown

        references: dict[str, str] = {}
        for piece in self.pieces:
            text = self.source.text[piece.core_start : piece.core_end]
            for label, href in read_markdown(text).references.items():
                references.setdefault(label, href)
        return references

    def _survey(self) -> _Page:
        """The subjects and lexicon labels of the whole page, piece by piece."""
        linter = self.linter
        subjects = linter.nlp.compiled.common is not None
        extends = linter.nlp.compiled.extends
        counts: Counter[str] = Counter()
        named: set[str] = set()
        labels: set[str] = set()
        comments: list[Comment] = []
        for piece, source in self._each_piece():
            self._collect_comments(piece, source, comments)
            prose = source.reading.prose
            if not prose.text.strip():
                continue  # the engine does not match it either
            sentences = split_sentences(prose.text, prose.blocks)
            hits = linter._hits(prose.text, prose.blocks)
            self.store.save(hits)
            if not subjects or not hits:
                labels.update(h.label for h in hits)
                continue
            from claimlint.nlp.subjects import subject_candidates

            kept, candidates, words, local = subject_candidates(
                prose.text, sentences, hits, extends
            )
            labels.update(h.label for h in kept)
            for hit, word in zip(candidates, words, strict=True):
                if self.in_core(hit.start):  # the context around a piece is counted once
                    counts[word] += 1
            named.update(local)
        from claimlint.nlp.subjects import MIN_REPEATS, SUBJECT_LEXICON

        named.update(word for word, count in counts.items() if count >= MIN_REPEATS)
        if named:  # every subject word stands somewhere on the page
            labels.add(SUBJECT_LEXICON)
        ranked = sorted(named, key=lambda w: (-counts[w], w))
        text = self.source.text
        if isinstance(text, StoredText):
            lines = text.breaks(0, len(text)) + 1
        else:
            lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
        self.comment_lines.total = lines
        self.directives = parse_suppressions(comments, self.comment_lines) if comments else []
        return _Page(frozenset(named), ranked, frozenset(extends.closure(labels)))

    def _collect_comments(self, piece: Piece, source: Source, into: list[Comment]) -> None:
        """The comments of the piece's core, at their place in the document, with their lines
        and columns (so that the whole document never needs a line index)."""
        comments = [c for c in source.reading.comments if piece.core_start <= piece.start + c.start]
        comments = [c for c in comments if piece.start + c.start < piece.core_end]
        if not comments:
            return
        lines = source.lines  # the piece's
        for comment in comments:
            moved = Comment(piece.start + comment.start, piece.start + comment.end, comment.text)
            for local, offset in ((comment.start, moved.start), (comment.end, moved.end)):
                line, column = lines.locate(local)
                self.comment_lines.places[offset] = (line + self._lines_before, column)
            self.comments[self.comment_lines.places[moved.start]] = moved
            into.append(moved)
