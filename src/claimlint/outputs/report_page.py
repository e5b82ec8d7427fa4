"""The page view of an HTML document in the report: its prose as claimlint reads it.

Reviewers read a page, not its markup: headings, paragraphs and list items, with each finding
highlighted where it is. The prose comes from the same HTML reader the linter uses, and every
finding's source offsets are mapped into it through the reader's run map, so what is shown is
exactly what was linted. The raw source stays one click away in the report.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from claimlint.inputs.positions import Prose, Run
from claimlint.inputs.readers.html import read_html
from claimlint.outputs.report_assets import escape

# How each block kind of the reader is shown (tag, css class); list items are grouped in <ul>.
_BLOCK_TAGS: dict[str, tuple[str, str]] = {
    "heading": ("h3", "blk blk-heading"),
    "title": ("p", "blk blk-title"),
    "meta": ("p", "blk blk-meta"),
    "alt": ("p", "blk blk-alt"),
    "cell": ("p", "blk blk-cell"),
    "row-head": ("p", "blk blk-cell"),
    "tags": ("p", "blk blk-tags"),
}
_LABELS = {"title": "Title", "meta": "Description", "alt": "Image text", "tags": "Tags"}


class Located(Protocol):
    """A finding located in the source text: source offsets [start, end)."""

    index: int
    start: int
    end: int


@dataclass
class _Piece:
    """A finding's stretch of one block, in that block's prose offsets."""

    span: Located
    start: int
    end: int


def _prose_start(runs: Sequence[Run], keys: list[int], offset: int) -> int:
    """The first prose position at or after a source offset."""
    i = bisect_right(keys, offset) - 1
    if i >= 0:
        run = runs[i]
        if offset < run.source_start + run.source_len:
            same = run.prose_len == run.source_len
            return run.prose_start + (offset - run.source_start if same else 0)
    nxt = i + 1
    return runs[nxt].prose_start if nxt < len(runs) else (runs[-1].prose_start + runs[-1].prose_len)


def _prose_end(runs: Sequence[Run], keys: list[int], offset: int) -> int:
    """The prose position just past the last prose character before a source offset."""
    i = bisect_right(keys, offset - 1) - 1
    if i < 0:
        return 0
    run = runs[i]
    if offset >= run.source_start + run.source_len or run.prose_len != run.source_len:
        return run.prose_start + run.prose_len
    return run.prose_start + (offset - run.source_start)


def to_prose(prose: Prose, spans: Sequence[Located]) -> list[tuple[Located, int, int]]:
    """Each finding's prose offsets; findings that cover no prose character are left out."""
    runs = sorted(prose.runs, key=lambda r: r.source_start)
    if not runs:
        return []
    keys = [r.source_start for r in runs]
    out = []
    for span in spans:
        start = _prose_start(runs, keys, span.start)
        end = _prose_end(runs, keys, max(span.end, span.start + 1))
        if end > start:
            out.append((span, start, end))
    return out


def _marked(text: str, pieces: list[_Piece], mark_open: Callable[[Located, bool], str]) -> str:
    """Text with each piece wrapped in marks, split at every boundary so the markup nests."""
    cuts = {0, len(text)}
    for piece in pieces:
        cuts.update(p for p in (piece.start, piece.end) if 0 < p < len(text))
    bounds = sorted(cuts)
    out: list[str] = []
    started: set[int] = set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        covering = sorted(
            (p for p in pieces if p.start <= a and p.end >= b),
            key=lambda p: (p.start, -p.end, p.span.index),
        )
        for piece in covering:
            out.append(mark_open(piece.span, piece.span.index not in started))
            started.add(piece.span.index)
        out.append(escape(text[a:b]))
        out.append("</mark>" * len(covering))
    return "".join(out)


def page_view(
    text: str, spans: Sequence[Located], mark_open: Callable[[Located, bool], str]
) -> tuple[str, set[int]]:
    """The page's prose as HTML blocks with findings marked, and the findings it shows."""
    prose = read_html(text).prose
    located = to_prose(prose, spans)
    shown: set[int] = set()
    out: list[str] = []
    in_list = False
    for block in prose.blocks:
        pieces = [
            _Piece(span, max(s, block.start) - block.start, min(e, block.end) - block.start)
            for span, s, e in located
            if s < block.end and e > block.start
        ]
        shown.update(p.span.index for p in pieces)
        body = _marked(prose.text[block.start : block.end], pieces, mark_open)
        if block.kind == "list":
            if not in_list:
                out.append('<ul class="blk-list">')
                in_list = True
            out.append(f'<li class="blk">{body}</li>')
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        tag, classes = _BLOCK_TAGS.get(block.kind, ("p", "blk"))
        label = _LABELS.get(block.kind)
        prefix = f'<span class="blk-label">{label}:</span> ' if label else ""
        out.append(f'<{tag} class="{classes}">{prefix}{body}</{tag}>')
    if in_list:
        out.append("</ul>")
    return "".join(out), shown
