"""One audit from start to finish: plan, skip finished shards, fetch, lint, store, summarise."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field

from claimlint.audit.fetch import Fetcher, FetchPolicy
from claimlint.audit.lint import Settings, ShardTask, linters_for
from claimlint.audit.plan import Plan, plan_sources
from claimlint.audit.store import Store, read_rows
from claimlint.audit.units import URL, Shard, make_shards
from claimlint.version import __version__


@dataclass
class AuditRequest:
    """Everything the command line decides."""

    sources: list[str]
    out: str
    settings: Settings = field(default_factory=Settings)
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    engine: str = "local"
    jobs: int = 1
    scheduler: str | None = None
    shard_size: int = 50
    fmt: str = "jsonl"
    fresh: bool = False

    def fingerprint(self) -> str:
        """What must match for a restart to reuse finished shards."""
        settings = asdict(self.settings)
        data = {
            "sources": self.sources,
            "settings": settings,
            "policy": asdict(self.policy),
            "shard_size": self.shard_size,
            "fmt": self.fmt,
            "version": __version__,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass
class AuditOutcome:
    pages: int = 0
    linted: int = 0
    findings: int = 0
    shards: int = 0
    skipped_shards: int = 0
    lint_seconds: float = 0.0  # from the first shard submitted to the last one stored
    linted_now: int = 0  # pages linted by this run (not answered by finished shards)
    sitemap_problems: list[str] = field(default_factory=list)
    failing: bool = False


def run_audit(request: AuditRequest, log: Callable[[str], None] = lambda _: None) -> AuditOutcome:
    """Run (or resume) an audit; errors in sources, configuration or packs raise first."""
    linters = linters_for(request.settings)
    linters.check()  # ConfigError / PackError before anything is fetched
    store = Store(request.out, request.fmt, request.fingerprint(), fresh=request.fresh)
    fetcher: Fetcher | None = None

    def get_fetcher() -> Fetcher:
        nonlocal fetcher
        if fetcher is None:
            fetcher = Fetcher(request.policy)
        return fetcher

    outcome = AuditOutcome()
    try:
        plan: Plan = plan_sources(
            request.sources,
            expand=lambda paths: linters.resolver.expand(paths)[0],
            fetcher=get_fetcher,
        )
        store.start()
        store.write_sitemaps(plan.sitemaps)
        outcome.sitemap_problems = [
            f"{s['sitemap']}: {s['reason']}" for s in plan.sitemaps if s.get("reason")
        ]
        shards = make_shards(plan.units, request.shard_size)
        todo = [s for s in shards if not store.finished(s.index, s.digest)]
        outcome.shards, outcome.skipped_shards = len(shards), len(shards) - len(todo)
        log(
            f"{len(plan.units)} pages in {len(shards)} shards"
            + (f"; {outcome.skipped_shards} already finished" if outcome.skipped_shards else "")
        )
        if todo:
            _lint(request, todo, store, get_fetcher, outcome, log)
        store.finish(len(shards))
    finally:
        if fetcher is not None:
            fetcher.close()
    _summarise(request, store, outcome)
    return outcome


def _lint(request, todo, store, get_fetcher, outcome, log) -> None:  # noqa: ANN001
    from claimlint.audit.engines import make_engine

    engine = make_engine(
        request.engine, request.settings, jobs=request.jobs, scheduler=request.scheduler
    )
    try:
        started = time.perf_counter()
        for result in engine.run(_tasks(todo, get_fetcher)):
            store.write(result)
            outcome.linted_now += sum(1 for p in result.pages if p["outcome"] == "linted")
        outcome.lint_seconds = time.perf_counter() - started
    finally:
        engine.close()


def _tasks(shards: list[Shard], get_fetcher: Callable[[], Fetcher]) -> Iterator[ShardTask]:
    """Shard tasks, live pages fetched just before their shard is handed to the engine."""
    for shard in shards:
        urls = [u.location for u in shard.units if u.kind == URL]
        task = ShardTask(shard)
        if urls:
            task.fetched = {f.url: f for f in get_fetcher().fetch_many(urls)}
        yield task


def _summarise(request: AuditRequest, store: Store, outcome: AuditOutcome) -> None:
    from claimlint.audit.summary import render_summary
    from claimlint.diagnostics import Severity
    from claimlint.inputs.files import atomic_write

    pages = list(read_rows(store.out, "pages"))
    outcome.pages = len(pages)
    outcome.linted = sum(1 for p in pages if p["outcome"] == "linted")
    resolver = linters_for(request.settings).resolver
    threshold = Severity.parse(resolver.fail_on_for(request.settings.cwd))
    severities: dict[str, bool] = {}  # severity -> fails the run

    def findings() -> Iterator[dict]:
        """The findings read once, a row at a time, counted and judged on the way."""
        for row in read_rows(store.out, "findings"):
            outcome.findings += 1
            severity = row["severity"]
            if severity not in severities:
                severities[severity] = Severity.parse(severity) >= threshold
            outcome.failing = outcome.failing or severities[severity]
            yield row

    outcome.findings, outcome.failing = 0, False
    title = f"claimlint audit of {', '.join(request.sources)}"
    report = render_summary(pages, findings(), title=title, version=__version__)
    atomic_write(store.out / "summary.html", report.encode("utf-8"))
