"""Rule packs from users are data, not code: safe YAML, regexes on a linear-time engine, and a
time budget that stops a document that is slow to lint without stopping the run."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from robust_support import CLAIM, run_cli

from claimlint.inputs.positions import Block
from claimlint.nlp.limits import (
    MAX_PUNCT_RUN,
    TimeBudgetExceeded,
    chunk_spans,
    document_budget,
    lint_within_budget,
    set_stage,
    tame_for_tokenizer,
    time_budget,
)
from claimlint.packs import PackError, load_rules
from claimlint.packs.linear_regex import check as regex_problem

SLOW_PACK = """\
lexicons:
  slow-thing:
    regex: ['(a|aa)*c']
rules:
  - id: XX901
    name: slow-rule
    category: guarantee
    severity: warning
    summary: A rule whose regex backtracks exponentially on a run of a's.
    message: 'Slow: "{excerpt}"'
    match: {all: [slow-thing]}
"""


def test_python_tags_are_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    pack = tmp_path / "packs" / "evil.yaml"
    pack.parent.mkdir()
    pack.write_text(f'lexicons: !!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(PackError) as caught:
        load_rules([pack.parent])
    assert "evil.yaml" in str(caught.value) and "python/object" in str(caught.value)
    run = run_cli(["check", "--rules", "packs", "."], tmp_path, timeout=60)
    assert run.code == 2 and "evil.yaml" in run.stderr
    assert not marker.exists()


# Shapes that backtrack for seconds to hours on a few thousand characters under Python's re:
# nested and overlapping quantifiers, stacked wildcards. On RE2 every one of them is linear.
BACKTRACKING = [
    r"(a+)+",
    r"(a*)*b",
    r"(\w+\s?)+$",
    r"(x+x+)+y",
    r"(.*)*x",
    r"(?:\s*\w+)*:",
    r"(a|aa)*c",
    r"(\w|\d)+x",
    r"(a|a?)+b",
    r"(a|a)*b",
    r"\w*\w*\w*\w*\w*\w*\w*x",
    r".*.*.*.*.*.*=",
    r"(a|b|ab)*c",
    r"(a+){50}b",
]


@pytest.mark.parametrize("pattern", [*BACKTRACKING, r"\bketamine\b", r"(\w+,\s)+\w+"])
def test_regexes_compile_on_the_linear_engine(pattern: str) -> None:
    assert regex_problem(pattern) is None


def test_backtracking_shapes_cost_a_scan_not_minutes(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    quoted = ", ".join("'" + p.replace("'", "''") + "'" for p in BACKTRACKING)
    (tmp_path / "packs" / "slow.yaml").write_text(SLOW_PACK.replace("'(a|aa)*c'", quoted))
    hostile = "a" * 3000 + " " + "ab" * 1500 + " " + "x" * 3000 + "\n\n" + "=" * 20 + "a" * 3000
    (tmp_path / "slow.md").write_text(f"{CLAIM}\n\n{hostile} c\n")
    run = run_cli(
        ["check", "slow.md", "--rules", "packs", "--format", "json", "--no-cache"],
        tmp_path,
        timeout=60,  # each of these takes over 5 s on Python's re: together, minutes
    )
    assert run.code == 1, run.stderr
    assert "XX901" in {d["rule"] for d in run.json()}


@pytest.mark.parametrize(
    ("pattern", "words"),
    [(r"(?<!un)safe", "lookarounds"), (r"(\w)\1", "back-references"), (r"a++", "possessive")],
)
def test_a_pack_rejected_at_load_names_file_and_regex(
    tmp_path: Path, pattern: str, words: str
) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "bad.yaml").write_text(SLOW_PACK.replace("(a|aa)*c", pattern))
    run = run_cli(["check", "--rules", "packs", "."], tmp_path, timeout=60)
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "bad.yaml" in lines[0] and "lexicon 'slow-thing'" in lines[0]
    assert repr(pattern) in lines[0]
    assert words in lines[0] and "RE2" in lines[0]


def test_the_budget_names_the_stage_that_ran_out(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(f"# Title\n\n{CLAIM}\n" * 200)
    run = run_cli(
        ["check", "docs", "--format", "json", "--no-cache"],
        tmp_path,
        timeout=60,
        env={"CLAIMLINT_TIME_BUDGET": "0.000001"},  # runs out at once, in whatever stage
    )
    assert run.code == 2
    stages = (
        r"the markdown reader|the sentence splitter|the tokenizer|the lexicon matcher|rule CL\d+"
    )
    pattern = rf"docs/page\.md: (?:{stages}|linting|the suppression comments) took longer than"
    assert re.search(pattern, run.stderr), run.stderr
    assert "rule packs" not in run.stderr


class _BusyLinter:
    nlp = None

    def lint(self, source: object) -> list:
        set_stage("rule XX901")
        while True:
            pass


def test_the_budget_stops_compiled_work_in_a_rule_and_says_which() -> None:
    with pytest.raises(TimeBudgetExceeded, match=r"^rule XX901 took longer than 0\.2 s"):
        lint_within_budget(_BusyLinter(), object(), seconds=0.2)


def test_the_default_budget_is_seconds_per_megabyte(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLINT_TIME_BUDGET", raising=False)
    assert document_budget(10_000) == 20
    assert document_budget(5 << 20) == 100  # linear work gets a linear budget
    monkeypatch.setenv("CLAIMLINT_TIME_BUDGET", "0")
    assert document_budget(10_000) is None


def test_time_budget_interrupts_and_restores() -> None:
    started = time.perf_counter()
    with pytest.raises(TimeBudgetExceeded, match="longer than 0.2 s"):
        with time_budget(0.2):  # CPU time: a busy loop spends it, a sleep would not
            while True:
                pass
    assert time.perf_counter() - started < 2
    with time_budget(5):
        pass  # the timer is cleared: nothing fires later
    time.sleep(0.1)


@pytest.mark.parametrize("limit", [50, 200, 1000])
def test_chunks_are_contiguous_and_never_over_the_limit(limit: int) -> None:
    text = ("Short one. " * 30 + "\n\n") * 5 + "x" * 3000 + "\n\n" + "word " * 400
    blocks, start = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block(start, start + len(part)))
        start += len(part) + 2
    chunks = chunk_spans(text, blocks, limit)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:], strict=False))
    assert all(0 < end - start <= limit for start, end in chunks)


def test_taming_keeps_length_and_words() -> None:
    text = "Ketamine " + "*_" * 500 + " cures\x00depression " + "!" * MAX_PUNCT_RUN
    tamed = tame_for_tokenizer(text)
    assert len(tamed) == len(text)
    assert tamed.split() == ["Ketamine", "cures", "depression", "!" * MAX_PUNCT_RUN]


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine cures depression. " * 20,
        "Кетамин лечит депрессию. Ελληνικά κείμενα χωρίς κενά" * 5,  # letters outside ASCII
        "Πολύμορφοςκαιμακρύςλόγοςχωρίςκενάκαισημεία" * 3 + " " + "·" * (MAX_PUNCT_RUN + 1),
        "Name: " + "_" * (MAX_PUNCT_RUN + 1) + " Date: " + "–" * (MAX_PUNCT_RUN + 5),
        "…" * MAX_PUNCT_RUN + "\t" + "—" * MAX_PUNCT_RUN,
    ],
)
def test_taming_is_the_plain_substitution_with_or_without_the_quick_test(text: str) -> None:
    from claimlint.nlp.limits import _PUNCT_RUN

    plain = _PUNCT_RUN.sub(lambda m: " " * len(m.group()), text)
    assert tame_for_tokenizer(text) == plain
