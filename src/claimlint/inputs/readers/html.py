"""HTML: visible text, <title>, meta description, img alt and the copy of JSON-LD (schema.org)
blocks (descriptions, FAQ answers: readers/jsonld.py), with exact source offsets.

A small tokenizer in the spirit of the HTML5 one, written for this reader because the standard
library's HTMLParser is quadratic on some malformed input (thousands of unclosed `<a ` or `<!`
took minutes) and reports positions as line/column pairs that cost a pass over the text.
This one is linear in the input: every step consumes input, and each unterminated construct
is scanned once and then ends at the end of the file, as HTML5 says (an unclosed comment runs
to the end, an unclosed tag is dropped). It never raises on malformed markup.
Open elements are kept on a stack (bounded depth), so that an unclosed <code>, <kbd>, <svg>
or <math> ends where the HTML5 tree builder ends it instead of hiding the rest of the page.
"""

from __future__ import annotations

import html
import re
from array import array
from collections.abc import Sequence

from claimlint.inputs.positions import ProseBuilder
from claimlint.inputs.readers import jsonld
from claimlint.inputs.readers.common import Comment, Link, Reading, add_with_entities

SKIPPED = frozenset(
    {"script", "style", "template", "noscript", "pre", "code", "kbd", "samp", "svg", "math",
     "textarea", "select", "iframe", "object"}
)  # fmt: skip
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
     "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
     "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav",
     "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
     "tr", "ul", "button", "label", "option", "legend", "img", "head", "meta", "center"}
)  # fmt: skip
# (the first cell of a table row becomes "row-head": the reader marks it, see start_tag)
KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
         "h6": "heading", "li": "list", "td": "cell", "th": "cell", "title": "title",
         "dt": "list", "dd": "list", "caption": "heading", "summary": "heading"}  # fmt: skip
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})  # fmt: skip
# Elements whose content is not markup: it runs to the matching end tag. <title> and
# <textarea> content has entities (RCDATA); the others are raw text.
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea",
                      "title"})  # fmt: skip
# Where skipped elements end (the HTML5 tree builder's rules, simplified). <code>, <kbd> and
# <samp> are phrasing elements: a start tag that closes an open <p> (or starts a table part)
# ends them, as does the end tag of any element that encloses them. A browser re-opens an
# unclosed <code> (a formatting element) in each later paragraph and shows that text in a
# monospace font; it is shown to readers all the same, so it is linted.
PHRASING_SKIPPED = frozenset({"code", "kbd", "samp"})
ENDS_PHRASING = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
     "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
     "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
     "pre", "listing", "form", "li", "dd", "dt", "table", "hr", "xmp", "caption", "tbody",
     "thead", "tfoot", "tr", "td", "th"}
)  # fmt: skip
# <svg> and <math> content is foreign: no raw text inside, self-closing tags close, and these
# start tags break out of it (HTML5 "parsing tokens in foreign content"); so does the end tag
# of an element that encloses the <svg>. Text inside svg/math (labels, <title>, formulas) is
# not prose.
FOREIGN = frozenset({"svg", "math"})
BREAKOUT = frozenset(
    {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
     "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
     "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
     "sub", "sup", "table", "tt", "u", "ul", "var"}
)  # fmt: skip
FONT_BREAKOUT_ATTRS = frozenset({"color", "face", "size"})
MAX_DEPTH = 512  # deeper elements are not tracked (browsers cap the tree depth likewise)
# An unclosed <p>, <li>, <td>... ends at the next one (implied end tags), so sloppy pages
# keep a shallow stack.
SIBLINGS = frozenset({"p", "li", "dt", "dd", "td", "th", "tr", "option"})
# The page's summary, as search results and link previews show it ("og:" tags are named by
# their `property`). Each is published text, so a copy is read as the original is (and a
# piece of a big page reads it as the whole page does: no state is kept between them).
META_PROSE = frozenset({"description", "og:description", "twitter:description"})
META_TAGS = frozenset({"keywords"})

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_BETWEEN_ATTRS = re.compile(r"[\s/]*")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
_COMMENT_END = re.compile(r"--!?>")
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in RAW_TEXT}
# (name, value start, value end); a bare attribute has an empty value span
Attr = tuple[str, int, int]


