"""Document-scope requirements: where on a page a required statement starts to be needed."""

from __future__ import annotations

from claimlint.nlp.context import Hit, SentenceHits
from claimlint.packs import Match


def document_trigger(sh: SentenceHits, when: Match) -> tuple[int, int] | None:
    """Where a document-scope requirement starts to apply: every `all` class and one `any`
    class occur somewhere on the page. A hit inside a hit of a `none` class does not count
    ("derived from ketamine" names ketamine without offering it)."""
    # Only the sentences that hold a class are read for it (a page has dozens of sentences).
    covers = [(h.start, h.end) for n in when.none for i in sh.where(n) for h in sh.hits(i, n)]

    def found(name: str) -> list[Hit]:
        hits = (h for i in sh.where(name) for h in sh.hits(i, name))
        return [h for h in hits if not any(a <= h.start and h.end <= b for a, b in covers)]

    present = {name: found(name) for name in when.all + when.any}
    if not all(present[n] for n in when.all):
        return None
    if when.any and not any(present[n] for n in when.any):
        return None
    names = when.all or when.any
    first = min((h for n in names for h in present[n]), key=lambda h: h.start)
    return first.start, first.end
