"""Compile lexicons into spaCy matchers once; a pipeline component writes hits to doc.spans.

Phrases go to one PhraseMatcher on lower case, expanded at compile time with every inflection
the lookup lemmatizer (spacy-lookups-data) knows, so "repairs", "repaired" and "repairing"
match "repair" without running a lemmatizer over each token. Token patterns go to one Matcher,
regexes run over the text and are aligned to token boundaries.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .rules import Lexicon, PackError, RuleSet

SPAN_KEY = "claimlint"


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The English lookup lemma table and its inverse (lemma -> inflected forms)."""
    import gzip
    import json
    from importlib.resources import files

    data = files("spacy_lookups_data").joinpath("data/en_lemma_lookup.json.gz").read_bytes()
    table = {str(k): str(v) for k, v in json.loads(gzip.decompress(data)).items()}
    inverse: dict[str, list[str]] = defaultdict(list)
    for form, lemma in table.items():
        inverse[lemma].append(form)
    return table, {k: tuple(v) for k, v in inverse.items()}


def _regular_forms(word: str) -> set[str]:
    """Regular English inflections, for words the lookup table does not list."""
    forms = {word, word + "s", word + "ed", word + "ing", word + "d", word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    vowels = "aeiou"
    if (len(word) >= 3 and word[-1] not in vowels + "wxy" and word[-2] in vowels
            and word[-3] not in vowels):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # unfog -> unfogged
    return forms


def inflections(word: str) -> set[str]:
    """All forms sharing the word's lemma, e.g. repair -> repairs, repaired, repairing."""
    if not word.isalpha() or len(word) < 3:
        return {word}
    table, inverse = _lemma_tables()
    lemma = table.get(word, word)
    forms = {word, lemma, *inverse.get(lemma, ())}
    if lemma not in inverse:
        forms |= _regular_forms(lemma)
    return forms


def phrase_variants(term: str, lemma: bool, tokenize) -> list[str]:
    """Lower-cased token sequences for a term, each word inflected (bounded product)."""
    words = [t.lower_ for t in tokenize(term)]
    original = " ".join(words)
    if not lemma:
        return [original]
    # Inflect the first word (verbs: "relieve symptoms") and the last (nouns: "panic attacks").
    choices = [[w] for w in words]
    choices[0] = sorted(inflections(words[0]))
    if len(words) > 1:
        choices[-1] = sorted(inflections(words[-1]))
    variants = [original]
    for combo in itertools.islice(itertools.product(*choices), 64):
        variants.append(" ".join(combo))
    return variants


class CompiledMatcher:
    """All lexicons of a rule set as one PhraseMatcher, one Matcher and a list of regexes."""

    def __init__(self, nlp: Language, ruleset: RuleSet,
                 expansions: dict[str, list[str]] | None = None) -> None:
        self.vocab = nlp.vocab
        self.expansions: dict[str, list[str]] = {}  # lexicon -> phrase variants (cacheable)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.regexes: list[tuple[str, re.Pattern[str]]] = []
        self.parents = _parents(ruleset.lexicons)
        self.uses_lemma = False
        for lexicon in ruleset.lexicons.values():
            self._add(nlp, lexicon, (expansions or {}).get(lexicon.name))

    @staticmethod
    def _variants(nlp: Language, lexicon: Lexicon) -> list[str]:
        """Every distinct phrase variant of the lexicon's terms, in first-seen order."""
        seen: set[str] = set()
        variants = []
        for term in lexicon.terms:
            for variant in phrase_variants(term, lexicon.lemma, nlp.make_doc):
                if variant not in seen:
                    seen.add(variant)
                    variants.append(variant)
        return variants

    def _add(self, nlp: Language, lexicon: Lexicon, known: list[str] | None = None) -> None:
        key = lexicon.name
        if lexicon.terms:
            variants = known if known is not None else self._variants(nlp, lexicon)
            self.expansions[key] = variants
            self.phrases.add(key, [nlp.make_doc(variant) for variant in variants])
        if lexicon.tokens:
            patterns = [p.value for p in lexicon.tokens]
            self.uses_lemma |= "LEMMA" in repr(patterns).upper()
            try:
                self.tokens.add(key, patterns)
            except Exception as err:  # spaCy's validator explains what is wrong
                raise PackError(lexicon.origin, f"lexicon '{key}'", "tokens",
                                f"invalid token pattern: {err}") from None
        flags = 0 if lexicon.case_sensitive_regex else re.IGNORECASE
        for pattern in lexicon.regex:
            self.regexes.append((key, re.compile(pattern, flags)))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        strings = self.vocab.strings
        for match_id, start, end in self.phrases(doc):
            spans.append(Span(doc, start, end, label=strings[match_id]))
        if len(self.tokens):
            for match_id, start, end in self.tokens(doc):
                spans.append(Span(doc, start, end, label=strings[match_id]))
        text = doc.text
        for label, regex in self.regexes:
            for match in regex.finditer(text):
                if match.end() == match.start():
                    continue
                span = doc.char_span(match.start(), match.end(), label=label,
                                     alignment_mode="expand")
                if span is not None and len(span):
                    spans.append(span)
        extra = []
        for span in spans:
            for parent in self.parents.get(span.label_, ()):
                extra.append(Span(doc, span.start, span.end, label=parent))
        doc.spans[SPAN_KEY] = spans + extra
        return doc


def _parents(lexicons: dict[str, Lexicon]) -> dict[str, tuple[str, ...]]:
    """For each lexicon, every lexicon that includes it through `extends` (transitively)."""
    direct: dict[str, set[str]] = defaultdict(set)
    for lexicon in lexicons.values():
        for child in lexicon.extends:
            direct[child].add(lexicon.name)
    result = {}
    for name in lexicons:
        seen: set[str] = set()
        stack = list(direct.get(name, ()))
        while stack:
            parent = stack.pop()
            if parent not in seen:
                seen.add(parent)
                stack.extend(direct.get(parent, ()))
        if seen:
            result[name] = tuple(sorted(seen))
    return result


def build_pipeline(ruleset: RuleSet, expansion_cache=None) -> Language:
    """A blank English pipeline with claimlint's matcher (and a lemmatizer only if needed).

    With an expansion cache (cache.ResultCache), the phrase variants compiled for this rule
    set are read back instead of recomputed: that skips loading the lemma lookup table.
    """
    import spacy

    nlp = spacy.blank("en")
    _split_citation_markers(nlp)
    if expansion_cache is None:
        from .cache import active

        expansion_cache = active()
    fingerprint = ruleset.fingerprint
    stored = None
    if expansion_cache is not None and fingerprint:
        stored = expansion_cache.get_expansions(fingerprint)
        wanted = {lexicon.name for lexicon in ruleset.lexicons.values() if lexicon.terms}
        if stored is not None and set(stored) != wanted:
            stored = None
    compiled = CompiledMatcher(nlp, ruleset, stored)
    if expansion_cache is not None and fingerprint and stored is None:
        expansion_cache.put_expansions(fingerprint, compiled.expansions)
    if compiled.uses_lemma:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    nlp.add_pipe("claimlint_matcher", last=True)
    nlp.get_pipe("claimlint_matcher").compiled = compiled  # type: ignore[attr-defined]
    return nlp


def _split_citation_markers(nlp: Language) -> None:
    """Let "claim.[1]" and "relief¹" split into words and markers, as writers mean them."""
    infixes = list(nlp.Defaults.infixes) + [
        r"(?<=\w)(?=[.!?]\[)",  # "relief.[1]": word, period, marker
        r"(?<=[.!?\w])(?=\[\^?\w)",
        r"(?<=\w)(?=[¹²³⁴⁵⁶⁷⁸⁹⁰])",
    ]
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


class _MatcherComponent:
    """The pipeline component; its CompiledMatcher is attached by build_pipeline."""

    def __init__(self) -> None:
        self.compiled: CompiledMatcher | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.compiled(doc) if self.compiled else doc


@Language.factory("claimlint_matcher")
def _make_matcher(nlp: Language, name: str) -> _MatcherComponent:
    return _MatcherComponent()
