"""Inline suppressions written as HTML comments in Markdown and HTML sources.

    <!-- claimlint-disable CL101 CL402 -- reason -->  ... <!-- claimlint-enable CL101 -->
    <!-- claimlint-disable-next-line CL101 -->
    <!-- claimlint-disable-line -->        (on the same line as the finding)
With no ids a comment applies to every rule. Ids may be rule ids, prefixes, names or categories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .positions import LineIndex
from .readers.common import Comment

_DIRECTIVE = re.compile(
    r"<!--\s*claimlint-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.DOTALL
)


@dataclass
class Suppression:
    """One directive: which rules, which source lines, and whether it suppressed anything."""

    kind: str
    selectors: tuple[str, ...]
    line: int
    column: int
    first_line: int
    last_line: int
    reason: str = ""
    used: bool = field(default=False, compare=False)

    def covers(self, rule_id: str, name: str, category: str, line: int) -> bool:
        if not (self.first_line <= line <= self.last_line):
            return False
        if not self.selectors:
            return True
        keys = (rule_id.lower(), name.lower(), category.lower())
        return any(
            sel in keys or (sel[:2].isalpha() and rule_id.lower().startswith(sel))
            for sel in self.selectors
        )


def parse_suppressions(comments: list[Comment], lines: LineIndex) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    last_line = len(lines.starts)
    for comment in comments:
        match = _DIRECTIVE.match(comment.text.strip())
        if not match:
            continue
        kind, rest = match.group(1), match.group(2)
        rest, _, reason = rest.partition("--")
        selectors = tuple(s.lower() for s in re.split(r"[\s,]+", rest.strip()) if s)
        line, column = lines.locate(comment.start)
        end_line, _ = lines.locate(comment.end)
        if kind == "disable-next-line":
            out.append(Suppression(kind, selectors, line, column, end_line + 1, end_line + 1,
                                   reason.strip()))
        elif kind == "disable-line":
            out.append(Suppression(kind, selectors, line, column, line, end_line, reason.strip()))
        elif kind == "disable":
            item = Suppression(kind, selectors, line, column, line, last_line, reason.strip())
            out.append(item)
            open_ranges.append(item)
        else:  # enable closes matching open ranges (all of them when it names no ids)
            for item in list(open_ranges):
                if not selectors or set(selectors) & set(item.selectors) or not item.selectors:
                    item.last_line = line
                    open_ranges.remove(item)
    return out
