"""The rules the engine reports itself, not a pack: described here so that `rules`, `explain`
and `test-rules` show them like any pack's rule."""

from __future__ import annotations

from claimlint.packs.model import Rule

UNUSED_SUPPRESSION_RULE = Rule(
    id="CL001",
    name="unused-suppression",
    category="suppression",
    severity="warning",
    message="claimlint-disable suppressed nothing; remove it",
    summary="A claimlint-disable comment that suppresses nothing (off by default).",
    rationale=(
        "A disable comment that no longer covers a finding hides the next claim written on "
        "its line, and one naming a rule that does not exist was never doing anything. "
        "Reported only with --report-unused-suppressions or `report-unused-suppressions: "
        "true`; a comment naming only rules the run does not check is left alone."
    ),
    fix="Remove the comment, or correct the rule ids it names.",
    flag_examples=(
        "<!-- claimlint-disable-next-line CL401 -- approved 2024-05 -->\n"
        "Our clinic is open on Saturdays.",
        "<!-- claimlint-disable-next-line CL999 -->\nTMS is completely safe.",
    ),
    pass_examples=(
        "<!-- claimlint-disable-next-line CL401 -- approved 2024-05 -->\n"
        "TMS is completely safe and has no side effects.",
    ),
    origin="claimlint (reported by the engine)",
)
BUILTIN_RULES = (UNUSED_SUPPRESSION_RULE,)
# Examples of these rules are Markdown: suppression comments exist only where a format has them.
EXAMPLE_FORMAT = {UNUSED_SUPPRESSION_RULE.id: "markdown"}


def builtin_rule(key: str) -> Rule | None:
    """A built-in rule by id or name."""
    key = key.lower()
    return next((r for r in BUILTIN_RULES if key in (r.id.lower(), r.name)), None)
