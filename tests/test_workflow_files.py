"""The GitHub Actions workflow: valid YAML of the right shape, its claimlint command really works,
and docs/workflows.md shows the same workflow."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimlint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "claimlint.yml"


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
    runs = [s["run"] for s in job["steps"] if "run" in s]
    install = next(i for i, r in enumerate(runs) if "pip install" in r)
    lint = next(i for i, r in enumerate(runs) if "--format sarif" in r)
    assert install < lint and "claimlint check examples/" in runs[lint]


def test_uploaded_file_is_the_one_written() -> None:
    lint = next(s["run"] for s in steps() if "--format sarif" in s.get("run", ""))
    written = re.search(r">\s*(\S+)", lint)
    upload = next(s for s in steps() if "upload-sarif" in s.get("uses", ""))
    assert written and upload["with"]["sarif_file"] == written.group(1)


def test_the_workflow_command_produces_sarif(monkeypatch: pytest.MonkeyPatch) -> None:
    lint = next(s["run"] for s in steps() if "--format sarif" in s.get("run", ""))
    args = shlex.split(lint.split(">")[0])
    assert args[:2] == ["claimlint", "check"]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, args[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert all(u.startswith("examples/") for u in uris)


def test_docs_show_the_same_workflow() -> None:
    docs = (ROOT / "docs" / "workflows.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", docs, re.DOTALL)
    [shown] = [b for b in blocks if "upload-sarif" in b]
    on_disk = "\n".join(
        line
        for line in WORKFLOW.read_text(encoding="utf-8").splitlines()
        if not line.startswith("# ")
    ).strip()
    assert shown.strip() == on_disk
