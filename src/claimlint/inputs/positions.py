"""Exact source positions: prose offsets back to source offsets, source offsets to line:col.

Readers build prose (what the NLP sees) in runs that each map to a span of the source; every
reported position goes back through these maps, so columns stay exact after entities, markup,
non-ASCII text and any line-ending convention.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Character offset -> 1-based (line, column); CRLF, CR and LF all end a line."""

    def __init__(self, text: str) -> None:
        # 8 bytes a line (a list of ints costs 36): a big document's index is never held
        # as a list, not even while it is built.
        self.starts = array("q", [0])
        if isinstance(text, str):
            self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        else:  # a StoredText (inputs/stored.py): read a block at a time
            self.starts.extend(text.line_starts())
        self.length = len(text)
        self._text = text

    def locate(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Source offsets [start, end) of a 1-based line, without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        return start, start + len(self._text[start:end].rstrip("\r\n"))


@dataclass
class Run:
    """prose[prose_start:prose_start+prose_len] stands for source[source_start:+source_len].

    Equal lengths mean character-for-character; otherwise (a decoded entity) the whole run
    maps to the whole source span.
    """

    prose_start: int
    source_start: int
    prose_len: int
    source_len: int


@dataclass
class Block:
    """A unit of prose that is its own sentence boundary: paragraph, heading, cell, alt text."""

    start: int  # prose offset
    end: int
    kind: str = "paragraph"


@dataclass
class Prose:
    """What the NLP sees of a document, with the map back to the source."""

    text: str
    runs: list[Run]
    blocks: list[Block]
    # When `inputs.normalise` rewrote hidden characters: the text as written (same length),
    # and for each word whose letters moved, its start and the original index of each letter.
    shown: str = ""
    moves: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    _keys: list[int] = field(default_factory=list, repr=False)
    _move_keys: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._keys = [r.prose_start for r in self.runs]
        self._move_keys = [start for start, _ in self.moves]

    def written(self, pos: int) -> int:
        """Where the character at prose offset pos was before letters moved (same if none)."""
        if not self.moves:
            return pos
        i = bisect_right(self._move_keys, pos) - 1
        if i >= 0:
            start, order = self.moves[i]
            if pos - start < len(order):
                return start + order[pos - start]
        return pos

    def excerpt(self, start: int, end: int) -> str:
        """The prose span [start, end) as written (hidden characters and look-alikes kept)."""
        if not self.shown:
            return self.text[start:end]
        if end <= start:
            return ""
        return self.shown[self.written(start) : self.written(end - 1) + 1]

    def _run_at(self, pos: int) -> Run | None:
        i = bisect_right(self._keys, pos) - 1
        return self.runs[i] if i >= 0 else None

    def source_start(self, pos: int) -> int:
        pos = self.written(pos)
        run = self._run_at(pos)
        if run is None:
            return 0
        delta = pos - run.prose_start
        if delta >= run.prose_len:  # in a separator: the end of the previous run
            return run.source_start + run.source_len
        if run.prose_len == run.source_len:
            return run.source_start + delta
        return run.source_start

    def source_end(self, pos: int) -> int:
        """Source offset just past the prose character at pos - 1."""
        if pos <= 0:
            return 0
        pos = self.written(pos - 1) + 1
        run = self._run_at(pos - 1)
        if run is None:
            return 0
        delta = pos - 1 - run.prose_start
        if delta >= run.prose_len:
            return run.source_start + run.source_len
        if run.prose_len == run.source_len:
            return run.source_start + delta + 1
        return run.source_start + run.source_len


class ProseBuilder:
    """Accumulates prose runs and block boundaries while a reader walks the source."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[Run] = []
        self._blocks: list[Block] = []
        self._len = 0
        self._block_start: int | None = None
        self._block_kind = "paragraph"

    def start_block(self, kind: str = "paragraph") -> None:
        """End the current block (if it has text) and start a new one of the given kind."""
        self.end_block()
        self._block_kind = kind

    def end_block(self) -> None:
        if self._block_start is not None:
            self._blocks.append(Block(self._block_start, self._len, self._block_kind))
            self._block_start = None
        self._block_kind = "paragraph"

    @property
    def block_kind(self) -> str:
        return self._block_kind

    def add(self, text: str, source_start: int, source_len: int | None = None) -> None:
        """Append prose that stands for source[source_start:source_start+source_len]."""
        if not text:
            return
        if self._block_start is None:
            if text.isspace():
                return  # whitespace between blocks is not prose
            skipped = len(text) - len(text.lstrip())
            if skipped and (source_len is None or source_len == len(text)):
                text, source_start = text[skipped:], source_start + skipped
            if self._len:
                self._parts.append("\n\n")
                self._len += 2
            self._block_start = self._len
        source_len = len(text) if source_len is None else source_len
        last = self._runs[-1] if self._runs else None
        if (
            last is not None
            and source_len == len(text)
            and last.prose_len == last.source_len
            and last.prose_start + last.prose_len == self._len
            and last.source_start + last.source_len == source_start
        ):
            last.prose_len += len(text)
            last.source_len += len(text)
        else:
            self._runs.append(Run(self._len, source_start, len(text), source_len))
        self._parts.append(text)
        self._len += len(text)

    def build(self) -> Prose:
        self.end_block()
        blocks = [b for b in self._blocks if b.end > b.start]
        return Prose("".join(self._parts), self._runs, blocks)


def prose_span(prose: Prose, source_start: int, source_end: int) -> tuple[int, int]:
    """Map a source span to the prose span that covers it (for links)."""
    runs = prose.runs
    keys = [r.source_start for r in runs]
    i = max(0, bisect_left(keys, source_start) - 1)
    start = end = None
    while i < len(runs):
        run = runs[i]
        if run.source_start >= source_end:
            break
        if run.source_start + run.source_len > source_start:
            offset = (
                max(0, source_start - run.source_start) if run.prose_len == run.source_len else 0
            )
            if start is None:
                start = run.prose_start + min(offset, run.prose_len)
            end = run.prose_start + run.prose_len
            if run.prose_len == run.source_len:
                end = min(end, run.prose_start + (source_end - run.source_start))
        i += 1
    if start is None:
        return (0, 0)
    return start, max(start, end or start)
