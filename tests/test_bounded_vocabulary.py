"""spaCy keeps every string it has seen: a pipeline that has learnt too many words is replaced,
so a server or a long audit fed new words keeps its memory bounded, with the same findings."""

from __future__ import annotations

import random
import string

import pytest

from claimlint.inputs.sources import Source
from claimlint.nlp import matcher, shared
from claimlint.nlp.engine import Linter
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.packs import load_rules

CLAIM = "Our {word} drops cure anxiety within minutes, guaranteed."


def novel_words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(10)) for _ in range(count)]


def page(seed: int) -> Source:
    words = novel_words(300, seed)
    text = CLAIM.format(word=words[0].title()) + "\n\n" + " ".join(words) + ".\n"
    return Source("page.md", text, "markdown")


@pytest.mark.parametrize("kind", [Linter, SharedPipelineLinter])
def test_a_pipeline_that_learnt_too_many_words_is_rebuilt(monkeypatch, kind) -> None:
    ruleset = load_rules()
    reference = Linter(ruleset)  # built under the real cap: it never rebuilds here
    base = len(reference.nlp.nlp.vocab.strings)
    monkeypatch.setattr(matcher, "MAX_NEW_STRINGS", 1_000)
    monkeypatch.setattr(shared, "_PIPELINES", {})  # not one an earlier test built and grew
    linter = kind(ruleset)
    seen: list[object] = []
    start = 0
    for seed in range(12):
        source = page(seed)
        pipeline = linter.nlp  # the cap is checked here, before each page
        if not seen or seen[-1] is not pipeline:
            seen.append(pipeline)
            # what this pipeline knew when built (the cap counts from there: a pipeline built
            # after other tests' packs were compiled may start with more strings than base)
            start = len(pipeline.nlp.vocab.strings)
        found = [(d.rule, d.line, d.column) for d in linter.lint(source)]
        assert found and found == [(d.rule, d.line, d.column) for d in reference.lint(source)]
        # a page teaches about 300 words
        assert len(pipeline.nlp.vocab.strings) - start < 1_000 + 2 * 320
    assert len(reference.nlp.nlp.vocab.strings) - base > 3_000  # unbounded without the cap
    assert len(seen) >= 3  # 3,600 new words: rebuilt at least twice
