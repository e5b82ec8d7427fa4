"""What every reader returns, and small helpers they share."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from claimlint.inputs.positions import Prose, ProseBuilder

# The field labels of a reference card ("Authors:", "Journal:", "Summary:"): its lines are one
# sentence, so a summary keeps the citation beside it (nlp/sentences.py, readers/text.py).
REFERENCE_FIELDS = (
    r"Authors?|Journal|Publication|Published|Publisher|Source|Sources|DOI|PMID|Summary|Abstract"
    r"|Citation|Citations|References?|Title|Study|Findings|Conclusions?|Results|Methods"
    r"|Background|Volume|Year|Date"
)


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
