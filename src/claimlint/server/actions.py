"""Code actions: the rule's rewrite, the missing statement as `--fix` adds it, a suppression.

Each action is a WorkspaceEdit on the editor's buffer; nothing is written to disk here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from claimlint.diagnostics import Diagnostic
from claimlint.server.linting import LintService, Outcome
from claimlint.server.positions import PositionMap
from claimlint.server.render import SOURCE

_SUGGESTION = re.compile(r'^"(?P<key>.+?)" -> "(?P<replacement>.*)"$', re.DOTALL)
STATEMENT_TITLES = {
    "fda": "Add the not-FDA-approved statement (as --fix does)",
    "crisis": "Add the crisis-resource statement (as --fix does)",
}
COMMENT_FORMATS = ("markdown", "html")  # plain text has no comments to suppress with


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _lsp_diagnostic(diag: Diagnostic, positions: PositionMap) -> types.Diagnostic:
    from claimlint.server.render import to_lsp

    return to_lsp(diag, positions)


def rewrite_action(uri: str, diag: Diagnostic, positions: PositionMap) -> types.CodeAction | None:
    """Replace the phrase the rule's `suggest` names, inside the finding, by its rewrite."""
    parsed = _SUGGESTION.match(diag.suggestion or "")
    if parsed is None:
        return None
    key, replacement = parsed.group("key"), parsed.group("replacement")
    text = positions.text
    start = positions.offset(positions.position(diag.line, diag.column))
    end = positions.offset(positions.position(diag.end_line, diag.end_column))
    words = r"\s+".join(re.escape(word) for word in key.split())
    found = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE).search(text, start, end)
    if found is None:
        return None
    if found.group(0)[:1].isupper() and replacement[:1].islower():
        replacement = replacement[0].upper() + replacement[1:]
    edit = types.TextEdit(
        range=types.Range(
            start=positions.offset_to_position(found.start()),
            end=positions.offset_to_position(found.end()),
        ),
        new_text=replacement,
    )
    return types.CodeAction(
        title=f'Rewrite "{found.group(0)}" as "{replacement}" ({diag.rule})',
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[_lsp_diagnostic(diag, positions)],
        edit=_edit(uri, [edit]),
        is_preferred=True,
    )


def _insertion(old: str, new: str) -> tuple[int, int, str]:
    """The single edit (start, end, text) that turns old into new (an insertion, for --fix)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < len(old) - prefix
        and suffix < len(new) - prefix
        and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]
    ):
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def statement_actions(
    uri: str,
    outcome: Outcome,
    service: LintService,
    positions: PositionMap,
    wanted: Sequence[Diagnostic],
) -> list[types.CodeAction]:
    """Insert the missing statement where and as `check --fix` would (run/fixer.py plans it,
    including the check that the fixed text clears the finding and adds no other)."""
    from claimlint.api import Result
    from claimlint.inputs.decoding import DecodeError
    from claimlint.run.fixer import FIXABLE, FixError, plan

    keys = [FIXABLE[d.category] for d in wanted if d.category in FIXABLE]
    if not keys or outcome.linter is None:
        return []
    try:
        texts = service.config_for(outcome.path).fix_texts
    except Exception:  # noqa: BLE001 - a broken configuration was reported on lint already
        texts = {}

    def lint_bytes(_name: str, data: bytes) -> Result:
        return Result(diagnostics=service.lint_text_as(outcome, data.decode("utf-8")), files=1)

    actions = []
    for key in dict.fromkeys(keys):
        relevant = [d for d in outcome.diagnostics if FIXABLE.get(d.category, key) == key]
        try:
            planned = plan(
                outcome.path,
                outcome.text.encode("utf-8", "surrogatepass"),
                relevant,
                lint_bytes=lint_bytes,
                texts=texts,
            )
        except (DecodeError, FixError, UnicodeError):
            continue
        if planned is None or planned.warning or planned.old_text != outcome.text:
            continue
        if planned.new_text == planned.old_text:
            continue
        start, end, inserted = _insertion(planned.old_text, planned.new_text)
        edit = types.TextEdit(
            range=types.Range(
                start=positions.offset_to_position(start), end=positions.offset_to_position(end)
            ),
            new_text=inserted,
        )
        fixed = [d for d in relevant if FIXABLE.get(d.category) == key]
        actions.append(
            types.CodeAction(
                title=STATEMENT_TITLES[key],
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[_lsp_diagnostic(d, positions) for d in fixed],
                edit=_edit(uri, [edit]),
                is_preferred=True,
            )
        )
    return actions


def _front_matter_end(text: str) -> int:
    """0-based line after a Markdown front matter block (0 when there is none)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() not in ("---", "+++"):
        return 0
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "...", "+++"):
            return number + 1
    return len(lines)


def suppress_action(
    uri: str, diag: Diagnostic, positions: PositionMap, fmt: str
) -> types.CodeAction | None:
    """A `claimlint-disable-next-line` comment above the finding's line, with a reason to
    fill in (Markdown and HTML only: plain text has no comments)."""
    if fmt not in COMMENT_FORMATS:
        return None
    line0 = diag.line - 1
    if fmt == "markdown" and line0 < _front_matter_end(positions.text):
        return None  # a comment inside YAML front matter would break it
    start, end = positions.index.line_span(diag.line)
    line_text = positions.text[start:end]
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    newline = "\r\n" if positions.text[end : end + 2] == "\r\n" else "\n"
    if positions.text[end : end + 1] == "\r" and newline == "\n":
        newline = "\r"
    comment = f"{indent}<!-- claimlint-disable-next-line {diag.rule} -- reason: ... -->{newline}"
    at = types.Position(line=line0, character=0)
    edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)
    return types.CodeAction(
        title=f"Suppress {diag.rule} on this line (with a reason)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[_lsp_diagnostic(diag, positions)],
        edit=_edit(uri, [edit]),
    )


def overlapping(
    diagnostics: Sequence[Diagnostic], positions: PositionMap, span: types.Range
) -> list[Diagnostic]:
    """The findings whose range touches the requested range (the cursor, or a selection)."""
    lo, hi = positions.offset(span.start), positions.offset(span.end)
    out = []
    for diag in diagnostics:
        start = positions.offset(positions.position(diag.line, diag.column))
        end = positions.offset(positions.position(diag.end_line, diag.end_column))
        if start <= hi and lo <= end:
            out.append(diag)
    return out


def code_actions(
    uri: str,
    outcome: Outcome,
    service: LintService,
    positions: PositionMap,
    span: types.Range,
) -> list[types.CodeAction]:
    """Every action for the findings under the range: rewrites, statements, suppressions."""
    here = overlapping(outcome.diagnostics, positions, span)
    actions: list[types.CodeAction] = []
    for diag in here:
        rewrite = rewrite_action(uri, diag, positions)
        if rewrite is not None:
            actions.append(rewrite)
    actions += statement_actions(uri, outcome, service, positions, here)
    for diag in here:
        suppress = suppress_action(uri, diag, positions, outcome.fmt)
        if suppress is not None:
            actions.append(suppress)
    return actions


__all__ = ["SOURCE", "code_actions"]
