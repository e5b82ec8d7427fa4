"""The literal words a regex cannot match without, so a chunk that lacks them skips the regex.

Lexicon regexes usually start with ``\\b`` and ignore case, which defeats Python's own
literal-prefix search: every one of them would scan every character of every page. Most of
them, though, contain a word that must appear for any match ("approved", "trial", "percent").
A substring test for that word over the lower-cased chunk is far cheaper than the scan, and it
can only say "no match possible", never hide a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimlint.nlp.limits import replace_chars
from claimlint.packs.linear_regex import parsed

try:  # Python 3.11+
    from re import _constants as sre_constants
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]

MIN_SCORE = 3  # shorter words ("in", "of") are on every page and filter nothing
MAX_REQUIREMENTS = 4  # tested in turn on a block that passed the first: a few are enough

# The only non-ASCII characters that an ASCII letter matches under re.IGNORECASE: their
# simple lower case is ASCII (U+0130, U+212A) or the regex engine treats them as equivalent
# (dotless i, long s). Folding them first makes str.lower() agree with the regex engine.
_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))

_LITERAL = sre_constants.LITERAL
_SPACE_CLASS = [(sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)]
_AT = sre_constants.AT
_SUBPATTERN = sre_constants.SUBPATTERN
_BRANCH = sre_constants.BRANCH
_IN = sre_constants.IN
_RANGE = sre_constants.RANGE
MAX_CLASS = 16  # a character class this small becomes a set of one-character literals
MAX_EXACT = 16  # at most this many strings stand for one run of a regex (see _pieces)
_REPEATS = tuple(
    getattr(sre_constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre_constants, name)
)
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)

Requirement = frozenset  # any one of these lower-case strings must occur in the text


# Every character that \\s matches: Python's str.isspace, as translate gives RE2 its \\s.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
# Whitespace other than the space itself, replaced by one: a regex substitution costs a
# seventh of str.translate with a dict on the non-ASCII pages most sites are.
_OTHER_SPACE = re.compile("[" + re.escape(WHITESPACE.replace(" ", "")) + "]")
_SPACE_RUN = re.compile(" {2,}")


def fold(text: str) -> str:
    """The form of a text that requirements are tested against (same length: U+0130, whose
    lower case is two characters, is folded first)."""
    return replace_chars(text, _FOLD).lower()


def spaced(text: str) -> str:
    """The form of one segment of text that requirements are tested against (fold_spaced)."""
    return fold_spaced(fold(text), [0, len(text)])[0]


def fold_spaced(folded: str, edges: list[int]) -> tuple[str, list[int]]:
    """A folded text with each run of whitespace as one space, and its segment edges (each
    segment collapsed on its own). Literals read across whitespace ("off label" from
    ``off\\s+label``) are tested against this form: a two-word literal is far more selective
    than either word, and "approved" alone is on many pages that never say "not approved"."""
    spaced = _OTHER_SPACE.sub(" ", folded)
    if "  " not in spaced:
        return spaced, edges
    if not edges:
        return spaced, edges
    parts = [spaced[: edges[0]]]  # before the first segment: no regex runs there
    new = [edges[0]]
    for a, b in zip(edges, edges[1:], strict=False):
        parts.append(_SPACE_RUN.sub(" ", spaced[a:b]))
        new.append(new[-1] + len(parts[-1]))
    return "".join(parts), new


def required_literals(pattern: str, flags: int = 0) -> Requirement | None:
    """Lower-case ASCII strings of which at least one occurs in any text the pattern matches,
    or None when no such set of useful length can be read off the pattern."""
    items = parsed(pattern, flags & ~re.IGNORECASE)  # literals are lower-cased here anyway
    if items is None:
        return None
    found = _requirement(items)
    if found is None or _score(found) < MIN_SCORE:
        return None
    return found


def requirements(pattern: str, flags: int = 0) -> tuple[Requirement, ...] | None:
    """Every requirement of useful length that a match must meet at once, the most selective
    first (the one required_literals gives), or None when there is none. A regex written as
    "ketamine ... approved ... anaesthetic" needs all three words: a block that holds only
    "approved" is then skipped, and a one-page run does not compile the regex at all."""
    first = required_literals(pattern, flags)
    if first is None:
        return None
    items = parsed(pattern, flags & ~re.IGNORECASE)
    rest: list[Requirement] = []
    for found in _conjunction(items or []):
        if found != first and found not in rest and _score(found) >= MIN_SCORE:
            rest.append(found)
    rest.sort(key=lambda r: (-_score(r), len(r)))
    return (first, *rest[: MAX_REQUIREMENTS - 1])


def passes(requirement: Requirement | None, folded: str) -> bool:
    """Whether a regex with this requirement can match somewhere in the folded text."""
    return requirement is None or any(literal in folded for literal in requirement)


def passes_all(needs: tuple[Requirement, ...] | None, folded: str) -> bool:
    """Whether a regex with these requirements (see requirements) can match in the text."""
    return needs is None or all(passes(requirement, folded) for requirement in needs)


def _score(requirement: Requirement) -> int:
    """How selective a requirement is: its shortest literal's length, where a digit counts
    twice and another symbol ("%", "[") three times: prose has fewer of them than letters."""
    return min(sum(_weight(c) for c in literal) for literal in requirement)


def _weight(char: str) -> int:
    if char.isalpha() or char.isspace():
        return 1
    return 2 if char in "0123456789" else 3


def _safe(literal: str) -> bool:
    """ASCII, or a caseless non-letter such as "¹": no other character can match it under
    re.IGNORECASE that str.lower() would not map to it after _FOLD."""
    return all(c.isascii() or (not c.isalpha() and c.lower() == c == c.upper()) for c in literal)


def _better(best: Requirement | None, other: Requirement | None) -> Requirement | None:
    if other is None or not all(_safe(s) for s in other):
        return best
    if best is None:
        return other
    key = (_score(other), -len(other))
    return other if key > (_score(best), -len(best)) else best


def _whitespace(op, av) -> bool:
    """\\s, or one or more of \\s or of a space: one space in fold_spaced's text."""
    if op is _IN:
        return av == _SPACE_CLASS
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1:
        inner_op, inner_av = av[2][0]
        return (inner_op is _LITERAL and chr(inner_av).isspace()) or _whitespace(*av[2][0])
    return False


