"""Which files a folder walk lints inside a git work tree: git's own answer (or, without git,
every ignore file from the repository root down, in git's precedence), whichever folder is
named; and one file named three ways is linted once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.inputs.discovery import expand_paths

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
PAGE = "# Page\n\nPlain words about our opening hours.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def write(path: Path, text: str = PAGE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose ignore rules live above, beside and below the linted folders."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root / ".gitignore", "build/\nsecret.md\n*.draft.md\n")
    write(root / ".git" / "info" / "exclude", "local-notes.md\n")
    for name in ("page.md", "build/out.md", "secret.md", "local-notes.md", "x.draft.md"):
        write(root / "site" / name)
    # a root `*.md` would hide every page; the sub-folder's negation brings page.md back
    write(root / "blog" / ".gitignore", "*.md\n!page.md\n")
    write(root / "blog" / "page.md")
    write(root / "blog" / "other.md")
    write(root / "blog" / "deep" / "page.md")
    write(root / "blog" / "deep" / "other.md")
    return root


EXPECTED = {"site/page.md", "blog/page.md", "blog/deep/page.md"}


def linted(root: Path, folder: str) -> set[str]:
    files, errors = expand_paths([str(root / folder) if folder else str(root)])
    assert errors == []
    return {Path(f).resolve().relative_to(root.resolve()).as_posix() for f in files}


@pytest.mark.parametrize("with_git", [True, False], ids=["git", "no-git"])
@pytest.mark.parametrize("folder", ["", "site", "blog", "blog/deep"])
def test_the_same_files_whichever_folder_is_named(
    repo: Path, folder: str, with_git: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not with_git:
        monkeypatch.setenv("PATH", "")  # git cannot be run: the ignore files are read instead
    expected = {f for f in EXPECTED if not folder or f.startswith(folder + "/")}
    assert linted(repo, folder) == expected


def test_a_tracked_file_is_linted_though_a_pattern_matches_it(repo: Path) -> None:
    git(repo, "add", "-f", "blog/other.md")  # git never ignores a tracked file
    assert linted(repo, "blog") == {"blog/page.md", "blog/deep/page.md", "blog/other.md"}


def test_a_nested_repository_has_its_own_rules(repo: Path) -> None:
    inner = repo / "site" / "vendor"
    inner.mkdir()
    git(inner, "init", "-q")
    write(inner / ".gitignore", "skip.md\n")
    write(inner / "skip.md")
    write(inner / "keep.md")
    assert linted(repo, "site") == {"site/page.md", "site/vendor/keep.md"}


def test_one_file_named_three_ways_is_linted_once(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "site" / "page.md", "Ketamine cures depression overnight.\n")
    monkeypatch.chdir(repo / "blog")
    names = ["../site/page.md", str(repo / "site" / "page.md"), "../site/./page.md"]
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", *names])
    found = json.loads(result.output)
    assert found, result.output
    assert {d["path"] for d in found} == {"../site/page.md"}
    assert len(found) == len({(d["line"], d["column"], d["rule"]) for d in found})
    monkeypatch.chdir(repo / "site")
    once = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", "page.md"])
    assert len(json.loads(once.output)) == len(found)


def test_a_folder_named_twice_is_walked_once(repo: Path) -> None:
    files, _ = expand_paths([str(repo / "site"), os.path.relpath(repo / "site")])
    assert len(files) == 1


def test_a_symlinked_folder_spelling_is_the_same_file(repo: Path) -> None:
    (repo / "link").symlink_to(repo / "site")
    files, _ = expand_paths([str(repo / "site" / "page.md"), str(repo / "link" / "page.md")])
    assert files == [str(repo / "site" / "page.md")]
