"""Built-in paths stay linear on hostile runs of punctuation and long words."""

from __future__ import annotations

import pytest
from limits_support import run_python

from claimlint.nlp.sentences import split_block


def _sentences_in_a_subprocess(text_expr: str) -> int:
    """How many sentences split_block finds in `text_expr`, run in a subprocess with a timeout."""
    out = run_python(
        f"""
        from claimlint.nlp.sentences import split_block
        text = {text_expr}
        print(len(split_block(text, 0, len(text))))
        """,
        timeout=30,
    )
    return int(out)


@pytest.mark.parametrize("unit", [".", "!?", "…", ".!"])
def test_sentence_splitter_is_linear_on_punctuation_runs(unit: str) -> None:
    # 40,000 repetitions: a quadratic splitter needs many minutes here, a linear one a blink.
    assert _sentences_in_a_subprocess(f'"Ketamine cures. " + {unit!r} * 40_000 + "x"') == 2


@pytest.mark.parametrize("closer", ["*", "†", "¹", ")"])
def test_sentence_splitter_is_linear_on_runs_of_closers(closer: str) -> None:
    # Note signs after a full stop that no sentence follows: with the closers taken one way
    # after another a run of 40 took 2^40 tries; taken possessively, one.
    assert _sentences_in_a_subprocess(f'"Terms apply." + {closer!r} * 40 + "\\n"') == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Supports memory.* Promotes calm.† Next.",
            ["Supports memory.*", "Promotes calm.†", "Next."],
        ),
        (
            "It eases pressure.1,5 Ketamine can be misused.2–4 At our doses it is safe.",
            ["It eases pressure.1,5", "Ketamine can be misused.2–4", "At our doses it is safe."],
        ),
        (
            "Take 3.5 mg daily. See p.5 of the leaflet.",
            ["Take 3.5 mg daily.", "See p.5 of the leaflet."],
        ),
        (
            "America's No.1 Ketamine clinic. Ch.2 Results follow.",
            ["America's No.1 Ketamine clinic.", "Ch.2 Results follow."],
        ),
    ],
)
def test_note_signs_and_note_numbers_end_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_block(text, 0, len(text))] == expected


def test_splitter_still_cuts_after_runs_and_quotes() -> None:
    text = 'It works!!! Really?! "Yes." Dr. Smith agrees... Fine'
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans == ["It works!!!", "Really?!", '"Yes."', "Dr. Smith agrees...", "Fine"]


def test_citation_regex_is_linear_on_a_long_hyphenated_word() -> None:
    # 120 KB of "Ab-Ab-..." beside a year: the author-year cue backtracked through the word
    # from every capital (80 KB took 32 s); on RE2 it is one scan.
    out = run_python(
        """
        from claimlint.api import lint_text
        word = "-".join(["Ab"] * 40_000)
        found = lint_text("Ketamine cures depression " + word + " 2020.\\n", path="a.md")
        print(sorted({d.rule for d in found}))
        """,
        timeout=60,
    )
    assert "CL101" in out


TOKEN_PACK = """\
lexicons:
  thing:
    tokens: [PATTERN]
rules:
  - id: XX902
    name: token-rule
    category: guarantee
    severity: warning
    summary: A rule on a token pattern.
    message: 'Token: "{excerpt}"'
    match: {all: [thing]}
"""


def _pack(tmp_path, pattern: str):
    from claimlint.packs import load_rules

    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    (folder / "tok.yaml").write_text(TOKEN_PACK.replace("PATTERN", pattern))
    return load_rules([folder])


@pytest.mark.parametrize(
    ("pattern", "field", "words"),
    [
        ("[" + "{OP: '*'}, " * 8 + "{LOWER: zzz}]", "tokens[0][0].OP", "quadratic"),
        ("[{LOWER: a}, {OP: '+'}, {LOWER: b}]", "tokens[0][1].OP", "word list"),
        ("[{LOWER: {IN: [a, b]}}, {LOWER: {IN: [b, c]}, OP: '*'}]", "tokens[0][1].OP",
         "must not accept"),
        ("[{LOWER: a}, {LOWER: b, OP: '*'}, {LOWER: c}, {LOWER: d, OP: '+'}]", "tokens[0][3].OP",
         "once per"),
        ("[" + "{LOWER: a}, " * 13 + "{LOWER: b}]", "tokens[0]", "at most 12"),
        ("[" + "{LOWER: a, OP: '?'}, " * 5 + "{LOWER: b}]", "tokens[0][4].OP", "at most 4"),
        ("[{LOWER: {IN: [" + ", ".join(f"w{i}" for i in range(5001)) + "]}}]",
         "tokens[0][0].LOWER.IN", "at most 5000"),
        ("[{LOWER: {REGEX: '(?<=a)b'}}]", "tokens[0][0].LOWER.REGEX", "lookarounds"),
    ],
)  # fmt: skip
def test_token_patterns_are_bounded_at_load_time(
    tmp_path, pattern: str, field: str, words: str
) -> None:
    from claimlint.packs import PackError

    with pytest.raises(PackError) as caught:
        _pack(tmp_path, pattern)
    err = caught.value
    assert err.path.endswith("tok.yaml") and err.where == "lexicon 'thing'"
    assert err.field_name == field and words in err.problem


def test_token_regex_runs_on_the_linear_engine_and_still_matches(tmp_path) -> None:
    _pack(tmp_path, "[{LOWER: {REGEX: '^(a|a?)+b$'}}, {LOWER: cures}]")
    out = run_python(
        f"""
        from claimlint.api import lint_text
        from claimlint.nlp.engine import Linter
        from claimlint.packs import load_rules

        linter = Linter(load_rules([{str(tmp_path / "packs")!r}]))
        text = "aaab cures. " + "a" * 3000 + "c cures.\\n"  # hours for Python's re
        print([(d.rule, d.excerpt) for d in lint_text(text, path="a.md", linter=linter)])
        patterns = linter.nlp.compiled.tokens.get("thing")[1]
        print(any("REGEX" in repr(p) for p in patterns))  # spaCy would run it with re
        """,
        timeout=60,
    )
    assert out.splitlines() == ["[('XX902', 'aaab cures')]", "False"]


def test_only_bundled_lookbehinds_run_on_python_re_and_they_stay_linear() -> None:
    out = run_python(
        """
        from claimlint.packs import load_rules
        from claimlint.packs.linear_regex import LinearRegex, compile_pack

        rules = load_rules()
        patterns = {p for lexicon in rules.lexicons.values() for p in lexicon.regex}
        for modifier in rules.modifiers.values():
            patterns.update(modifier.links)
        on_re = [p for p in patterns if not isinstance(compile_pack(p), LinearRegex)]
        hostile = ". " * 20_000 + "same " * 20_000 + "the exact " * 10_000 + "a" * 100_000
        for pattern in on_re:
            assert "(?<" in pattern, pattern  # a lookbehind, nothing else
            list(compile_pack(pattern).spans(hostile))
        print(len(patterns), len(on_re))
        """,
        timeout=60,
    )
    total, on_re = map(int, out.split())
    assert total > 40 and on_re <= 3


def test_bundled_token_patterns_are_linear_on_repeated_words() -> None:
    # A word that both opens a token pattern and is repeated by its '*' made the Matcher
    # quadratic: 4,000 "proven" took 7 s, a 200 KB chunk of them would take minutes.
    out = run_python(
        """
        from claimlint.api import lint_text
        text = "Ketamine is " + "proven " * 30_000 + "effective.\\n"
        print(sorted({d.rule for d in lint_text(text, path="a.md")}))
        """,
        timeout=60,
    )
    assert out.startswith("[")
