"""Undo tricks that hide a word from the rules, keeping every prose offset where it was.

Soft hyphens (U+00AD, `&shy;`), zero-width characters (U+200B-U+200D, U+2060, U+FEFF...) and
Cyrillic or Greek look-alike letters inside a Latin word ("cu\u00adres", "s\u0430fe") render
as the plain word but do not match it. The prose the rules see is rewritten, same length:

- a look-alike letter becomes its Latin twin, only in a word that is otherwise Latin (a word
  with Latin letters and no other Cyrillic or Greek letter), so Russian or Greek text is left
  alone;
- invisible characters inside a word move to its end and become spaces ("cu\u00adres" reads
  "cures "), which the tokenizer treats like the spaces of masked Markdown markup.

The moved letters' original offsets are kept (`Prose.moves`), so positions and excerpts still
point at the text as written. A page with none of these characters costs one regex search.
"""

from __future__ import annotations

import re

from claimlint.inputs.positions import Prose

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM; and the other characters
# that render as nothing between letters: combining grapheme joiner, Mongolian vowel
# separator, left-to-right/right-to-left marks, invisible operators.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u034f\u180e\u200e\u200f\u2061\u2062\u2063\u2064"

# Cyrillic and Greek letters that look like a Latin letter in common fonts.
LOOKALIKES = {
    # Cyrillic lower case
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
    "\u0445": "x", "\u0455": "s", "\u0456": "i", "\u0458": "j", "\u0501": "d", "\u051b": "q",
    "\u051d": "w", "\u04bb": "h", "\u04cf": "l", "\u0432": "b", "\u043a": "k", "\u043c": "m",
    "\u043d": "h", "\u0442": "t", "\u044c": "b",
    # Cyrillic upper case
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0423": "Y",
    "\u0406": "I", "\u0408": "J", "\u0405": "S", "\u04c0": "I",
    # Greek
    "\u03b1": "a", "\u03bf": "o", "\u03bd": "v", "\u03c1": "p", "\u03b9": "i", "\u03ba": "k",
    "\u03c5": "u", "\u03c4": "t", "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z",
    "\u0397": "H", "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O",
    "\u03a1": "P", "\u03a4": "T", "\u03a5": "Y", "\u03a7": "X",
}  # fmt: skip
_TO_LATIN = str.maketrans(LOOKALIKES)
_SUSPECT = re.compile("[" + INVISIBLE + "".join(LOOKALIKES) + "]")
_WORD = re.compile("[\\w" + INVISIBLE + "]+")
_WORD_CHAR = re.compile("[\\w" + INVISIBLE + "]")
_LATIN = re.compile("[A-Za-z]")
_GREEK_CYRILLIC = re.compile("[\u0370-\u052f]")


def normalise_word(word: str) -> tuple[str, tuple[int, ...] | None]:
    """The word as the rules should read it, and (when letters moved) the original index of
    each of its characters; the same length as `word`."""
    if _LATIN.search(word) and all(ch in LOOKALIKES for ch in _GREEK_CYRILLIC.findall(word)):
        word = word.translate(_TO_LATIN)
    if not any(ch in INVISIBLE for ch in word):
        return word, None
    kept = [i for i, ch in enumerate(word) if ch not in INVISIBLE]
    hidden = [i for i, ch in enumerate(word) if ch in INVISIBLE]
    order = tuple(kept + hidden)
    text = "".join(word[i] for i in kept) + " " * len(hidden)
    return text, (None if order == tuple(range(len(word))) else order)


def normalise(prose: Prose) -> Prose:
    """The prose with hidden characters undone (see the module docstring); `prose` itself when
    it has none."""
    text = prose.text
    if text.isascii() or _SUSPECT.search(text) is None:
        return prose
    parts: list[str] = []
    moves: list[tuple[int, tuple[int, ...]]] = []
    pos, changed = 0, False
    for suspect in _SUSPECT.finditer(text):
        if suspect.start() < pos:
            continue  # inside a word already done
        start = suspect.start()
        while start > pos and _WORD_CHAR.match(text, start - 1):
            start -= 1  # back to the start of the word (never into the previous one)
        end = _WORD.match(text, suspect.start()).end()  # type: ignore[union-attr]
        word = text[start:end]
        new, order = normalise_word(word)
        changed = changed or new != word
        parts.append(text[pos:start])
        parts.append(new)
        if order is not None:
            moves.append((start, order))
        pos = end
    if not changed:
        return prose
    parts.append(text[pos:])
    return Prose("".join(parts), prose.runs, prose.blocks, shown=text, moves=moves)