def _join(left: str, right: str) -> str:
    return left + right[1:] if left.endswith(" ") and right.startswith(" ") else left + right


def _then(
    strings: frozenset[str], after: frozenset[str], *, run: bool = False
) -> frozenset[str] | None:
    """Every string of `strings` followed by one of `after`, or None past MAX_EXACT. For a
    `run`, which only ever grows to the right, those that end in another are dropped (a
    match that holds "very first x" holds "first x"); not inside a group, which a run may
    yet extend on its left ("no" + "t one" must not become "no" + "")."""
    joined = {_join(a, b) for a in strings for b in after}
    if len(joined) > MAX_EXACT:
        return None
    if not run:
        return frozenset(joined)
    return frozenset(j for j in joined if not any(o != j and j.endswith(o) for o in joined))


def _exact(op, av) -> frozenset[str] | None:
    """The strings an item matches in fold_spaced's text, all of them, if they are few and
    plain: a literal, whitespace (one space), a small class, an alternation or an optional
    group of such; None for anything else. "" stands for matching nothing (\\b, `x?`)."""
    if op is _LITERAL:
        char = chr(av).lower()
        return frozenset([" " if char.isspace() else char])
    if _whitespace(op, av):
        return frozenset([" "])
    if op in _REPEATS and av[0] == 0 and _whitespace(op, (1, *av[1:])):
        return frozenset(["", " "])  # \\s*: none, or any run of whitespace, one space here
    if op is _AT:
        return frozenset([""])
    if op is _IN:
        return _class_requirement(av, spaces=True)
    if op is _SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is _BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _exact_sequence(list(alternative))
            if found is None:
                return None
            union |= found
        return frozenset(union) if len(union) <= MAX_EXACT else None
    if op in _REPEATS:
        low, high, item = av
        if high == 1:
            found = _exact_sequence(list(item))
            return None if found is None else found | ({""} if low == 0 else set())
    return None


