"""Finding and reading rule packs: the bundled folder and the user's extra folders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claimlint.inputs.files import read_regular
from claimlint.packs.model import PackError, PackFile
from claimlint.packs.ruleset import RuleSet

MAX_PACK_BYTES = 8 * 1024 * 1024  # the bundled packs together are about 100 KB


def bundled_rules_dir() -> Path:
    """The packs shipped with claimlint (top-level rules/, packaged as claimlint.packs)."""
    package = Path(__file__).resolve().parent.parent  # claimlint/
    for candidate in (package / "rules", package.parent.parent / "rules"):  # wheel; checkout
        if candidate.is_dir():
            return candidate
    import importlib.util

    spec = importlib.util.find_spec("claimlint.packs")
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError("claimlint's bundled rules/ folder is missing from the installation")


def pack_files(folder: Path) -> list[Path]:
    """Every *.yaml / *.yml below a folder, in a stable order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise PackError(str(folder), "rule packs", "", "no such file or folder")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


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
