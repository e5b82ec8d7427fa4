"""Baselines: record today's findings so that only new ones are reported.

A fingerprint is a hash of the rule, the normalised excerpt, the path and the finding's index
among findings with the same (rule, excerpt, path). Line numbers are never part of it, so
editing a page elsewhere (inserting lines above a finding) keeps the baseline valid, while a
second identical finding in the same file is still new (multiplicity is respected).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.files import atomic_write, read_regular
from claimlint.packs.safe_yaml import short_repr

VERSION = 1
MAX_BASELINE_BYTES = 256 * 1024 * 1024
TOOL = "claimlint"


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a claimlint baseline."""


def normalise_excerpt(text: str) -> str:
    """Case and whitespace do not make a finding new."""
    return " ".join(text.split()).casefold()


def normalise_path(path: str, base: str | Path | None = None) -> str:
    """A stable path: relative to `base` (the baseline's folder) when possible, forward slashes."""
    if path in ("-", "") or base is None:
        return path.replace("\\", "/").removeprefix("./")
    absolute = os.path.abspath(path)
    try:
        return Path(os.path.relpath(absolute, os.path.abspath(base))).as_posix()
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()


def fingerprints(diagnostics: Sequence[Diagnostic], base: str | Path | None = None) -> list[str]:
    """One fingerprint per diagnostic, in the given order (which should be sorted)."""
    return list(iter_fingerprints(diagnostics, base))


def iter_fingerprints(
    diagnostics: Iterable[Diagnostic], base: str | Path | None = None
) -> Iterator[str]:
    """fingerprints() one at a time (a big document's findings are streamed, not listed); the
    count of earlier equal keys is kept under a 16-byte digest of the key, not the key."""
    seen: Counter[bytes] = Counter()
    for diag in diagnostics:
        key = "\0".join(
            (
                diag.rule,
                normalise_excerpt(diag.excerpt or diag.message),
                normalise_path(diag.path, base),
            )
        )
        short = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
        index = seen[short]
        seen[short] += 1
        payload = f"{key}\0{index}"
        yield hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


@dataclass
class Filtered:
    """What remains after applying a baseline, and how many entries no longer match."""

    diagnostics: list[Diagnostic]
    matched: int
    stale: int


def write_baseline(path: str | Path, diagnostics: Sequence[Diagnostic]) -> int:
    """Write the findings to a versioned JSON baseline; returns how many were recorded."""
    base = Path(os.path.abspath(path)).parent
    ordered = sorted(diagnostics)
    entries = [
        {
            "fingerprint": fp,
            "rule": d.rule,
            "path": normalise_path(d.path, base),
            "excerpt": d.excerpt,
        }
        for d, fp in zip(ordered, fingerprints(ordered, base), strict=True)
    ]
    document = {"tool": TOOL, "version": VERSION, "findings": entries}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    atomic_write(Path(path), text.encode("utf-8"))  # a full disk leaves the old one intact
    return len(entries)


def read_baseline(path: str | Path) -> Counter[str]:
    """The fingerprints a baseline holds (with multiplicity); BaselineError names the problem."""
    name = str(path)
    try:
        data = json.loads(read_regular(path, MAX_BASELINE_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{name}: no such file (create it with --write-baseline)") from None
    except OSError as err:
        raise BaselineError(f"{name}: cannot be read: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{name}: cannot be read: not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise BaselineError(f"{name}: not valid JSON (line {err.lineno}): {err.msg}") from None
    except RecursionError:
        raise BaselineError(f"{name}: not valid JSON: nested too deeply") from None
    if not isinstance(data, dict) or data.get("tool") != TOOL:
        raise BaselineError(f'{name}: not a claimlint baseline (no "tool": "{TOOL}")')
    if data.get("version") != VERSION:
        raise BaselineError(
            f"{name}: baseline version {short_repr(data.get('version'))} is not supported "
            f"(this claimlint writes version {VERSION}; rewrite it)"
        )
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in findings
    ):
        raise BaselineError(f"{name}: key 'findings' must be a list of objects with a fingerprint")
    return Counter(f["fingerprint"] for f in findings)


def apply_baseline(path: str | Path, diagnostics: Sequence[Diagnostic]) -> Filtered:
    """Drop findings the baseline records (each entry absorbs one finding)."""
    known = read_baseline(path)
    base = Path(os.path.abspath(path)).parent
    ordered = sorted(diagnostics)
    kept = []
    matched = 0
    for diag, fp in zip(ordered, fingerprints(ordered, base), strict=True):
        if known[fp] > 0:
            known[fp] -= 1
            matched += 1
        else:
            kept.append(diag)
    return Filtered(kept, matched, sum(known.values()))


__all__ = ["BaselineError", "apply_baseline", "fingerprints", "read_baseline", "write_baseline"]
