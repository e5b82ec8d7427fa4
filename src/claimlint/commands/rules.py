"""`rules`, `explain` and `test-rules`: the rules `check` would use, where it would use them.

Each command reads the configuration that governs the current folder (or --config FILE, or
none with --isolated) and takes its `rules` packs, plus --rules, on top of the bundled packs;
the engine's own rule CL001 (unused-suppression) is listed and explained like the others.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:  # pragma: no cover - `--help` needs no rules
    from claimlint.packs import Rule, RuleSet
    from claimlint.run.examples import ExampleRunner

EXIT_CLEAN, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def _fail(kind: str, err: Exception) -> NoReturn:
    click.echo(f"claimlint: {kind}: {err}", err=True)
    sys.exit(EXIT_ERROR)


def rules_in_use(rule_dirs: tuple[str, ...], config_file: str | None, isolated: bool) -> RuleSet:
    """Bundled packs + --rules + the governing configuration's packs, parsed; errors exit 2."""
    from claimlint.packs import PackError, lazy_rules
    from claimlint.run.config import ConfigError
    from claimlint.run.resolver import Overrides, Resolver

    try:
        base = lazy_rules([Path(d) for d in rule_dirs])
        resolver = Resolver(
            Overrides(rule_dirs=rule_dirs), config_file=config_file, isolated=isolated, ruleset=base
        )
        return resolver.ruleset_in(Path.cwd())
    except PackError as err:
        _fail("rule pack error", err)
    except ConfigError as err:
        _fail("configuration error", err)


def ruleset_options(command):
    """--rules, --config and --isolated, as `check` has them."""
    for option in reversed(
        [
            click.option(
                "--rules",
                "rule_dirs",
                multiple=True,
                type=click.Path(),
                help="Extra rule pack file or folder (repeatable).",
            ),
            click.option(
                "--config",
                "config_file",
                type=click.Path(dir_okay=False),
                help="Use this configuration file (default: the one governing this folder).",
            ),
            click.option(
                "--isolated",
                "--no-config",
                "isolated",
                is_flag=True,
                help="Ignore configuration files (their `rules` packs too).",
            ),
        ]
    ):
        command = option(command)
    return command


def every_rule(ruleset: RuleSet) -> list[Rule]:
    """The engine's own rules, then the packs' rules in pack order."""
    from claimlint.packs.builtin import BUILTIN_RULES

    return [*BUILTIN_RULES, *ruleset.rules]


@click.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@ruleset_options
def list_rules(
    output_format: str, rule_dirs: tuple[str, ...], config_file: str | None, isolated: bool
) -> None:
    """List every rule `check` would use here: id, name, category, severity, summary."""
    rules = every_rule(rules_in_use(rule_dirs, config_file, isolated))
    if output_format == "json":
        click.echo(json.dumps([rule_json(r) for r in rules], indent=2))
        return
    for rule in rules:
        click.echo(
            f"{rule.id}  {rule.name:<32} {rule.category:<17} {rule.severity:<8} {rule.summary}"
        )


def rule_json(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity,
        "level": level_of(rule),
        "summary": rule.summary,
        "references": list(rule.references),
        "fix": rule.fix,
        "source": rule.origin,
    }


def level_of(rule: Rule) -> str:
    from claimlint.packs.builtin import BUILTIN_RULES

    return "comment" if rule in BUILTIN_RULES else rule.level


