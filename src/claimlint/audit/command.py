"""`claimlint audit SOURCE...`: the click command (cli.py only registers it)."""

from __future__ import annotations

import sys

import click

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _fail(message: str) -> None:
    click.echo(f"claimlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o",
    "--out",
    default="claimlint-audit",
    show_default=True,
    type=click.Path(),
    help="Output folder (results, manifest, summary.html); rerun with it to resume.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Lint in local processes, or on a Dask cluster.",
)
@click.option("--scheduler", help="Dask scheduler address (default: a LocalCluster here).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Local processes or LocalCluster workers (default 0: all cores).",
)
@click.option(
    "--output-format",
    "fmt",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Format of the result shards.",
)
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Pages per shard (the unit of work and of resuming).",
)
@click.option("--fresh", is_flag=True, help="Replace a previous audit in the output folder.")
@click.option("--select", multiple=True, help="Only these rules (as in check).")
@click.option("--ignore", multiple=True, help="Skip these rules (as in check).")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(),
    help="Extra rule pack file or folder (repeatable).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this configuration file (URL pages match its globs as host/path).",
)
@click.option(
    "--isolated", "--no-config", "isolated", is_flag=True, help="Ignore configuration files."
)
@click.option("--encoding", help="Decode pages that declare no charset with this encoding.")
@click.option(
    "--max-connections",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Open connections at most, over all hosts.",
)
@click.option(
    "--per-host",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Concurrent requests to one host at most.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=0.5,
    show_default=True,
    help="Seconds between the starts of two requests to one host.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.01),
    default=15.0,
    show_default=True,
    help="Seconds to wait for a connection or the next bytes of an answer.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Largest page (bytes) that is read and linted.",
)
@click.option(
    "--max-redirects",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Redirects followed at most (same host only).",
)
@click.option("--user-agent", help="User-Agent sent, and matched against robots.txt.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def audit(
    sources,
    out,
    engine,
    scheduler,
    jobs,
    fmt,
    shard_size,
    fresh,
    select,
    ignore,
    rule_dirs,
    config_file,
    isolated,
    encoding,
    max_connections,
    per_host,
    delay,
    timeout,
    max_bytes,
    max_redirects,
    user_agent,
    exit_zero,
    quiet,
) -> None:
    """Audit sites and web archives: folders, URLs, sitemap URLs (.xml, .xml.gz), text files
    of URLs, and WARC files. Results go to OUT as data (pages and findings) and summary.html."""
    from claimlint.audit.fetch import FetchPolicy
    from claimlint.audit.lint import Settings
    from claimlint.audit.needs import MissingDependency
    from claimlint.audit.plan import PlanError
    from claimlint.audit.runner import AuditRequest, run_audit
    from claimlint.audit.store import StoreError
    from claimlint.packs import PackError
    from claimlint.run.config import ConfigError
    from claimlint.run.parallel import default_jobs

    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    policy = FetchPolicy(
        max_connections=max_connections,
        per_host=per_host,
        delay=delay,
        timeout=timeout,
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        **({"user_agent": user_agent} if user_agent else {}),
    )
    settings = Settings(
        select=_split(select),
        ignore=_split(ignore),
        rule_dirs=tuple(rule_dirs),
        config_file=config_file,
        isolated=isolated,
        encoding=encoding,
        max_bytes=max_bytes,
    )
    request = AuditRequest(
        sources=list(sources),
        out=out,
        settings=settings,
        policy=policy,
        engine=engine,
        jobs=jobs or default_jobs(),
        scheduler=scheduler,
        shard_size=shard_size,
        fmt=fmt,
        fresh=fresh,
    )
    log = (lambda _: None) if quiet else (lambda m: click.echo(f"claimlint: {m}", err=True))
    try:
        outcome = run_audit(request, log)
    except MissingDependency as err:
        _fail(str(err))
    except PlanError as err:
        _fail(str(err))
    except StoreError as err:
        _fail(f"output folder: {err}")
    except ConfigError as err:
        _fail(f"configuration error: {err}")
    except PackError as err:
        _fail(f"rule pack error: {err}")
    except OSError as err:
        _fail(f"{getattr(err, 'filename', '') or out}: {err.strerror or err}")
    for problem in outcome.sitemap_problems:
        click.echo(f"claimlint: sitemap {problem}", err=True)
    if not quiet:
        rate = outcome.linted_now / outcome.lint_seconds if outcome.lint_seconds else 0.0
        click.echo(
            f"claimlint: {outcome.pages} pages ({outcome.linted} linted, "
            f"{outcome.pages - outcome.linted} not), {outcome.findings} findings; "
            f"{out}/summary.html",
            err=True,
        )
        if outcome.linted_now:
            click.echo(
                f"claimlint: linted {outcome.linted_now} pages in {outcome.lint_seconds:.2f} s "
                f"({rate:.1f} pages/s, engine {engine})",
                err=True,
            )
    sys.exit(EXIT_FINDINGS if outcome.failing and not exit_zero else EXIT_CLEAN)
