"""Every bundled rule's own examples: `flag` texts must draw the rule, `pass` texts must not."""

from __future__ import annotations

import pytest

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules

RULESET = load_rules()
LINTER = Linter(RULESET)
CASES = [
    pytest.param(rule.id, text, expected, id=f"{rule.id}-{'flag' if expected else 'pass'}-{i}")
    for rule in RULESET.rules
    for expected, texts in ((True, rule.flag_examples), (False, rule.pass_examples))
    for i, text in enumerate(texts)
]


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULESET.rules:
        assert rule.flag_examples, f"{rule.id} has no flag examples"
        assert rule.pass_examples, f"{rule.id} has no pass examples"


@pytest.mark.parametrize(("rule_id", "text", "expected"), CASES)
def test_rule_example(rule_id: str, text: str, expected: bool) -> None:
    found = {d.rule for d in LINTER.lint(Source("example.txt", text, "text"))}
    if expected:
        assert rule_id in found, f"{rule_id} should flag: {text!r} (got {sorted(found)})"
    else:
        assert rule_id not in found, f"{rule_id} should pass: {text!r}"
