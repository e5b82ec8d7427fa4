"""--baseline and --write-baseline as the check command applies them: messages and exits."""

from __future__ import annotations

import sys

import click

from claimlint.outputs.formats import terminal_safe


def check_baseline(baseline_file: str) -> None:
    from claimlint.run.baseline import BaselineError, read_baseline

    try:
        read_baseline(baseline_file)
    except BaselineError as err:
        click.echo(f"claimlint: baseline error: {err}", err=True)
        sys.exit(2)


def apply_baseline_options(
    result, baseline_file: str | None, write_file: str | None, quiet: bool
) -> None:
    """--write-baseline records the findings and exits; --baseline drops recorded ones."""
    from claimlint.run.baseline import BaselineError, apply_baseline, write_baseline

    if write_file:
        try:
            count = write_baseline(write_file, result.diagnostics)
        except OSError as err:
            click.echo(
                f"claimlint: cannot write baseline {write_file}: {err.strerror or err}", err=True
            )
            sys.exit(2)
        for error in result.errors:
            click.echo(f"claimlint: {terminal_safe(str(error))}", err=True)
        click.echo(
            f"claimlint: recorded {count} finding{'s' if count != 1 else ''} in {write_file}",
            err=True,
        )
        sys.exit(2 if result.errors else 0)
    try:
        filtered = apply_baseline(baseline_file, result.diagnostics)
    except BaselineError as err:
        click.echo(f"claimlint: baseline error: {err}", err=True)
        sys.exit(2)
    result.diagnostics = filtered.diagnostics
    if filtered.stale and not quiet:
        click.echo(
            f"claimlint: {filtered.stale} baseline entr{'ies' if filtered.stale != 1 else 'y'}"
            f" no longer match a finding (fixed?); rewrite it with --write-baseline",
            err=True,
        )
