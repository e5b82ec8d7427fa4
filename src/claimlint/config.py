"""Discover and validate configuration: `[tool.claimlint]` in pyproject.toml or `.claimlint.yaml`.

Each linted file takes the configuration closest to it (searching its folder, then the folders
above); configurations are not merged. The command line wins over the file. Every mistake is a
ConfigError naming the file and the key, so the CLI can report it and exit 2.

Other modules read settings through `Config` (for example `Config.fix_texts` for --fix) and
`Resolver.config_for(path)`, never by parsing the files themselves.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .engine import Linter

if TYPE_CHECKING:  # pragma: no cover
    from .diagnostics import FileError
    from .engine import Options
    from .rules import Rule, RuleSet

YAML_NAMES = (".claimlint.yaml", ".claimlint.yml")
PYPROJECT = "pyproject.toml"
SEVERITIES = ("error", "warning", "info")
FIX_TEXT_KEYS = ("fda", "crisis")
KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "severity",
    "fail-on",
    "rules",
    "include",
    "exclude",
    "extensions",
    "provided-disclaimers",
    "fix-texts",
    "report-unused-suppressions",
)


class ConfigError(Exception):
    """A configuration mistake: which file, which key, what is wrong."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        where = f"{path}: key '{key}'" if key else path
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Config:
    """One configuration file's settings (all defaults when no file applies)."""

    path: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # globs and `rules` are relative to this
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str | None = None
    rules: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] | None = None
    provided_disclaimers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fix_texts: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    report_unused_suppressions: bool | None = None

    @property
    def name(self) -> str:
        """How messages refer to this configuration."""
        return str(self.path) if self.path else "<defaults>"

    def fix_text(self, kind: str) -> str | None:
        """The disclaimer text --fix inserts for `fda` or `crisis` (None: use the built-in)."""
        return self.fix_texts.get(kind)

    def relative(self, path: str | Path) -> str:
        """The path relative to this configuration's folder (posix), for glob matching."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix().removeprefix("./")

    def _matches(self, patterns: Iterable[str], path: str | Path) -> bool:
        return bool(patterns) and _spec(tuple(patterns)).match_file(self.relative(path))

    def excluded(self, path: str | Path) -> bool:
        """Is the file skipped by `exclude`, or outside a non-empty `include`?"""
        if self.exclude and self._matches(self.exclude, path):
            return True
        return bool(self.include) and not self._matches(self.include, path)

    def file_ignores(self, path: str | Path) -> tuple[str, ...]:
        """Selectors that `per-file-ignores` turns off for this file."""
        return tuple(
            s for glob, sels in self.per_file_ignores if self._matches((glob,), path) for s in sels
        )

    def provided(self, path: str | Path) -> tuple[str, ...]:
        """Rules/statements the site layout provides for this file (`provided-disclaimers`)."""
        return tuple(
            n
            for glob, names in self.provided_disclaimers
            if self._matches((glob,), path)
            for n in names
        )


_SPECS: dict[tuple[str, ...], Any] = {}


def _spec(patterns: tuple[str, ...]) -> Any:
    """gitignore-style globs: `*.md` matches at any depth, `pages/*.md` from the config folder."""
    if patterns not in _SPECS:
        import pathspec

        _SPECS[patterns] = pathspec.GitIgnoreSpec.from_lines(patterns)
    return _SPECS[patterns]


# -- reading files -------------------------------------------------------------------------------


def _tomllib() -> ModuleType:
    """tomllib (tomli before 3.11), imported only when a TOML file is really read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def load_config(path: str | Path) -> Config:
    """Read and validate one configuration file (YAML, or a pyproject.toml's [tool.claimlint])."""
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(name, "", "no such file") from None
    except OSError as err:
        raise ConfigError(name, "", f"cannot be read: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(name, "", "is not UTF-8 text") from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        tomllib = _tomllib()
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(name, "", f"invalid TOML: {err}") from None
        data = document.get("tool", {}).get("claimlint", {})
        prefix = "tool.claimlint."
    else:
        import yaml  # only when a YAML configuration is really read

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark is not None else ""
            problem = getattr(err, "problem", None) or str(err)
            raise ConfigError(name, "", f"invalid YAML{where}: {problem}") from None
        prefix = ""
        if data is None:
            data = {}
    return parse_config(data, path, prefix=prefix)


def parse_config(data: Any, path: Path, *, prefix: str = "") -> Config:
    """Validate a mapping of settings read from `path`; keys are kebab-case as documented."""
    name = str(path)
    root = Path(os.path.abspath(path)).parent
    if not isinstance(data, dict):
        raise ConfigError(name, prefix.rstrip("."), f"must be a mapping, not {_kind(data)}")

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(name, prefix + key, problem)

    # A key left empty (its entries commented out, as in the starter file) means "not set".
    data = {key: value for key, value in data.items() if value is not None}

    for key in data:
        if key not in KEYS:
            hint = _close_match(str(key))
            raise fail(
                str(key),
                "unknown key"
                + (f" (did you mean '{hint}'?)" if hint else "")
                + f"; known keys: {', '.join(KEYS)}",
            )

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(key, f"must be a list of non-empty strings, not {_kind(value)}")
        return tuple(v.strip() for v in value)

    def mapping(key: str) -> dict:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise fail(key, f"must be a mapping, not {_kind(value)}")
        for sub in value:
            if not isinstance(sub, str) or not sub.strip():
                raise fail(key, f"keys must be non-empty strings, not {_kind(sub)}")
        return value

    def globs_to_lists(key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        out = []
        for glob, value in mapping(key).items():
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",")]
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) and v.strip() for v in value)
            ):
                raise fail(f"{key}.{glob}", "must be a non-empty list of rule selectors")
            out.append((glob, tuple(v.strip() for v in value)))
        return tuple(out)

    severity = []
    for selector, level in mapping("severity").items():
        if level not in SEVERITIES:
            raise fail(f"severity.{selector}", f"{level!r} is not one of {', '.join(SEVERITIES)}")
        severity.append((selector, level))

    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise fail("fail-on", f"{fail_on!r} is not one of {', '.join(SEVERITIES)}")

    rules = []
    for entry in strings("rules"):
        pack = root / entry
        if not pack.exists():
            raise fail("rules", f"rule pack {entry!r} does not exist (looked for {pack})")
        rules.append(pack)

    extensions = None
    if "extensions" in data:
        extensions = tuple(
            (e if e.startswith(".") else "." + e).lower() for e in strings("extensions")
        )
        if not extensions:
            raise fail("extensions", "must name at least one file ending, such as .md")

    fix_texts = {}
    for kind, text in mapping("fix-texts").items():
        if kind not in FIX_TEXT_KEYS:
            raise fail(f"fix-texts.{kind}", f"unknown kind (use {' or '.join(FIX_TEXT_KEYS)})")
        if not isinstance(text, str) or not text.strip():
            raise fail(f"fix-texts.{kind}", "must be a non-empty string")
        fix_texts[kind] = text.strip()

    unused = data.get("report-unused-suppressions")
    if unused is not None and not isinstance(unused, bool):
        raise fail("report-unused-suppressions", f"must be true or false, not {_kind(unused)}")

    return Config(
        path=path,
        root=root,
        select=strings("select"),
        ignore=strings("ignore"),
        extend_select=strings("extend-select"),
        per_file_ignores=globs_to_lists("per-file-ignores"),
        severity=tuple(severity),
        fail_on=fail_on,
        rules=tuple(rules),
        include=strings("include"),
        exclude=strings("exclude"),
        extensions=extensions,
        provided_disclaimers=globs_to_lists("provided-disclaimers"),
        fix_texts=fix_texts,
        report_unused_suppressions=unused,
    )


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def _close_match(key: str) -> str | None:
    import difflib

    candidates = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.6)
    return candidates[0] if candidates else None


