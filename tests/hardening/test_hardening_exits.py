"""Every internal error exits 2 with one line naming the file and the reason; never a crash
read as "findings" (1), never a hang. Ctrl-C exits 130; a closed pipe is not an error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimlint import cli as cli_module
from claimlint.cli import cli

CLAIM = "Ketamine cures depression.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--no-cache", "-j", "1", *args])


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def real_run(*args: str, timeout: float = 180, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--no-cache", "-j", "1", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )


@pytest.fixture()
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.md").write_text(CLAIM, encoding="utf-8")
    return site / "page.md"


def test_gitignore_line_git_accepts_does_not_crash_the_walk(page: Path) -> None:
    (page.parent / ".gitignore").write_text("[z-a]\n!\nignored.md\n", encoding="utf-8")
    (page.parent / "ignored.md").write_text(CLAIM, encoding="utf-8")
    result = run(str(page.parent))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1 and "page.md" in result.stdout
    assert "ignored.md" not in result.stdout  # the good lines still apply


@pytest.mark.parametrize("glob", ["'[z-a]'", "'!'", "'\\'"])
@pytest.mark.parametrize("key", ["exclude", "include", "per-file-ignores"])
def test_bad_config_glob_is_a_configuration_error(page: Path, glob: str, key: str) -> None:
    value = f"{{{glob}: [CL101]}}" if key == "per-file-ignores" else f"[{glob}]"
    (page.parent / ".claimlint.yaml").write_text(f"{key}: {value}\n", encoding="utf-8")
    result = run(str(page.parent))
    assert result.exit_code == 2
    assert lines(result.stderr) == [result.stderr.strip()]
    assert ".claimlint.yaml" in result.stderr and key in result.stderr
    assert "invalid glob" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("option", ["--config", "--baseline"])
@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_config_or_baseline_that_is_not_a_file_fails_at_once(
    page: Path, tmp_path: Path, option: str, target: str
) -> None:
    if target == "fifo":
        target = str(tmp_path / "pipe")
        os.mkfifo(target)
    proc = real_run(option, target, str(page), timeout=120)  # a hang would time out
    assert proc.returncode == 2, proc.stderr
    assert lines(proc.stderr) == [proc.stderr.strip()]
    assert target in proc.stderr and "not a regular file" in proc.stderr


def test_walked_path_longer_than_path_max_is_reported(page: Path, tmp_path: Path) -> None:
    folder = os.open(page.parent, os.O_RDONLY)
    try:
        for _ in range(25):  # 25 x 201 characters: beyond Linux's PATH_MAX of 4096
            os.mkdir("d" * 200, dir_fd=folder)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=folder)
            os.close(folder)
            folder = inner
        handle = os.open("deep.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folder)
        os.write(handle, CLAIM.encode())
        os.close(handle)
    finally:
        os.close(folder)
    result = run("site")
    assert result.exit_code == 2
    assert "site/page.md" in result.stdout  # the rest is still linted
    errors = lines(result.stderr)
    assert len(errors) == 1 and "name too long" in errors[0].lower()


def test_unexpected_exception_is_one_line_and_exit_2(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import claimlint.api

    def boom(*args, **kwargs):
        raise RuntimeError("something no one expected")

    monkeypatch.setattr(claimlint.api, "lint_paths", boom)
    monkeypatch.delenv("CLAIMLINT_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli_module.main(["check", "--no-cache", str(page)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert lines(err) == [
        "claimlint: internal error: RuntimeError: something no one expected "
        "(CLAIMLINT_DEBUG=1 shows the traceback)"
    ]
    monkeypatch.setenv("CLAIMLINT_DEBUG", "1")
    with pytest.raises(SystemExit) as exit_:
        cli_module.main(["check", "--no-cache", str(page)])
    assert exit_.value.code == 2
    assert "Traceback" in capsys.readouterr().err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli_module.main(["check", "--format", "nonsense"])
    assert exit_.value.code == 2


def test_broken_pipe_keeps_exit_zero(tmp_path: Path) -> None:
    page = tmp_path / "many.txt"
    page.write_text(CLAIM * 2000, encoding="utf-8")  # far more output than a pipe buffers
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimlint", "check", "--no-cache", "-j", "1"]
        + ["--exit-zero", "--format", "concise", str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader goes away (`| head -0`)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=180) == 0, err
    assert err == ""


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(CLAIM, encoding="utf-8")
    script = (
        "import os, signal, time, claimlint.api\n"
        # A harness that starts the run in the background (no job control) leaves SIGINT
        # ignored, and Python then never raises KeyboardInterrupt: restore the default.
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "def interrupted(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        # The handler runs at the interpreter's next check, which on a loaded machine can come
        # after this function returns: wait in a loop (each pass is a check) until it has run.
        "    for _ in range(6000):\n"
        "        time.sleep(0.01)\n"
        "claimlint.api.lint_paths = interrupted\n"
        "from claimlint.cli import main\n"
        f"main(['check', '--no-cache', {str(page)!r}])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 128 + signal.SIGINT, proc.stderr
    assert "Traceback" not in proc.stderr and "Aborted" not in proc.stderr
