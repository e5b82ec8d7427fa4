"""JSON-LD (schema.org) blocks: the string values that search engines show as copy.

A product's or a service's "description" and the "text" of an FAQ answer (an `Answer`, or the
value of `acceptedAnswer`/`suggestedAnswer`) appear in search results and shopping listings, so
the HTML reader reads them as prose at their place in the file. Other values (names, URLs,
dates, questions) are not copy. A string the visible page repeats is read too: search results
show the markup's copy whatever the page says, so a claim in both places is fixed in both.

The block is scanned once, left to right, with a stack of open containers: linear in its length
and bounded (`MAX_CHARS`, `MAX_DEPTH`, `MAX_STRINGS`). A block that is not JSON (a missing
brace, a stray word, a trailing comma) gives nothing: no guess at what a broken block meant.
"""

from __future__ import annotations

import re

from claimlint.inputs.positions import ProseBuilder
from claimlint.inputs.readers.common import add_with_entities

MAX_CHARS = 500_000  # a longer block is not read (a data dump, not copy)
MAX_DEPTH = 64  # deeper nesting is read as malformed
MAX_STRINGS = 256  # copy strings kept per block

COPY_KEYS = frozenset({"description"})
ANSWER_KEYS = frozenset({"acceptedanswer", "suggestedanswer"})
ANSWER_TYPES = frozenset({"answer"})

_WS = re.compile(r"[ \t\r\n]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_STRING_BODY = re.compile(r'(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4}))*')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": " ", "f": " ", "n": "\n", "r": " ", "t": " "}
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")


Copy = tuple[int, int, str]  # source span inside the quotes, and the block kind it is read as


class _Malformed(Exception):
    pass


class _Object:
    """An open object: the key it is the value of, its @type and its "text" strings."""

    __slots__ = ("answer", "key", "texts", "types")

    def __init__(self, key: str) -> None:
        self.key = key
        self.answer = key in ANSWER_KEYS
        self.types: list[str] = []
        self.texts: list[Copy] = []


def copy_strings(text: str, start: int, end: int) -> list[Copy]:
    """The copy strings of the JSON-LD block text[start:end], in source order: a description is
    read as a meta description ("meta"), an answer as a paragraph; none if the block is not JSON
    or is too big."""
    if end - start > MAX_CHARS:
        return []
    try:
        return sorted(_scan(text, start, end))[:MAX_STRINGS]
    except _Malformed:
        return []


def _scan(text: str, start: int, end: int) -> list[Copy]:
    found: list[Copy] = []
    stack: list[_Object | str] = []  # an array: the key it is the value of
    pos = _WS.match(text, start, end).end()  # type: ignore[union-attr]
    if pos == end:
        raise _Malformed
    key = ""  # the key whose value comes next ("" in an array or at the top)
    while True:
        # a value at pos
        char = text[pos] if pos < end else ""
        if char == "{" or char == "[":
            if len(stack) >= MAX_DEPTH:
                raise _Malformed
            # an item of an array is the value of the array's key ("suggestedAnswer": [{...}])
            key = stack[-1] if key == "" and stack and isinstance(stack[-1], str) else key
            stack.append(_Object(key) if char == "{" else key)
            pos = _WS.match(text, pos + 1, end).end()  # type: ignore[union-attr]
            closer = "}" if char == "{" else "]"
            if text.startswith(closer, pos) and pos < end:
                pos = _close(stack, found, pos + 1)
            elif char == "{":
                pos, key = _key(text, pos, end)
                continue
            else:
                key = ""
                continue
        elif char == '"':
            body = _STRING_BODY.match(text, pos + 1, end)
            close = body.end()  # type: ignore[union-attr]
            if close >= end or text[close] != '"':
                raise _Malformed
            parent = stack[-1] if stack else None
            if isinstance(parent, _Object):
                if key in COPY_KEYS:
                    found.append((pos + 1, close, "meta"))
                elif key == "text":
                    parent.texts.append((pos + 1, close, "paragraph"))
                elif key == "@type":
                    parent.types.append(text[pos + 1 : close].lower())
            elif parent == "@type" and len(stack) > 1 and isinstance(stack[-2], _Object):
                stack[-2].types.append(text[pos + 1 : close].lower())  # "@type": ["Answer"]
            pos = close + 1
        else:
            literal = _NUMBER.match(text, pos, end)
            if literal is not None and literal.end() > pos:
                pos = literal.end()
            else:
                for word in ("true", "false", "null"):
                    if text.startswith(word, pos) and pos + len(word) <= end:
                        pos += len(word)
                        break
                else:
                    raise _Malformed
        # after a value: a comma, or the end of containers
        while True:
            pos = _WS.match(text, pos, end).end()  # type: ignore[union-attr]
            if not stack:
                if pos != end:
                    raise _Malformed
                return found
            char = text[pos] if pos < end else ""
            top = stack[-1]
            if char == ",":
                pos = _WS.match(text, pos + 1, end).end()  # type: ignore[union-attr]
                if isinstance(top, _Object):
                    pos, key = _key(text, pos, end)
                else:
                    key = ""
                break
            if char == ("}" if isinstance(top, _Object) else "]"):
                pos = _close(stack, found, pos + 1)
                continue
            raise _Malformed


