"""Property-based: random and mutated Markdown/HTML never crash the readers or the engine,
and every diagnostic's position holds its excerpt. Fixed example budgets keep this fast."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_support import check_diagnostic, line_starts

from claimlint.api import default_linter, lint_text
from claimlint.inputs.sources import read

PAGES = {
    "page.md": (
        "---\ntitle: Ketamine cures depression\n---\n# Ketamine is 100% safe\n\n"
        "Our *IV ketamine* cures depression permanently [see](https://x.org/a?b=1&c=2).\n"
        "Results are guaranteed.\n\n- Ketamine has no side effects\n- `code` and <b>tags</b>\n\n"
        "| Route | Claim |\n| --- | --- |\n| IV | works better than nasal spray |\n\n"
        "```\nKetamine cures anxiety.\n```\n<!-- claimlint-disable CL601 -->\n"
        "Suicidal thoughts vanish forever.\n"
    ),
    "page.html": (
        "<!doctype html><html><head><title>Ketamine cures depression</title>"
        '<meta name="description" content="100% safe &amp; guaranteed results"></head>'
        "<body><h1>Ketamine is FDA-approved for depression</h1><p>Our IV ketamine "
        "<strong>cures</strong> depression permanently &mdash; no side effects.</p>"
        '<img alt="A miracle cure for anxiety"><ul><li>Suicidal thoughts vanish</li></ul>'
        "<script>var s = 'Ketamine cures pain';</script><!-- c --></body></html>"
    ),
}
PIECES = ["<", ">", "</p>", "<p>", "<!--", "-->", "&", "&amp;", "&#", ";", "`", "```", "\r",
          "\n", "\r\n", "*", "_", "[", "](", ")", "#", "|", "---", "\x00", "\t", " ", '"',
          "'", "<script>", "é", "漢", "\ufeff", "Ketamine cures depression. "]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A health-claim page with random insertions, deletions and duplications."""
    path = draw(st.sampled_from(sorted(PAGES)))
    text = PAGES[path]
    for _ in range(draw(st.integers(1, 12))):
        if not text:
            break
        pos = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "char"]))
        if action == "insert":
            text = text[:pos] + draw(st.sampled_from(PIECES)) + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 40)) :]
        elif action == "duplicate":
            end = min(len(text), pos + draw(st.integers(1, 80)))
            text = text[:end] + text[pos:end] + text[end:]
        else:
            text = text[:pos] + draw(st.characters()) + text[pos:]
    return path, text


def assert_contract(path: str, text: str) -> None:
    diagnostics = lint_text(text, path=path, linter=default_linter())
    starts = line_starts(text)
    for diag in diagnostics:
        check_diagnostic(diag.to_json(), text, starts)


def test_unmutated_pages_are_flagged() -> None:
    """The seed pages do hold claims, so the properties below are not vacuous."""
    for path, text in PAGES.items():
        assert len(lint_text(text, path=path)) >= 4


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_pages(case: tuple[str, str]) -> None:
    assert_contract(*case)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["x.md", "x.html", "x.txt"]),
    st.lists(st.sampled_from(PIECES + ["ketamine", "cures", "safe", "100%"]), max_size=60),
)
def test_random_markup_soup(path: str, pieces: list[str]) -> None:
    assert_contract(path, "".join(pieces))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["markdown", "html", "text"]), st.text(max_size=300))
def test_readers_map_every_prose_character_into_the_source(fmt: str, text: str) -> None:
    """Each prose run stands for a span inside the source; equal-length runs are copies
    (Markdown masks markup with spaces of the same length)."""
    prose = read(text, fmt).prose
    for run in prose.runs:
        assert 0 <= run.source_start <= run.source_start + run.source_len <= len(text)
        piece = prose.text[run.prose_start : run.prose_start + run.prose_len]
        if run.prose_len == run.source_len:  # a copy, with markup masked by spaces
            source = text[run.source_start : run.source_start + run.source_len]
            assert all(p == s or p.isspace() for p, s in zip(piece, source, strict=True))
    for block in prose.blocks:
        assert 0 <= block.start <= block.end <= len(prose.text)
