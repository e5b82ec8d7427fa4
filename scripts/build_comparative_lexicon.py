"""Build rules/lexicons/generated/comparatives.yaml: "smoother than", "more dependable than".

Routes are ranked with any comparative ("a cleaner, smoother experience than troches", "the more
dependable way", "far gentler than a drip"); no hand-written list has them all. This script
takes the comparatives of English adjectives from spacy-lookups-data: the forms whose lemma
(the lemma lookup table) is a WordNet adjective (the lemma index), written with "-er"
("cleaner", "gentler", "tidier"), plus the irregular ones of the adjective exceptions
("better", "worse"), kept when the form is among the TOP most frequent lower-case words of
spaCy's lexeme probabilities. Comparatives of cost, size, age, time, ease, availability, looks,
colour, taste and rules ("cheaper", "longer", "easier", "darker", "stricter", "more convenient")
rank no effect of a form, so they are left out.

The lexicon `comparative-than` is spaCy token patterns: a comparative and up to four words
before "than", or "more"/"less", a word and up to one more; or "the", a comparative and the
choice it ranks ("the gentler option", "the more dependable way"). CL201 reads it as a ranking
only between two named forms (route-rank-pair).

    python scripts/build_comparative_lexicon.py

The output is committed; the build is deterministic.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "lexicons" / "generated" / "comparatives.yaml"
TOP = 60_000
# comparisons of cost, size, age, time, ease, availability: logistics, not an effect
NOT_AN_EFFECT = {
    "cheap", "expensive", "costly", "pricey", "affordable", "dear", "long", "short", "late",
    "early", "old", "new", "young", "big", "small", "large", "little", "tall", "wide", "narrow",
    "easy", "hard", "busy", "common", "popular", "familiar", "available", "accessible",
    "convenient", "private", "quiet", "loud", "near", "far", "close", "high", "low", "many",
    "much", "few", "less", "more", "other", "deep", "thick", "thin", "heavy", "light",
    "rich", "poor", "great", "nice", "happy", "sad", "fancy", "simple", "cool", "warm", "hot",
    "cold", "lucky", "eager", "keen", "aft", "pricy",
    # looks, colour, taste, manners and rules: "tinier than you might expect", "darker than the
    # oral solution", "stricter than the rules for capsules" rank no effect of a form
    "tiny", "slim", "dark", "pale", "bright", "red", "blue", "green", "white", "black", "pink",
    "brown", "grey", "gray", "strict", "pretty", "ugly", "shiny", "sleek", "roomy", "bulky",
    "chunky", "fluffy", "fuzzy", "hairy", "curvy", "sexy", "sporty", "dressy", "classy", "flashy",
    "cute", "lengthy", "tidy", "neat", "messy", "noisy", "plain", "odd", "weird", "crazy", "funny",
    "silly", "stupid", "lame", "cheesy", "catchy", "spicy", "salty", "sweet", "tasty", "juicy",
    "creamy", "crispy", "crisp", "meaty", "fatty", "nutty", "lonely", "proud", "wealthy",
    "brainy", "clever", "wise", "angry", "baggy", "beefy", "bloody", "blurry", "buggy", "chubby",
    "creepy", "edgy", "empty", "gay", "grand", "gritty", "gross", "horny", "kinky", "manly",
    "merry", "murky", "nasty", "noble", "picky", "rude", "sane", "scary", "shady", "sketchy",
    "skinny", "sloppy", "sneaky", "solid", "sturdy", "subtle", "tame", "tricky", "wet", "witty",
    "wee", "fond", "broad", "bold", "brave", "dumb", "dull", "fair", "fat", "free", "friendly",
    "hungry", "lazy", "mean", "rare", "scarce", "shallow", "steep", "straight", "stiff", "tight",
    "tough", "wild", "dirty", "dry", "drunk", "dead", "snappy", "speedy", "sticky", "coarse",
    "dense", "faint", "fine", "firm", "loose", "rough", "bronze", "crappy", "comfy", "gamy",
    "good_enough", "holy", "minute", "true", "likely", "lean", "fresh",
}  # fmt: skip
# WordNet also lists most "-er" words as nouns ("customer", "printer", "cleaner"), which the
# lemma lookup maps to an adjective ("custom"): a form that is a noun or a verb is left out,
# except these comparatives, far more often read as one in health copy
DUAL = {"better", "worse", "cleaner", "smoother", "fresher", "fuller", "leaner", "sharper", "drier"}
# the word after "more" or "less" that makes a quantity or logistics, not a ranking
NOT_AFTER_MORE = sorted(
    {"than", "money", "time", "often", "expensive", "convenient", "affordable", "available",
     "accessible", "common", "popular", "familiar", "costly", "private", "widely", "readily",
     "frequent", "frequently", "visits", "sessions", "appointments", "doses", "steps", "paperwork"}
)  # fmt: skip


def _table(name: str):
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / name
    return json.loads(gzip.decompress(path.read_bytes()))


def comparatives() -> list[str]:
    index = _table("en_lemma_index.json.gz")
    adjectives = set(index["adj"])
    other = (set(index["noun"]) | set(index["verb"])) - DUAL
    lookup = _table("en_lemma_lookup.json.gz")
    probs = _table("en_lexeme_prob.json.gz")
    ranked = sorted(
        ((p, w) for w, p in probs.items() if w.isalpha() and w.islower()),
        key=lambda pair: (-pair[0], pair[1]),
    )
    top = {w for _, w in ranked[:TOP]}
    found = set()
    for form in top - other:
        lemma = lookup.get(form)
        if form.endswith("er") and lemma in adjectives and lemma not in NOT_AN_EFFECT | {form}:
            found.add(form)
    for form, bases in _table("en_lemma_exc.json.gz")["adj"].items():
        comparative = form.endswith("er") or form == "worse"
        kept = form in top - other and form not in bases  # "after" is its own lemma
        if comparative and kept and not set(bases) & NOT_AN_EFFECT:
            found.add(form)
    return sorted(found)


def main() -> int:
    words = comparatives()
    quoted = json.dumps(words)
    not_after = json.dumps(NOT_AFTER_MORE)
    than = '{"LOWER": "than"}'
    choice = (
        '{"LOWER": {"IN": ["option", "choice", "way", "route", "form", "pick", "bet", "method"]}}'
    )
    # a word between, but no conjunction: "neither better nor worse than" ranks nothing
    word = '{"IS_ALPHA": true, "LOWER": {"NOT_IN": ["nor", "or", "and", "but", "than"]}}'
    lines = [
        "# Generated by scripts/build_comparative_lexicon.py from spacy-lookups-data (WordNet's",
        "# adjective index and exceptions, the lemma lookup, spaCy's lexeme probabilities); do not",
        "# edit.",
        "lexicons:",
        "  comparative-than:",
        "    description: >-",
        '      A comparison made with any comparative ("smoother than", "far gentler on the',
        '      stomach than", "more dependable than"): the comparatives of English adjectives',
        f"      among the {TOP:,} most frequent words, except those of cost, size, age, time, ease",
        '      and availability, then up to four words and "than", or a choice after "the"',
        '      ("the gentler option", "the more dependable way").',
        "    tokens:",
        f'      - [{{"LOWER": {{"IN": {quoted}}}}}, {than}]',
        f'      - [{{"LOWER": {{"IN": {quoted}}}}}, {word}, {than}]',
        f'      - [{{"LOWER": {{"IN": {quoted}}}}}, {word}, {word}, {than}]',
        f'      - [{{"LOWER": {{"IN": {quoted}}}}}, {word}, {word}, {word}, {than}]',
        f'      - [{{"LOWER": {{"IN": {quoted}}}}}, {word}, {word}, {word}, {word}, {than}]',
        # no "than": the comparative names the choice itself ("the more dependable way to take
        # it", "the gentler option")
        f'      - [{{"LOWER": "the"}}, {{"LOWER": {{"IN": {quoted}}}}}, {choice}]',
        f'      - [{{"LOWER": "the"}}, {{"LOWER": {{"IN": ["more", "less"]}}}}, '
        f'{{"LOWER": {{"NOT_IN": {not_after}}}, "IS_ALPHA": true}}, {choice}]',
        f'      - [{{"LOWER": {{"IN": ["more", "less"]}}}}, {{"LOWER": {{"NOT_IN": {not_after}}}, '
        f'"IS_ALPHA": true}}, {than}]',
        f'      - [{{"LOWER": {{"IN": ["more", "less"]}}}}, {{"LOWER": {{"NOT_IN": {not_after}}}, '
        f'"IS_ALPHA": true}}, {word}, {than}]',
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} comparatives to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
