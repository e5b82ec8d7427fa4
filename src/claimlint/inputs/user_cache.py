"""The per-user cache folder, outside any linted tree: its secret key and signed entries.

Two caches live on it. The result cache (run/cache.py) signs its entries with the key so that
a checked-in `.claimlint_cache/` cannot forge "no problems". The compiled-pack cache keeps the
rule packs parsed and validated, and the lexicons compiled, keyed by the packs' bytes and
claimlint's own code: a new process then skips about a second of YAML, schema checks and
phrase compilation (like Python's __pycache__). Its entries are pickles, so they are read only
after their HMAC under this user's key checks out: a file anyone else wrote is a mere miss.
Set CLAIMLINT_NO_PACK_CACHE=1 to neither read nor write it.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimlint.inputs.files import atomic_write, read_regular, remove_quietly
from claimlint.version import __version__

MAX_COMPILED_BYTES = 64 * 1024 * 1024  # a compiled-pack entry is about 2 MB
KEEP_COMPILED = 6  # entries of one kind kept: pack authors edit and re-run many times
_CODE_SUFFIXES = (".py", ".json", ".txt")  # the code and the data files shipped with it


def folder() -> Path:
    """$XDG_CACHE_HOME/claimlint, else ~/.cache/claimlint."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimlint"


def key_file() -> Path:
    return folder() / "key"


def machine_key() -> bytes | None:
    """This user's secret for signing cache entries (None: caching is off).

    Entries are keyed by content hashes anyone can compute; an HMAC with a key that lives
    outside the linted tree, readable by this user only, makes forged entries mere misses.
    """
    if _KEY:
        return _KEY[0]
    path = key_file()
    try:
        try:
            key = read_regular(path, 4096, follow_symlinks=False)
        except FileNotFoundError:
            key = _create_key(path)
    except OSError:
        key = b""
    _KEY.append(key if len(key) >= 32 else None)
    return _KEY[0]


_KEY: list[bytes | None] = []


def _create_key(path: Path) -> bytes:
    """Write 32 random bytes with mode 0600, atomically: a hard link of a complete temporary
    file, so a concurrent run either wins (and both use its key) or reads the winner's."""
    import secrets

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(f".key-{os.getpid()}-{secrets.token_hex(4)}")
    key = secrets.token_bytes(32)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        try:
            os.link(temp, path)
        except FileExistsError:
            return read_regular(path, 4096, follow_symlinks=False)
    finally:
        remove_quietly(temp)
    return key


def sign(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def digest(*parts: str | bytes) -> str:
    """sha256 over length-prefixed parts, so ('ab', 'c') and ('a', 'bc') differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_salt() -> str:
    """What the installed software contributes to every cache key: version, source and data
    files, Python (its regex and YAML parsing decide whether a pack is valid), dependencies.

    Hashing claimlint's own files (~1 MB, a few milliseconds) keeps the caches honest while
    the version number stays put during development. spaCy is located, not imported.
    """
    import importlib.util

    parts: list[str | bytes] = [
        __version__,
        sys.version,
        files_digest(Path(__file__).parent.parent),
    ]
    for name in ("spacy", "spacy_lookups_data", "re2"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec and spec.origin else ""
        marker = ""
        if origin:
            about = Path(origin).parent / "about.py"
            try:
                marker = (about if about.is_file() else Path(origin)).read_text("utf-8", "replace")
            except OSError:
                marker = origin
        parts += [name, origin, marker]
    return digest(*parts)


def files_digest(package: Path) -> str:
    """A hash of a package's code and data files (a change to inflections.json or to the
    common-word list changes what the packs compile to, as a change to the code does)."""
    parts: list[str | bytes] = []
    for path in sorted(package.resolve().rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            parts += [path.relative_to(package.resolve()).as_posix(), path.read_bytes()]
    return digest(*parts)


def _compiled_on() -> bool:
    return os.environ.get("CLAIMLINT_NO_PACK_CACHE", "") in ("", "0")


def _compiled_path(kind: str, key: str) -> Path:
    return folder() / "compiled" / f"{kind}-{key[:32]}.pickle"


def compiled_cache_on() -> bool:
    """Whether compiled-pack entries are read and written at all (a key, not switched off)."""
    return _compiled_on() and machine_key() is not None


def compiled_stored(kind: str, key: str) -> bool:
    """Whether an entry for this key exists (a damaged one is still a miss when loaded)."""
    try:
        return _compiled_path(kind, key).is_file()
    except OSError:
        return False


def load_compiled(kind: str, key: str) -> Any | None:
    """A compiled-pack entry stored under this key by this user, or None (a miss)."""
    secret = machine_key() if _compiled_on() else None
    if secret is None:
        return None
    try:
        raw = read_regular(_compiled_path(kind, key), MAX_COMPILED_BYTES, follow_symlinks=False)
    except OSError:
        return None
    signature, sep, body = raw.partition(b"\n")
    if not sep or not hmac.compare_digest(sign(secret, body).encode("ascii"), signature):
        return None
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of small dicts would trigger collections: twice as slow
    try:
        found = pickle.loads(body)  # noqa: S301 - signed by this user's secret key above
    except Exception:  # noqa: BLE001 - a stale or damaged entry is a miss
        return None
    finally:
        if collecting:
            gc.enable()
    return found[1] if isinstance(found, tuple) and len(found) == 2 and found[0] == key else None


def store_compiled(kind: str, key: str, value: Any) -> None:
    """Sign and write an entry (atomically); never fails the run: a cache is optional."""
    secret = machine_key() if _compiled_on() else None
    if secret is None:
        return
    try:
        body = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something that cannot be pickled is not cached
        return
    if len(body) > MAX_COMPILED_BYTES:
        return
    path = _compiled_path(kind, key)
    try:
        atomic_write(path, sign(secret, body).encode("ascii") + b"\n" + body)
        _prune(path.parent, kind)
    except OSError:
        pass


def _prune(where: Path, kind: str) -> None:
    """Keep the newest KEEP_COMPILED entries of a kind: the cache must not grow for good."""
    entries = sorted(where.glob(f"{kind}-*.pickle"), key=_mtime, reverse=True)
    for stale in entries[KEEP_COMPILED:]:
        remove_quietly(stale)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
