"""`--format html`: one self-contained review report (inline CSS and JS, no network).

Reviewers read claims in context, so the report shows each document's source text with every
finding highlighted in its category's colour, a marker for each missing disclaimer, the rule's
rationale, references, fix hint and rewrite suggestion, and a summary with counts. Everything
taken from documents is escaped, and a Content-Security-Policy with a per-report nonce stops any
script that escaping might have missed. Pure Python: no spaCy import.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from claimlint.diagnostics import Diagnostic, window
from claimlint.inputs.positions import LineIndex
from claimlint.inputs.sources import format_of
from claimlint.outputs.formats import Context, path_runs, streamed
from claimlint.outputs.links import reference_html, rule_url
from claimlint.outputs.report_assets import (
    CATEGORY_COLOURS,
    JS,
    SEVERITIES,
    css,
)
from claimlint.outputs.report_assets import escape as _e
from claimlint.outputs.report_assets import slug as _slug
from claimlint.outputs.report_page import page_view
from claimlint.packs import CATEGORIES, Rule

__all__ = ["CATEGORY_COLOURS", "format_html", "render_source"]

# An HTML document longer than this (one linted in pieces, run/chunked.py) is shown as its
# source only, without the page view (the prose as claimlint reads it), which is built whole.
PAGE_VIEW_CHARS = 200_000


@dataclass
class _Span:
    """One diagnostic located in its source text: character offsets [start, end)."""

    index: int
    diag: Diagnostic
    start: int
    end: int


def _locate(
    diags: Iterable[tuple[int, Diagnostic]], text: str, lines: LineIndex | None = None
) -> Iterator[_Span]:
    """Turn line/column positions (1-based, end exclusive) into offsets in the source text,
    one finding at a time."""
    lines = lines or LineIndex(text)
    count = len(lines.starts)

    def offset(line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > count:
            return len(text)
        start, end = lines.line_span(line)
        return min(start + max(column, 1) - 1, end if line == count else lines.starts[line])

    for index, diag in diags:
        start = offset(diag.line, diag.column)
        end = max(start, offset(diag.end_line, diag.end_column))
        yield _Span(index, diag, start, end)


def _span_key(span: _Span) -> tuple[int, int, int]:
    return span.start, -span.end, span.index


def _in_order(spans: Iterable[_Span]) -> Iterator[_Span]:
    """Spans sorted by (start, -end, index), reading them one at a time when they come sorted
    by start (findings sorted by line and column are: offsets grow with them), so a
    document's findings are never all held; anything else is sorted whole."""
    group: list[_Span] = []
    for span in spans:
        if group and span.start != group[0].start:
            if span.start < group[0].start:  # not in order after all
                rest = [*group, span, *spans]
                yield from sorted(rest, key=_span_key)
                return
            yield from sorted(group, key=_span_key)
            group = []
        group.append(span)
    yield from sorted(group, key=_span_key)


def _is_document_level(diag: Diagnostic, rules: dict[str, Rule]) -> bool:
    rule = rules.get(diag.rule)
    if rule is not None:
        return rule.level == "document"
    return diag.category.startswith("disclaimer-")


def _title(diag: Diagnostic) -> str:
    """The hover text of a highlight: what is wrong and how to fix it."""
    parts = [f"{diag.rule} [{diag.severity}] {diag.message}"]
    if diag.suggestion:
        parts.append(f"Suggestion: {diag.suggestion}")
    if diag.fix:
        parts.append(f"Fix: {diag.fix}")
    return "\n".join(parts)


def _mark_open(span: _Span, first: bool, prefix: str = "m") -> str:
    """The opening mark of a finding; `prefix` tells the source view (m) from the page (p)."""
    d = span.diag
    classes = f"hl cat-{_slug(d.category)} sev-{_slug(d.severity)}" + (" hl-start" if first else "")
    ident = f' id="{prefix}-{span.index}"' if first else ""
    return (
        f'<mark class="{classes}"{ident} data-diag="{span.index}" data-rule="{_e(d.rule)}" '
        f'data-category="{_e(d.category)}" data-severity="{_e(d.severity)}" '
        f'data-line="{d.line}" data-column="{d.column}" data-end-line="{d.end_line}" '
        f'data-end-column="{d.end_column}" title="{_e(_title(d))}" tabindex="0">'
    )


def _content_end(text: str, lines: LineIndex, number: int) -> int:
    """End of a line's characters, before its line break (LineIndex.line_span includes it)."""
    end = lines.line_span(number)[1]
    while end > lines.starts[number - 1] and text[end - 1] in "\r\n":
        end -= 1
    return end


