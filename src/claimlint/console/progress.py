"""A progress bar on stderr for runs long enough to wonder about (click.progressbar): only
when stderr is a terminal, never with --quiet, never in a pipe or a CI log."""

from __future__ import annotations

import sys
from typing import IO, Any

import click

MIN_FILES = 20  # below this a run is over before a bar would help


class ProgressBar:
    """Started with the number of files once they are known, advanced as each is done."""

    def __init__(self, *, quiet: bool, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = not quiet and bool(isatty and isatty())
        self._bar: Any = None

    def start(self, total: int) -> None:
        if self.enabled and total >= MIN_FILES and self._bar is None:
            self._bar = click.progressbar(
                length=total, label="Linting", file=self.stream, show_pos=True, show_eta=True
            )
            self._bar.__enter__()

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def finish(self) -> None:
        """Close the bar (its line ends, so the report starts on a fresh line)."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
