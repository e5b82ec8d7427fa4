"""Every bundled rule's own examples: `flag` texts must draw the rule, `pass` texts must not.

The examples run through claimlint.run.examples, the code behind `claimlint test-rules` and
the ok / FAILS marks of `claimlint explain`."""

from __future__ import annotations

import functools

import pytest

from claimlint.packs import load_rules
from claimlint.packs.builtin import BUILTIN_RULES
from claimlint.run.examples import ExampleRunner

RULESET = load_rules()
RUNNER = ExampleRunner(RULESET)
RULES = {rule.id: rule for rule in (*BUILTIN_RULES, *RULESET.rules)}
CASES = [
    pytest.param(rule.id, flag, i, id=f"{rule.id}-{'flag' if flag else 'pass'}-{i}")
    for rule in RULES.values()
    for flag, texts in ((True, rule.flag_examples), (False, rule.pass_examples))
    for i in range(len(texts))
]


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULES.values():
        assert rule.flag_examples, f"{rule.id} has no flag examples"
        assert rule.pass_examples, f"{rule.id} has no pass examples"


def test_bundled_yields_have_no_cycle() -> None:
    """A cycle in yield_to leaves which finding stands to the order rules are visited in
    (yield_order breaks it silently): each pair must say which rule is the more specific."""
    state: dict[str, int] = {}

    def visit(rule_id: str, path: tuple[str, ...]) -> None:
        assert state.get(rule_id) != 1, f"yield_to cycle: {' -> '.join((*path, rule_id))}"
        if state.get(rule_id) == 2:
            return
        state[rule_id] = 1
        for other in RULES[rule_id].yield_to:
            if other in RULES:
                visit(other, (*path, rule_id))
        state[rule_id] = 2

    for rule_id in sorted(RULES):
        visit(rule_id, ())


@functools.cache
def outcomes_of(rule_id: str) -> tuple:
    """A rule's example outcomes, run once per rule: a rule with hundreds of examples would
    otherwise lint them all again for each one (quadratic in the examples)."""
    return tuple(RUNNER.outcomes(RULES[rule_id]))


@pytest.mark.parametrize(("rule_id", "flag", "index"), CASES)
def test_rule_example(rule_id: str, flag: bool, index: int) -> None:
    outcome = [o for o in outcomes_of(rule_id) if o.flag == flag][index]
    assert outcome.ok, f"{rule_id}: {outcome.problem()}"
