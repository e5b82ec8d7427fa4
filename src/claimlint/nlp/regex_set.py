"""One RE2 scan of a chunk that says which lexicon regexes can match in it at all.

A page is matched block by block (a regex never runs across a paragraph), so running every
regex whose literal prefilter passes costs one call per regex and block: hundreds of calls per
page, each paying the RE2 wrapper's fixed cost. An RE2 Set runs many patterns in one pass;
asked once per chunk it names the few regexes worth running there, and the rest are skipped.

It is only a filter: a regex it names still runs block by block exactly as before, so the
answers cannot change. To be sure of that, the Set sees the chunk's blocks joined by newlines
(\\b at a block's edge then holds where it holds at the end of a block's own text), patterns
with other anchors (^, $, \\A, \\z, \\B) are left out and always run, and a pattern that
matches everywhere is added first as a canary: a scan that runs out of memory returns no
canary, and then every regex runs. A Set holds each pattern relaxed (long bounded repeats made
unbounded): it then matches more texts, never fewer, so it may name a regex that finds nothing
but never passes over one that would.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from claimlint.packs.linear_regex import LinearRegex, parsed, python_only, re2_options, translate

try:  # Python 3.11+
    from re import _constants as sre_constants
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]

RELAX_FROM = 4  # a bounded repeat allowing this many or more becomes unbounded in a Set
GROUP_SIZE = 48  # patterns per Set: small programs compile within RE2's memory budget
# A pattern with an open-ended gap ("if [^.;!?]+?, call", "(?:\w+\s+)*?") stays alive from
# a common word to the end of a clause, and a DFA state records every live combination of
# them: 48 such patterns in one Set cost ten times a Set without them. They get Sets of their
# own, a few at a time (300 generated pages: 1.38 s of Set scans become 0.80 s). Eight, not
# sixteen: a DFA state is a combination of live gaps, and over a 2,000-page site the 27 Sets of
# sixteen grew 48 MB of DFA cache; 54 Sets of eight hold about half, in the same scan time.
GAP_GROUP_SIZE = 8
_GAP = re.compile(r"\[\^[^\]]*\][*+]|\)[*+]")
# Bytes per Set: its program and its lazily built DFA cache. Counting repeats such as
# [^.!?]{0,60} multiply DFA states, so the Sets are built from relaxed() patterns: on 400
# pages 4 MB Sets of relaxed patterns scan as fast as 32 MB Sets of the patterns as written
# (0.20 s against 0.18 s; 0.70 s for 4 MB of those), and the 2,000-page benchmark's peak
# drops from 327 MB to 239 MB. A Set that runs out of room resets its cache (RE2 gives up
# only on one-pattern scans); if a scan fails all the same, the canary says so. Round 51's
# regexes made some 4 MB Sets reset their caches over and over (the site took 65.4 s against
# 50.2 s with 5 MB); the culprits were patterns whose start is alive at every word, which a
# Set now leaves out (without_loose_start): 400 pages scan in 1.9 s with 4 MB, 3.7 s before.
MAX_MEM = 4 << 20
# The Sets of gap patterns need less: over the 2,000-page site, 1 MB each instead of 4 MB took
# 11 MB off the peak in the same scan time, while 2 MB for the plain Sets made the scan half
# as slow again (their DFAs are what makes a Set fast).
GAP_MAX_MEM = 1 << 20

_CONTAINERS = {
    sre_constants.SUBPATTERN: lambda av: [av[-1]],
    sre_constants.BRANCH: lambda av: list(av[1]),
    sre_constants.MAX_REPEAT: lambda av: [av[2]],
    sre_constants.MIN_REPEAT: lambda av: [av[2]],
}


def joinable(pattern: str) -> bool:
    """Whether a match inside one block is also found in the blocks joined by newlines: no
    anchor but \\b (whose edges the newline keeps), and a pattern Python can parse."""
    tree = parsed(pattern)
    return tree is not None and not python_only(pattern) and _only_word_boundaries(tree)


def _only_word_boundaries(items) -> bool:
    for op, av in items:
        if op is sre_constants.AT and av is not sre_constants.AT_BOUNDARY:
            return False
        children = _CONTAINERS.get(op)
        if children and not all(_only_word_boundaries(child) for child in children(av)):
            return False
    return True


class RegexSet:
    """RE2 Sets over some of a matcher's regexes, grouped by case sensitivity."""

    def __init__(
        self,
        entries: Sequence[tuple[int, str, bool]],
        joins: Sequence[bool] | None = None,
        narrow: bool = False,
        linear: Sequence[bool] | None = None,
        written: Sequence[str | None] | None = None,
    ) -> None:
        """`entries` are (the regex's index in the matcher, its Python pattern, ignore case);
        `joins` says of each whether it is joinable, if known (the compiled-pack cache keeps
        it: parsing hundreds of patterns again costs a third of a second per process), and
        `linear` whether RE2 runs it at all. A joinable regex is `covered` (it may run on the
        joined blocks); any other that RE2 runs is `filtered` only, its anchors dropped in the
        Set (see relaxed): a Set that does not name it rules it out, and a Set that does
        leaves it to run block by block. A group that RE2 cannot compile as a Set is left
        out (its regexes always run). A `narrow` Set (see linear_regex.narrow_safe) may only
        scan narrow_safe chunks. `written` gives each regex as the Set holds it, if known
        (set_pattern; None where it cannot be written): the compiled-pack cache keeps them, as
        rewriting 1,300 patterns costs half a second of every process that builds the Sets."""
        self.groups: list[tuple[object, bool, list[int]]] = []
        self.covered: set[int] = set()
        self.filtered: set[int] = set()
        if joins is None:
            joins = [joinable(p) for _, p, _ in entries]
        if linear is None:
            linear = [parsed(p) is not None and not python_only(p) for _, p, _ in entries]
        if written is None:
            pairs = zip(entries, joins, strict=True)
            written = [set_pattern(p, join, narrow) for (_, p, _), join in pairs]
        for ignore_case in (True, False):
            chosen = [
                (i, w, join)
                for (i, _, ic), join, runs, w in zip(entries, joins, linear, written, strict=True)
                if ic is ignore_case and (join or runs)
            ]
            gaps: list[tuple[int, str | None, bool]] = []
            plain: list[tuple[int, str | None, bool]] = []
            for entry in chosen:
                (gaps if has_gap(entry[1]) else plain).append(entry)
            for part in (plain, gaps):
                part.sort(key=_set_order)
            for part, size, budget in (
                (plain, GROUP_SIZE, MAX_MEM),
                (gaps, GAP_GROUP_SIZE, GAP_MAX_MEM),
            ):
                for start in range(0, len(part), size):
                    self._add(part[start : start + size], ignore_case, budget)

    def _add(
        self, group: list[tuple[int, str | None, bool]], ignore_case: bool, max_mem: int
    ) -> None:
        """One Set, of max_mem bytes, over a group of (regex index, pattern as the Set holds
        it, joinable)."""
        compiled = _compile([w for _, w, _ in group], ignore_case, max_mem)
        if compiled is not None:
            self.groups.append((compiled, ignore_case, [i for i, _, _ in group]))
            self.covered.update(i for i, _, join in group if join)
            self.filtered.update(i for i, _, _ in group)

    def candidates(self, joined: dict[bool, JoinedBlocks]) -> set[int] | None:
        """The filtered regexes that can match in some segment of a chunk, given the chunk's
        blocks joined (by ignore-case: the case-folded text, else the text), or None if a
        scan failed."""
        found: set[int] = set()
        for compiled, ignore_case, indexes in self.groups:
            matched = compiled.Match(joined[ignore_case].data) or []
            if 0 not in matched:  # the canary: RE2 gave up on this scan
                return None
            found.update(indexes[k - 1] for k in matched if k)
        return found

    def candidates_many(self, chunks: Sequence[dict[bool, JoinedBlocks]]) -> list[set[int] | None]:
        """candidates() of several chunks, scanned one Set at a time over all of them (a Set's
        DFA stays warm in the CPU caches from one chunk to the next)."""
        found: list[set[int] | None] = [set() for _ in chunks]
        for compiled, ignore_case, indexes in self.groups:
            for k, joined in enumerate(chunks):
                into = found[k]
                if into is None:
                    continue
                matched = compiled.Match(joined[ignore_case].data) or []
                if 0 not in matched:  # the canary: RE2 gave up on this scan
                    found[k] = None
                    continue
                into.update(indexes[m - 1] for m in matched if m)
        return found


