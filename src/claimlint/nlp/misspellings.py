"""Words misspelt by one letter ("anxeity", "depresion", "arthritus"), read as the word meant.

Marketplace and non-native copy misspells the very conditions it sells against, and a claim
about "anxeity" is the same claim. The words of the lexicons that the reserved lexicon
`misspellable` extends (the bundled one: the conditions) get an index of their one-letter
deletions (the symmetric-delete method); a word outside the common vocabulary is looked up
by its own deletions and accepted when one word of the index is exactly one edit away
(an insertion, a deletion, a substitution or two neighbours swapped), keeps its first letter,
and no second word is as close. Only lower-case words of MIN_LENGTH letters or more are
read so: a capitalised rare word is a candidate name ("Diabetix"), and short words have too
many neighbours.

Real words one letter from a condition are no misspellings ("injections" and "infections",
"sleeting" and "sleeping"): ``misspelling_guard.txt`` lists the words of spaCy's lexeme
probabilities that sit one edit from a bundled condition word and that the English lemma
tables know as a word or a form of one (or that are a British spelling), and they are left
alone.
``python -m claimlint.nlp.misspellings`` rewrites it from the bundled packs.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

MISSPELLABLE = "misspellable"  # reserved lexicon name
MIN_LENGTH = 6
GUARD = Path(__file__).with_name("misspelling_guard.txt")

Index = dict[str, tuple[str, ...]]  # a deletion (or the word itself) -> the words it comes from


def deletions(word: str) -> set[str]:
    """The word and every string one letter shorter."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def build_index(words: Iterable[str]) -> Index:
    """The deletion index of the single, alphabetic, long enough words."""
    found: dict[str, set[str]] = {}
    for word in words:
        if len(word) >= MIN_LENGTH and word.isalpha() and word.islower():
            for key in deletions(word):
                found.setdefault(key, set()).add(word)
    return {key: tuple(sorted(words)) for key, words in found.items()}


def one_edit(a: str, b: str) -> bool:
    """Exactly one insertion, deletion, substitution or swap of neighbours apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


@lru_cache(maxsize=1)
def real_words() -> frozenset[str]:
    """The shipped guard (first line: the digest of the table it came from)."""
    lines = GUARD.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines[1:] if line)


def correction(word: str, index: Index) -> str | None:
    """The one indexed word a misspelt lower-case word means, or None."""
    if len(word) < MIN_LENGTH or not word.isalpha() or not word.islower():
        return None
    if word in real_words():
        return None
    near = {
        known
        for key in deletions(word)
        for known in index.get(key, ())
        if known[0] == word[0] and one_edit(word, known)
    }
    return near.pop() if len(near) == 1 else None


def misspellable_words(lexicons: dict) -> list[str]:
    """The one-word terms (with their inflections, where a lexicon inflects) of every lexicon
    that `misspellable` extends, directly or not; none when no pack declares it."""
    from claimlint.nlp.inflect import inflections

    root = lexicons.get(MISSPELLABLE)
    if root is None:
        return []
    seen: set[str] = set()
    pending = list(root.extends)
    while pending:
        name = pending.pop()
        if name not in seen and name in lexicons:
            seen.add(name)
            pending.extend(lexicons[name].extends)
    words: set[str] = set()
    for name in seen:
        lexicon = lexicons[name]
        for term in lexicon.terms:
            word = term.lower()
            if word.isalpha():
                words.add(word)
                if lexicon.lemma:
                    words.update(inflections(word))
    return sorted(words)


def computed_guard(words: Iterable[str]) -> list[str]:
    """The words of the lexeme probabilities one edit from one of `words` that are real words,
    not typos (a maintainer's step): forms the English lemma tables know ("sleeting",
    "injections", "herring"), and British spellings of another word ("metabolise")."""
    import gzip
    import json

    from spacy.lookups import load_lookups
    from spacy.strings import hash_string

    from claimlint.nlp.vocabulary import _table_path

    probs: dict[str, float] = json.loads(gzip.decompress(_table_path().read_bytes()))
    tables = load_lookups("en", ["lemma_lookup", "lemma_index"])
    forms = tables.get_table("lemma_lookup")
    bases = {w for part in tables.get_table("lemma_index").values() for w in part}

    def known(word: str) -> bool:
        return word in bases or hash_string(word) in forms

    index = build_index(words)
    found = set()
    for candidate in probs:
        if len(candidate) < MIN_LENGTH or not candidate.isalpha() or not candidate.islower():
            continue
        near = any(
            known_word[0] == candidate[0] and one_edit(candidate, known_word)
            for key in deletions(candidate)
            for known_word in index.get(key, ())
        )
        american = _american(candidate)
        if near and (known(candidate) or (american != candidate and american in probs)):
            found.add(candidate)
    return sorted(found)


_BRITISH = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("our", "or"),
    ("ae", "e"),
    ("oe", "e"),
)


def _american(word: str) -> str:
    """The word with the first British spelling found made American ("metabolise")."""
    for british, american in _BRITISH:
        if british in word:
            return word.replace(british, american, 1)
    return word


def write_guard(path: Path = GUARD) -> int:
    from claimlint.inputs.files import atomic_write
    from claimlint.nlp.vocabulary import table_digest
    from claimlint.packs import load_rules

    words = computed_guard(misspellable_words(load_rules().lexicons))
    text = f"# en_lexeme_prob {table_digest()}\n" + "\n".join(words) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return len(words)


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    count = write_guard()
    print(f"wrote {count} real words near misspellable ones to {GUARD}", file=sys.stderr)
