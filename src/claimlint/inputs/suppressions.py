"""Inline suppressions written as HTML comments in Markdown and HTML sources.

    <!-- claimlint-disable CL101 CL402 -- reason -->  ... <!-- claimlint-enable CL101 -->
    <!-- claimlint-disable-next-line CL101 -->
    <!-- claimlint-disable-line -->        (on the same line as the finding)
With no ids a comment applies to every rule. Ids may be rule ids, prefixes (CL1), names,
categories or `all`, separated by spaces or commas; text after ` -- ` is the reason.

A `disable` range starts where its comment starts and ends where a matching `enable` comment
starts (or at the end of the file). An `enable` naming some rules re-enables only those: after
`disable` (everything) and `enable CL101`, CL101 is reported again and the rest stay off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimlint.inputs.positions import LineIndex
from claimlint.inputs.readers.common import Comment

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.diagnostics import Diagnostic

# The kind must be followed by white space or the end of the comment, so that a misspelt
# `claimlint-disable-nextline` is not read as a file-wide `claimlint-disable`.
_DIRECTIVE = re.compile(
    r"<!--\s*claimlint-(disable-next-line|disable-line|disable|enable)(?=\s|-->)(.*?)-->",
    re.DOTALL,
)

Position = tuple[int, int]  # (line, column), 1-based
END = (1 << 30, 1 << 30)


def selector_covers(selector: str, rule_id: str, name: str, category: str) -> bool:
    """The selector forms of engine.selector_matches, on plain strings (no Rule needed)."""
    sel = selector.strip().lower()
    rid = rule_id.lower()
    if sel in ("all", rid, name.lower(), category.lower()):
        return True
    if sel[:1].isalpha() and any(c.isdigit() for c in sel):
        return rid.startswith(sel)  # CL1, CL10
    return sel.isalpha() and len(sel) <= 3 and rid.startswith(sel)  # CL


@dataclass
class Suppression:
    """One directive: which rules, which stretch of the source, and whether it was used."""

    kind: str
    selectors: tuple[str, ...]
    line: int
    column: int
    first_line: int
    last_line: int
    reason: str = ""
    start: Position = (0, 0)  # for ranges: suppressed from here ...
    end: Position = END  # ... to here (exclusive)
    reenabled: dict[str, Position] = field(default_factory=dict)  # selector -> enable position
    used: bool = field(default=False, compare=False)

    def names(self, rule_id: str, name: str, category: str) -> bool:
        """Does this directive apply to the rule (ignoring where it is)?"""
        return not self.selectors or any(
            selector_covers(s, rule_id, name, category) for s in self.selectors
        )

    def covers(self, rule_id: str, name: str, category: str, line: int, column: int = 0) -> bool:
        if self.kind == "disable":
            at = (line, column)
            if not (self.start <= at < self.end):
                return False
            if any(
                selector_covers(s, rule_id, name, category) and at >= where
                for s, where in self.reenabled.items()
            ):
                return False
        elif not (self.first_line <= line <= self.last_line):
            return False
        return self.names(rule_id, name, category)


def parse_directive(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """(kind, selectors, reason) of a claimlint comment, or None for any other comment."""
    match = _DIRECTIVE.match(text.strip())
    if not match:
        return None
    kind, rest = match.group(1), match.group(2)
    rest, _, reason = rest.partition("--")
    selectors = tuple(s.lower() for s in re.split(r"[\s,]+", rest.strip()) if s)
    return kind, selectors, reason.strip()


def parse_suppressions(comments: list[Comment], lines: LineIndex) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    last_line = len(lines.starts)
    for comment in sorted(comments, key=lambda c: c.start):
        parsed = parse_directive(comment.text)
        if parsed is None:
            continue
        kind, selectors, reason = parsed
        line, column = lines.locate(comment.start)
        end_line, _ = lines.locate(comment.end)
        if kind == "disable-next-line":
            out.append(
                Suppression(kind, selectors, line, column, end_line + 1, end_line + 1, reason)
            )
        elif kind == "disable-line":
            out.append(Suppression(kind, selectors, line, column, line, end_line, reason))
        elif kind == "disable":
            item = Suppression(
                kind, selectors, line, column, line, last_line, reason, start=(line, column)
            )
            out.append(item)
            open_ranges.append(item)
        else:  # enable: closes or narrows the open ranges; not a suppression itself
            for item in list(open_ranges):
                if not selectors or (item.selectors and set(item.selectors) <= set(selectors)):
                    item.end, item.last_line = (line, column), line  # closed entirely
                    open_ranges.remove(item)
                else:  # re-enable just the named rules; the range goes on for the others
                    for sel in selectors:
                        item.reenabled.setdefault(sel, (line, column))
    return out


def unsuppressed(found: list[Diagnostic], directives: list[Suppression]) -> list[Diagnostic]:
    """The findings no directive covers; each covering directive is marked used (for the
    unused-suppression warnings). Shared by the whole-document lint and the piecewise one."""
    kept = []
    for diag in found:
        covering = [
            d
            for d in directives
            if d.covers(diag.rule, diag.name, diag.category, diag.line, diag.column)
        ]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(diag)
    return kept