class _Reader:
    """One reading: tokenizes the source and feeds prose, comments and links to a builder."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.builder = ProseBuilder()
        self.stack: list[str] = []  # open elements (names), innermost last
        self.open: dict[str, int] = {}  # how many of each name are on the stack
        self.skip_depth = 0  # skipped elements on the stack (their text is not prose)
        self.row_head = False  # a <tr> opened and its first cell not yet seen
        self.phrasing = 0  # of which <code>, <kbd>, <samp>
        self.foreign = 0  # <svg> and <math> on the stack (all above them is foreign)
        self.comments: list[Comment] = []
        self.links: list[Link] = []
        self.open_links: list[tuple[int, str]] = []

    # -- tokenizer -----------------------------------------------------------------------------

    def run(self) -> None:
        text, size, pos = self.text, len(self.text), 0
        while pos < size:
            lt = text.find("<", pos)
            if lt < 0:
                self.data(pos, size)
                return
            if lt > pos:
                self.data(pos, lt)
            pos = self.markup(lt)

    def markup(self, i: int) -> int:
        """Handle the construct starting with '<' at i; return the position after it."""
        text, size = self.text, len(self.text)
        nxt = text[i + 1 : i + 2]
        if text.startswith("<!--", i):
            return self.comment(i)
        if nxt in ("!", "?"):  # doctype, CDATA, processing instruction: never prose
            close = text.find(">", i + 2)
            return size if close < 0 else close + 1
        if nxt == "/":
            name = _TAG_NAME.match(text, i + 2)
            if name is None:
                if i + 2 >= size:
                    self.data(i, size)
                    return size
                close = text.find(">", i + 2)  # "</>" or "</ 3": a bogus comment
                return size if close < 0 else close + 1
            scanned = self.scan_attributes(name.end())
            if scanned is None:
                return size  # an end tag cut off by the end of the file is dropped
            self.end_tag(name.group().lower(), i)
            return scanned[0]
        name = _TAG_NAME.match(text, i + 1)
        if name is None:
            self.data(i, i + 1)  # a lone "<" is text
            return i + 1
        scanned = self.scan_attributes(name.end())
        if scanned is None:
            return size  # a start tag cut off by the end of the file is dropped
        end, attrs, self_closing = scanned
        tag = name.group().lower()
        if tag in RAW_TEXT and not self_closing and not self.foreign:
            return self.raw_text(tag, i, end, attrs)
        self.start_tag(tag, attrs, i, self_closing)
        return end

    def scan_attributes(self, pos: int) -> tuple[int, list[Attr], bool] | None:
        """Attributes up to the closing '>'; None when the file ends inside the tag."""
        text, size = self.text, len(self.text)
        attrs: list[Attr] = []
        while True:
            between = _BETWEEN_ATTRS.match(text, pos)
            pos = between.end()  # type: ignore[union-attr]
            if pos >= size:
                return None
            if text[pos] == ">":
                return pos + 1, attrs, between.group().endswith("/")  # type: ignore[union-attr]
            name = _ATTR_NAME.match(text, pos)
            assert name is not None  # text[pos] is neither space, '/' nor '>'
            pos = name.end()
            equals = _EQUALS.match(text, pos)
            if equals is None:
                attrs.append((name.group().lower(), pos, pos))
                continue
            pos = equals.end()
            if pos >= size:
                return None
            quote = text[pos]
            if quote in "\"'":
                close = text.find(quote, pos + 1)
                if close < 0:
                    return None
                attrs.append((name.group().lower(), pos + 1, close))
                pos = close + 1
            else:
                value = _UNQUOTED.match(text, pos)
                assert value is not None
                attrs.append((name.group().lower(), pos, value.end()))
                pos = value.end()

    def comment(self, i: int) -> int:
        """<!-- ... -->; "<!-->" and "<!--->" are empty comments; unclosed runs to the end."""
        text = self.text
        for empty in ("<!-->", "<!--->"):
            if text.startswith(empty, i):
                end = i + len(empty)
                self.comments.append(Comment(i, end, text[i:end]))
                return end
        close = _COMMENT_END.search(text, i + 4)
        end = len(text) if close is None else close.end()
        self.comments.append(Comment(i, end, text[i:end]))
        return end

    def raw_text(self, tag: str, tag_start: int, content_start: int, attrs: list[Attr]) -> int:
        """Content of <script>, <style>, <title>...: no markup inside, up to its end tag."""
        text = self.text
        found = _RAW_END[tag].search(text, content_start)
        content_end = found.start() if found else len(text)
        if tag == "title" and not self.skip_depth:
            self.builder.start_block(KINDS["title"])
            add_with_entities(self.builder, text[content_start:content_end], content_start)
            self.builder.start_block()
        elif tag == "script" and not self.skip_depth:
            span = self.value(attrs, "type")
            kind = html.unescape(text[span[0] : span[1]]).strip().lower() if span else ""
            if kind == "application/ld+json":
                for copy in jsonld.copy_strings(text, content_start, content_end):
                    pieces = jsonld.decoded_pieces(text, copy[0], copy[1])
                    jsonld.add_pieces(self.builder, pieces, copy[2])
        if found is None:
            return len(text)
        scanned = self.scan_attributes(found.end())
        return len(text) if scanned is None else scanned[0]

    def data(self, start: int, end: int) -> None:
        if self.skip_depth or end <= start:
            return
        add_with_entities(self.builder, self.text[start:end], start)

    def value(self, attrs: list[Attr], name: str) -> tuple[int, int] | None:
        """The span of the first attribute of that name (HTML5 ignores later duplicates)."""
        for attr, start, end in attrs:
            if attr == name:
                return start, end
        return None

    def attribute_prose(self, attrs: list[Attr], name: str, kind: str) -> None:
        span = self.value(attrs, name)
        if span is None:
            return
        self.builder.start_block(kind)
        add_with_entities(self.builder, self.text[span[0] : span[1]], span[0])
        self.builder.start_block()

    # -- the stack of open elements --------------------------------------------------------------

    def push(self, tag: str) -> None:
        if len(self.stack) >= MAX_DEPTH:
            return
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in SKIPPED:
            self.skip_depth += 1
            self.phrasing += tag in PHRASING_SKIPPED
            self.foreign += tag in FOREIGN

    def pop(self) -> None:
        tag = self.stack.pop()
        if self.open[tag] == 1:
            del self.open[tag]  # so that millions of distinct names cost no memory
        else:
            self.open[tag] -= 1
        if tag in SKIPPED:
            self.skip_depth -= 1
            self.phrasing -= tag in PHRASING_SKIPPED
            self.foreign -= tag in FOREIGN

    def pop_to(self, tag: str) -> None:
        """Close the innermost open `tag` and everything opened inside it."""
        while self.stack and self.stack[-1] != tag:
            self.pop()
        if self.stack:
            self.pop()

    def leave_foreign(self) -> None:
        """A breakout tag: close the open <svg>/<math> and everything inside it."""
        while self.foreign:
            self.pop()

    # -- what the tokens mean ------------------------------------------------------------------

    def start_tag(self, tag: str, attrs: list[Attr], start: int, self_closing: bool) -> None:
        opens = not self_closing and tag not in VOID
        if self.foreign:
            if tag in BREAKOUT or (
                tag == "font" and any(attr[0] in FONT_BREAKOUT_ATTRS for attr in attrs)
            ):
                self.leave_foreign()
            else:
                if opens:
                    self.push(tag)  # a foreign element; self-closing ones close at once
                return
        if self.phrasing and tag in ENDS_PHRASING:
            while self.phrasing:
                self.pop()  # an unclosed <code> ends where a block starts
        stack = self.stack
        if stack:
            top = stack[-1]
            if (top == tag and tag in SIBLINGS) or (top == "p" and tag in ENDS_PHRASING):
                self.pop()
        if opens:
            self.push(tag)
        if tag in SKIPPED or self.skip_depth:
            return
        if tag in BLOCKS:
            kind = KINDS.get(tag, "paragraph")
            if tag == "tr":
                self.row_head = True
            elif kind == "cell" and self.row_head:  # a row's first cell: what the row is about
                kind, self.row_head = "row-head", False
            self.builder.start_block(kind)
        if tag == "meta":
            span = self.value(attrs, "name") or self.value(attrs, "property")
            name = html.unescape(self.text[span[0] : span[1]]).lower() if span else ""
            if name in META_PROSE:
                self.attribute_prose(attrs, "content", "meta")
            elif name in META_TAGS:
                self.attribute_prose(attrs, "content", "tags")
        elif tag == "img":
            self.attribute_prose(attrs, "alt", "alt")
        elif tag == "a":
            span = self.value(attrs, "href")
            href = html.unescape(self.text[span[0] : span[1]]) if span else ""
            if href:
                self.open_links.append((start, href))
            if self.open.get("nav"):  # a bar of bare links: each link is its own item
                self.builder.start_block()
        if self_closing and tag not in VOID and tag in BLOCKS:
            self.builder.start_block()

    def end_tag(self, tag: str, start: int) -> None:
        if self.foreign and tag in ("p", "br"):
            self.leave_foreign()
        if self.open.get(tag):
            self.pop_to(tag)  # also closes what was left open inside it
        if tag in RAW_TEXT or tag in SKIPPED or self.skip_depth:
            return  # a raw-text end tag closes nothing; skipped content is not prose
        if tag in BLOCKS:
            self.builder.start_block()
        if tag == "a" and self.open_links:
            link_start, href = self.open_links.pop()
            self.links.append(Link(link_start, start, href))
        if tag == "a" and self.open.get("nav"):
            self.builder.start_block()


def read_html(text: str, opened: Sequence[str] = ()) -> Reading:
    """The prose of an HTML document; `opened` are the elements open where `text` starts, when
    it is a piece of a bigger document cut by html_cuts (their state is restored first)."""
    reader = _Reader(text)
    for tag in opened:
        reader.push(tag)
    reader.run()
    prose = reader.builder.build()
    return Reading(prose, reader.comments, reader.links)


# -- where a big page may be cut (run/chunked.py lints it piece by piece) ------------------------


class _Blocks:
    """What a ProseBuilder knows that a cut depends on: whether a block is open, and the kind
    the next block will have."""

    def __init__(self) -> None:
        self.open = False
        self.block_kind = "paragraph"

    def start_block(self, kind: str = "paragraph") -> None:
        self.end_block()
        self.block_kind = kind

    def end_block(self) -> None:
        self.open = False
        self.block_kind = "paragraph"

    def add(self, text: str, source_start: int, source_len: int | None = None) -> None:
        if text and not self.open and not text.isspace():
            self.open = True


class _Cutter(_Reader):
    """The reader without prose, noting the line starts where a piece may begin: between
    tokens, in white space that no open block takes in, with no link open. Read from there
    with the open elements restored, a piece gives the prose it gives in place.

    The open elements at each cut are kept as a node of a tree of stacks (a parent and a
    name), made only for the elements still open at some cut: a page of a million lines
    nested 500 deep costs a node per element, not a 500-name copy per cut."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.builder = _Blocks()  # type: ignore[assignment]
        self.cuts: list[int] = []
        self.states = array("i")  # the node of the open elements at each cut (-1: none)
        self.parents = array("i")
        self.names: list[str] = []
        self.node_of: list[int] = []  # per open element: its node, once one was needed
        self.noded = 0  # the open elements [0, noded) have their node

    def push(self, tag: str) -> None:
        depth = len(self.stack)
        super().push(tag)
        if len(self.stack) > depth:
            self.node_of.append(-1)

    def pop(self) -> None:
        super().pop()
        self.node_of.pop()
        self.noded = min(self.noded, len(self.stack))

    def node(self) -> int:
        """The node of the elements open now (made for those that have none yet)."""
        for index in range(self.noded, len(self.stack)):
            self.parents.append(self.node_of[index - 1] if index else -1)
            self.names.append(self.stack[index])
            self.node_of[index] = len(self.names) - 1
        self.noded = len(self.stack)
        return self.node_of[-1] if self.stack else -1

    def run(self) -> None:
        text, size, pos = self.text, len(self.text), 0
        blocks = self.builder
        while pos < size:
            lt = text.find("<", pos)
            end = size if lt < 0 else lt
            if not blocks.open and blocks.block_kind == "paragraph" and not self.open_links:  # type: ignore[attr-defined]
                self.note(pos, end)
            if end > pos:
                self.data(pos, end)
            if lt < 0:
                return
            pos = self.markup(lt)

    base = 0  # where self.text starts in the page (a window of a big page: html_stored.py)

    def page_length(self) -> int:
        """The length of the whole page (self.text, unless it is a window of it)."""
        return len(self.text)

    def note(self, pos: int, end: int) -> None:
        """Note the last line start in the white space at the start of text[pos:end]."""
        text, base = self.text, self.base
        blank = end
        for i in range(pos, end):  # usually a few characters: the indentation before a tag
            if not text[i].isspace():
                blank = i
                break
        brk = max(text.rfind("\n", pos, blank), text.rfind("\r", pos, blank))
        if brk >= 0:
            cut = brk + 1
            if text[brk] == "\r" and text.startswith("\n", cut):
                cut += 1
        elif base + pos and text[pos - 1] in "\r\n" and not text.startswith("\r\n", pos - 1):
            cut = pos
        else:
            return
        cut += base
        if 0 < cut < self.page_length() and (not self.cuts or cut > self.cuts[-1]):
            self.cuts.append(cut)
            self.states.append(self.node())


class OpenElements(Sequence[tuple[str, ...]]):
    """The elements open at each cut, as html_cuts found them (rebuilt when asked for)."""

    def __init__(self, cutter: _Cutter) -> None:
        self._states, self._parents, self._names = cutter.states, cutter.parents, cutter.names

    def __len__(self) -> int:
        return len(self._states)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        node, names = self._states[index], []
        while node >= 0:
            names.append(self._names[node])
            node = self._parents[node]
        return tuple(reversed(names))


def html_cuts(text: str) -> tuple[list[int], OpenElements]:
    """Line starts (in order, never 0) where a page may be cut, and the elements open at each."""
    cutter = _Cutter(text)
    cutter.run()
    return cutter.cuts, OpenElements(cutter)
