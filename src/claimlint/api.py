"""The public Python API: lint text or paths and get diagnostics back."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .decoding import DecodeError
from .diagnostics import Diagnostic, FileError
from .engine import Linter, Options

if TYPE_CHECKING:  # pragma: no cover
    from .config import Resolver
from .rules import RuleSet, lazy_rules, load_rules
from .sources import DEFAULT_EXTENSIONS, Source, source_from_bytes

MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass
class Result:
    """Diagnostics, the files that could not be linted, and the texts (for excerpts)."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    texts: dict[str, str] = field(default_factory=dict)
    linted: list[str] = field(default_factory=list)  # display paths of the files linted


def lint_text(
    text: str, *, path: str = "<text>", fmt: str | None = None, linter: Linter | None = None
) -> list[Diagnostic]:
    """Lint a string; the format follows the path's extension unless given."""
    from .sources import format_of

    linter = linter or default_linter()
    return linter.lint(Source(path, text, fmt or format_of(path)))


_DEFAULT: Linter | None = None


def default_linter() -> Linter:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter(load_rules())
    return _DEFAULT


def expand_paths(
    paths: Iterable[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
) -> tuple[list[str], list[FileError]]:
    """Files to lint (as the user will see their paths) and the paths that cannot be linted."""
    files: list[str] = []
    errors: list[FileError] = []
    for given in paths:
        path = Path(given)
        if given == "-":
            files.append("-")
        elif path.is_dir():
            from .discovery import walk  # folders only: a run on named files never walks

            walk_errors: list[tuple[str, str]] = []
            found = [_display(given, p, path) for p in walk(path, extensions, walk_errors)]
            errors.extend(FileError(p, reason) for p, reason in walk_errors)
            if not found and not walk_errors:
                errors.append(
                    FileError(given, f"folder contains no files to lint ({', '.join(extensions)})")
                )
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(given)
        else:
            errors.append(FileError(given, "no such file or folder"))
    seen: set[str] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return unique, errors


def _display(given: str, found: Path, root: Path) -> str:
    """The path of a found file as the user wrote its folder (no ./ noise)."""
    relative = found.relative_to(root).as_posix()
    if given in (".", "./"):
        return relative
    return given.rstrip("/\\") + "/" + relative


def read_source(
    path: str,
    *,
    encoding: str | None = None,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
) -> Source:
    """Read one file (or stdin) into a Source; failures are OSError or DecodeError."""
    name, data = read_bytes(path, stdin_filename=stdin_filename, stdin_data=stdin_data)
    return source_from_bytes(name, data, encoding=encoding)


def read_bytes(
    path: str, *, stdin_filename: str | None = None, stdin_data: bytes | None = None
) -> tuple[str, bytes]:
    """The name a file is reported under and its bytes (the cache keys on them undecoded)."""
    if path == "-":
        data = stdin_data if stdin_data is not None else sys.stdin.buffer.read()
        return stdin_filename or "-", data
    if os.path.isdir(path):
        raise IsADirectoryError(21, "is a folder", path)
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        raise DecodeError(
            f"is {size // (1024 * 1024)} MB, larger than the "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB claimlint lints"
        )
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)  # bounded: a pipe or device may never end
    if len(data) > MAX_FILE_BYTES:
        raise DecodeError(
            f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB claimlint lints"
        )
    return path, data


def describe_os_error(err: OSError) -> str:
    reason = err.strerror or str(err)
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a folder"
    return reason[0].lower() + reason[1:] if reason else "cannot be read"


def lint_paths(
    paths: Iterable[str],
    *,
    ruleset: RuleSet | None = None,
    options: Options | None = None,
    encoding: str | None = None,
    stdin_filename: str | None = None,
    keep_texts: bool = False,
    stdin_data: bytes | None = None,
    resolver: Resolver | None = None,
    jobs: int = 1,
    cache_dir: str | Path | None = None,
) -> Result:
    """Lint files and folders; unreadable inputs become FileErrors, never exceptions.

    With a config.Resolver, each file gets the Linter of its closest configuration (and the
    resolver's include/exclude/extensions); a ConfigError or PackError is raised before any
    file is linted. `jobs` > 1 lints in that many processes when there is enough to do;
    with `cache_dir`, unchanged files are answered from the result cache there, and a run
    that the cache answers entirely never parses the rule packs.
    """
    linter = Linter(ruleset or lazy_rules(), options) if resolver is None else None
    files, errors = expand_paths(paths) if resolver is None else resolver.expand(paths)
    if resolver is not None:
        for path in files:
            resolver.linter_for(path, stdin_filename if path == "-" else None)
    result = Result(errors=list(errors))

    def ready() -> None:
        """Parse the packs and check the selectors, here and not in a worker (PackError,
        ConfigError)."""
        if resolver is not None:
            resolver.check()
        elif linter is not None:
            linter.ruleset.load()

    def linter_of(path: str) -> Linter:
        return linter or resolver.linter_for(path, stdin_filename if path == "-" else None)

    from .parallel import lint_files

    cache = None
    if cache_dir is not None:
        from .cache import ResultCache

        cache = ResultCache(Path(cache_dir))
    outcomes = lint_files(
        files,
        linter_of,
        encoding=encoding,
        stdin_filename=stdin_filename,
        stdin_data=stdin_data,
        keep_texts=keep_texts,
        jobs=jobs,
        cache=cache,
        ready=ready,
    )
    for outcome in outcomes:
        if outcome.error is not None:
            result.errors.append(outcome.error)
            continue
        result.files += 1
        result.linted.append(outcome.display)
        result.diagnostics.extend(outcome.diagnostics or ())
        if keep_texts and outcome.text is not None:
            result.texts[outcome.display] = outcome.text
    result.diagnostics.sort()
    return result
