"""Pack regexes run with a small RE2 budget (linear_regex.SEARCH_MEM) so that their lazily grown
DFA caches stay small over a whole site; a program too big for it still runs, with the budget
it was accepted with."""

from __future__ import annotations

import pytest

from claimlint.packs import linear_regex
from claimlint.packs.linear_regex import compile_trusted


def test_a_program_too_big_for_the_search_budget_still_runs(monkeypatch) -> None:
    pattern = r"\b(?:(?:fast|quick|rapid)\s+){1,3}(?:relief|results)\b"
    monkeypatch.setattr(linear_regex, "SEARCH_MEM", 1024)  # nothing fits in 1 KB
    compile_trusted.cache_clear()
    try:
        program = compile_trusted(pattern, True)
        assert [*program.spans("quick relief")] == [(0, 12)]
    finally:
        compile_trusted.cache_clear()


@pytest.mark.parametrize("text", ["quick relief", "rapid fast results"])
def test_the_search_budget_finds_what_the_full_budget_finds(text: str) -> None:
    pattern = r"\b(?:(?:fast|quick|rapid)\s+){1,3}(?:relief|results)\b"
    compile_trusted.cache_clear()
    small = [*compile_trusted(pattern, True).spans(text)]
    assert small == [(0, len(text))]