def _exact_sequence(items: list) -> frozenset[str] | None:
    strings: frozenset[str] | None = frozenset([""])
    for op, av in items:
        found = _exact(op, av)
        if found is None or (strings := _then(strings, found)) is None:
            return None
    return strings


def _pieces(items: list) -> Iterator[tuple[Requirement | None, object, object]]:
    """A sequence's items with its runs of exact items (_exact) joined: (the strings one of
    which the run's match holds, None, None) for a run, (None, op, av) for any other item.
    Whitespace, written or matched by \\s, joins a run as one space (see fold_spaced), so
    "off label" and "approved for" are requirements, far rarer than their words."""
    run: frozenset[str] = frozenset([""])
    for op, av in items:
        found = _exact(op, av)
        if found is not None:
            longer = _then(run, found, run=True)
            if longer is not None:
                run = longer
                continue
            yield _shortest_first(run), None, None
            run = found
            continue
        if run != {""}:
            yield _shortest_first(run), None, None
        run = frozenset([""])
        yield None, op, av
    if run != {""}:
        yield _shortest_first(run), None, None


def _shortest_first(strings: frozenset[str]) -> Requirement:
    """A run's strings without those that hold another: one of those is in every match."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _requirement(items: list) -> Requirement | None:
    """The most selective requirement of a sequence of parsed regex items."""
    best: Requirement | None = None
    for literal, op, av in _pieces(items):
        best = _better(best, literal if literal is not None else _item_requirement(op, av))
    return best


def _conjunction(items: list) -> list[Requirement]:
    """The requirements of a sequence's items, each of which a match must meet: its literal
    runs, and what its groups and repeated items require in turn (a group's sequence is part
    of the match, so all of its requirements hold too)."""
    found: list[Requirement] = []
    for literal, op, av in _pieces(items):
        if literal is not None:
            found.append(literal)
        elif op is _SUBPATTERN:
            found += _conjunction(list(av[-1]))
        elif _ATOMIC is not None and op is _ATOMIC:
            found += _conjunction(list(av))
        elif op in _REPEATS:
            if av[0] >= 1:
                found += _conjunction(list(av[2]))
        else:
            single = _item_requirement(op, av)
            if single is not None:
                found.append(single)
    return [r for r in found if all(_safe(s) for s in r)]


def _item_requirement(op, av) -> Requirement | None:
    if op is _SUBPATTERN:
        return _requirement(list(av[-1]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _requirement(list(av))
    if op is _BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _requirement(list(alternative))
            if found is None:
                return None  # this alternative can match without any literal we know of
            union |= found
        return frozenset(union)
    if op is _IN:
        return _class_requirement(av)
    if op in _REPEATS:
        low, _high, item = av
        return _requirement(list(item)) if low >= 1 else None
    return None  # classes, anchors, lookarounds, back-references: no literal to rely on


def _class_requirement(items: list, *, spaces: bool = False) -> Requirement | None:
    """A small positive class such as [¹²³⁴] as its characters; anything else as None. With
    `spaces`, \\s in it and any whitespace character stand for one space ([\\s-] is " " or
    "-" in fold_spaced's text)."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is _LITERAL:
            chars.add(chr(value).lower())
        elif kind is _RANGE and value[1] - value[0] < MAX_CLASS:
            chars.update(chr(code).lower() for code in range(value[0], value[1] + 1))
        elif spaces and (kind, value) == _SPACE_CLASS[0]:
            chars.add(" ")
        else:
            return None  # negated classes, categories (\d, \w), large ranges
        if len(chars) > MAX_CLASS:
            return None
    if spaces:
        chars = {" " if c.isspace() else c for c in chars}
    return frozenset(chars) or None
