"""Comparison tables (match `table_header`, rule CL213): a row under a header that names two
routes rates them, in Markdown and in HTML; the header row, one-route tables and rows that
rate nothing are left alone."""

from __future__ import annotations

from claimlint.api import lint_text
from claimlint.inputs.sources import Source
from claimlint.nlp.sentences import split_sentences, table_headers


def _routes(text: str, path: str) -> list[tuple[int, str]]:
    return [
        (d.line, d.rule) for d in lint_text(text, path=path) if d.category == "route-comparison"
    ]


MARKDOWN = (
    "| | Lozenges | Infusion |\n"
    "|---|---|---|\n"
    "| Visits | At home | In clinic |\n"
    "| Relief | Partial | Complete |\n"
)


def test_a_markdown_row_that_rates_two_routes_is_a_route_comparison() -> None:
    assert _routes(MARKDOWN, "page.md") == [(4, "CL213")]


def test_an_html_row_that_rates_two_routes_is_a_route_comparison() -> None:
    html = (
        "<table>\n<tr><th></th><th>Cream</th><th>Pellets</th></tr>\n"
        "<tr><td>Cost</td><td>$60</td><td>$150</td></tr>\n"
        "<tr><td>Side effects</td><td>Skin rash</td><td>None</td></tr>\n</table>\n"
    )
    assert [line for line, rule in _routes(html, "page.html") if rule == "CL213"] == [4]


def test_a_table_with_one_route_column_compares_no_routes() -> None:
    text = "| | Lozenges | Our coaching |\n|---|---|---|\n| Relief | Partial | Complete |\n"
    assert _routes(text, "page.md") == []


def test_the_header_row_is_not_a_row_of_the_table() -> None:
    prose = Source("page.md", MARKDOWN, "markdown").reading.prose
    sentences = split_sentences(prose.text, prose.blocks)
    words = [prose.text[s.start : s.end] for s in sentences]
    headers = table_headers(sentences)
    assert [words[i] for i in headers[words.index("Relief")]] == ["Lozenges", "Infusion"]
    assert not headers[words.index("Lozenges")]
