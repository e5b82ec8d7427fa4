"""Where a sentence's clauses part: a semicolon, or a comma and "but", "yet", "however", "and
our" or "while our". A rule's `clause` option keeps its hits in one clause, and a `clause_none`
class excuses only its own clause (engine.py). Pure Python over the sentence's text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.context import Hit, SentenceHits


def excused_in_clause(sh: SentenceHits, index: int, names: tuple[str, ...], claim: Hit) -> bool:
    """A `clause_none` class stands in the claim's clause: "X is not FDA-approved" excuses
    its own clause, not "; it is the same medicine as Ozempic" after it."""
    if sh.present[index].isdisjoint(names):
        return False
    return any(not clauses_apart(sh.text, claim, h) for n in names for h in sh.hits(index, n))


_CLAUSE_BREAK = re.compile(r";|,\s*(?:but|yet|however|and\s+our|while\s+our)\b", re.IGNORECASE)


def clauses_apart(text: str, a: Hit, b: Hit) -> bool:
    """A semicolon, or a comma and "but", "yet", "however" or "and our", between two hits:
    "X is not FDA-approved, but it is the same medicine as Saxenda" says two things. Both
    `clause_none` and a rule's `clause` option read clauses so."""
    return _CLAUSE_BREAK.search(text, min(a.end, b.end), max(a.start, b.start)) is not None


__all__ = ["clauses_apart", "excused_in_clause"]
