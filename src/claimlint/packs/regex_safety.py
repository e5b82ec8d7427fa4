"""Screening of pack regexes for catastrophic backtracking, read off their parse tree."""

from __future__ import annotations

from functools import lru_cache

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]


@lru_cache(maxsize=1024)
def parsed(pattern: str, flags: int = 0) -> list | None:
    """The parse tree of a regex (shared with the matcher's literal prefilter, so each
    pattern is parsed once per process), or None if it does not parse. Do not modify it."""
    try:
        return list(sre_parse.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unparsable pattern is reported by the pack loader
        return None


def catastrophic_reason(pattern: str) -> str | None:
    """Reject nested unbounded quantifiers ((a+)+, (a*)*...): the classic exponential regexes."""
    tree = parsed(pattern)
    if tree is None:  # compile() above already reported real errors
        return None
    repeats = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
    if hasattr(sre_parse, "POSSESSIVE_REPEAT"):
        repeats.add(sre_parse.POSSESSIVE_REPEAT)

    atoms = {sre_parse.LITERAL, sre_parse.NOT_LITERAL, sre_parse.IN, sre_parse.ANY}

    def unbounded(arg) -> bool:
        return arg[1] is sre_parse.MAXREPEAT or arg[1] > 100

    def has_unbounded(items) -> bool:
        for op, arg in items:
            if op in repeats and (unbounded(arg) or has_unbounded(arg[2])):
                return True
            if op is sre_parse.SUBPATTERN and has_unbounded(arg[-1]):
                return True
            if op is sre_parse.BRANCH and any(has_unbounded(b) for b in arg[1]):
                return True
        return False

    def has_mandatory_atom(items) -> bool:
        """A separator that every iteration must consume stops runaway backtracking."""
        for op, arg in items:
            if op in atoms:
                return True
            if op is sre_parse.SUBPATTERN and has_mandatory_atom(arg[-1]):
                return True
        return False

    def walk(items, inside_unbounded: bool = False) -> bool:
        for op, arg in items:
            if op in repeats:
                body = arg[2]
                if unbounded(arg) and has_unbounded(body) and not has_mandatory_atom(body):
                    return True
                if walk(body):
                    return True
            elif op is sre_parse.SUBPATTERN:
                if walk(arg[-1]):
                    return True
            elif op is sre_parse.BRANCH:
                if any(walk(branch) for branch in arg[1]):
                    return True
            elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
                if walk(arg[1]):
                    return True
        return False

    if walk(tree, False):
        return "nests unbounded quantifiers (catastrophic backtracking); rewrite it"
    return None