@click.command()
@click.argument("rule")
@ruleset_options
def explain(rule: str, rule_dirs: tuple[str, ...], config_file: str | None, isolated: bool) -> None:
    """Why a rule exists, its regulatory basis, its examples (run now), and how to fix it."""
    from claimlint.packs.builtin import builtin_rule
    from claimlint.run.examples import ExampleRunner

    ruleset = rules_in_use(rule_dirs, config_file, isolated)
    found = builtin_rule(rule) or ruleset.rule(rule)
    if found is None:
        click.echo(f"claimlint: unknown rule {rule!r}; 'claimlint rules' lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(explain_text(found, ExampleRunner(ruleset)))


def explain_text(rule: Rule, runner: ExampleRunner | None = None) -> str:
    """The explanation; with a runner, each example shows its real outcome (ok / FAILS)."""
    lines = [
        f"{rule.id} {rule.name}  ({rule.category}, {rule.severity}, {level_of(rule)}-level)",
        "",
        rule.summary,
        "",
    ]
    if rule.rationale:
        lines += ["Why:", _wrap(rule.rationale), ""]
    if rule.references:
        lines += ["Regulatory basis:"] + [f"  - {r}" for r in rule.references] + [""]
    lines += analysis_help(rule)
    outcomes = runner.outcomes(rule) if runner is not None else []
    for flag, title, texts in (
        (True, "Flagged (the rule must report these):", rule.flag_examples),
        (False, "Passes (the rule must stay silent):", rule.pass_examples),
    ):
        if not texts:
            continue
        lines.append(title)
        for text in texts:
            outcome = next((o for o in outcomes if o.flag == flag and o.text == text), None)
            mark = "   " if outcome is None else ("ok " if outcome.ok else "FAILS")
            shown = " ".join(text.split())
            lines.append(f"  {mark:<5} {shown}")
            if outcome is not None and not outcome.ok:
                lines.append(f"        ^ {outcome.problem().split(':', 1)[0]}")
        lines.append("")
    if rule.fix:
        lines += ["How to fix:", _wrap(rule.fix), ""]
    if rule.suggest:
        lines += ["Rewrites it suggests:"] + [f'  "{k}" -> "{v}"' for k, v in rule.suggest] + [""]
    return "\n".join(lines).rstrip() + "\n"


def analysis_help(rule: Rule) -> list[str]:
    """What the 'analysis' of this rule's findings says (JSON; --show-reasons in text)."""
    from claimlint.nlp.analysis import EXEMPTIONS

    if rule.document:
        return [
            "Each finding explains itself (JSON 'analysis'; text with --show-reasons):",
            "  claim     the statement the page needs, and the words that made it needed",
            "  subject   the whole page",
            f"  asserted  that no {rule.document.requirement or 'such statement'} is on the page",
            "",
        ]
    exemptions = ", ".join(EXEMPTIONS.get(c, c) for c in rule.unless) or "none"
    model = [
        "  model     the probability that the sentence is a claim, from the statistical model",
        "            of this model rule, and the features that weighed most toward it",
    ]
    return [
        "Each finding explains itself (JSON 'analysis'; text with --show-reasons):",
        "  claim     what is claimed (an outcome, a figure, speed, safety, a ranking, a status)",
        "            and the words that claim it",
        "  subject   the product or treatment named in the sentence; else what the page promotes",
        "            (a name in its title or headings, repeated or capitalised); else 'implied'",
        "            for fragments and headings that open with the claim",
        f"  asserted  the exemptions this rule looked for and did not find: {exemptions}",
        *(model if rule.backoff else []),
        "",
    ]


@click.command("test-rules")
@click.argument("packs", nargs=-1, type=click.Path())
@ruleset_options
@click.option("-q", "--quiet", is_flag=True, help="Print only the failures.")
def test_rules(
    packs: tuple[str, ...],
    rule_dirs: tuple[str, ...],
    config_file: str | None,
    isolated: bool,
    quiet: bool,
) -> None:
    """Run every rule's flag/pass examples (bundled, configured, --rules and PACKS) and report
    each failure; exit 1 when any fails."""
    from claimlint.run.examples import ExampleRunner

    ruleset = rules_in_use(tuple(rule_dirs) + tuple(packs), config_file, isolated)
    outcomes = ExampleRunner(ruleset).run_all()
    failures = [o for o in outcomes if not o.ok]
    for outcome in failures:
        click.echo(f"{outcome.rule.origin}: {outcome.rule.id}: {outcome.problem()}")
    rules = len({o.rule.id for o in outcomes})
    if failures or not quiet:
        click.echo(
            f"{len(outcomes)} examples of {rules} rules: "
            f"{len(outcomes) - len(failures)} passed, {len(failures)} failed",
            err=bool(failures) and quiet,
        )
    sys.exit(EXIT_FAILED if failures else EXIT_CLEAN)


def _wrap(text: str) -> str:
    import textwrap

    return textwrap.fill(
        " ".join(text.split()), width=88, initial_indent="  ", subsequent_indent="  "
    )


COMMANDS = (list_rules, explain, test_rules)
