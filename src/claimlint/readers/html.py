"""HTML: visible text, <title>, meta description and img alt, with exact source offsets.

Built on the standard library's tolerant HTMLParser (never raises on malformed markup) with
character references left to us, so each decoded entity keeps the span it came from.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..positions import ProseBuilder
from .common import Comment, Link, Reading, add_with_entities

SKIPPED = frozenset(
    {"script", "style", "template", "noscript", "pre", "code", "kbd", "samp", "svg", "math",
     "textarea", "select", "iframe", "object"}
)
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
     "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
     "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav",
     "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
     "tr", "ul", "button", "label", "option", "legend", "img", "head", "meta", "center"}
)
KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
         "h6": "heading", "li": "list", "td": "cell", "th": "cell", "title": "title",
         "dt": "list", "dd": "list", "caption": "heading", "summary": "heading"}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
_ATTR = {
    name: re.compile(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
    for name in ("content", "alt")
}
META_PROSE = frozenset({"description"})
META_TAGS = frozenset({"keywords"})


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.builder = ProseBuilder()
        self.skip_depth = 0
        self.comments: list[Comment] = []
        self.links: list[Link] = []
        self.open_links: list[tuple[int, str]] = []

    def _abs(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else len(
            self.text
        )

    def _attribute_prose(self, name: str, kind: str) -> None:
        raw = self.get_starttag_text() or ""
        match = _ATTR[name].search(raw)
        if not match:
            return
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        self.builder.start_block(kind)
        add_with_entities(self.builder, match.group(group), self._abs() + match.start(group))
        self.builder.start_block()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED and tag not in VOID:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in BLOCKS:
            self.builder.start_block(KINDS.get(tag, "paragraph"))
        if tag == "meta":
            values = dict(attrs)
            name = (values.get("name") or "").lower()
            if name in META_PROSE:
                self._attribute_prose("content", "meta")
            elif name in META_TAGS:
                self._attribute_prose("content", "tags")
        elif tag == "img":
            self._attribute_prose("alt", "alt")
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.open_links.append((self._abs(), href))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED or self.skip_depth or tag == "a":
            return
        self.handle_starttag(tag, attrs)
        if tag in BLOCKS:
            self.builder.start_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and tag not in VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in BLOCKS:
            self.builder.start_block()
        if tag == "a" and self.open_links:
            start, href = self.open_links.pop()
            self.links.append(Link(start, self._abs(), href))

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        self.builder.add(data, self._abs())

    def _reference(self, raw_name: str) -> None:
        if self.skip_depth:
            return
        start = self._abs()
        raw = "&" + raw_name
        end = start + len(raw)
        if self.text[end : end + 1] == ";":
            raw += ";"
        add_with_entities(self.builder, raw, start)

    def handle_entityref(self, name: str) -> None:
        self._reference(name)

    def handle_charref(self, name: str) -> None:
        self._reference("#" + name)

    def handle_comment(self, data: str) -> None:
        start = self._abs()
        self.comments.append(Comment(start, start + len(data) + 7, f"<!--{data}-->"))


def read_html(text: str) -> Reading:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return Reading(reader.builder.build(), reader.comments, reader.links)
