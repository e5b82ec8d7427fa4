"""`rules`, `explain` and `test-rules` see exactly the rules `check` uses: the configuration's
packs too, and the engine's own CL001; examples are run, not assumed to pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimlint.cli import cli

PACK = """\
pack: {name: acme}
lexicons:
  zentrova: {terms: [zentrova], lemma: false}
  clarity-outcome: {terms: [unfog, "brighten thinking"]}
rules:
  - id: ACME101
    name: zentrova-clarity-claim
    category: efficacy
    severity: warning
    summary: Zentrova is said to clear the mind, as fact.
    message: 'Zentrova clarity claim: "{excerpt}"'
    match: {all: [zentrova, clarity-outcome], within: 10}
    anchor: clarity-outcome
    unless: [negation, hedge, question]
    examples:
      flag: ["Zentrova unfogs a tired mind."]
      pass: ["Zentrova may unfog a tired mind for some adults."]
"""
# The same rule with two wrong examples: a flag text it cannot match, a pass text it matches.
BROKEN = PACK.replace("ACME101", "ACME201").replace("zentrova-clarity", "zentrova-broken")
BROKEN = BROKEN.replace(
    'flag: ["Zentrova unfogs a tired mind."]',
    'flag: ["Zentrova unfogs a tired mind.", "Our parking lot is free."]',
).replace('pass: ["Zentrova may', 'pass: ["Zentrova brightens thinking.", "Zentrova may')


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content folder whose .claimlint.yaml names a pack; the commands run inside it."""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "acme.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".claimlint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("Zentrova unfogs a tired mind.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def listed_ids(*args: str) -> list[str]:
    result = invoke("rules", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)]


def test_check_rules_and_explain_agree_on_a_configured_pack(project: Path) -> None:
    found = json.loads(invoke("check", "--no-cache", "--format", "json", "page.md").stdout)
    assert "ACME101" in {d["rule"] for d in found}
    assert "ACME101" in listed_ids()
    assert "ACME101" in invoke("rules").stdout
    explained = invoke("explain", "ACME101")
    assert explained.exit_code == 0, explained.output
    assert "zentrova-clarity-claim" in explained.stdout
    assert "ACME101" not in listed_ids("--isolated")  # no configuration, no pack
    assert invoke("explain", "ACME101", "--isolated").exit_code == 2


def test_pyproject_packs_count_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "acme.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimlint]\nrules = ["acme.yaml"]\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # found from the working folder upward, as check does
    assert "ACME101" in listed_ids()


def test_a_broken_configured_pack_is_an_error(project: Path) -> None:
    (project / "packs" / "acme.yaml").write_text("rules: [oops\n", encoding="utf-8")
    result = invoke("rules")
    assert result.exit_code == 2 and "acme.yaml" in result.stderr


def test_cl001_is_listed_and_explained_as_check_reports_it(project: Path) -> None:
    page = "<!-- claimlint-disable-next-line CL401 -->\nOur clinic is open on Saturdays.\n"
    found = json.loads(
        invoke(
            "check", "--no-cache", "--report-unused-suppressions", "--format", "json",
            "--stdin-filename", "p.md", "-", stdin=page,
        ).stdout
    )  # fmt: skip
    assert [d["rule"] for d in found] == ["CL001"]
    assert listed_ids()[0] == "CL001"
    for key in ("CL001", "unused-suppression", "cl001"):
        explained = invoke("explain", key)
        assert explained.exit_code == 0, explained.output
        assert explained.stdout.startswith("CL001 unused-suppression")
        assert "--report-unused-suppressions" in " ".join(explained.stdout.split())


def test_test_rules_passes_on_the_shipped_packs(project: Path) -> None:
    result = invoke("test-rules")
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.stdout
    assert "ACME101" not in result.stdout  # it passes: only failures are named


def test_test_rules_reports_each_failure(project: Path) -> None:
    (project / "broken").mkdir()
    (project / "broken" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = invoke("test-rules", "broken")
    assert result.exit_code == 1, result.output
    failures = [line for line in result.stdout.splitlines() if ": ACME201: " in line]
    assert len(failures) == 2, result.stdout
    assert any("flag example is not reported" in f and "parking lot" in f for f in failures)
    assert any("pass example is reported" in f and "brightens thinking" in f for f in failures)
    assert all(f.startswith("broken/broken.yaml: ACME201: ") for f in failures)
    assert "2 failed" in result.stdout


def test_test_rules_runs_configured_packs(project: Path) -> None:
    (project / "packs" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = invoke("test-rules")
    assert result.exit_code == 1 and "ACME201" in result.stdout


def test_explain_shows_the_real_outcome(project: Path) -> None:
    (project / "packs" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    lines = invoke("explain", "ACME201").stdout.splitlines()
    marks = {line.split(None, 1)[1]: line.split()[0] for line in lines if line[2:7].strip()
             in ("ok", "FAILS") and line.startswith("  ")}  # fmt: skip
    assert marks["Zentrova unfogs a tired mind."] == "ok"
    assert marks["Our parking lot is free."] == "FAILS"
    assert marks["Zentrova brightens thinking."] == "FAILS"
    assert marks["Zentrova may unfog a tired mind for some adults."] == "ok"
