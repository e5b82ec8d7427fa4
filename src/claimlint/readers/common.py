"""What every reader returns, and small helpers they share."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..positions import Prose, ProseBuilder


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


_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?")


def add_with_entities(builder: ProseBuilder, raw: str, source_start: int) -> None:
    """Add raw HTML text, decoding entities while keeping each one's source span."""
    pos = 0
    for match in _ENTITY.finditer(raw):
        decoded = html.unescape(match.group())
        if decoded == match.group():
            continue
        if match.start() > pos:
            builder.add(raw[pos : match.start()], source_start + pos)
        builder.add(decoded, source_start + match.start(), match.end() - match.start())
        pos = match.end()
    if pos < len(raw):
        builder.add(raw[pos:], source_start + pos)
