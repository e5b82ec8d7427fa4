"""The server's incremental linter finds exactly what a whole lint finds, re-matching only the
chunk an edit touched."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from script_helpers import load_script_file

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules
from claimlint.server.incremental import IncrementalLinter

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return load_script_file(GENERATOR, "claimlint_test_generate_inc")


@pytest.fixture(scope="module")
def linters() -> tuple[Linter, IncrementalLinter]:
    rules = load_rules()
    return Linter(rules), IncrementalLinter(rules)


def test_edits_give_the_whole_lint_findings_and_rematch_one_chunk(
    gen: ModuleType, linters: tuple[Linter, IncrementalLinter]
) -> None:
    whole, incremental = linters
    text = gen.big_markdown(3, 4000)
    first = incremental.lint(Source("page.md", text, "markdown"))
    assert first == whole.lint(Source("page.md", text, "markdown")) and first
    chunks = len(incremental._chunks(text, Source("p.md", text, "markdown").reading.prose.blocks))
    assert chunks > 10
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line) > 40 and line[0].isalpha()]
    edits = (" Ketamine cures depression.", " Call us today.", "")
    for n, line in enumerate(prose[5 : len(prose) : len(prose) // 6][:6]):
        edited = list(lines)
        edited[line] += edits[n % 3]
        new = "\n".join(edited)
        before = incremental.nlp.misses
        found = incremental.lint(Source("page.md", new, "markdown"))
        assert found == whole.lint(Source("page.md", new, "markdown"))
        assert incremental.nlp.misses - before <= 1


def test_a_giant_block_is_cut_as_the_cli_cuts_it(linters: tuple[Linter, IncrementalLinter]) -> None:
    whole, incremental = linters
    text = "Ketamine cures depression and more. " * 7000  # one 250,000-character paragraph
    source = Source("big.txt", text, "text")
    blocks = source.reading.prose.blocks
    assert incremental._chunks(text, blocks) == whole._chunks(text, blocks)
    assert len(whole._chunks(text, blocks)) > 1
