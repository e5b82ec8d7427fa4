"""Where the packs shipped with claimlint live, and whether a pack file is one of them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


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


@lru_cache(maxsize=256)
def is_bundled(path: str) -> bool:
    """Is this pack file one of claimlint's own (reviewed and tested with the code)?"""
    try:
        return Path(path).resolve().is_relative_to(bundled_rules_dir().resolve())
    except (OSError, ValueError, FileNotFoundError):
        return False


__all__ = ["bundled_rules_dir", "is_bundled"]
