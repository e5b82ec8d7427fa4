"""Fetch live pages politely with httpx: robots.txt, per-host limits and delay, bounded bodies.

Only addresses the audit was given (or found in a sitemap it was given) are requested, plus
robots.txt on their hosts. Redirects are followed only on the same scheme, host and port; a
redirect elsewhere is reported, not followed. Every URL gets a Fetched: its body to lint, or
the reason it has none.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from claimlint.version import __version__

REDIRECTS = (301, 302, 303, 307, 308)
LINTABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """How hard and how long the audit may knock on a site."""

    user_agent: str = f"claimlint/{__version__} (content audit)"
    max_connections: int = 8
    per_host: int = 2
    delay: float = 0.5  # seconds between the starts of two requests to one host
    timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5


@dataclass
class Fetched:
    """What one URL gave: a body to lint (reason == "") or the reason there is none."""

    url: str
    status: int | None = None
    reason: str = ""
    data: bytes | None = None
    content_type: str = ""
    charset: str | None = None
    final_url: str = ""
    fetched_at: str = ""
    elapsed_ms: int = 0


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class HostGate:
    """At most `per_host` requests at once to one host, their starts `delay` seconds apart."""

    per_host: int
    delay: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _slots: threading.Semaphore = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _next: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._slots = threading.Semaphore(max(1, self.per_host))

    def reserve(self) -> float:
        """The seconds to wait before this request may start (and book the next start)."""
        with self._lock:
            now = self.clock()
            start = max(now, self._next)
            self._next = start + self.delay
            return start - now

    def __enter__(self) -> HostGate:
        self._slots.acquire()
        wait = self.reserve()
        if wait > 0:
            self.sleep(wait)
        return self

    def __exit__(self, *exc: object) -> None:
        self._slots.release()


class Fetcher:
    """One httpx client for the whole audit; robots.txt read once per host."""

    def __init__(self, policy: FetchPolicy) -> None:
        from claimlint.audit.needs import need

        httpx = need("httpx", "fetch URLs")
        self.policy = policy
        self._httpx = httpx
        self.client = httpx.Client(
            headers={"User-Agent": policy.user_agent},
            timeout=httpx.Timeout(policy.timeout),
            limits=httpx.Limits(
                max_connections=policy.max_connections,
                max_keepalive_connections=policy.max_connections,
            ),
            follow_redirects=False,
            trust_env=False,  # no proxies or netrc from the environment: only the given hosts
        )
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self._lock = threading.Lock()
        self._robots_locks: dict[str, threading.Lock] = {}
        self._pool = ThreadPoolExecutor(max_workers=max(1, policy.max_connections))

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------------------
    def gate(self, url: str) -> HostGate:
        key = origin(url)
        with self._lock:
            if key not in self._gates:
                self._gates[key] = HostGate(self.policy.per_host, self.policy.delay)
            return self._gates[key]

    def robots_verdict(self, url: str) -> str:
        """ "" when robots.txt lets us fetch the URL, else the reason we may not."""
        key = origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._robots:
                self._robots[key] = self._read_robots(key)
        rules = self._robots[key]
        if isinstance(rules, str):
            return rules
        return "" if rules.can_fetch(self.policy.user_agent, url) else "disallowed by robots.txt"

    def _read_robots(self, key: str) -> RobotFileParser | str:
        """robots.txt as the convention reads it: 401/403 forbid all, other 4xx allow all,
        5xx or no answer forbid all (we cannot tell what the site wants)."""
        parser = RobotFileParser(key + "/robots.txt")
        try:
            with self.gate(key), self.client.stream("GET", key + "/robots.txt") as response:
                status = response.status_code
                body = self._read_body(response, ROBOTS_MAX_BYTES)
        except self._httpx.HTTPError as err:
            return f"robots.txt could not be read ({self._describe(err)})"
        if status in (401, 403):
            return f"disallowed (robots.txt answered HTTP {status})"
        if status >= 500:
            return f"robots.txt unavailable (HTTP {status})"
        if status != 200 or body is None:
            parser.parse([])
        else:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    # -- fetching ----------------------------------------------------------------------------
    def fetch_many(
        self, urls: Iterable[str], *, accept: tuple[str, ...] | None = None
    ) -> list[Fetched]:
        """Fetch concurrently (bounded overall and per host); results in the order given."""
        return list(self._pool.map(lambda u: self.fetch(u, accept=accept), urls))

    def fetch(self, url: str, *, accept: tuple[str, ...] | None = None) -> Fetched:
        """GET one URL, following same-origin redirects; never raises for network trouble."""
        started = time.monotonic()
        result = Fetched(url=url, fetched_at=_now())
        try:
            self._fetch_into(result, accept if accept is not None else LINTABLE_TYPES)
        finally:
            result.elapsed_ms = int((time.monotonic() - started) * 1000)
        if result.reason:
            result.data = None
        return result

    def _fetch_into(self, result: Fetched, accept: tuple[str, ...]) -> None:
        current = result.url
        chain: list[str] = []
        while True:
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                result.reason = f"unsupported scheme {scheme or '(none)'!r} (only http and https)"
                return
            chain.append(current)
            verdict = self.robots_verdict(current)
            if verdict:
                result.reason = verdict
                return
            try:
                with self.gate(current), self.client.stream("GET", current) as response:
                    result.status = response.status_code
                    result.final_url = current
                    if response.status_code in REDIRECTS and "location" in response.headers:
                        target = _without_fragment(urljoin(current, response.headers["location"]))
                    else:
                        target = ""
                        self._take_body(result, response, accept)
            except self._httpx.TimeoutException:
                result.reason = f"timeout (no answer within {self.policy.timeout:g} s)"
                return
            except self._httpx.HTTPError as err:
                result.reason = self._describe(err)
                return
            if not target:
                return
            if target in chain:
                result.reason = f"redirect loop ({' -> '.join(chain + [target])})"
                return
            if len(chain) > self.policy.max_redirects:
                result.reason = f"too many redirects (more than {self.policy.max_redirects})"
                return
            if origin(target) != origin(result.url):
                result.reason = f"redirects to another host ({target}); not followed"
                return
            current = target

    def _take_body(self, result: Fetched, response: Any, accept: tuple[str, ...]) -> None:
        result.content_type = response.headers.get("content-type", "")
        if response.status_code != 200:
            result.reason = f"HTTP {response.status_code}"
            return
        kind = media_type(result.content_type)
        if kind and kind not in accept:
            result.reason = f"not HTML or text (content type {kind})"
            return
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            result.reason = f"too large ({int(declared)} bytes; the limit is {limit})"
            return
        body = self._read_body(response, limit)
        if body is None:
            result.reason = f"too large (more than {limit} bytes)"
            return
        result.data = body
        result.charset = response.charset_encoding

    @staticmethod
    def _read_body(response: Any, limit: int) -> bytes | None:
        """The body, or None as soon as it passes `limit` bytes (the rest is never read)."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    def _describe(self, err: Exception) -> str:
        if isinstance(err, self._httpx.TimeoutException):
            return f"timeout (no answer within {self.policy.timeout:g} s)"
        if isinstance(err, self._httpx.ConnectError):
            return f"connection failed ({err})"
        return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__


def _without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
