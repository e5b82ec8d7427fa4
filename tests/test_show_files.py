"""Why a file is not linted: the discovery's skip reasons, and `check --show-files`."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.inputs.discovery import expand_paths
from claimlint.run.resolver import Resolver


def make_site(root: Path) -> None:
    (root / "pages").mkdir()
    (root / "pages" / "a.md").write_text("# A\n\nPlain words.\n", encoding="utf-8")
    (root / "pages" / "notes.py").write_text("x = 1\n", encoding="utf-8")
    (root / "pages" / ".draft.md").write_text("# Draft\n", encoding="utf-8")
    (root / "build").mkdir()
    (root / "build" / "b.md").write_text("# B\n", encoding="utf-8")
    (root / "node_modules").mkdir()
    (root / "node_modules" / "c.md").write_text("# C\n", encoding="utf-8")
    (root / ".gitignore").write_text("build/\n", encoding="utf-8")
    (root / "old.md").write_text("# Old\n", encoding="utf-8")


def test_every_skipped_path_has_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    skipped: dict[str, str] = {}
    files, errors = expand_paths(["."], on_skip=lambda p, why: skipped.setdefault(p, why))
    assert files == ["old.md", "pages/a.md"] and errors == []
    assert skipped["build"] == "ignored by .gitignore"
    assert skipped["node_modules"] == "node_modules/ is never linted"
    assert skipped["pages/.draft.md"] == "hidden file"
    assert skipped["pages/notes.py"].startswith("extension not linted")
    assert skipped[".gitignore"] == "hidden file"


def test_configuration_excludes_are_reasons_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path)
    (tmp_path / ".claimlint.yaml").write_text("exclude: ['old.md']\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    skipped: dict[str, str] = {}
    files, _ = Resolver().expand(["."], on_skip=lambda p, why: skipped.setdefault(p, why))
    assert files == ["pages/a.md"]
    assert skipped["old.md"].startswith("excluded by ") and ".claimlint.yaml" in skipped["old.md"]
