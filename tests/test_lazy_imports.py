"""spaCy (about a second to import) loads only when a document must actually be linted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from import_probe import probe as run_probe

PAGE = "# Ketamine\n\nKetamine cures depression permanently. It is completely safe.\n"
HEAVY = ("spacy", "thinc", "numpy", "markdown_it")  # markdown_it: only to read Markdown


def probe(args: list[str], cwd: Path) -> tuple[int, list[str], str]:
    """Exit code, heavy modules imported, and stdout of one CLI run in a fresh process."""
    return run_probe(args, cwd, HEAVY)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["check", "--help"],
        ["rules"],
        ["rules", "--format", "json"],
        ["explain", "--help"],  # explain itself runs the rule's examples, so it lints
        ["test-rules", "--help"],
    ],
)
def test_commands_that_lint_nothing_do_not_import_spacy(args: list[str], tmp_path: Path) -> None:
    code, heavy, _ = probe(args, tmp_path)
    assert code in (0, None)
    assert heavy == []


def test_a_cache_hit_does_not_import_spacy(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    code, heavy, first = probe(["check", "--format", "json", "page.md"], tmp_path)
    assert code == 1 and "spacy" in heavy  # the miss lints, and so needs spaCy
    code, heavy, second = probe(["check", "--format", "json", "page.md"], tmp_path)
    assert code == 1 and heavy == []
    assert second == first and first.strip()


def test_no_cache_imports_spacy_again(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    probe(["check", "page.md"], tmp_path)
    _, heavy, _ = probe(["check", "--no-cache", "page.md"], tmp_path)
    assert "spacy" in heavy


def test_importtime_of_the_package_has_no_spacy() -> None:
    """`import claimlint.cli` and `claimlint.api` (what every command pays) stay light."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import claimlint.cli, claimlint.api"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert not {m for m in imported if m.split(".")[0] in HEAVY}
