"""Shared by the tests of the repository's build scripts (scripts/*.py): a script loaded as a
module, so that a test can call its functions without running its main()."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_script_file(path: Path, name: str) -> ModuleType:
    """Any script file as a module named NAME, registered in sys.modules first (dataclasses
    resolve their module while being created); benchmarks/ is a folder of scripts, not a package."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_build_script(name: str) -> ModuleType:
    """scripts/NAME.py as a module (its imports of sibling scripts resolve as when it runs)."""
    return load_script_file(SCRIPTS / f"{name}.py", name)
