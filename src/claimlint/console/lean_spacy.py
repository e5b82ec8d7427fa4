"""Import spaCy without its command line, which claimlint never runs.

`import spacy` runs `from .cli.info import info`, and importing `spacy.cli` loads every spaCy
command with what they need: typer, jinja2, the project and training code. That is a third of
spaCy's import (about 0.1 s of a one-page run's 0.75 s), for a `spacy.info()` claimlint never
calls. The console script installs two stand-ins first: an empty `spacy.cli` package that
loads the real one the moment anything asks it for a name (`spacy.cli.download`, `app`), and a
`spacy.cli.info` whose `info` does the same before it runs. Code that imports spaCy before
them, or in another process, gets the whole of spaCy as usual; nothing changes but when the
command-line modules are loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


class _LazyPackage(types.ModuleType):
    """The stand-in `spacy.cli`: a package with the real one's path, so that its submodules
    import as before, whose first attribute lookup loads the real package."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import machinery probing __spec__, __file__...
            raise AttributeError(name)
        return getattr(real_cli(), name)


def real_cli() -> types.ModuleType:
    """Swap the stand-ins for the real `spacy.cli` (imported now) and return it."""
    for name in (_INFO, _CLI):
        if isinstance(sys.modules.get(name), (_LazyPackage, _LazyInfo)):
            del sys.modules[name]
    module = importlib.import_module(_CLI)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = module  # type: ignore[attr-defined]
    return module


class _LazyInfo(types.ModuleType):
    """The stand-in `spacy.cli.info`: its `info` runs the real one."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        real_cli()
        return getattr(importlib.import_module(_INFO), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    real_cli()
    return importlib.import_module(_INFO).info(*args, **kwargs)


def skip_spacy_cli() -> bool:
    """Install the stand-ins, unless spaCy is imported already or cannot be found; True when
    they were installed."""
    if "spacy" in sys.modules or _CLI in sys.modules:
        return False
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return False
    package = _LazyPackage(_CLI)
    package.__path__ = [os.path.join(os.path.dirname(spec.origin), "cli")]
    info = _LazyInfo(_INFO)
    info.info = _info  # type: ignore[attr-defined]
    sys.modules[_CLI] = package
    sys.modules[_INFO] = info
    return True
