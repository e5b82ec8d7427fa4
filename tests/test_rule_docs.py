"""Every rule has a documentation page, and every output links to it: docs/rules.md is generated
from the packs (and must be regenerated when they change), SARIF gives helpUri, JSON gives url,
the HTML report links each rule section; regulatory citations become links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.outputs.links import reference_links, rule_url
from claimlint.outputs.rule_pages import COMMAND, rules_markdown
from claimlint.packs import load_rules
from claimlint.version import REPOSITORY, __version__

ROOT = Path(__file__).resolve().parent.parent
RULES_MD = ROOT / "docs" / "rules.md"
PAGE = "Ketamine cures depression. Our infusions are completely safe.\n"


def test_docs_rules_md_is_generated_from_the_packs() -> None:
    expected = rules_markdown(load_rules().rules)
    assert RULES_MD.read_text(encoding="utf-8") == expected, f"docs/rules.md is stale: {COMMAND}"


def test_every_rule_has_an_anchor_at_its_versioned_url() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (\S+)$", text, re.MULTILINE))
    ids = {r.id for r in load_rules().rules} | {"CL001"}
    assert ids <= headings
    for rule_id in ids:
        url = rule_url(rule_id)
        assert url == f"{REPOSITORY}/blob/v{__version__}/docs/rules.md#{rule_id.lower()}"
    assert rule_url("ACME101") is None  # other packs' rules have no page here


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["check", "page.md", "--no-cache", *args])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_sarif_rules_carry_help_uri(page: None) -> None:
    log = json.loads(run("--format", "sarif"))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == REPOSITORY
    descriptors = {d["id"]: d for d in driver["rules"]}
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"CL101", "CL401"}
    for rule_id, descriptor in descriptors.items():
        assert descriptor["helpUri"] == rule_url(rule_id)


def test_json_findings_carry_the_rule_url(page: None) -> None:
    findings = json.loads(run("--format", "json"))
    assert findings and all(f["url"] == rule_url(f["rule"]) for f in findings)
    assert all(f["url"].endswith("#" + f["rule"].lower()) for f in findings)


def test_html_report_links_each_rule_page(page: None) -> None:
    report = run("--format", "html")
    for rule_id in ("CL101", "CL401"):
        assert f'href="{rule_url(rule_id)}"' in report


@pytest.mark.parametrize(
    ("reference", "linked", "url"),
    [
        ("21 CFR 202.1(e)(5) (fair balance)", "21 CFR 202.1", "https://www.ecfr.gov/current/title-21/section-202.1"),
        ("21 CFR Part 11", "21 CFR Part 11", "https://www.ecfr.gov/current/title-21/part-11"),
        ("FTC Act, 15 U.S.C. 45 and 52", "15 U.S.C. 45", "https://www.law.cornell.edu/uscode/text/15/45"),
        ("Reporting on Suicide (reportingonsuicide.org)", "reportingonsuicide.org", "https://reportingonsuicide.org"),
        ("See https://www.fda.gov/x-y.", "https://www.fda.gov/x-y", "https://www.fda.gov/x-y"),
    ],
)  # fmt: skip
def test_citations_with_an_address_become_links(reference: str, linked: str, url: str) -> None:
    [(start, end, found)] = reference_links(reference)
    assert reference[start:end] == linked and found == url


def test_references_without_an_address_stay_text() -> None:
    assert reference_links("FTC Health Products Compliance Guidance (December 2022)") == []
    assert reference_links("988 Suicide & Crisis Lifeline") == []
