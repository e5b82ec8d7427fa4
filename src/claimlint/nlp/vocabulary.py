"""The most common English words, to tell a page's product names from ordinary words.

A word that is not among the 10,000 most frequent lower-case words of spaCy's English lexeme
probabilities (spacy-lookups-data) is "rare": drug, supplement and brand names almost always
are (ketamine, kratom, elderberry, semaglutide), while the words around them are not. The list
is generated once into ``common_words.txt`` (stamped with the table's digest) so that a run
never loads the 7 MB probability table; ``python -m claimlint.nlp.vocabulary`` rewrites it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path

SHIPPED = Path(__file__).with_name("common_words.txt")
COMMON_COUNT = 10_000


def _table_path() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"


def table_digest() -> str:
    return hashlib.sha256(_table_path().read_bytes()).hexdigest()[:16]


def computed_common(count: int = COMMON_COUNT) -> list[str]:
    """The `count` most probable lower-case alphabetic words, most probable first."""
    probs = json.loads(gzip.decompress(_table_path().read_bytes()))
    words = sorted(
        ((p, w) for w, p in probs.items() if w.isalpha() and w.islower()),
        key=lambda pair: (-pair[0], pair[1]),
    )
    return [w for _, w in words[:count]]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The shipped list (first line: the digest of the table it came from)."""
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines[1:] if line)


def write_shipped(path: Path = SHIPPED) -> int:
    from claimlint.inputs.files import atomic_write

    words = computed_common()
    text = f"# en_lexeme_prob {table_digest()}\n" + "\n".join(words) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return len(words)


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    print(f"wrote {write_shipped()} words to {SHIPPED}", file=sys.stderr)
