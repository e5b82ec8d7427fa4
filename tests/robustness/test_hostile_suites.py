"""Public hostile inputs (CommonMark spec examples, html5lib tree-construction data), split
into files under tmp_path (never into the repository) and linted in one run per suite.

Each case is linted as written and again with a health claim put after its first line and at
its end, so that positions are checked inside every kind of malformed markup, not only
where the suites happen to hold a claim.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from robust_support import CLAIM, check_positions, run_cli, shared_folder

FENCE = "`" * 32 + " example"


def hostile_folder() -> Path:
    shared = shared_folder()
    if shared is None:
        pytest.skip("CLAIMLINT_SHARED is unset: it names the folder holding hostile/")
    folder = shared / "hostile"
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    return folder


def commonmark_examples(spec: Path) -> list[str]:
    """The Markdown of each example: after the fence line, up to the lone '.' line."""
    examples: list[str] = []
    lines = spec.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        if lines[index] == FENCE:
            end = lines.index(".", index + 1)
            examples.append("\n".join(lines[index + 1 : end]).replace("→", "\t"))
            index = end
        index += 1
    return examples


def html5lib_inputs(folder: Path) -> list[str]:
    """Each test's #data: the lines after '#data' up to the next '#errors'."""
    inputs: list[str] = []
    for path in sorted(folder.glob("*.dat")):
        lines = path.read_text(encoding="utf-8").split("\n")
        index = 0
        while index < len(lines):
            if lines[index] == "#data":
                end = index + 1
                while end < len(lines) and lines[end] != "#errors":
                    end += 1
                inputs.append("\n".join(lines[index + 1 : end]))
                index = end
            index += 1
    return inputs


def variants(case: str, html: bool) -> list[str]:
    """The case, and the case with a claim after its first line and at its end."""
    claim = f"<p>{CLAIM}</p>" if html else CLAIM
    first, newline, rest = case.partition("\n")
    return [case, f"{first}{newline or chr(10)}{claim}\n{rest}\n\n{claim}\n"]


def lint_suite(tmp_path: Path, cases: list[str], suffix: str) -> tuple[int, float]:
    """Write the cases, lint them in one run, check the contract; (diagnostics, seconds)."""
    folder = tmp_path / "cases"
    folder.mkdir()
    texts: dict[str, str] = {}
    for number, case in enumerate(cases):
        for kind, text in enumerate(variants(case, suffix == ".html")):
            name = f"case-{number:04d}-{kind}{suffix}"
            (folder / name).write_bytes(text.encode("utf-8"))
            texts[f"cases/{name}"] = text
    started = time.perf_counter()
    run = run_cli(["check", "cases", "--format", "json", "--no-cache"], tmp_path, timeout=120)
    elapsed = time.perf_counter() - started
    assert run.code in (0, 1), run.stderr[-3000:]
    found = run.json()
    assert isinstance(found, list)
    assert {d["path"] for d in found} <= set(texts)
    return check_positions(found, texts), elapsed


def test_commonmark_spec_examples(tmp_path: Path) -> None:
    examples = commonmark_examples(hostile_folder() / "commonmark-spec.txt")
    assert len(examples) == 655
    checked, elapsed = lint_suite(tmp_path, examples, ".md")
    print(f"CommonMark: {checked} diagnostics checked in {elapsed:.1f} s")
    assert checked >= 655  # most claims survive whatever Markdown surrounds them
    assert elapsed < 60


def test_html5lib_tree_construction_inputs(tmp_path: Path) -> None:
    inputs = html5lib_inputs(hostile_folder() / "html5lib-tree-construction")
    assert len(inputs) == 1792
    checked, elapsed = lint_suite(tmp_path, inputs, ".html")
    print(f"html5lib: {checked} diagnostics checked in {elapsed:.1f} s")
    assert checked >= 1792
    assert elapsed < 60


def test_whole_hostile_folder_in_one_run(tmp_path: Path) -> None:
    """The shared folder as it is (the spec read as text, the .dat files skipped): < 1 min."""
    folder = hostile_folder()
    started = time.perf_counter()
    run = run_cli(["check", str(folder), "--format", "json", "--no-cache"], tmp_path, timeout=60)
    elapsed = time.perf_counter() - started
    assert run.code in (0, 1), run.stderr
    texts = {
        str(folder / p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".md", ".txt")
    }
    check_positions(run.json(), texts)
    print(f"whole hostile folder: {elapsed:.1f} s")
    assert elapsed < 60
