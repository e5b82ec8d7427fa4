"""Markdown: same-length masking of what is not prose, then blocks for the NLP.

Masking (markup replaced by spaces, line breaks kept) keeps every prose character at its
source offset, so positions need no translation inside a block. markdown-it-py (CommonMark)
decides what is code and raw HTML (fenced and indented code, also inside list items and
block quotes, comment and script/style/pre blocks) and which link reference definitions
exist; the prose blocks (headings, list items, table cells, paragraphs) are then found line
by line and the inline markup masked at exact positions, which never fails on malformed
Markdown. markdown-it is imported only when a Markdown document is read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from claimlint.inputs.positions import ProseBuilder
from claimlint.inputs.readers.common import Comment, Link, Reading, add_with_entities
from claimlint.inputs.readers.emphasis import hidden_emphasis
from claimlint.inputs.readers.link_bar import link_bar_cuts
from claimlint.inputs.readers.text import iter_lines

PROSE_FRONT_MATTER = ("title", "description", "summary", "excerpt", "subtitle")
META_FRONT_MATTER = ("tags", "keywords", "categories")

_ATX = re.compile(r" {0,3}(#{1,6})(?=\s|$)")
_ATX_CLOSE = re.compile(r"\s#+\s*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_LIST = re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(\[[ xX]\][ \t]+)?")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^[^\]\s]+\]:")
_LINK_DEF = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
# Matched against the stripped line: leading and trailing `\s*` around optional parts made
# the old pattern quadratic on a long line of spaces.
_TABLE_DELIM = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_BLOCKQUOTE = re.compile(r"( {0,3}>[ \t]?)+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # unclosed, `<!--` is text (CommonMark)
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n|$)")
_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")

# Inline constructs, applied to a block's source span.
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_LINK = re.compile(
    r"(!?\[)([^\[\]]*)(\]\((<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
)
_REF_LINK = re.compile(r"(!?\[)([^\[\]]+)(\]\[([^\[\]]*)\])")
_SHORTCUT_LINK = re.compile(r"(?<!\])(!?\[)([^\[\]^][^\[\]]*)(\])(?![\[(:])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CLOSE_A = re.compile(r"</a>", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


class _Doc:
    """Mutable state of one Markdown reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mask: list[tuple[int, int]] = []
        self.blocks: list[tuple[int, int, str]] = []
        self.code: list[tuple[int, int]] = []
        self.spans: list[tuple[int, int]] = []  # inline code spans: no comment inside counts
        self.links: list[Link] = []
        self.references: dict[str, str] = {}  # normalised label -> destination

    def hide(self, start: int, end: int) -> None:
        if end > start:
            self.mask.append((start, end))

    def masked(self) -> str:
        """The source with every hidden span blanked (line breaks kept); same length."""
        text, out, pos = self.text, [], 0
        for start, end in sorted(self.mask):
            if end <= pos:
                continue
            start = max(start, pos)
            out.append(text[pos:start])
            out.append(re.sub(r"[^\r\n]", " ", text[start:end]))
            pos = end
        out.append(text[pos:])
        return "".join(out)


def _front_matter(doc: _Doc, lines: list[tuple[int, int, int]]) -> int:
    """Hide YAML/TOML front matter except reader-visible keys; return the first body line."""
    text = doc.text
    if not lines:
        return 0
    first = text[lines[0][0] : lines[0][1]].lstrip("\ufeff").strip()
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for index in range(1, len(lines)):
        start, body, _ = lines[index]
        if text[start:body].strip() in closers:
            break
    else:
        return 0  # an opening rule with no closing one is a thematic break, not front matter
    doc.hide(lines[0][0], lines[0][2])
    doc.hide(lines[index][0], lines[index][2])
    for start, body, end in lines[1:index]:
        match = _FRONT_KEY.match(text, start, body)
        if not match or match.group(1).lower() not in PROSE_FRONT_MATTER + META_FRONT_MATTER:
            doc.hide(start, end)
            continue
        doc.hide(start, match.start(2))
        value_start, value_end = match.start(2), body
        while value_end > value_start and text[value_end - 1] in " \t":
            value_end -= 1
        value = text[value_start:value_end]
        if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
            value_start, value_end = value_start + 1, value_end - 1
        elif value.startswith("[") and value.endswith("]"):
            value_start, value_end = value_start + 1, value_end - 1
        kind = "title" if match.group(1).lower() == "title" else "meta"
        if match.group(1).lower() in META_FRONT_MATTER:
            kind = "tags"
        doc.hide(match.start(2), value_start)
        doc.hide(value_end, end)
        doc.blocks.append((value_start, value_end, kind))
    return index + 1


