"""HTML: an unclosed <code>, <kbd>, <svg> or <math> ends where the HTML5 parser ends it, so it
cannot hide the rest of a page. Each expectation was checked against html5lib 1.1 (the text
is, or is not, inside the element in its tree) except where a comment says claimlint lints
text a browser would keep inside the element."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text
from claimlint.inputs.readers.html import read_html

LATER = "<p>Ketamine cures depression.</p>\n"

# Markup that leaves an element open, then a later paragraph a browser shows as body text.
UNCLOSED = {
    "code, end of its paragraph": "<p>Type <code>make</p>\n",
    "kbd, end of its div": "<div>Press <kbd>Ctrl</div>\n",
    "kbd, a div starts": "<p>Press <kbd>Ctrl<div>Shortcut</div>\n",
    "samp, a paragraph starts": "<p>Output: <samp>ok\n",
    "kbd, the next list item": "<ul><li>Press <kbd>Esc<li>Done</ul>\n",
    "kbd, the next table cell": "<table><tr><td><kbd>F1<td>Help</table>\n",
    "svg, a breakout paragraph": "<svg viewBox='0 0 1 1'><path d='M0 0'/><g>\n",
    "svg, end of its div": "<div><svg><circle r='1'></div>\n",
    "svg with an unclosed title": "<svg><title>Logo</svg>\n",
    "svg, a breakout span": "<svg><g><text>Label<span>x</span>\n",
    "math, a breakout paragraph": "<math><mi>x</mi><mo>=</mo>\n",
    "math, end of its section": "<section><math><mi>x</section>\n",
    "svg, a font with a colour": "<svg><font color='red'>x</font>\n",
}


@pytest.mark.parametrize("case", sorted(UNCLOSED))
def test_an_unclosed_element_does_not_hide_later_paragraphs(case: str) -> None:
    page = UNCLOSED[case] + LATER
    found = [(d.line, d.column, d.rule) for d in lint_text(page, path="page.html")]
    assert (2, 4, "CL101") in found


@pytest.mark.parametrize(
    ("page", "hidden"),
    [
        ("<p>Run <code>cures --all</code> to reset.</p>", "cures"),
        ("<p>Press <kbd>Ctrl+S</kbd> to save</p>", "Ctrl"),
        ("<p>Type <code>guaranteed<br>results</code></p>", "results"),  # br is phrasing
        ("<p><code>x<b>bold</b> still code</code></p>", "still"),
        ("<svg><text>Cures pain</text></svg>", "Cures"),  # a drawing's label, not copy
        ("<svg><title>Cures pain</title><path/></svg>", "Cures"),
        ("<math><mtext>Cures</mtext></math>", "Cures"),
        ("<svg><font>Cures</font></svg>", "Cures"),  # font without attributes stays foreign
        ("<pre><code>x\n<p>still preformatted", "still"),  # <p> does not end a <pre>
    ],
)
def test_text_inside_stays_skipped(page: str, hidden: str) -> None:
    assert hidden not in read_html(page).prose.text


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("<p>Type <code>make</code> then rest.</p>", "then rest."),
        ("<div><pre>x</div><p>After</p>", "After"),  # the end of the parent ends <pre>
        ("<svg><rect/><circle/></svg><p>After</p>", "After"),
        ("<p><svg>x</p>After", "After"),  # </p> breaks out of foreign content
        # A browser re-opens an unclosed <code> (a formatting element) in the next paragraph;
        # the text is shown to readers all the same, so claimlint lints it.
        ("<p><code>x<p>After", "After"),
        ("<span><code>x</span>After", "After"),
    ],
)
def test_text_after_the_implied_end_is_prose(page: str, shown: str) -> None:
    assert shown in read_html(page).prose.text


def test_a_paragraph_boundary_survives_the_implied_end() -> None:
    prose = read_html("<p>One <code>x</p><p>Two</p>").prose
    assert [prose.text[b.start : b.end] for b in prose.blocks] == ["One ", "Two"]


def test_deep_unclosed_markup_stays_linear_and_bounded() -> None:
    page = "<div><span>" * 20_000 + "<code>x" + "</span>" * 50_000 + "<p>After</p>"
    assert "After" in read_html(page).prose.text


def test_the_open_element_table_forgets_closed_names() -> None:
    from claimlint.inputs.readers.html import _Reader

    reader = _Reader("".join(f"<x{i}>a</x{i}>" for i in range(5_000)) + "<p>After</p>")
    reader.run()
    assert reader.open == {} and reader.stack == []
