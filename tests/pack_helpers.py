"""Shared by the engine tests that lint with a small pack of their own instead of the bundled
rules: the pack written to a temporary folder and loaded alone."""

from __future__ import annotations

import pytest

from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules


def linter_for_pack(factory: pytest.TempPathFactory, name: str, pack: str) -> Linter:
    """A Linter of `pack` (YAML text) only, loaded from its own folder named after `name`."""
    folder = factory.mktemp(name)
    (folder / "acme.yaml").write_text(pack, encoding="utf-8")
    return Linter(load_rules([folder], bundled=False))
