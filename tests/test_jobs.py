"""--jobs: the same output whatever the number of processes; small runs stay in process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from claimlint.api import lint_paths
from claimlint.inputs import files as file_io
from claimlint.packs import load_rules
from claimlint.run import parallel

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Copies of the examples, plus an unreadable and an undecodable file, over 256 KB."""
    root = tmp_path_factory.mktemp("site")
    copies = 0
    while sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) < parallel.MIN_BYTES:
        shutil.copytree(EXAMPLES, root / f"part{copies:02d}")
        copies += 1
    (root / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text \x00\x00\x00" * 50)
    return root


def test_pool_output_equals_in_process(site: Path, ruleset, monkeypatch) -> None:
    used: list[int] = []
    real = parallel.lint_in_pool

    def spy(lint_one, paths, sizes, jobs, progress=None):
        used.append(len(paths))
        return real(lint_one, paths, sizes, jobs, progress)

    monkeypatch.setattr(parallel, "lint_in_pool", spy)
    serial = lint_paths([str(site)], ruleset=ruleset, jobs=1, keep_texts=True)
    assert not used
    pooled = lint_paths([str(site)], ruleset=ruleset, jobs=2, keep_texts=True)
    assert used and used[0] == serial.files + len(serial.errors)
    assert [d.to_json() for d in pooled.diagnostics] == [d.to_json() for d in serial.diagnostics]
    assert pooled.errors == serial.errors and pooled.files == serial.files
    assert pooled.linted == serial.linted and pooled.texts == serial.texts
    assert serial.diagnostics


def test_reading_ahead_changes_no_finding(tmp_path: Path, ruleset, monkeypatch) -> None:
    # Documents are read a window at a time and their regex Set scans run together
    # (Linter.prepare); the findings must be those of linting each alone: every format, a
    # page with Greek letters (scanned one regex at a time), an empty page, an undecodable
    # file and two pages with the same text in the same window.
    for path in sorted(EXAMPLES.rglob("*.*")):
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    (tmp_path / "greek.md").write_text("# Νευρο drops\n\nOur 10 μg drops cure anxiety fast.\n")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "same.txt").write_text("Guaranteed relief from migraines within one hour.\n")
    (tmp_path / "same2.md").write_text("Guaranteed relief from migraines within one hour.\n")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text \x00\x00" * 10)
    ahead = lint_paths([str(tmp_path)], ruleset=ruleset)
    monkeypatch.setattr(parallel, "LOOKAHEAD_FILES", 1)
    alone = lint_paths([str(tmp_path)], ruleset=ruleset)
    assert [d.to_json() for d in ahead.diagnostics] == [d.to_json() for d in alone.diagnostics]
    assert ahead.errors == alone.errors and len(ahead.errors) == 1
    assert {d.path for d in ahead.diagnostics} >= {str(tmp_path / "greek.md")}


def test_pool_with_cache_equals_in_process(site: Path, ruleset, tmp_path: Path) -> None:
    serial = lint_paths([str(site)], ruleset=ruleset, jobs=1)
    filled = lint_paths([str(site)], ruleset=ruleset, jobs=2, cache_dir=tmp_path / "c")
    hit = lint_paths([str(site)], ruleset=ruleset, jobs=2, cache_dir=tmp_path / "c")
    assert serial.diagnostics == filled.diagnostics == hit.diagnostics
    assert serial.errors == filled.errors == hit.errors


def test_a_broken_pool_falls_back_to_in_process(site: Path, ruleset, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(parallel, "lint_in_pool", broken)
    serial = lint_paths([str(site)], ruleset=ruleset, jobs=1)
    fallback = lint_paths([str(site)], ruleset=ruleset, jobs=2)
    assert fallback.diagnostics == serial.diagnostics and fallback.errors == serial.errors


def test_small_runs_stay_in_process(monkeypatch) -> None:
    assert not parallel.worth_a_pool(2, ["a.md"] * 3, [10**6] * 3)  # few files
    assert not parallel.worth_a_pool(2, ["a.md"] * 50, [100] * 50)  # little text
    assert not parallel.worth_a_pool(1, ["a.md"] * 50, [10**6] * 50)  # one job
    if parallel.can_fork():
        assert parallel.worth_a_pool(2, ["a.md"] * 50, [10**5] * 50)


def test_chunks_cover_every_path_once() -> None:
    paths = [f"p{i}.md" for i in range(37)]
    sizes = [(i * 7919) % 5000 + 1 for i in range(37)]
    chunks = parallel.chunked(paths, sizes, 2)
    assert sorted(p for c in chunks for p in c) == sorted(paths)
    assert 2 <= len(chunks) <= 16


def test_cli_jobs_output_identical(site: Path) -> None:
    def run(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "claimlint",
                "check",
                "--no-cache",
                "--format",
                "json",
                "--jobs",
                jobs,
                str(site),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )

    one, two = run("1"), run("2")
    assert one.returncode == two.returncode == 2  # broken.txt cannot be decoded
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert "broken.txt" in one.stderr


def test_a_pack_spacy_rejects_fails_before_the_pool(site: Path, tmp_path: Path) -> None:
    # The schema accepts the pattern, spaCy's validator does not: with a pool, that must be a
    # clean rule pack error from the parent (which compiles before forking), not a crash.
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "bad.yaml").write_text("lexicons:\n  widget:\n    tokens: [[{LOWER: {IN: 5}}]]\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimlint",
            "check",
            "--no-cache",
            "-j",
            "2",
            "--rules",
            str(packs),
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert "rule pack error" in first and "bad.yaml" in first and "widget" in first


def test_with_a_cache_workers_lint_the_bytes_that_were_hashed(
    site: Path, ruleset, tmp_path: Path, monkeypatch
) -> None:
    # Reading a file again in a worker would let an edit made during the run put findings of
    # the new text under the old text's key. Workers inherit the hashed bytes instead: make
    # any second read fail loudly, and the pooled, cached run must still equal the serial one.
    serial = lint_paths([str(site)], ruleset=ruleset, jobs=1)
    used: list[int] = []
    real = parallel.lint_in_pool

    def spy(lint_one, paths, sizes, jobs, progress=None):
        used.append(len(paths))
        return real(lint_one, paths, sizes, jobs, progress)

    def second_read(*args, **kwargs):
        raise AssertionError("a file was read twice")

    monkeypatch.setattr(parallel, "lint_in_pool", spy)
    monkeypatch.setattr(file_io, "read_source", second_read)
    pooled = lint_paths([str(site)], ruleset=ruleset, jobs=2, cache_dir=tmp_path / "cache")
    assert used, "the run did not use the pool"
    assert pooled.diagnostics == serial.diagnostics and pooled.errors == serial.errors
