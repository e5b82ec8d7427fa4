"""Document-scope requirements: where on a page a required statement starts to be needed, and
whether the page makes it."""

from __future__ import annotations

from claimlint.nlp.context import Hit, SentenceHits
from claimlint.packs import DocumentCheck, Match


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


def requirement_met(sh: SentenceHits, check: DocumentCheck) -> bool:
    """Does the page make one of the required statements? One made in a sentence that names
    another product (`about_other`) and not the trigger's own (its `all` classes, else its `any`
    ones) is about that product: "Psilocybin is not FDA-approved for depression" says nothing of
    the ketamine the page also offers."""
    others = check.about_other
    own = check.when.all or check.when.any
    for name in check.require:
        for index in sh.where(name):
            present = sh.present[index]
            if not others or not any(o in present for o in others):
                return True
            if any(o in present for o in own):
                return True
    return False