def render_source(text: str, spans: Iterable[_Span]) -> str:
    """The document's text, line by line, with each span wrapped in (possibly nested) marks."""
    return "".join(iter_source(text, spans))  # each line is display:block: no newline between


def iter_source(text: str, spans: Iterable[_Span], lines: LineIndex | None = None) -> Iterator[str]:
    """render_source one line at a time (a big document's report is never held whole), taking
    the spans as it goes (a big document's findings are never all held either).

    Overlapping findings are split into fragments at every boundary, so the markup always nests;
    the first fragment of each finding carries the class hl-start.
    """
    lines = lines or LineIndex(text)
    ordered = _in_order(spans)
    waiting = next(ordered, None)
    started: set[int] = set()  # of the active spans
    active: list[_Span] = []
    unstarted: list[_Span] = []  # spans that left unmarked (should not happen; never drop one)
    for number, line_start in enumerate(lines.starts, start=1):
        line_end = _content_end(text, lines, number)
        next_start = lines.starts[number] if number < len(lines.starts) else len(text) + 1
        while waiting is not None and waiting.start < next_start:
            active.append(waiting)
            waiting = next(ordered, None)
        here = [s for s in active if s.end > line_start or s.start >= line_start]
        cuts = {line_start, line_end}
        for s in here:
            cuts.update(p for p in (s.start, s.end) if line_start < p < line_end)
        bounds = sorted(cuts)
        body: list[str] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            covering = [s for s in here if s.start <= a and s.end >= b]
            covering.sort(key=_span_key)
            for s in covering:
                body.append(_mark_open(s, s.index not in started))
                started.add(s.index)
            body.append(_e(text[a:b]))
            body.append("</mark>" * len(covering))
        for s in here:  # a finding that covers no character of this line (a line break)
            if s.index not in started and s.start < next_start:
                body.append(_mark_open(s, True) + "\u23ce</mark>")
                started.add(s.index)
        still = []
        for s in active:
            if s.end > next_start:
                still.append(s)
            elif s.index in started:
                started.discard(s.index)
            else:
                unstarted.append(s)
        active = still
        yield (
            f'<span class="line" data-line="{number}"><span class="ln" aria-hidden="true">'
            f"{number}</span>{''.join(body)}</span>"
        )
    rest = [*unstarted, *(s for s in active if s.index not in started)]
    if waiting is not None:
        rest.extend((waiting, *ordered))
    for s in sorted(rest, key=_span_key):  # positions past the end of the text
        yield _mark_open(s, True) + "\u23ce</mark>"


def _finding_item(index: int, diag: Diagnostic, rules: dict[str, Rule], anchor: str | None) -> str:
    rule = rules.get(diag.rule)
    where = f"{diag.line}:{diag.column}"
    if anchor:
        where = f'<a href="#{anchor}">{where}</a>'
    rule_ref = f'<a href="#rule-{_e(diag.rule)}">{_e(diag.rule)}</a>' if rule else _e(diag.rule)
    parts = [
        f'<li class="finding cat-{_slug(diag.category)} sev-{_slug(diag.severity)}" '
        f'id="f-{index}" data-diag="{index}" data-rule="{_e(diag.rule)}" '
        f'data-category="{_e(diag.category)}" data-severity="{_e(diag.severity)}" '
        f'data-line="{diag.line}">',
        f'<span class="where">{where}</span> {rule_ref} <span class="sev">[{_e(diag.severity)}]'
        f'</span> <span class="chip">{_e(diag.category)}</span> '
        f'<span class="message">{_e(diag.message)}</span>',
    ]
    if diag.suggestion:
        parts.append(f'<div class="suggestion">Suggestion: {_e(diag.suggestion)}</div>')
    if diag.fix:
        parts.append(f'<div class="fixhint">Fix: {_e(diag.fix)}</div>')
    parts.append("</li>")
    return "".join(parts)


