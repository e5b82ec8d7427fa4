"""docs/rules.md, generated from the bundled rule packs: one section per rule id.

The section headings are the ids (`## CL101`), so each rule's page is docs/rules.md#cl101, the
address SARIF's helpUri, JSON's `url` and the HTML report give (outputs/links.py). Regenerate
after changing a pack:  python -m claimlint.outputs.rule_pages > docs/rules.md
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from claimlint.outputs.ci import PSEUDO_RULES
from claimlint.outputs.links import reference_markdown
from claimlint.packs import Rule, load_rules
from claimlint.version import __version__

COMMAND = "python -m claimlint.outputs.rule_pages > docs/rules.md"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def rule_section(rule: Rule) -> list[str]:
    lines = [
        f"## {rule.id}",
        "",
        f"**{rule.name}** · category `{rule.category}` · severity `{rule.severity}` · "
        f"{rule.level}-level",
        "",
        _one_line(rule.summary),
        "",
    ]
    if rule.rationale:
        lines += [f"**Why.** {_one_line(rule.rationale)}", ""]
    if rule.references:
        lines += ["**Regulatory basis.**", ""]
        lines += [f"- {reference_markdown(r)}" for r in rule.references] + [""]
    if rule.flag_examples:
        lines += ["**Flagged:**", ""] + [f"- {_one_line(e)}" for e in rule.flag_examples] + [""]
    if rule.pass_examples:
        lines += ["**Passes:**", ""] + [f"- {_one_line(e)}" for e in rule.pass_examples] + [""]
    if rule.fix:
        lines += [f"**How to fix.** {_one_line(rule.fix)}", ""]
    if rule.suggest:
        lines += ["**Rewrites it suggests:**", ""]
        lines += [f"- “{k}” → “{v}”" for k, v in rule.suggest] + [""]
    return lines


def rules_markdown(rules: Sequence[Rule], version: str = __version__) -> str:
    """The whole page: an index table, then one section per rule in id order."""
    lines = [
        "# Rules",
        "",
        f"The rules bundled with claimlint {version}. Generated from `rules/*.yaml` by",
        f"`{COMMAND}`; do not edit by hand (a test fails when it is stale).",
        "`claimlint explain ID` prints the same text in a terminal.",
        "",
        "| id | name | category | severity |",
        "| --- | --- | --- | --- |",
    ]
    pseudo = [
        (rid, name, category, summary, fix)
        for rid, (name, category, summary, fix) in PSEUDO_RULES.items()
    ]
    ordered = sorted(rules, key=lambda r: r.id)
    for rid, name, category, _, _ in pseudo:
        lines.append(f"| [{rid}](#{rid.lower()}) | {name} | {category} | warning |")
    for rule in ordered:
        lines.append(
            f"| [{rule.id}](#{rule.id.lower()}) | {rule.name} | {rule.category} | {rule.severity} |"
        )
    lines.append("")
    for rid, name, category, summary, fix in pseudo:
        lines += [
            f"## {rid}",
            "",
            f"**{name}** · category `{category}` · severity `warning` · reported by the engine "
            "with `--report-unused-suppressions` (or `report-unused-suppressions: true`)",
            "",
            summary,
            "",
            f"**How to fix.** {fix}",
            "",
        ]
    for rule in ordered:
        lines += rule_section(rule)
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    sys.stdout.write(rules_markdown(load_rules().rules))


if __name__ == "__main__":
    main()