def config_file_in(folder: Path) -> Path | None:
    """The configuration file of one folder: .claimlint.yaml first, then a pyproject.toml that
    has a [tool.claimlint] table (a pyproject.toml without one is not a configuration)."""
    for name in YAML_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    candidate = folder / PYPROJECT
    if candidate.is_file():
        tomllib = _tomllib()
        try:
            document = tomllib.loads(candidate.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            # A broken pyproject.toml is only our business if it mentions us.
            try:
                mentions = "tool.claimlint" in candidate.read_text(errors="replace")
            except OSError:
                mentions = False
            if mentions:
                raise ConfigError(str(candidate), "", f"cannot be read: {err}") from None
            return None
        if isinstance(document.get("tool"), dict) and "claimlint" in document["tool"]:
            return candidate
    return None


def find_config_file(path: str | Path) -> Path | None:
    """The closest configuration file for a file or folder, searching upward."""
    start = Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        found = config_file_in(candidate)
        if found is not None:
            return found
    return None


# -- linters -------------------------------------------------------------------------------------

_PIPELINES: dict[str, Any] = {}


class SharedPipelineLinter(Linter):
    """A Linter whose spaCy pipeline (about a second to build) is shared by every linter of the
    process with the same rule set: per-config linters and repeated runs pay for it once."""

    @property
    def nlp(self):  # noqa: ANN201 - a spaCy Language; spaCy is not imported here
        if self._nlp is None:
            key = self.ruleset.fingerprint or f"id:{id(self.ruleset)}"
            if key not in _PIPELINES:
                from .matcher import build_pipeline

                _PIPELINES[key] = build_pipeline(self.ruleset)
            self._nlp = _PIPELINES[key]
        return self._nlp


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

    def expand(self, paths: Iterable[str]) -> tuple[list[str], list[FileError]]:
        """Files to lint under the configuration's extensions, include and exclude."""
        from .api import expand_paths
        from .sources import DEFAULT_EXTENSIONS

        files: list[str] = []
        errors: list[FileError] = []
        for given in paths:
            if given == "-":
                files.append(given)
                continue
            folder_config = self.config_for(given)
            extensions = folder_config.extensions or DEFAULT_EXTENSIONS
            found, problems = expand_paths([given], extensions)
            errors.extend(problems)
            walked = os.path.isdir(given)
            for path in found:
                config = self.config_for(path)
                if config.excluded(path):
                    continue
                if walked and config.extensions and not path.lower().endswith(config.extensions):
                    continue
                files.append(path)
        seen: set[str] = set()
        return [f for f in files if not (f in seen or seen.add(f))], errors

    # linters
    def ruleset_for(self, config: Config) -> RuleSet:
        """The base rule set plus --rules plus the configuration's `rules` packs (read, not
        yet parsed: see check())."""
        from .rules import lazy_rules

        if not config.rules and self._base_ruleset is not None:
            return self._base_ruleset  # already holds the bundled packs and --rules
        dirs = tuple(self.overrides.rule_dirs) + tuple(str(p) for p in config.rules)
        if dirs not in self._rulesets:
            self._rulesets[dirs] = lazy_rules([Path(d) for d in dirs])
        return self._rulesets[dirs]

    def options_for(self, config: Config, path: str) -> Options:
        """Command line over file: --select replaces the file's select/extend-select/ignore;
        --ignore adds to the file's ignore; per-file-ignores always apply."""
        from .engine import Options

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
                    message = f"{selector!r} names no rule (use ids, prefixes, names or categories)"
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
                        f"{n!r} names no rule, category or statement",
                    )


