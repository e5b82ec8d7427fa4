"""The worker's side of an audit: lint a shard, return only page rows and finding rows.

Each process builds its linters (configuration, rule packs, spaCy pipeline) once per audit
settings and keeps them (a per-process cache): a local pool builds them before forking, a Dask
worker in its plugin's setup or on its first task.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimlint.audit.fetch import Fetched, media_type
from claimlint.audit.units import FILE, URL, WARC, Shard, Unit, site_of, url_key

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.diagnostics import Diagnostic
    from claimlint.nlp.engine import Linter
    from claimlint.run.resolver import Resolver

FINDING_COLUMNS = (
    "url",
    "site",
    "source",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "name",
    "category",
    "severity",
    "message",
    "excerpt",
    "suggestion",
    "fix",
)
PAGE_COLUMNS = (
    "source",
    "site",
    "kind",
    "url",
    "status",
    "outcome",
    "reason",
    "content_type",
    "bytes",
    "sha256",
    "fetched_at",
    "fetch_ms",
    "findings",
)


@dataclass(frozen=True)
class Settings:
    """What decides the linters: the same as `claimlint check`'s options."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    config_file: str | None = None
    isolated: bool = False
    encoding: str | None = None
    cwd: str = field(default_factory=lambda: str(Path.cwd()))
    max_bytes: int = 5 * 1024 * 1024

    @property
    def key(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


@dataclass
class ShardTask:
    """A shard and, for URLs, what the main process fetched (bodies of live pages)."""

    shard: Shard
    fetched: dict[str, Fetched] = field(default_factory=dict)


@dataclass
class ShardResult:
    index: int
    digest: str
    pages: list[dict[str, Any]]
    findings: Iterable[dict[str, Any]]  # a FindingRows (or a list), each row once
    seconds: float = 0.0


class AuditLinters:
    """The Resolver of `check`, plus linters for pages that are URLs: configuration globs
    (per-file-ignores, provided-disclaimers) match them as host/path."""

    def __init__(self, settings: Settings) -> None:
        from claimlint.packs import lazy_rules
        from claimlint.run.resolver import Overrides, Resolver

        self.settings = settings
        ruleset = lazy_rules([Path(d) for d in settings.rule_dirs])
        overrides = Overrides(
            select=settings.select, ignore=settings.ignore, rule_dirs=settings.rule_dirs
        )
        config_file = settings.config_file
        if config_file and not Path(config_file).is_absolute():
            config_file = str(Path(settings.cwd) / config_file)
        self.resolver: Resolver = Resolver(
            overrides, config_file=config_file, isolated=settings.isolated, ruleset=ruleset
        )
        self.config = self.resolver.config_for(settings.cwd)
        self.resolver.linter_for(settings.cwd)  # registers the working folder's configuration
        self._by_options: dict[tuple, Linter] = {}

    def check(self) -> None:
        """Parse the packs and validate selectors (PackError, ConfigError) before any lint."""
        self.resolver.check()

    def for_file(self, path: str) -> Linter:
        linter = self.resolver.linter_for(path)
        self.resolver.check()
        return linter

    def for_url(self, url: str) -> Linter:
        from claimlint.nlp.shared import SharedPipelineLinter

        options = self.resolver.options_for(self.config, str(self.config.root / url_key(url)))
        key = (
            options.select,
            options.ignore,
            tuple(options.provided.get("*", ())),
            options.report_unused_suppressions,
        )
        if key not in self._by_options:
            ruleset = self.resolver.ruleset_for(self.config)
            self._by_options[key] = SharedPipelineLinter(ruleset, options)
        return self._by_options[key]

    def warm(self) -> None:
        """Build the default pipeline now (before a fork, or in a Dask worker's setup)."""
        self.check()
        _ = self.for_url("http://warm.invalid/").nlp


_CONTEXTS: dict[str, AuditLinters] = {}
_LOCK = threading.Lock()


def linters_for(settings: Settings) -> AuditLinters:
    """This process's linters for these settings, built on first use."""
    with _LOCK:
        if settings.key not in _CONTEXTS:
            _CONTEXTS[settings.key] = AuditLinters(settings)
        return _CONTEXTS[settings.key]


def prepare(settings: Settings) -> None:
    """Build and validate everything a shard needs (a Dask plugin's setup calls this)."""
    linters_for(settings).warm()


def lint_shard(task: ShardTask, settings: Settings) -> ShardResult:
    """Lint every page of a shard; pages that cannot be linted get a row with the reason."""
    started = time.perf_counter()
    linters = linters_for(settings)
    pages: list[dict[str, Any]] = []
    findings = FindingRows()
    for unit in task.shard.units:
        row, diagnostics = lint_unit(unit, task.fetched.get(unit.location), linters)
        pages.append(row)
        if diagnostics:
            findings.add(row, diagnostics)
    seconds = time.perf_counter() - started
    return ShardResult(task.shard.index, task.shard.digest, pages, findings, seconds)


class FindingRows:
    """A shard's finding rows, made one at a time from its pages' findings when they are
    written: a big page's findings stay spilled (run/spill.py), never a list of rows."""

    def __init__(self) -> None:
        self.parts: list[tuple[dict[str, Any], Sequence[Diagnostic]]] = []

    def add(self, page: dict[str, Any], diagnostics: Sequence[Diagnostic]) -> None:
        where = {c: page[c] for c in ("url", "site", "source")}
        self.parts.append((where, diagnostics))

    def __len__(self) -> int:
        return sum(len(found) for _, found in self.parts)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for where, found in self.parts:
            for diag in found:
                data = diag.to_json()
                yield {c: data.get(c, where.get(c)) for c in FINDING_COLUMNS}


def _page_row(unit: Unit) -> dict[str, Any]:
    return {
        "source": unit.source,
        "site": site_of(unit),
        "kind": unit.kind,
        "url": unit.address,
        "status": unit.status,
        "outcome": "linted",
        "reason": "",
        "content_type": unit.content_type,
        "bytes": None,
        "sha256": None,
        "fetched_at": unit.date or None,
        "fetch_ms": None,
        "findings": 0,
    }


def fmt_of(address: str, content_type: str) -> str | None:
    """The reader for a page: from its content type, else (text/plain, none) its name."""
    kind = media_type(content_type)
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind == "text/markdown":
        return "markdown"
    return None  # format_of(address) decides: .md served as text/plain is still Markdown


def lint_unit(unit: Unit, fetched: Fetched | None, linters: AuditLinters) -> tuple[dict, list]:
    """One page's row and diagnostics; every failure becomes the row's reason."""
    from claimlint.inputs import files as file_io
    from claimlint.inputs.decoding import DecodeError
    from claimlint.inputs.sources import source_from_bytes
    from claimlint.nlp.limits import TimeBudgetExceeded, lint_within_budget
    from claimlint.run.chunked import Chunked

    row = _page_row(unit)
    encoding = linters.settings.encoding
    started = time.perf_counter()
    try:
        if unit.kind == URL:
            if fetched is None:
                raise _Skip("not fetched")
            row.update(
                status=fetched.status,
                content_type=fetched.content_type,
                fetched_at=fetched.fetched_at,
                fetch_ms=fetched.elapsed_ms,
            )
            if fetched.reason or fetched.data is None:
                raise _Skip(fetched.reason or "no content")
            data = fetched.data
            encoding = _charset(f"; charset={fetched.charset}") if fetched.charset else encoding
            linter = linters.for_url(unit.address)
        elif unit.kind == WARC:
            if unit.status is not None and unit.status != 200:
                raise _Skip(f"HTTP {unit.status}")
            from claimlint.audit.warc import read_payload

            payload = read_payload(unit, linters.settings.max_bytes)
            row["fetch_ms"] = int((time.perf_counter() - started) * 1000)
            if payload is None:
                raise _Skip(f"too large (more than {linters.settings.max_bytes} bytes)")
            data = payload
            encoding = _charset(unit.content_type) or encoding
            linter = linters.for_url(unit.address)
        else:
            row["fetched_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            _, data = file_io.read_bytes(unit.location)
            row["fetch_ms"] = int((time.perf_counter() - started) * 1000)
            linter = linters.for_file(unit.location)
        row["bytes"] = len(data)
        row["sha256"] = hashlib.sha256(data).hexdigest()
        fmt = fmt_of(unit.address, row["content_type"]) if unit.kind != FILE else None
        source = source_from_bytes(unit.address, data, encoding=encoding, fmt=fmt, stored=True)
        del data  # a big page is kept once, as its source's bytes
        diagnostics = lint_within_budget(Chunked(linter), source)  # a big page in pieces
    except _Skip as skip:
        row.update(outcome="skipped", reason=str(skip))
        return row, []
    except (DecodeError, TimeBudgetExceeded) as err:
        row.update(outcome="error", reason=str(err))
        return row, []
    except OSError as err:
        row.update(outcome="error", reason=file_io.describe_os_error(err))
        return row, []
    row["findings"] = len(diagnostics)
    return row, diagnostics


def _charset(content_type: str) -> str | None:
    import codecs

    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            try:
                return codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                return None
    return None


class _Skip(Exception):
    """A page with nothing to lint (its reason is the row's)."""
