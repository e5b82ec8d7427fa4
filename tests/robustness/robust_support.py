"""Helpers of the robustness suite: run the CLI with a timeout, and check reported positions.

Every position claimlint reports must lie inside its file and point at text that holds the
excerpt. The excerpt is prose; the source may hold tags, entities, link targets or emphasis
marks between (or inside) its words, so both sides are compared as letters and digits only:
the excerpt's must appear in order in the span, and the span must start with the excerpt's
first word and end with its last.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CLAIMLINT = [sys.executable, "-m", "claimlint"]
CLAIM = "Ketamine cures depression permanently and is 100% safe."

_LONG_REF = re.compile(r"&#[xX]?0*[0-9a-fA-F]{10,};?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Run:
    """A finished CLI run."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> list[dict[str, Any]]:
        return json.loads(self.stdout)


def run_cli(
    args: Iterable[str],
    cwd: Path | str,
    timeout: float = 120,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
) -> Run:
    """claimlint in a subprocess, killed (and the test failed) if it outlives the timeout."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    done = subprocess.run(
        [*CLAIMLINT, *args],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env=full_env,
        input=stdin.encode() if stdin is not None else None,
    )
    run = Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    return run


def unescape(text: str) -> str:
    """html.unescape, safe for references of thousands of digits (int() refuses those)."""
    return html.unescape(_LONG_REF.sub("\ufffd", text))


def words(text: str) -> list[str]:
    """Letters and digits in runs, lower-cased, after decoding entities."""
    return [w.casefold() for w in _WORD.findall(unescape(text))]


def line_starts(text: str) -> list[int]:
    """Offsets of line starts; CRLF, CR and LF all end a line, as in claimlint's contract."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def offset_of(text: str, starts: list[int], line: int, column: int) -> int:
    """Source offset of a 1-based line and column, asserting both lie inside the file."""
    assert 1 <= line <= len(starts), f"line {line} outside 1..{len(starts)}"
    begin = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    assert 1 <= column <= end - begin + 1, f"column {column} outside line {line}"
    return begin + column - 1


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def check_diagnostic(diag: Mapping[str, Any], text: str, starts: list[int] | None = None) -> None:
    """Assert one diagnostic's span is inside `text` and holds its excerpt."""
    starts = starts if starts is not None else line_starts(text)
    start = offset_of(text, starts, diag["line"], diag["column"])
    end = offset_of(text, starts, diag["end_line"], diag["end_column"])
    assert start < end, f"empty or reversed span in {diag}"
    span = text[start:end]
    excerpt = diag["excerpt"]
    if str(diag["path"]).endswith((".html", ".htm")) and "<" not in excerpt:
        # a tag inside a word ("A<itle>Ketamine", "A<t<itle>Ketamine": a tag runs to the next
        # ">") is not text: the page reads "AKetamine" (but inside an unclosed <title> a tag
        # is text, and the excerpt shows it)
        span = re.sub(r"<[^>]*>", "", span)
    elif str(diag["path"]).endswith(".md") and "<" not in excerpt:
        # likewise in Markdown, where a link's destination is markup too ("[pre](/a)vents"
        # reads "prevents"): the prose leaves such markup inside a word out
        span = re.sub(r"<!--.*?-->|<[^>]*>|\]\([^)]*\)", "", span, flags=re.DOTALL)
    truncated = excerpt.endswith("...")
    if truncated:
        excerpt = excerpt[:-3].rsplit(" ", 1)[0]  # the last word may be cut
    want = words(excerpt)
    if not want:
        return
    got = "".join(words(span))
    where = f"{diag['path']}:{diag['line']}:{diag['column']} {diag['rule']}"
    assert got.startswith(want[0]), f"{where}: span {span!r} does not start with {want[0]!r}"
    assert is_subsequence("".join(want), got), f"{where}: span {span!r} lacks {excerpt!r}"
    if not truncated:
        assert got.endswith(want[-1]), f"{where}: span {span!r} does not end with {want[-1]!r}"


def check_positions(diagnostics: Iterable[Mapping[str, Any]], texts: Mapping[str, str]) -> int:
    """Check every diagnostic against the decoded text of its file; return how many."""
    cache: dict[str, list[int]] = {}
    count = 0
    for diag in diagnostics:
        text = texts[diag["path"]]
        if diag["path"] not in cache:
            cache[diag["path"]] = line_starts(text)
        check_diagnostic(diag, text, cache[diag["path"]])
        count += 1
    return count


def shared_folder() -> Path | None:
    """$CLAIMLINT_SHARED, the folder of shared inputs, when it is set and exists."""
    value = os.environ.get("CLAIMLINT_SHARED")
    if not value or not Path(value).is_dir():
        return None
    return Path(value)