def _key(text: str, pos: int, end: int) -> tuple[int, str]:
    """An object key and its colon at pos; the position of its value and the key (lower case)."""
    if pos >= end or text[pos] != '"':
        raise _Malformed
    body = _STRING_BODY.match(text, pos + 1, end)
    close = body.end()  # type: ignore[union-attr]
    if close >= end or text[close] != '"':
        raise _Malformed
    key = text[pos + 1 : close].lower()
    pos = _WS.match(text, close + 1, end).end()  # type: ignore[union-attr]
    if pos >= end or text[pos] != ":":
        raise _Malformed
    return _WS.match(text, pos + 1, end).end(), key  # type: ignore[union-attr]


def _close(stack: list[_Object | str], found: list[Copy], pos: int) -> int:
    """Close the innermost container; an answer object gives its "text" strings."""
    done = stack.pop()
    if isinstance(done, _Object) and (done.answer or ANSWER_TYPES.intersection(done.types)):
        found.extend(done.texts)
    return pos


def decoded_pieces(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The JSON string text[start:end] (inside its quotes) as (decoded text, source start,
    source length) pieces: escapes decoded, each keeping its source span; HTML tags inside the
    string (answers often carry <p> or <a>) are left out."""
    pieces: list[tuple[str, int, int]] = []
    pos = run = start
    while pos < end:
        char = text[pos]
        if char == "<":
            tag = _TAG.match(text, pos, end)
            if tag is not None:
                if pos > run:
                    pieces.append((text[run:pos], run, pos - run))
                pieces.append((" ", pos, tag.end() - pos))
                pos = run = tag.end()
                continue
        if char != "\\":
            pos += 1
            continue
        if pos > run:
            pieces.append((text[run:pos], run, pos - run))
        code = text[pos + 1 : pos + 2]
        if code == "u":
            decoded, size = chr(int(text[pos + 2 : pos + 6], 16)), 6
        else:
            decoded, size = _ESCAPES.get(code, code), 2
        pieces.append((decoded, pos, size))
        pos = run = pos + size
    if pos > run:
        pieces.append((text[run:pos], run, pos - run))
    return pieces


def add_pieces(builder: ProseBuilder, pieces: list[tuple[str, int, int]], kind: str) -> None:
    """The pieces of one copy string as a block of prose of that kind."""
    builder.start_block(kind)
    for piece, source, size in pieces:
        if size == len(piece) and piece != " ":
            add_with_entities(builder, piece, source)
        elif piece:
            builder.add(piece, source, size)
    builder.start_block()
