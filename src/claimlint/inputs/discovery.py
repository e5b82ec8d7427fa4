"""Find the documents to lint: walk folders, honour .gitignore, skip hidden folders."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimlint.diagnostics import FileError
from claimlint.inputs.sources import DEFAULT_EXTENSIONS

SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", ".git", ".claimlint_cache"})
# Told about every file or folder a walk passes over, with the reason (for --show-files).
OnSkip = Callable[[Path, str], None]


def _ignore_skip(path: Path, reason: str) -> None:
    """The default OnSkip: a normal run does not ask why."""


def walk(
    root: Path,
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    errors: list[tuple[str, str]] | None = None,
    on_skip: OnSkip = _ignore_skip,
) -> Iterator[Path]:
    """Documents below a folder in sorted order; never follows symlinked folders (no loops).
    `on_skip` hears of each file or folder passed over, and why."""
    from claimlint.inputs.gitignore import Ignores

    extensions = tuple(e.lower() for e in extensions)

    def on_error(err: OSError) -> None:
        if errors is not None:
            errors.append((str(err.filename or root), err.strerror or str(err)))

    # What git ignores, per repository: a nested repository below the root has its own rules.
    scopes: dict[str, Ignores] = {str(root): Ignores(root)}
    for current, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
        here = Path(current)
        ignores = scopes.pop(current, None) or Ignores(here)
        keep = []
        for name in sorted(dirs):
            child = here / name
            try:
                linked = child.is_symlink()
            except OSError as err:  # a path longer than PATH_MAX: report it, walk on
                on_error(OSError(err.errno, err.strerror, str(child)))
                continue
            if name.startswith(".") or name in SKIPPED_DIRS or linked:
                on_skip(child, _dir_reason(name, child))
                continue
            if ignores.ignored(child, is_dir=True):
                on_skip(child, "ignored by .gitignore")
                continue
            scopes[str(child)] = Ignores(child) if (child / ".git").exists() else ignores
            keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            path = here / name
            if name.startswith("."):
                on_skip(path, "hidden file")
                continue
            if not name.lower().endswith(extensions):
                on_skip(path, f"extension not linted ({', '.join(extensions)})")
                continue
            if ignores.ignored(path, is_dir=False):
                on_skip(path, "ignored by .gitignore")
                continue
            reason = _not_a_file(path)
            if reason:
                if errors is not None:
                    errors.append((str(path), reason))
                continue
            yield path


def _dir_reason(name: str, path: Path) -> str:
    if path.is_symlink():
        return "symlinked folder (not followed)"
    if name.startswith("."):
        return "hidden folder"
    return f"{name}/ is never linted"


def _not_a_file(path: Path) -> str | None:
    """Why a found name must not be opened: a FIFO would block the run forever, a device
    never ends. Names whose status cannot be read are yielded so that reading them reports
    the real reason (a broken link, a symlink loop, permissions)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file; not linted"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file; not linted"
    return "is a device, not a file; not linted"


def expand_paths(
    paths: Iterable[str],
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    on_skip: Callable[[str, str], None] | None = None,
) -> tuple[list[str], list[FileError]]:
    """Files to lint (as the user will see their paths) and the paths that cannot be linted;
    `on_skip` hears of each path a folder walk passes over (as displayed) and why."""
    files: list[str] = []
    errors: list[FileError] = []
    for given in paths:
        path = Path(given)
        if given == "-":
            files.append("-")
        elif path.is_dir():
            walk_errors: list[tuple[str, str]] = []

            def skipped(found: Path, reason: str, given: str = given, root: Path = path) -> None:
                if on_skip is not None:
                    on_skip(_display(given, found, root), reason)

            found = [_display(given, p, path) for p in walk(path, extensions, walk_errors, skipped)]
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
    return unique_files(files), errors


def unique_files(files: Iterable[str]) -> list[str]:
    """Each file once, under the first name it was given: `../x/p.md`, `/abs/x/p.md` and
    `p.md` are one file (compared by the real path of their folder). A symlink to a page is
    a page of its own name, as a walk finds it, and is kept."""
    seen: set[str] = set()
    unique = []
    for name in files:
        key = name if name == "-" else _real_folder_path(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def _real_folder_path(name: str) -> str:
    absolute = os.path.abspath(name)
    folder, base = os.path.split(absolute)
    return os.path.normcase(os.path.join(os.path.realpath(folder), base))


def _display(given: str, found: Path, root: Path) -> str:
    """The path of a found file as the user wrote its folder (no ./ noise)."""
    relative = found.relative_to(root).as_posix()
    if given in (".", "./"):
        return relative
    return given.rstrip("/\\") + "/" + relative
