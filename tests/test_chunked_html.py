"""A big HTML page is linted piece by piece too (issue 13, memory), with the findings of the
whole-page lint: it is cut only at a line start between tokens where no block and no link is
open, and each piece is read with the elements open there restored (an unclosed <code>, a
<pre> or an <svg> around the cut reads as it does in place)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.inputs.pieces import safe_cuts
from claimlint.inputs.readers.html import html_cuts, read_html
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Options
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.packs import load_rules
from claimlint.run.chunked import lint_source, plan

ROOT = Path(__file__).resolve().parent.parent


def _filler(tag: str, count: int = 12) -> str:
    return "\n".join(
        f"    <p>Note {tag}{i}: the front desk opens at {8 + i % 3} o&#39;clock.</p>"
        for i in range(count)
    )


PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<title>Zenthera infusions</title>
<meta name="description" content="Zenthera heals anxiety &amp; depression.">
<style>
  p {{ color: red; }}

  .x {{ margin: 0; }}
</style>
</head>
<body>
<div class="page">
  <main>
    <h1>Zenthera infusion clinic</h1>
    <p>We offer ketamine infusions for depression at our clinic.
    <p>Some guests mention suicidal thoughts during intake.
    <!-- claimlint-disable CL101 -->
    <p>Ketamine cures depression.</p>
{_filler("a")}
    <!-- claimlint-enable CL101 -->
    <p>Zenthera heals anxiety fast.</p>
    <ul>
      <li>Ketamine relieves chronic pain, as
        <a href="https://pubmed.ncbi.nlm.nih.gov/12345/">this trial</a> found.</li>
      <li>Ketamine repairs damaged neural circuitry.</li>
    </ul>
    <pre>
Ketamine cures everything (inside pre: not prose).

Still inside the pre block.
    </pre>
    <p>Our code:</p>
    <code>
      <span>unclosed code: Ketamine cures pain.</span>
      <span>more code</span>
{_filler("c", 4)}
    <p>Ketamine restores your brain for good.</p>
    <svg viewBox="0 0 10 10">
      <text>Ketamine cures pain in an svg label.</text>

      <text>more svg</text>
    </svg>
    <table>
      <tr><td>Infusions are completely safe.</td>
      <td>Results guaranteed.</td></tr>
    </table>
    <p>Ketamine cu&shy;res PTSD.</p>
{_filler("b")}
    <p>Compounded ketamine is not FDA-approved for depression or pain.</p>
    <p>If you are in crisis, call or text 988.</p>
  </main>
</div>
<script>
  var s = "<p>Ketamine cures depression.</p>";

  var t = 1;
</script>
</body>
</html>
"""


@pytest.fixture(scope="module")
def linter() -> SharedPipelineLinter:
    return SharedPipelineLinter(load_rules(), Options(report_unused_suppressions=True))


def as_json(diagnostics) -> list[dict]:
    return [d.to_json() for d in diagnostics]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_big_html_page_lints_the_same_in_pieces(linter, newline: str) -> None:
    text = PAGE.replace("\n", newline) * 3
    whole = linter.lint(Source("page.html", text, "html"))
    rules = {d.rule for d in whole}
    assert {"CL101", "CL401"} <= rules and len(whole) > 10
    pieces = plan(text, "html", 600)
    assert len(pieces) > 10
    assert any(p.opened for p in pieces)  # pieces start inside <html><body><div><main>
    found = lint_source(linter, Source("page.html", text, "html"), 600)
    assert as_json(found) == as_json(whole)


def test_each_piece_reads_as_it_does_in_place() -> None:
    text = PAGE * 2
    cuts, states = html_cuts(text)
    assert cuts and len(cuts) == len(states) and cuts == sorted(set(cuts))
    whole = read_html(text).prose
    whole_prose = [whole.text[b.start : b.end] for b in whole.blocks]
    for cut, state in zip(cuts, states, strict=True):
        assert cut > 0 and text[cut - 1] in "\r\n"
        alone = read_html(text[cut:], state).prose
        blocks = [alone.text[b.start : b.end] for b in alone.blocks]
        assert blocks == whole_prose[len(whole_prose) - len(blocks) :], text[cut : cut + 60]
        # and a piece read without the open elements would differ somewhere
    inside_pre = text.index("Still inside the pre block.")
    inside_code = text.index("more code")
    inside_svg = text.index("more svg")
    for spot in (inside_pre, inside_code, inside_svg):
        before = max(c for c in cuts if c <= spot)
        state = states[cuts.index(before)]
        assert read_html(text[before:], state).prose.text != read_html(text[before:]).prose.text


def test_cuts_never_fall_inside_a_tag_comment_script_link_or_open_block() -> None:
    text = (
        '<p>One\ntwo</p>\n<p><a href="https://doi.org/10.1/x">\nlink\n</a></p>\n'
        "<!-- a\n\ncomment -->\n<script>\nvar a;\n\n</script>\n<p\n class=x>Three</p>\n<li>\n"
        "four</li>\n<p>Five</p>\n"
    )
    cut_lines = [text[c:].split("\n", 1)[0] for c in safe_cuts(text, "html")]
    assert cut_lines == ['<p><a href="https://doi.org/10.1/x">', "<!-- a", "<script>", "<p",
                         "<li>", "<p>Five</p>"]  # fmt: skip
    # an open block (text after an inline element) or an open link: no cut until it ends
    assert safe_cuts("<b>x</b>\n<i>y</i>\n<p>z</p>\n<p>w</p>\n", "html") == [27]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--docs", "24", "--out",
         str(out / "site")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return out / "site"


def test_generated_html_pages_concatenated_lint_the_same_in_pieces(linter, site) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 3
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    whole = linter.lint(Source("all.html", text, "html"))
    assert len(whole) > 20
    assert len(plan(text, "html", 3_000)) > 10
    assert as_json(lint_source(linter, Source("all.html", text, "html"), 3_000)) == as_json(whole)


def test_the_report_of_a_big_html_page_shows_its_source_without_the_page_view(
    linter, monkeypatch
) -> None:
    from claimlint.outputs import report
    from claimlint.outputs.formats import Context, by_name

    found = linter.lint(Source("page.html", PAGE, "html"))
    ctx = Context(rules=linter.rules, sources={"page.html": PAGE}, files_checked=1)
    assert 'class="page-view"' in by_name("html")(found, ctx)
    monkeypatch.setattr(report, "PAGE_VIEW_CHARS", len(PAGE) - 1)  # built whole: left out
    big = by_name("html")(found, ctx)
    assert 'class="page-view"' not in big and '<pre class="source">' in big
    assert big.count('<li class="finding') == len(found)


def test_the_open_elements_of_many_cuts_share_their_nodes() -> None:
    text = "<div>\n" * 600 + "<p>Ketamine is one option.</p>\n" * 3000
    cuts, opened = html_cuts(text)
    assert len(cuts) == len(opened) > 3000
    assert opened[-1] == ("div",) * 512 and opened[0] == ("div",)  # the tracked depth is capped
    assert len(opened._names) <= 512  # one node per element open at a cut, not one per cut
