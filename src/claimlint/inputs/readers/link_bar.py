"""A paragraph that is a bar of links (a Markdown page's navigation written as prose) is cut
into one item per link, as an HTML <nav> is, so that its link texts do not read as a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from claimlint.inputs.readers.common import Link

_BAR_FILLER = re.compile(r"(?:\s|&nbsp;|&#160;|[|·•/>»\-–—])+")
_BAR_WORDS = re.compile(r"[^\s|·•/>»\-–—&;]+")
MIN_BAR_LINKS = 3


def link_bar_cuts(
    links: list[Link], link_ends: list[int], masked: str, start: int, stop: int
) -> list[int]:
    """Where to cut a paragraph that is a bar of links ("[Home](/) | [How it works](/how) |
    [Pricing](/p)"): at each link's edges, so that each is an item of its own, as the links of an
    HTML <nav> are. A bar has three links or more and at most three words outside them (the
    current page, often set in bold); any other paragraph is prose and is not cut. `links` are
    ordered by their end, `link_ends` are those ends (so a page of many links stays linear)."""
    first, last = bisect_left(link_ends, start), bisect_right(link_ends, stop)
    if last - first < MIN_BAR_LINKS:
        return []
    inside = [
        (link.start, link.end) for link in links[first:last] if start <= link.start < link.end
    ]
    if len(inside) < MIN_BAR_LINKS:
        return []
    rest, pos = [], start
    for a, b in sorted(inside):
        rest.append(masked[pos:a])
        pos = b
    rest.append(masked[pos:stop])
    words = _BAR_WORDS.findall(_BAR_FILLER.sub(" ", " ".join(rest)))
    if len(words) > 3:
        return []
    return sorted({edge for span in inside for edge in span if start < edge < stop})
