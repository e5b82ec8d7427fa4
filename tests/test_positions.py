"""Every reader reports line:col exactly in the source file.

Each test slices the *source* at the reported position and checks that the excerpt's first
word starts there (and, where useful, that the span ends where the excerpt ends), so a reader
that drifts by one character, counts bytes, or mishandles a line ending fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.files import read_source
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules

LINTER = Linter(load_rules())
FORMATS = {"text": "page.txt", "markdown": "page.md", "html": "page.html"}


def lint(text: str, fmt: str) -> list[Diagnostic]:
    return LINTER.lint(Source(FORMATS[fmt], text, fmt))


def source_lines(text: str) -> list[str]:
    """Lines as an editor shows them: CRLF, CR and LF all end a line."""
    return re.split(r"\r\n|\r|\n", text)


def at(text: str, line: int, column: int) -> str:
    """The rest of the source line from a 1-based line and character column."""
    lines = source_lines(text)
    assert 1 <= line <= len(lines), f"line {line} is outside the source ({len(lines)} lines)"
    return lines[line - 1][column - 1 :]


def before(text: str, line: int, column: int) -> str:
    """The source line up to (not including) a 1-based end column."""
    return source_lines(text)[line - 1][: column - 1]


def only(diagnostics: list[Diagnostic], rule: str) -> Diagnostic:
    found = [d for d in diagnostics if d.rule == rule]
    assert len(found) == 1, f"expected one {rule}, got {diagnostics}"
    return found[0]


def assert_starts(text: str, diag: Diagnostic, word: str) -> None:
    """The excerpt begins with `word` and the source has `word` at the reported position."""
    assert diag.excerpt.split()[0] == word, diag
    assert at(text, diag.line, diag.column).startswith(word), (
        f"{diag.line}:{diag.column} points at {at(text, diag.line, diag.column)[:30]!r}, "
        f"not {word!r}"
    )


def assert_ends(text: str, diag: Diagnostic, word: str) -> None:
    """The excerpt ends with `word` and the source span ends right after it."""
    assert diag.excerpt.split()[-1] == word, diag
    assert before(text, diag.end_line, diag.end_column).endswith(word), (
        f"span ends at {diag.end_line}:{diag.end_column} after "
        f"{before(text, diag.end_line, diag.end_column)[-30:]!r}, not after {word!r}"
    )


# -- HTML ----------------------------------------------------------------------------------------


def test_html_sentence_across_inline_tags_and_line_breaks() -> None:
    text = (
        "<!doctype html>\n"
        "<html><body>\n"
        "<p>Welcome to the clinic. Every week <em>our</em> nurses see that\n"
        "   ketamine\n"
        '   <strong>heals</strong> the <a href="/brain">stressed</a> brain.</p>\n'
        "</body></html>\n"
    )
    diag = only(lint(text, "html"), "CL101")
    assert (diag.line, diag.column) == (4, 4)
    assert_starts(text, diag, "ketamine")
    assert diag.end_line == 5
    assert_ends(text, diag, "heals")


def test_html_inline_tags_do_not_split_the_sentence() -> None:
    # Treatment and outcome sit in different inline elements: still one sentence, one claim.
    text = "<p><a href='/k'>Ketamine</a> <em>quickly</em> <strong>repairs</strong> nerves.</p>"
    diag = only(lint(text, "html"), "CL101")
    assert_starts(text, diag, "Ketamine")
    assert_ends(text, diag, "repairs")


def test_html_block_elements_end_a_sentence() -> None:
    # "ketamine" and "repairs" are in different blocks: no claim joins them.
    text = "<ul><li>Ketamine</li><li>Repairs and maintenance of the building</li></ul>"
    assert not [d for d in lint(text, "html") if d.rule == "CL101"]


def test_html_entities_before_the_claim_count_source_characters() -> None:
    text = (
        "<p>Hours&nbsp;vary &mdash; call ahead.</p>\n"
        "<p>Dr&#46; Ortiz&rsquo;s note &amp; summary&hellip; Ketamine repairs damaged"
        " neural circuitry.</p>\n"
    )
    diag = only(lint(text, "html"), "CL101")
    assert diag.line == 2
    # 3 for "<p>" plus the entities as written, not as decoded.
    assert diag.column == text.splitlines()[1].index("Ketamine") + 1
    assert_starts(text, diag, "Ketamine")
    assert_ends(text, diag, "repairs")


def test_markdown_entities_are_decoded_and_count_source_characters() -> None:
    # CommonMark decodes entity references in text; "won&rsquo;t" must read as "won't" and
    # the claim after the entities must still point at its source column.
    text = (
        "Hours&nbsp;vary &mdash; call ahead.\n\n"
        "Dr&#46; Ortiz&rsquo;s note &amp; summary&hellip; Ketamine repairs damaged"
        " neural circuitry.\n\n"
        "Our ketamine program won&rsquo;t repair damaged neural circuitry.\n"
    )
    diag = only(lint(text, "markdown"), "CL101")
    assert diag.line == 3
    assert diag.column == text.splitlines()[2].index("Ketamine") + 1
    assert_starts(text, diag, "Ketamine")
    assert_ends(text, diag, "repairs")


def test_html_title_and_meta_description_are_prose_script_is_not() -> None:
    text = (
        "<html><head>\n"
        "<title>Ketamine heals the mind</title>\n"
        '<meta name="description" content="Book a visit. Ketamine repairs old wounds.">\n'
        "<script>var s = 'ketamine cures depression';</script>\n"
        "</head><body><p>Hello.</p></body></html>\n"
    )
    found = [d for d in lint(text, "html") if d.rule == "CL101"]
    assert [d.line for d in found] == [2, 3]
    assert_starts(text, found[0], "Ketamine")
    assert_starts(text, found[1], "Ketamine")


def test_html_link_preview_descriptions_are_prose() -> None:
    """og: and twitter: descriptions are read as the meta description is: each is published
    text, a copy included."""
    text = (
        "<html><head>\n"
        '<meta name="description" content="Ketamine repairs old wounds.">\n'
        '<meta property="og:description" content="Ketamine  repairs old wounds.">\n'
        '<meta name="twitter:description" content="Our drops heal trauma for good.">\n'
        "</head><body><p>Hello.</p></body></html>\n"
    )
    lines = sorted({d.line for d in lint(text, "html") if d.category == "efficacy"})
    assert lines == [2, 3, 4]


def test_html_json_ld_description_is_prose_other_keys_and_scripts_are_not() -> None:
    text = (
        "<html><head>\n"
        '<script type="application/ld+json">\n'
        '{"@type": "Product", "name": "Ketamine cures depression",\n'
        ' "description": "Caf\\u00e9 \\"hours\\". Ketamine repairs old wounds."}\n'
        "</script>\n"
        '<script>var d = {"description": "ketamine heals trauma"};</script>\n'
        "</head><body><p>Hello.</p></body></html>\n"
    )
    found = [d for d in lint(text, "html") if d.rule == "CL101"]
    assert [d.line for d in found] == [4], found
    assert_starts(text, found[0], "Ketamine")
    assert found[0].column == text.split("\n")[3].index("Ketamine") + 1


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_list_item_after_fenced_code_and_claim_in_fence_not_reported() -> None:
    text = (
        "Intro paragraph.\n"
        "\n"
        "```text\n"
        "Ketamine repairs damaged neural circuitry.\n"
        "```\n"
        "\n"
        "- Parking is free.\n"
        "- Ketamine repairs damaged neural circuitry.\n"
    )
    found = [d for d in lint(text, "markdown") if d.rule == "CL101"]
    assert len(found) == 1, found
    assert (found[0].line, found[0].column) == (8, 3)
    assert_starts(text, found[0], "Ketamine")


def test_markdown_heading() -> None:
    text = "Some intro.\n\n### Ketamine Repairs Damaged Neural Circuitry\n\nBody text.\n"
    diag = only(lint(text, "markdown"), "CL101")
    assert (diag.line, diag.column) == (3, 5)
    assert_starts(text, diag, "Ketamine")


def test_markdown_table_cell() -> None:
    text = (
        "| Option | What we say |\n"
        "|:-------|:------------|\n"
        "| Plan B | Ketamine repairs damaged neural circuitry. |\n"
    )
    diag = only(lint(text, "markdown"), "CL101")
    assert diag.line == 3
    assert diag.column == text.splitlines()[2].index("Ketamine") + 1
    assert_starts(text, diag, "Ketamine")


def test_markdown_table_cells_are_separate_blocks() -> None:
    text = "| Ketamine | Repairs |\n|---|---|\n| yes | no |\n"
    assert not [d for d in lint(text, "markdown") if d.rule == "CL101"]


def test_markdown_link_text_is_prose_and_url_is_not() -> None:
    text = (
        "Our view **now**: [ketamine repairs damaged neural circuitry](https://example.org/a).\n"
        "\n"
        "More [on our blog](https://example.org/ketamine-cures-depression-forever).\n"
    )
    diag = only(lint(text, "markdown"), "CL101")
    assert (diag.line, diag.column) == (1, 20)
    assert_starts(text, diag, "ketamine")


def test_markdown_front_matter_title_and_description_are_prose_other_keys_are_not() -> None:
    text = (
        "---\n"
        "slug: ketamine cures depression\n"
        "title: Ketamine repairs damaged neural circuitry\n"
        "author: Ketamine heals everything Inc\n"
        "description: 'Our sessions: ketamine heals trauma.'\n"
        "---\n"
        "\n"
        "Opening hours are on the contact page.\n"
    )
    found = [d for d in lint(text, "markdown") if d.rule == "CL101"]
    assert [d.line for d in found] == [3, 5], found
    assert_starts(text, found[0], "Ketamine")
    assert found[0].column == len("title: ") + 1
    assert_starts(text, found[1], "ketamine")


def test_markdown_inline_code_and_html_comment_are_not_linted() -> None:
    text = (
        "Type `ketamine cures depression` into the search box.\n"
        "\n"
        "<!-- ketamine repairs damaged neural circuitry -->\n"
        "\n"
        "<!--\n"
        "Ketamine heals the brain.\n"
        "-->\n"
        "Opening hours are on the contact page.\n"
    )
    assert lint(text, "markdown") == []


def test_markdown_indented_code_is_not_linted() -> None:
    text = "Example:\n\n    Ketamine repairs damaged neural circuitry.\n\nThat is all.\n"
    assert lint(text, "markdown") == []


# -- Non-ASCII text ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_columns_count_characters_after_emoji_and_accents(fmt: str) -> None:
    line = "Café naïve 🌿🧠 résumé — Ketamine repairs damaged neural circuitry."
    text = f"<p>{line}</p>" if fmt == "html" else line
    diag = only(lint(text, fmt), "CL101")
    assert diag.column == text.index("Ketamine") + 1  # characters, not UTF-8 bytes
    assert_starts(text, diag, "Ketamine")
    assert_ends(text, diag, "repairs")


def test_columns_count_characters_when_read_from_a_utf8_file(tmp_path: Path) -> None:
    line = "Ünïcödé 👩‍⚕️ first: Ketamine repairs damaged neural circuitry."
    path = tmp_path / "page.md"
    path.write_bytes(("Hi.\n\n" + line + "\n").encode("utf-8"))
    source = read_source(str(path))
    diag = only(LINTER.lint(source), "CL101")
    assert diag.line == 3
    assert diag.column == line.index("Ketamine") + 1
    assert_starts(source.text, diag, "Ketamine")


# -- Line endings --------------------------------------------------------------------------------


@pytest.mark.parametrize(("newline", "name"), [("\r\n", "crlf"), ("\r", "cr"), ("\n", "lf")])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_line_endings(tmp_path: Path, newline: str, name: str, fmt: str) -> None:
    lines = [
        "First paragraph, nothing to see.",
        "",
        "Second paragraph.  We say that ketamine",
        "repairs damaged neural circuitry in adults.",
        "",
        "Last: Psilocybin therapy heals trauma.",
    ]
    path = tmp_path / f"{name}{FORMATS[fmt][4:]}"
    path.write_bytes(newline.join(lines).encode() + newline.encode())
    source = read_source(str(path))
    found = [d for d in LINTER.lint(source) if d.rule == "CL101"]
    assert len(found) == 2, found
    first, last = found
    assert (first.line, first.column) == (3, lines[2].index("ketamine") + 1)
    assert_starts(source.text, first, "ketamine")
    assert first.end_line == 4
    assert_ends(source.text, first, "repairs")
    assert last.line == 6
    assert at(source.text, last.line, last.column).startswith(last.excerpt.split()[0])
    assert last.excerpt.split()[0] in ("Psilocybin", "therapy")


# -- Plain text ----------------------------------------------------------------------------------


def test_plain_text_wrapped_sentence_is_one_finding() -> None:
    text = (
        "Our team has years of experience. Week after week, ketamine\n"
        "quietly repairs damaged neural circuitry,\n"
        "our director says.\n"
        "\n"
        "Parking is free.\n"
    )
    found = [d for d in lint(text, "text") if d.category == "efficacy"]
    assert len(found) == 1, found
    diag = found[0]
    assert (diag.line, diag.column) == (1, 52)
    assert_starts(text, diag, "ketamine")
    assert diag.end_line == 2
    assert_ends(text, diag, "repairs")


def test_plain_text_blank_line_separates_paragraphs() -> None:
    # Without the blank line this is one (flagged) sentence; with it, two unrelated blocks.
    joined = "We offer ketamine\nthat repairs damaged neural circuitry.\n"
    split = "We offer ketamine\n\nRepairs to the waiting room are done.\n"
    assert [d.rule for d in lint(joined, "text") if d.rule == "CL101"] == ["CL101"]
    assert not [d for d in lint(split, "text") if d.rule == "CL101"]
