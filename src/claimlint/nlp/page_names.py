"""The names a page gives itself, found once and then recognised wherever they stand.

A clinic's or product's name is spelt out where its shape is unmistakable: before a company
suffix in the footer ("Ironwood Men's Vitality, PLLC"), after a copyright sign, before a
trademark sign ("FocusBears™ Calm + Focus Gummies"), as the last
part of the page title ("Weight-Loss Program | Lumen Slim Health"), or after a determiner in
running prose, capitalised where a verb could not stand ("The 21-Day Reset is a programme").
The same words elsewhere on the page (the header, the navigation, a heading such as "Will the
Reset cure my fatigue?") are that name too, though their shape there says nothing: every word
of a heading is capitalised, and a navigation bar runs the brand into the links after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A capitalised word of a name, and the small words that may join two of them.
_CAP = r"[A-Z0-9][\w'’&+-]*"
_NAME = rf"{_CAP}(?:[ \t]+(?:(?:of|and|&|\+|the|for|at|on|de|la)[ \t]+)?{_CAP}){{0,5}}"
_SUFFIX = re.compile(
    r",?[ \t]+(?:LLC|L\.L\.C\.|PLLC|P\.L\.L\.C\.|LLP|Inc\.?|Ltd\.?|P\.C\.|Corp\.?|GmbH)(?!\w)"
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)[ \t]*(?:\d{4}(?:[-–]\d{4})?[ \t]+)?")
_SUFFIX_WORDS = ("LLC", "L.L.C.", "LLP", "Inc", "Ltd", "P.C.", "Corp", "GmbH")
_NAME_BEFORE = re.compile(rf"(?<![\w'’&+-]){_NAME}$")
_NAME_AFTER = re.compile(_NAME)
_TITLE_PARTS = re.compile(r"[ \t]+[|–—·-][ \t]+")
# A trademark sign declares the word before it a name, and the capitalised words that follow
# belong to it ("FocusBears™ Calm + Focus Gummies", "Restora® Joint Formula").
_DETERMINER = re.compile(r"(?:The|Our|Your|This|My|New|Meet)[ \t]+(?=\S)")
_TRADEMARK = re.compile(
    rf"(?<![\w'’&+-])((?:{_CAP}[ \t]+){{0,2}}{_CAP})[ \t]*[™®](?:[ \t]+({_NAME}))?"
)
_DETERMINED = re.compile(
    rf"\b(?:[Tt]he|[Oo]ur|[Yy]our|[Tt]his|[Mm]y)[ \t]+((?:{_CAP}[ \t]+){{0,3}})$"
)
MAX_TITLE_WORDS = 5
WINDOW = 100  # characters searched for a name beside a suffix or a copyright sign
MIN_PREFIX_WORDS = 2  # "Lumen Slim" stands for "Lumen Slim Health"; one word would be too loose


def declared_names(text: str, blocks: Sequence) -> set[str]:
    """Names the page states in an unmistakable shape: before a company suffix, after a
    copyright sign, before a trademark sign, or as the last part of a title divided by "|" or
    a dash."""
    names = set()
    suffixes = any(word in text for word in _SUFFIX_WORDS)  # the scans below only if they can match
    for suffix in (
        _SUFFIX.finditer(text) if suffixes else ()
    ):  # the name ends where the suffix starts
        found = _NAME_BEFORE.search(text, max(0, suffix.start() - WINDOW), suffix.start())
        if found:
            names.add(found.group())
    signs = "©" in text or "(c)" in text or "Copyright" in text
    for sign in (
        _COPYRIGHT.finditer(text) if signs else ()
    ):  # the name starts after the sign and the year
        found = _NAME_AFTER.match(text, sign.end(), sign.end() + WINDOW)
        if found:
            names.add(found.group())
    for mark in _TRADEMARK.finditer(text) if "™" in text or "®" in text else ():
        start = mark.start(1)
        lead = _DETERMINER.match(text, start, mark.end(1))  # "Our Restora®" names "Restora"
        start = lead.end() if lead else start
        names.add(text[start : mark.end(1)])
        if mark.group(2):
            names.add(text[start : mark.end(2)])
    for block in blocks:
        if block.kind != "title":
            continue
        parts = _TITLE_PARTS.split(text[block.start : block.end].strip())
        last = parts[-1].strip() if len(parts) > 1 else ""
        words = last.split()
        if 0 < len(words) <= MAX_TITLE_WORDS and all(
            w[:1].isupper() or w[:1].isdigit() for w in words
        ):
            names.add(last)
    return {n for n in names if n.strip()}


def determined_name(text: str, block_start: int, start: int, end: int) -> str | None:
    """The name that a capitalised word ends when a determiner stands before it, perhaps with
    other capitalised words between ("The 21-Day Reset", "our Renew"): a verb cannot follow a
    determiner, so a capitalised verb there is a name."""
    before = text[max(block_start, start - 80) : start]
    found = _DETERMINED.search(before)
    if found is None:
        return None
    return (found.group(1) + text[start:end]).strip()


def occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Every place a name, or the first words of a longer name, stands as whole words."""
    forms = set(names)
    for name in names:
        words = name.split()
        forms.update(" ".join(words[:k]) for k in range(MIN_PREFIX_WORDS, len(words)))
    alternatives = (
        r"[ \t\n]+".join(map(re.escape, form.split()))
        for form in sorted(forms, key=len, reverse=True)  # the whole name before its first words
    )
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")
    return [m.span() for m in pattern.finditer(text)]
