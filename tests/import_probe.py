"""Run the CLI in a fresh interpreter and report which of some modules it imported: the tests
of lazy imports (spaCy only when linting) and of cheap cache hits share it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_PROBE = """
import sys
from claimlint.cli import cli
try:
    cli.main(args=sys.argv[1:], prog_name="claimlint")
except SystemExit as exit:
    code = exit.code
print("\\nEXIT", code, "MODULES", sorted(m for m in {watch!r} if m in sys.modules))
"""


def probe(args: list[str], cwd: Path, watch: Sequence[str]) -> tuple[int, list[str], str]:
    """Exit code, the watched modules that were imported, and the run's stdout."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(watch=tuple(watch)), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    last = done.stdout.rstrip().splitlines()[-1]
    assert last.startswith("EXIT"), done.stderr
    words = last.split(" ", 3)
    output = done.stdout.rstrip()[: -len(last)]
    return int(words[1]), eval(words[3]), output  # noqa: S307 - our own repr of a list
