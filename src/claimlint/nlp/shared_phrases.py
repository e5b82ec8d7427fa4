"""Modifiers' phrases shared: one hit, not one per modifier, for a phrase several list.

A comma ends the scope of a dozen modifiers and "not" is a cue of several: as one trie label
per modifier, each such word made a hit per modifier (a page had a tenth of its hits twice or
more). Modifiers' inline lexicons are only ever asked whether they hit in a sentence, so the
lexicons at a trie node become one shared label which `extends`-relates to each of them, and
SentenceHits relabels its hits only when a modifier asks (context.py).
"""

from __future__ import annotations

from claimlint.packs import RuleSet


def modifier_lexicons(ruleset: RuleSet) -> frozenset[str]:
    """The hidden lexicons of modifiers' inline cues, terminators, turns, closers, pseudo-cues
    and confirms: only ever asked whether they hit (context.py), never for the order or labels
    of hits."""
    names = set()
    for m in ruleset.modifiers.values():
        parts = (m.cues, m.terminators, m.turns, m.closers, m.pseudo, m.confirm)
        names.update(n for n in parts if n)
    return frozenset(names)


def share_phrases(
    trie: dict, end: object, parents: dict[str, tuple[str, ...]], hidden: frozenset[str]
) -> None:
    """One hit, not one per modifier, for a phrase that several modifiers list (a comma ends
    the scope of a dozen): the modifiers' lexicons at a trie node become one shared label
    that `extends`-relates to each of them, so SentenceHits relabels it only when asked."""
    shared: dict[tuple[str, ...], str] = {}
    stack = [trie]
    while stack:
        node = stack.pop()
        for key, child in node.items():
            if key is not end:
                stack.append(child)
        labels = node.get(end)
        if not labels:
            continue
        group = tuple(sorted(label for label in labels if label in hidden))
        if len(group) < 2:
            continue
        name = shared.get(group)
        if name is None:
            name = shared[group] = f"@shared:{len(shared)}"
            ancestors = {p for label in group for p in parents.get(label, ())}
            parents[name] = tuple(sorted(ancestors.union(group)))
        node[end] = [label for label in labels if label not in hidden] + [name]
