"""The `claimlint server` click command; pygls is imported only when the server starts."""

from __future__ import annotations

import click


@click.command("server")
@click.option(
    "--debounce-ms",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="Wait this long after the last keystroke before linting (0 lints every change).",
)
@click.option("--rules", "rule_dirs", multiple=True, help="Extra rule pack folder (repeatable).")
@click.option("--config", "config_file", help="Use this configuration file for every document.")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=None,
    help="Documents longer than this are not linted as you type [default: 2,000,000].",
)
@click.option("--stdio", is_flag=True, hidden=True, help="Accepted for clients that pass it.")
def server(
    debounce_ms: int,
    rule_dirs: tuple[str, ...],
    config_file: str | None,
    max_chars: int | None,
    stdio: bool,
) -> None:
    """Run the language server on stdin/stdout (for editors: see docs/editors.md)."""
    from claimlint.server.app import Settings, serve

    serve(
        Settings(
            debounce_ms=debounce_ms,
            rule_dirs=rule_dirs,
            config_file=config_file,
            max_chars=max_chars,
        )
    )
