"""JSON-LD copy in HTML: descriptions and FAQ answers read at their exact source place, copy the
visible page repeats reported in both places (search results show the markup's copy), broken or
huge blocks ignored."""

from __future__ import annotations

import json
import random
import time

import pytest

from claimlint.inputs.readers import jsonld
from claimlint.inputs.readers.html import read_html
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules

LINTER = Linter(load_rules())


def lint(text: str):
    return LINTER.lint(Source("page.html", text, "html"))


def at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1 :]


def page(script: str, body: str = "<p>Book a visit.</p>") -> str:
    return (
        "<!doctype html>\n<html><head><title>Clinic</title>\n"
        '<script type="application/ld+json">\n'
        f"{script}\n"
        "</script>\n"
        f"</head><body>\n{body}\n</body></html>\n"
    )


FAQ = (
    '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [\n'
    ' {"@type": "Question", "name": "Does Velorin cure shingles?",\n'
    '  "acceptedAnswer": {"@type": "Answer", "text": "Yes. Velorin cures shingles for good."}}\n'
    "]}"
)


def test_faq_answer_text_is_prose_at_its_place_and_the_question_is_not() -> None:
    text = page(FAQ)
    found = [d for d in lint(text) if d.rule == "CL101"]
    assert len(found) == 1, found
    assert found[0].line == 6
    assert at(text, found[0].line, found[0].column).startswith("Velorin cures shingles")


def test_answer_type_after_its_text_and_suggested_answers_count() -> None:
    script = (
        '{"@type": "QAPage", "mainEntity": {"@type": "Question", "name": "Is it any good?",\n'
        ' "suggestedAnswer": [{"text": "Dermalux erases eczema overnight."}],\n'
        ' "hasPart": {"text": "Corvane heals gout in a day.", "@type": ["Answer", "Thing"]}}}'
    )
    text = page(script)
    blocks = read_html(text).prose.text.split("\n\n")
    assert "Dermalux erases eczema overnight." in blocks
    assert "Corvane heals gout in a day." in blocks
    assert not [b for b in blocks if "any good" in b]
    found = [d for d in lint(text) if d.category == "efficacy"]
    assert found
    for diag in found:
        assert at(text, diag.line, diag.column).startswith(diag.excerpt.split()[0])


def test_text_of_other_objects_is_not_copy() -> None:
    script = (
        '{"@type": "WebPage", "text": "Velorin cures shingles.", "name": "Velorin cures shingles"}'
    )
    assert not [d for d in lint(page(script)) if d.category == "efficacy"]


def test_escaped_characters_keep_exact_columns() -> None:
    script = (
        '{"@type": "Product", "name": "Calmora",\n'
        ' "description": "Caf\\u00e9 \\"Calm\\" \\/ tea\\n\\tCalmora ends anxiety forever."}'
    )
    text = page(script)
    found = [d for d in lint(text) if d.category in ("efficacy", "guarantee")]
    assert found, found
    for diag in found:
        rest = at(text, diag.line, diag.column)
        assert rest.startswith(diag.excerpt.split()[0]), (diag, rest)
    prose = read_html(text).prose.text
    assert 'Café "Calm" / tea' in prose


def test_html_tags_inside_an_answer_are_not_prose() -> None:
    script = (
        '{"@type": "Answer", "text": "<p>Our <strong>Nervexa</strong> drops '
        'cure neuropathy.</p><a href=\\"/x\\">More</a>"}'
    )
    text = page(script)
    prose = read_html(text).prose.text
    assert "<" not in prose and "Nervexa" in prose
    found = [d for d in lint(text) if d.category == "efficacy"]
    assert found
    assert at(text, found[0].line, found[0].column).startswith(found[0].excerpt.split()[0])


