"""Rule packs: validation against the schema (claimlint/schemas/), loading, the rule set.

Packs are data: YAML safe-loaded, every field validated, regexes checked to run on RE2 (linear
time); the engine in claimlint.nlp compiles what this package returns and never reads YAML itself.
"""

from claimlint.packs.load import bundled_rules_dir, lazy_rules, load_rules, pack_files, read_packs
from claimlint.packs.model import (
    Backoff,
    DocumentCheck,
    Lexicon,
    Match,
    Modifier,
    PackError,
    PackFile,
    PageCondition,
    Rule,
)
from claimlint.packs.ruleset import RuleSet, pack_fingerprint


def __getattr__(name: str) -> object:
    """BLOCK_KINDS, CATEGORIES and SEVERITIES come from the schema, read on first use."""
    from claimlint.packs import model

    if name in ("BLOCK_KINDS", "CATEGORIES", "SEVERITIES"):
        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Backoff",
    "BLOCK_KINDS",
    "CATEGORIES",
    "SEVERITIES",
    "DocumentCheck",
    "Lexicon",
    "Match",
    "Modifier",
    "PackError",
    "PackFile",
    "PageCondition",
    "Rule",
    "RuleSet",
    "bundled_rules_dir",
    "lazy_rules",
    "load_rules",
    "pack_fingerprint",
    "pack_files",
    "read_packs",
]
