"""Shared by the engine tests that lint with a small pack of their own instead of the bundled
rules: the pack written to a temporary folder and loaded alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.api import lint_text
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, load_rules


def linter_for_pack(factory: pytest.TempPathFactory, name: str, pack: str) -> Linter:
    """A Linter of `pack` (YAML text) only, loaded from its own folder named after `name`."""
    folder = factory.mktemp(name)
    (folder / "acme.yaml").write_text(pack, encoding="utf-8")
    return Linter(load_rules([folder], bundled=False))


def rules_on_page(linter: Linter, text: str) -> set[str]:
    """The rule ids `linter` reports on `text` as a one-page Markdown document."""
    return {d.rule for d in linter.lint(Source("page.md", text + "\n", "markdown"))}


def bundled_line_rules(text: str) -> set[str]:
    """The line-level rule ids the bundled packs report on `text` as a plain-text page."""
    return {d.rule for d in lint_text(text, path="page.txt") if d.category != "document"}


def load_error(folder: Path, pack: str) -> str:
    """The PackError message of loading `pack` (YAML text) alone from `folder`."""
    (folder / "bad.yaml").write_text(pack, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_rules([folder], bundled=False).rules  # noqa: B018 - parsing is lazy
    return str(info.value)