def _is_table_delimiter(line: str) -> bool:
    """| --- | :-: | row under a table header."""
    return "-" in line and _TABLE_DELIM.fullmatch(line.strip()) is not None


def _cells(doc: _Doc, start: int, body: int) -> None:
    """Each table cell is a block of its own; the pipes are not prose. The row's first cell
    with text is its head ("row-head"): what the other cells of the row are said of."""
    text = doc.text
    cell_start = start
    pos = start
    in_code = False
    head = False
    while pos <= body:
        ch = text[pos] if pos < body else "|"
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code and (pos == start or text[pos - 1] != "\\"):
            kind = "cell" if head or not text[cell_start:pos].strip() else "row-head"
            head = head or kind == "row-head"
            doc.blocks.append((cell_start, pos, kind))
            if pos < body:
                doc.hide(pos, pos + 1)
            cell_start = pos + 1
        pos += 1


def _inline(doc: _Doc, start: int, end: int) -> None:
    """Hide inline markup of one block: code spans, link targets, tags, emphasis, escapes."""
    text = doc.text
    segment = text[start:end]
    closes: list[int] | None = None  # where each </a> starts, found once per block
    # Each construct needs its opening character: most blocks are plain prose, and a test for
    # one character is far cheaper than a regex scan (the emphasis one tries every position).
    ticks, brackets, angles = "`" in segment, "[" in segment, "<" in segment
    for match in _CODE_SPAN.finditer(segment) if ticks else ():
        doc.hide(start + match.start(), start + match.end())
        doc.spans.append((start + match.start(), start + match.end()))
    for match in _COMMENT.finditer(segment) if angles else ():
        doc.hide(start + match.start(), start + match.end())
    for match in _LINK.finditer(segment) if brackets else ():
        doc.hide(start + match.start(1), start + match.end(1))
        doc.hide(start + match.start(3), start + match.end(3))
        href = match.group(4).strip("<>")
        doc.links.append(Link(start + match.start(2), start + match.end(2), href))
    referenced: set[int] = set()
    for match in _REF_LINK.finditer(segment) if brackets else ():
        if match.group(2).startswith("^"):
            continue  # a footnote reference is a citation marker: keep it as prose
        href = _resolve(doc, match.group(4) or match.group(2))
        if href is None:  # no such label: CommonMark shows "[1][2]" as written (citations)
            continue
        doc.hide(start + match.start(1), start + match.end(1))
        doc.hide(start + match.start(3), start + match.end(3))
        doc.links.append(Link(start + match.start(2), start + match.end(2), href))
        referenced.add(match.start())
    if doc.references and brackets:
        for match in _SHORTCUT_LINK.finditer(segment):
            href = _resolve(doc, match.group(2))
            if href is None or match.start() in referenced:
                continue
            doc.hide(start + match.start(1), start + match.end(1))
            doc.hide(start + match.start(3), start + match.end(3))
            doc.links.append(Link(start + match.start(2), start + match.end(2), href))
    for match in _AUTOLINK.finditer(segment) if angles else ():
        doc.hide(start + match.start(), start + match.end())
        doc.links.append(Link(start + match.start(), start + match.end(), match.group(1)))
    for match in _HTML_TAG.finditer(segment) if angles else ():
        doc.hide(start + match.start(), start + match.end())
        href = _HREF.search(match.group())
        if href and match.group().lower().startswith("<a"):
            value = next(g for g in href.groups() if g is not None)
            if closes is None:
                closes = [m.start() for m in _CLOSE_A.finditer(segment)]
            after = bisect_left(closes, match.end())
            link_end = start + (closes[after] if after < len(closes) else len(segment))
            doc.links.append(Link(start + match.start(), link_end, value))
    emphasis = "*" in segment or "_" in segment or "~" in segment
    for a, b in hidden_emphasis(segment) if emphasis else ():
        doc.hide(start + a, start + b)
    for match in _ESCAPE.finditer(segment) if "\\" in segment else ():
        doc.hide(start + match.start(), start + match.end())


def _resolve(doc: _Doc, label: str) -> str | None:
    """The destination a reference link's label is defined with, as CommonMark matches labels
    (case-folded, inner whitespace collapsed)."""
    if not doc.references:
        return None
    from markdown_it.common.utils import normalizeReference

    return doc.references.get(normalizeReference(label))


