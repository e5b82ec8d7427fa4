"""Where the check command's report goes: stdout, or -o FILE written atomically (a temporary
file beside it, renamed into place), so a reader never sees half a report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


class OutputError(Exception):
    """The output file cannot be written: which file, and why."""


class Output:
    """Collects the report's text and writes it to stdout or, atomically, to a file."""

    def __init__(self, path: str | None, color: bool) -> None:
        self.path, self.color = path, color
        self._file = None
        self._tmp: str | None = None
        if path is not None:
            import tempfile  # only when writing a file: a cache hit on stdout stays lean

            from claimlint.inputs.files import is_special_file

            target = Path(path)
            if target.is_dir():
                raise OutputError(f"{path}: is a folder")
            if is_special_file(target):  # /dev/null, a FIFO: renaming onto it would replace it
                try:
                    self._file = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
                except OSError as err:
                    raise OutputError(f"{path}: {err.strerror or err}") from err
                return
            if target.is_symlink():  # the link stays; the file it points to is replaced
                target = Path(os.path.realpath(target))
                self.path = str(target)
            folder = target.parent if str(target.parent) else Path(".")
            try:
                fd, self._tmp = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".tmp", dir=folder
                )
            except OSError as err:
                raise OutputError(f"{path}: {err.strerror or err}") from err
            self._file = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        if self._file is None:
            write_stdout(text, self.color)
        else:
            self._file.write(text if self.color else click.unstyle(text))

    def close(self) -> None:
        """Put the file in place (keeping the permissions of the file it replaces)."""
        if self._file is None:
            return
        if self._tmp is None:  # written in place (a device or FIFO)
            self._file.close()
            return
        self._file.close()
        try:
            mode = os.stat(self.path).st_mode & 0o7777 if os.path.exists(self.path) else None
            os.chmod(self._tmp, mode if mode is not None else 0o644 & ~_umask())
            os.replace(self._tmp, self.path)
        except OSError as err:
            self.discard()
            raise OutputError(f"{self.path}: {err.strerror or err}") from err
        self._tmp = None

    def discard(self) -> None:
        """Drop a half-written file (the run failed before the report was complete)."""
        if self._file is not None and not self._file.closed:
            self._file.close()
        if self._tmp is not None and os.path.exists(self._tmp):
            os.unlink(self._tmp)
        self._tmp = None


def write_stdout(text: str, color: bool | None = None) -> None:
    """Echo to stdout; a reader that went away (`| head`) is not an error: the rest of the
    output is dropped and the run keeps the exit status it would have had (--exit-zero: 0)."""
    try:
        click.echo(text, nl=False, color=color)
    except BrokenPipeError:
        _silence_stdout()


def write_stdout_bytes(data: bytes) -> None:
    """Bytes to stdout (the fixed document of `--fix -`), with the same broken-pipe rule."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)  # later writes and the exit flush land here
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def open_output(path: str | None, color: bool) -> Output:
    """The report's destination; a file that cannot be created exits 2 with the reason."""
    try:
        return Output(path, color)
    except OutputError as err:
        click.echo(f"claimlint: cannot write the report: {err}", err=True)
        sys.exit(2)


def close_output(out: Output) -> None:
    try:
        out.close()
    except OutputError as err:
        click.echo(f"claimlint: cannot write the report: {err}", err=True)
        sys.exit(2)
