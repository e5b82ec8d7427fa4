"""The compiled matcher agrees with spaCy's own tools while skipping their compile-time cost."""

from __future__ import annotations

import functools
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.nlp import inflect, prefilter
from claimlint.nlp.matcher import english, term_words, variants
from claimlint.nlp.token_spans import align
from claimlint.packs import load_rules

pytest.importorskip("spacy")

NLP = english()
RULES = load_rules()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- tokens of a term ----------------------------------------------------------------------------


def _tokenizer_words(term: str) -> list[str]:
    return [t.lower_ for t in NLP.make_doc(term) if not t.is_space]


def test_term_words_match_the_tokenizer_for_every_bundled_term() -> None:
    terms = [term for lexicon in RULES.lexicons.values() for term in lexicon.terms]
    assert len(terms) > 500
    mismatched = [t for t in terms if term_words(NLP, t) != _tokenizer_words(t)]
    assert mismatched == []


@pytest.mark.parametrize(
    "term",
    [
        "cannot sleep",
        "Gonna feel better",
        "50% fewer",
        "don't",
        "state-of-the-art care",
        "U.S. patients",
        "relief.[1]",
        "Café crème",
        "i.v. ketamine",
    ],
)
def test_term_words_match_the_tokenizer_on_special_cases(term: str) -> None:
    assert term_words(NLP, term) == _tokenizer_words(term)


# -- phrase trie against spaCy's PhraseMatcher --------------------------------------------------

WORDS = [
    "relief",
    "relieves",
    "fast",
    "lasting",
    "relief.",
    "no",
    "pain",
    "Pain",
    "of",
    "the",
    "depression",
    "cannot",
    "50",
    "%",
    "percent",
    "it",
    "works",
    "  ",
    "\n",
]


@FAST
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_phrase_hits_equal_spacys_phrase_matcher(words: list[str]) -> None:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import Lexicon, RuleSet

    lexicons = {
        "relief": Lexicon("relief", ("relief", "lasting relief", "relief of pain"), True),
        "pain": Lexicon("pain", ("pain", "no pain", "cannot"), False),
        "figure": Lexicon("figure", ("50 %", "50 percent"), False),
    }
    ruleset = RuleSet((), lexicons, {})
    compiled = CompiledMatcher(NLP, ruleset)
    reference = PhraseMatcher(NLP.vocab, attr="LOWER")
    for lexicon in lexicons.values():
        for term in lexicon.terms:
            phrase_docs = [
                NLP.make_doc(" ".join(v)) for v in variants(term_words(NLP, term), lexicon.lemma)
            ]
            reference.add(lexicon.name, phrase_docs)
    text = " ".join(words)
    doc = NLP.make_doc(text)
    # Whitespace with at most one line break joins words as one space does: the reference
    # matches the words without it, and the token offsets are mapped back.
    keep = [t.i for t in doc if not (t.is_space and t.text.count("\n") <= 1)]
    words_only = Doc(NLP.vocab, words=[doc[i].text for i in keep])
    expected = sorted(
        (
            NLP.vocab.strings[m],
            doc[keep[s]].idx,
            doc[keep[e - 1]].idx + len(doc[keep[e - 1]]),
            keep[s],
            keep[e - 1] + 1,
        )
        for m, s, e in reference(words_only)
    )
    assert sorted(compiled.find(doc, text)) == expected


def test_words_that_are_spacy_symbol_names_match_in_phrases() -> None:
    """spaCy stores "root", "number", "det"... as its own symbols, not as their string hash: a
    phrase holding one must still match (they never did), and they are common words."""
    import numpy

    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import Lexicon, RuleSet

    lexicons = {"cause": Lexicon("cause", ("root cause", "number of visits", "prep time"), False)}
    compiled = CompiledMatcher(NLP, RuleSet((), lexicons, {}))
    text = "We find the root cause; the number of visits and the prep time vary."
    found = {text[a:b] for _, a, b, *_ in compiled.find(NLP.make_doc(text), text)}
    assert found == {"root cause", "number of visits", "prep time"}
    common = CompiledMatcher(NLP, RULES).common
    lows = [t.lower for t in NLP.make_doc("root number")]
    assert numpy.isin(lows, common).all()


