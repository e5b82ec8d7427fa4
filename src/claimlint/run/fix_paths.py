"""What --fix reads of a run's findings, and how it puts the fixed documents' findings back,
without listing them (a big document's may be spilled to disk: run/spill.py), and how big a
file it edits: a fix holds the file's text and the fixed text whole, at up to 4 bytes a
character each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterator, Mapping, Sequence

from claimlint.diagnostics import Diagnostic

# The largest file --fix edits: its bytes, its text and the fixed text (up to 4 bytes a
# character each: 8 + 32 + 32 MB), its new bytes, and the lint of them, beside the pipeline.
MAX_FIX_BYTES = 8 * 1024 * 1024


def too_big() -> str:
    """Why a file over MAX_FIX_BYTES is not fixed."""
    return (
        f"is larger than the {MAX_FIX_BYTES >> 20} MB --fix edits (it holds the text and the "
        "fixed text at once); left unchanged (add the statement by hand)"
    )


def fixable_by_path(
    diagnostics: Sequence[Diagnostic],
    fix_kind: Callable[[Diagnostic], str | None],
    categories: Container[str],
) -> Iterator[tuple[str, list[Diagnostic], Counter[str]]]:
    """(path, its fixable findings, the rules of its findings outside the fixable
    `categories`) of every path with a fixable finding, in the order of the findings, read
    once."""
    wanted: dict[str, list[Diagnostic]] = {}
    before: dict[str, Counter[str]] = {}
    for diag in diagnostics:
        if fix_kind(diag):
            wanted.setdefault(diag.path, []).append(diag)
        if diag.category not in categories:
            before.setdefault(diag.path, Counter())[diag.rule] += 1
    for path, diags in wanted.items():
        yield path, diags, before.get(path, Counter())


def replace_paths(
    diagnostics: Sequence[Diagnostic], fixed: Mapping[str, Sequence[Diagnostic]]
) -> Sequence[Diagnostic]:
    """The findings with those of each fixed path replaced by its new ones, in order; spilled
    findings stay spilled."""
    from claimlint.run.spill import Findings

    if isinstance(diagnostics, Findings):
        parts = [p for p in diagnostics.parts if _path_of(p) not in fixed]
        for found in fixed.values():
            parts.extend(found.parts if isinstance(found, Findings) else [found])
        parts = [p for p in parts if len(p)]
        parts.sort(key=_path_of)
        return Findings(parts)
    kept = [d for d in diagnostics if d.path not in fixed]
    for found in fixed.values():
        kept.extend(found)
    kept.sort()
    return kept


def _path_of(part: Sequence[Diagnostic]) -> str:
    return getattr(part, "path", None) or part[0].path
