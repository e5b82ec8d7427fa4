"""A content-hash cache of lint results, so unchanged files cost a hash and a small read.

Pure Python on purpose: a run whose files all hit the cache must never import spaCy.

Layout: ``.claimlint_cache/v1/<2 hex>/<64 hex>.json``, one file per entry. An entry's key hashes
everything that can change its findings: the file's bytes, its path and format, the encoding
option, the rule set's fingerprint (a hash of the packs' bytes), the linter options, claimlint's
version and source code, the Python version, and the installed spaCy and spacy-lookups-data.
Entries are written to a temporary file and renamed into place (atomic on POSIX and Windows),
so concurrent runs never see half an entry. Each entry is signed with an HMAC under a secret
key kept outside the linted tree (see machine_key), read only if it is a regular file of
bounded size, and validated field by field; anything else is ignored (and removed).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.files import NotRegularFile, atomic_write, read_regular, remove_quietly
from claimlint.inputs.user_cache import code_salt as user_code_salt
from claimlint.inputs.user_cache import digest as _digest
from claimlint.inputs.user_cache import key_file, machine_key
from claimlint.inputs.user_cache import sign as _sign

CACHE_DIR_NAME = ".claimlint_cache"
MAX_AGE = 30 * 86400  # seconds an entry is kept after it was written
PRUNE_EVERY = 86400  # seconds between two sweeps for expired entries
LAYOUT = "v1"  # bump when the entry format changes (older unsigned entries just miss)
MAX_ENTRY_BYTES = 16 * 1024 * 1024
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by claimlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def cache_folder(config_path: Path | None = None, cwd: Path | None = None) -> Path:
    """Beside the configuration file when there is one, else in the working folder."""
    if config_path is not None:
        return Path(config_path).resolve().parent / CACHE_DIR_NAME
    return (cwd or Path.cwd()) / CACHE_DIR_NAME


def code_salt() -> str:
    """The installed software's part of every key, with this entry format's version."""
    return _digest(LAYOUT, user_code_salt())


def _plain(value: Any) -> Any:
    """Options as JSON-able data (dataclasses, tuples, dicts), in a stable order."""
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def linter_key(fingerprint: str, options: Any) -> str:
    """The part of a key that depends on the rule set and options of one Linter."""
    options_json = json.dumps(_plain(options), sort_keys=True)
    return _digest(code_salt(), fingerprint, options_json)


def entry_key(linter_part: str, path: str, fmt: str, encoding: str | None, data: bytes) -> str:
    """The key of one file's results. The path is part of it: per-file configuration
    (per-file-ignores, provided disclaimers) and the diagnostics' `path` depend on it."""
    return _digest(linter_part, path, fmt, encoding or "", hashlib.sha256(data).hexdigest())


