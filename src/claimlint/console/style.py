"""Colour decisions: --color auto|always|never, NO_COLOR and FORCE_COLOR (no-color.org,
force-color.org), applied by click so that escape codes never reach a pipe by accident."""

from __future__ import annotations

import os
from typing import IO

COLOR_CHOICES = ("auto", "always", "never")


def use_color(choice: str, stream: IO[str] | None, environ: dict[str, str] | None = None) -> bool:
    """Should output to `stream` be coloured? --color wins; then NO_COLOR (any non-empty value)
    turns colour off and FORCE_COLOR (non-empty, not 0/false) turns it on; else a terminal."""
    env = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never":
        return False
    if env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR", "")
    if force and force.lower() not in ("0", "false"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
