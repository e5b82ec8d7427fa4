"""Every rule's own examples, run: `flag` texts must draw the rule, `pass` texts must not.

Used by `claimlint test-rules`, by `explain` (which shows each example's real outcome) and by
the test suite (tests/test_rule_examples.py) alike, so a pack's examples are checked the same
way wherever they are run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimlint.packs.builtin import BUILTIN_RULES, EXAMPLE_FORMAT

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.engine import Linter
    from claimlint.packs import Rule, RuleSet


@dataclass(frozen=True)
class Outcome:
    """One example of one rule, linted alone with every rule of the set."""

    rule: Rule
    flag: bool  # True: a `flag` example (the rule must report it); False: a `pass` example
    text: str
    found: tuple[str, ...]  # the rule ids reported on it

    @property
    def ok(self) -> bool:
        return (self.rule.id in self.found) == self.flag

    def problem(self) -> str:
        """What went wrong, in words (empty when the example behaves)."""
        if self.ok:
            return ""
        others = [r for r in self.found if r != self.rule.id]
        got = f" (reported: {', '.join(others)})" if others else ""
        if self.flag:
            return f"flag example is not reported{got}: {_quote(self.text)}"
        return f"pass example is reported: {_quote(self.text)}"


class ExampleRunner:
    """Lints examples with one rule set; builds the linter (and spaCy) on first use."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self._linter: Linter | None = None

    def _lint(self, rule: Rule, text: str) -> tuple[str, ...]:
        from claimlint.inputs.sources import Source

        if self._linter is None:
            from claimlint.nlp.engine import Linter, Options

            self._linter = Linter(self.ruleset, Options(report_unused_suppressions=True))
        fmt = EXAMPLE_FORMAT.get(rule.id, rule.examples_format)
        path = {"markdown": "example.md", "html": "example.html"}.get(fmt, "example.txt")
        return tuple(sorted({d.rule for d in self._linter.lint(Source(path, text, fmt))}))

    def outcomes(self, rule: Rule) -> list[Outcome]:
        """The rule's flag examples, then its pass examples."""
        return [
            Outcome(rule, flag, text, self._lint(rule, text))
            for flag, texts in ((True, rule.flag_examples), (False, rule.pass_examples))
            for text in texts
        ]

    def run_all(self) -> list[Outcome]:
        """Every example of every rule (built-in rules first)."""
        return [o for rule in (*BUILTIN_RULES, *self.ruleset.rules) for o in self.outcomes(rule)]


def _quote(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'
