"""Sitemaps (sitemaps.org): url sets and sitemap indexes, plain or gzip-compressed."""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the protocol's limit for an uncompressed sitemap


class SitemapError(Exception):
    """A sitemap that cannot be read; the message says why."""


@dataclass
class Sitemap:
    """The page URLs of a url set, or the child sitemaps of an index."""

    pages: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def looks_like_sitemap(url: str) -> bool:
    """A URL audited as a sitemap rather than a page: it ends in .xml or .xml.gz."""
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith((".xml", ".xml.gz"))


def gunzip_bounded(data: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes:
    """Decompress gzip data, refusing more than `limit` bytes (a gzip bomb stops here)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError) as err:
        raise SitemapError(f"is not valid gzip ({err})") from None
    if len(out) > limit:
        raise SitemapError(f"is larger than {limit // (1024 * 1024)} MB uncompressed")
    return out


def parse_sitemap(data: bytes) -> Sitemap:
    """Read a <urlset> or <sitemapindex>; gzip is recognised by its magic bytes."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip_bounded(data)
    if b"<!DOCTYPE" in data[:2048].upper() or b"<!ENTITY" in data.upper():
        raise SitemapError("declares a DOCTYPE or entities, which sitemaps never need")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise SitemapError(f"is not well-formed XML ({err})") from None
    kind = root.tag.rsplit("}", 1)[-1]
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"has root element <{kind}>, not <urlset> or <sitemapindex>")
    locs = [
        (el.text or "").strip()
        for el in root.iter()
        if el.tag.rsplit("}", 1)[-1] == "loc" and (el.text or "").strip()
    ]
    return Sitemap(pages=locs) if kind == "urlset" else Sitemap(children=locs)
