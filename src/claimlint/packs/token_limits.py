"""What a token pattern may ask of spaCy's Matcher, checked when the pack is loaded.

The Matcher keeps every partial match alive until the end of the text it is given, so each
unbounded operator multiplies its work by the length of the text: one `*` is quadratic, two
are cubic (measured: 62 s on 800 words), eight take gigabytes on a 100-word page. The
compiled Matcher cannot be interrupted either. So a pack may not ask for it: `*` and `+` are
refused (a rule's `within` joins lexicons over a bounded number of tokens instead), `?` is
limited per pattern, and patterns and `IN` lists are bounded in size. `REGEX` predicates run
on RE2 (see linear_regex.py).
"""

from __future__ import annotations

from typing import Any

from claimlint.packs.linear_regex import check as regex_problem

MAX_TOKENS = 12  # token dicts in one pattern
MAX_OPTIONAL = 4  # '?' operators in one pattern
MAX_LIST = 5_000  # values in one IN / NOT_IN / IS_SUBSET... list
MAX_PATTERNS = 1_000  # patterns in one lexicon
UNBOUNDED = ("*", "+")
LIST_PREDICATES = ("IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS")


def pattern_problem(pattern: list[dict], where: str) -> tuple[str, str] | None:
    """(field, reason) for the first thing in a token pattern a pack may not ask, or None."""
    if len(pattern) > MAX_TOKENS:
        return where, f"has {len(pattern)} tokens; a token pattern may have at most {MAX_TOKENS}"
    optional = 0
    for j, token in enumerate(pattern):
        here = f"{where}[{j}]"
        op = token.get("OP", token.get("op"))
        if op in UNBOUNDED:
            return f"{here}.OP", (
                f"operator {op!r} is not allowed: an unbounded operator makes the token matcher "
                "quadratic in the page length; use '?' or split the pattern into lexicons that "
                "a rule joins with `within`"
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
