"""Where a big Markdown or plain-text document can be cut into pieces that read alone exactly
as they read in place (run/chunked.py lints such a document piece by piece).

A cut goes at the start of a line that opens a top-level paragraph or heading after a blank
line, outside fenced code, front matter, and HTML comments, scripts, styles, `pre` and
`textarea` (the CommonMark blocks that a blank line does not end). There every open block has
ended (a blank line ends paragraphs, block quotes, HTML blocks of kinds 6-7, and a line at
column 0 ends list items and indented code), so the reader starts afresh, as it does at the
top of a file. HTML is cut at a line start between tokens where no block and no link is open
(readers/html.html_cuts); its open elements span the page, so each cut comes with the elements
open there, and a piece is read with them restored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claimlint.inputs.readers.text import iter_lines
from claimlint.inputs.stored import StoredText

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# CommonMark HTML blocks 1-5 end at their closer, not at a blank line: opener -> closer.
_RAW_OPEN = re.compile(
    r"<(?:(script|pre|style|textarea)\b|(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))", re.I
)
_RAW_CLOSE = {
    "script": "</script>",
    "pre": "</pre>",
    "style": "</style>",
    "textarea": "</textarea>",
}
_OTHER_CLOSE = ("-->", "?>", "]]>", ">")  # after <!--, <?, <![CDATA[, <!X
_CUTTABLE = frozenset({"markdown", "text"})


def cut_points(
    text: str | StoredText, fmt: str
) -> tuple[list[int], Sequence[tuple[str, ...]] | None]:
    """safe_cuts, and for HTML the elements open at each cut (None for the other formats).
    A StoredText (a big document kept as bytes) is read a block or a window at a time."""
    if fmt == "html":
        if isinstance(text, StoredText):
            from claimlint.inputs.readers.html_stored import stored_html_cuts

            return stored_html_cuts(text)
        from claimlint.inputs.readers.html import html_cuts

        return html_cuts(text)
    return safe_cuts(text, fmt), None


def safe_cuts(text: str | StoredText, fmt: str) -> list[int]:
    """Source offsets (line starts, in order, never 0) where the document may be cut."""
    if fmt == "html":
        return cut_points(text, fmt)[0]
    if fmt not in _CUTTABLE:
        return []
    if isinstance(text, StoredText):
        lines: Iterable[tuple[int, str]] = ((start, line) for start, _, line in text.lines())
    else:
        lines = ((start, text[start:body]) for start, body, _ in iter_lines(text))
    return _cuts(lines, fmt == "markdown", _head(text))


def _head(text: str | StoredText) -> str:
    """The first three characters after any byte order marks (front matter opens there)."""
    start = 0
    while True:
        chunk = text[start : start + 4096]
        stripped = chunk.lstrip("\ufeff")
        if stripped or len(chunk) < 4096:
            return (stripped + text[start + 4096 : start + 4099])[:3]
        start += 4096


def _cuts(lines: Iterable[tuple[int, str]], markdown: bool, head: str) -> list[int]:
    """safe_cuts over (start, line without its break) of every line, in order."""
    cuts: list[int] = []
    fence: str | None = None  # the open fence's marker (``` or ~~~, with its length)
    closer: str | None = None  # what ends the open raw HTML block
    blank_before = False
    front = markdown and head in ("---", "+++")
    for number, (start, line) in enumerate(lines):
        if front:
            front = number == 0 or line.strip() not in ("---", "...", "+++")
            blank_before = False
            continue
        if markdown:
            if fence is not None:
                found = _FENCE.match(line)
                if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                    if not line[found.end() :].strip():
                        fence = None
                blank_before = False
                continue
            if closer is not None:
                if closer in line.lower():
                    closer = None
                blank_before = False
                continue
        blank = not line.strip()
        if blank_before and not blank and start and _opens_paragraph(line, markdown):
            cuts.append(start)
        blank_before = blank
        if markdown:
            found = _FENCE.match(line)
            if found:
                fence = found.group(1)
                if fence[0] == "`" and "`" in line[found.end() :]:
                    fence = None  # an info string with a backtick: not a fence (CommonMark)
                continue
            closer = _open_raw_block(line)
    return cuts


def _opens_paragraph(line: str, markdown: bool) -> bool:
    """A line at column 0 that starts a paragraph or an ATX heading (not a list, quote,
    table row, link definition or markup)."""
    if not markdown:
        return True  # plain text: every paragraph stands alone
    first = line[:1]
    return first.isalpha() or (first == "#" and line.lstrip("#")[:1] in (" ", "\t"))


def _open_raw_block(line: str) -> str | None:
    """The closer still awaited after this line, when it opens a raw HTML construct anywhere
    (more cautious than CommonMark, which looks only at the line's start: fewer cuts)."""
    awaited: str | None = None
    pos = 0
    lower = line.lower()
    while True:
        found = _RAW_OPEN.search(line, pos)
        if found is None:
            return awaited
        if found.group(1):
            close = _RAW_CLOSE[found.group(1).lower()]
        else:
            kind = next(i for i in range(2, 6) if found.group(i))
            close = _OTHER_CLOSE[kind - 2]
        end = lower.find(close, found.end())
        if end < 0:
            return close
        pos = end + len(close)
