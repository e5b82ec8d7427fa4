"""Words mentioned, not used: a claim quoted as a phrase to talk about it is no claim.

Debunking pages, news and careful sellers write about marketing language: '"Guaranteed weight
loss" is one of the phrases the FTC flags', '"Clinically tested" only means someone ran a
test', 'the word "cure" appears 14 times on their homepage'. The quoted words are the topic of
the sentence; no one says the product is guaranteed or cures. The pack's `mentioned` lexicon
finds such a quotation together with the frame that makes it a mention (a phrase, a term, a
label, "means", "on a label"); hits of the lexicons that `not-in-mentions` includes (outcomes,
guarantees, safety absolutes, appeals to evidence) are dropped inside it. A quotation with no
such frame (a testimonial: '"It cured my back pain," says Dana') is left alone.
"""

from __future__ import annotations

from bisect import bisect_right

from claimlint.nlp.context import Extends, Hit

MENTIONED = "mentioned"  # reserved lexicon: a quoted phrase in a frame that mentions it
IGNORED = "not-in-mentions"  # reserved lexicon: what a mentioned phrase does not claim


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
