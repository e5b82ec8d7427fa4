"""claimlint positions (1-based lines, character columns) <-> LSP positions.

LSP counts a position's `character` in the code units of the negotiated encoding: UTF-16 by
default, so a character outside the Basic Multilingual Plane (an emoji) counts two. Python
strings count code points, as claimlint's columns do.
"""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types

from claimlint.inputs.positions import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of the encoding `text` takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Offsets, claimlint (line, column) pairs and LSP positions of one text."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = str(encoding)
        self.index = LineIndex(text)

    def _line_text(self, line0: int) -> str:
        start, end = self.index.line_span(line0 + 1)
        return self.text[start:end]

    def offset_to_position(self, offset: int) -> types.Position:
        line, column = self.index.locate(offset)
        start = self.index.starts[line - 1]
        return types.Position(
            line=line - 1, character=units(self.text[start : start + column - 1], self.encoding)
        )

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of a claimlint 1-based (line, character column)."""
        line = max(1, min(line, len(self.index.starts)))
        return self.offset_to_position(self.index.starts[line - 1] + column - 1)

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(
            start=self.position(line, column), end=self.position(end_line, end_column)
        )

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP position (clamped to the text)."""
        if position.line >= len(self.index.starts):
            return len(self.text)
        start = self.index.starts[max(0, position.line)]
        line = self._line_text(max(0, position.line))
        if self.encoding == UTF32:
            return start + min(position.character, len(line))
        counted = 0
        for i, ch in enumerate(line):
            if counted >= position.character:
                return start + i
            counted += units(ch, self.encoding)
        return start + len(line)

    def line_of(self, offset: int) -> int:
        """0-based line of a character offset."""
        return bisect_right(self.index.starts, max(0, offset)) - 1
