"""Plain text: every line is prose, blank lines separate paragraphs, and a line break that a
writer made by hand (the next line's first word would have fitted on the line) ends a block."""

from __future__ import annotations

import re

from claimlint.inputs.positions import ProseBuilder
from claimlint.inputs.readers.common import REFERENCE_FIELDS, Reading

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FIRST_WORD = re.compile(r"\S+")
# A line that stops mid-phrase (on a comma, a dash, an opening bracket or a little word that
# needs what follows) is continued by the next line, whatever its length.
_OPEN_END = re.compile(
    r"(?:[,;:(\[/&+–—-]|\b(?:a|an|the|and|or|nor|but|of|to|for|with|in|on|at|by|from|as|than|"
    r"that|which|who|is|are|was|were|be|your|our|my|their|its|this|these|if|so))$",
    re.IGNORECASE,
)
_FIELD = re.compile(r"[ \t]*(?:" + REFERENCE_FIELDS + r")[ \t]*:")
_WRAP = 72  # the narrowest width plain text is commonly wrapped at (email, format=flowed)


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


def _hard_break(line: str, following: str, width: int) -> bool:
    """Did the writer end `line` by hand? The first word of the next line would have fitted
    within the paragraph's width (a wrapped line ends only where the next word does not fit),
    that word opens a sentence (a capital), and the line does not stop mid-phrase. Price lists,
    menus and emails set one item per line: "B vitamins, electrolytes" then "Cures a hangover
    in 45 minutes." are two sentences, not one."""
    word = _FIRST_WORD.search(following)
    line = line.rstrip()
    if word is None or not word.group()[0].isupper() or _OPEN_END.search(line):
        return False
    if _FIELD.match(following) or _FIELD.match(line):
        return False  # a reference card's fields stay one sentence with its summary
    return len(line) + 1 + len(word.group()) <= width


def read_text(text: str) -> Reading:
    builder = ProseBuilder()
    for paragraph in _paragraphs(text):
        width = max(_WRAP, *(len(text[start:body].rstrip()) for start, body, _ in paragraph))
        builder.start_block("paragraph")
        for number, (start, body, _end) in enumerate(paragraph):
            line = text[start:body]
            lead = len(line) - len(line.lstrip())
            if number:
                previous_start, previous_body, previous_end = paragraph[number - 1]
                if _hard_break(text[previous_start:previous_body], line, width):
                    builder.start_block("paragraph")
                elif previous_end > previous_body:
                    builder.add("\n", previous_body, previous_end - previous_body)
            builder.add(line[lead:].rstrip(), start + lead)
    return Reading(builder.build())


def _paragraphs(text: str) -> list[list[tuple[int, int, int]]]:
    """The runs of non-blank lines, each line as iter_lines gives it."""
    out: list[list[tuple[int, int, int]]] = []
    run: list[tuple[int, int, int]] = []
    for start, body, end in iter_lines(text):
        if text[start:body].strip():
            run.append((start, body, end))
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out
