"""What every reader returns, and small helpers they share."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from claimlint.inputs.positions import Prose, ProseBuilder


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the source (suppressions live in these); offsets are source offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Link:
    """A hyperlink: its visible text spans source[start:end]; the engine reads href for evidence."""

    start: int
    end: int
    href: str


@dataclass
class Reading:
    """A reader's result: the prose, the comments it skipped, and the links it saw."""

    prose: Prose
    comments: list[Comment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    references: dict[str, str] = field(default_factory=dict)  # Markdown: label -> destination


# Numeric references take all their digits (as HTML5 does); names are at most 32 characters.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{0,31});?")
_LONG_NUMBER = 10  # digits beyond any code point: U+FFFD without asking int() to parse them


def decode_reference(ref: str) -> str:
    """What a browser shows for one character reference (html.unescape, made safe for
    thousands of digits, which int() refuses to parse)."""
    digits = ref[2:].rstrip(";").lstrip("xX0") if ref.startswith("&#") else ""
    if len(digits) > _LONG_NUMBER:
        return "\ufffd"
    return html.unescape(ref)


def add_with_entities(builder: ProseBuilder, raw: str, source_start: int) -> None:
    """Add raw HTML text, decoding entities while keeping each one's source span."""
    if "&" not in raw:
        builder.add(raw, source_start)
        return
    pos = 0
    for match in _ENTITY.finditer(raw):
        decoded = decode_reference(match.group())
        if decoded == match.group():
            continue
        if match.start() > pos:
            builder.add(raw[pos : match.start()], source_start + pos)
        builder.add(decoded, source_start + match.start(), match.end() - match.start())
        pos = match.end()
    if pos < len(raw):
        builder.add(raw[pos:], source_start + pos)


# JSON-LD: a "description" key and the opening quote of its string value. A product's or a
# service's schema.org description is shown in search results and shopping listings, so it is
# read like the meta description; other keys (names, URLs, FAQ answers the page repeats) are not.
_LD_DESCRIPTION = re.compile(r'"description"\s*:\s*"')
_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": " ", "f": " ", "n": "\n", "r": " ", "t": " "}


def add_json_ld_descriptions(builder: ProseBuilder, text: str, start: int, end: int) -> None:
    """Each "description" string of the JSON-LD block text[start:end] as a block of prose (of
    the kind of a meta description); JSON escapes are decoded, each keeping its source span."""
    for key in _LD_DESCRIPTION.finditer(text, start, end):
        if key.start() > start and text[key.start() - 1] == "\\":
            continue  # the key's quote was escaped: inside another string
        builder.start_block("meta")
        pos = run = key.end()
        while pos < end and text[pos] != '"':
            if text[pos] != "\\":
                pos += 1
                continue
            if pos > run:
                add_with_entities(builder, text[run:pos], run)
            code = text[pos + 1 : pos + 2]
            size = 2
            if code == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[pos + 2 : pos + 6]):
                decoded, size = chr(int(text[pos + 2 : pos + 6], 16)), 6
            else:
                decoded = _JSON_ESCAPES.get(code, code)
            if decoded:
                builder.add(decoded, pos, size)
            pos = run = pos + size
        if pos > run:
            add_with_entities(builder, text[run:pos], run)
        builder.start_block()
