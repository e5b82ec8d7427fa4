"""Write and read the generated lexicon files in rules/lexicons/generated/ (one lexicon of
plain terms each), shared by the scripts that build them."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def write_lexicon(
    out: Path, header: list[str], name: str, description: list[str], terms: list[str]
) -> None:
    """A pack file with one lexicon `name` of literal terms (lemma off: the terms list their
    own plurals), under `header` comment lines; `description` lines fold into one string."""
    lines = [*(f"# {line}" for line in header), "lexicons:", f"  {name}:", "    description: >-"]
    lines += [f"      {line}" for line in description]
    lines += ["    lemma: false", "    terms:"]
    lines += [f"      - {json.dumps(term)}" for term in terms]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(terms)} terms to {out}", file=sys.stderr)


def read_terms(path: Path) -> set[str]:
    """The terms of a file write_lexicon wrote."""
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("- "):
            found.add(json.loads(line[2:]))
    return found
