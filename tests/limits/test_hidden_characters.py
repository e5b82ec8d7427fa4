"""Soft hyphens, zero-width characters and Cyrillic/Greek look-alikes inside a word do not hide
it from the rules; positions and excerpts still point at the text as written."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text
from claimlint.inputs.positions import Block, Prose, Run

SHY, ZWSP, ZWJ, WJ, BOM = "\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff"
CYR_A, CYR_ES, GREEK_ALPHA = "\u0430", "\u0441", "\u03b1"  # а, с, α

# (disguised efficacy word, disguised safety word) as the source spells them
DISGUISES = {
    "soft hyphen": (f"cu{SHY}res", f"sa{SHY}fe"),
    "zero-width space": (f"cur{ZWSP}es", f"s{ZWSP}afe"),
    "zero-width joiner and word joiner": (f"c{ZWJ}ur{WJ}es", f"saf{BOM}e"),
    "Cyrillic look-alikes": (f"{CYR_ES}ures", f"s{CYR_A}fe"),
    "Greek look-alike and soft hyphen": (f"cur{SHY}es", f"s{GREEK_ALPHA}fe"),
    "direction marks and an invisible operator": ("cu\u200ere\u200fs", "sa\u2062fe"),
    "two soft hyphens": (f"c{SHY}u{SHY}res", f"s{SHY}a{SHY}f{SHY}e"),
}


def page(cures: str, safe: str, fmt: str) -> str:
    line = f"Ketamine {cures} depression. Our infusions are completely {safe} for every guest."
    if fmt == "html":
        return f"<p>{line.replace(SHY, '&shy;')}</p>\n"
    return f"Intro line.\n\n{line}\n" if fmt == "md" else f"{line}\n"


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
@pytest.mark.parametrize("disguise", sorted(DISGUISES))
def test_a_disguised_word_is_found_where_it_is_written(disguise: str, fmt: str) -> None:
    cures, safe = DISGUISES[disguise]
    text = page(cures, safe, fmt)
    found = {d.rule: d for d in lint_text(text, path=f"page.{fmt}")}
    assert {"CL101", "CL401"} <= set(found)
    lines = text.splitlines()
    for rule, first, word in (("CL101", "Ketamine", cures), ("CL401", "completely", safe)):
        diag = found[rule]
        line = lines[diag.line - 1]
        written = line[diag.column - 1 : diag.end_column - 1]
        assert diag.column == line.index(first) + 1  # after a disguised word, too
        assert written.endswith(word.replace(SHY, "&shy;") if fmt == "html" else word)
        assert diag.excerpt == f"{first} {word}"  # the excerpt shows the text as written


def test_the_column_after_a_hidden_character_is_exact() -> None:
    text = f"Ketamine cu{SHY}{SHY}{SHY}res depression. It is 100% safe.\n"
    found = {d.rule: d for d in lint_text(text, path="page.txt")}
    assert found["CL101"].end_column == text.index("res") + 4
    assert found["CL401"].column == text.index("100%") + 1


def test_other_scripts_are_left_alone() -> None:
    from claimlint.inputs.normalise import normalise_word

    assert normalise_word("лечит") == ("лечит", None)  # Russian: no Latin letter
    assert normalise_word("сор") == ("сор", None)  # all look-alikes, but no Latin letter
    assert normalise_word("sаfeж") == ("sаfeж", None)  # a Cyrillic letter with no twin
    assert normalise_word(f"{CYR_ES}ures") == ("cures", None)
    assert normalise_word(f"cu{SHY}res") == ("cures ", (0, 1, 3, 4, 5, 2))


def test_prose_maps_moved_letters_back() -> None:
    from claimlint.inputs.normalise import normalise

    written = f"it cu{SHY}res all"
    prose = normalise(Prose(written, [Run(0, 10, len(written), len(written))], [Block(0, 16)]))
    assert prose.text == "it cures  all"
    assert prose.excerpt(3, 8) == f"cu{SHY}res"
    assert (prose.source_start(3), prose.source_end(8)) == (13, 19)
    assert prose.source_start(5) == 10 + written.index("res")


def test_text_without_hidden_characters_is_not_copied() -> None:
    from claimlint.inputs.normalise import normalise

    prose = Prose("Plain text — ünïcode, Кириллица.", [], [])
    assert normalise(prose) is prose


def test_a_long_run_of_hidden_characters_is_linear() -> None:
    from claimlint.inputs.normalise import normalise

    text = ("a" + SHY) * 200_000 + " " + (CYR_A + "b" + ZWSP) * 100_000
    prose = normalise(Prose(text, [Run(0, 0, len(text), len(text))], [Block(0, len(text))]))
    assert len(prose.text) == len(text)
    assert prose.text.startswith("a" * 200_000 + " " * 200_000)


def test_a_suggestion_survives_a_line_break_inside_the_claim() -> None:
    """The rewrite hint is found in the words as read, whatever whitespace joins them."""
    from claimlint.api import lint_text

    for glue in (" ", "\n", "\n   ", "\t"):
        text = f"# Zentrofax\n\nZentrofax is clinically{glue}proven to lift low mood.\n"
        found = [d for d in lint_text(text, path="page.md") if d.rule == "CL104"]
        assert found and found[0].suggestion, glue
        assert found[0].suggestion.startswith('"clinically proven" -> ')


MARKUP_INSIDE = {
    "a comment": ("pre<!-- x -->vents", "sa<!---->fe"),
    "an inline tag": ("pre<em>vents</em>", "<b>sa</b>fe"),
    "a link around half a word": ("[pre](/why)vents", "sa[fe](/faq)"),
}


@pytest.mark.parametrize("markup", sorted(MARKUP_INSIDE))
def test_markdown_markup_inside_a_word_does_not_split_it(markup: str) -> None:
    """A browser shows "pre<!-- x -->vents" as one word; blanking the comment made two."""
    prevents, safe = MARKUP_INSIDE[markup]
    line = f"The Lumora patch {prevents} migraines. It is totally {safe} for teens."
    found = {d.rule: d for d in lint_text(f"Intro line.\n\n{line}\n", path="page.md")}
    assert {"CL101", "CL401"} <= set(found), found
    diag = found["CL101"]
    assert line[diag.column - 1 : diag.end_column - 1].endswith(prevents.removesuffix("</em>"))


def test_a_code_span_inside_a_word_is_not_joined_into_a_new_word() -> None:
    """The code's text is shown ("sa`x`fe" reads "saxfe"): leaving it out would invent "safe"."""
    found = lint_text("Intro line.\n\nOur balm is totally sa`x`fe for teens.\n", path="page.md")
    assert not [d for d in found if d.rule == "CL401"]
