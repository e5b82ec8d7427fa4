"""Shared by the audit tests: the benchmark generators by path, and reading audit results."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from script_helpers import load_script_file

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load_script(name: str) -> ModuleType:
    return load_script_file(BENCH / f"{name}.py", f"claimlint_test_{name}")


def rows(out: Path, table: str) -> list[dict]:
    from claimlint.audit.store import read_rows

    return list(read_rows(out, table))


def finding_keys(findings: list[dict], prefix: str) -> list[tuple]:
    """Findings as comparable tuples, the page URL turned back into its relative path."""
    return sorted(
        (
            f["url"].removeprefix(prefix),
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
            f["rule"],
            f["severity"],
            f["message"],
        )
        for f in findings
    )


def check_keys(folder: Path, *args: str) -> list[tuple]:
    """`claimlint check --format json` on a folder of files, as finding_keys() tuples."""
    from click.testing import CliRunner

    from claimlint.cli import cli

    result = CliRunner().invoke(
        cli,
        [
            "check",
            "--format",
            "json",
            "--no-cache",
            "--isolated",
            "--jobs",
            "1",
            *args,
            str(folder),
        ],
    )
    assert result.exit_code in (0, 1), result.output
    prefix = str(folder) + "/"
    return sorted(
        (
            d["path"].removeprefix(prefix),
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["rule"],
            d["severity"],
            d["message"],
        )
        for d in json.loads(result.stdout)
    )
