"""Plain text: every line is prose, blank lines separate paragraphs."""

from __future__ import annotations

import re

from claimlint.inputs.positions import ProseBuilder
from claimlint.inputs.readers.common import Reading

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def iter_lines(text: str):
    """Yield (start, end_without_break, end_with_break) for every line; linear time."""
    pos, size = 0, len(text)
    while pos < size:
        match = LINE.match(text, pos)
        end = match.end()
        body = end
        while body > pos and text[body - 1] in "\r\n":
            body -= 1
        yield pos, body, end
        if end == pos:
            break
        pos = end


def read_text(text: str) -> Reading:
    builder = ProseBuilder()
    previous_break: tuple[int, int] | None = None  # the line break after the last prose line
    for start, body, end in iter_lines(text):
        line = text[start:body]
        if not line.strip():
            previous_break = None
            continue
        lead = len(line) - len(line.lstrip())
        if previous_break is None:
            builder.start_block("paragraph")
        else:
            builder.add("\n", previous_break[0], previous_break[1] - previous_break[0])
        builder.add(line[lead:].rstrip(), start + lead)
        previous_break = (body, end) if end > body else None
    return Reading(builder.build())
