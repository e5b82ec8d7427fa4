"""Where a cue's reach ends short of the claim: terminators, turns and closers.

A turn (a modifier's `terminator_regex`): a turn to the seller's own clause ends the scope of
a cue that stands before the claim ("(Lee et al., 2019), and because our doses are low, they
carry no risk"), unless an aside closes before the claim ("For some patients, and we can't say
who, it lifts mood"; "In rats - and we stress rats - it healed tendons"). A closer
(`closer_regex`) ends the reach of a cue that stands after the claim, in a later clause of its
own: "Ketamine is a safe option, and can potentially ease pain". Pure Python over hits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from claimlint.nlp.series import in_series
from claimlint.packs import Modifier

# Where an aside closes: the turn's clause did not run on into the claim.
_ASIDE_CLOSE = re.compile(r"[,)—–]|\s-\s")

# A hit as context.py keeps it: label, start and end character, start and end token.
_Hit = tuple[str, int, int, int, int]


def turned(
    text: str, turns: Iterable[_Hit], cue_end: int, claim_start: int, claim_end: int
) -> bool:
    """Does a turn stand between a cue that ends at `cue_end` and the claim after it, its clause
    running on into the claim?"""
    return any(
        cue_end <= hit[1] < claim_start
        and hit[2] <= claim_end  # it may reach into the claim, not past it
        and not _ASIDE_CLOSE.search(text, hit[2], claim_start)
        for hit in turns
    )


def one_word_in_series(text: str, start: int, claim: _Hit) -> bool:
    """Is the claim one word, and an item of a series that runs on from `start` (series.py)?"""
    return claim[4] - claim[3] == 1 and in_series(text, start, claim[1], claim[2])


def terminated(
    text: str,
    hits_of: Callable[[str], Iterable[_Hit]],
    modifier: Modifier,
    start: int,
    end: int,
    claim: _Hit,
    last: int = -1,
) -> bool:
    """Between a cue and the claim (`start`-`end`), does a terminator, a turn (cue before the
    claim) or a closer (cue after the claim and all its other hits, which end by `last`) end the
    cue's reach?"""
    if modifier.terminators:
        series = modifier.series and end == claim[1] and one_word_in_series(text, start, claim)
        for hit in hits_of(modifier.terminators):
            if start <= hit[1] < end and hit[2] <= max(end, claim[2]):  # may reach into it
                if series and text[hit[1] : hit[2]] == ",":
                    continue
                return True
    if modifier.turns and end <= claim[1]:
        return turned(text, hits_of(modifier.turns), start, end, claim[2])
    if modifier.closers and start >= claim[2] and last <= end:
        return any(start <= hit[1] < end for hit in hits_of(modifier.closers))
    return False
