"""Output formats. Pure functions from diagnostics to text; no spaCy import.

Every formatter takes (diagnostics, context) and returns the whole output as a string; the
formats registered with `streamed` also give it piece by piece (STREAMS), so the CLI writes a
report of a huge document without ever holding the report whole. Either way the diagnostics
are complete before the first byte is written, so machine formats stay valid even when some
files failed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING

from claimlint.diagnostics import Diagnostic, FileError
from claimlint.inputs.positions import LineIndex
from claimlint.outputs.links import rule_url

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.packs import Rule


@dataclass
class Context:
    """What a formatter may need besides the diagnostics."""

    rules: Sequence[Rule] = ()
    sources: dict[str, str] = field(default_factory=dict)  # path -> text, for excerpts
    files_checked: int = 0
    errors: Sequence[FileError] = ()
    color: bool = False
    show_source: bool = False
    show_reasons: bool = False  # the claim analysis under each finding (text format)
    version: str = ""
    files: Sequence[str] = ()  # display paths of every file linted (junit: one testcase each)
    summary: bool = True  # the text format's closing summary line (not with --quiet)


Formatter = Callable[[Sequence[Diagnostic], Context], str]
Stream = Callable[[Sequence[Diagnostic], Context], Iterator[str]]
FORMATTERS: dict[str, Formatter] = {}
# Formats written piece by piece; each one's formatter is the join of its pieces.
STREAMS: dict[str, Stream] = {}
# Every format the CLI offers, and the module that registers it when not this one: a run
# imports only the module of the format it prints (xml.etree and the HTML report cost time).
_MODULES: dict[str, str | None] = {
    "text": None,
    "concise": None,
    "json": None,
    "sarif": "ci",
    "github": "ci",
    "junit": "ci",
    "gitlab": "ci",
    "html": "report",
}
FORMAT_NAMES = tuple(_MODULES)
# Formats that describe the rules (Context.rules); the others never make the packs load.
RULE_FORMATS = frozenset({"sarif", "html"})


def by_name(name: str) -> Formatter:
    """The formatter of one format, importing the module that registers it if need be."""
    module = _MODULES[name]
    if module is not None and name not in FORMATTERS:
        import_module(f"{__package__}.{module}")
    return FORMATTERS[name]


def stream_of(name: str) -> Stream | None:
    """The piece-by-piece writer of a format, if it has one."""
    by_name(name)
    return STREAMS.get(name)


def load_all() -> dict[str, Formatter]:
    """Every formatter (imports every module that registers one)."""
    for name in FORMAT_NAMES:
        by_name(name)
    return FORMATTERS


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def register(func: Formatter) -> Formatter:
        FORMATTERS[name] = func
        return func

    return register


def streamed(name: str) -> Callable[[Stream], Stream]:
    """Register a format written in pieces; its formatter joins them (the same text)."""

    def register(func: Stream) -> Stream:
        STREAMS[name] = func
        FORMATTERS[name] = lambda diagnostics, ctx: "".join(func(diagnostics, ctx))
        return func

    return register


# Colours by severity; click.style writes the escape codes and click.echo(color=...) decides
# whether they reach the stream (--color, NO_COLOR, FORCE_COLOR: claimlint.console.style).
_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


# C0 and C1 controls, DEL, and the bidirectional overrides ("Trojan source"): page text and file
# names are data, never commands to the reader's terminal (title changes, clear-screen...).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text with every control character shown as an escape (ESC becomes the four characters
    \\x1b), so a page or a file name cannot drive the terminal that prints a finding."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def _masked(line: str) -> str:
    """A source line for display, controls shown as U+FFFD so the carets stay aligned."""
    return _CONTROLS.sub("\ufffd", line)


def _styled(text: str, color: bool, **style: object) -> str:
    import click

    return click.style(text, **style) if color else text  # type: ignore[arg-type]


def _source_excerpt(diag: Diagnostic, text: str, lines: LineIndex, color: bool) -> list[str]:
    """The source line with the finding's span underlined (first line of a multi-line span)."""
    if diag.line > len(lines.starts):
        return []
    start, end = lines.line_span(diag.line)
    line = _masked(text[start:end].replace("\t", " "))
    first = diag.column - 1
    last = diag.end_column - 1 if diag.end_line == diag.line else len(line)
    last = max(first + 1, min(last, len(line)))
    if len(line) > 160:  # keep very long lines readable: a window around the span
        lo = max(0, first - 40)
        line, first, last = line[lo : lo + 160], first - lo, min(last - lo, 160)
    gutter = f"{diag.line:>5} | "
    carets = _styled("^" * max(1, last - first), color, fg=_COLORS.get(diag.severity), bold=True)
    marker = " " * len(gutter[:-2]) + "| " + " " * first + carets
    return [gutter + line, marker]


