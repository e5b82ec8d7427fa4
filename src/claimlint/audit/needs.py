"""Optional dependencies of the audit, with a clear way out when one is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

INSTALL = {
    "httpx": "claimlint[audit]",
    "warcio": "claimlint[audit]",
    "distributed": "claimlint[audit]",
    "dask": "claimlint[audit]",
    "pyarrow": "claimlint[parquet]",
}


class MissingDependency(Exception):
    """An optional package the requested audit needs is not installed."""


def need(module: str, purpose: str) -> ModuleType:
    """Import `module` or raise MissingDependency saying what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = INSTALL.get(module.split(".")[0], module)
        raise MissingDependency(
            f"{module} is needed to {purpose} but is not installed; "
            f"install it with: pip install '{extra}'"
        ) from None
