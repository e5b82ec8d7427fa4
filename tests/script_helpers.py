"""Shared by the tests of the repository's build scripts (scripts/*.py): a script loaded as a
module, so that a test can call its functions without running its main()."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_build_script(name: str) -> ModuleType:
    """scripts/NAME.py as a module (its imports of sibling scripts resolve as when it runs)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
