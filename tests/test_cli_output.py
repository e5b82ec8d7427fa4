"""What the check command shows and where: --show-source, --color (NO_COLOR, FORCE_COLOR),
-o/--output-file for every format, --show-files, --show-settings, and the progress bar."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.api import lint_text
from claimlint.cli import cli
from claimlint.console.style import use_color
from claimlint.outputs.formats import FORMAT_NAMES

PAGE = "# Infusions\n\nOur infusions are completely safe for every guest.\n"
ESC = "\x1b["


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def check(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["check", "--no-cache", *args], env=env)


def test_show_source_prints_the_line_and_the_fix_hint_without_a_terminal(site: Path) -> None:
    plain = check("page.md")
    assert plain.exit_code == 1 and "help:" not in plain.stdout  # not a terminal: terse
    shown = check("page.md", "--show-source")
    assert shown.exit_code == 1
    assert "    3 | Our infusions are completely safe for every guest." in shown.stdout
    assert "^^^^^^^^^^^^^^^" in shown.stdout
    assert "= help: Name the common side effects" in shown.stdout
    assert "help:" not in check("page.md", "--no-show-source").stdout


@pytest.mark.parametrize(
    ("choice", "env", "coloured"),
    [
        ("always", {}, True),
        ("always", {"NO_COLOR": "1"}, True),  # the command line wins
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),  # CliRunner's stdout is no terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "0"}, False),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_color_follows_the_option_then_no_color_and_force_color(
    site: Path, choice: str, env: dict[str, str], coloured: bool
) -> None:
    result = check("page.md", "--show-source", "--color", choice, env=env)
    assert result.exit_code == 1
    assert (ESC in result.stdout) is coloured
    assert "Absolute safety claim" in result.stdout


def test_auto_colour_on_a_terminal() -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    assert use_color("auto", Tty(), {}) is True
    assert use_color("auto", Tty(), {"NO_COLOR": "x"}) is False
    assert use_color("auto", None, {}) is False


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_output_file_holds_exactly_what_stdout_would(site: Path, fmt: str) -> None:
    to_stdout = check("page.md", "--format", fmt)
    to_file = check("page.md", "--format", fmt, "-o", "report.out")
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    written = (site / "report.out").read_text(encoding="utf-8")
    if fmt == "html":  # a fresh nonce per report
        assert written.count("<mark") == to_stdout.stdout.count("<mark") > 0
    elif fmt == "sarif":
        assert json.loads(written) == json.loads(to_stdout.stdout)
    else:
        assert written == to_stdout.stdout
    assert sorted(p.name for p in site.iterdir()) == ["page.md", "report.out"]  # no temp file


def test_output_file_replaces_atomically_and_is_never_coloured_by_auto(site: Path) -> None:
    (site / "out.txt").write_text("old report\n", encoding="utf-8")
    result = check("page.md", "--show-source", "--output-file", "out.txt", env={"FORCE_COLOR": ""})
    assert result.exit_code == 1
    text = (site / "out.txt").read_text(encoding="utf-8")
    assert "old report" not in text and "CL401" in text and ESC not in text


def test_output_file_in_a_missing_folder_is_an_error(site: Path) -> None:
    result = check("page.md", "-o", "no/such/folder/out.json", "--format", "json")
    assert result.exit_code == 2
    assert "cannot write the report: no/such/folder/out.json" in result.stderr


def test_show_files_lists_what_is_linted_and_why_the_rest_is_skipped(site: Path) -> None:
    (site / "drafts").mkdir()
    (site / "drafts" / "old.md").write_text(PAGE, encoding="utf-8")
    (site / "notes.py").write_text("x = 1\n", encoding="utf-8")
    (site / ".claimlint.yaml").write_text("exclude: ['drafts/**']\n", encoding="utf-8")
    result = check("--show-files")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "lint  page.md" in lines
    assert "skip  .claimlint.yaml  (hidden file)" in lines
    assert any(line.startswith("skip  drafts/old.md  (excluded by ") for line in lines)
    assert any(line.startswith("skip  notes.py  (extension not linted") for line in lines)
    assert not (site / ".claimlint_cache").exists()  # nothing was linted
    missing = check("--show-files", "nowhere.md")
    assert missing.exit_code == 2 and "nowhere.md: no such file or folder" in missing.stderr


def test_show_settings_prints_the_resolved_configuration(site: Path) -> None:
    (site / "pages").mkdir()
    (site / "pages" / "a.md").write_text(PAGE, encoding="utf-8")
    (site / ".claimlint.yaml").write_text(
        "ignore: [CL601]\nfail-on: warning\nper-file-ignores:\n  'pages/*.md': [CL401]\n",
        encoding="utf-8",
    )
    result = check("--show-settings", "pages/a.md", "--format", "json", "--ignore", "CL2")
    assert result.exit_code == 0, result.output
    settings = json.loads(result.stdout)
    assert settings["configuration"] == str(site / ".claimlint.yaml")
    assert settings["fail-on"] == "warning"
    assert settings["ignore"] == ["CL601", "CL2", "CL401"]
    enabled = settings["enabled-rules"]
    assert "CL101" in enabled and not {"CL601", "CL201", "CL202", "CL401"} & set(enabled)
    as_yaml = check("--show-settings", "page.md")
    assert as_yaml.exit_code == 0 and "fail-on: warning" in as_yaml.stdout
    assert "- CL401" in as_yaml.stdout  # page.md is not under pages/
    missing = check("--show-settings", "nowhere.md")
    assert missing.exit_code == 2 and "nowhere.md" in missing.stderr


def _run_with_stderr_on(tty: bool, folder: Path, *args: str) -> tuple[int, str]:
    """Run the real command with stderr on a pseudo-terminal (or a pipe); return its stderr."""
    command = [sys.executable, "-m", "claimlint", "check", "--no-cache", "-j", "1", *args]
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    if not tty:
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env)
        return done.returncode, done.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.DEVNULL, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(site: Path) -> None:
    for i in range(24):
        (site / f"p{i:02}.md").write_text(f"# Page {i}\n\nPlain words here.\n", encoding="utf-8")
    code, stderr = _run_with_stderr_on(True, site, ".")
    assert code == 1 and "Linting" in stderr and "25/25" in stderr
    code, stderr = _run_with_stderr_on(True, site, ".", "--quiet")
    assert code == 1 and "Linting" not in stderr
    code, stderr = _run_with_stderr_on(False, site, ".")
    assert code == 1 and stderr == ""


@pytest.mark.parametrize("fmt", ["md", "markdown", "html", "text"])
def test_lint_text_accepts_the_command_line_format_names(fmt: str) -> None:
    text = {"html": "<p>Ketamine cures depression.</p>"}.get(fmt, "Ketamine cures depression.")
    assert {d.rule for d in lint_text(text, fmt=fmt)} >= {"CL101"}


def test_markdown_format_names_read_markdown() -> None:
    text = "```\nKetamine cures depression.\n```\n"
    assert lint_text(text, fmt="md") == lint_text(text, fmt="markdown") == []
    assert lint_text(text, fmt="text")  # as plain text the fenced line is prose


@pytest.mark.parametrize("fmt", ["docx", "htm", "Markdown", ""])
def test_lint_text_rejects_other_format_names(fmt: str) -> None:
    with pytest.raises(ValueError, match="unknown document format"):
        lint_text("Ketamine cures depression.", fmt=fmt)