def _trie_paths(node: dict, path: tuple = ()) -> list[tuple[tuple, tuple]]:
    """Every phrase of a trie (as its key path) with the labels it ends with, in order."""
    found = [(path, tuple(node[None]))] if node.get(None) else []
    for key, child in node.items():
        if key is not None:
            found += _trie_paths(child, (*path, key))
    return found


def _distinct_nodes(node: dict, seen: set[int] | None = None) -> set[int]:
    seen = set() if seen is None else seen
    if id(node) not in seen:
        seen.add(id(node))
        for key, child in node.items():
            if key is not None:
                _distinct_nodes(child, seen)
    return seen


@FAST
@given(
    st.lists(
        st.tuples(st.lists(st.integers(1, 4), min_size=1, max_size=5), st.sampled_from("abc")),
        max_size=30,
    )
)
def test_shared_subtrees_keep_every_phrase_and_its_labels(
    phrases: list[tuple[list[int], str]],
) -> None:
    import copy

    from claimlint.nlp.matcher import _shared_subtrees

    tree: dict = {}
    for words, label in phrases:
        node = tree
        for word in words:
            node = node.setdefault(word, {})
        labels = node.setdefault(None, [])
        if label not in labels:
            labels.append(label)
    shared = _shared_subtrees(copy.deepcopy(tree))
    assert sorted(_trie_paths(shared)) == sorted(_trie_paths(tree))
    assert len(_distinct_nodes(shared)) <= len(_distinct_nodes(tree))


def test_the_bundled_phrase_trie_shares_its_equal_subtrees() -> None:
    """Inflected variants end alike and most phrases end in a leaf naming one lexicon: shared,
    the bundled trie is a few thousand dicts, not the 90,000 of the tree (30 MB per process)."""
    from claimlint.nlp.matcher import CompiledMatcher

    trie = CompiledMatcher(NLP, RULES).trie
    assert len(_distinct_nodes(trie)) < 20_000


# -- regex alignment against Doc.char_span -------------------------------------------------------


@FAST
@given(st.text(alphabet=" \n\tabc.,'-%[]1", min_size=1, max_size=40), st.data())
def test_align_is_char_span_expand(text: str, data: st.DataObject) -> None:
    doc = NLP.make_doc(text)
    begin = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(begin + 1, len(text)))
    starts = [t.idx for t in doc]
    lengths = [len(t) for t in doc]
    span = doc.char_span(begin, end, alignment_mode="expand")
    expected = (
        None
        if span is None or not len(span)
        else (span.start_char, span.end_char, span.start, span.end)
    )
    assert align(starts, lengths, begin, end) == expected


# -- the regex prefilter never hides a match -----------------------------------------------------

BUNDLED_REGEXES = sorted(
    {
        (pattern, 0 if lexicon.case_sensitive_regex else re.IGNORECASE)
        for lexicon in RULES.lexicons.values()
        for pattern in lexicon.regex
    }
)
TRICKY = [
    "FDA",
    "approved",
    "not",
    "ketamine",
    "label",
    "off-label",
    "trial",
    "%",
    "50",
    "988",
    "[1]",
    "¹",
    "Smith et al. 2021",
    "doi:10.1000/xyz",
    "PMID 12345678",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
    "SUİCIDE",
    "ſuicide",
    "crisis",
    "line",
    " ",
    "within",
    "hours",
    "most",
    "patients",
    "“quote here for you”",
    "— Dana",
    "(Ünal et al., 2020)",  # non-ASCII word characters: \w must stay Unicode on RE2
    "Müller",
    "\u2003",  # an em space is \s to Python
]


def test_most_bundled_regexes_have_a_prefilter() -> None:
    gated = [p for p, f in BUNDLED_REGEXES if prefilter.required_literals(p, f) is not None]
    assert len(gated) >= 0.8 * len(BUNDLED_REGEXES)


# Requirements read whitespace as one space ("off label" from off\s+label): any run of any
# whitespace between words must still pass.
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", " \n  ", "\u00a0", "\u2003", "\r\n"]


