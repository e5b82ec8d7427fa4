"""Narrow regex programs (\\w, \\d, \\s cut down to Latin-1) are used only on texts where
they find exactly what the full Unicode programs find: they save compile time, never a match."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.packs import load_rules
from claimlint.packs.linear_regex import compile_trusted, narrow_safe, python_only

CLASS_PATTERNS = [r"\w+", r"\W+", r"\d+", r"\D+", r"\s+", r"\S+", r"[\w'-]+", r"[^\w\s]+"]


def _all_narrow_safe_characters() -> str:
    """Every code point that narrow_safe accepts (surrogates aside), in order."""
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    return "".join(c for c in chars if narrow_safe(c))


SAFE = _all_narrow_safe_characters()


def test_most_of_unicode_is_not_narrow_safe_but_latin1_and_symbols_are() -> None:
    assert 100_000 < len(SAFE) < 300_000  # symbols, marks, private use, controls
    assert all(chr(c) in SAFE for c in range(0x100))
    assert all(char in SAFE for char in "\u2070\u2074\u2079\u207f\u2080\u2089\u209c")
    for char in "\u03bc\u0414\u4e2d\u2003\u2153\u0345\u24b6\u0378\u2072":
        assert char not in SAFE, hex(ord(char))


@pytest.mark.parametrize("ignore_case", [True, False])
@pytest.mark.parametrize("pattern", CLASS_PATTERNS)
def test_a_narrow_class_matches_the_full_one_on_every_narrow_safe_character(
    pattern: str, ignore_case: bool
) -> None:
    full = compile_trusted(pattern, ignore_case)
    narrow = compile_trusted(pattern, ignore_case, narrow=True)
    assert narrow_safe(SAFE)
    assert list(narrow.spans(SAFE)) == list(full.spans(SAFE))


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("Plain ASCII copy.", True),
        ("Café naïve crème, ½ dose, 10 µg, footnote¹ and ®", True),
        ("Curly quotes \u201cand\u201d dashes \u2014 and \u2026 and an emoji \U0001f600", True),
        ("10 \u03bcg of Greek mu", False),
        ("Cyrillic \u0414\u0420\u041e\u041f", False),
        ("an em space\u2003here", False),
        ("footnotes\u2074\u2075 and a subscript\u2082", True),  # kept by the narrow \\w
        ("a vulgar fraction \u2153", False),  # a number above U+00FF
        ("an unassigned \u0378 code point", False),
    ],
)
def test_which_texts_are_narrow_safe(text: str, safe: bool) -> None:
    assert narrow_safe(text) is safe


PIECES = ["relief", "within", "FDA", "approved", "70%", "safe", " ", "  ", "\n", ".", "-", "'"]
PIECES += ["é", "Ü", "ß", "½", "¹", "\u00a0", "\u2019", "\u2014", "\U0001f600", "\u03bc", "\u2003"]
BUNDLED = sorted(
    {
        (p, not lexicon.case_sensitive_regex)
        for lexicon in load_rules().lexicons.values()
        for p in lexicon.regex
        if not python_only(p)
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(BUNDLED))
def test_bundled_regexes_find_the_same_with_either_program_on_safe_texts(parts, entry) -> None:
    text = "".join(parts)
    pattern, ignore_case = entry
    if narrow_safe(text):
        narrow = compile_trusted(pattern, ignore_case, narrow=True)
        assert list(narrow.spans(text)) == list(compile_trusted(pattern, ignore_case).spans(text))


def test_every_bundled_regex_finds_the_same_on_a_latin1_page() -> None:
    text = (
        "Zentrofax® drops: no side effects, 100% naturel. Crème Réparatrice cleared my eczema "
        "within 3 days.¹ “It’s FDA-approved” — not true: it is not approved for any use. "
        "90 % of users felt relief in ½ hour; results guaranteed or your money back! 😀"
    )
    assert narrow_safe(text)
    assert len(BUNDLED) > 100
    for pattern, ignore_case in BUNDLED:
        narrow = compile_trusted(pattern, ignore_case, narrow=True)
        full = compile_trusted(pattern, ignore_case)
        assert list(narrow.spans(text)) == list(full.spans(text)), pattern


def test_a_page_with_letters_beyond_latin1_is_searched_with_the_full_program(
    tmp_path: Path,
) -> None:
    from claimlint.inputs.sources import Source
    from claimlint.nlp.engine import Linter

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "lexicons:\n"
        "  gadget:\n"
        "    regex: ['\\bsee\\s+(?:\\w+\\s+){1,2}results\\b']\n"
        "rules:\n"
        "  - id: ACME301\n"
        "    name: gadget-results\n"
        "    category: efficacy\n"
        "    message: 'hit: \"{excerpt}\"'\n"
        "    match: {all: [gadget]}\n",
        "utf-8",
    )
    linter = Linter(load_rules([pack]))

    def hits(text: str) -> list[str]:
        found = linter.lint(Source("p.txt", text, "text"))
        return [d.excerpt for d in found if d.rule == "ACME301"]

    # The narrow program's \w has no Greek letter: only the full one finds these.
    assert hits("You will see \u03b3\u03c1\u03ae\u03b3\u03bf\u03c1\u03b1 results.") != []
    assert hits("You will see ταχέως real results.") != []
    assert hits("You will see crème results.") != []  # narrow-safe: the narrow program
    assert hits("You will see nothing at all, no results.") == []


def test_a_chunk_beyond_latin1_in_a_long_run_finds_what_it_finds_alone() -> None:
    # From a process's second chunk on, regexes are screened by the (narrow) RE2 Sets; a chunk
    # with Greek letters skips them and runs every regex that passes its literal screen.
    from claimlint.inputs.sources import Source
    from claimlint.nlp.engine import Linter

    greek = (
        "Take 10 \u03bcg daily. Zentrofax is FDA-approved and cures arthritis in 3 days; "
        "90% of users felt relief within 24 hours, guaranteed.\n"
    )
    latin = "Crème Zentrofax clears eczema in 2 days, guaranteed or your money back.\n"

    def found(linter: Linter, text: str) -> list[tuple[str, int]]:
        return [(d.rule, d.column) for d in linter.lint(Source("p.txt", text, "text"))]

    alone = found(Linter(load_rules()), greek)
    assert alone
    linter = Linter(load_rules())
    for text in (latin, latin, greek, latin, greek):
        found(linter, text)
    assert found(linter, greek) == alone
    assert (
        linter.nlp.compiled.regex_hits._regex_set is not None
    )  # the Sets were in use for the others
