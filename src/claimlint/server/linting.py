"""One warm linter per server: configuration found as the CLI finds it, results kept per text.

The Resolver (run/resolver.py) maps each document to the configuration closest to its file,
with the server's extra packs on top; its linters share one spaCy pipeline per rule set
(nlp/shared.py), so the pipeline is built once and rebuilt only when a pack changes. A change
to a configuration file or a pack drops the resolver: the next lint reads them afresh.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.sources import Source, format_of
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, Rule
from claimlint.run.config import PYPROJECT, YAML_NAMES, Config, ConfigError
from claimlint.run.resolver import Overrides, Resolver

DEFAULT_MAX_CHARS = 2_000_000  # an editor buffer past this is not linted as you type
DEFAULT_BUDGET = 10.0  # seconds one lint may take before it is abandoned
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}


@dataclass
class Outcome:
    """What linting one version of a document gave: findings, or one reason it was not linted."""

    text: str
    generation: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problem: str | None = None  # shown as a single diagnostic at the top of the document
    linter: Linter | None = None
    path: str = ""
    fmt: str = "text"

    def rule(self, rule_id: str) -> Rule | None:
        if self.linter is None:
            return None
        return next((r for r in self.linter.ruleset.rules if r.id == rule_id), None)


def is_settings_file(path: str) -> bool:
    """Could a change to this file change findings: a configuration file or a rule pack."""
    name = os.path.basename(path)
    return name in YAML_NAMES or name == PYPROJECT or name.endswith((".yaml", ".yml"))


def document_format(path: str, language_id: str | None) -> str:
    """markdown, html or text: the editor's language first, then the file's extension."""
    return LANGUAGE_FORMATS.get((language_id or "").lower()) or format_of(path)


class LintService:
    """Lints editor buffers; answers an unchanged text from the last result."""

    def __init__(
        self,
        *,
        rule_dirs: tuple[str, ...] = (),
        config_file: str | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        budget: float = DEFAULT_BUDGET,
    ) -> None:
        self.rule_dirs = rule_dirs
        self.config_file = config_file
        self.max_chars = max_chars
        self.budget = budget
        self.generation = 0
        self._resolver: Resolver | None = None
        self._results: dict[str, Outcome] = {}
        self._linters: dict[int, tuple[Linter, Linter]] = {}  # the resolver's -> incremental

    def invalidate(self) -> None:
        """Configuration or packs changed: forget the resolver and every result."""
        self._resolver = None
        self._linters.clear()
        self.generation += 1
        self._results.clear()

    def forget(self, uri: str) -> None:
        self._results.pop(uri, None)

    def last(self, uri: str) -> Outcome | None:
        return self._results.get(uri)

    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(
                Overrides(rule_dirs=self.rule_dirs), config_file=self.config_file
            )
        return self._resolver

    def linter_for(self, path: str) -> Linter:
        """The checked linter of the configuration closest to `path` (ConfigError, PackError)."""
        resolver = self.resolver()
        linter = resolver.linter_for(path)
        resolver.check()
        if id(linter) not in self._linters:
            from claimlint.server.incremental import incremental

            self._linters[id(linter)] = (linter, incremental(linter))
        return self._linters[id(linter)][1]

    def config_for(self, path: str) -> Config:
        return self.resolver().config_for(path)

    def warm(self, path: str) -> None:
        """Build the pipeline now (about a second), so that the first document is quick."""
        try:
            _ = self.linter_for(path).nlp
        except (ConfigError, PackError, OSError):
            pass  # reported on the first document instead

    def lint(self, uri: str, path: str, text: str, language_id: str | None = None) -> Outcome:
        """Findings for this text of the document; never raises."""
        last = self._results.get(uri)
        if last is not None and last.text == text and last.generation == self.generation:
            return last
        fmt = document_format(path, language_id)
        outcome = Outcome(text, self.generation, path=path, fmt=fmt)
        self._results[uri] = outcome
        if len(text) > self.max_chars:
            outcome.problem = (
                f"not linted: {len(text):,} characters, more than the {self.max_chars:,} "
                "claimlint lints as you type (run `claimlint check` on it instead)"
            )
            return outcome
        try:
            outcome.linter = self.linter_for(path)
        except (ConfigError, PackError) as err:
            outcome.problem = f"not linted: configuration error: {err}"
            return outcome
        except OSError as err:
            outcome.problem = f"not linted: {err.strerror or err}"
            return outcome
        outcome.diagnostics = self._run(outcome, Source(path, text, fmt))
        return outcome

    def _run(self, outcome: Outcome, source: Source) -> list[Diagnostic]:
        from claimlint.nlp.limits import TimeBudgetExceeded, lint_within_budget

        assert outcome.linter is not None
        try:
            return lint_within_budget(outcome.linter, source, self.budget)
        except TimeBudgetExceeded as err:
            outcome.problem = f"not linted: {err}"
        except Exception as err:  # noqa: BLE001 - the server must outlive a bad document
            outcome.problem = f"not linted: {type(err).__name__}: {err}"
        return []

    def lint_text_as(self, outcome: Outcome, text: str) -> list[Diagnostic]:
        """Lint another text as if it were this document (for checking a planned edit)."""
        if outcome.linter is None:
            return []
        return outcome.linter.lint(Source(outcome.path, text, outcome.fmt))


def path_of(uri: str, fs_path: str | None, language_id: str | None, root: str | None) -> str:
    """The file path a document is linted as; an unsaved buffer lints as a file in the
    workspace root with its language's extension (so the root's configuration applies)."""
    if fs_path:
        return fs_path
    ext = {"markdown": ".md", "html": ".html"}.get((language_id or "").lower(), ".txt")
    name = uri.rsplit("/", 1)[-1].split(":")[-1] or "untitled"
    if not Path(name).suffix:
        name += ext
    return os.path.join(root or os.getcwd(), name)