@FAST
@given(
    st.lists(st.tuples(st.sampled_from(TRICKY), st.sampled_from(SEPARATORS)), max_size=25),
    st.sampled_from(BUNDLED_REGEXES),
)
def test_prefilter_never_skips_a_regex_that_matches(pieces, regex) -> None:
    # Both filters: the most selective requirement alone, and all of them at once.
    pattern, flags = regex
    text = "".join(word + space for word, space in pieces)
    if re.search(pattern, text, flags):
        folded = prefilter.spaced(text)
        needs = prefilter.required_literals(pattern, flags)
        assert prefilter.passes(needs, folded), (pattern, text, needs)
        every = prefilter.requirements(pattern, flags)
        assert prefilter.passes_all(every, folded), (pattern, text, every)


def test_requirements_never_skip_a_bundled_regex_in_its_own_examples() -> None:
    # Every rule example is text some regex was written to match: all of them must pass.
    texts = [e for rule in RULES.rules for e in (*rule.flag_examples, *rule.pass_examples)]
    folded = [prefilter.spaced(text) for text in texts]
    for pattern, flags in BUNDLED_REGEXES:
        needs = prefilter.requirements(pattern, flags)
        compiled = re.compile(pattern, flags)
        for text, fold in zip(texts, folded, strict=True):
            if compiled.search(text):
                assert prefilter.passes_all(needs, fold), (pattern, text, needs)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bketamine\b[^.]{0,40}\bapproved\b", [{"ketamine"}, {"approved"}]),
        # \s* is no whitespace or one space in the collapsed text
        (
            r"\b(?:crisis|suicide)\s*line",
            [{"crisisline", "crisis line", "suicideline", "suicide line"}],
        ),
        (r"\bfda[\s-]*approved", [{"approved"}, {"fda"}]),  # [\s-]* has no short spelling
        # a run of literals, whitespace, small classes and optional or alternative parts is
        # every string it can match, read across whitespace as one space
        (
            r"\bcolou?r\s+(?:me\s+)?happy",
            [{"colour me happy", "color me happy", "colour happy", "color happy"}],
        ),
        (
            r"(?:\bwith(?:in)?\s+(?:hours|days))+",
            [{"with hours", "within hours", "with days", "within days"}],
        ),
        (r"\boff[\s-]label\b", [{"off label", "off-label"}]),
        (r"\b(?:very\s+)?first\s+week", [{"first week"}]),  # "very first week" holds it
        (r"\bno\s+[a-z]+\s+at\s+all", [{" at all"}, {"no "}]),  # a class breaks the run
        (r"a|bcd", None),
    ],
)
def test_requirements(pattern: str, expected: list[set[str]] | None) -> None:
    found = prefilter.requirements(pattern, re.IGNORECASE)
    assert ([set(r) for r in found] if found is not None else None) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bnot\s+(?:an?\s+)?FDA[\s-]*approved", {"approved"}),
        (
            r"\b(?:crisis|suicide)\s*line",
            {"crisisline", "crisis line", "suicideline", "suicide line"},
        ),
        (r"\d+%", {"%"}),
        (r"[¹²³]+", {"¹", "²", "³"}),
        (r"a|bcd", None),  # "a" is too short to filter anything
        (r"(?:abc)*d", None),  # the group may be absent
        (r"[^abc]xyz", {"xyz"}),
        (r"\bcaf\u00e9\b", None),  # a cased non-ASCII letter: str.lower() may disagree
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = prefilter.required_literals(pattern, re.IGNORECASE)
    assert (set(found) if found is not None else None) == expected


def test_whitespace_is_every_character_that_backslash_s_matches() -> None:
    spaces = "".join(chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c)))
    assert prefilter.WHITESPACE == spaces


@pytest.mark.parametrize(
    ("text", "edges", "expected", "expected_edges"),
    [
        ("off label", [0, 9], "off label", [0, 9]),
        ("Off \n\t Label", [0, 13], "off label", [0, 9]),
        # each segment collapses on its own; text before the first segment stays as it is
        ("ab  cd  |x \u00a0 y", [2, 8, 17], "ab cd |x y", [2, 6, 10]),
    ],
)
def test_fold_spaced_collapses_whitespace_segment_by_segment(
    text: str, edges: list[int], expected: str, expected_edges: list[int]
) -> None:
    folded, new_edges = prefilter.fold_spaced(prefilter.fold(text), edges)
    assert (folded, new_edges) == (expected, expected_edges)


