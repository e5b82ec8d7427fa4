"""The JSON Schemas of claimlint's two YAML documents: rule packs and configuration.

They are the one source of truth for what a pack or a configuration may say: claimlint's own
validators (claimlint.packs.validate, claimlint.run.config) walk them with claimlint.schemas.check,
and editors read the very same files (`claimlint schema pack|config`, docs/editor-schemas.md).
Draft-07, the newest draft that the YAML language server (VS Code's YAML extension) fully
supports. Nothing here is read until a pack or a configuration is really parsed: a run answered
from the cache never loads a schema.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent
SCHEMAS = {"pack": "rule-pack", "config": "config"}  # what users type -> file stem


def schema_path(kind: str) -> Path:
    """The installed schema file for `pack` or `config` (what an editor should point at)."""
    return FOLDER / f"{SCHEMAS[kind]}.schema.json"


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The parsed schema for `pack` or `config`, read once per process."""
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))
