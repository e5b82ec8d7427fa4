"""A big document's text kept as its UTF-8 bytes and decoded a block at a time (issue 13).

Python stores a str at 1, 2 or 4 bytes a character after its widest character: 64 MB of prose
with one emoji is a 256 MB string, more than the 300 MB a run may take once spaCy is loaded.
A big UTF-8 document is therefore never decoded whole: StoredText keeps the file's bytes
(each byte once) and a checkpoint every BLOCK bytes (its character offset), and gives slices
of the text by character offset, as a str would, decoding only the blocks they cover. Offsets
are character offsets throughout, so lines and columns are exactly those of the decoded text.
Blocks never split a character or a CRLF pair, so a block read alone has the lines it has in
place.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from claimlint.inputs.decoding import declared_charset, implausible, sniff_bom

BLOCK = 1 << 16  # bytes between two checkpoints
STORED_FROM = 1 << 20  # documents of more bytes than this are kept as bytes (tests lower it)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BREAK = re.compile(r"\r\n|\r|\n")


class StoredText:
    """Text read by character offset (len, [i], [a:b]) from UTF-8 bytes; see the module."""

    def __init__(self, data: bytes, skip: int = 0) -> None:
        """data[skip:] is the text (skip: a byte order mark); raises UnicodeDecodeError when
        it is not valid UTF-8."""
        self._data = data
        self._skip = skip
        self._chars = array("q", [0])  # character offset of each checkpoint
        self._bytes = array("q", [skip])  # and its byte offset in data
        size, pos, count = len(data), skip, 0
        view = memoryview(data)
        while pos < size:
            end = min(pos + BLOCK, size)
            while end < size and end > pos + 1 and _inside(data, end):
                end -= 1
            count += len(codecs.utf_8_decode(view[pos:end], "strict", True)[0])
            self._chars.append(count)
            self._bytes.append(end)
            pos = end
        self._length = count
        self._cached = (0, 0, "")  # (first, last character, the text between)

    def __len__(self) -> int:
        return self._length

    def __str__(self) -> str:
        """The whole text (for a document that must be linted whole after all)."""
        return self[0 : self._length]

    def __getitem__(self, index: int | slice) -> str:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                raise ValueError("StoredText slices have no step")
            if stop <= start:
                return ""
            return self._span(start, stop)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("string index out of range")
        return self._span(index, index + 1)

    def _span(self, start: int, stop: int) -> str:
        first, last, text = self._cached
        if not (first <= start and stop <= last):
            low = bisect_right(self._chars, start) - 1
            high = min(bisect_left(self._chars, stop), len(self._chars) - 1)
            data = memoryview(self._data)[self._bytes[low] : self._bytes[high]]
            text = codecs.utf_8_decode(data, "strict", True)[0]
            first, last = self._chars[low], self._chars[high]
            self._cached = (first, last, text)
        return text[start - first : stop - first]

    def blocks(self) -> Iterator[tuple[int, str]]:
        """(character offset, text) of every block, in order."""
        view = memoryview(self._data)
        for index in range(len(self._chars) - 1):
            data = view[self._bytes[index] : self._bytes[index + 1]]
            yield self._chars[index], codecs.utf_8_decode(data, "strict", True)[0]

    def lines(self) -> Iterator[tuple[int, int, str]]:
        """(start, end with the line break, the line without it) of every line, as
        readers.text.iter_lines gives them over the whole text."""
        carry, carry_start = "", 0
        for start, block in self.blocks():
            if carry:
                block, start = carry + block, carry_start
            pos, size = 0, len(block)
            while pos < size:
                match = _LINE.match(block, pos)
                end = match.end()  # type: ignore[union-attr]
                if end == size and block[-1] not in "\r\n":
                    break  # the line goes on in the next block
                yield start + pos, start + end, block[pos:end].rstrip("\r\n")
                pos = end
            carry, carry_start = block[pos:], start + pos
        if carry:
            yield carry_start, carry_start + len(carry), carry

    def line_starts(self) -> Iterator[int]:
        """The character offset of every line start after the first."""
        for start, block in self.blocks():
            for match in _BREAK.finditer(block):
                yield start + match.end()

    def breaks(self, start: int, stop: int) -> int:
        """How many line breaks (CRLF, CR or LF) lie in [start, stop): the bytes are counted,
        never decoded."""
        low, high, data = self._byte(start), self._byte(stop), self._data
        if high <= low:
            return 0
        crlf = data.count(b"\r\n", low, high)
        return data.count(b"\n", low, high) + data.count(b"\r", low, high) - crlf

    def search(self, pattern: re.Pattern[bytes]) -> bool:
        """Does a bytes pattern match the UTF-8 text somewhere?"""
        return pattern.search(memoryview(self._data)[self._skip :]) is not None

    def _byte(self, offset: int) -> int:
        offset = max(0, min(offset, self._length))
        index = bisect_right(self._chars, offset) - 1
        base = self._bytes[index]
        if self._chars[index] == offset:
            return base
        return base + len(self[self._chars[index] : offset].encode("utf-8"))


def _inside(data: bytes, end: int) -> bool:
    """Would a block ending at `end` split a character or a CRLF pair?"""
    return (data[end] & 0xC0) == 0x80 or (data[end] == 0x0A and data[end - 1] == 0x0D)


def stored_text(
    data: bytes, *, encoding: str | None = None, html: bool = False
) -> StoredText | None:
    """The bytes of a big document as a StoredText when decode() would read them as UTF-8;
    None otherwise (another encoding, NUL bytes, invalid UTF-8: decode() says what it makes of
    them)."""
    skip = 0
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            return None
        if name != "utf-8":  # --encoding: what decode() reads, converted to UTF-8
            text = _transcoded(data, name, 0)
            if text is None or implausible(data, text[:8192], name):
                return None
            return _without_mark(text)
        if data.startswith(codecs.BOM_UTF8):
            skip = len(codecs.BOM_UTF8)  # decode() drops a leading U+FEFF
    else:
        bom, skip = sniff_bom(data)
        if bom and bom.startswith(("utf-16", "utf-32")):
            return _transcoded(data, bom, skip)
        if bom not in (None, "utf-8") or b"\x00" in data:
            return None
        if html and bom is None:
            charset = declared_charset(data)
            if charset and charset not in ("utf-8", "utf_8"):
                try:
                    return _transcoded(data, codecs.lookup(charset).name, 0)
                except LookupError:
                    return None
    try:
        text = StoredText(data, skip)
    except UnicodeDecodeError:
        return None
    if encoding:
        sample = ("\ufeff" if skip else "") + text[:8192]  # what decode() looks at
        if implausible(data, sample, "utf-8"):
            return None
    return text


TRANSCODE_CHUNK = 1 << 20  # bytes of another encoding decoded at a time


def _transcoded(data: bytes, encoding: str, skip: int) -> StoredText | None:
    """A document in another encoding (UTF-16 or UTF-32 by its byte order mark, --encoding, an
    HTML charset) as a StoredText of its text in UTF-8, converted a chunk at a time: decoded
    whole, 32 MB of UTF-16 with one emoji is a 128 MB str, 64 MB of windows-1252 with curly
    quotes another 128 MB. The text is what decode() gives from data[skip:]; None when the bytes
    are not valid in that encoding (decode() then says why)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    out = bytearray()
    view = memoryview(data)[skip:]
    try:
        for start in range(0, len(view), TRANSCODE_CHUNK):
            chunk = view[start : start + TRANSCODE_CHUNK]
            final = start + TRANSCODE_CHUNK >= len(view)
            out += decoder.decode(chunk, final).encode("utf-8")
        if not view:
            decoder.decode(b"", True)
        return StoredText(out)  # type: ignore[arg-type] - a bytearray reads as bytes do
    except UnicodeError:
        return None


def _without_mark(text: StoredText) -> StoredText:
    """The text without a leading U+FEFF, as decode() returns it for --encoding."""
    if len(text) and text[0] == "\ufeff":
        return StoredText(text._data, text._skip + len(codecs.BOM_UTF8))
    return text
