"""The command line: check, plus the rule commands of commands/rules.py (rules, explain,
test-rules). Exit codes live here (0 clean, 1 findings, 2 errors)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from claimlint.audit.command import audit as audit_command
from claimlint.commands.rules import COMMANDS as RULE_COMMANDS
from claimlint.commands.schema import schema as schema_command
from claimlint.console.baseline import apply_baseline_options, check_baseline
from claimlint.console.inspect import inspect
from claimlint.console.options import presentation_options
from claimlint.console.output import close_output, open_output, write_stdout, write_stdout_bytes
from claimlint.console.progress import ProgressBar
from claimlint.console.style import use_color
from claimlint.outputs.formats import FORMAT_NAMES, terminal_safe
from claimlint.server.command import server as server_command
from claimlint.version import __version__

if TYPE_CHECKING:  # pragma: no cover - `--help` and `init` need no rules
    from claimlint.packs import PackError, RuleSet

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """--select CL1,CL4 and repeated --select both work."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _packs(rule_dirs: tuple[str, ...]) -> RuleSet:
    """The bundled packs plus --rules, read now (a missing pack exits 2) and parsed when first
    needed: a check answered from the cache never parses them."""
    from claimlint.packs import PackError, lazy_rules

    try:
        return lazy_rules([Path(d) for d in rule_dirs])
    except PackError as err:
        _pack_error(err)


def _parsed(ruleset: RuleSet) -> RuleSet:
    """The rule set parsed and validated now; a mistake in a pack exits 2."""
    from claimlint.packs import PackError

    try:
        return ruleset.load()
    except PackError as err:
        _pack_error(err)


def _pack_error(err: PackError) -> NoReturn:
    click.echo(f"claimlint: rule pack error: {err}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint")
