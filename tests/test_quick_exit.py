"""The console script exits without freeing its heap object by object, and still does what an
exit must: atexit handlers, flushed output, the status; anything unusual takes Python's own
exit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = """
import atexit, os, sys, threading, time
from claimlint.console.quick_exit import quick_exit

fd = os.open({torn!r}, os.O_WRONLY | os.O_CREAT)

class Torn:
    def __del__(self, write=os.write, fd=fd):  # runs only if the heap is torn down
        write(fd, b"torn")

kept = Torn()
atexit.register(lambda: open({handler!r}, "w").write("ran"))
sys.stdout.write("unflushed output")  # buffered: a plain os._exit would lose it
if {thread}:
    threading.Thread(target=time.sleep, args=(0.2,)).start()
quick_exit({code!r})
"""


def run_script(tmp_path: Path, code: object, thread: bool = False) -> tuple[int, str, str, Path]:
    torn, handler = tmp_path / "torn", tmp_path / "handler"
    script = SCRIPT.format(torn=str(torn), handler=str(handler), thread=thread, code=code)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert handler.read_text() == "ran"  # atexit handlers always run
    return done.returncode, done.stdout, done.stderr, torn


def test_the_quick_exit_keeps_status_output_and_handlers_but_skips_the_teardown(
    tmp_path: Path,
) -> None:
    status, out, _err, torn = run_script(tmp_path, 3)
    assert (status, out) == (3, "unflushed output")
    assert torn.read_text() == ""  # no teardown: the object was never freed


def test_a_none_code_exits_zero(tmp_path: Path) -> None:
    status, out, _err, torn = run_script(tmp_path, None)
    assert (status, out, torn.read_text()) == (0, "unflushed output", "")


def test_a_running_thread_or_a_message_takes_pythons_own_exit(tmp_path: Path) -> None:
    status, out, _err, torn = run_script(tmp_path, 4, thread=True)
    assert (status, out) == (4, "unflushed output")
    assert torn.read_text() == "torn"  # the interpreter tore down, after joining the thread
    status, _out, err, torn = run_script(tmp_path, "claimlint: a message")
    assert status == 1 and "claimlint: a message" in err


def test_the_command_line_reports_findings_through_the_quick_exit(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Drops\n\nOur drops cure anxiety in minutes.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--no-cache", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert done.stdout.rstrip().endswith("]") and '"CL1' in done.stdout


def test_a_profiled_run_still_writes_its_profile(tmp_path: Path) -> None:
    page, stats = tmp_path / "page.md", tmp_path / "run.prof"
    page.write_text("# Drops\n\nOur drops are gentle.\n", "utf-8")
    command = ["-m", "cProfile", "-o", str(stats), "-m", "claimlint", "check", "--no-cache"]
    done = subprocess.run(
        [sys.executable, *command, str(page)], capture_output=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode in (0, 1), done.stderr
    assert stats.stat().st_size > 0


def test_the_console_script_collects_less_often_and_ends_in_the_quick_exit(monkeypatch) -> None:
    import gc

    from claimlint import cli
    from claimlint.console import quick_exit as quick_exit_module
    from claimlint.run.heap import BATCH_THRESHOLD

    def finished(args=None):
        raise SystemExit(7)

    def recorded(code: object):
        raise RuntimeError(f"quick exit {code}")

    old = gc.get_threshold()
    gc.set_threshold(700, old[1], old[2])
    monkeypatch.setattr(cli, "main", finished)
    monkeypatch.setattr(quick_exit_module, "quick_exit", recorded)
    try:
        with pytest.raises(RuntimeError, match="quick exit 7"):
            cli.run()
        assert gc.get_threshold()[0] == BATCH_THRESHOLD
    finally:
        gc.set_threshold(*old)
