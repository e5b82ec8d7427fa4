"""claimlint: a content-compliance linter for health-care marketing copy.

Heavy modules (spaCy) load only when a document is actually linted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .api import lint_paths, lint_text
    from .diagnostics import Diagnostic, Severity
    from .engine import Linter

__all__ = ["Diagnostic", "Linter", "Severity", "__version__", "lint_paths", "lint_text"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_paths"):
        from . import api

        return getattr(api, name)
    if name in ("Diagnostic", "Severity"):
        from . import diagnostics

        return getattr(diagnostics, name)
    if name == "Linter":
        from .engine import Linter

        return Linter
    raise AttributeError(name)
