"""The pre-commit hook, for real: pre-commit installs this checkout into its own environment
and runs it on `git commit`.

SLOW (minutes on a cold cache): pre-commit builds a virtualenv and pip-installs claimlint with
spaCy from PyPI. The environment is cached for the session in a temporary PRE_COMMIT_HOME (set
CLAIMLINT_PRE_COMMIT_HOME to a folder to keep it between runs). Deselect with `-m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SKIP = {
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    ".claimlint_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "test-artifacts",
    "__pycache__",
    "node_modules",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]


def test_hook_manifest_shape() -> None:
    """Fast check of the manifest pre-commit reads from this repository."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "claimlint" and hook["language"] == "python"
    # pre-commit captures the output: --show-source makes the source line and fix hint print
    assert hook["entry"] == "claimlint check --show-source"
    assert hook["types_or"] == ["markdown", "html", "text"]
    assert hook.get("pass_filenames", True) is True


def _git(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )


@pytest.fixture(scope="session")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    pytest.importorskip("pre_commit", reason="pre-commit is a test dependency")
    home = os.environ.get("CLAIMLINT_PRE_COMMIT_HOME") or str(
        tmp_path_factory.mktemp("pre-commit-home")
    )
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=home,
        GIT_AUTHOR_NAME="claimlint test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="claimlint test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


@pytest.fixture(scope="session")
def checkout(
    tmp_path_factory: pytest.TempPathFactory, hook_env: dict[str, str]
) -> tuple[Path, str]:
    """The working tree, committed in a throwaway repository (pre-commit clones a commit)."""
    repo = tmp_path_factory.mktemp("claimlint-checkout")
    shutil.copytree(
        ROOT,
        repo,
        dirs_exist_ok=True,
        ignore=lambda folder, names: [n for n in names if n in SKIP or n.endswith(".egg-info")],
    )
    if not (repo / "README.md").exists():  # pyproject names it; a fresh tree may lack it
        (repo / "README.md").write_text("# claimlint\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main", env=hook_env)
    _git(repo, "add", "-A", env=hook_env)
    _git(repo, "commit", "-q", "-m", "snapshot for the pre-commit test", env=hook_env)
    sha = _git(repo, "rev-parse", "HEAD", env=hook_env).stdout.strip()
    return repo, sha


def test_commit_is_blocked_by_a_non_compliant_page(
    tmp_path: Path, checkout: tuple[Path, str], hook_env: dict[str, str]
) -> None:
    repo, sha = checkout
    project = tmp_path / "site"
    project.mkdir()
    _git(project, "init", "-q", "-b", "main", env=hook_env)
    config = {"repos": [{"repo": str(repo), "rev": sha, "hooks": [{"id": "claimlint"}]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "notes.py").write_text("SAFE = 'completely safe for every guest'\n", "utf-8")
    _git(project, "add", ".pre-commit-config.yaml", "notes.py", env=hook_env)
    _git(project, "commit", "-q", "--no-verify", "-m", "setup", env=hook_env)
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=project,
        env=hook_env,
        check=True,
        capture_output=True,
        text=True,
    )

    page = project / "pages" / "infusions.md"
    page.parent.mkdir()
    page.write_text(
        "# Infusion evenings\n\nOur infusions are completely safe for every guest.\n", "utf-8"
    )
    _git(project, "add", "pages/infusions.md", env=hook_env)
    blocked = subprocess.run(
        ["git", "commit", "-m", "add infusion page"],
        cwd=project,
        env=hook_env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "claimlint" in output and "Failed" in output
    assert "pages/infusions.md:3:" in output and "CL401" in output
    assert "completely safe" in output
    # Every finding comes with its source line and its fix hint, though output is captured.
    findings = [line for line in output.splitlines() if line.startswith("pages/infusions.md:")]
    assert findings and output.count("= help: ") == len(findings), output
    assert "    3 | Our infusions are completely safe for every guest." in output
    head = _git(project, "log", "--format=%s", env=hook_env).stdout.split("\n")[0]
    assert head == "setup"  # nothing was committed

    page.write_text(
        "# Infusion evenings\n\nSide effects such as nausea are possible; we monitor every"
        " guest during the session.\n",
        "utf-8",
    )
    # A code file with the same words is not a page: the hook's `files` keeps it out.
    (project / "notes.py").write_text("SAFE = 'Completely safe for every guest.'\n", "utf-8")
    _git(project, "add", "pages/infusions.md", "notes.py", env=hook_env)
    passed = subprocess.run(
        ["git", "commit", "-m", "add infusion page"],
        cwd=project,
        env=hook_env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "claimlint" in output and "Passed" in output
    head = _git(project, "log", "--format=%s", env=hook_env).stdout.split("\n")[0]
    assert head == "add infusion page"
