"""Big documents are linted piece by piece (run/chunked.py) with the findings of the whole
document: page facts (subjects, offered products, disclaimers and crisis resources anywhere,
link definitions, suppression ranges) stay whole-page, and no piece sees more than its share.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from claimlint.api import lint_paths
from claimlint.inputs.pieces import safe_cuts
from claimlint.inputs.sources import Source, format_of
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.packs import load_rules
from claimlint.run import chunked
from claimlint.run.chunked import lint_source, plan

ROOT = Path(__file__).resolve().parent.parent


def _filler(tag: str) -> str:
    return "\n\n".join(
        f"Paragraph {tag}{i}: the front desk opens at {8 + i % 3} o'clock and parking is free."
        for i in range(20)
    )


# Every page fact is far (more than a piece's context) from where it matters.
PAGE = f"""---
title: Zenthera infusions
---

# Zenthera infusion clinic

We offer ketamine infusions for depression at our clinic.

Some guests mention suicidal thoughts during intake.

<!-- claimlint-disable CL101 -->

Ketamine cures depression.

{_filler("a")}

<!-- claimlint-enable CL101 -->

Zenthera heals anxiety fast.

Ketamine relieves chronic pain, as [this trial][pubmed] found.

Ketamine repairs damaged neural circuitry.

{_filler("b")}

Compounded ketamine is not FDA-approved for depression or pain.

If you are in crisis, call or text 988.

