"""The lexicons' regexes over a tokenized chunk, as hits aligned to its tokens.

Regexes run on RE2 (linear time) over the chunk's text, block by block (a regex never runs
across a paragraph). Two filters only ever save work: RE2 Sets (regex_set.py) name the few
regexes that can match in a chunk at all, and a regex left out of the Sets is skipped in a
block that lacks a literal it needs (prefilter.py). Matches are aligned to tokens exactly as
``Doc.char_span(alignment_mode="expand")``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimlint.nlp import prefilter
from claimlint.nlp.lexicon_regex import LexiconRegex
from claimlint.nlp.token_spans import align, segments_with_all
from claimlint.packs.linear_regex import fold_case, narrow_safe

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.regex_set import JoinedBlocks, RegexSet
    from claimlint.packs.linear_regex import LinearRegex

# A hit before it becomes a context.Hit: label, start and end character, start and end token.
RawHit = tuple[str, int, int, int, int]
_ChunkKey = tuple[str, tuple[int, ...]]  # a chunk's text and the starts of its segments
# What scan_ahead keeps of a chunk: its blocks joined, the regexes its Set scan named (None if
# the scan failed), and those regexes' matches in the joined blocks (JoinedBlocks.spans).
_Spans = dict[int, "list[tuple[int, int]] | None"]
_Ahead = tuple["dict[bool, JoinedBlocks]", "set[int] | None", _Spans]
# A chunk this long pays for building the Sets even when it is a process's first: without
# them each of 1,300 regexes tests its literals segment by segment, 3.7 s for a 200,000
# character chunk against 0.4 s for the Sets' compilation.
SETS_PAY_CHARS = 20_000


class _Present(dict):
    """Whether each literal occurs in a text, looked up once: regexes share literals, and
    a requirement may list dozens of strings ("approved for", "cleared for", ...)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, literal: str) -> bool:
        cut = literal.find(" ", 3)  # "approved for": not there if "approved" is not
        found = self[literal] = (cut < 0 or self[literal[:cut]]) and literal in self.text
        return found


