"""`claimlint schema pack|config`: where the installed JSON Schema is, for editors.

Editors (the YAML language server behind VS Code's YAML extension, Neovim, Helix, JetBrains)
complete and check `.claimlint.yaml` and rule packs as they are typed once they know the
schema; docs/editor-schemas.md shows how to point them at this file.
"""

from __future__ import annotations

import click

from claimlint.schemas import SCHEMAS, schema_path


@click.command("schema")
@click.argument("kind", type=click.Choice(tuple(SCHEMAS)))
@click.option("--content", is_flag=True, help="Print the schema itself instead of its path.")
@click.option("--uri", is_flag=True, help="Print the path as a file:// URI.")
def schema(kind: str, content: bool, uri: bool) -> None:
    """Print the path of the JSON Schema for rule packs (pack) or configuration (config)."""
    path = schema_path(kind)
    if content:
        click.echo(path.read_text(encoding="utf-8"), nl=False)
    else:
        click.echo(path.as_uri() if uri else str(path))