@lru_cache(maxsize=1)
def _block_parser():  # noqa: ANN202 - a markdown_it.MarkdownIt
    """CommonMark's block parse only: code, raw HTML and link definitions are block-level,
    and the inline parse (emphasis, links) would cost three times as much again."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable(["inline", "text_join"])


def _commonmark_blocks(doc: _Doc, lines: list[tuple[int, int, int]], first: int) -> dict[int, str]:
    """Which lines CommonMark makes code or raw HTML ("code", "html"), from markdown-it-py's
    block parse; also records the link reference definitions. Front matter lines (before
    `first`) are blank to the parser, so its line numbers are ours."""
    text = doc.text
    body = text[lines[first][0] :] if first < len(lines) else ""
    if not _may_hide(body):
        return {}
    env: dict = {}
    tokens = _block_parser().parse("\n" * first + body, env)
    skip: dict[int, str] = {}
    for token in tokens:
        if token.map is None:
            continue
        a, b = token.map
        if token.type in ("fence", "code_block"):
            kind = "code"
        elif token.type == "html_block" and _HIDDEN_HTML.match(token.content):
            kind = "html"
        else:
            continue
        for number in range(a, min(b, len(lines))):
            skip[number] = kind
    for label, definition in env.get("references", {}).items():
        doc.references[label] = definition.get("href", "")
        a, b = definition.get("map") or (0, 0)
        for number in range(a, min(b, len(lines))):
            skip.setdefault(number, "definition")
    return skip


# What every construct the block parse is asked for needs: a fence, an indent of four
# columns (four spaces or a tab), a comment or raw text element, a reference definition's "]:".
_FENCES_AND_INDENTS = ("```", "~~~", "\t", "    ", "]:")
_HIDDEN_START = re.compile(r"<(?:!--|script|style|pre|textarea)", re.IGNORECASE)


def _may_hide(body: str) -> bool:
    """Could CommonMark find code, hidden HTML or a link reference definition in the text?
    Most pages hold none of what those need, and the block parse is a third of reading them."""
    return any(mark in body for mark in _FENCES_AND_INDENTS) or bool(_HIDDEN_START.search(body))


_HIDDEN_HTML = re.compile(r"[ \t]*<(?:!--|(?:script|style|pre|textarea)\b)", re.IGNORECASE)


def _comments(doc: _Doc, html_spans: list[tuple[int, int]]) -> list[Comment]:
    """HTML comments outside code. A comment block (a line opening with `<!--`) runs to its
    `-->`; inline, `<!--` is a comment only when `-->` closes it in the same paragraph,
    else it is text and hides nothing (CommonMark)."""
    text = doc.text
    doc.code = sorted(doc.code + doc.spans)  # code blocks and inline code spans are disjoint
    code_starts = [s for s, _ in doc.code]
    html_starts = [s for s, _ in html_spans]
    out: list[Comment] = []
    pos = 0
    while True:
        found = text.find("<!--", pos)
        if found < 0:
            return out
        if _inside(doc.code, code_starts, found):
            pos = found + 4
            continue
        i = bisect_right(html_starts, found) - 1
        if i >= 0 and html_spans[i][0] <= found < html_spans[i][1]:
            limit = html_spans[i][1]
        else:
            blank = _BLANK_LINE.search(text, found)
            limit = blank.start() if blank else len(text)
        close = text.find("-->", found + 4, limit)
        if close < 0:
            pos = found + 4
            continue
        out.append(Comment(found, close + 3, text[found : close + 3]))
        pos = close + 3


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Is offset inside one of the sorted, disjoint spans (bisect, not a scan per comment)?"""
    i = bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def read_markdown(text: str, references: dict[str, str] | None = None) -> Reading:
    """The prose of a Markdown document. `references` are the link reference definitions of
    the whole document when `text` is a piece of it (run/chunked.py): they replace the piece's
    own, so a link resolves as it does in place."""
    doc = _Doc(text)
    lines = list(iter_lines(text))
    index = _front_matter(doc, lines)
    skip = _commonmark_blocks(doc, lines, index)
    if references is not None:
        doc.references = dict(references)
    html_spans: list[tuple[int, int]] = []
    block: list = []  # [start, end, kind] of the open paragraph-like block
    list_context = False
    previous_blank = True

    def close() -> None:
        if block:
            doc.blocks.append((block[0], block[1], block[2]))
            block.clear()

    while index < len(lines):
        start, body, end = lines[index]
        kind_here = skip.get(index)
        index += 1
        line = text[start:body]
        if kind_here is not None:
            close()
            doc.hide(start, body)
            spans = doc.code if kind_here == "code" else html_spans
            if kind_here != "definition":
                if spans and spans[-1][1] == start and skip.get(index - 2) == kind_here:
                    spans[-1] = (spans[-1][0], end)  # the same block goes on
                else:
                    spans.append((start, end))
            previous_blank = False
            continue
        if not line.strip():
            close()
            previous_blank = True
            continue
        content = start
        quote = _BLOCKQUOTE.match(text, start, body)
        if quote:
            doc.hide(start, quote.end())
            content = quote.end()
        rest = text[content:body]
        indent = len(rest) - len(rest.lstrip(" \t"))
        previous_blank_here, previous_blank = previous_blank, False
        atx = _ATX.match(text, content, body)
        if atx:
            close()
            doc.hide(content, atx.end())
            tail = _ATX_CLOSE.search(text, atx.end(), body)
            heading_end = tail.start() if tail else body
            if tail:
                doc.hide(tail.start(), body)
            doc.blocks.append((atx.end(), heading_end, "heading"))
            list_context = False
            continue
        setext = _SETEXT.match(text, content, body)
        if setext and block and block[2] == "paragraph":
            block[2] = "heading"
            doc.hide(start, body)
            close()
            continue
        if _THEMATIC.match(text, content, body):
            close()
            doc.hide(start, body)
            list_context = False
            continue
        if (
            "|" in rest
            and not block
            and index < len(lines)
            and _is_table_delimiter(text[lines[index][0] : lines[index][1]])
        ):
            _cells(doc, content, body)
            doc.hide(lines[index][0], lines[index][1])
            index += 1
            while index < len(lines) and "|" in text[lines[index][0] : lines[index][1]]:
                row_start, row_body, _ = lines[index]
                _cells(doc, row_start, row_body)
                index += 1
            continue
        item = _LIST.match(text, content, body)
        if item and not (
            block
            and block[2] == "paragraph"
            and item.group(2)[0].isdigit()
            and not previous_blank_here
        ):
            close()
            doc.hide(content, item.end())
            block[:] = [item.end(), body, "list"]
            list_context = True
            continue
        footnote = _FOOTNOTE_DEF.match(text, content, body)
        if footnote:
            close()
            doc.hide(content, footnote.end())
            block[:] = [footnote.end(), body, "footnote"]
            continue
        if _LINK_DEF.match(text, content, body) and not block:
            doc.hide(start, body)
            continue
        if block:
            block[1] = body
            continue
        if list_context and indent == 0 and previous_blank_here:
            list_context = False
        kind = "list" if list_context and indent else "paragraph"
        block[:] = [content + indent, body, kind]
    close()

    for start, end, _ in doc.blocks:
        _inline(doc, start, end)
    comments = _comments(doc, html_spans)
    for comment in comments:
        doc.hide(comment.start, comment.end)
    masked = doc.masked()

    builder = ProseBuilder()
    glued = _glued(doc, masked)
    by_end = sorted(doc.links, key=lambda link: link.end)
    link_ends = [link.end for link in by_end]
    for start, end, kind in sorted(doc.blocks):
        chunk = masked[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        pos, stop = start + lead, start + lead + len(stripped)
        cuts = link_bar_cuts(by_end, link_ends, masked, pos, stop) if kind == "paragraph" else []
        for cut in [*cuts, stop]:
            builder.start_block(kind)
            _add_visible(builder, masked, glued, pos, cut)
            pos = cut
    return Reading(builder.build(), comments, doc.links, doc.references)


def _add_visible(
    builder: ProseBuilder, masked: str, glued: list[tuple[int, int]], pos: int, stop: int
) -> None:
    """masked[pos:stop] as prose, leaving out the hidden runs glued between visible text."""
    for a in range(bisect_left(glued, (pos, pos)), len(glued)):
        hidden_start, hidden_end = glued[a]
        if hidden_end > stop:
            break
        add_with_entities(builder, masked[pos:hidden_start], pos)
        pos = hidden_end
    add_with_entities(builder, masked[pos:stop], pos)  # "don&rsquo;t" reads "don’t"


def _glued(doc: _Doc, masked: str) -> list[tuple[int, int]]:
    """The hidden runs with visible text right on both sides ("cu<!-- -->res", "re<b>lief",
    "[relief](/x)."): a browser shows the two sides as one word, so the prose leaves the run
    out instead of blanking it (a blank would split the word and hide it from the rules). Code
    spans stay blank: their text is shown, and joining around it would make a new word."""
    code = set(doc.spans)
    merged: list[list[int]] = []
    for start, end in sorted(doc.mask):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif (start, end) not in code:
            merged.append([start, end])
    return [
        (a, b)
        for a, b in merged
        if 0 < a
        and b < len(masked)
        and not masked[a - 1].isspace()
        and not masked[b].isspace()
        and not any(c in "\r\n" for c in doc.text[a:b])
    ]
