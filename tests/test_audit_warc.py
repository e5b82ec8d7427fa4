"""claimlint audit on a generated WARC and on folders: findings identical to linting the same
pages as files, in process and in the local pool, and resuming without duplicate rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_helpers import check_keys, finding_keys, load_script, rows
from click.testing import CliRunner

from claimlint.cli import cli

pytest.importorskip("warcio")

DOCS = 60
PREFIX = "https://clinic.example/"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, Path]:
    """A 60-page WARC.gz and the same pages as files."""
    root = tmp_path_factory.mktemp("warc")
    warc, files = root / "site.warc.gz", root / "files"
    assert load_script("warc_generate").write_warc(warc, DOCS, 3, files=files) == DOCS
    return warc, files


@pytest.fixture(scope="module")
def expected(archive) -> list[tuple]:
    return check_keys(archive[1])


def audit(*args: str):
    return CliRunner().invoke(cli, ["audit", "--isolated", "-q", *args])


def without_times(pages: list[dict]) -> list[dict]:
    return [{k: v for k, v in p.items() if k not in ("fetch_ms",)} for p in pages]


def test_warc_findings_equal_the_files_in_a_local_pool(archive, expected, tmp_path) -> None:
    warc, _ = archive
    out = tmp_path / "out"
    result = audit(str(warc), "-o", str(out), "--jobs", "2", "--shard-size", "10")
    assert result.exit_code == 1, result.output
    pages = rows(out, "pages")
    assert len(pages) == DOCS and {p["outcome"] for p in pages} == {"linted"}
    assert all(p["url"].startswith(PREFIX) and p["kind"] == "warc" for p in pages)
    findings = rows(out, "findings")
    assert sum(p["findings"] for p in pages) == len(findings)
    assert expected and finding_keys(findings, PREFIX) == expected


def test_a_folder_source_lints_like_check(archive, expected, tmp_path) -> None:
    _, files = archive
    out = tmp_path / "out"
    result = audit(str(files), "-o", str(out), "--jobs", "1", "--shard-size", "25")
    assert result.exit_code == 1, result.output
    assert len(rows(out, "pages")) == DOCS
    assert finding_keys(rows(out, "findings"), str(files) + "/") == expected


def test_parquet_shards_hold_the_same_rows(archive, tmp_path) -> None:
    pytest.importorskip("pyarrow")
    warc, _ = archive
    results = {}
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / fmt
        assert audit(str(warc), "-o", str(out), "-j", "1", "--output-format", fmt).exit_code == 1
        assert list((out / "findings").glob(f"part-*.{fmt}"))
        results[fmt] = (without_times(rows(out, "pages")), rows(out, "findings"))
    assert results["jsonl"] == results["parquet"]


def test_a_restart_skips_finished_shards_and_duplicates_nothing(archive, tmp_path) -> None:
    warc, _ = archive
    out = tmp_path / "out"
    args = (str(warc), "-o", str(out), "--jobs", "1", "--shard-size", "10")
    assert audit(*args).exit_code == 1
    before_pages, before_findings = rows(out, "pages"), rows(out, "findings")
    # What a crash leaves: shards 3 and 5 not yet in the manifest, a stale half-written part,
    # a missing part and a temporary file.
    manifest = json.loads((out / "manifest.json").read_text())
    del manifest["shards"]["3"], manifest["shards"]["5"]
    manifest["complete"] = False
    (out / "manifest.json").write_text(json.dumps(manifest))
    part = out / "findings" / "part-00005.jsonl"
    part.write_text(part.read_text()[: len(part.read_text()) // 2])
    (out / "pages" / "part-00003.jsonl").unlink()
    (out / "findings" / ".tmp-crash.part").write_text("{}")
    result = CliRunner().invoke(cli, ["audit", "--isolated", *args])
    assert "6 shards; 4 already finished" in result.output
    assert "linted 20 pages" in result.output
    assert without_times(rows(out, "pages")) == without_times(before_pages)
    assert rows(out, "findings") == before_findings
    assert not list(out.rglob(".tmp-*"))
    assert json.loads((out / "manifest.json").read_text())["complete"] is True


def test_killed_midway_then_restarted_gives_the_same_rows(archive, tmp_path) -> None:
    """A real interruption: SIGKILL while the audit runs, then the same command again."""
    warc, _ = archive
    reference = tmp_path / "reference"
    assert audit(str(warc), "-o", str(reference), "-j", "1", "--shard-size", "4").exit_code == 1
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "claimlint",
        "audit",
        "--isolated",
        "-q",
        str(warc),
        "-o",
        str(out),
        "-j",
        "1",
        "--shard-size",
        "4",
    ]
    proc = subprocess.Popen(command, start_new_session=True)
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 120
    finished = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists():
            try:
                finished = len(json.loads(manifest.read_text())["shards"])
            except (ValueError, KeyError):
                finished = 0
            if finished >= 2:
                break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert 2 <= finished < DOCS // 4, "the audit should have been killed midway"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 1, rerun.stderr
    assert without_times(rows(out, "pages")) == without_times(rows(reference, "pages"))
    assert rows(out, "findings") == rows(reference, "findings")


def test_another_audits_folder_is_refused_without_fresh(archive, tmp_path) -> None:
    warc, files = archive
    out = tmp_path / "out"
    assert audit(str(warc), "-o", str(out), "-j", "1").exit_code == 1
    refused = audit(str(files), "-o", str(out), "-j", "1")
    assert refused.exit_code == 2 and "--fresh" in refused.output
    assert audit(str(files), "-o", str(out), "-j", "1", "--fresh").exit_code == 1
    assert {p["kind"] for p in rows(out, "pages")} == {"file"}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: str(d / "nowhere"), "no such file, folder or URL"),
        (
            lambda d: (
                (d / "bad.warc").write_bytes(b"not a warc at all\n" * 20) and str(d / "bad.warc")
            ),
            "not a readable WARC file",
        ),
    ],
)
def test_bad_sources_exit_2_naming_them(tmp_path, make, message) -> None:
    source = make(tmp_path)
    result = audit(source, "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and source in result.output and message in result.output
    assert "Traceback" not in result.output


def test_a_missing_optional_dependency_says_how_to_install_it(archive, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "warcio", None)
    result = audit(str(archive[0]), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "pip install 'claimlint[audit]'" in result.output
