"""Pack regexes run on RE2, a linear-time engine: no pattern can backtrack for minutes.

Packs are data, so a regex from a pack must not be able to cost more than a scan of the text.
A screen of Python regexes for catastrophic backtracking can only ever catch the shapes it
knows ((a+)+ is caught, (a|a?)+b and \\w*\\w*\\w*x were not), so every pack regex -- bundled or
user's, lexicon `regex`, modifier `cue_regex` and `links`, and `REGEX` inside token patterns --
is compiled with RE2 (google-re2), whose matching time is linear in the text.

Patterns keep Python's syntax and meaning where RE2 can express it: `\\w`, `\\d`, `\\s` (and
their negations) become the Unicode classes Python uses (or, on a text with no letter,
number or space above U+00FF, their cheaper Latin-1 parts: see narrow_safe), `\\Z` becomes
`\\z`, `\\uXXXX` becomes `\\x{XXXX}`. What RE2 cannot do (lookarounds, back-references,
possessive quantifiers and atomic groups, conditionals) is refused at load time with a reason;
only claimlint's own packs, reviewed and tested with the code, may use a lookaround, and those
patterns run on `re` (compile_pack). Two documented differences remain: `\\b` is an ASCII
word boundary, and `$` matches only at the end of the block (not also before a final newline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claimlint.packs.safe_yaml import short_repr

try:  # Python 3.11+
    import re._constants as sre_constants  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_MEM = 8 << 20  # bytes RE2 may use for one compiled program (its default)
# What a program that compile_linear accepted may use when it runs: RE2 grows each program's DFA
# lazily up to about two thirds of its budget, and with hundreds of pack regexes searched over a
# whole site those caches were the largest growth of a long run (2 MB each: 22 MB less at the
# peak of a 2,000-page site, same findings, same time; 1 MB: 3 MB less again, same time; 512 KB,
# in round 47: about 6 MB less again, within the run-to-run spread of time; 384 KB, in round 51:
# 2 MB less again, 64.1 s against 63.0 s beside the test suite, the same findings). A program too
# large for it gets MAX_MEM.
SEARCH_MEM = 3 << 17

_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t-\r\x1c-\x20\x85\p{Z}"  # what str.isspace() accepts
_CLASSES = {"w": _WORD, "d": _DIGIT, "s": _SPACE}

# The same classes cut down to U+0000-U+00FF. RE2 compiles a Unicode class into a UTF-8 byte
# automaton of hundreds of ranges, and a counted repeat ((?:\w+\s+){0,8}) copies it: that is
# four fifths of the time spent compiling the bundled regexes. On a text whose characters above
# U+00FF are none of them letters, numbers or spaces (see narrow_safe), these match the same.
# Superscript and subscript digits and letters (footnote markers: "relief⁴") are kept too.
_SCRIPTS = r"\x{2070}\x{2071}\x{2074}-\x{2079}\x{207f}-\x{2089}\x{2090}-\x{209c}"
_SCRIPT_CHARS = frozenset(
    chr(c) for c in (0x2070, 0x2071, *range(0x2074, 0x207A), *range(0x207F, 0x208A))
) | frozenset(chr(c) for c in range(0x2090, 0x209D))
_NARROW_WORD = r"0-9A-Z_a-z\xaa\xb2\xb3\xb5\xb9\xba\xbc-\xbe\xc0-\xd6\xd8-\xf6\xf8-\xff" + _SCRIPTS
_NARROW = {"w": _NARROW_WORD, "d": "0-9", "s": r"\t-\r\x1c-\x20\x85\xa0"}

_UNSUPPORTED = {
    "ASSERT": "lookarounds ((?=...), (?!...), (?<=...), (?<!...))",
    "ASSERT_NOT": "lookarounds ((?=...), (?!...), (?<=...), (?<!...))",
    "GROUPREF": "back-references (\\1, (?P=name))",
    "GROUPREF_EXISTS": "conditional groups ((?(1)...))",
    "POSSESSIVE_REPEAT": "possessive quantifiers (a++, a*+)",
    "ATOMIC_GROUP": "atomic groups ((?>...))",
}


# Non-ASCII characters that Python's re matches against an ASCII letter under IGNORECASE:
# RE2 does not fold the dotted and dotless i (Turkish only), and its ASCII \b would see a
# boundary before the long s and the Kelvin sign. Replacing them (same length) before a
# case-insensitive match keeps RE2's answers equal to Python's.
CASE_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def fold_case(text: str) -> str:
    """The text a case-insensitive pack regex is run on (same length, same offsets)."""
    for char, plain in CASE_FOLD:
        if char in text:
            text = text.replace(char, plain)
    return text


def re2_options(ignore_case: bool, max_mem: int = MAX_MEM):  # noqa: ANN201 - re2.Options
    """How every pack regex (and Set) is compiled on RE2: case, memory bound, no logging."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.max_mem = max_mem
    options.log_errors = False
    return options