def _rule_section(rule: Rule) -> str:
    parts = [
        f'<div class="rule cat-{_slug(rule.category)}" id="rule-{_e(rule.id)}" '
        f'data-rule="{_e(rule.id)}">',
        f'<h3>{_e(rule.id)} {_e(rule.name)} <span class="chip">{_e(rule.category)}</span></h3>',
        f'<p class="summary">{_e(rule.summary)}</p>',
    ]
    if rule.rationale:
        parts.append(f'<p class="rationale"><b>Why:</b> {_e(" ".join(rule.rationale.split()))}</p>')
    if rule.references:
        refs = "".join(f"<li>{reference_html(r)}</li>" for r in rule.references)
        parts.append(f'<div class="references"><b>Regulatory basis:</b><ul>{refs}</ul></div>')
    if rule.fix:
        parts.append(f'<p class="rulefix"><b>How to fix:</b> {_e(rule.fix)}</p>')
    url = rule_url(rule.id)
    if url:
        parts.append(
            f'<p class="ruledoc"><a href="{_e(url)}" rel="noopener noreferrer">'
            f"Documentation of {_e(rule.id)}</a></p>"
        )
    if rule.suggest:
        rows = "".join(
            f"<li>&ldquo;{_e(k)}&rdquo; &rarr; &ldquo;{_e(v)}&rdquo;</li>" for k, v in rule.suggest
        )
        parts.append(f'<div class="rewrites"><b>Rewrites:</b><ul>{rows}</ul></div>')
    parts.append("</div>")
    return "".join(parts)


