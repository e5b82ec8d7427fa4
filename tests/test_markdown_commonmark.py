"""Markdown block structure follows CommonMark (markdown-it-py decides what is code and raw
HTML, and resolves link reference definitions), while positions stay exact."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text
from claimlint.inputs.readers.markdown import read_markdown

CLAIM = "Ketamine cures depression."


def rules(text: str) -> list[tuple[int, str]]:
    """(line, rule) of each sentence-level finding of the page."""
    return [(d.line, d.rule) for d in lint_text(text, path="page.md") if d.rule != "CL301"]


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(f"- Our care\n\n      {CLAIM}\n", id="indented-code-in-a-list-item"),
        pytest.param(f"1. Steps:\n\n       {CLAIM}\n\n2. Next.\n", id="code-in-ordered-item"),
        pytest.param(f"Intro.\n\n\t{CLAIM}\n", id="tab-indented-code"),
        pytest.param(f"> Quote.\n>\n>     {CLAIM}\n", id="indented-code-in-a-quote"),
        pytest.param(f"```\ncode\n    ```\n{CLAIM}\n```\n", id="closer-indented-four-is-code"),
        pytest.param(f"~~~~\n~~~\n{CLAIM}\n~~~~\n", id="shorter-fence-does-not-close"),
    ],
)
def test_code_is_not_prose(page: str) -> None:
    assert CLAIM not in read_markdown(page).prose.text
    assert rules(page) == []


def test_text_after_the_real_closing_fence_is_prose() -> None:
    page = f"```\ncode\n    ```\nstill code\n```\n\n{CLAIM}\n"
    assert rules(page) == [(7, "CL101")]


def test_an_unclosed_inline_comment_hides_nothing() -> None:
    page = f"Some text <!-- never closed\n\n{CLAIM}\n\nMore.\n"
    assert rules(page) == [(3, "CL101")]
    assert read_markdown(page).comments == []


def test_a_comment_block_still_hides_its_lines_and_directives_work() -> None:
    page = f"<!--\n{CLAIM}\n-->\n\n<!-- claimlint-disable-next-line CL101 -->\n{CLAIM}\n\n{CLAIM}\n"
    assert rules(page) == [(8, "CL101")]
    assert [c.text for c in read_markdown(page).comments][1].startswith("<!-- claimlint")


def test_an_inline_comment_closed_in_its_paragraph_is_hidden() -> None:
    page = f"Plain words <!-- {CLAIM} --> here.\n"
    assert rules(page) == []


CITED = "Ketamine relieved depression in {link}.\n"


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            CITED.format(link="[a 2019 trial](https://pubmed.ncbi.nlm.nih.gov/123/)"), id="inline"
        ),
        pytest.param(
            CITED.format(link="[a 2019 trial][pm]")
            + "\n[pm]: https://pubmed.ncbi.nlm.nih.gov/123/\n",
            id="full-reference",
        ),
        pytest.param(
            CITED.format(link="[a 2019 trial][]")
            + "\n[A 2019  Trial]: <https://doi.org/10.1000/xyz> 'Lee 2019'\n",
            id="collapsed-reference",
        ),
        pytest.param(
            CITED.format(link="[a 2019 trial]") + "\n[a 2019 trial]: https://doi.org/10.1000/x\n",
            id="shortcut-reference",
        ),
    ],
)
def test_a_reference_link_to_a_study_is_a_citation(page: str) -> None:
    uncited = CITED.format(link="a 2019 trial")
    assert rules(uncited) == [(1, "CL101")]
    assert rules(page) == []


def test_bracketed_numbers_with_no_definition_stay_citation_markers() -> None:
    """CommonMark shows "[2][3]" as written when no label "3" is defined: a citation pair, not
    a link whose brackets hide."""
    page = "Ketamine relieved depression in most patients [2][3].\n"
    assert "[2][3]" in read_markdown(page).prose.text
    assert rules(page) == []
    defined = page + "\n[3]: https://example.org/trial\n"
    assert "[2][3]" not in read_markdown(defined).prose.text  # now a link: its text is "2"


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("A *calm* and **steady** blend.", "A  calm  and   steady   blend."),
        ("Supports memory retention*", "Supports memory retention*"),
        ("**Supports memory retention***", "Supports memory retention*"),
        ("_Supports memory retention_*", "Supports memory retention*"),
        ("**bold* text", "*bold  text"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
    ],
)
def test_only_paired_emphasis_is_markup(line: str, prose: str) -> None:
    """Delimiters that pair up are hidden (as many as the shorter run has), positions kept; a
    closing "*" with no opener is text, as CommonMark shows it (a label's note sign)."""
    assert read_markdown(line + "\n").prose.text.strip() == prose.strip()


def test_reference_links_are_resolved_at_the_link_text() -> None:
    page = "See [the trial][pm] and [PubMed].\n\n[pm]: https://pubmed.ncbi.nlm.nih.gov/1/\n"
    page += "[pubmed]: https://pubmed.ncbi.nlm.nih.gov/2/\n"
    reading = read_markdown(page)
    found = [(page[link.start : link.end], link.href) for link in reading.links]
    assert found == [
        ("the trial", "https://pubmed.ncbi.nlm.nih.gov/1/"),
        ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/2/"),
    ]
    assert "pubmed.ncbi" not in reading.prose.text  # the definitions are not prose
    assert "[unknown]" in read_markdown("A [unknown] label stays text.\n").prose.text


def test_positions_stay_exact_after_front_matter_and_code() -> None:
    page = f"---\ntitle: Care\n---\n\n```\n{CLAIM}\n```\n\n- item\n\n      code\n\n{CLAIM}\n"
    [finding] = [d for d in lint_text(page, path="page.md") if d.rule == "CL101"]
    assert (finding.line, finding.column) == (13, 1)
    assert page.splitlines()[finding.line - 1][finding.column - 1 :].startswith("Ketamine cures")


def test_markdown_it_is_imported_only_to_read_markdown_that_may_hide_text() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from claimlint.inputs.sources import Source\n"
        "Source('a.txt', 'Plain text.', 'text').reading\n"
        "Source('a.html', '<p>Plain.</p>', 'html').reading\n"
        "assert 'markdown_it' not in sys.modules, 'imported before any Markdown'\n"
        "Source('a.md', '# Plain\\n\\nA [link](https://x.org), <b>b</b>.', 'markdown').reading\n"
        "assert 'markdown_it' not in sys.modules, 'imported for Markdown with nothing hidden'\n"
        "Source('a.md', '# Plain\\n\\n```\\ncode\\n```', 'markdown').reading\n"
        "assert 'markdown_it' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("body", "hides"),
    [
        ("Plain prose, a [link](https://x.org), <b>bold</b> and 3 < 4.", False),
        ("Text\n\n```\ncode\n```", True),
        ("Text\n\n~~~\ncode\n~~~", True),
        ("Text\n\n    indented code", True),
        ("Text\n\n\tindented code", True),
        ("> quoted\n>     code in a quote", True),
        ("[ref]: https://example.org", True),
        ("<!-- note -->", True),
        ("<SCRIPT>x()</SCRIPT>", True),
        ("<pre>\nkept\n</pre>", True),
    ],
)
def test_the_block_parse_is_skipped_only_when_nothing_can_be_hidden(body: str, hides: bool) -> None:
    from claimlint.inputs.readers.markdown import _may_hide

    assert _may_hide(body) is hides


def _blocks(text: str) -> list[str]:
    prose = read_markdown(text).prose
    return [prose.text[b.start : b.end].strip() for b in prose.blocks]


def test_a_bar_of_links_is_one_item_per_link() -> None:
    """A navigation bar written as a paragraph of links reads like an HTML <nav>: 'Lumo' and
    'How it works' are two items, not the claim 'Lumo ... works'."""
    bar = "[Lumo](/) &nbsp; [How it works](/how) | **Reviews** | [Book a visit](/book)\n"
    items = [" ".join(b.strip("| ").split()) for b in _blocks(bar)]
    assert items == ["Lumo", "How it works", "Reviews", "Book a visit"]
    assert rules(bar) == []


def test_prose_with_links_is_not_a_bar() -> None:
    text = "See how [Lumo](/) works, read [reviews](/r) and [book](/b) a visit today.\n"
    assert len(_blocks(text)) == 1
