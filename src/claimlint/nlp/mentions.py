"""Words mentioned, not used: a claim quoted as a phrase to talk about it is no claim.

Debunking pages, news and careful sellers write about marketing language: '"Guaranteed weight
loss" is one of the phrases the FTC flags', '"Clinically tested" only means someone ran a
test', 'the word "cure" appears 14 times on their homepage'. The quoted words are the topic of
the sentence; no one says the product is guaranteed or cures. The pack's `mentioned` lexicon
finds such a quotation together with the frame that makes it a mention (a phrase, a term, a
label, "means", "on a label"); hits of the lexicons that `not-in-mentions` includes (outcomes,
guarantees, safety absolutes, appeals to evidence) are dropped inside it. A quotation with no
such frame (a testimonial: '"It cured my back pain," says Dana') is left alone.

Words used in another sense claim nothing either: "relief from the paperwork", "pain-free
checkout", "safe, discreet shipping", "the resin cures in 20 seconds", "treat yourself to 20%
off". The pack's `other-sense` lexicon finds the outcome or safety word with the non-health
thing it governs; hits of `not-in-other-sense` that overlap such a span are dropped, unless a
hit of `other-sense-kept` (a condition, results) stands in the span after its first word
("prevents flu at checkout", "we guarantee results and fast shipping" keep their claims).
"""

from __future__ import annotations

from bisect import bisect_right

from claimlint.nlp.context import Extends, Hit

MENTIONED = "mentioned"  # reserved lexicon: a quoted phrase in a frame that mentions it
IGNORED = "not-in-mentions"  # reserved lexicon: what a mentioned phrase does not claim
OTHER_SENSE = "other-sense"  # reserved lexicon: an outcome word with a non-health object
NOT_IN_OTHER_SENSE = "not-in-other-sense"  # reserved lexicon: what such a span does not claim
KEPT = "other-sense-kept"  # reserved lexicon: health words that keep a span's claim


def drop_in_mentions(hits: list[Hit], extends: Extends) -> list[Hit]:
    """The hits without the claim words that only stand inside a mentioned phrase."""
    spans = sorted((h[1], h[2]) for h in hits if h[0] == MENTIONED)
    if not spans:
        return hits
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # overlapping mentions become one span, so a lookup is one bisect
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    starts = [a for a, _ in merged]
    ignored = extends.family(IGNORED)

    def inside(hit: Hit) -> bool:
        k = bisect_right(starts, hit[1]) - 1
        return k >= 0 and hit[2] <= merged[k][1]

    return [h for h in hits if h[0] not in ignored or not inside(h)]


def drop_other_senses(hits: list[Hit], extends: Extends) -> list[Hit]:
    """The hits without the outcome and safety words used in a non-health sense."""
    senses = extends.family(OTHER_SENSE)
    spans = [(h[1], h[2]) for h in hits if h[0] in senses]
    if not spans:
        return hits
    health = extends.family(KEPT)
    conditions = [h[1] for h in hits if h[0] in health]
    # the object holds a condition: "prevents flu at checkout", "relief from arthritis pain"
    spans = [(a, b) for a, b in spans if not any(a < c < b for c in conditions)]
    if not spans:
        return hits
    ignored = extends.family(NOT_IN_OTHER_SENSE)

    def overlaps(hit: Hit) -> bool:  # "Get relief" starts before "relief from the paperwork"
        return any(hit[1] < b and a < hit[2] for a, b in spans)

    return [h for h in hits if h[0] not in ignored or not overlaps(h)]
