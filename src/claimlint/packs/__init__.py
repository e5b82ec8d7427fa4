"""Rule packs: the schema (JSON Schema files in schemas/), validation and loading.

Packs are data: YAML safe-loaded, every field validated, regexes screened; the engine in
claimlint.nlp compiles what this package returns and never reads YAML itself.
"""

from claimlint.packs.load import bundled_rules_dir, lazy_rules, load_rules, pack_files, read_packs
from claimlint.packs.model import (
    BLOCK_KINDS,
    CATEGORIES,
    SEVERITIES,
    DocumentCheck,
    Lexicon,
    Match,
    Modifier,
    PackError,
    PackFile,
    PageCondition,
    Rule,
)
from claimlint.packs.regex_safety import catastrophic_reason
from claimlint.packs.ruleset import RuleSet, pack_fingerprint

__all__ = [
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
    "catastrophic_reason",
    "lazy_rules",
    "load_rules",
    "pack_fingerprint",
    "pack_files",
    "read_packs",
]