class ResultCache:
    """Lint results stored one file per entry; every failure degrades to a cache miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.root = self.folder / LAYOUT
        self.writable = True
        self.hits = 0
        self.misses = 0
        self.written = 0

    # -- entries ------------------------------------------------------------------------------

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str, path: str, data: bytes | None = None) -> list[Diagnostic] | None:
        """The diagnostics stored under key (their path set to `path`), or None. With the
        file's bytes, line numbers beyond its end make the entry invalid."""
        secret = machine_key()
        entry = self._entry(key)
        try:
            if secret is None:
                raise OSError("no key to verify entries with")
            raw = read_regular(entry, MAX_ENTRY_BYTES, follow_symlinks=False)
        except NotRegularFile:  # a FIFO, a link to /dev/zero: never ours
            self.misses += 1
            remove_quietly(entry)
            return None
        except OSError:
            self.misses += 1
            return None
        lines = None if data is None else data.count(b"\n") + data.count(b"\r") + 1
        found = _decode_entry(raw, key, path, secret, lines)
        if found is None:
            self.misses += 1
            remove_quietly(entry)
        else:
            self.hits += 1
        return found

    def put(self, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Store the diagnostics under key; a read-only or full disk just disables writing."""
        secret = machine_key()
        if not self.writable or secret is None:
            return
        body = json.dumps(
            {"key": key, "diagnostics": [_diag_json(d) for d in diagnostics]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        payload = _sign(secret, body).encode("ascii") + b"\n" + body
        try:
            self._ensure_folder()
            atomic_write(self._entry(key), payload)
            self.written += 1
        except OSError:
            self.writable = False

    # -- expiry ----------------------------------------------------------------------------------

    def prune_if_due(self, now: float | None = None) -> int:
        """Remove entries written more than MAX_AGE ago, at most once per PRUNE_EVERY; returns
        how many. Called after a run wrote entries, so a cache of a site whose pages change
        keeps only what was linted recently (an old entry of an unchanged page costs one
        re-lint). A hit never writes, so age is counted from when an entry was written."""
        now = time.time() if now is None else now
        marker = self.root / ".last-prune"
        try:
            if now - marker.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass  # never pruned
        removed = 0
        try:
            shards = [p for p in self.root.iterdir() if p.is_dir()]
            for shard in shards:
                for entry in shard.iterdir():
                    try:
                        if now - entry.stat().st_mtime > MAX_AGE:
                            entry.unlink()
                            removed += 1
                    except OSError:
                        continue  # removed by a concurrent run, or not ours to remove
            marker.touch()
            os.utime(marker, (now, now))
        except OSError:
            pass  # a read-only or vanished cache is not an error
        return removed

    # -- the folder ------------------------------------------------------------------------------

    def _ensure_folder(self) -> None:
        """Create the folder with a CACHEDIR.TAG (backup tools skip it) and a .gitignore."""
        if (self.folder / "CACHEDIR.TAG").is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.folder / ".gitignore", b"# Created by claimlint; never commit.\n*\n")
        atomic_write(self.folder / "CACHEDIR.TAG", CACHEDIR_TAG.encode("ascii"))


def _verified_json(raw: bytes, secret: bytes) -> Any:
    """The JSON after an HMAC line, or None when the signature or the JSON is wrong."""
    signature, sep, body = raw.partition(b"\n")
    if not sep or not hmac.compare_digest(_sign(secret, body).encode("ascii"), signature):
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


_DIAG_FIELDS = tuple(f for f in Diagnostic.__dataclass_fields__ if f != "path")
_SEVERITIES = ("error", "warning", "info")


def _diag_json(diag: Diagnostic) -> list[Any]:
    return [getattr(diag, name) for name in _DIAG_FIELDS]


def _decode_entry(
    raw: bytes, key: str, path: str, secret: bytes, lines: int | None = None
) -> list[Diagnostic] | None:
    data = _verified_json(raw, secret)
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    items = data.get("diagnostics")
    if not isinstance(items, list):
        return None
    try:
        return [Diagnostic(path, *_checked(item, lines)) for item in items]
    except (TypeError, ValueError):
        return None


def _checked(item: Any, lines: int | None) -> list[Any]:
    """Every field of a stored diagnostic, type and range, before it is trusted."""
    if not isinstance(item, list) or len(item) != len(_DIAG_FIELDS):
        raise ValueError("malformed diagnostic")
    values = dict(zip(_DIAG_FIELDS, item, strict=True))
    numbers = [values[k] for k in ("line", "column", "end_line", "end_column")]
    if not all(type(n) is int and n >= 1 for n in numbers):
        raise ValueError("positions must be whole numbers from 1")
    if values["end_line"] < values["line"] or (lines is not None and values["end_line"] > lines):
        raise ValueError("lines out of range")
    texts = ("rule", "name", "category", "severity", "message", "excerpt")
    if not all(isinstance(values[k], str) for k in texts) or any(
        values[k] is not None and not isinstance(values[k], str) for k in ("suggestion", "fix")
    ):
        raise ValueError("text fields must be strings")
    if values["severity"] not in _SEVERITIES:
        raise ValueError("unknown severity")
    return item


__all__ = [
    "CACHE_DIR_NAME",
    "ResultCache",
    "cache_folder",
    "entry_key",
    "linter_key",
    "key_file",
    "machine_key",
]
