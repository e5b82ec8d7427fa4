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
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from claimlint.inputs.files import atomic_write, read_regular
from claimlint.packs.safe_yaml import short_repr
from claimlint.schemas import load_schema, schema_path
from claimlint.schemas.check import Violation, Walker, kind

MAX_CONFIG_BYTES = 4 * 1024 * 1024  # a configuration is a few hundred bytes
YAML_NAMES = (".claimlint.yaml", ".claimlint.yml")
PYPROJECT = "pyproject.toml"


@cache
def config_schema() -> Walker:
    """The configuration schema (claimlint/schemas/config.schema.json), loaded on first use."""
    return Walker(load_schema("config"))


def config_keys() -> tuple[str, ...]:
    """Every key a configuration may set, in the documented order."""
    schema = config_schema()
    return tuple(schema.properties(schema.schema))


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
        """The text --fix inserts for `fda`, `compounded` or `crisis` (None: the built-in)."""
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
        raw = read_regular(path, MAX_CONFIG_BYTES)
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
        except RecursionError:
            raise ConfigError(name, "", "invalid TOML: nested too deeply") from None
        data = document.get("tool", {}).get("claimlint", {})
        prefix = "tool.claimlint."
    else:
        from claimlint.packs.safe_yaml import YamlProblem, load_yaml

        try:
            data = load_yaml(text)  # alias bombs and deep nesting are refused, not expanded
        except YamlProblem as err:
            where = f" (line {err.line})" if err.line else ""
            raise ConfigError(name, "", f"invalid YAML{where}: {err.problem}") from None
        prefix = ""
        if data is None:
            data = {}
    return parse_config(data, path, prefix=prefix)


def parse_config(data: Any, path: Path, *, prefix: str = "") -> Config:
    """Validate a mapping of settings read from `path` against the configuration schema (the
    same for .claimlint.yaml and [tool.claimlint]); keys are kebab-case as documented."""
    name = str(path)
    root = Path(os.path.abspath(path)).parent
    if not isinstance(data, dict):
        raise ConfigError(name, prefix.rstrip("."), f"must be a mapping, not {kind(data)}")

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(name, prefix + key, problem)

    # A key left empty (its entries commented out, as in the starter file) means "not set".
    data = {key: value for key, value in data.items() if value is not None}
    schema = config_schema()
    try:
        schema.check(schema.schema, data)
    except Violation as err:
        raise fail(err.field, err.problem) from None

    def strings(key: str, value: Any, problem: str) -> tuple[str, ...]:
        """A validated list, or one string of comma-separated entries."""
        parts = value.split(",") if isinstance(value, str) else value
        if not all(part.strip() for part in parts):
            raise fail(key, problem)
        return tuple(part.strip() for part in parts)

    def setting(key: str) -> tuple[str, ...]:
        problem = f"must be a list of non-empty strings, not {kind(data.get(key))}"
        return strings(key, data.get(key, []), problem)

    def globs_to_lists(key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        problem = "must be a non-empty list of rule selectors"
        return tuple(
            (glob, strings(f"{key}.{glob}", value, problem))
            for glob, value in data.get(key, {}).items()
        )

    rules = []
    for entry in setting("rules"):
        pack = root / entry
        if not pack.exists():
            raise fail("rules", f"rule pack {short_repr(entry)} does not exist (looked for {pack})")
        rules.append(pack)

    extensions = None
    if "extensions" in data:
        extensions = tuple(
            (e if e.startswith(".") else "." + e).lower() for e in setting("extensions")
        )

    include, exclude = setting("include"), setting("exclude")
    per_file_ignores = globs_to_lists("per-file-ignores")
    provided = globs_to_lists("provided-disclaimers")
    for key, globs in (
        ("include", include),
        ("exclude", exclude),
        ("per-file-ignores", [glob for glob, _ in per_file_ignores]),
        ("provided-disclaimers", [glob for glob, _ in provided]),
    ):
        for glob in globs:
            problem = _glob_problem(glob)
            if problem:
                raise fail(key, f"invalid glob {short_repr(glob)}: {problem}")

    return Config(
        path=path,
        root=root,
        select=setting("select"),
        ignore=setting("ignore"),
        extend_select=setting("extend-select"),
        per_file_ignores=per_file_ignores,
        severity=tuple(data.get("severity", {}).items()),
        fail_on=data.get("fail-on"),
        rules=tuple(rules),
        include=include,
        exclude=exclude,
        extensions=extensions,
        provided_disclaimers=provided,
        fix_texts={k: text.strip() for k, text in data.get("fix-texts", {}).items()},
        report_unused_suppressions=data.get("report-unused-suppressions"),
    )


def _glob_problem(glob: str) -> str | None:
    """Why pathspec cannot compile a glob (`[z-a]`, a lone `!` or `\\`), checked at load time
    so that a bad pattern is a configuration error, not a crash while matching."""
    try:
        _spec((glob,))
    except Exception as err:  # re.error, GitIgnorePatternError (a ValueError)
        text = " ".join(str(err).split())
        return (text if len(text) <= 120 else text[:117] + "...") or type(err).__name__
    return None


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
            document = tomllib.loads(read_regular(candidate, MAX_CONFIG_BYTES).decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as err:
            # A broken pyproject.toml is only our business if it mentions us.
            try:
                mentions = b"tool.claimlint" in read_regular(candidate, MAX_CONFIG_BYTES)
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


def starter_text() -> str:
    """The starter file, opened by a modeline that points the YAML language server (VS Code's
    YAML extension, Neovim...) at the installed configuration schema."""
    modeline = f"# yaml-language-server: $schema={schema_path('config').as_uri()}\n"
    return modeline + STARTER


def write_starter(folder: str | Path, *, force: bool = False) -> Path:
    """Write a commented starter .claimlint.yaml; refuses to overwrite unless forced."""
    target = Path(folder) / YAML_NAMES[0]
    if target.exists() and not force:
        raise FileExistsError(f"{target} already exists (use --force to overwrite it)")
    atomic_write(target, starter_text().encode("utf-8"))  # --force on a full disk: old file kept
    return target