class JoinedBlocks:
    """A chunk's segments (blocks and the gaps between them) joined into one text, so that a
    regex runs once per chunk instead of once per segment, with the same answers.

    Each segment is preceded by a newline, and by an "a" when the character before it in the
    chunk is an ASCII word character: RE2's \\b then sees at each edge what it sees when the
    segment is searched alone (with that character as context), and ^, $, \\A, \\z and \\B
    are not allowed (see joinable). A match that touches a separator or is empty could differ
    from the segment's own: spans() then returns None and the caller searches segment by
    segment. Otherwise the matches are the same, leftmost-first within each segment.
    """

    def __init__(self, text: str, edges: Sequence[int]) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.edges = edges
        at = 0
        for k in range(len(edges) - 1):
            if k:
                word = _ascii_word(text[edges[k] - 1]) if edges[k] else False
                separator = "\na" if word else "\n"
                parts.append(separator)
                at += len(separator)
            self.starts.append(at)
            piece = text[edges[k] : edges[k + 1]]
            parts.append(piece)
            at += len(piece)
        self.text = "".join(parts)
        self.data = self.text.encode("utf-8")  # once: RE2 scans bytes (see byte_spans)
        self._widths: tuple[list[int], list[int]] | None = None  # see _wide

    def spans(self, regex: LinearRegex) -> list[tuple[int, int]] | None:
        """The regex's matches in chunk offsets, or None if one crossed a segment's edge."""
        found = []
        starts, edges = self.starts, self.edges
        for a, b in self._char_spans(regex.byte_spans(self.data)):
            k = bisect_right(starts, a) - 1
            if a == b or k < 0:
                return None
            shift = edges[k] - starts[k]
            if b + shift > edges[k + 1]:
                return None
            found.append((a + shift, b + shift))
        return found

    def char_spans(self, regex: LinearRegex) -> list[tuple[int, int]]:
        """The regex's matches in the joined text, as its character offsets."""
        return self._char_spans(regex.byte_spans(self.data))

    def _char_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Byte spans as character offsets of the text: the same numbers when it is ASCII,
        else each offset less the extra bytes of the wide characters before it (see _wide)."""
        if not spans or len(self.data) == len(self.text):
            return spans
        ends, extra = self._wide()
        return [
            (a - extra[bisect_right(ends, a)], b - extra[bisect_right(ends, b)]) for a, b in spans
        ]

    def _wide(self) -> tuple[list[int], list[int]]:
        """Where each character beyond ASCII ends, in bytes, and the extra bytes (over one a
        character) up to each: worked out once a text, where decoding the bytes between
        matches cost every regex another pass over the text."""
        if self._widths is None:
            ends: list[int] = []
            extra = [0]
            total = 0
            for run in _NOT_ASCII.finditer(self.text):
                at = run.start()
                for char in run.group():
                    total += _extra_bytes(ord(char))
                    at += 1
                    ends.append(at + total)
                    extra.append(total)
            self._widths = (ends, extra)
        return self._widths


def _extra_bytes(code: int) -> int:
    """The bytes a character takes in UTF-8 beyond one (for a character beyond ASCII)."""
    return 1 if code < 0x800 else 2 if code < 0x10000 else 3


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _set_order(entry: tuple[int, str | None, bool]) -> str:
    """Where a regex goes among the Sets: by its opening letters (its text without the leading
    \\b, group openers and b's). A DFA state is the set of patterns alive at a point of the
    text, and patterns that open alike are alive together, so a Set of them has fewer states
    than one of patterns in pack order (2,000-page site: 279 -> 266 MB at the peak, scans as
    fast). A word's leading b's are dropped because the b-words (be, by, but, been, because)
    are everywhere: in one Set of their own its DFA resets all the time (13% slower)."""
    return (entry[1] or "").lstrip("\\b(?:").lower()


def has_gap(pattern: str | None) -> bool:
    """Whether a pattern as a Set holds it repeats a negated class or a group without bound."""
    return pattern is not None and _GAP.search(pattern) is not None


def _ascii_word(char: str) -> bool:
    """A character RE2's \\b counts as a word character (ASCII letters, digits, _)."""
    return char.isascii() and (char.isalnum() or char == "_")


def set_pattern(pattern: str, join: bool, narrow: bool) -> str | None:
    """A pattern as a Set holds it: in RE2's syntax, relaxed, its anchors dropped if it is not
    joinable; None if it cannot be translated (its group then gets no Set)."""
    try:
        return without_loose_start(relaxed(translate(pattern, narrow), anchors=join))
    except Exception:  # noqa: BLE001 - a translation error: the group is left out
        return None


def without_loose_start(pattern: str) -> str:
    """A pattern without its leading optional or repeated parts ("(?:|[.!?]\\s+)" where an
    anchor was dropped, "(?:\\w+\\s+){1,3}"): a text that holds a match of the whole holds
    one of what follows them, so a Set (a search anywhere in the text) still names the regex
    wherever it can match. Such a start is alive at every word of a text, and a DFA state
    is a combination of live patterns: two of them made a Set of 45 patterns nine times
    slower once its 4 MB were full. The pattern stays whole if it is an alternation or if
    nothing that must match would be left."""
    elements = _elements(pattern)
    if ("|", "") in elements:
        return pattern
    drop = 0
    while drop < len(elements) and _loose(*elements[drop]):
        drop += 1
    rest = elements[drop:]
    if not drop or all(_nullable(*element) for element in rest):
        return pattern
    return "".join(atom + quantifier for atom, quantifier in rest)


_ASSERTIONS = {"^", "$", r"\b", r"\B", r"\A", r"\z"}
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d+(?:,\d*)?\})\??")
_GROUP_OPEN = re.compile(r"\((?:\?[-a-zA-Z]*:)?")
_FLAGS = re.compile(r"\(\?[-a-zA-Z]+\)")  # a flag setting, "(?m)", not a group


