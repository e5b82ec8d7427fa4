"""Every inflected form of a lexicon word, from spacy-lookups-data's English lemma table.

Loading that table (gzip + JSON, ~190k entries) costs about a tenth of a second, a tenth of a
pre-commit run. The forms of every word the bundled packs inflect are therefore shipped in
``inflections.json``, stamped with a digest of the table they came from; the full table is
loaded only for words a user's pack adds, or when the installed table differs.

Regenerate the shipped file after changing the bundled lexicons (a test says when)::

    python -m claimlint.nlp.inflect
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

SHIPPED = Path(__file__).with_name("inflections.json")
TABLE = "data/en_lemma_lookup.json.gz"


def _table_path() -> Path | None:
    """The installed lemma lookup table, located without importing spacy_lookups_data."""
    import importlib.util

    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / TABLE
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1)
def table_digest() -> str:
    """Which lemma table is installed (the shipped forms are valid only for that one)."""
    path = _table_path()
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path else ""


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The English lookup lemma table and its inverse (lemma -> inflected forms)."""
    path = _table_path()
    if path is None:
        return {}, {}
    table = {str(k): str(v) for k, v in json.loads(gzip.decompress(path.read_bytes())).items()}
    inverse: dict[str, list[str]] = defaultdict(list)
    for form, lemma in table.items():
        inverse[lemma].append(form)
    return table, {k: tuple(v) for k, v in inverse.items()}


@lru_cache(maxsize=1)
def _shipped() -> dict[str, list[str]]:
    """The precomputed forms, if they were made from the installed table."""
    try:
        data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("table") != table_digest():
        return {}
    forms = data.get("forms")
    return forms if isinstance(forms, dict) else {}


def _regular_forms(word: str) -> set[str]:
    """Regular English inflections, for words the lookup table does not list."""
    forms = {word, word + "s", word + "ed", word + "ing", word + "d", word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    vowels = "aeiou"
    if (
        len(word) >= 3
        and word[-1] not in vowels + "wxy"
        and word[-2] in vowels
        and word[-3] not in vowels
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # unfog -> unfogged
    return forms


# Prefixes that make a new verb of a listed one ("regrow", "unclog", "outgrow"): the table
# gives such verbs regular forms at best ("regrowed"), while their irregular forms are the base
# verb's ("regrew", "regrown").
PREFIXES = ("re", "un", "out", "over", "under", "mis", "dis", "de")


def _prefixed_forms(word: str, inverse: dict[str, tuple[str, ...]]) -> set[str]:
    """The irregular forms of a prefixed verb, from its base verb ("regrow" -> "regrown");
    nothing when the base has none (comparatives such as "laxer" are not verb forms)."""
    for prefix in PREFIXES:
        base = word[len(prefix) :]
        if not word.startswith(prefix) or len(base) < 3 or base not in inverse:
            continue
        verb = [f for f in inverse[base] if f.isalpha() and not f.endswith(("er", "est"))]
        regular = _regular_forms(base)
        if any(form not in regular for form in verb):
            return {prefix + form for form in (base, *verb)}
    return set()


def computed_inflections(word: str) -> set[str]:
    """The forms of a word from the full lemma table (slow the first time: loads it)."""
    if not word.isalpha() or len(word) < 3:
        return {word}
    table, inverse = _lemma_tables()
    lemma = table.get(word, word)
    forms = {word, lemma, *inverse.get(lemma, ())}
    prefixed = _prefixed_forms(lemma, inverse)
    if prefixed:
        return forms | prefixed
    if lemma not in inverse:
        forms |= _regular_forms(lemma)
    return forms


def inflections(word: str) -> set[str]:
    """All forms sharing the word's lemma, e.g. repair -> repairs, repaired, repairing."""
    if not word.isalpha() or len(word) < 3:
        return {word}
    shipped = _shipped().get(word)
    return set(shipped) if shipped is not None else computed_inflections(word)


def bundled_words() -> list[str]:
    """Every word the bundled packs inflect: first and last words of lemma-matched terms."""
    from claimlint.nlp.tokenizer import english, term_words
    from claimlint.packs import load_rules

    nlp = english()
    words: set[str] = set()
    for lexicon in load_rules().lexicons.values():
        if not lexicon.lemma or lexicon.lookup:  # a lookup list derives its forms (nlp/gaps.py)
            continue
        for term in lexicon.terms:
            found = term_words(nlp, term)
            words.update({found[0], found[-1]} if found else set())
    return sorted(w for w in words if w.isalpha() and len(w) >= 3)


def write_shipped(path: Path = SHIPPED) -> int:
    """Write the precomputed forms of the bundled words; returns how many words."""
    words = bundled_words()
    data = {
        "about": "generated by `python -m claimlint.nlp.inflect`; do not edit",
        "table": table_digest(),
        "forms": {w: sorted(computed_inflections(w)) for w in words},
    }
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    from claimlint.inputs.files import atomic_write

    atomic_write(path, text.encode("utf-8"))
    return len(words)


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    count = write_shipped()
    print(f"wrote the forms of {count} words to {SHIPPED}", file=sys.stderr)