def test_a_two_word_requirement_rules_out_a_page_with_both_words_apart() -> None:
    needs = prefilter.requirements(r"\bnot\s+approved\b", re.IGNORECASE)
    assert prefilter.passes_all(needs, prefilter.spaced("It is NOT\n   approved."))
    assert not prefilter.passes_all(needs, prefilter.spaced("Not for kids; approved in 2019."))


def test_fold_agrees_with_the_regex_engine_on_every_code_point() -> None:
    # Any character that an ASCII letter or digit matches under IGNORECASE must fold to it.
    alnum = re.compile(r"[a-z0-9]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if alnum.fullmatch(char) and not char.isascii():
            folded = prefilter.fold(char)
            assert folded in string.ascii_lowercase + string.digits, (hex(code), folded)


# -- shipped inflections -------------------------------------------------------------------------


def test_shipped_inflections_are_current() -> None:
    # Fails after a bundled lexicon gains a word: run `python -m claimlint.nlp.inflect`.
    import json

    data = json.loads(inflect.SHIPPED.read_text(encoding="utf-8"))
    assert data["table"] == inflect.table_digest(), "made from another lemma table"
    words = inflect.bundled_words()
    assert sorted(data["forms"]) == words
    for word in words:
        assert data["forms"][word] == sorted(inflect.computed_inflections(word)), word


def test_bundled_packs_compile_without_the_lemma_table() -> None:
    from claimlint.nlp.matcher import build_pipeline

    inflect._lemma_tables.cache_clear()
    build_pipeline(RULES)
    assert inflect._lemma_tables.cache_info().currsize == 0


def test_unknown_words_still_get_their_forms() -> None:
    assert {"soothe", "soothes", "soothed", "soothing"} <= inflect.inflections("soothe")
    assert {"unfog", "unfogs", "unfogged"} <= inflect.inflections("unfog")


# -- regexes run per block, only where their literal is ------------------------------------------

SEPARATORS = [" ", " ", " ", "\n", "\n\n", ". "]


@functools.lru_cache(maxsize=1)
def _bundled():
    from claimlint.nlp.matcher import build_pipeline

    return build_pipeline(RULES)


@FAST
@given(st.lists(st.tuples(st.sampled_from(TRICKY), st.sampled_from(SEPARATORS)), max_size=30))
def test_gated_regex_hits_equal_python_re_on_every_block(pieces) -> None:
    compiled = _bundled().compiled
    text = "".join(word + sep for word, sep in pieces)
    doc = NLP.make_doc(text)
    starts = [t.idx for t in doc]
    lengths = [len(t) for t in doc]
    bounds = [0] + [m.end() for m in re.finditer(r"\n\n", text) if m.end() < len(text)]
    edges = [*bounds, len(text)]
    expected = []
    for regex in compiled.regexes:  # Python's re is the oracle of RE2's translated patterns
        oracle = re.compile(regex.pattern.pattern, regex.flags)
        for a, b in zip(edges, edges[1:], strict=False):
            for match in oracle.finditer(text, a, b):
                span = align(starts, lengths, *match.span())
                if span is not None:
                    expected += [(label, *span) for label in regex.labels]
    assert sorted(compiled.regex_hits.hits(text, starts, lengths, bounds)) == sorted(expected)


def test_a_regex_never_matches_across_a_block() -> None:
    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import Lexicon, RuleSet

    lexicons = {"pair": Lexicon("pair", (), False, (), (r"\bketamine\s+approved\b",))}
    compiled = CompiledMatcher(NLP, RuleSet((), lexicons, {}))
    text = "Is ketamine\n\napproved here? Ketamine approved."
    doc = NLP.make_doc(text)
    second = text.index("approved")
    found = compiled.find(doc, text, [0, second])
    assert [(label, text[a:b]) for label, a, b, _, _ in found] == [("pair", "Ketamine approved")]
    whole = compiled.find(doc, text)
    assert len(whole) == 2


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Vireolux drops have no side\neffects at all.", True),  # a hard-wrapped paragraph
        ("Vireolux drops have no side\n   effects at all.", True),  # wrapped and indented
        ("Vireolux drops have no side effects at all.", True),
        ("- Vireolux drops have no side\n- effects listed here", False),  # two list items
        ("## Vireolux has no side\n\neffects are listed below.", False),  # heading, paragraph
        ("Vireolux drops have no side\n\neffects at all.", False),  # two paragraphs
    ],
)
def test_phrases_run_across_a_line_break_but_not_across_blocks(text: str, flagged: bool) -> None:
    from claimlint.api import lint_text

    found = [d for d in lint_text(text + "\n", path="page.md") if d.excerpt.startswith("no side")]
    assert bool(found) is flagged, [(d.rule, d.excerpt) for d in lint_text(text, path="page.md")]


