"""File-system access every layer shares: bounded reads, OS errors in words, atomic writes."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from claimlint.inputs.decoding import DecodeError
from claimlint.inputs.sources import Source, source_from_bytes

MAX_FILE_BYTES = 64 * 1024 * 1024


def read_source(
    path: str,
    *,
    encoding: str | None = None,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
    stored: bool = False,
) -> Source:
    """Read one file (or stdin) into a Source; failures are OSError or DecodeError.
    `stored`: see source_from_bytes."""
    name, data = read_bytes(path, stdin_filename=stdin_filename, stdin_data=stdin_data)
    return source_from_bytes(name, data, encoding=encoding, stored=stored)


def read_bytes(
    path: str, *, stdin_filename: str | None = None, stdin_data: bytes | None = None
) -> tuple[str, bytes]:
    """The name a file is reported under and its bytes (the cache keys on them undecoded)."""
    if path == "-":
        data = stdin_data if stdin_data is not None else sys.stdin.buffer.read()
        return stdin_filename or "-", data
    if os.path.isdir(path):
        raise IsADirectoryError(21, "is a folder", path)
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        raise DecodeError(
            f"is {size // (1024 * 1024)} MB, larger than the "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB claimlint lints"
        )
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)  # bounded: a pipe or device may never end
    if len(data) > MAX_FILE_BYTES:
        raise DecodeError(
            f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB claimlint lints"
        )
    return path, data


class NotRegularFile(OSError):
    """A path that is a FIFO, device, socket or folder where a regular file is expected."""


def read_regular(path: str | Path, limit: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file, at most `limit` of them (OSError beyond that).

    Opened non-blocking and checked with fstat before any read, so a FIFO or /dev/zero given
    as a configuration, baseline or cache entry is refused at once instead of hanging or
    filling memory; follow_symlinks=False also refuses a symbolic link.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if not follow_symlinks and os.path.islink(path):
            raise NotRegularFile(errno.ELOOP, "is a symbolic link", str(path)) from None
        raise err
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise NotRegularFile(errno.EINVAL, f"is {kind}", str(path))
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"is larger than {limit} bytes", str(path))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise OSError(errno.EFBIG, f"is larger than {limit} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def describe_os_error(err: OSError) -> str:
    reason = err.strerror or str(err)
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a folder"
    return reason[0].lower() + reason[1:] if reason else "cannot be read"


def is_special_file(path: Path) -> bool:
    """A device, FIFO or socket (after symlinks): written to as it is. Renaming a temporary
    file onto `/dev/null` would replace the device with a regular file, for every program on
    the machine."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside the target, then rename it into place. `data` may be
    given in parts (a big baseline is written as it is made, never held whole). A symlink is
    followed (its target is replaced, the link kept); a device or FIFO is written directly."""
    import tempfile  # only when writing: a run answered from the cache writes nothing

    if is_special_file(path):
        with open(path, "wb") as handle:
            handle.writelines([data] if isinstance(data, bytes) else data)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a cache is as readable as its folder
        os.replace(temp, path)
    except BaseException:
        remove_quietly(Path(temp))
        raise


def remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