[pubmed]: https://pubmed.ncbi.nlm.nih.gov/12345/
"""


@pytest.fixture(scope="module")
def linter() -> SharedPipelineLinter:
    return SharedPipelineLinter(load_rules())


def as_json(diagnostics) -> list[dict]:
    return [d.to_json() for d in diagnostics]


def test_page_facts_stay_whole_across_pieces(linter) -> None:
    source = Source("page.md", PAGE, "markdown")
    pieces = plan(PAGE, "markdown", 200)
    assert len(pieces) > 20
    whole = linter.lint(Source("page.md", PAGE, "markdown"))
    assert as_json(lint_source(linter, source, 200)) == as_json(whole)
    assert [(d.line, d.rule) for d in whole] == [(61, "CL101")]
    # Linting each piece alone gets the page wrong: the test would catch a driver that did.
    naive = []
    for piece in pieces:
        lines = PAGE.count("\n", 0, piece.core_start)
        alone = linter.lint(Source("page.md", PAGE[piece.core_start : piece.core_end], "markdown"))
        naive += [replace(d, line=d.line + lines, end_line=d.end_line + lines) for d in alone]
    found = {(d.line, d.rule) for d in naive}
    assert {(7, "CL301"), (9, "CL302")} <= found  # disclaimer and 988 are pieces away
    assert (59, "CL101") in found  # the citing link is defined at the end of the page
    assert (57, "CL101") in found  # "Zenthera" is named a subject by the title only


def test_the_engine_never_gets_more_than_a_piece(linter, monkeypatch) -> None:
    from claimlint.nlp.engine import Linter

    linted: list[int] = []
    matched: list[int] = []
    lint, hits = Linter.lint, Linter._hits

    def record_lint(self, source):
        linted.append(len(source.text))
        return lint(self, source)

    def record_hits(self, text, blocks):
        matched.append(len(text))
        return hits(self, text, blocks)

    text = PAGE * 30
    whole = linter.lint(Source("big.md", text, "markdown"))
    monkeypatch.setattr(Linter, "lint", record_lint)
    monkeypatch.setattr(Linter, "_hits", record_hits)
    result = lint_source(linter, Source("big.md", text, "markdown"), 2_000)
    assert len(linted) > 30 and len(matched) == len(linted)  # matched once: survey, kept
    # a piece is its core (<= the limit: paragraphs are short here) and 18 paragraphs around
    assert max(linted + matched) < 2_000 + 18 * 120 < len(text) // 10
    assert as_json(result) == as_json(whole)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--docs", "16", "--out",
         str(out / "site")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return out / "site"


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_generated_pages_concatenated_lint_the_same_in_pieces(linter, site, suffix) -> None:
    pages = sorted(site.rglob(f"*{suffix}"))
    assert len(pages) >= 3
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages)  # front matter and all
    name = f"all{suffix}"
    whole = linter.lint(Source(name, text, format_of(name)))
    assert len(whole) > 20
    pieces = lint_source(linter, Source(name, text, format_of(name)), 1_500)
    assert len(plan(text, format_of(name), 1_500)) > 10
    assert as_json(pieces) == as_json(whole)


def test_the_command_line_lints_big_files_in_pieces(tmp_path, monkeypatch) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    whole = lint_paths([str(page)]).diagnostics
    calls: list[int] = []
    original = chunked._ChunkedRun.lint

    def counted(self):
        calls.append(len(self.pieces))
        return original(self)

    monkeypatch.setattr(chunked, "PIECE_CHARS", 300)
    monkeypatch.setattr(chunked._ChunkedRun, "lint", counted)
    pieces = lint_paths([str(page)]).diagnostics
    assert calls and calls[0] > 10
    assert json.dumps(as_json(pieces)) == json.dumps(as_json(whole))


def test_cuts_never_fall_inside_code_front_matter_or_raw_html() -> None:
    text = (
        "---\ntitle: x\n\nbody: y\n---\n\nOne.\n\n```\ncode\n\nInside fence.\n```\n\n"
        "<!-- open\n\nInside comment.\n-->\n\n<script>\n\nInside script.\n</script>\n\n"
        "Two.\n\n- item\n\nThree.\n\n    indented\n\n# Heading\n\n1. first\n"
    )
    cut_lines = [text[c:].split("\n", 1)[0] for c in safe_cuts(text, "markdown")]
    assert cut_lines == ["One.", "Two.", "Three.", "# Heading"]
    assert safe_cuts("<p>a</p>\n\n<p>b</p>\n", "html") == [10]  # HTML: test_chunked_html
    assert safe_cuts("a\n\n  b\r\n\r\nc\n", "text") == [3, 10]


def test_lint_text_lints_big_texts_in_pieces(linter, monkeypatch) -> None:
    from claimlint.api import lint_text

    whole = lint_text(PAGE, path="page.md", linter=linter)
    runs: list[int] = []
    original = chunked._ChunkedRun.lint
    monkeypatch.setattr(chunked, "PIECE_CHARS", 300)
    monkeypatch.setattr(
        chunked._ChunkedRun, "lint", lambda self: runs.append(len(self.pieces)) or original(self)
    )
    assert as_json(lint_text(PAGE, path="page.md", linter=linter)) == as_json(whole)
    assert runs and runs[0] > 10


def test_a_document_with_an_uncuttable_part_is_linted_whole() -> None:
    fence = "```\n" + "code line\n\nmore code\n" * 100 + "```\n"
    text = "Intro.\n\n" + fence + "\nOutro one.\n\nOutro two.\n"
    assert len(plan(text, "markdown", 500)) == 1  # the fence alone is over the limit
    assert len(plan("Intro.\n\n" + "Short para.\n\n" * 100, "markdown", 500)) > 1


def _label_page(statement: str) -> str:
    return (
        "# Focus Blend\n\nSupports memory retention*\n\n"
        f"{_filler('c')}\n\n"
        "Psilocybin is not FDA-approved for any condition.\n\n"
        "We also offer ketamine infusions for depression.\n\n"
        f"{_filler('d')}\n\n{statement}"
    )


@pytest.mark.parametrize(
    "statement",
    ["*These statements have not been evaluated by the Food and Drug Administration.\n", ""],
)
def test_page_confirm_and_about_other_read_the_whole_page_in_pieces(linter, statement) -> None:
    """A label's "*" counts where the FDA statement is printed pieces away, and a status said of
    another product does not meet a requirement, in pieces as in one piece."""
    page = _label_page(statement)
    whole = linter.lint(Source("page.md", page, "markdown"))
    assert as_json(lint_source(linter, Source("page.md", page, "markdown"), 200)) == as_json(whole)
    rules = {d.rule for d in whole}
    assert "CL301" in rules
    assert ("CL105" in rules) == (not statement)
