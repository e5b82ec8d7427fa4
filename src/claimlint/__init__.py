"""claimlint: a content-compliance linter for health-care marketing copy.

Heavy modules (spaCy) load only when a document is actually linted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimlint.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.api import lint_paths, lint_text
    from claimlint.diagnostics import Diagnostic, Severity
    from claimlint.nlp.engine import Linter

__all__ = ["Diagnostic", "Linter", "Severity", "__version__", "lint_paths", "lint_text"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_paths"):
        from claimlint import api

        return getattr(api, name)
    if name in ("Diagnostic", "Severity"):
        from claimlint import diagnostics

        return getattr(diagnostics, name)
    if name == "Linter":
        from claimlint.nlp.engine import Linter

        return Linter
    raise AttributeError(name)
