"""Read a file or stdin into a Source: decoded text, its format, and its prose blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from claimlint.inputs import stored as stored_module
from claimlint.inputs.decoding import DecodeError, decode
from claimlint.inputs.positions import LineIndex
from claimlint.inputs.readers.common import Reading

MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
HTML = (".html", ".htm", ".xhtml")
TEXT = (".txt", ".text")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".html", ".htm", ".txt")


def format_of(name: str) -> str:
    """markdown, html or text, from the file name (unknown endings are read as text)."""
    suffix = Path(name).suffix.lower()
    if suffix in MARKDOWN:
        return "markdown"
    if suffix in HTML:
        return "html"
    return "text"


@dataclass
class Source:
    """One document: where it came from, its text, and (lazily) its prose."""

    path: str
    text: str
    format: str
    _reading: Reading | None = field(default=None, repr=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def reading(self) -> Reading:
        if self._reading is None:
            from claimlint.inputs.normalise import normalise

            reading = read(self.text, self.format)
            reading.prose = normalise(reading.prose)  # what the rules read; positions unchanged
            self._reading = reading
        return self._reading


def read(text: str, fmt: str) -> Reading:
    """Dispatch to the reader for the format."""
    if fmt == "markdown":
        from claimlint.inputs.readers.markdown import read_markdown

        return read_markdown(text)
    if fmt == "html":
        from claimlint.inputs.readers.html import read_html

        return read_html(text)
    from claimlint.inputs.readers.text import read_text

    return read_text(text)


def source_from_bytes(
    path: str,
    data: bytes,
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    stored: bool = False,
) -> Source:
    """Decode bytes into a Source; raises DecodeError with the reason.

    With `stored`, a big UTF-8 document keeps its bytes and its text is a StoredText
    (inputs/stored.py), decoded a piece at a time: only for a caller that lints it in pieces
    (run/chunked.lint_source) and reads it by slices."""
    fmt = fmt or format_of(path)
    if stored and len(data) > stored_module.STORED_FROM:
        kept = stored_module.stored_text(data, encoding=encoding, html=fmt == "html")
        if kept is not None:
            return Source(path, kept, fmt)  # type: ignore[arg-type]
    text = decode(data, encoding=encoding, html=fmt == "html")
    return Source(path, text, fmt)


__all__ = ["DecodeError", "Source", "format_of", "read", "source_from_bytes"]
