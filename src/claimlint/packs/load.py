"""Finding and reading rule packs: the bundled folder and the user's extra folders."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from claimlint.inputs.files import read_regular
from claimlint.packs.bundled import bundled_rules_dir
from claimlint.packs.model import PackError, PackFile
from claimlint.packs.ruleset import RuleSet

MAX_PACK_BYTES = 8 * 1024 * 1024  # the bundled packs together are about 100 KB
MAX_PACK_FILES = 1_000  # YAML files in one folder of packs (the bundled folder has ~15)
MAX_WALK_ENTRIES = 20_000  # files and folders looked at below one folder of packs
MAX_PACK_DEPTH = 16


def pack_files(folder: Path) -> list[Path]:
    """Every *.yaml / *.yml below a folder, in a stable order; PackError naming the folder when
    it is not a folder of packs.

    Symlinked sub-folders are followed, each real folder once (a link back to a folder already
    read is a loop, and an error); hidden folders (.git) are skipped. The walk is bounded in
    entries, depth and pack files, so `rules: ["/usr"]` fails fast instead of parsing a system.
    """
    info = _stat(folder, folder)
    if stat.S_ISREG(info.st_mode):
        return [folder]
    if not stat.S_ISDIR(info.st_mode):
        raise PackError(str(folder), "rule packs", "", "is not a pack file or a folder of packs")
    found: list[Path] = []
    root_id = (info.st_dev, info.st_ino)
    seen = {root_id}
    pending = [(folder, (root_id,))]
    entries = 0
    while pending:
        current, ancestors = pending.pop()
        try:
            children = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            problem = f"cannot be read: {err.strerror}"
            raise PackError(str(current), "rule packs", "", problem) from None
        for entry in children:
            entries += 1
            if entries > MAX_WALK_ENTRIES:
                raise PackError(
                    str(folder), "rule packs", "",
                    f"holds more than {MAX_WALK_ENTRIES} files and folders: not a folder of packs",
                )  # fmt: skip
            path = Path(entry.path)
            try:
                child = _stat(path, folder)
            except PackError:
                if entry.is_symlink() and not os.path.lexists(os.path.realpath(path)):
                    if path.suffix not in (".yaml", ".yml"):
                        continue  # a broken link to something that is not a pack: not ours
                raise
            if stat.S_ISDIR(child.st_mode):
                if entry.name.startswith("."):
                    continue
                child_id = (child.st_dev, child.st_ino)
                if child_id in ancestors:
                    raise PackError(
                        str(path), "rule packs", "",
                        "is a symbolic link loop (it leads back to a folder that contains it)",
                    )  # fmt: skip
                if child_id in seen:
                    continue  # a second link to a folder already read: its packs are loaded once
                if len(ancestors) > MAX_PACK_DEPTH:
                    raise PackError(
                        str(path), "rule packs", "",
                        f"is nested more than {MAX_PACK_DEPTH} folders deep below {folder}",
                    )  # fmt: skip
                seen.add(child_id)
                pending.append((path, (*ancestors, child_id)))
            elif stat.S_ISREG(child.st_mode) and path.suffix in (".yaml", ".yml"):
                found.append(path)
                if len(found) > MAX_PACK_FILES:
                    raise PackError(
                        str(folder), "rule packs", "",
                        f"holds more than {MAX_PACK_FILES} YAML files: not a folder of packs",
                    )  # fmt: skip
    if not found:
        raise PackError(str(folder), "rule packs", "", "holds no rule packs (*.yaml, *.yml)")
    return sorted(found)


def _stat(path: Path, folder: Path) -> os.stat_result:
    """os.stat (links followed) with the reason in words: a loop, a broken link, no such path."""
    try:
        return os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            problem = "is a symbolic link loop"
        elif err.errno == errno.ENOENT:
            problem = "is a broken symbolic link" if path != folder else "no such file or folder"
        else:
            problem = f"cannot be read: {err.strerror}"
        raise PackError(str(path), "rule packs", "", problem) from None


def read_packs(folder: Path) -> list[PackFile]:
    """The packs of a folder (or a single pack file) with their bytes; PackError if unreadable."""
    packs = []
    for path in pack_files(folder):
        try:
            data = read_regular(path, MAX_PACK_BYTES)
        except OSError as err:
            raise PackError(
                str(path), "pack", "", f"cannot be read: {err.strerror or err}"
            ) from None
        name = path.name if path == folder else path.relative_to(folder).as_posix()
        packs.append(PackFile(path, name, data))
    return packs


def lazy_rules(folders: Sequence[Path] | None = None, *, bundled: bool = True) -> RuleSet:
    """The bundled packs plus extra folders/files, read but not yet parsed (see RuleSet).

    A missing or unreadable pack is a PackError now; mistakes inside a pack surface when the
    rule set is first used, or at once with load_rules().
    """
    packs: list[PackFile] = []
    if bundled:
        packs += read_packs(bundled_rules_dir())
    for folder in folders or []:
        packs += read_packs(Path(folder))
    return RuleSet.from_packs(packs)


def load_rules(folders: Sequence[Path] | None = None, *, bundled: bool = True) -> RuleSet:
    """Read the bundled packs plus extra folders/files, validate them all, and cross-check."""
    return lazy_rules(folders, bundled=bundled).load()
