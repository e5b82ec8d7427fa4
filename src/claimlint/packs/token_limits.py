"""What a token pattern may ask of spaCy's Matcher, checked when the pack is loaded.

The Matcher keeps every partial match alive for as long as the tokens that follow can extend
it, so an unbounded operator on a token that (almost) any token matches multiplies the work by
the length of the text: one wildcard `*` is quadratic, two are cubic (measured: 62 s on 800
words), eight take gigabytes on a 100-word page, and the compiled Matcher cannot be
interrupted. So a pack may use `*` or `+` once per pattern, on a token constrained by a word
list (`LOWER`/`ORTH`/`TEXT`/`NORM` with `IN` or a value), after a token constrained on the
same attribute by words none of which the repeated token accepts: then a run of repeated
tokens can extend only the one partial match that started before it, and the work stays
linear. `?` is limited per pattern, and patterns and `IN` lists are bounded in size.
`REGEX` predicates run on RE2 (see linear_regex.py).
"""

from __future__ import annotations

from typing import Any

from claimlint.packs.linear_regex import check as regex_problem

MAX_TOKENS = 12  # token dicts in one pattern
MAX_OPTIONAL = 4  # '?' operators in one pattern
MAX_LIST = 5_000  # values in one IN / NOT_IN / IS_SUBSET... list
MAX_PATTERNS = 1_000  # patterns in one lexicon
UNBOUNDED = ("*", "+")
WORD_ATTRS = ("LOWER", "ORTH", "TEXT", "NORM")
LIST_PREDICATES = ("IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS")


def pattern_problem(pattern: list[dict], where: str) -> tuple[str, str] | None:
    """(field, reason) for the first thing in a token pattern a pack may not ask, or None."""
    if len(pattern) > MAX_TOKENS:
        return where, f"has {len(pattern)} tokens; a token pattern may have at most {MAX_TOKENS}"
    optional = unbounded = 0
    for j, token in enumerate(pattern):
        here = f"{where}[{j}]"
        op = token.get("OP", token.get("op"))
        if op in UNBOUNDED:
            unbounded += 1
            reason = _unbounded_problem(pattern, j, unbounded)
            if reason:
                return f"{here}.OP", (
                    f"operator {op!r} {reason}: otherwise the token matcher is quadratic in the "
                    "page length; use '?', or lexicons that a rule joins with `within`"
                )
        if op == "?":
            optional += 1
            if optional > MAX_OPTIONAL:
                return f"{here}.OP", f"at most {MAX_OPTIONAL} '?' operators per token pattern"
        for attr, value in token.items():
            found = _value_problem(value, f"{here}.{attr}", str(attr).startswith("_"))
            if found:
                return found
    return None


def _words(token: dict) -> tuple[str, frozenset[str]] | None:
    """(attribute, the words it accepts) for a token constrained by a word list, else None."""
    found = [(str(k).upper(), v) for k, v in token.items() if str(k).upper() in WORD_ATTRS]
    if len(found) != 1:
        return None
    attr, value = found[0]
    if isinstance(value, str):
        return attr, frozenset([value])
    if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
        return attr, frozenset(str(v) for v in value["IN"])
    return None


def _unbounded_problem(pattern: list[dict], index: int, count: int) -> str | None:
    """Why the `*`/`+` at pattern[index] could make the Matcher super-linear, or None."""
    if count > 1:
        return "may appear once per token pattern"
    repeated = _words(pattern[index])
    if repeated is None:
        return "needs a word list (LOWER, ORTH, TEXT or NORM: a word or an IN list)"
    previous = _words(pattern[index - 1]) if index > 0 else None
    if previous is None or previous[0] != repeated[0]:
        return "must follow a token with a word list on the same attribute"
    if previous[1] & repeated[1]:
        return "must not accept a word of the token before it"
    return None


def _value_problem(value: Any, field: str, extension: bool) -> tuple[str, str] | None:
    if not isinstance(value, dict):
        return None
    for key, item in value.items():
        name = str(key).upper()
        if extension and isinstance(item, dict):
            found = _value_problem(item, f"{field}.{key}", False)
            if found:
                return found
        elif name == "REGEX":
            if extension:
                return f"{field}.{key}", "REGEX is not supported on `_` extension attributes"
            if not isinstance(item, str):
                return f"{field}.{key}", "REGEX must be a string"
            problem = regex_problem(item, ignore_case=False)
            if problem:
                return f"{field}.{key}", problem
        elif name in LIST_PREDICATES and isinstance(item, list) and len(item) > MAX_LIST:
            return f"{field}.{key}", f"has {len(item)} values; at most {MAX_LIST}"
    return None


__all__ = ["MAX_LIST", "MAX_OPTIONAL", "MAX_PATTERNS", "MAX_TOKENS", "pattern_problem"]