class RegexError(ValueError):
    """A pattern that is not a valid regex or that RE2 cannot run; the message says why."""


@lru_cache(maxsize=1024)
def parsed(pattern: str, flags: int = 0) -> list | None:
    """The Python parse tree of a regex (shared with the matcher's literal prefilter, so each
    pattern is parsed once per process), or None if it does not parse. Do not modify it."""
    try:
        return list(sre_parse.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unparsable pattern is reported by check()
        return None


def _unsupported(items) -> str | None:
    """The first feature of a parse tree that RE2 lacks, described for the pack's author."""
    for op, arg in items:
        name = getattr(op, "name", str(op))
        if name in _UNSUPPORTED:
            return _UNSUPPORTED[name]
        for child in _children(op, arg):
            found = _unsupported(child)
            if found:
                return found
    return None


def _children(op, arg) -> list:
    if op is sre_constants.SUBPATTERN:
        return [arg[-1]]
    if op is sre_constants.BRANCH:
        return list(arg[1])
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        return [arg[2]]
    return []


_START_ANCHORS = (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
_CARET = re.compile(r"(?<![\[\\])\^")  # a "^" that opens no class and is not escaped


@lru_cache(maxsize=4096)
def anchored_at_start(pattern: str) -> bool:
    """Whether a pattern holds "^" or "\\A" (not "(?m)^"): a pack means the start of the block
    it searches, which a search from an offset never matches (see LinearRegex.spans). Only a
    pattern that holds "^" outside "[^" or "\\A" is parsed: parsing costs half a millisecond."""
    if "\\A" not in pattern and not _CARET.search(pattern):
        return False
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - an unparsable pattern is reported by check()
        return False
    return not tree.state.flags & sre_constants.SRE_FLAG_MULTILINE and _has_start_anchor(tree)


def _has_start_anchor(items) -> bool:
    for op, arg in items:
        if op is sre_constants.AT and arg in _START_ANCHORS:
            return True
        if op is sre_constants.SUBPATTERN and arg[1] & sre_constants.SRE_FLAG_MULTILINE:
            continue  # "(?m:^)": a line's start, which the context character shows
        if any(_has_start_anchor(child) for child in _children(op, arg)):
            return True
    return False


def translate(pattern: str, narrow: bool = False) -> str:
    """Python regex syntax -> RE2 syntax with Python's (Unicode) meaning of the classes, or
    with `narrow`, that meaning cut down to Latin-1 (for narrow_safe texts only)."""
    classes = _NARROW if narrow else _CLASSES
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            esc = pattern[i + 1]
            if esc.lower() in classes:
                body = classes[esc.lower()]
                if esc.islower():
                    out.append(body if in_class else f"[{body}]")
                elif in_class:
                    raise RegexError(f"\\{esc} inside a character class is not supported")
                else:
                    out.append(f"[^{body}]")
                i += 2
                continue
            if esc == "Z":
                out.append(r"\z")
                i += 2
                continue
            if esc == "u" and i + 6 <= n:
                out.append(r"\x{" + pattern[i + 2 : i + 6] + "}")
                i += 6
                continue
            if esc == "U" and i + 10 <= n:
                out.append(r"\x{" + pattern[i + 2 : i + 10] + "}")
                i += 10
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            out.append(char)
            i += 1
            continue
        if char == "{" and pattern.startswith("{,", i):  # Python's {,n} is RE2's {0,n}
            out.append("{0")
            i += 1
            continue
        if char == "[":
            in_class = True
            out.append(char)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":  # a leading ] is a literal
                out.append(r"\]")
                i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


def check(pattern: str, ignore_case: bool = True) -> str | None:
    """Why `pattern` cannot be a pack regex, or None if it can (it compiles on RE2)."""
    try:
        compile_linear(pattern, ignore_case)
    except RegexError as err:
        return str(err)
    return None


@lru_cache(maxsize=4096)
def compile_linear(pattern: str, ignore_case: bool = True) -> LinearRegex:
    """Compile a pack regex for RE2 (cached per process); RegexError says why it cannot be."""
    import re

    try:
        re.compile(pattern)
    except re.error as err:
        raise RegexError(f"invalid regex {short_repr(pattern)}: {err}") from None
    tree = parsed(pattern)
    missing = _unsupported(tree) if tree is not None else None
    if missing:
        raise RegexError(
            f"regex {short_repr(pattern)} uses {missing}, which claimlint does not run: "
            "pack regexes run on RE2, a linear-time engine; rewrite it without them"
        )
    import re2

    try:
        compiled = re2.compile(translate(pattern), re2_options(ignore_case))
    except re2.error as err:
        detail = err.args[0] if err.args else "RE2 cannot compile it"
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        if "too large" in detail or "repetition" in detail:
            detail += " (bounded repeats multiply: (?:a{1,100}){1,100} is 10,000 states)"
        raise RegexError(f"regex {short_repr(pattern)} is not supported: {detail}") from None
    return LinearRegex(pattern, compiled)


@lru_cache(maxsize=4096)
def compile_trusted(pattern: str, ignore_case: bool = True, narrow: bool = False) -> LinearRegex:
    """A pack regex that compile_linear has already accepted (in this process, or when the
    compiled-pack cache entry holding it was written), straight to RE2: Python's own compile
    and parse, there only to explain a mistake, cost three times RE2's on a cold start.
    A `narrow` program is five times cheaper to compile, and may search narrow_safe texts."""
    return compile_translated(pattern, translate(pattern, narrow), ignore_case)


def compile_translated(pattern: str, translated: str, ignore_case: bool) -> LinearRegex:
    """compile_trusted with the RE2 form already worked out (kept in the compiled-pack cache:
    translating a pattern costs half as much as compiling it)."""
    import re2

    try:
        program = re2.compile(translated, re2_options(ignore_case, SEARCH_MEM))
    except re2.error:  # too big for the search budget: the budget it was accepted with
        program = re2.compile(translated, re2_options(ignore_case))
    return LinearRegex(pattern, program)


def forget_checked() -> None:
    """Drop what checking the packs kept: the full RE2 program and the parse tree of each
    pack regex. Once a pipeline is built it holds the programs it runs (mostly narrow ones,
    compiled apart), so these only take room: 25 MB of a site run's peak, in the run that
    parses the packs instead of reading them from the compiled-pack cache."""
    compile_linear.cache_clear()
    parsed.cache_clear()


def narrow_safe(text: str) -> bool:
    """Whether a narrow program (translate(..., narrow=True)) finds exactly what the full one
    finds in this text: no character above U+00FF is a letter, number or space, except the
    superscripts and subscripts the narrow \\w keeps, so the rest of the classes never meets a
    character. Curly quotes, dashes, emoji and footnote marks are safe; Greek, Cyrillic or CJK
    letters, characters with a case partner, and characters unassigned in Python's Unicode
    version (RE2's tables may be newer), are not."""
    if text.isascii():
        return True
    from unicodedata import category

    for char in set(text):
        if char > "\xff" and char not in _SCRIPT_CHARS:
            kind = category(char)
            if kind[0] in "LNZ" or kind == "Cn" or char.upper() != char or char.lower() != char:
                return False  # (a cased mark such as U+0345 folds to a letter: ignore case)
    return True


def python_only(pattern: str) -> bool:
    """A valid Python regex that RE2 refuses only for a lookaround (allowed in claimlint's
    own packs, which are reviewed with the code; see compile_pack)."""
    tree = parsed(pattern)
    return tree is not None and (_unsupported(tree) or "").startswith("lookarounds")


def compile_pack(pattern: str, ignore_case: bool = True) -> LinearRegex | PythonRegex:
    """A validated pack regex, compiled: on RE2, or on `re` for the lookarounds that only the
    bundled packs may use (validate.py refuses them in any other pack)."""
    try:
        return compile_linear(pattern, ignore_case)
    except RegexError:
        if not python_only(pattern):
            raise
        import re

        return PythonRegex(pattern, re.compile(pattern, re.IGNORECASE if ignore_case else 0))


class PythonRegex:
    """A bundled regex that needs `re` (a lookbehind), with LinearRegex's interface."""

    __slots__ = ("pattern", "_compiled", "_at_start")

    def __init__(self, pattern: str, compiled) -> None:
        self.pattern = pattern
        self._compiled = compiled
        self._at_start = anchored_at_start(pattern)  # once: spans() runs for every block

    def spans(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        end = len(text) if end is None else end
        if start and self._at_start:  # "^" is the block's start
            for match in self._compiled.finditer(text[start:end]):
                yield start + match.start(), start + match.end()
            return
        for match in self._compiled.finditer(text, start, end):
            yield match.span()

    def search(self, text: str) -> bool:
        return self._compiled.search(text) is not None


def _unanchored():  # noqa: ANN202 - re2's Anchor enum
    """The anchor finditer searches with (re2 is imported only once a regex runs)."""
    global _UNANCHORED
    if _UNANCHORED is None:
        import re2

        _UNANCHORED = re2._Anchor.UNANCHORED  # noqa: SLF001 - finditer's own argument
    return _UNANCHORED


_UNANCHORED = None


class LinearRegex:
    """A compiled pack regex with the slice of the `re` API that claimlint needs."""

    __slots__ = ("pattern", "_compiled", "_at_start")

    def __init__(self, pattern: str, compiled) -> None:
        self.pattern = pattern
        self._compiled = compiled
        self._at_start = anchored_at_start(pattern)  # once: spans() runs for every block

    def spans(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Match spans in text[start:end], with `re` semantics: the character before `start`
        is context (for \\b), the text ends at `end` ($ and \\b see nothing after it).

        Only the segment (and one character before it) is handed to RE2, which encodes what
        it gets to UTF-8: passing the whole text for every segment would be quadratic.
        """
        end = len(text) if end is None else end
        # the character before is context for \\b, but then "^" never holds at the segment's
        # start: a pattern with "^" means the start of the block, so it gets no context
        before = 1 if start > 0 and not self._at_start else 0
        base = start - before
        piece = text[base:end]
        if piece.isascii():  # bytes are characters: no offsets to convert (byte_spans)
            for a, b in self.byte_spans(piece.encode("ascii"), before):
                yield base + a, base + b
            return
        for match in self._compiled.finditer(piece, before):
            yield base + match.start(), base + match.end()

    def search(self, text: str) -> bool:
        return self._compiled.search(text) is not None

    @property
    def group_count(self) -> int:
        return int(self._compiled.groups)

    def whole(self, text: str) -> tuple[str | None, ...] | None:
        """The capture groups when the pattern matches all of text, else None."""
        found = self._compiled.fullmatch(text)
        return None if found is None else found.groups()

    def byte_spans(self, data: bytes, pos: int = 0) -> list[tuple[int, int]]:
        """Match spans in UTF-8 bytes, as byte offsets. RE2 matches bytes natively: a str is
        encoded again on every call, which for a page's many regexes costs more than the
        matching (the caller encodes once). The search starts at byte `pos`.

        The wrapper's finditer makes a generator frame and a Match object per match; a page
        asks for thousands of spans, so the same loop runs here on the compiled program,
        stepping past an empty match exactly as finditer does (an older wrapper without
        `_regexp` gets finditer)."""
        match = getattr(self._compiled, "_regexp", None)
        if match is None:  # pragma: no cover - another google-re2 layout
            return [found.span() for found in self._compiled.finditer(data, pos)]
        search, anchor = match.Match, _unanchored()
        found: list[tuple[int, int]] = []
        end = len(data)
        pos = max(0, min(pos, end))
        while True:
            span = search(anchor, data, pos, end)[0]
            if span[0] < 0:  # (-1, -1): no match
                return found
            found.append(span)
            if pos == end:
                return found
            pos = pos + 1 if pos == span[1] else span[1]


__all__ = [
    "LinearRegex",
    "RegexError",
    "check",
    "compile_linear",
    "compile_pack",
    "compile_trusted",
    "forget_checked",
    "narrow_safe",
    "fold_case",
    "parsed",
    "python_only",
    "re2_options",
    "translate",
]
