"""Cache entries cannot be forged from inside the repository, and a planted FIFO or link to
/dev/zero never hangs or crashes a run."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.diagnostics import Diagnostic
from claimlint.inputs import user_cache
from claimlint.run import cache as cache_module
from claimlint.run.cache import ResultCache, key_file, machine_key

CLAIM = "Ketamine cures depression.\n"


@pytest.fixture()
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh machine key under a private XDG_CACHE_HOME."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(user_cache, "_KEY", [])
    return home


def check(folder: Path, xdg: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "-j", "1", "--format", "json", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=180,  # a FIFO entry used to block forever
        env={**os.environ, "XDG_CACHE_HOME": str(xdg)},
    )


def only_entry(folder: Path) -> Path:
    (entry,) = (folder / ".claimlint_cache" / "v1").glob("??/*.json")
    return entry


def test_key_is_private_and_outside_the_tree(own_key: Path, tmp_path: Path) -> None:
    key = machine_key()
    assert key is not None and len(key) == 32
    path = key_file()
    assert path.parent == own_key / "claimlint"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert machine_key() == key == path.read_bytes()


def test_forged_entry_cannot_hide_findings(tmp_path: Path) -> None:
    site, xdg = tmp_path / "site", tmp_path / "xdg"
    site.mkdir()
    (site / "page.md").write_text(CLAIM, encoding="utf-8")
    first = check(site, xdg, "page.md")
    assert first.returncode == 1 and json.loads(first.stdout)
    entry = only_entry(site)
    # What an attacker in the repository can compute: the key (a content hash) and a checksum.
    body = json.dumps({"key": entry.stem, "diagnostics": []}, separators=(",", ":")).encode()
    entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    again = check(site, xdg, "page.md")
    assert again.returncode == 1 and json.loads(again.stdout) == json.loads(first.stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("plant", ["fifo", "dev-zero"])
def test_planted_non_file_entry_is_a_miss(tmp_path: Path, plant: str) -> None:
    site, xdg = tmp_path / "site", tmp_path / "xdg"
    site.mkdir()
    (site / "page.md").write_text(CLAIM, encoding="utf-8")
    first = check(site, xdg, "page.md")
    entry = only_entry(site)
    entry.unlink()
    if plant == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    again = check(site, xdg, "page.md")
    assert again.returncode == 1, again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout)
    assert again.stderr == ""


def test_signed_entry_with_lines_beyond_the_file_is_rejected(own_key: Path) -> None:
    store = ResultCache(own_key / "store")
    good = Diagnostic("p.md", 1, 1, "CL101", 1, 9, "n", "efficacy", "error", "m", "e")
    store.put("a" * 64, [good])
    assert store.get("a" * 64, "p.md", CLAIM.encode()) == [good]
    far = Diagnostic("p.md", 999, 1, "CL101", 999, 9, "n", "efficacy", "error", "m", "e")
    store.put("b" * 64, [far])
    assert store.get("b" * 64, "p.md", CLAIM.encode()) is None
    for bad in ([0, 1], ["1", 1], [True, 1]):
        item = [bad[0], bad[1], "CL101", 1, 9, "n", "efficacy", "error", "m", "e", None, None]
        with pytest.raises(ValueError):
            cache_module._checked(item, 5)
    item = [1, 1, "CL101", 1, 9, "n", "efficacy", "fatal", "m", "e", None, None]
    with pytest.raises(ValueError):
        cache_module._checked(item, 5)