def cli() -> None:
    """claimlint - find unsupported health claims and missing disclaimers in marketing copy."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "output_format",
    default="text",
    show_default=True,
    type=click.Choice(FORMAT_NAMES),
    help="Output format.",
)
@click.option(
    "--select", multiple=True, help="Only these rules: ids, id prefixes (CL1), names or categories."
)
@click.option("--ignore", multiple=True, help="Skip these rules (same forms as --select).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit status 1 (default: the configuration's "
    "fail-on, else info).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(),
    help="Extra rule pack file or folder (repeatable).",
)
@click.option("--encoding", help="Decode files with this encoding (for example latin-1).")
@click.option("--stdin-filename", help="Name (and format) of the document read from '-'.")
@click.option("--statistics", is_flag=True, help="Print counts per rule after the findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the findings (no summary or source).")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this configuration file for every path (no discovery).",
)
@click.option(
    "--isolated", "--no-config", "isolated", is_flag=True, help="Ignore configuration files."
)
@click.option(
    "--report-unused-suppressions",
    "report_unused",
    is_flag=True,
    help="Report claimlint-disable comments that suppress nothing (CL001).",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    help="Report only findings that this baseline file does not record.",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=click.Path(dir_okay=False),
    help="Record today's findings in this baseline file and exit 0.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Insert the missing required statements (CL301, CL302); never anything else.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff of what --fix would insert, and write nothing (implies --fix).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Processes to lint with (default 0: all cores; 1: in this process).",
)
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Neither read nor write the result cache (.claimlint_cache/).",
)
@presentation_options
def check(
    paths,
    output_format,
    select,
    ignore,
    fail_on,
    exit_zero,
    rule_dirs,
    encoding,
    stdin_filename,
    statistics,
    quiet,
    config_file,
    isolated,
    report_unused,
    baseline_file,
    write_baseline_file,
    fix=False,
    show_diff=False,
    jobs=0,
    no_cache=False,
    **shown,
) -> None:
    """Lint Markdown, HTML and text files or folders (default: .); '-' reads stdin."""
    from claimlint.api import lint_paths
    from claimlint.diagnostics import Severity
    from claimlint.nlp.engine import Options
    from claimlint.outputs.formats import RULE_FORMATS, Context, by_name, stream_of
    from claimlint.outputs.formats import statistics as stats
    from claimlint.packs import PackError
    from claimlint.run.config import ConfigError
    from claimlint.run.resolver import Overrides, Resolver

    if stdin_filename and "-" not in paths:
        raise click.UsageError("--stdin-filename names the document read from '-'; add '-'")
    if baseline_file and not write_baseline_file:
        check_baseline(baseline_file)  # a FIFO or a bad baseline fails before any linting
    ruleset = _packs(rule_dirs)  # parsed only if a file must be linted or the format needs it
    options = Options(select=_split(select), ignore=_split(ignore))
    fix = fix or show_diff
    stdin_data = _stdin_for_fix(paths) if fix else None
    overrides = Overrides(
        select=options.select,
        ignore=options.ignore,
        rule_dirs=rule_dirs,
        fail_on=fail_on,
        report_unused_suppressions=report_unused,
    )
    progress = ProgressBar(quiet=quiet)
    try:
        resolver = Resolver(overrides, config_file=config_file, isolated=isolated, ruleset=ruleset)
        if shown["show_files"] or shown["show_settings"]:
            inspect(paths or (".",), resolver, shown["show_settings"], output_format)
        result = lint_paths(
            paths or (".",),
            ruleset=ruleset,
            options=options,
            encoding=encoding,
            stdin_filename=stdin_filename,
            keep_texts=output_format in ("text", "html"),
            resolver=resolver,
            stdin_data=stdin_data,
            jobs=_jobs(jobs),
            cache_dir=None if no_cache else _cache_dir(resolver),
            progress=progress,
        )
        progress.finish()
        if fix:

            def lint_bytes(name: str, data: bytes):
                return lint_paths(
                    ("-",),
                    ruleset=ruleset,
                    options=options,
                    encoding=encoding,
                    stdin_filename=name,
                    stdin_data=data,
                    keep_texts=True,
                    resolver=resolver,
                )

            fixed = _run_fix(
                result,
                lint_bytes,
                resolver,
                encoding=encoding,
                diff=show_diff,
                quiet=quiet,
                stdin_name=stdin_filename or "-",
                stdin_data=stdin_data,
            )
        rules = resolver.rules() if output_format in RULE_FORMATS else []
    except ConfigError as err:
        progress.finish()
        _parsed(ruleset)  # a broken --rules pack is reported first, as it always was
        click.echo(f"claimlint: configuration error: {err}", err=True)
        sys.exit(EXIT_ERROR)
    except PackError as err:
        _pack_error(err)
    if write_baseline_file or baseline_file:
        apply_baseline_options(result, baseline_file, write_baseline_file, quiet)
    for error in result.errors:
        click.echo(f"claimlint: {terminal_safe(str(error))}", err=True)
    target = None if shown["output_file"] else sys.stdout
    color = use_color(shown["color"], target)
    show_source = shown["show_source"]
    ctx = Context(
        rules=rules,
        sources=result.texts,
        files_checked=result.files,
        files=result.linted,
        errors=result.errors,
        color=color,
        show_source=(target is not None and target.isatty() and not quiet)
        if show_source is None
        else show_source,
        show_reasons=shown["show_reasons"],
        version=__version__,
        summary=not quiet,  # --quiet: the findings alone
    )
    stream = stream_of(output_format) if not fix else None
    output = "" if stream else by_name(output_format)(result.diagnostics, ctx)
    out = open_output(shown["output_file"], color)
    if fix and show_diff:
        out.write("".join(fixed.diffs))
    elif (
        fix and fixed.stdout is not None
    ):  # stdin: the fixed document on stdout, findings on stderr (or -o)
        write_stdout_bytes(fixed.stdout)
        if out.path:
            out.write(output)
        else:
            click.echo(output, nl=False, err=True, color=use_color(shown["color"], sys.stderr))
    elif stream is not None:
        for piece in stream(result.diagnostics, ctx):
            out.write(piece)
    else:
        out.write(output)
    close_output(out)
    if statistics:
        if output_format == "text":
            write_stdout(stats(result.diagnostics))
        else:
            click.echo(stats(result.diagnostics), nl=False, err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    failing = any(
        d.level >= Severity.parse(resolver.fail_on_for(d.path)) for d in result.diagnostics
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _jobs(jobs: int) -> int:
    """--jobs, 0 meaning all cores, capped: thousands of forked workers would exhaust memory."""
    from claimlint.run.parallel import default_jobs, job_limit

    limit = job_limit()
    if jobs > limit:
        click.echo(
            f"claimlint: --jobs {jobs} is more than this machine can use "
            f"(at most {limit}: 4 per core, 64 in all); using {limit}",
            err=True,
        )
        return limit
    return jobs or default_jobs()


def _cache_dir(resolver) -> Path:
    """.claimlint_cache/ beside the configuration that governs the working folder, else here."""
    from claimlint.run.cache import cache_folder

    return cache_folder(resolver.config_for(Path.cwd()).path)


def _stdin_for_fix(paths: tuple[str, ...]) -> bytes | None:
    """--fix on '-' needs the bytes twice (lint, then fix): read them once, up front."""
    if "-" not in paths:
        return None
    if len(paths) > 1:
        click.echo(
            "claimlint: --fix reads '-' (stdin) only on its own; lint files separately", err=True
        )
        sys.exit(EXIT_ERROR)
    return sys.stdin.buffer.read()


def _run_fix(
    result,
    lint_bytes,
    resolver,
    *,
    encoding: str | None,
    diff: bool,
    quiet: bool,
    stdin_name: str,
    stdin_data: bytes | None,
):
    """Insert missing statements (or diff them); the result keeps only what remains."""
    from claimlint.run.fixer import apply_fixes

    def texts_for(path: str):
        return resolver.config_for(Path.cwd() if path in ("-", stdin_name) else path).fix_texts

    report = apply_fixes(
        result,
        lint_bytes=lint_bytes,
        write=not diff,
        encoding=encoding,
        texts_for=texts_for,
        stdin_name=stdin_name,
        stdin_data=stdin_data,
    )
    for warning in report.warnings:
        click.echo(f"claimlint: {warning}", err=True)
    if report.changed and not quiet:
        verb = "would add" if diff else "added"
        count = len(report.changed)
        click.echo(
            f"claimlint: {verb} missing statements to {count} file{'s' if count != 1 else ''}",
            err=True,
        )
    return report


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing .claimlint.yaml.")
def init(folder: str, force: bool) -> None:
    """Write a commented starter .claimlint.yaml in FOLDER (default: .)."""
    from claimlint.run.config import write_starter

    if not Path(folder).is_dir():
        click.echo(f"claimlint: {folder}: no such folder", err=True)
        sys.exit(EXIT_ERROR)
    try:
        target = write_starter(folder, force=force)
    except FileExistsError as err:
        click.echo(f"claimlint: {err}", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as err:
        click.echo(
            f"claimlint: cannot write {folder}/.claimlint.yaml: {err.strerror or err}", err=True
        )
        sys.exit(EXIT_ERROR)
    click.echo(f"Wrote {target}")


cli.add_command(server_command)  # `claimlint server`: the language server (server/)
for _command in RULE_COMMANDS:  # rules, explain, test-rules (commands/rules.py)
    cli.add_command(_command)
cli.add_command(audit_command)  # `claimlint audit`: sites, sitemaps, WARC files (audit/)
cli.add_command(schema_command)  # `claimlint schema pack|config`: for editors


def main(args: list[str] | None = None) -> NoReturn:
    """The console script: click without its standalone mode, so that every way out has the
    documented exit status. Ctrl-C exits 130; a usage error 2; any unexpected exception is one
    line on stderr and exit 2 (CLAIMLINT_DEBUG=1 adds the traceback), never a traceback read
    as "findings" (1)."""
    try:
        code = cli.main(args=args, prog_name="claimlint", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("claimlint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_ERROR)
    except Exception as err:  # the last line of defence: report, do not crash
        if os.environ.get("CLAIMLINT_DEBUG"):
            import traceback

            traceback.print_exc()
        from claimlint.diagnostics import describe_exception

        click.echo(f"claimlint: internal error: {describe_exception(err)}", err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


def run() -> NoReturn:
    """The console script and `python -m claimlint`: main() with the collector tuned for a
    process of its own (run/heap.py), then an exit that skips freeing the heap object by
    object (console/quick_exit.py). Code that calls main() itself, such as the tests, keeps
    its collector and the ordinary SystemExit. spaCy is imported without its command line
    (console/lean_spacy.py), which claimlint never runs."""
    from claimlint.console.lean_spacy import skip_spacy_cli
    from claimlint.console.quick_exit import quick_exit
    from claimlint.run.heap import process_collector

    skip_spacy_cli()
    process_collector()
    try:
        main()
    except SystemExit as done:
        quick_exit(done.code)
