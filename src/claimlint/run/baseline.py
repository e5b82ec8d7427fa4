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

    diagnostics: Sequence[Diagnostic]  # a list, or a view of spilled findings (run/spill.py)
    matched: int
    stale: int


def in_order(diagnostics: Sequence[Diagnostic]) -> Sequence[Diagnostic]:
    """The findings sorted: a list is sorted (a copy); spilled findings (a run's when a big
    document spilled them) are sorted already and are read as they are, never listed."""
    from claimlint.run.spill import Findings, SpilledFindings

    if isinstance(diagnostics, (Findings, SpilledFindings)):
        return diagnostics
    return sorted(diagnostics)


def write_baseline(path: str | Path, diagnostics: Sequence[Diagnostic]) -> int:
    """Write the findings to a versioned JSON baseline; returns how many were recorded.
    The file is written an entry at a time: the same bytes as json.dumps(indent=2) of the
    whole document, without holding the entries."""
    base = Path(os.path.abspath(path)).parent
    ordered = in_order(diagnostics)
    count = 0

    def parts() -> Iterator[bytes]:
        nonlocal count
        head = json.dumps({"tool": TOOL, "version": VERSION, "findings": []}, indent=2)
        if not len(ordered):
            yield (head + "\n").encode("utf-8")
            return
        yield (head[: -len("[]\n}")] + "[").encode("utf-8")
        for d, fp in zip(ordered, iter_fingerprints(ordered, base), strict=True):
            entry = {
                "fingerprint": fp,
                "rule": d.rule,
                "path": normalise_path(d.path, base),
                "excerpt": d.excerpt,
            }
            text = json.dumps(entry, indent=2, ensure_ascii=False).replace("\n", "\n    ")
            yield (("," if count else "") + "\n    " + text).encode("utf-8")
            count += 1
        yield b"\n  ]\n}\n"

    atomic_write(Path(path), parts())  # a full disk leaves the old one intact
    return count


def read_baseline(path: str | Path) -> Counter[str]:
    """The fingerprints a baseline holds (with multiplicity); BaselineError names the problem."""
    name = str(path)
    try:
        text = read_regular(path, MAX_BASELINE_BYTES).decode("utf-8")
        data = json.loads(text, object_hook=_entry)
        del text
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
    if not isinstance(findings, list) or not all(isinstance(f, _Fingerprint) for f in findings):
        raise BaselineError(f"{name}: key 'findings' must be a list of objects with a fingerprint")
    return Counter(findings)


class _Fingerprint(str):
    """An entry of a baseline, reduced to its fingerprint as soon as it is parsed: a big
    document's baseline is never held as objects of four fields."""

    __slots__ = ()


def _entry(obj: dict) -> object:
    fingerprint = obj.get("fingerprint")
    if isinstance(fingerprint, str) and "findings" not in obj:
        return _Fingerprint(fingerprint)
    return obj


def apply_baseline(path: str | Path, diagnostics: Sequence[Diagnostic]) -> Filtered:
    """Drop findings the baseline records (each entry absorbs one finding). Spilled findings
    stay on disk: what is kept is a view of them (a mark per finding), not a list."""
    known = read_baseline(path)
    base = Path(os.path.abspath(path)).parent
    ordered = in_order(diagnostics)
    keep = bytearray(len(ordered))
    matched = 0
    for index, fp in enumerate(iter_fingerprints(ordered, base)):
        if known[fp] > 0:
            known[fp] -= 1
            matched += 1
        else:
            keep[index] = 1
    stale = sum(known.values())
    if isinstance(ordered, list):
        return Filtered([d for d, k in zip(ordered, keep, strict=True) if k], matched, stale)
    from claimlint.run.spill import Kept

    return Filtered(Kept(ordered, keep), matched, stale)


__all__ = ["BaselineError", "apply_baseline", "fingerprints", "read_baseline", "write_baseline"]
