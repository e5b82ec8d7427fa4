"""Inputs that cannot be linted: one line on stderr naming the path, exit 2, the rest still linted.

One real subprocess run covers the mixed-input contract end to end (stderr, no traceback, JSON
on stdout); the other cases use click's in-process runner to stay fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimlint.cli import cli

CLAIM = "Serenitol repairs damaged neural circuitry."
WARNING_ONLY = '"Two visits in, my panic attacks are simply gone." - Lee, 38\n'  # CL106 (warning)


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", "--no-cache", "-j", "1", *args], input=stdin)


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(f"# Our care\n\n{CLAIM}\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Parking is free after six.\n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(
        "Café notes: ketamine heals the brain.\n".encode("latin-1")
    )
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01" * 8)
    (tmp_path / "empty").mkdir()
    (tmp_path / "warn.txt").write_text(WARNING_ONLY, encoding="utf-8")
    return tmp_path


def test_mixed_inputs_in_a_real_process(site: Path) -> None:
    """Latin-1, binary, missing and empty-folder inputs beside a good file, with --format json."""
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimlint",
            "check",
            "--no-cache",
            "-j",
            "1",
            "--format",
            "json",
            "latin.txt",
            "blob.txt",
            "missing.md",
            "empty",
            "good.md",
        ],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    diagnostics = json.loads(proc.stdout)  # still valid JSON although inputs failed
    assert {(d["path"], d["rule"]) for d in diagnostics} == {("good.md", "CL101")}
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    for path in ("latin.txt", "blob.txt", "missing.md", "empty"):
        mentions = [line for line in lines if path in line]
        assert len(mentions) == 1, f"{path}: {lines}"
    latin = next(line for line in lines if "latin.txt" in line)
    assert "--encoding" in latin
    assert len(lines) == 4, lines


def test_latin1_file_without_encoding_suggests_the_option(site: Path) -> None:
    result = run("latin.txt")
    assert result.exit_code == 2
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert "latin.txt" in lines[0] and "--encoding" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_latin1_file_with_encoding_is_linted(site: Path) -> None:
    result = run("--encoding", "latin-1", "--format", "json", "latin.txt")
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)
    claim = next(d for d in found if d["rule"] == "CL101")
    assert claim["path"] == "latin.txt"
    # Decoded as one character per byte: "é" is one column, "ketamine" starts at 13.
    assert (claim["line"], claim["column"]) == (1, 13)
    assert not stderr_lines(result)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("blob.txt", ("binary",)),
        ("missing.md", ("no such",)),
        ("empty", ("no files",)),
    ],
)
def test_unreadable_input_is_one_line_naming_the_path(
    site: Path, path: str, words: tuple[str, ...]
) -> None:
    result = run(path, "clean.txt")
    assert result.exit_code == 2
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert path in lines[0]
    assert all(w in lines[0].lower() for w in words), lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception


def test_other_files_are_still_reported_in_text_format(site: Path) -> None:
    result = run("--format", "concise", "missing.md", "good.md")
    assert result.exit_code == 2
    assert "good.md:3:1: CL101" in result.stdout
    assert any("missing.md" in line for line in stderr_lines(result))


def test_stdin_with_stdin_filename_uses_the_html_reader(site: Path) -> None:
    page = (
        "<html><head><style>p { content: 'ketamine cures depression'; }</style></head>\n"
        "<body><p>Hello &amp; welcome. <b>Serenitol</b> repairs damaged neural circuitry.</p>\n"
        "</body></html>\n"
    )
    result = run("--format", "json", "--stdin-filename", "page.html", "-", stdin=page)
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)
    assert [(d["path"], d["rule"], d["line"]) for d in found] == [("page.html", "CL101", 2)]
    # Column counts the source: "<body><p>Hello &amp; welcome. <b>" precedes the claim.
    assert found[0]["column"] == page.splitlines()[1].index("Serenitol") + 1


def test_stdin_as_text_reads_markup_literally(site: Path) -> None:
    # The same bytes without a .html name are plain text: the <style> content is prose.
    page = "<style>p { content: 'ketamine cures depression'; }</style>\n"
    result = run("--format", "json", "--stdin-filename", "notes.txt", "-", stdin=page)
    assert {d["rule"] for d in json.loads(result.stdout)} >= {"CL101"}
    html = run("--format", "json", "--stdin-filename", "notes.html", "-", stdin=page)
    assert json.loads(html.stdout) == []
    assert html.exit_code == 0


def test_exit_codes_clean_findings_errors(site: Path) -> None:
    assert run("clean.txt").exit_code == 0
    assert run("good.md").exit_code == 1
    assert run("missing.md").exit_code == 2
    # An error beats findings: 2, not 1.
    assert run("good.md", "missing.md").exit_code == 2


def test_fail_on_error_with_only_warnings_exits_zero(site: Path) -> None:
    result = run("--format", "json", "warn.txt")
    found = json.loads(result.stdout)
    assert found and {d["severity"] for d in found} == {"warning"}, found
    assert result.exit_code == 1  # the default fails on warnings too
    assert run("--fail-on", "error", "warn.txt").exit_code == 0
    assert run("--fail-on", "warning", "warn.txt").exit_code == 1
    # ... but an error still fails with --fail-on error.
    assert run("--fail-on", "error", "warn.txt", "good.md").exit_code == 1
