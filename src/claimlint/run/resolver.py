"""Which configuration, rule set and options each linted file gets, with the command line on top.

The Resolver turns the configurations found beside the files (run/config.py) and the command
line's Overrides into one Linter per configuration, checks every selector and pack before any
file is linted, and expands folders with each configuration's include/exclude/extensions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimlint.inputs.discovery import expand_paths, unique_files
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.packs.safe_yaml import short_repr
from claimlint.run.config import Config, ConfigError, find_config_file, load_config

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.diagnostics import FileError
    from claimlint.nlp.engine import Linter, Options
    from claimlint.packs import Rule, RuleSet

# -- the command line's view ---------------------------------------------------------------------


@dataclass(frozen=True)
class Overrides:
    """What the command line says; None/empty means 'as the configuration says'."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    fail_on: str | None = None
    report_unused_suppressions: bool = False


class Resolver:
    """Maps each linted path to its Config, and each distinct configuration to one Linter.

    Rule sets are read once per distinct list of rule packs, and linters with the same rule
    set share one spaCy pipeline. Configuration files are validated as they are found; rule
    packs and selectors only by check(), which must run before anything is linted: a run
    answered entirely from the cache never needs the packs parsed.
    """

    def __init__(
        self,
        overrides: Overrides | None = None,
        *,
        config_file: str | Path | None = None,
        isolated: bool = False,
        ruleset: RuleSet | None = None,
    ) -> None:
        self.overrides = overrides or Overrides()
        self.isolated = isolated
        self._explicit = load_config(config_file) if config_file else None
        self._base_ruleset = ruleset
        self._by_folder: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}
        self._rulesets: dict[tuple[str, ...], RuleSet] = {}
        self._linters: dict[tuple, Linter] = {}
        self._unchecked: list[tuple[Config, RuleSet]] = []
        self._checked: set[tuple[int, str]] = set()

    # configuration per path
    def config_for(self, path: str | Path) -> Config:
        """The configuration that governs a file or folder (cached per folder)."""
        if self._explicit is not None:
            return self._explicit
        if self.isolated:
            return self._default()
        start = Path(os.path.abspath(path))
        folder = start if start.is_dir() else start.parent
        if folder not in self._by_folder:
            found = find_config_file(folder)
            if found is None:
                self._by_folder[folder] = self._default()
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                self._by_folder[folder] = self._by_file[found]
        return self._by_folder[folder]

    def _default(self) -> Config:
        key = Path("<defaults>")
        if key not in self._by_file:
            self._by_file[key] = Config(root=Path.cwd())
        return self._by_file[key]

    def fail_on_for(self, path: str) -> str:
        """--fail-on wins, then the file's `fail-on`, then info."""
        if self.overrides.fail_on:
            return self.overrides.fail_on
        if path == "-" or not path:
            return self.config_for(Path.cwd()).fail_on or "info"
        return self.config_for(path).fail_on or "info"

    def expand(
        self, paths: Iterable[str], on_skip: Callable[[str, str], None] | None = None
    ) -> tuple[list[str], list[FileError]]:
        """Files to lint under the configuration's extensions, include and exclude;
        `on_skip` hears of each path passed over and why (--show-files)."""
        from claimlint.inputs.sources import DEFAULT_EXTENSIONS

        files: list[str] = []
        errors: list[FileError] = []
        for given in paths:
            if given == "-":
                files.append(given)
                continue
            folder_config = self.config_for(given)
            extensions = folder_config.extensions or DEFAULT_EXTENSIONS
            found, problems = expand_paths([given], extensions, on_skip)
            errors.extend(problems)
            walked = os.path.isdir(given)
            for path in found:
                config = self.config_for(path)
                if config.excluded(path):
                    if on_skip is not None:
                        on_skip(path, f"excluded by {config.name} (include/exclude)")
                    continue
                if walked and config.extensions and not path.lower().endswith(config.extensions):
                    if on_skip is not None:
                        on_skip(path, f"extension not in {config.name} `extensions`")
                    continue
                files.append(path)
        return unique_files(files), errors

    # linters
    def ruleset_for(self, config: Config) -> RuleSet:
        """The base rule set plus --rules plus the configuration's `rules` packs (read, not
        yet parsed: see check())."""
        from claimlint.packs import lazy_rules

        if not config.rules and self._base_ruleset is not None:
            return self._base_ruleset  # already holds the bundled packs and --rules
        dirs = self.ruleset_dirs(config)
        if dirs not in self._rulesets:
            self._rulesets[dirs] = lazy_rules([Path(d) for d in dirs])
        return self._rulesets[dirs]

    def ruleset_dirs(self, config: Config) -> tuple[str, ...]:
        """The packs a configuration adds to the bundled ones: --rules, then its `rules`."""
        return tuple(self.overrides.rule_dirs) + tuple(str(p) for p in config.rules)

    def ruleset_in(self, folder: str | Path) -> RuleSet:
        """The rule set `check` uses for files in this folder, parsed (PackError, ConfigError):
        the bundled packs, --rules and the governing configuration's `rules` packs."""
        return self.ruleset_for(self.config_for(folder)).load()

    def options_for(self, config: Config, path: str) -> Options:
        """Command line over file: --select replaces the file's select/extend-select/ignore;
        --ignore adds to the file's ignore; per-file-ignores always apply."""
        from claimlint.nlp.engine import Options

        over = self.overrides
        if over.select:
            select, ignore = over.select, over.ignore
        else:
            select = (config.select + config.extend_select) if config.select else ()
            ignore = config.ignore + over.ignore
        ignore = ignore + (config.file_ignores(path) if path != "-" else ())
        provided = config.provided(path) if path != "-" else ()
        return Options(
            select=select,
            ignore=ignore,
            severity=dict(config.severity),
            provided={"*": provided} if provided else {},
            report_unused_suppressions=bool(
                over.report_unused_suppressions or config.report_unused_suppressions
            ),
        )

    def linter_for(self, path: str, display: str | None = None) -> Linter:
        """One Linter per distinct (configuration, per-file settings); check() validates it."""
        lookup = Path.cwd() if path == "-" else path
        config = self.config_for(display if path == "-" and display else lookup)
        options = self.options_for(config, display or path)
        key = (
            id(config),
            options.select,
            options.ignore,
            tuple(options.provided.get("*", ())),
            options.report_unused_suppressions,
        )
        if key not in self._linters:
            ruleset = self.ruleset_for(config)
            self._unchecked.append((config, ruleset))
            self._linters[key] = SharedPipelineLinter(ruleset, options)
        return self._linters[key]

    def check(self) -> None:
        """Parse the rule sets of the linters made so far and validate their configurations'
        selectors: PackError or ConfigError, in the order the files came.

        Runs in the parent process before any file is linted, so workers never meet a broken
        pack. A run whose files the cache answers skips it: an entry is written only after a
        run that passed it, with the packs' bytes and the options in its key.
        """
        if self._base_ruleset is not None:
            self._base_ruleset.load()  # --rules packs, even when no file uses them
        for config, ruleset in self._unchecked:
            ruleset.load()
            self._validate(config, ruleset)
        self._unchecked.clear()

    def rules(self) -> list[Rule]:
        """Every rule of the rule sets in use (for formatters), first definition of an id wins."""
        seen: dict[str, Rule] = {}
        sets = [linter.ruleset for linter in self._linters.values()]
        if self._base_ruleset is not None:
            sets.insert(0, self._base_ruleset)
        for ruleset in sets:
            for rule in ruleset.rules:
                seen.setdefault(rule.id, rule)
        return list(seen.values())

    def _validate(self, config: Config, ruleset: RuleSet) -> None:
        """A selector that names no rule is a mistake (a typo silently disables nothing)."""
        if (id(config), ruleset.fingerprint) in self._checked:
            return
        self._checked.add((id(config), ruleset.fingerprint))
        name = config.name
        groups: list[tuple[str, str, tuple[str, ...]]] = [
            ("--select", "", self.overrides.select),
            ("--ignore", "", self.overrides.ignore),
            (name, "select", config.select),
            (name, "ignore", config.ignore),
            (name, "extend-select", config.extend_select),
            (name, "severity", tuple(s for s, _ in config.severity)),
        ]
        groups += [(name, f"per-file-ignores.{g}", sels) for g, sels in config.per_file_ignores]
        for where, key, selectors in groups:
            for selector in selectors:
                if not known_selector(selector, ruleset):
                    message = (
                        f"{short_repr(selector)} names no rule "
                        "(use ids, prefixes, names or categories)"
                    )
                    if key:
                        raise ConfigError(where, key, message)
                    raise ConfigError(where, "", message)
        lexicons = set(ruleset.lexicons)
        for glob, names in config.provided_disclaimers:
            for n in names:
                if not (known_selector(n, ruleset) or n in lexicons):
                    raise ConfigError(
                        name,
                        f"provided-disclaimers.{glob}",
                        f"{short_repr(n)} names no rule, category or statement",
                    )


def known_selector(selector: str, ruleset: RuleSet) -> bool:
    """Does a selector match at least one rule (or the unused-suppression pseudo-rule)?"""
    from claimlint.nlp.engine import selector_matches

    if selector.strip().lower() in ("all", "cl001", "unused-suppression", "suppression"):
        return True
    return any(selector_matches(selector, rule) for rule in ruleset.rules)