def test_copy_the_visible_page_repeats_is_reported_in_the_markup_and_where_it_shows() -> None:
    script = '{"@type": "Product", "description": "Lumora reverses hair loss in 30 days."}'
    body = "<p>Lumora  reverses hair\nloss in 30 days.</p>"
    text = page(script, body)
    found = [d for d in lint(text) if d.category == "efficacy"]
    assert {d.line for d in found} == {4, 7}, found
    assert at(text, 4, next(d.column for d in found if d.line == 4)).startswith(
        "reverses hair loss in 30 days"
    )


def test_copy_only_in_json_ld_beside_a_repeated_answer() -> None:
    script = (
        '{"@type": "FAQPage", "mainEntity": ['
        '{"@type": "Question", "acceptedAnswer": {"@type": "Answer", "text": "Book online."}},'
        '{"@type": "Question", "acceptedAnswer": {"@type": "Answer", '
        '"text": "Our patch cures migraines for good."}}]}'
    )
    text = page(script, "<p>Book online.</p>")
    assert [d.line for d in lint(text) if d.rule == "CL101"] == [4]


@pytest.mark.parametrize(
    "script",
    [
        '{"@type": "Product", "description": "Zentra cures insomnia forever", broken',
        '{"@type": "Product", "description": "Zentra cures insomnia forever",}',
        '{"@type": "Product", "description": "Zentra cures insomnia forever"',
        '[{"description": "Zentra cures insomnia forever"} {"x": 1}]',
        '{"description": "Zentra cures insomnia forever"} trailing',
        "{'description': 'Zentra cures insomnia forever'}",
        '{"description": "Zentra cures \\x insomnia forever"}',
        '{"description": "Zentra cures insomnia forever\\u12"}',
        '{"description" "Zentra cures insomnia forever"}',
        "",
        "   ",
        '{"a": tru}',
        '{"a": 01}',
    ],
)
def test_malformed_json_is_ignored(script: str) -> None:
    assert jsonld.copy_strings(script, 0, len(script)) == []
    text = page(script)
    assert "Zentra" not in read_html(text).prose.text
    assert not [d for d in lint(text) if d.category in ("efficacy", "guarantee")]


def test_every_cut_of_a_block_reads_without_error() -> None:
    block = json.dumps(
        {
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": "Q?",
                    "acceptedAnswer": {"@type": "Answer", "text": 'A \u00e9 "b"'},
                },
                {"description": "D", "n": [1, -2.5e3, True, False, None, {}, []]},
            ],
        }
    )
    whole = jsonld.copy_strings(block, 0, len(block))
    assert len(whole) == 2
    for end in range(len(block)):
        jsonld.copy_strings(block, 0, end)  # never raises
    rng = random.Random(7)
    for _ in range(300):
        chars = list(block)
        for _ in range(3):
            chars[rng.randrange(len(chars))] = rng.choice('{}[]",:\\ u0a')
        broken = "".join(chars)
        jsonld.copy_strings(broken, 0, len(broken))


def test_copy_strings_are_spans_inside_the_quotes() -> None:
    block = '{"@type": "Answer", "text": "Hi \\"you\\"", "description": ""}'
    spans = jsonld.copy_strings(block, 0, len(block))
    read = [(block[s:e], kind) for s, e, kind in spans]
    assert read == [('Hi \\"you\\"', "paragraph"), ("", "meta")]


def test_long_and_deep_blocks_are_bounded() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"description": "' + "Velorin cures shingles. " * 30_000 + '"}'
    start = time.perf_counter()
    assert jsonld.copy_strings(deep, 0, len(deep)) == []
    assert len(huge) > jsonld.MAX_CHARS and jsonld.copy_strings(huge, 0, len(huge)) == []
    many = json.dumps([{"description": f"item {i}"} for i in range(5_000)])
    assert len(jsonld.copy_strings(many, 0, len(many))) == jsonld.MAX_STRINGS
    text = page(huge)
    assert "Velorin" not in read_html(text).prose.text
    assert time.perf_counter() - start < 5