class RegexHits:
    """The compiled regexes of a rule set, with their RE2 Sets (built on first use)."""

    def __init__(self, regexes: list[LexiconRegex]) -> None:
        self.regexes = regexes
        self._regex_set: RegexSet | None = None
        self._unfiltered: set[int] | None = None  # the regexes no Set holds (they always run)
        self._relaxed: dict[int, LinearRegex] = {}  # see _relaxed_where
        self._regex_runs = 0
        # Set candidates scanned ahead for chunks about to be matched (see scan_ahead), by text
        # and bounds.
        self._ahead: dict[_ChunkKey, _Ahead] = {}

    def hits(
        self, text: str, starts: list[int], lengths: list[int], bounds: list[int]
    ) -> list[RawHit]:
        edges = [*bounds, len(text)]
        folded = prefilter.fold(text)
        if len(folded) != len(text):  # cannot happen with _FOLD; never risk a wrong offset
            folded = ""
        spaced, spaced_edges = prefilter.fold_spaced(folded, edges)  # what `needs` reads
        spaced_bounds = spaced_edges[:-1]
        present = _Present(spaced).__getitem__  # whether a literal is in the chunk, memoised
        everywhere = range(len(bounds))
        hits: list[RawHit] = []
        caseless = fold_case(text)
        narrow = narrow_safe(text) and (caseless is text or narrow_safe(caseless))
        ahead = self._ahead.pop((text, tuple(bounds)), None) if self._ahead else None
        spans_of: dict[int, list[tuple[int, int]] | None] = {}
        if ahead is not None and narrow:
            joined, candidates, spans_of = ahead
        else:
            joined = self._joined(text, caseless, edges)
            candidates = self._candidates(joined, narrow)
        run, covered = self._run_covered(candidates)
        # a regex the Sets named (no Set scan failed) finds its segments on the joined blocks
        relax = self._in_sets() if joined and narrow and candidates is not None else set()
        regexes = self.regexes
        for index in run:
            regex = regexes[index]
            if index in covered:  # one search of the joined blocks, if no match crosses one
                if index in spans_of:
                    found = spans_of[index]
                else:
                    found = joined[regex.ignore_case].spans(regex.compiled(narrow))
                if found is not None:
                    for span in filter(None, (align(starts, lengths, *f) for f in found)):
                        hits.extend((label, *span) for label in regex.labels)
                    continue
            if index in relax and regex.in_set is not None:
                where = self._relaxed_where(index, joined[regex.ignore_case])
            elif regex.needs is None or not folded:
                where = everywhere
            elif all(any(map(present, literals)) for literals in regex.checks):
                where = segments_with_all(spaced, regex.needs, spaced_bounds, spaced_edges, present)
            else:  # not in the chunk at all: most regexes, decided by shared literals
                continue
            if not where:  # no segment holds its literals: never compiled
                continue
            searched = caseless if regex.ignore_case else text
            program = regex.compiled(narrow)
            for segment in where:
                for found in program.spans(searched, edges[segment], edges[segment + 1]):
                    span = align(starts, lengths, *found)
                    if span is not None:
                        hits.extend((label, *span) for label in regex.labels)
        return hits

    def _in_sets(self) -> set[int]:
        """The regexes a Set holds (as its relaxed form, regex_set.set_pattern)."""
        return self._regex_set.filtered if self._regex_set is not None else set()

    def _relaxed_where(self, index: int, joined: JoinedBlocks) -> list[int]:
        """The segments a regex can match in, from one search of the joined blocks with the
        pattern as its Set holds it (anchors dropped, long repeats unbounded: it matches
        wherever the regex does, and more). Where the regex matches in a segment, the relaxed
        one matches too, so a search of the joined text reports a match that starts there
        or runs over it: the segments such matches touch hold every match of the regex.
        Cheaper than finding the segments that hold its literals (prefilter.py), for the
        regexes the Sets name but cannot search on the joined blocks (anchored ones)."""
        program = self._relaxed.get(index)
        if program is None:
            program = self._relaxed[index] = _relaxed_program(self.regexes[index])
        starts, edges = joined.starts, joined.edges
        marked: set[int] = set()
        for a, b in joined.char_spans(program):
            first = bisect_right(starts, a) - 1
            if first < 0 or starts[first] + edges[first + 1] - edges[first] < a:
                first += 1  # a starts in the separator after segment `first`
            last = bisect_right(starts, max(a, b - 1)) - 1
            marked.update(range(first, last + 1))
        return sorted(k for k in marked if k < len(starts))

    def _joined(self, text: str, caseless: str, edges: list[int]) -> dict[bool, JoinedBlocks]:
        """The chunk's blocks joined, by ignore-case (empty until the Sets are in use)."""
        self._regex_runs += 1
        if self._regex_runs < 2 and len(text) < SETS_PAY_CHARS:
            return {}
        return self._join(text, caseless, edges)

    @staticmethod
    def _join(text: str, caseless: str, edges: list[int]) -> dict[bool, JoinedBlocks]:
        from claimlint.nlp.regex_set import JoinedBlocks

        plain = JoinedBlocks(text, edges)
        return {False: plain, True: plain if caseless == text else JoinedBlocks(caseless, edges)}

    def _candidates(self, joined: dict[bool, JoinedBlocks], narrow: bool) -> set[int] | None:
        """The regexes an RE2 Set scan names for this chunk (None: no scan). The Sets are
        built on the second chunk a process matches, or on a first one of SETS_PAY_CHARS:
        compiling them costs more than a page saves, so a one-page run never pays for them.
        They are narrow (linear_regex.narrow_safe): a chunk with a letter beyond Latin-1 (a
        Greek mu in "10 mcg") runs its regexes one by one instead, since a second, full set
        of Sets would cost about 40 MB for the few pages that need it."""
        if not joined or not narrow:
            return None
        return self._sets().candidates(joined)

    def _sets(self) -> RegexSet:
        """The RE2 Sets over the joinable regexes, built on first use."""
        if self._regex_set is None:
            from claimlint.nlp.regex_set import RegexSet

            regexes = self.regexes
            joins = [r.joinable for r in regexes]
            known = None not in joins  # from the compiled-pack cache (else worked out here)
            self._regex_set = RegexSet(
                [(i, r.source, r.ignore_case) for i, r in enumerate(regexes)],
                joins if known else None,
                narrow=True,
                linear=[r.linear for r in regexes],
                written=[r.in_set for r in regexes] if known else None,
            )
        return self._regex_set

    def _run_covered(self, found: set[int] | None) -> tuple[Sequence[int], set[int]]:
        """The regexes to run on a chunk, in order, given the ones a Set scan named (None if
        there was none or it failed: then all of them), and the covered ones (see RegexSet).
        A page's Sets name a few dozen of some 1,700 regexes: a loop over just those."""
        sets = self._regex_set
        if found is None or sets is None:
            return range(len(self.regexes)), set()
        if self._unfiltered is None:
            self._unfiltered = set(range(len(self.regexes))) - sets.filtered
        return sorted(found.union(self._unfiltered)), sets.covered

    def scan_ahead(self, chunks: list[tuple[str, list[int] | None]]) -> None:
        """Run the RE2 Sets over several chunks about to be matched (texts and bounds, as
        find will get them), one Set at a time, and keep the answers for find.

        Scanning chunk by chunk runs all the Sets over one chunk, then all of them over the
        next: each Set's lazily built DFA (megabytes) is cold in the CPU caches every time, and
        the scans cost about five times what they cost when one Set runs over many chunks in a
        row. The regexes a Set names are then searched the same way, one regex over all the
        chunks that need it. The answers are the same either way; a chunk that is never matched
        is forgotten at the next call, so at most one batch is kept."""
        self._ahead = {}
        if len(chunks) < 2:  # one page never pays for the Sets (see _candidates)
            return
        prepared: list[tuple[_ChunkKey, dict[bool, JoinedBlocks]]] = []
        for text, bounds in chunks:
            caseless = fold_case(text)
            if not text or not narrow_safe(text) or not (caseless is text or narrow_safe(caseless)):
                continue
            starts = bounds or [0]
            self._regex_runs += 1
            prepared.append(
                ((text, tuple(starts)), self._join(text, caseless, [*starts, len(text)]))
            )
        if not prepared:
            return
        sets = self._sets()
        found = sets.candidates_many([joined for _, joined in prepared])
        spans: list[_Spans] = [{} for _ in prepared]
        named = set().union(*(f for f in found if f)) & sets.covered
        for index in sorted(named):  # one regex at a time, too
            regex = self.regexes[index]
            program = regex.compiled(True)
            for k, (_, joined) in enumerate(prepared):
                if found[k] and index in found[k]:
                    spans[k][index] = joined[regex.ignore_case].spans(program)
        self._ahead = {
            key: (joined, f, s) for (key, joined), f, s in zip(prepared, found, spans, strict=True)
        }


def _relaxed_program(regex: LexiconRegex) -> LinearRegex:
    """The narrow RE2 program of a regex as a Set holds it (regex.in_set)."""
    import re2

    from claimlint.packs.linear_regex import SEARCH_MEM, LinearRegex, re2_options

    assert regex.in_set is not None
    return LinearRegex(
        regex.in_set, re2.compile(regex.in_set, re2_options(regex.ignore_case, SEARCH_MEM))
    )
