"""Workers never outlive the run: SIGTERM, SIGHUP or SIGKILL of the parent during --jobs stops
them and closes the output pipe; --jobs is capped."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.run import parallel

PARAGRAPH = (
    "Our clinic offers ketamine infusions for depression. Many patients say the sessions feel "
    "calm. Ketamine cures depression in most people and works fast. Call us to book a visit. "
)


def children_of(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is pid, read from /proc."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float) -> bool:
    """Poll a condition until it holds or the bound passes (a bound, not a timing test)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def reaches_eof(stream, seconds: float) -> bool:
    """Read until end of file, for at most `seconds` (a pipe held open would block forever)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.5)
        if ready and not os.read(stream.fileno(), 65536):
            return True
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_die_with_the_parent(tmp_path: Path, signum: int) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for i in range(16):  # about 2 MB: seconds of work for two workers
        (site / f"page{i:02d}.md").write_text((PARAGRAPH * 60 + "\n\n") * 4, encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "claimlint", "check", "--no-cache", "--jobs", "2", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        assert wait_for(lambda: len(children_of(run.pid)) >= 2, 180), "no workers started"
        workers = children_of(run.pid)
        os.kill(run.pid, signum)
        assert reaches_eof(run.stdout, 60), "the output pipe stayed open"
        run.wait(timeout=60)
        assert wait_for(lambda: not any(alive(w) for w in workers), 30), "a worker survived"
    finally:
        for pid in [run.pid, *workers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        run.wait(timeout=60)


def test_jobs_is_capped_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("Hello.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", "--jobs", "100000", str(tmp_path / "page.md")]
    )
    assert result.exit_code == 0, result.output
    limit = parallel.job_limit()
    assert limit <= parallel.MAX_JOBS
    assert f"--jobs 100000 is more than this machine can use (at most {limit}" in result.output
