"""The diagnostic contract: what every formatter, cache entry and test sees of a finding.

Pure Python on purpose: formatters and the cache must not pay for importing spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit status."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, positioned in the source file (1-based lines, character columns).

    Field order is the sort order of the contract: path, line, column, rule.
    """

    path: str
    line: int
    column: int
    rule: str
    end_line: int
    end_column: int
    name: str = field(compare=False)
    category: str = field(compare=False)
    severity: str = field(compare=False)
    message: str = field(compare=False)
    excerpt: str = field(compare=False, default="")
    suggestion: str | None = field(compare=False, default=None)
    fix: str | None = field(compare=False, default=None)
    # Why the rule fired, as (question, answer) pairs: subject, claim, assertion... (additive)
    analysis: tuple[tuple[str, str], ...] | None = field(compare=False, default=None)

    def __post_init__(self) -> None:
        """Accept the analysis as a mapping or as JSON lists (the cache stores it so)."""
        value = self.analysis
        if value is None or (isinstance(value, tuple) and all(type(p) is tuple for p in value)):
            return
        pairs = value.items() if isinstance(value, dict) else value
        object.__setattr__(self, "analysis", tuple((str(k), str(v)) for k, v in pairs))

    @property
    def level(self) -> Severity:
        return Severity.parse(self.severity)

    def to_json(self) -> dict[str, Any]:
        """The JSON object of DESIGN.md, keys in contract order; optional keys only when set."""
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
        }
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.fix:
            data["fix"] = self.fix
        if self.analysis:
            data["analysis"] = dict(self.analysis)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Diagnostic:
        known = {k: data[k] for k in asdict_keys() if k in data}
        return cls(**known)


def asdict_keys() -> tuple[str, ...]:
    return tuple(Diagnostic.__dataclass_fields__)


def window(diagnostics: Sequence[Diagnostic], start: int, stop: int) -> Iterator[Diagnostic]:
    """diagnostics[start:stop], without reading a spilled sequence (run/spill.py) whole."""
    ranged = getattr(diagnostics, "iter_range", None)
    if ranged is not None:
        return ranged(start, stop)
    return iter(diagnostics[start:stop])


@dataclass(frozen=True)
class FileError:
    """A file that could not be linted: reported on stderr, exit status 2."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def describe_exception(err: BaseException) -> str:
    """One line for an unexpected exception: its type, its file when it has one, its text cut
    short (a message can carry a huge value)."""
    import os

    filename = getattr(err, "filename", None)
    text = " ".join(str(err).split()) or type(err).__name__
    if len(text) > 300:
        text = text[:297] + "..."
    where = f"{filename}: " if filename and str(filename) not in text else ""
    hint = "" if os.environ.get("CLAIMLINT_DEBUG") else " (CLAIMLINT_DEBUG=1 shows the traceback)"
    return f"{where}{type(err).__name__}: {text}{hint}"


__all__ = ["Diagnostic", "FileError", "Severity", "asdict", "describe_exception", "window"]