def _count_table(caption: str, key: str, rows: list[tuple[str, str, int]]) -> str:
    """A summary table; each row carries data-<key> and data-count for scripts and tests."""
    body = "".join(
        f'<tr data-{key}="{_e(value)}" data-count="{count}"><td>{label}</td>'
        f'<td class="num">{count}</td></tr>'
        for value, label, count in rows
    )
    return (
        f'<table class="counts" id="by-{key}"><caption>{_e(caption)}</caption>'
        f"<thead><tr><th>{_e(key.capitalize())}</th><th>Findings</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


@streamed("html")
def iter_html(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    """The report in pieces: the summary, then each document's source a line at a time (the
    text of the pieces is the whole report; format_html joins them)."""
    rules = {r.id: r for r in ctx.rules}
    nonce = secrets.token_urlsafe(16)
    # One pass for the counts and the few document-level findings; each document's findings
    # are then read again where they are shown (a spilled document's from its file).
    diagnostics, by_path = path_runs(diagnostics)
    categories: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    rule_counts: Counter[str] = Counter()
    document_level: dict[str, list[tuple[int, Diagnostic]]] = {}
    for index, diag in enumerate(diagnostics):
        categories[diag.category] += 1
        severities[diag.severity] += 1
        rule_counts[diag.rule] += 1
        if _is_document_level(diag, rules):
            document_level.setdefault(diag.path, []).append((index, diag))

    cat_order = [c for c in CATEGORIES] + sorted(set(categories) - set(CATEGORIES))
    cat_rows = [
        (c, f'<span class="swatch cat-{_slug(c)}"></span>{_e(c)}', categories[c])
        for c in cat_order
        if categories[c] or c in CATEGORIES
    ]
    rule_rows = [
        (
            rid,
            f'<a href="#rule-{_e(rid)}">{_e(rid)}</a> {_e(rules[rid].name)}'
            if rid in rules
            else _e(rid),
            n,
        )
        for rid, n in sorted(rule_counts.items())
    ]
    file_rows = [
        (path, f'<a href="#doc-{i}">{_e(path)}</a>', stop - start)
        for i, (path, (start, stop)) in enumerate(by_path.items())
    ]
    clean = max(0, ctx.files_checked - len(by_path))

    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src data:; "
        "base-uri 'none'; form-action 'none'\">",
        '<meta name="viewport" content="initial-scale=1, width=device-width">',
        f"<title>claimlint report ({len(diagnostics)} findings)</title>",
        f'<style nonce="{nonce}">{css()}</style>',
        "</head><body>",
        '<header><h1>claimlint report</h1><p class="meta">',
        f'<span id="total" data-count="{len(diagnostics)}">{len(diagnostics)} findings</span> in '
        f'<span id="files-with-findings" data-count="{len(by_path)}">{len(by_path)}</span> of '
        f'<span id="files-checked" data-count="{ctx.files_checked}">{ctx.files_checked}</span> '
        f"files checked"
        + (f" &middot; claimlint {_e(ctx.version)}" if ctx.version else "")
        + "</p></header>",
    ]
    if ctx.errors:
        items = "".join(
            f'<li data-path="{_e(e.path)}">{_e(e.path)}: {_e(e.reason)}</li>' for e in ctx.errors
        )
        out.append(
            f'<section class="errors"><h2>Files that could not be read</h2><ul>{items}'
            "</ul></section>"
        )

    # Filters: categories and severities present; without JavaScript everything stays visible.
    boxes = "".join(
        f'<label><input type="checkbox" checked data-filter="cat-{_slug(c)}"> '
        f'<span class="swatch cat-{_slug(c)}"></span>{_e(c)} ({categories[c]})</label>'
        for c in cat_order
        if categories[c]
    )
    sev_boxes = "".join(
        f'<label><input type="checkbox" checked data-filter="sev-{s}"> {s} ({severities[s]})'
        "</label>"
        for s in SEVERITIES
        if severities[s]
    )
    if diagnostics:
        out.append(
            f'<nav class="filters" aria-label="Filters"><fieldset><legend>Categories</legend>'
            f"{boxes}</fieldset><fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
            '<label class="search">Search <input type="search" id="search" '
            'placeholder="rule, words, file..." aria-label="Search findings"></label></nav>'
        )

    out.append('<section class="summary"><h2>Summary</h2><div class="tables">')
    out.append(_count_table("Findings by category", "category", cat_rows))
    out.append(_count_table("Findings by rule", "rule", rule_rows))
    out.append(_count_table("Findings by file", "path", file_rows))
    out.append("</div>")
    if clean:
        out.append(f'<p class="clean">{clean} file{"s" if clean != 1 else ""} had no findings.</p>')
    out.append("</section>")

    yield from _lines(out)
    out = []
    for doc_index, (path, (first, stop)) in enumerate(by_path.items()):
        text = ctx.sources.get(path)
        count = stop - first

        def items(first: int = first, stop: int = stop) -> Iterator[tuple[int, Diagnostic]]:
            return enumerate(window(diagnostics, first, stop), first)

        out.append(
            f'<section class="doc" id="doc-{doc_index}" data-path="{_e(path)}" '
            f'data-count="{count}"><h2>{_e(path)} <span class="count">'
            f"{count} finding{'s' if count != 1 else ''}</span></h2>"
        )
        for i, d in document_level.get(path, ()):
            rule = rules.get(d.rule)
            need = rule.document.requirement if rule and rule.document else d.category
            out.append(
                f'<div class="missing-marker cat-{_slug(d.category)} sev-{_slug(d.severity)}" '
                f'data-diag="{i}" data-rule="{_e(d.rule)}" data-category="{_e(d.category)}" '
                f'data-severity="{_e(d.severity)}" data-line="{d.line}">'
                f"<b>Missing: {_e(need or d.category)}</b> ({_e(d.rule)}, "
                f'<a href="#m-{i}">triggered at line {d.line}</a>). {_e(d.message)}'
                + (f'<div class="fixhint">Fix: {_e(d.fix)}</div>' if d.fix else "")
                + "</div>"
            )
        shown: set[int] = set()
        if text is not None:
            lines = LineIndex(text)
            opening, closing = '<pre class="source">', "</pre>"
            if format_of(path) == "html" and len(text) <= PAGE_VIEW_CHARS:
                text = text[0 : len(text)]  # a str (a big page may be kept as bytes)
                spans = list(_locate(items(), text, lines))
                page, shown = page_view(text, spans, lambda s, first: _mark_open(s, first, "p"))
                out.append(
                    f'<div class="page-view" aria-label="The page as claimlint reads it">'
                    f"{page}</div>"
                )
                opening = (
                    '<details class="source-view"><summary>Source (raw HTML)</summary>' + opening
                )
                closing += "</details>"
            yield from _lines(out)
            out = []
            yield opening
            yield from iter_source(text, _locate(items(), text, lines), lines)
            yield closing + "\n"
        else:
            out.append('<p class="nosource">(The source text is not available.)</p>')
        out.append('<ol class="findings">')
        yield from _lines(out)
        for i, d in items():
            anchor = None if text is None else f"{'p' if i in shown else 'm'}-{i}"
            yield _finding_item(i, d, rules, anchor) + "\n"
        out = ["</ol></section>"]

    used = [rules[r] for r in sorted(rule_counts) if r in rules]
    if used:
        out.append('<section class="rules" id="rules"><h2>Rules that fired</h2>')
        out.extend(_rule_section(r) for r in used)
        out.append("</section>")
    if not diagnostics:
        out.append('<p class="clean">No problems found.</p>')
    out.append(
        '<div id="popover" role="dialog" aria-label="Finding details" hidden>'
        '<button type="button" class="close" aria-label="Close">&times;</button>'
        '<div class="content"></div></div>'
    )
    out.append(f'<script nonce="{nonce}">{JS}</script>')
    out.append("</body></html>")
    yield from _lines(out)


def format_html(diagnostics: Sequence[Diagnostic], ctx: Context) -> str:
    """The whole report as one HTML string."""
    return "".join(iter_html(diagnostics, ctx))


def _lines(parts: list[str]) -> Iterator[str]:
    """Parts of the report, each on its own line (the whole report is "\\n".join(parts))."""
    if parts:
        yield "\n".join(parts) + "\n"