def test_a_phrase_right_after_non_is_not_matched() -> None:
    """ "non-healing wounds" claim no healing; "non-addictive", a phrase of its own, matches."""
    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import Lexicon, RuleSet

    lexicons = {
        "outcome": Lexicon("outcome", ("healing", "relief"), False),
        "safety": Lexicon("safety", ("non-addictive",), False),
    }
    compiled = CompiledMatcher(NLP, RuleSet((), lexicons, {}))
    text = "Non-healing wounds get relief; the balm is non-addictive and speeds healing."
    found = [(label, a) for label, a, _, _, _ in compiled.find(NLP.make_doc(text), text)]
    assert ("outcome", text.index("relief")) in found
    assert ("safety", text.index("non-addictive")) in found
    assert [a for label, a in found if label == "outcome" and a != text.index("relief")] == [
        text.rindex("healing")  # the second "healing" only: the first follows "Non-"
    ]


def test_a_hyphen_between_words_is_read_as_a_space_either_way() -> None:
    """ "birth-control pills" is the term "birth control pills", and "clinically proven" is
    the term "clinically-proven"; a hyphen never starts or ends a match."""
    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import Lexicon, RuleSet

    lexicons = {
        "contraception": Lexicon("contraception", ("birth control pills",), False),
        "proof": Lexicon("proof", ("clinically-proven",), False),
        "relief": Lexicon("relief", ("relief",), False),
    }
    compiled = CompiledMatcher(NLP, RuleSet((), lexicons, {}))

    def spans(text: str) -> list[tuple[str, str]]:
        found = compiled.find(NLP.make_doc(text), text)
        return sorted((label, text[a:b]) for label, a, b, _, _ in found)

    assert spans("It can weaken birth-control pills.") == [("contraception", "birth-control pills")]
    assert spans("Our spray is clinically proven.") == [("proof", "clinically proven")]
    assert spans("Our spray is clinically-proven.") == [("proof", "clinically-proven")]
    assert spans("Fast relief - and birth - control - pills.") == [("relief", "relief")]


def test_spans_lose_only_what_a_non_prefix_negates() -> None:
    from claimlint.nlp.token_spans import string_id, without_negated

    words = ["non", "-", "healing", "and", "healing", "."]
    lows = [string_id(w) for w in words]
    spans = [("outcome", 2, 3), ("outcome", 4, 5)]
    assert without_negated(lows, spans) == [("outcome", 4, 5)]
    assert without_negated(lows[3:], [("outcome", 1, 2)]) == [("outcome", 1, 2)]  # no "non"


def test_the_trie_walk_finds_phrases_that_end_the_chunk() -> None:
    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import Lexicon, RuleSet

    lexicons = {"outcome": Lexicon("outcome", ("lasting relief", "relief"), False)}
    compiled = CompiledMatcher(NLP, RuleSet((), lexicons, {}))
    text = "Expect lasting relief"
    found = sorted((a, b) for _, a, b, _, _ in compiled.find(NLP.make_doc(text), text))
    assert found == [(7, 21), (15, 21)]


