"""Turns (a modifier's `terminator_regex`): a turn to the seller's own clause ends the scope of
a cue that stands before the claim ("(Lee et al., 2019), and because our doses are low, they
carry no risk"), unless an aside closes before the claim ("For some patients, and we can't say
who, it lifts mood"; "In rats - and we stress rats - it healed tendons"). Pure Python over hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