def _elements(pattern: str) -> list[tuple[str, str]]:
    """A pattern's top-level atoms (an escape, a class, a group, a character, or "|") with
    the quantifier that follows each ("" if none)."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(pattern)
    while i < n:
        end = _atom_end(pattern, i)
        quantifier = _QUANTIFIER.match(pattern, end) if pattern[i] != "|" else None
        stop = quantifier.end() if quantifier else end
        out.append((pattern[i:end], pattern[end:stop]))
        i = stop
    return out


def _atom_end(pattern: str, i: int) -> int:
    """Where the atom that starts at i ends."""
    char = pattern[i]
    if char == "\\":
        if pattern[i + 1 : i + 3] in ("x{", "p{", "P{"):
            return pattern.index("}", i) + 1
        return i + 2
    if char == "[":
        return _class_end(pattern, i)
    if char == "(":
        depth, j = 0, i
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            if pattern[j] == "[":
                j = _class_end(pattern, j)
                continue
            depth += {"(": 1, ")": -1}.get(pattern[j], 0)
            j += 1
            if depth == 0:
                return j
        raise ValueError(f"unbalanced group in {pattern!r}")
    return i + 1


def _class_end(pattern: str, i: int) -> int:
    """Where the character class that opens at i ends (after its "]")."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while pattern[j] != "]":
        if pattern.startswith("[:", j):
            j = pattern.index(":]", j + 2) + 2
        else:
            j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _loose(atom: str, quantifier: str) -> bool:
    """Whether a leading atom is dropped: a group that is optional or repeated (a repeated
    class such as "[0-9]+" stays: it keeps a Set from naming the regex at every "%"), never
    an assertion or a flag setting such as "(?m)"."""
    if atom in _ASSERTIONS or not atom.startswith("(") or _FLAGS.fullmatch(atom):
        return False
    return bool(quantifier) or _nullable(atom, quantifier)