def test_a_built_pipeline_keeps_no_program_from_checking_the_packs() -> None:
    """Checking a pack compiles each regex's full RE2 program and parse tree; the pipeline runs
    programs of its own, so building it lets those go (25 MB of a site run's peak)."""
    from claimlint.nlp.matcher import build_pipeline
    from claimlint.packs.linear_regex import check, compile_linear, parsed

    assert check(r"\bclinically \w+ proven\b") is None
    assert compile_linear.cache_info().currsize and parsed.cache_info().currsize
    build_pipeline(RULES)
    assert compile_linear.cache_info().currsize == 0
    assert parsed.cache_info().currsize == 0


# -- token patterns matched in windows -----------------------------------------------------------

_WINDOW_WORDS = ["Stronger", "faster", "relief", "than", "the", "spray", "shot", "\n", ".", "4"]


def _token_lexicons(patterns: list[list[dict]]):
    from claimlint.packs import Lexicon
    from claimlint.packs.validate import _freeze

    return {"ranked": Lexicon("ranked", tokens=tuple(_freeze(p) for p in patterns))}


_WINDOWED = [
    [{"LOWER": {"IN": ["stronger", "faster"]}}, {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["than"]}}],
    [{"ORTH": "Stronger"}, {"LOWER": "relief", "OP": "?"}, {"IS_PUNCT": True}],
    [{"LOWER": "shot"}, {"LOWER": "than", "OP": "!"}],
    # fixed words further on: windows without them are passed over (TokenWindow.may_match)
    [{"LOWER": "the"}, {"LOWER": {"IN": ["faster", "spray"]}}, {"LOWER": "than"}],
    [{"LOWER": "spray"}, {"LOWER": {"NOT_IN": ["the", "relief"]}}, {"LOWER": "shot"}],
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WINDOW_WORDS), max_size=30))
def test_token_patterns_matched_in_windows_equal_the_whole_chunk(words: list[str]) -> None:
    """Patterns that open with fixed words run only on windows that open with one: the same
    matches as spaCy's Matcher over the whole chunk."""
    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import RuleSet

    compiled = CompiledMatcher(NLP, RuleSet((), _token_lexicons(_WINDOWED), {}))
    assert compiled.token_window is not None and compiled.token_window.width == 3
    doc = NLP.make_doc(" ".join(words))
    lows = [t.lower for t in doc]
    assert sorted(compiled._token_matches(doc, lows)) == sorted(compiled.tokens(doc))


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "stronger"}, {"IS_ALPHA": True, "OP": "+"}],  # no fixed length
        [{"IS_ALPHA": True}, {"LOWER": "relief"}],  # no fixed opening word
        [{"LOWER": "stronger", "OP": "?"}, {"LOWER": "relief"}],  # an optional opening word
    ],
)
def test_a_pattern_without_fixed_opening_or_length_matches_whole_chunks(pattern) -> None:
    from claimlint.nlp.matcher import CompiledMatcher
    from claimlint.packs import RuleSet

    compiled = CompiledMatcher(NLP, RuleSet((), _token_lexicons([_WINDOWED[0], pattern]), {}))
    assert compiled.token_window is None
    doc = NLP.make_doc("Faster relief and stronger relief, stronger results")
    assert sorted(compiled._token_matches(doc, [t.lower for t in doc])) == sorted(
        compiled.tokens(doc)
    )
    assert compiled.tokens(doc)  # the check above compares matches, not two empty lists


def test_a_window_lacking_a_patterns_fixed_words_is_passed_over() -> None:
    """may_match reads each pattern's fixed words up to its first optional token; a window
    that lacks them for every pattern gets no Matcher call."""
    from claimlint.nlp.token_spans import string_id
    from claimlint.nlp.token_window import TokenWindow

    window = TokenWindow().with_patterns([_WINDOWED[0], *_WINDOWED[3:]])
    assert window is not None
    words = "the faster than the relief faster spray spray shot the faster".split()
    lows = [string_id(w) for w in words]
    # "the faster than", "faster spray", "spray spray shot"; not "faster than", "the relief",
    # "spray shot the" or "the faster" and "faster" at the end
    assert [i for i in range(len(lows)) if window.may_match(lows, i)] == [0, 5, 6]
