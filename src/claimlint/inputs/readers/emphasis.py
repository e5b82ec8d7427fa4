"""Markdown emphasis that is markup, so that the reader hides only that: a closing run of
delimiters with no opener is text, as CommonMark shows it ("Supports memory retention*" keeps the
label's note sign, which points to the FDA statement at the foot of the page)."""

from __future__ import annotations

import re

_RUN = re.compile(r"[*_~]+")
_SAME = re.compile(r"\*+|_+|~+")


def hidden_emphasis(segment: str) -> list[tuple[int, int]]:
    """The spans of emphasis delimiters to hide in a segment of inline text.

    A run opens when no word character or backslash stands before it and no space after it, and
    closes when no space or backslash stands before it and no word character after it (a mixed
    run such as "_*" is split by character, each part flanked as the whole run is). A closer
    pairs with the last open run of its character and both lose as many delimiters as the
    shorter has, at their inner edges: "**retention***" keeps its last "*". An opener that never
    closes is hidden as before, since its closer may lie past a line the reader cuts at; a closer
    with no opener stays text."""
    spans: list[tuple[int, int]] = []
    opened: dict[str, list[tuple[int, int]]] = {}
    for run in _RUN.finditer(segment):
        a, b = run.span()
        before = segment[a - 1] if a else " "
        after = segment[b] if b < len(segment) else " "
        opens = not (before.isalnum() or before in "_\\") and not after.isspace()
        closes = not (before.isspace() or before == "\\") and not (after.isalnum() or after == "_")
        for part in _SAME.finditer(run.group()) if opens or closes else ():
            start, end = a + part.start(), a + part.end()
            char = part.group()[0]
            if closes and opened.get(char):
                open_start, open_end = opened[char].pop()
                width = min(open_end - open_start, end - start, 3)
                spans += [(open_end - width, open_end), (start, start + width)]
            elif opens:
                opened.setdefault(char, []).append((start, end))
    spans += [span for runs in opened.values() for span in runs]
    return spans
