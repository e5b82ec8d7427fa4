"""Baselines: recorded findings stay silent through unrelated edits; new ones still appear."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.diagnostics import Diagnostic
from claimlint.run.baseline import (
    BaselineError,
    apply_baseline,
    fingerprints,
    read_baseline,
    write_baseline,
)

SAFE = "Our infusions are completely safe for every guest.\n"  # CL401
SURE = "Guaranteed results, every time.\n"  # CL601


def diag(line: int, excerpt: str = "completely safe", path: str = "a.md") -> Diagnostic:
    return Diagnostic(
        path, line, 3, "CL401", line, 12, "absolute-safety-claim", "safety", "error", "msg", excerpt
    )


def test_fingerprints_ignore_lines_and_whitespace_but_count_repeats() -> None:
    moved = fingerprints([diag(3), diag(40, "Completely   SAFE")])
    assert moved[0] != moved[1]  # the same finding twice: occurrence 0 and 1
    assert fingerprints([diag(100), diag(101)]) == moved
    assert fingerprints([diag(3, path="b.md")])[0] != moved[0]
    assert fingerprints([diag(3, "totally safe")])[0] != moved[0]


def test_apply_respects_multiplicity(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, [diag(3)])
    result = apply_baseline(baseline, [diag(10), diag(20)])
    assert [d.line for d in result.diagnostics] == [20] and result.matched == 1
    assert apply_baseline(baseline, []).stale == 1


def test_paths_are_stored_relative_to_the_baseline(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path)
    write_baseline(tmp_path / "baseline.json", [diag(3, path="site/a.md")])
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"] == "claimlint"
    assert [f["path"] for f in data["findings"]] == ["site/a.md"]
    assert not any("line" in f for f in data["findings"])
    monkeypatch.chdir(tmp_path / "site")  # the same file named from another folder still matches
    assert apply_baseline(tmp_path / "baseline.json", [diag(9, path="a.md")]).diagnostics == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"tool": "other", "version": 1, "findings": []}', "not a claimlint baseline"),
        ('{"tool": "claimlint", "version": 99, "findings": []}', "version 99"),
        ('{"tool": "claimlint", "version": 1, "findings": [1]}', "key 'findings'"),
    ],
)
def test_bad_baselines_are_named(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=problem) as caught:
        read_baseline(path)
    assert str(path) in str(caught.value)


def test_cli_baseline_survives_inserted_lines(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text(f"# Visit us\n\n{SAFE}", encoding="utf-8")

    def check(*args: str):
        return CliRunner().invoke(cli, ["check", "page.md", "--isolated", *args])

    written = check("--write-baseline", "claimlint-baseline.json")
    assert written.exit_code == 0 and "recorded 1 finding" in written.stderr
    assert check("--baseline", "claimlint-baseline.json").exit_code == 0

    # Insert lines above the recorded finding: still silent.
    page.write_text(f"# Visit us\n\nNew opening hours.\n\nParking is free.\n\n{SAFE}", "utf-8")
    quiet = check("--baseline", "claimlint-baseline.json", "--format", "json")
    assert quiet.exit_code == 0 and json.loads(quiet.output) == []

    # A new finding (and a second copy of the recorded one) still appear.
    page.write_text(f"# Visit us\n\n{SURE}\n{SAFE}\n{SAFE}", encoding="utf-8")
    loud = check("--baseline", "claimlint-baseline.json", "--format", "json")
    assert loud.exit_code == 1
    assert sorted(d["rule"] for d in json.loads(loud.output)) == ["CL401", "CL601"]

    missing = check("--baseline", "nope.json")
    assert missing.exit_code == 2 and "nope.json: no such file" in missing.stderr
