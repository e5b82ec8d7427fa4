"""claimlint findings as LSP diagnostics, and the hover text that explains one."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from claimlint.diagnostics import Diagnostic
from claimlint.outputs.links import reference_markdown, rule_url
from claimlint.packs import Rule
from claimlint.server.positions import PositionMap

SOURCE = "claimlint"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def rule_doc_url(rule_id: str) -> str | None:
    """Where a rule is documented: its section of docs/rules.md (bundled rules only)."""
    return rule_url(rule_id)


def to_lsp(diag: Diagnostic, positions: PositionMap) -> types.Diagnostic:
    """One finding as an LSP diagnostic: exact range, rule id as code, link to the rule."""
    url = rule_doc_url(diag.rule)
    return types.Diagnostic(
        range=positions.range(diag.line, diag.column, diag.end_line, diag.end_column),
        message=diag.message,
        severity=SEVERITIES.get(diag.severity, types.DiagnosticSeverity.Warning),
        code=diag.rule,
        code_description=types.CodeDescription(href=url) if url else None,
        source=SOURCE,
        data={"rule": diag.rule, "name": diag.name, "category": diag.category},
    )


def problem_diagnostic(message: str) -> types.Diagnostic:
    """The one diagnostic of a document that could not be linted, at its very start."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=message,
        severity=types.DiagnosticSeverity.Warning,
        code="not-linted",
        source=SOURCE,
    )


def analysis_lines(diag: Diagnostic) -> list[str]:
    """The claim analysis (what is claimed, about what, why it stands) when the finding has one;
    it comes as (question, answer) pairs, or a mapping."""
    analysis: Any = getattr(diag, "analysis", None)
    if not analysis:
        return []
    pairs = analysis.items() if isinstance(analysis, dict) else analysis
    lines = [f"- **{str(key).capitalize()}:** {value}" for key, value in pairs if value]
    return ["**Claim analysis**", "", *lines, ""] if lines else []


def hover_text(diag: Diagnostic, rule: Rule | None) -> str:
    """Markdown: why the finding fired, the regulatory basis and how to fix it."""
    lines = [f"**{diag.rule}** `{diag.name}` ({diag.category}, {diag.severity})", ""]
    lines += [diag.message, ""]
    if diag.excerpt:
        lines += [f"> {diag.excerpt}", ""]
    lines += analysis_lines(diag)
    if rule is not None and (rule.rationale or rule.summary):
        lines += ["**Why it fired**", "", " ".join((rule.rationale or rule.summary).split()), ""]
    if rule is not None and rule.references:
        refs = [f"- {reference_markdown(ref)}" for ref in rule.references]
        lines += ["**Regulatory basis**", "", *refs, ""]
    fix = diag.fix or (rule.fix if rule is not None else "")
    if fix:
        lines += ["**How to fix**", "", " ".join(fix.split()), ""]
    if diag.suggestion:
        lines += [f"**Suggested rewrite:** {diag.suggestion}", ""]
    url = rule_doc_url(diag.rule)
    if url:
        lines.append(f"[{diag.rule} documentation]({url})")
    return "\n".join(lines)
