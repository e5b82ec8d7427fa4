"""From a rule's verdict to the Diagnostic users see: position, excerpt, message, rewrite hint;
and the suppression comments' effect on a page's findings (the engine's output side, kept apart
so that engine.py holds only how verdicts are reached)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from sys import intern

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.sources import Source
from claimlint.inputs.suppressions import parse_suppressions, unsuppressed
from claimlint.packs import Rule
from claimlint.packs.templates import render

MAX_EXCERPT = 120  # characters of the claim quoted in a finding
Analysis = tuple[tuple[str, str], ...]


def diagnostic(
    source: Source,
    rule: Rule,
    start: int,
    end: int,
    severity: str,
    analysis: Analysis | None = None,
) -> Diagnostic:
    """The finding for prose[start:end]: its source lines and columns, the excerpt as written
    (hidden characters too) and the rule's message rendered with it."""
    prose = source.reading.prose
    src_start = prose.source_start(start)
    src_end = max(src_start + 1, prose.source_end(end))
    line, column = source.lines.locate(src_start)
    end_line, end_column = source.lines.locate(src_end)
    excerpt = " ".join(prose.excerpt(start, end).split())
    if len(excerpt) > MAX_EXCERPT:
        excerpt = excerpt[: MAX_EXCERPT - 3] + "..."
    message = render(
        rule.message,
        {"excerpt": excerpt, "id": rule.id, "name": rule.name, "category": rule.category,
         "severity": severity},
    )  # fmt: skip
    hint = suggestion(rule, " ".join(prose.text[start:end].split()))
    # Interned: a site's findings repeat a thousand or so claims in shared templates, and a
    # run holds every finding until the report is written (an interned string is freed with
    # its last finding).
    return Diagnostic(
        path=source.path,
        line=line,
        column=column,
        rule=rule.id,
        end_line=end_line,
        end_column=end_column,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=intern(message),
        excerpt=intern(excerpt),
        suggestion=intern(hint) if hint else hint,
        fix=rule.fix or None,
        analysis=analysis,
    )


def suggestion(rule: Rule, excerpt: str) -> str | None:
    """The rule's rewrite hint for the first suggest key found in the excerpt."""
    lower = excerpt.lower()
    for key, replacement in rule.suggest:
        # "safe" is not in "unsafe"; the substring test first spares most keys the regex
        if key in lower and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", lower):
            return f'"{key}" -> "{replacement}"'
    return None


def suppress(
    source: Source,
    diagnostics: list[Diagnostic],
    known: Callable[[], Sequence[Rule]],
    checked: Callable[[], Sequence[Rule]],
    report_unused: bool,
) -> list[Diagnostic]:
    """The findings the page's suppression comments leave, sorted; with `report_unused`, plus
    a CL001 for each comment that suppressed nothing. `known()`: every rule of the rule set (a
    comment naming none of them is a typo); `checked()`: the rules this run reports (a comment
    naming only others may still be needed). They are called only for an unused comment: a
    rule set answered from the compiled-pack cache is parsed only when its rules are read."""
    comments = source.reading.comments
    if not comments:
        return diagnostics
    directives = parse_suppressions(comments, source.lines)
    if not directives:
        return diagnostics
    kept = unsuppressed(diagnostics, directives)
    if report_unused:
        # imported here: building the built-in rule reads the pack schema, which a run that
        # the compiled-pack cache answers never loads
        from claimlint.packs.builtin import UNUSED_SUPPRESSION_RULE

        for directive in directives:
            if directive.used or directive.kind == "enable":
                continue
            message = f"claimlint-{directive.kind} suppressed nothing; remove it"
            if not any(directive.names(r.id, r.name, r.category) for r in known()):
                message = (
                    f"claimlint-{directive.kind} names no known rule "
                    f"({' '.join(directive.selectors)}); correct or remove it"
                )
            elif not any(directive.names(r.id, r.name, r.category) for r in checked()):
                continue
            rule = UNUSED_SUPPRESSION_RULE
            kept.append(
                Diagnostic(
                    path=source.path,
                    line=directive.line,
                    column=directive.column,
                    rule=rule.id,
                    end_line=directive.line,
                    end_column=directive.column + 1,
                    name=rule.name,
                    category=rule.category,
                    severity=rule.severity,
                    message=message,
                    excerpt=f"claimlint-{directive.kind}",
                )
            )
    return sorted(kept)
