"""yield_to: one finding per sentence, from the most specific rule, whatever the selection."""

from __future__ import annotations

from collections.abc import Sequence

from claimlint.packs import Rule


def with_yielded_to(selected: Sequence[Rule], every: Sequence[Rule]) -> list[Rule]:
    """The selected rules plus every rule they yield to, directly or not, each after the rules
    it yields to: a rule that selection removed must still silence the rules yielding to it."""
    by_id = {r.id: r for r in every}
    wanted: dict[str, Rule] = {}
    pending = list(selected)
    while pending:
        rule = pending.pop()
        if rule.id not in wanted:
            wanted[rule.id] = rule
            pending.extend(by_id[o] for o in rule.yield_to if o in by_id)
    return yield_order(list(wanted.values()))


def yield_order(rules: list[Rule]) -> list[Rule]:
    """Each rule after the rules it yields to (a topological order; cycles are broken)."""
    by_id = {r.id: r for r in rules}
    ordered: list[Rule] = []
    state: dict[str, int] = {}

    def visit(rule: Rule) -> None:
        if state.get(rule.id):
            return
        state[rule.id] = 1
        for other in rule.yield_to:
            if other in by_id:
                visit(by_id[other])
        state[rule.id] = 2
        ordered.append(rule)

    for rule in sorted(rules, key=lambda r: r.id):
        visit(rule)
    return ordered