def _nullable(atom: str, quantifier: str) -> bool:
    """Whether an atom with its quantifier can match the empty text."""
    if quantifier[:1] in ("*", "?") or quantifier.startswith("{0"):
        return True
    if atom in _ASSERTIONS or _FLAGS.fullmatch(atom):  # (?m) matches no text
        return True
    opened = _GROUP_OPEN.match(atom)
    if not opened or not atom.endswith(")"):
        return False
    branch: list[tuple[str, str]] = []
    for element in [*_elements(atom[opened.end() : -1]), ("|", "")]:
        if element == ("|", ""):
            if all(_nullable(*e) for e in branch):
                return True
            branch = []
        else:
            branch.append(element)
    return False


def _compile(patterns: list[str | None], ignore_case: bool, max_mem: int = MAX_MEM):  # noqa: ANN202
    """A Set of patterns as set_pattern wrote them (None: no Set for the group)."""
    import re2

    compiled = re2.Set.SearchSet(re2_options(ignore_case, max_mem))
    try:
        compiled.Add("")  # the canary, index 0: it matches every text
        for pattern in patterns:
            if pattern is None:
                return None
            compiled.Add(pattern)
        compiled.Compile()
    except Exception:  # noqa: BLE001 - re2.error or a translation error: no Set, no filter
        return None
    return compiled


def relaxed(pattern: str, anchors: bool = True) -> str:
    """An RE2 pattern whose bounded repeats of RELAX_FROM or more ("[^.!?]{0,60}?") are
    unbounded ("[^.!?]*?"), and without its anchors (^, $, \\A, \\z, \\B) unless `anchors`:
    it matches everything the pattern matches, and more, so a Set built from it names every
    regex that can match (and a few that then do not). Counting repeats multiply a DFA's
    states; without them a Set's DFA stays small and fast. Dropping the anchors lets a
    pattern that only holds at a block's edges be ruled out on the joined blocks too."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            if anchors or pattern[i + 1 : i + 2] not in ("A", "z", "B"):
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[":  # a class is copied whole
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
            continue
        if char in "^$" and not anchors:
            i += 1
            continue
        if char == "{":
            close = pattern.find("}", i)
            low, comma, high = pattern[i + 1 : close].partition(",")
            if close > 0 and low.isdigit() and comma and (not high or high.isdigit()):
                if not high or int(high) >= RELAX_FROM:
                    out.append("*" if int(low) == 0 else "+")
                    i = close + 1
                    continue
        out.append(char)
        i += 1
    return "".join(out)
