"""The result cache: hits equal fresh runs, keys notice every input, bad entries are ignored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.api import lint_paths
from claimlint.cli import cli
from claimlint.diagnostics import Diagnostic
from claimlint.nlp.engine import Options
from claimlint.packs import load_rules
from claimlint.run.cache import ResultCache, entry_key, linter_key

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CLAIM = "# Ketamine\n\nKetamine cures depression permanently. It is completely safe.\n"


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(EXAMPLES, folder)
    (folder / "claim.md").write_text(CLAIM, encoding="utf-8")
    return folder


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in (cache_dir / "v1").glob("??/*.json"))


def test_hits_equal_a_fresh_run(site: Path, tmp_path: Path, ruleset) -> None:
    cache_dir = tmp_path / "cache"
    fresh = lint_paths([str(site)], ruleset=ruleset)
    first = lint_paths([str(site)], ruleset=ruleset, cache_dir=cache_dir, keep_texts=True)
    cache = ResultCache(cache_dir)
    assert len(_entries(cache_dir)) == first.files == fresh.files
    second = lint_paths([str(site)], ruleset=ruleset, cache_dir=cache_dir, keep_texts=True)
    assert fresh.diagnostics == first.diagnostics == second.diagnostics
    assert [d.to_json() for d in fresh.diagnostics] == [d.to_json() for d in second.diagnostics]
    assert second.texts == first.texts and second.linted == first.linted
    assert fresh.diagnostics, "the examples should produce findings"
    assert (
        cache.folder.joinpath("CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert cache.folder.joinpath(".gitignore").read_text().strip().endswith("*")


def test_an_edit_is_a_miss(site: Path, tmp_path: Path, ruleset) -> None:
    cache_dir = tmp_path / "cache"
    lint_paths([str(site)], ruleset=ruleset, cache_dir=cache_dir)
    before = len(_entries(cache_dir))
    page = site / "claim.md"
    page.write_text(CLAIM + "\nThis treatment is guaranteed to work.\n", encoding="utf-8")
    fresh = lint_paths([str(page)], ruleset=ruleset)
    cached = lint_paths([str(page)], ruleset=ruleset, cache_dir=cache_dir)
    assert cached.diagnostics == fresh.diagnostics
    assert len(_entries(cache_dir)) == before + 1


def test_key_covers_everything_that_changes_results(ruleset) -> None:
    base = linter_key(ruleset.fingerprint, Options())
    assert base == linter_key(ruleset.fingerprint, Options())
    assert base != linter_key(ruleset.fingerprint, Options(select=("CL1",)))
    assert base != linter_key(ruleset.fingerprint, Options(ignore=("CL401",)))
    assert base != linter_key(ruleset.fingerprint, Options(severity={"CL1": "info"}))
    assert base != linter_key("0" * 16, Options())
    key = entry_key(base, "a.md", "markdown", None, b"text")
    assert key != entry_key(base, "b.md", "markdown", None, b"text")
    assert key != entry_key(base, "a.md", "text", None, b"text")
    assert key != entry_key(base, "a.md", "markdown", "latin-1", b"text")
    assert key != entry_key(base, "a.md", "markdown", None, b"text!")


def test_options_are_part_of_the_key(site: Path, tmp_path: Path, ruleset) -> None:
    cache_dir = tmp_path / "cache"
    page = str(site / "claim.md")
    everything = lint_paths([page], ruleset=ruleset, cache_dir=cache_dir)
    only_safety = lint_paths(
        [page], ruleset=ruleset, options=Options(select=("CL4",)), cache_dir=cache_dir
    )
    assert {d.rule[:3] for d in only_safety.diagnostics} == {"CL4"}
    assert len(everything.diagnostics) > len(only_safety.diagnostics)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"",  # empty
        lambda raw: raw.replace(b'"CL', b'"XX', 1),  # bit rot: checksum no longer matches
        lambda raw: b"0" * 64 + b"\n{not json",  # garbage
    ],
)
def test_a_damaged_entry_is_ignored(site: Path, tmp_path: Path, ruleset, damage) -> None:
    cache_dir = tmp_path / "cache"
    page = str(site / "claim.md")
    fresh = lint_paths([page], ruleset=ruleset, cache_dir=cache_dir)
    (entry,) = _entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))
    again = lint_paths([page], ruleset=ruleset, cache_dir=cache_dir)
    assert again.diagnostics == fresh.diagnostics
    assert ResultCache(cache_dir).get(entry.stem, page) == fresh.diagnostics  # rewritten


def test_entry_with_another_key_is_ignored(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    diag = Diagnostic("x.md", 1, 1, "CL101", 1, 5, "n", "efficacy", "error", "m", "e")
    cache.put("a" * 64, [diag])
    assert cache.get("a" * 64, "y.md") == [Diagnostic("y.md", *list(vars_of(diag))[1:])]
    target = tmp_path / "v1" / "bb" / ("b" * 64 + ".json")
    target.parent.mkdir(parents=True)
    os.replace(tmp_path / "v1" / "aa" / ("a" * 64 + ".json"), target)
    assert cache.get("b" * 64, "y.md") is None


def vars_of(diag: Diagnostic) -> list:
    return [getattr(diag, f) for f in Diagnostic.__dataclass_fields__]


def test_unwritable_cache_still_lints(site: Path, tmp_path: Path, ruleset) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    page = str(site / "claim.md")
    result = lint_paths([page], ruleset=ruleset, cache_dir=blocker)
    assert result.diagnostics == lint_paths([page], ruleset=ruleset).diagnostics


def test_no_temporary_files_left_behind(site: Path, tmp_path: Path, ruleset) -> None:
    cache_dir = tmp_path / "cache"
    lint_paths([str(site)], ruleset=ruleset, cache_dir=cache_dir)
    assert not [p for p in cache_dir.rglob("*") if p.name.startswith(".tmp-")]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimlint", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_cache_in_working_folder_and_no_cache(site: Path) -> None:
    first = _cli("--format", "json", "--jobs", "1", ".", cwd=site)
    assert first.returncode == 1, first.stderr
    assert (site / ".claimlint_cache" / "CACHEDIR.TAG").is_file()
    second = _cli("--format", "json", "--jobs", "1", ".", cwd=site)
    assert second.stdout == first.stdout and second.returncode == 1
    assert json.loads(first.stdout)
    shutil.rmtree(site / ".claimlint_cache")
    third = _cli("--no-cache", "--format", "json", "--jobs", "1", ".", cwd=site)
    assert third.stdout == first.stdout
    assert not (site / ".claimlint_cache").exists()


def test_concurrent_runs_share_a_cache(site: Path) -> None:
    """Two runs filling the same cache at once both succeed and agree."""
    cmd = [sys.executable, "-m", "claimlint", "check", "--format", "json", "--jobs", "1", "."]
    procs = [
        subprocess.Popen(cmd, cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 1 for p in procs), [o[1] for o in outs]
    assert len({o[0] for o in outs}) == 1
    again = _cli("--format", "json", "--jobs", "1", ".", cwd=site)
    assert again.stdout.encode() == outs[0][0]


def test_entries_older_than_max_age_are_pruned_once_a_day(tmp_path: Path) -> None:
    from claimlint.run import cache as cache_module

    store = ResultCache(tmp_path / ".claimlint_cache")
    diag = Diagnostic("x.md", 1, 1, "CL101", 1, 5, "n", "efficacy", "error", "m", "e")
    store.put("a" * 64, [diag])
    store.put("b" * 64, [diag])
    now = time.time()
    old = now - cache_module.MAX_AGE - 60
    os.utime(store._entry("a" * 64), (old, old))
    assert store.prune_if_due(now) == 1
    assert store.get("a" * 64, "x.md") is None
    assert store.get("b" * 64, "x.md") == [diag]
    # The next sweep waits a day, whatever has expired meanwhile.
    os.utime(store._entry("b" * 64), (old, old))
    assert store.prune_if_due(now + 60) == 0
    assert store.prune_if_due(now + cache_module.PRUNE_EVERY + 1) == 1


def test_a_run_that_writes_sweeps_and_a_run_of_hits_does_not(tmp_path: Path, monkeypatch) -> None:
    from claimlint.run import cache as cache_module

    monkeypatch.chdir(tmp_path)  # the cache lives in the working folder
    page = tmp_path / "page.md"
    page.write_text("Ketamine repairs damaged neural circuitry.\n", encoding="utf-8")
    folder = tmp_path / ".claimlint_cache"
    args = ["check", "--format", "json", "-j", "1", str(page)]
    assert CliRunner().invoke(cli, args, catch_exceptions=False).exit_code == 1
    marker = folder / cache_module.LAYOUT / ".last-prune"
    assert marker.is_file()  # the first run wrote an entry, so it swept
    marker.unlink()
    assert CliRunner().invoke(cli, args, catch_exceptions=False).exit_code == 1
    assert not marker.exists()  # all hits: nothing written, no sweep
