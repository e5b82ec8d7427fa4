"""What claimlint writes survives a full disk, and --fix respects what it finds: read-only
files, hard links, extended attributes, long names. --no-cache lints and reports one read."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.api import lint_paths
from claimlint.cli import cli
from claimlint.inputs import files as file_io
from claimlint.run.fixer import DEFAULT_TEXTS

NEEDS_FDA = "We offer ketamine infusions for depression.\n"

FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))
{body}
"""


def on_a_full_disk(body: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK.format(body=body)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_write_baseline_on_a_full_disk_keeps_the_old_one(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    old = '{"tool": "claimlint", "version": 1, "findings": []}\n'
    baseline.write_text(old, encoding="utf-8")
    proc = on_a_full_disk(
        "from claimlint.diagnostics import Diagnostic\n"
        "from claimlint.run.baseline import write_baseline\n"
        "d = [Diagnostic('p.md', i, 1, 'CL101', i, 9, 'n', 'efficacy', 'error', 'm', 'e' * 40)"
        " for i in range(1, 200)]\n"
        f"try:\n    write_baseline({str(baseline)!r}, d)\n"
        "except OSError:\n    sys.exit(3)\n"
    )
    assert proc.returncode == 3, proc.stderr
    assert baseline.read_text(encoding="utf-8") == old
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary left


def test_init_force_on_a_full_disk_keeps_the_old_config(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text("ignore: [CL106]\n", encoding="utf-8")
    proc = on_a_full_disk(
        "from claimlint.run.config import write_starter\n"
        f"try:\n    write_starter({str(tmp_path)!r}, force=True)\n"
        "except OSError:\n    sys.exit(3)\n"
    )
    assert proc.returncode == 3, proc.stderr
    assert config.read_text(encoding="utf-8") == "ignore: [CL106]\n"


def fix(*paths: Path):
    return CliRunner().invoke(cli, ["check", "--no-cache", "-j", "1", "--fix", *map(str, paths)])


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(NEEDS_FDA, encoding="utf-8")
    page.chmod(0o444)
    result = fix(page)
    assert result.exit_code == 2
    assert page.read_text(encoding="utf-8") == NEEDS_FDA
    assert f"{page}: is read-only; left unchanged" in result.stderr
    assert oct(page.stat().st_mode & 0o777) == oct(0o444)


def test_fix_refuses_to_break_hard_links(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(NEEDS_FDA, encoding="utf-8")
    twin = tmp_path / "twin.txt"
    os.link(page, twin)
    result = fix(page)
    assert result.exit_code == 2
    assert "has 2 hard links" in result.stderr
    assert os.path.samefile(page, twin) and page.read_text(encoding="utf-8") == NEEDS_FDA


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="no extended attributes here")
def test_fix_keeps_extended_attributes(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(NEEDS_FDA, encoding="utf-8")
    try:
        os.setxattr(page, "user.reviewed-by", b"legal")
    except OSError:
        pytest.skip("this file system has no user extended attributes")
    result = fix(page)
    assert DEFAULT_TEXTS["fda"] in page.read_text(encoding="utf-8"), result.output
    assert os.getxattr(page, "user.reviewed-by") == b"legal"


def test_fix_works_on_a_255_character_name(tmp_path: Path) -> None:
    page = tmp_path / ("p" * 251 + ".txt")
    page.write_text(NEEDS_FDA, encoding="utf-8")
    result = fix(page)
    assert DEFAULT_TEXTS["fda"] in page.read_text(encoding="utf-8"), result.output


def test_no_cache_reports_the_bytes_it_linted(tmp_path: Path, monkeypatch) -> None:
    """A file edited while the run lints it: the excerpts come from the linted bytes."""
    page = tmp_path / "page.txt"
    original = "Ketamine cures depression.\n"
    page.write_text(original, encoding="utf-8")
    real = file_io.read_bytes

    def read_then_edit(path, **kwargs):
        found = real(path, **kwargs)
        page.write_text("Totally different words now, nothing to see.\n" * 3, encoding="utf-8")
        return found

    monkeypatch.setattr(file_io, "read_bytes", read_then_edit)
    result = lint_paths([str(page)], keep_texts=True, cache_dir=None)
    assert result.texts[str(page)] == original
    assert result.diagnostics and result.diagnostics[0].line == 1


def _read_fifo_in_background(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_a_fifo_or_device_given_as_output_is_written_not_replaced(
    tmp_path: Path, option: str
) -> None:
    """-o /dev/null renamed a temporary file onto /dev/null: as root that turned the device
    into a regular file for every program on the machine. A FIFO stands in for the device."""
    import stat

    page = tmp_path / "page.md"
    page.write_text(NEEDS_FDA, encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader, got = _read_fifo_in_background(fifo)
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", "--format", "json", option, str(fifo), str(page)]
    )
    reader.join(timeout=20)
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO
    assert b"CL301" in got[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo", "page.md"]  # no temporary


def test_output_through_a_symlink_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(NEEDS_FDA, encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "latest.json").write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(reports / "latest.json")
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", "--format", "json", "-o", str(link), str(page)]
    )
    assert result.exit_code == 1, result.output
    assert link.is_symlink()
    assert "CL301" in (reports / "latest.json").read_text(encoding="utf-8")
    file_io.atomic_write(link, b"[]\n")
    assert link.is_symlink() and (reports / "latest.json").read_bytes() == b"[]\n"
