"""The check command's presentation options, kept apart from what decides the findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from claimlint.console.style import COLOR_CHOICES


def presentation_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --show-source, --show-reasons, --color, -o/--output-file, --show-files,
    --show-settings."""
    options = [
        click.option(
            "--show-source/--no-show-source",
            "show_source",
            default=None,
            help="Show each finding's source line and its fix hint (help:) "
            "[default: on a terminal, unless --quiet].",
        ),
        click.option(
            "--show-reasons",
            "show_reasons",
            is_flag=True,
            help="Under each finding, say why it fired: what is claimed, about what, and the "
            "exemptions it lacks (the JSON 'analysis').",
        ),
        click.option(
            "--color",
            "color",
            type=click.Choice(COLOR_CHOICES),
            default="auto",
            show_default=True,
            help="Colour the text output; auto follows NO_COLOR, FORCE_COLOR and the terminal.",
        ),
        click.option(
            "-o",
            "--output-file",
            "output_file",
            type=click.Path(dir_okay=False),
            help="Write the report (any format) to this file instead of stdout, atomically.",
        ),
        click.option(
            "--show-files",
            is_flag=True,
            help="List the files a run would lint, and every path it skips with the reason; "
            "lint nothing.",
        ),
        click.option(
            "--show-settings",
            "show_settings",
            metavar="PATH",
            help="Print the configuration PATH resolves to (YAML, or JSON with --format "
            "json); lint nothing.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
