"""`check --show-files` and `check --show-settings PATH`: what a run would do, without linting.

Like ruff's flags of the same names: the files a run would lint (and, here, every path it
passes over with the reason), and the configuration one file resolves to, with the command
line on top.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from claimlint.outputs.formats import terminal_safe

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.diagnostics import FileError
    from claimlint.run.resolver import Resolver


def show_files(paths: Sequence[str], resolver: Resolver) -> tuple[list[str], list[FileError]]:
    """Lines `lint PATH` for each file a run would lint, `skip PATH (reason)` for each path
    a folder walk passes over, in path order; plus the paths that cannot be linted."""
    skipped: dict[str, str] = {}
    files, errors = resolver.expand(paths, on_skip=lambda p, why: skipped.setdefault(p, why))
    rows = [(path, f"lint  {path}") for path in files]
    rows += [(path, f"skip  {path}  ({why})") for path, why in skipped.items()]
    return [line for _, line in sorted(rows)], errors


def settings_for(path: str, resolver: Resolver) -> dict[str, Any]:
    """The resolved configuration of one file: where it comes from and what it decides."""
    from claimlint.nlp.engine import is_selected

    config = resolver.config_for(path)
    options = resolver.options_for(config, path)
    ruleset = resolver.ruleset_for(config).load()
    rules = [r.id for r in ruleset.rules if is_selected(r, options.select, options.ignore)]
    return {
        "path": path,
        "configuration": str(config.path) if config.path else None,
        "root": str(config.root),
        "excluded": config.excluded(path),
        "fail-on": resolver.fail_on_for(path),
        "select": list(options.select),
        "ignore": list(options.ignore),
        "severity": dict(options.severity),
        "provided-disclaimers": list(options.provided.get("*", ())),
        "report-unused-suppressions": options.report_unused_suppressions,
        "rules": ["<bundled>"] + [str(p) for p in resolver.ruleset_dirs(config)],
        "include": list(config.include),
        "exclude": list(config.exclude),
        "extensions": list(config.extensions) if config.extensions else None,
        "fix-texts": dict(config.fix_texts),
        "enabled-rules": rules,
    }


def settings_text(settings: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(settings, indent=2) + "\n"
    import yaml

    return yaml.safe_dump(settings, sort_keys=False, allow_unicode=True, width=100)


def exists(path: str) -> bool:
    return os.path.exists(path) or Path(path).is_symlink()


def inspect(
    paths: Sequence[str], resolver: Resolver, settings_path: str | None, output_format: str
) -> NoReturn:
    """--show-files / --show-settings: print what a run would do, then exit 0 (2 when a path
    cannot be linted)."""
    if settings_path is not None:
        if not exists(settings_path):
            click.echo(f"claimlint: {settings_path}: no such file or folder", err=True)
            sys.exit(2)
        settings = settings_for(settings_path, resolver)
        click.echo(settings_text(settings, output_format == "json"), nl=False)
        sys.exit(0)
    lines, errors = show_files(paths, resolver)
    click.echo("".join(line + "\n" for line in lines), nl=False)
    for error in errors:
        click.echo(f"claimlint: {terminal_safe(str(error))}", err=True)
    sys.exit(2 if errors else 0)
