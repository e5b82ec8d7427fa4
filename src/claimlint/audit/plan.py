"""From SOURCE arguments to the list of units to lint, in a deterministic order.

A source is a folder, a WARC file, a text file of URLs, a URL, or a sitemap URL (one ending in
.xml or .xml.gz; sitemap indexes are followed). Sources that cannot be used are a PlanError
before anything is fetched or linted; sitemaps that cannot be fetched are reported as rows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimlint.audit.fetch import Fetched, Fetcher
from claimlint.audit.sitemaps import SitemapError, looks_like_sitemap, parse_sitemap
from claimlint.audit.units import FILE, URL, Unit, dedupe
from claimlint.audit.warc import WarcError, is_warc, scan_warc

SITEMAP_TYPES = (
    "application/xml",
    "text/xml",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
    "text/plain",
)
MAX_SITEMAP_DEPTH = 4


class PlanError(Exception):
    """A source that cannot be audited: the message names it and says why."""


@dataclass
class Plan:
    """The units to lint, and what became of each sitemap that was read."""

    units: list[Unit] = field(default_factory=list)
    sitemaps: list[dict] = field(default_factory=list)
    skipped_records: int = 0


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """scheme://... (any scheme: the fetcher refuses all but http and https, with a reason)."""
    return bool(_SCHEME.match(text))


def read_url_list(path: str) -> list[str] | None:
    """The URLs of a text file whose every line is a URL (# comments and blanks allowed),
    or None when the file is something else (a page to lint)."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle.read(50 * 1024 * 1024).splitlines()]
    except (UnicodeDecodeError, ValueError):
        return None
    except OSError as err:
        raise PlanError(f"{path}: {err.strerror or err}") from None
    entries = [line for line in lines if line and not line.startswith("#")]
    if entries and all(is_url(line) and " " not in line for line in entries):
        return entries
    return None


def plan_sources(
    sources: list[str],
    *,
    expand: Callable[[list[str]], list[str]],
    fetcher: Callable[[], Fetcher],
) -> Plan:
    """Every unit of every source, duplicates dropped, in the order the sources came.

    `expand` turns a folder into its lintable files (configuration include/exclude applied);
    `fetcher` is called only when a sitemap must be fetched.
    """
    plan = Plan()
    for source in sources:
        if is_url(source):
            if looks_like_sitemap(source):
                plan.units.extend(_sitemap_units(source, source, fetcher(), plan, 0, set()))
            else:
                plan.units.append(Unit(source, URL, source))
        elif os.path.isdir(source):
            plan.units.extend(Unit(source, FILE, path) for path in expand([source]))
        elif not os.path.exists(source):
            raise PlanError(f"{source}: no such file, folder or URL")
        elif is_warc(source):
            try:
                plan.units.extend(scan_warc(source, source))
            except WarcError as err:
                raise PlanError(str(err)) from None
        else:
            urls = read_url_list(source)
            if urls is None:
                plan.units.append(Unit(source, FILE, source))
                continue
            for url in urls:
                if looks_like_sitemap(url):
                    plan.units.extend(_sitemap_units(source, url, fetcher(), plan, 0, set()))
                else:
                    plan.units.append(Unit(source, URL, url))
    plan.units = dedupe(plan.units)
    return plan


def _sitemap_units(
    source: str, url: str, fetcher: Fetcher, plan: Plan, depth: int, seen: set[str]
) -> list[Unit]:
    """The page URLs under a sitemap (index children followed, each sitemap read once)."""
    if url in seen:
        return []
    seen.add(url)
    got: Fetched = fetcher.fetch(url, accept=SITEMAP_TYPES)
    row = {"source": source, "sitemap": url, "status": got.status, "reason": got.reason}
    plan.sitemaps.append(row)
    if got.reason or got.data is None:
        return []
    try:
        sitemap = parse_sitemap(got.data)
    except SitemapError as err:
        row["reason"] = f"sitemap {err}"
        return []
    row["pages"], row["sitemaps"] = len(sitemap.pages), len(sitemap.children)
    units = [Unit(source, URL, page) for page in sitemap.pages]
    for child in sitemap.children:
        if depth + 1 > MAX_SITEMAP_DEPTH:
            plan.sitemaps.append(
                {
                    "source": source,
                    "sitemap": child,
                    "status": None,
                    "reason": "sitemap indexes nested too deeply; not read",
                }
            )
            continue
        units.extend(_sitemap_units(source, child, fetcher, plan, depth + 1, seen))
    return units