def known_selector(selector: str, ruleset: RuleSet) -> bool:
    """Does a selector match at least one rule (or the unused-suppression pseudo-rule)?"""
    from .engine import selector_matches

    if selector.strip().lower() in ("all", "cl001", "unused-suppression", "suppression"):
        return True
    return any(selector_matches(selector, rule) for rule in ruleset.rules)


# -- claimlint init ------------------------------------------------------------------------------

STARTER = """\
# claimlint configuration. Files take the closest .claimlint.yaml (or pyproject.toml with a
# [tool.claimlint] table) found from their folder upward; command-line options win.
# Selectors are rule ids (CL101), id prefixes (CL1), rule names or categories (efficacy).

# Only these rules (default: all). extend-select adds to select.
# select: [CL1, CL3, safety]
# extend-select: [guarantee]

# Rules to turn off everywhere.
ignore: []

# Rules to turn off for some files (gitignore-style globs relative to this file).
per-file-ignores:
  # "blog/archive/**": [CL106]

# Change a rule's severity: error, warning or info.
severity:
  # CL106: info

# Lowest severity that makes the exit status 1 (error, warning or info).
fail-on: info

# Extra rule packs, relative to this file.
# rules: [compliance/rules]

# Which files to lint when a folder is given (globs relative to this file).
extensions: [.md, .markdown, .html, .htm, .txt]
# include: ["pages/**"]
exclude: []

# Statements the site layout already shows on every page under a glob (a footer, a banner):
# rule ids, names or categories whose requirement the layout satisfies.
provided-disclaimers:
  # "pages/treatments/**": [disclaimer-fda]

# Texts that `claimlint check --fix` inserts when a disclaimer is missing.
# fix-texts:
#   fda: "Ketamine is FDA-approved as an anesthetic; its use for depression is off-label."
#   crisis: "If you are thinking about suicide, call or text 988 (US) or go to an emergency room."

# Report claimlint-disable comments that suppress nothing (rule CL001, a warning).
report-unused-suppressions: false
"""


def write_starter(folder: str | Path, *, force: bool = False) -> Path:
    """Write a commented starter .claimlint.yaml; refuses to overwrite unless forced."""
    target = Path(folder) / YAML_NAMES[0]
    if target.exists() and not force:
        raise FileExistsError(f"{target} already exists (use --force to overwrite it)")
    target.write_text(STARTER, encoding="utf-8")
    return target


__all__ = [
    "Config",
    "ConfigError",
    "Overrides",
    "Resolver",
    "find_config_file",
    "load_config",
    "parse_config",
    "write_starter",
]
