"""Selection only ever removes findings: --select/--ignore/per-file-ignores never turn a finding
into another rule's finding, because yield_to is resolved over every rule before selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter, Options
from claimlint.packs import load_rules

RULESET = load_rules()
# Every flag example, each in its own paragraph: many of them draw a rule that others yield to.
PAGE = "\n\n".join(text for rule in RULESET.rules for text in rule.flag_examples) + "\n"
SPEED = "Ketamine infusions relieve depression within hours.\n"
ROUTE = "IV ketamine works faster than nasal spray and cures depression.\n"


def findings(options: Options | None = None, text: str = PAGE) -> set[tuple]:
    diags = Linter(RULESET, options).lint(Source("page.md", text, "markdown"))
    return {(d.line, d.column, d.rule) for d in diags}


FULL = findings()
YIELDED_TO = sorted({other for rule in RULESET.rules for other in rule.yield_to})


def own_page(rule_id: str) -> str:
    """The flag examples of a rule and of the rules that yield to it: a rule with a page
    condition (CL511: no approved brand named on the page) cannot fire on the page of every
    example, which names many brands."""
    rules = [r for r in RULESET.rules if r.id == rule_id or rule_id in r.yield_to]
    return "\n\n".join(text for rule in rules for text in rule.flag_examples) + "\n"


@pytest.mark.parametrize("rule_id", YIELDED_TO)
def test_a_page_draws_each_rule_others_yield_to(rule_id: str) -> None:
    page = PAGE if rule_id in {rule for _, _, rule in FULL} else own_page(rule_id)
    assert rule_id in {rule for _, _, rule in findings(text=page)}


@pytest.mark.parametrize("rule_id", YIELDED_TO)
def test_ignoring_a_rule_only_removes_its_findings(rule_id: str) -> None:
    page = PAGE if rule_id in {rule for _, _, rule in FULL} else own_page(rule_id)
    full = FULL if page is PAGE else findings(text=page)
    expected = {f for f in full if f[2] != rule_id}
    assert findings(Options(ignore=(rule_id,)), text=page) == expected


@pytest.mark.parametrize("selector", ["CL1", "CL2", "CL4", "efficacy", "CL101", "CL105"])
def test_selecting_shows_only_what_a_full_run_shows(selector: str) -> None:
    chosen = {r.id for r in RULESET.rules if r.id.startswith(selector) or r.category == selector}
    assert findings(Options(select=(selector,))) == {f for f in FULL if f[2] in chosen}


def test_cli_ignore_and_per_file_ignores_remove_the_speed_finding(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(SPEED + "\n" + ROUTE, encoding="utf-8")
    (tmp_path / ".claimlint.yaml").write_text(
        "per-file-ignores:\n  'other.md': [CL103]\n", encoding="utf-8"
    )
    (tmp_path / "other.md").write_text(SPEED, encoding="utf-8")
    runner = CliRunner()

    def rules(*args: str) -> list[str]:
        result = runner.invoke(cli, ["check", "--no-cache", "--format", "json", *args])
        import json

        return sorted(f"{d['path'].split('/')[-1]}:{d['rule']}" for d in json.loads(result.output))

    full = rules(str(tmp_path / "page.md"), "--select", "CL1,CL2")
    assert "page.md:CL103" in full
    assert rules(str(tmp_path / "page.md"), "--select", "CL1,CL2", "--ignore", "CL103") == [
        f for f in full if f != "page.md:CL103"
    ]
    assert set(rules(str(tmp_path / "page.md"), "--select", "CL1")) <= set(full)
    assert rules(str(tmp_path / "other.md"), "--select", "CL1") == []
