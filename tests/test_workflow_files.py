"""The CI recipes, run for real: the GitHub Actions workflow and the GitLab CI job are parsed,
their shell commands run in a fresh content-only git repository (pages, no Python project)
with claimlint from this checkout in place of the install line, and their exit codes must
be what the recipe promises: the annotation/report steps pass with findings, the gate fails
with findings, and everything passes on a clean site. docs/workflows.md shows the same files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimlint.version import REPOSITORY, __version__

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "claimlint.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"
INSTALL = f'python -m pip install "git+{REPOSITORY}@v{__version__}"'
BAD = "# Infusions\n\nOur infusions are completely safe for every guest.\n"
CLEAN = "# Infusions\n\nSide effects such as nausea are possible; we monitor every guest.\n"


def load_workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as True; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps() -> list[dict]:
    [job] = load_workflow()["jobs"].values()
    return job["steps"]


def test_workflow_shape() -> None:
    data = load_workflow()
    assert set(data) >= {"name", "on", "jobs"}
    assert "pull_request" in data["on"] and "push" in data["on"]
    [job] = data["jobs"].values()
    assert job["runs-on"] and job["permissions"]["security-events"] == "write"
    for step in job["steps"]:
        assert ("uses" in step) != ("run" in step), step  # exactly one of them
        assert set(step) <= {"name", "uses", "run", "with", "if", "env", "id", "shell"}
    uses = [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif"]


def test_setup_python_needs_no_python_project() -> None:
    """`cache: pip` fails in a repository without requirements.txt or pyproject.toml unless
    cache-dependency-path names a file that exists there."""
    setup = next(s for s in steps() if s.get("uses", "").startswith("actions/setup-python"))
    options = setup.get("with", {})
    assert "cache" not in options or "cache-dependency-path" in options


def test_install_lines_name_the_release() -> None:
    runs = [s["run"] for s in steps() if "run" in s]
    assert [r for r in runs if "pip install" in r] == [INSTALL]
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["claimlint"]
    assert job["before_script"] == [INSTALL]


def test_uploaded_file_is_the_one_written() -> None:
    sarif = next(s["run"] for s in steps() if "--format sarif" in s.get("run", ""))
    written = re.search(r"(?:-o|--output-file)\s+(\S+)", sarif)
    upload = next(s for s in steps() if "upload-sarif" in s.get("uses", ""))
    assert written and upload["with"]["sarif_file"] == written.group(1)


def test_gitlab_reports_are_the_files_written() -> None:
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["claimlint"]
    written = {
        m.group(1): m.group(2)
        for line in job["script"]
        if (m := re.search(r"--format (\w+).*--output-file (\S+)", line))
    }
    reports = job["artifacts"]["reports"]
    assert reports == {"codequality": written["gitlab"], "junit": written["junit"]}
    assert job["artifacts"]["when"] == "always"  # the reports matter most when the gate fails


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    """A content-only repository: pages in folders, a README, no Python project at all."""
    repo = tmp_path / "site"
    (repo / "pages").mkdir(parents=True)
    (repo / "README.md").write_text("# Our site\n\nThe pages of the clinic.\n", "utf-8")
    (repo / "pages" / "about.md").write_text(CLEAN, encoding="utf-8")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, env=env)
    return repo


def run_commands(commands: list[str], repo: Path) -> list[tuple[str, int, str]]:
    """Each command as the runners do (bash -e), with this checkout's claimlint on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    results = []
    for command in commands:
        done = subprocess.run(
            ["bash", "-e", "-c", command], cwd=repo, env=env, capture_output=True, text=True
        )
        assert "Traceback" not in done.stderr, done.stderr
        results.append((command, done.returncode, done.stdout))
    return results


def github_commands() -> list[str]:
    runs = [s["run"] for s in steps() if "run" in s]
    return [r for r in runs if r != INSTALL]


def gitlab_commands() -> list[str]:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["claimlint"]["script"]


@pytest.mark.parametrize("recipe", ["github", "gitlab"])
def test_recipe_commands_report_then_gate(content_repo: Path, recipe: str) -> None:
    commands = github_commands() if recipe == "github" else gitlab_commands()
    *reporting, gate = commands
    assert "--exit-zero" not in gate and all("--exit-zero" in c for c in reporting)

    (content_repo / "pages" / "infusions.md").write_text(BAD, encoding="utf-8")
    results = run_commands(commands, content_repo)
    assert [code for _, code, _ in results] == [0] * len(reporting) + [1], results
    gate_output = results[-1][2]
    assert "pages/infusions.md:3:19: CL401" in gate_output and "= help: " in gate_output
    if recipe == "github":
        annotations = results[0][2]
        assert annotations.startswith("::error file=pages/infusions.md,line=3,")
        sarif = json.loads((content_repo / "claimlint.sarif").read_text(encoding="utf-8"))
        [uri] = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]
        }
        assert uri == "pages/infusions.md"
    else:
        quality = json.loads(
            (content_repo / "gl-code-quality-report.json").read_text(encoding="utf-8")
        )
        assert quality and quality[0]["location"]["path"] == "pages/infusions.md"
        assert "CL401" in (content_repo / "claimlint-junit.xml").read_text(encoding="utf-8")

    (content_repo / "pages" / "infusions.md").write_text(CLEAN, encoding="utf-8")
    clean = run_commands(commands, content_repo)
    assert [code for _, code, _ in clean] == [0] * len(commands), clean


def test_a_broken_configuration_fails_even_the_reporting_steps(content_repo: Path) -> None:
    (content_repo / ".claimlint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    results = run_commands(github_commands()[:1] + gitlab_commands()[:1], content_repo)
    assert [code for _, code, _ in results] == [2, 2]


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


def without_header(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines).strip()


def test_docs_show_the_same_recipes() -> None:
    blocks = [b.strip() for b in yaml_blocks(ROOT / "docs" / "workflows.md")]
    assert without_header(WORKFLOW) in blocks
    assert without_header(GITLAB) in blocks
