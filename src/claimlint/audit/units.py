"""What an audit lints: units (a file, a WARC record, a URL), grouped into shards.

Units and shards are small, picklable and deterministic: the same sources give the same shards
in the same order, which is what lets a restarted audit skip the shards it finished.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

FILE, WARC, URL = "file", "warc", "url"


@dataclass(frozen=True)
class Unit:
    """One page to lint: a file path, a WARC record (path and offset) or a URL."""

    source: str  # the SOURCE argument it came from
    kind: str  # file, warc or url
    location: str  # file path, WARC path, or URL
    offset: int = -1  # WARC record offset
    uri: str = ""  # WARC target URI
    status: int | None = None  # WARC: the recorded HTTP status
    content_type: str = ""  # WARC: the recorded Content-Type
    date: str = ""  # WARC: the capture date

    @property
    def address(self) -> str:
        """What the page is reported under: the URL, the record's target URI, or the path."""
        return self.uri if self.kind == WARC else self.location

    @property
    def identity(self) -> str:
        return f"{self.kind}\t{self.location}\t{self.offset}"


def site_of(unit: Unit) -> str:
    """The host of a URL or WARC page; the source folder or file of a local one."""
    if unit.kind == FILE:
        return unit.source
    return urlsplit(unit.address).netloc.lower() or unit.source


def url_key(url: str) -> str:
    """host/path, what configuration globs match for a page that is not a file."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{parts.netloc.lower()}{path}".rstrip("/") or parts.netloc.lower()


@dataclass(frozen=True)
class Shard:
    """A slice of the plan: its position and its units."""

    index: int
    units: tuple[Unit, ...]

    @property
    def digest(self) -> str:
        """Changes when the shard would lint other pages (a sitemap that changed)."""
        text = "\n".join(unit.identity for unit in self.units)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_shards(units: list[Unit], size: int) -> list[Shard]:
    """Consecutive slices of `size` units, in plan order."""
    size = max(1, size)
    return [Shard(i // size, tuple(units[i : i + size])) for i in range(0, len(units), size)]


def dedupe(units: list[Unit]) -> list[Unit]:
    """The first unit of each identity (a URL listed twice is fetched once)."""
    seen: set[str] = set()
    return [u for u in units if not (u.identity in seen or seen.add(u.identity))]