@streamed("text")
def iter_text(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    """One piece per finding (with its source line when shown), then the summary line."""
    indexes: dict[str, LineIndex] = {}  # one per file, not one per finding
    for diag in diagnostics:
        where = f"{terminal_safe(diag.path)}:{diag.line}:{diag.column}:"
        sev = f"[{diag.severity}]"
        where = _styled(where, ctx.color, bold=True)
        sev = _styled(sev, ctx.color, fg=_COLORS.get(diag.severity), bold=True)
        out = [f"{where} {terminal_safe(diag.rule)} {sev} {terminal_safe(diag.message)}"]
        if ctx.show_reasons and diag.analysis:
            out.extend(f"      = {key}: {terminal_safe(value)}" for key, value in diag.analysis)
        if ctx.show_source and diag.path in ctx.sources:
            text = ctx.sources[diag.path]
            if diag.path not in indexes:
                indexes.clear()  # findings are sorted by path: the previous file is done
                indexes[diag.path] = LineIndex(text)
            out.extend(_source_excerpt(diag, text, indexes[diag.path], ctx.color))
            if diag.suggestion:
                out.append(f"      = suggestion: {terminal_safe(diag.suggestion)}")
            if diag.fix:
                out.append(
                    _styled("      = help: ", ctx.color, fg="green") + terminal_safe(diag.fix)
                )
            out.append("")
        elif diag.suggestion:
            out.append(f"    suggestion: {terminal_safe(diag.suggestion)}")
        yield "\n".join(out) + "\n"
    if ctx.summary:
        yield summary_line(diagnostics, ctx) + "\n"


def summary_line(diagnostics: Sequence[Diagnostic], ctx: Context) -> str:
    counts = Counter(d.severity for d in diagnostics)
    files = len({d.path for d in diagnostics})
    if not diagnostics:
        text = (
            f"No problems found in {ctx.files_checked} file{'s' if ctx.files_checked != 1 else ''}."
        )
    else:
        parts = [
            f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if counts[s]
        ]
        text = (
            f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} "
            f"({', '.join(parts)}) in {files} of {ctx.files_checked} "
            f"file{'s' if ctx.files_checked != 1 else ''}."
        )
    if ctx.errors:
        text += f" {len(ctx.errors)} file{'s' if len(ctx.errors) != 1 else ''} could not be read."
    return _styled(text, ctx.color, dim=True)


@streamed("concise")
def iter_concise(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    for d in diagnostics:
        yield (
            f"{terminal_safe(d.path)}:{d.line}:{d.column}: {terminal_safe(d.rule)} "
            f"[{d.severity}] {terminal_safe(d.message)}\n"
        )


@streamed("json")
def _json_stream(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    return iter_json(diagnostics)


def iter_json(diagnostics: Sequence[Diagnostic], batch: int = 256) -> Iterator[str]:
    """The text of json.dumps(list, indent=2) in pieces of `batch` diagnostics, so a site's
    tens of thousands of findings are never all in memory as one document. (With an indent,
    json.dumps uses its pure-Python encoder and holds a chunk per token: 80 MB for 23,000.)"""
    if not diagnostics:
        yield "[]\n"
        return
    for start in range(0, len(diagnostics), batch):
        items = [
            indented_json(diagnostic_json(d), "\n  ") for d in diagnostics[start : start + batch]
        ]
        yield ("[\n  " if start == 0 else ",\n  ") + ",\n  ".join(items)
    yield "\n]\n"


def indented_json(value: object, newline: str = "\n") -> str:
    """json.dumps(value, indent=2, ensure_ascii=False), character for character, with each
    line break written as `newline` (a deeper start indents the whole text). With an indent,
    json uses its pure-Python encoder (a few percent of a site run); here only the nesting
    is Python and every string and number goes through the C encoder."""
    if isinstance(value, dict) and value:
        if not all(isinstance(k, str) for k in value):  # json's own key conversions
            return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", newline)
        inner = newline + "  "
        items = (f"{_scalar(k)}: {indented_json(v, inner)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, list | tuple) and value:
        inner = newline + "  "
        return (
            "[" + inner + ("," + inner).join(indented_json(v, inner) for v in value) + newline + "]"
        )
    return _scalar(value)


def _scalar(value: object) -> str:
    """A string or integer as json.dumps writes it, without its per-call set-up."""
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


_encode_string = json.encoder.encode_basestring  # json.dumps's own, with ensure_ascii=False


def diagnostic_json(diag: Diagnostic) -> dict:
    """The JSON contract's object plus `url`, the rule's documentation page (bundled rules)."""
    data = diag.to_json()
    url = rule_url(diag.rule)
    if url:
        data["url"] = url
    return data


def path_runs(
    diagnostics: Sequence[Diagnostic],
) -> tuple[Sequence[Diagnostic], dict[str, tuple[int, int]]]:
    """The findings with each path's together, and each path's [start, stop) among them, paths
    in order of first appearance. Sorted findings (as the command line gives them) are returned
    as they are, a spilled sequence unread; others are regrouped (stable) in a list."""
    runs: dict[str, tuple[int, int]] = {}
    current: str | None = None
    start = count = 0
    for count, diag in enumerate(diagnostics, 1):
        if diag.path == current:
            continue
        if current is not None:
            runs[current] = (start, count - 1)
        if diag.path in runs:  # not grouped by path: regroup
            order = {path: i for i, path in enumerate(dict.fromkeys(d.path for d in diagnostics))}
            return path_runs(sorted(diagnostics, key=lambda d: order[d.path]))
        current, start = diag.path, count - 1
    if current is not None:
        runs[current] = (start, count)
    return diagnostics, runs


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """Counts per rule, most frequent first (ruff's --statistics)."""
    counts = Counter((d.rule, d.name) for d in diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:>5}\t{rule}\t{name}\n" for (rule, name), n in rows)
