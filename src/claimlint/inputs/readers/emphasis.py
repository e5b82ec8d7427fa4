"""Markdown emphasis that is markup: delimiter runs that pair up (CommonMark shows the rest as
written)."""

from __future__ import annotations

import re

# Emphasis delimiters: an opening run (before a word) or a closing one (after it). Only runs that
# pair up are markup; a lone closing "*" is text, as CommonMark shows it ("Supports memory
# retention*": the label's note sign, which points to the FDA statement at the foot).
_EMPHASIS = re.compile(
    r"(?P<open>(?<![\w*_~\\])[*_~]{1,3}(?=[^\s*_~]))|(?<=[^\s*_~\\])[*_~]{1,3}(?![\w*_~])"
)


def paired_emphasis(segment: str) -> list[tuple[int, int]]:
    """The spans of emphasis delimiters that pair up (an opening run, then a closing run of the
    same character); an opening run left unclosed is hidden too, as before, but a closing run
    with no opener stays text."""
    spans: list[tuple[int, int]] = []
    opened: dict[str, list[tuple[int, int]]] = {}
    for match in _EMPHASIS.finditer(segment):
        char = match.group()[0]
        if match.group("open"):
            opened.setdefault(char, []).append(match.span())
        elif opened.get(char):
            spans += [opened[char].pop(), match.span()]
    spans += [span for runs in opened.values() for span in runs]
    return spans
