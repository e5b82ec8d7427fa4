"""Data safety: checking writes nothing but its cache; a corrupt cache is ignored; --fix never
writes what it could not read, and a fix killed before its rename leaves the original."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from robust_support import CLAIM, is_subsequence, run_cli

PAGES = {
    "index.md": f"# Welcome\n\n{CLAIM}\n",
    "about.html": f"<html><body><main><p>{CLAIM}</p></main></body></html>",
    "notes.txt": f"{CLAIM}\r\nSecond line.\r\n",
    "sub/deep page é.md": f"Intro.\n\n{CLAIM}\n",
    "bad.md": "caf\xe9",  # written as latin-1 below: not UTF-8
}


def make_site(root: Path) -> None:
    for name, text in PAGES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("latin-1" if name == "bad.md" else "utf-8"))


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file below root (cache excluded) with its mtime and bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(".claimlint_cache") or not path.is_file():
            continue
        found[relative] = (path.stat().st_mtime_ns, path.read_bytes())
    return found


def test_checking_writes_nothing_but_the_cache(tmp_path: Path) -> None:
    make_site(tmp_path)
    before = snapshot(tmp_path)
    entries_before = {p.name for p in tmp_path.iterdir()}
    runs = [
        (["check", "."], 2),
        (["check", ".", "--format", "json"], 2),
        (["check", "index.md"], 1),
    ]
    for args, code in runs:  # bad.md is refused when the folder is walked
        assert run_cli(args, tmp_path, timeout=60).code == code
    assert snapshot(tmp_path) == before
    new = {p.name for p in tmp_path.iterdir()} - entries_before
    assert new <= {".claimlint_cache"}


def _cache_module_or_skip() -> None:
    if importlib.util.find_spec("claimlint.run.cache") is None:
        pytest.skip("src/claimlint/cache.py (the result cache) does not exist yet")


def test_corrupt_cache_entries_are_ignored(tmp_path: Path) -> None:
    _cache_module_or_skip()
    make_site(tmp_path)
    first = run_cli(["check", ".", "--format", "json"], tmp_path, timeout=60)
    entries = [p for p in (tmp_path / ".claimlint_cache").rglob("*.json") if p.is_file()]
    assert entries, "the first run stored nothing to corrupt"
    for number, entry in enumerate(sorted(entries)):
        data = entry.read_bytes()
        damage = number % 4
        if damage == 0:
            entry.write_bytes(data[: len(data) // 2])  # truncated mid-write
        elif damage == 1:
            entry.write_bytes(b"")
        elif damage == 2:
            entry.write_bytes(data.replace(b'"CL', b'"XX'))  # valid JSON, wrong checksum
        else:
            entry.write_bytes(b"\x00\xff" * 64)
    second = run_cli(["check", ".", "--format", "json"], tmp_path, timeout=60)
    assert (second.code, second.stdout, second.stderr) == (first.code, first.stdout, first.stderr)
    third = run_cli(["check", ".", "--format", "json"], tmp_path, timeout=60)
    assert third.stdout == first.stdout


def _fixer_or_skip() -> None:
    if importlib.util.find_spec("claimlint.run.fixer") is None:
        pytest.skip("src/claimlint/fixer.py (--fix) does not exist yet")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("latin1.md", f"Café. {CLAIM}\n".encode("latin-1")),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))),
        ("bad-bom.md", b"\xef\xbb\xbf" + f"{CLAIM} caf\xe9".encode("latin-1")),
    ],
)
def test_fix_never_writes_a_file_it_could_not_read(tmp_path: Path, name: str, data: bytes) -> None:
    _fixer_or_skip()
    (tmp_path / name).write_bytes(data)
    mtime = (tmp_path / name).stat().st_mtime_ns
    run = run_cli(["check", "--fix", "--no-cache", name], tmp_path, timeout=60)
    assert run.code == 2 and f"{name}: " in run.stderr
    assert (tmp_path / name).read_bytes() == data
    assert (tmp_path / name).stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("unclosed.html", f"<div><p>{CLAIM}<!-- open <b>bold & more"),
        ("cr.md", f"# T\r\r{CLAIM}\r```\rcode"),
        ("nested.html", "<div>" * 2000 + f"<p>{CLAIM}</p>"),
    ],
)
def test_fix_only_inserts(tmp_path: Path, name: str, text: str) -> None:
    _fixer_or_skip()
    original = text.encode("utf-8")
    (tmp_path / name).write_bytes(original)
    run = run_cli(["check", "--fix", "--no-cache", name], tmp_path, timeout=60)
    assert run.code in (0, 1, 2)
    fixed = (tmp_path / name).read_bytes()
    assert is_subsequence(original.decode(), fixed.decode())  # nothing removed or reordered


KILLED_FIX = """
import os, sys, time
real_replace = os.replace
def stalled_replace(src, dst):
    print("WRITTEN", src, flush=True)
    time.sleep(120)
    real_replace(src, dst)
os.replace = stalled_replace
from claimlint.cli import main
sys.argv = ["claimlint", "check", "--fix", "--no-cache", {path!r}]
main()
"""


def test_fix_killed_before_rename_leaves_the_original(tmp_path: Path) -> None:
    _fixer_or_skip()
    page = tmp_path / "page.md"
    original = f"# Ketamine\n\n{CLAIM}\n".encode()
    page.write_bytes(original)
    script = textwrap.dedent(KILLED_FIX.format(path=str(page)))
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        assert line.startswith("WRITTEN"), process.stderr.read().decode()  # type: ignore[union-attr]
        temp = Path(line.split(" ", 1)[1].strip())
        assert temp.exists() and temp.read_bytes() != original  # the new text is written...
        os.kill(process.pid, signal.SIGKILL)  # ...and the process dies before the rename
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert page.read_bytes() == original
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "page.md"]
    assert all(name.startswith(".") for name in leftovers), leftovers  # hidden: never linted
    run = run_cli(["check", ".", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert run.code == 1 and {d["path"] for d in run.json()} == {"page.md"}
