"""Compile lexicons once per process; find their hits in tokenized chunks of prose.

Phrases: each term, expanded at compile time with every inflection of its first and last word
(inflect.py), becomes a path in a trie keyed by the hash of each word's lower case, which is
what spaCy stores as a token's LOWER. Matching a chunk is one walk over ``doc.to_array(LOWER)``,
and compiling creates no vocabulary entries (spaCy's PhraseMatcher needs a Doc per phrase,
which cost a tenth of a second of every pre-commit run). Token patterns go to one spaCy
Matcher, run only on the windows that open with a pattern's first word when every pattern
has fixed ones (TokenWindow). Regexes run on RE2 (linear time) over the chunk's text, skipped
when it lacks a literal they need (prefilter.py), and are aligned to tokens exactly as
``Doc.char_span(alignment_mode="expand")``.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from claimlint.inputs.user_cache import load_compiled, store_compiled
from claimlint.nlp import prefilter
from claimlint.nlp.context import Extends
from claimlint.nlp.inflect import inflections
from claimlint.nlp.lexicon_regex import LexiconRegex
from claimlint.nlp.limits import set_stage
from claimlint.nlp.misspellings import build_index, correction, misspellable_words
from claimlint.nlp.rare_words import RARE, rare_words
from claimlint.nlp.regex_hits import RawHit, RegexHits
from claimlint.nlp.shared_phrases import modifier_lexicons, share_phrases
from claimlint.nlp.token_spans import (
    joining_space,
    string_id,
    without_negated,
)
from claimlint.nlp.token_window import TokenWindow
from claimlint.nlp.tokenizer import english, term_words
from claimlint.packs import Lexicon, PackError, RuleSet
from claimlint.packs.linear_regex import (
    LinearRegex,
    compile_pack,
    forget_checked,
    translate,
)

SUBJECT_LEXICON = "page-subject"  # reserved: the engine fills it (nlp/subjects.py)
MAX_VARIANTS = 64  # inflected variants per term (the product of first- and last-word forms)
MAX_CORRECTIONS = 50_000  # _misspelt's answers kept (a 2,000-page site has ~12,000 words)
_ATTRS = [LOWER, IDX, LENGTH, IS_SPACE]  # what matching reads of each token
_RARE_ATTRS = [*_ATTRS, IS_ALPHA, IS_DIGIT, IS_PUNCT, LIKE_NUM]  # and what rare_words reads
_END = None  # the trie key under which a node lists the lexicons whose phrase ends there
_HYPHEN = string_id("-")


def variants(words: list[str], lemma: bool) -> list[tuple[str, ...]]:
    """The word sequences a term matches: itself, and with lemma on, its first word
    (verbs: "relieve symptoms") and last word (nouns: "panic attacks") inflected."""
    original = tuple(words)
    if not lemma or not words:
        return [original]
    choices = [[w] for w in words]
    choices[0] = sorted(inflections(words[0]))
    if len(words) > 1:
        choices[-1] = sorted(inflections(words[-1]))
    found = [original]
    found += itertools.islice(itertools.product(*choices), MAX_VARIANTS)
    return list(dict.fromkeys(found))


class CompiledMatcher:
    """All lexicons of a rule set: a phrase trie, one spaCy Matcher and a list of regexes."""

    def __init__(self, nlp: Language, ruleset: RuleSet) -> None:
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.token_window: TokenWindow | None = TokenWindow()  # None: match whole chunks
        self.uses_lemma = False
        self.strings = nlp.vocab.strings
        key = ruleset.compiled_key
        state = load_compiled("lexicons", key) if key else None
        if not isinstance(state, dict):
            state = self._compile(nlp, ruleset)
            if key:
                store_compiled("lexicons", key, state)
        self.trie: dict = state["trie"]
        self.parents: dict[str, tuple[str, ...]] = state["parents"]
        self.extends = Extends.of(self.parents)
        self.regexes = [LexiconRegex(*spec) for spec in state["regexes"]]
        self.common = state["common"]  # hashes of common words, when pages have subjects
        self.misspelt = state["misspelt"]  # misspellings.py's index of misspellable words
        for lexicon in ruleset.lexicons.values():
            if lexicon.tokens and not lexicon.lookup:
                self._add_tokens(lexicon)
        self.regex_hits = RegexHits(self.regexes)
        # the lexicons of each rare word's correction: a site's rare words recur on every page
        self._corrections: dict[str, tuple[str, ...]] = {}
        self._derived: dict[str, bool] = {}  # rare_words' derived() answers, by word

    def _compile(self, nlp: Language, ruleset: RuleSet) -> dict:
        """What compiling the lexicons yields, as plain data for the compiled-pack cache: the
        phrase trie, the `extends` parents, the regexes with their literals, common words."""
        self.trie = {}
        self._hash_cache: dict[str, int] = {}
        special = frozenset(nlp.tokenizer.rules)
        from claimlint.nlp.regex_set import joinable, set_pattern

        by_pattern: dict[tuple[str, int], list] = {}
        for lexicon in ruleset.lexicons.values():
            if lexicon.lookup:  # a word list that rules consult (nlp/gaps.py), never matched
                continue
            for term in lexicon.terms:
                for words in variants(term_words(nlp, term, special), lexicon.lemma):
                    self._add_phrase(words, lexicon.name)
            for slots in lexicon.sequences:
                # Split and hash each slot word once; a combination is then a concatenation.
                split = [
                    [self._hashes(term_words(nlp, w, special)) if w else () for w in slot]
                    for slot in slots
                ]
                for combination in itertools.product(*split):
                    hashes = [h for part in combination for h in part]
                    if hashes:
                        self._add_hashes(hashes, lexicon.name)
            flags = 0 if lexicon.case_sensitive_regex else re.IGNORECASE
            for pattern in lexicon.regex:
                key = (pattern, flags)
                if key in by_pattern:  # the same regex in two lexicons runs once
                    by_pattern[key][1].append(lexicon.name)
                else:
                    compiled = compile_pack(pattern, ignore_case=bool(flags))  # errors now
                    needs = prefilter.requirements(pattern, flags)
                    linear = isinstance(compiled, LinearRegex)
                    join = joinable(pattern)
                    in_set = set_pattern(pattern, join, narrow=True) if join or linear else None
                    narrow = translate(pattern, narrow=True) if linear else None
                    by_pattern[key] = [
                        pattern,
                        [lexicon.name],
                        flags,
                        needs,
                        linear,
                        join,
                        in_set,
                        narrow,
                    ]
        common = None
        if SUBJECT_LEXICON in ruleset.lexicons:
            import numpy

            from claimlint.nlp.vocabulary import common_words

            common = numpy.array(sorted({string_id(w) for w in common_words()}), "uint64")
        parents = _parents(ruleset.lexicons)
        share_phrases(self.trie, _END, parents, modifier_lexicons(ruleset))
        del self._hash_cache
        misspellable = misspellable_words(ruleset.lexicons) if common is not None else []
        return {
            "trie": _shared_subtrees(self.trie),
            "parents": parents,
            "regexes": [tuple(spec) for spec in by_pattern.values()],
            "common": common,
            "misspelt": build_index(misspellable),
        }

    def _add_phrase(self, words: Iterable[str], label: str) -> None:
        """A term, and a term spelt with a hyphen also spelt apart ("birth-control pills" as
        "birth control pills"); the walk (_phrases) reads a hyphen the trie lacks as a space."""
        hashes = self._hashes(words)
        self._add_hashes(hashes, label)
        if _HYPHEN in hashes[1:-1]:
            self._add_hashes(tuple(h for h in hashes if h != _HYPHEN), label)

    def _hashes(self, words: Iterable[str]) -> tuple[int, ...]:
        """The LOWER hashes of words (cached: lexicons repeat their words thousands of times)."""
        cache = self._hash_cache
        found = []
        for word in words:
            value = cache.get(word)
            if value is None:
                value = cache[word] = string_id(word)
            found.append(value)
        return tuple(found)

    def _add_hashes(self, hashes: Iterable[int], label: str) -> None:
        node = self.trie
        for value in hashes:
            node = node.setdefault(value, {})
        labels = node.setdefault(_END, [])
        if label not in labels:
            labels.append(label)

    def _add_tokens(self, lexicon: Lexicon) -> None:
        self.uses_lemma |= "LEMMA" in repr([p.value for p in lexicon.tokens]).upper()
        patterns = [_linear_predicates(p.value) for p in lexicon.tokens]
        if self.token_window is not None:
            self.token_window = self.token_window.with_patterns(patterns)
        try:
            self.tokens.add(lexicon.name, patterns)
        except Exception as err:  # spaCy's validator explains what is wrong
            raise PackError(
                lexicon.origin,
                f"lexicon '{lexicon.name}'",
                "tokens",
                f"invalid token pattern: {err}",
            ) from None

    def find(self, doc: Doc, text: str, bounds: list[int] | None = None) -> list[RawHit]:
        """Every lexicon hit in a chunk (doc is text, tokenized); a hit is labelled with its
        own lexicon only (SentenceHits adds the `extends` parents when a rule asks).

        `bounds` are the offsets where the chunk's blocks (paragraphs, headings, cells) and
        the gaps between them start; a regex never matches across one.
        """
        if not len(doc):
            return []
        rare = self.common is not None  # one to_array for both: each call walks every token
        array = doc.to_array(_RARE_ATTRS if rare else _ATTRS)
        lows, starts, lengths = array[:, :3].T.tolist()
        spaces = array[:, 3].nonzero()[0].tolist()  # the whitespace tokens: a few per block
        spans = self._phrases_across_space(text, lows, starts, lengths, spaces, bounds or [0])
        spans = without_negated(lows, spans)
        if len(self.tokens):
            strings = self.strings
            spans += [(strings[m], s, e) for m, s, e in self._token_matches(doc, lows)]
        hits = [(label, starts[s], starts[e - 1] + lengths[e - 1], s, e) for label, s, e in spans]
        hits += self.regex_hits.hits(text, starts, lengths, bounds or [0])
        if rare:
            found = rare_words(self.common, array, text, starts, lengths, self._derived)
            hits += found + (self._misspelt(found, text) if self.misspelt else [])
        return hits

    def _token_matches(self, doc: Doc, lows: list[int]) -> list[tuple[int, int, int]]:
        """The token patterns' matches: the Matcher walks every token of the chunk with every
        pattern, so when each pattern opens with one of a few words it runs only on the short
        windows that open with one (the same matches; a tenth of the cost)."""
        window = self.token_window
        if window is None:
            return self.tokens(doc)
        found = []
        openers, width, may_match = window.openers, window.width, window.may_match
        for i, low in enumerate(lows):
            if low in openers and may_match(lows, i):
                found += [(m, i, i + e) for m, s, e in self.tokens(doc[i : i + width]) if s == 0]
        return found

    def _misspelt(self, rare: list[RawHit], text: str) -> list[RawHit]:
        """The hits a lower-case rare word would have if spelt as meant (misspellings.py)."""
        found: list[RawHit] = []
        known = self._corrections
        if len(known) > MAX_CORRECTIONS:
            known.clear()
        for label, start, end, first, last in rare:
            if label != RARE:
                continue
            word = text[start:end]
            names = known.get(word)
            if names is None:
                meant = correction(word, self.misspelt)
                node = self.trie.get(string_id(meant)) if meant else None
                names = known[word] = tuple((node or {}).get(_END, ()))
            found += [(name, start, end, first, last) for name in names]
        return found

    def _phrases_across_space(
        self,
        text: str,
        lows: list[int],
        starts: list[int],
        lengths: list[int],
        spaces: list[int],  # the indices of whitespace tokens
        bounds: list[int],
    ) -> list[tuple[str, int, int]]:
        """Phrase matches, where a line break inside a block ("clinically\nproven" in a
        hard-wrapped paragraph), a tab or a second space joins words as one space does. spaCy
        makes such whitespace a token of its own; it is left out of the walk unless it holds a
        blank line or a block or gap starts inside it."""
        joining = [i for i in spaces if joining_space(text, starts[i], lengths[i], bounds)]
        glued = _glued_hyphens(lows, starts, lengths)
        if not joining:
            return self._phrases(lows, glued)
        keep: list[int] = []  # the tokens between joining spaces, run by run (slices)
        kept: list[int] = []
        begin = 0
        for i in [*joining, len(lows)]:
            keep.extend(range(begin, i))
            kept.extend(lows[begin:i])
            begin = i + 1
        if glued:
            glued = {k for k, i in enumerate(keep) if i in glued}
        found = self._phrases(kept, glued)
        return [(label, keep[a], keep[b - 1] + 1) for label, a, b in found]

    def _phrases(self, lows: list[int], glued: set[int]) -> list[tuple[str, int, int]]:
        """Walk the trie from every token: all matches, overlapping ones included. A `glued`
        hyphen (one between two words, no space beside it) the trie has no step for is read
        as a space: "birth-control pills" is the term "birth control pills"."""
        found: list[tuple[str, int, int]] = []
        add = found.append
        start = self.trie.get
        ahead = [*lows, -1]  # no node has a child under -1 (keys are hashes): a walk ends there
        for i, low in enumerate(lows):
            node = start(low)
            if node is None:  # a third of the tokens start no phrase
                continue
            j = i + 1
            while node is not None:
                labels = node.get(_END)
                if labels:
                    for label in labels:
                        add((label, i, j))
                step = node.get(ahead[j])
                if step is None and j in glued:  # never a match's first or last token
                    j += 1
                    step = node.get(ahead[j])
                node = step
                j += 1
        return found


def _glued_hyphens(lows: list[int], starts: list[int], lengths: list[int]) -> set[int]:
    """The hyphens joined to a word on both sides ("birth-control"), by token index; not a
    dash between spaces ("relief - fast")."""
    if _HYPHEN not in lows:
        return set()
    last = len(lows) - 1
    return {
        i
        for i, low in enumerate(lows)
        if low == _HYPHEN
        and 0 < i < last
        and starts[i - 1] + lengths[i - 1] == starts[i]
        and starts[i] + 1 == starts[i + 1]
    }


# The string a token attribute's REGEX predicate is tested on, as spaCy's Matcher does it.
_TOKEN_STRINGS = {"TEXT": "text", "ORTH": "orth_", "LOWER": "lower_", "NORM": "norm_"}


def _linear_predicates(pattern: list[dict]) -> list[dict]:
    """A token pattern whose REGEX predicates are boolean extension attributes that run the
    regex on RE2: spaCy's Matcher would run them with Python's backtracking `re`."""
    out = []
    for token in pattern:
        token = dict(token)
        for attr, value in list(token.items()):
            if not isinstance(value, dict) or str(attr).startswith("_"):
                continue
            regexes = [v for k, v in value.items() if str(k).upper() == "REGEX"]
            if not regexes:
                continue
            rest = {k: v for k, v in value.items() if str(k).upper() != "REGEX"}
            if rest:
                token[attr] = rest
            else:
                del token[attr]
            names = {_regex_extension(str(attr).upper(), r): True for r in regexes}
            token["_"] = {**token.get("_", {}), **names}
        out.append(token)
    return out


def _regex_extension(attr: str, pattern: str) -> str:
    """The name of a Token extension that is True where the attribute matches the pattern."""
    import hashlib

    from spacy.tokens import Token

    name = "claimlint_re_" + hashlib.sha1(f"{attr}\0{pattern}".encode()).hexdigest()[:16]
    if not Token.has_extension(name):
        regex = compile_pack(pattern, ignore_case=False)
        field = _TOKEN_STRINGS.get(attr, attr.lower() + "_")

        def matches(token: Token) -> bool:
            return regex.search(str(getattr(token, field, "")))

        Token.set_extension(name, getter=matches)
    return name


# Words a pipeline's vocabulary may learn before it is rebuilt (about 40 MB; a 2,000-page site
# teaches it 12,000).
MAX_NEW_STRINGS = 100_000


class Pipeline:
    """The tokenizer (plus a lookup lemmatizer if a token pattern needs LEMMA) and the
    compiled lexicons of one rule set."""

    def __init__(self, nlp: Language, compiled: CompiledMatcher) -> None:
        self.nlp = nlp
        self.compiled = compiled
        self._strings_cap = len(nlp.vocab.strings) + MAX_NEW_STRINGS

    def outgrown(self) -> bool:
        """Whether the vocabulary has learnt MAX_NEW_STRINGS words since the pipeline was
        built: spaCy keeps every string it has seen, so a server or a long audit fed new
        words would grow without bound. Its owner then builds a new pipeline."""
        return len(self.nlp.vocab.strings) > self._strings_cap

    def match(
        self, texts: list[str], bounds: list[list[int]] | None = None
    ) -> Iterator[list[RawHit]]:
        """The hits of each text, in order; bounds as for CompiledMatcher.find."""
        docs = self.nlp.pipe(texts, batch_size=16)
        for index, text in enumerate(texts):
            set_stage("the tokenizer")
            doc = next(docs)
            set_stage("the lexicon matcher")
            yield self.compiled.find(doc, text, bounds[index] if bounds else None)


def _shared_subtrees(trie: dict) -> dict:
    """The trie with its equal subtrees made one (a read-only graph, which the walk cannot
    tell from the tree) and each node's labels a tuple. Inflected variants end in the same
    words and most phrases end in a leaf that only names its lexicons: the built tree had
    90,000 nodes, 30 MB of dicts in every process; shared, 5,600 nodes and 3 MB. Bottom up,
    without recursion (a term may be long): a node is replaced in its parent by the first
    node seen with the same labels and the same children, and so freed as the walk goes."""
    seen: dict[tuple, dict] = {}
    top = {"root": trie}  # the root's parent
    stack: list[tuple[dict, object, dict, bool]] = [(top, "root", trie, False)]
    while stack:
        parent, key, node, children_done = stack.pop()
        if not children_done:
            stack.append((parent, key, node, True))
            stack.extend((node, k, child, False) for k, child in node.items() if k is not _END)
            continue
        labels = node.get(_END)
        if labels is not None:
            node[_END] = labels = tuple(labels)
        kids = frozenset((k, id(child)) for k, child in node.items() if k is not _END)
        parent[key] = seen.setdefault((labels, kids), node)
    return top["root"]


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


def build_pipeline(ruleset: RuleSet) -> Pipeline:
    """Tokenizer and compiled lexicons for a rule set: built once per process and rule set."""
    nlp = english()
    compiled = CompiledMatcher(nlp, ruleset)
    forget_checked()
    if compiled.uses_lemma:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    return Pipeline(nlp, compiled)
