"""The RE2 Set filter and the joined-blocks search give the answers of searching each block
alone: they only ever save work."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimlint.nlp.lexicon_regex import LexiconRegex
from claimlint.nlp.regex_hits import RegexHits
from claimlint.nlp.regex_set import (
    JoinedBlocks,
    RegexSet,
    joinable,
    relaxed,
    set_pattern,
    without_loose_start,
)
from claimlint.packs import load_rules
from claimlint.packs.linear_regex import LinearRegex, compile_linear, fold_case, narrow_safe

PATTERNS = [
    r"\bno\s+side\s+effects?\b",
    r"\b\d{1,3}\s?%",
    r"[^.!?]{0,20}\bsafe\b",
    r"\bcure[sd]?\b",
    r"a\s*b",
    r"\w+ly\b",
    r"(?:fast|quick)\s+(?:relief|results)",
    r"\b[A-Z][a-z]+\b",
    r"\bno\s+(?:\w+\s+){0,5}?risks?\b",  # relaxed in the Set: (?:\w+\s+)*?
    r"\b\d{2,9}\b",
]
# Not joinable (anchors other than \\b): a Set holds them without their anchors.
ANCHORED = [r"(?m)^\s*safe\b", r"effects?$", r"\Ano\b", r"\Bly\b", r"(?:^|[.!]\s*)cures\b"]
PIECES = ["no", "side", "effects", "safe", "cures", "a", "b", "50", "%", "Fast", "relief", "risk"]
PIECES += [" ", "  ", "\n", "\n\n", ".", "!", "_", "é", "quickly", "ab", "x9"]
PIECES += ["\u6771", "\U0001f600", "safe\u2019"]  # 3- and 4-byte UTF-8: byte offsets differ

text_and_edges = st.lists(st.sampled_from(PIECES), max_size=30).flatmap(
    lambda parts: st.tuples(
        st.just("".join(parts)),
        st.lists(st.integers(0, max(0, len("".join(parts)))), max_size=6),
    )
)


def local_spans(regex: LinearRegex, text: str, edges: list[int]) -> list[tuple[int, int]]:
    """What the matcher finds searching each segment alone."""
    found = []
    for k in range(len(edges) - 1):
        found += list(regex.spans(text, edges[k], edges[k + 1]))
    return found


def edges_of(text: str, cuts: list[int]) -> list[int]:
    return sorted({0, *(c for c in cuts if 0 < c < len(text)), len(text)})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_edges, st.sampled_from(PATTERNS), st.booleans())
def test_joined_search_equals_searching_each_segment(case, pattern, ignore_case) -> None:
    text, cuts = case
    edges = edges_of(text, cuts)
    regex = compile_linear(pattern, ignore_case)
    joined = JoinedBlocks(text, edges).spans(regex)
    if joined is not None:  # None: a match crossed an edge, the caller searches segments
        assert joined == local_spans(regex, text, edges)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_edges)
def test_the_set_never_rules_out_a_regex_that_matches(case) -> None:
    text, cuts = case
    edges = edges_of(text, cuts)
    patterns = PATTERNS + ANCHORED
    regex_set = RegexSet([(i, p, True) for i, p in enumerate(patterns)])
    assert regex_set.covered == set(range(len(PATTERNS)))  # joinable: run on joined blocks
    assert regex_set.filtered == set(range(len(patterns)))  # anchored ones only filtered
    candidates = regex_set.candidates({True: JoinedBlocks(text, edges)})
    assert candidates is not None
    for i, pattern in enumerate(patterns):
        if local_spans(compile_linear(pattern, True), text, edges):
            assert i in candidates, pattern


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_and_edges, min_size=1, max_size=5))
def test_scanning_many_chunks_at_once_answers_as_one_at_a_time(cases) -> None:
    regex_set = RegexSet([(i, p, True) for i, p in enumerate(PATTERNS)])
    chunks = [{True: JoinedBlocks(text, edges_of(text, cuts))} for text, cuts in cases]
    assert regex_set.candidates_many(chunks) == [regex_set.candidates(c) for c in chunks]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsafe\b[^.!?]{0,60}?\bfor\b", r"\bsafe\b[^.!?]*?\bfor\b"),
        (r"(?:\w+\s+){1,4}x{2,3}y{3,}", r"(?:\w+\s+)+x{2,3}y+"),  # {2,3}: too few to matter
        (r"a{5}", r"a{5}"),  # an exact count is kept
        (r"[{0,9}]\{0,9}", r"[{0,9}]\{0,9}"),  # braces in a class or escaped are literal
    ],
)
def test_relaxed_repeats(pattern: str, expected: str) -> None:
    assert relaxed(pattern) == expected


def test_relaxed_without_anchors() -> None:
    assert relaxed(r"(?m)^[^$]{0,9}\$x$|\Aa\Bb\z\b", anchors=False) == r"(?m)[^$]*\$x|ab\b"
    assert relaxed(r"^a$", anchors=True) == r"^a$"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # an anchor dropped leaves an optional start; a counted run of words goes with it
        (r"(?:|[.!?]\s+)(?:\w+\s+){1,3}(?:down|lower)\b", r"(?:down|lower)\b"),
        (r"(?:(?:|[.!?]\s+)|\bthe\s+)cure", "cure"),  # a group that can match nothing
        (r"(?:a\s+)?[0-9]+%", "[0-9]+%"),  # a repeated class stays: it is what selects
        (r"\b(?:very\s+)?safe", r"\b(?:very\s+)?safe"),  # an assertion stops the drop
        (r"(?m)(?:a\s+)?b", r"(?m)(?:a\s+)?b"),  # so does a flag setting
        (r"(ab)?c", "c"),  # a plain group is a group
        (r"(?:a)?b|c", r"(?:a)?b|c"),  # an alternation keeps its branches whole
        (r"(?:a)?(?:b)?", r"(?:a)?(?:b)?"),  # nothing that must match would be left
        (r"(?:[)(]|\x{2070})+[]x]z", r"[]x]z"),  # classes and escapes read whole
    ],
)
def test_a_set_drops_a_patterns_loose_start(pattern: str, expected: str) -> None:
    assert without_loose_start(pattern) == expected


def test_every_relaxed_bundled_regex_matches_where_the_regex_does() -> None:
    # The rules' flag examples are texts the pack regexes were written to match.
    import re2

    from claimlint.packs.linear_regex import python_only, re2_options, translate

    rules = load_rules()
    texts = [text for rule in rules.rules for text in rule.flag_examples]
    lexicons = rules.lexicons.values()
    patterns = {(p, not lx.case_sensitive_regex) for lx in lexicons for p in lx.regex}
    matched = 0
    for pattern, ignore_case in sorted(patterns):
        if python_only(pattern):
            continue
        regex = compile_linear(pattern, ignore_case)
        loose = without_loose_start(relaxed(translate(pattern), anchors=joinable(pattern)))
        loose = re2.compile(loose, re2_options(ignore_case))
        for text in texts:
            if next(iter(regex.spans(text)), None) is not None:
                assert loose.search(text), (pattern, text)
                matched += 1
    assert matched > 1000


def test_anchored_and_lookaround_patterns_are_left_out() -> None:
    assert joinable(r"\bsafe\b")
    for pattern in (r"^safe", r"safe$", r"\Asafe", r"safe\Z", r"\Bsafe", r"(?<=a)b"):
        assert not joinable(pattern), pattern


def test_every_bundled_regex_answers_the_same_on_a_clinic_page() -> None:
    text = (
        "Zentrofax drops: no side effects.\n\nClinically proven, 80% of patients felt relief "
        "within 24 hours.[1]\nNot FDA-approved; compounded semaglutide is used off-label.\n"
        "Call 988 if you have thoughts of suicide. “It changed my life” — Dana"
    )
    edges = edges_of(text, [text.index("\n\n"), text.index("\n\n") + 2, text.index("Not")])
    lexicons = load_rules().lexicons.values()
    patterns = {(p, not lx.case_sensitive_regex) for lx in lexicons for p in lx.regex}
    checked = 0
    for pattern, ignore_case in sorted(patterns):
        if not joinable(pattern):
            continue
        regex = compile_linear(pattern, ignore_case)
        joined = JoinedBlocks(text, edges).spans(regex)
        if joined is not None:
            assert joined == local_spans(regex, text, edges), pattern
            checked += 1
    assert checked > 50


def test_a_validated_regex_compiled_straight_to_re2_matches_the_same() -> None:
    from claimlint.packs.linear_regex import compile_trusted, python_only

    text = "Ketamine is FDA-approved; 70% of patients felt relief within 24 hours.[2] İt is safe."
    lexicons = load_rules().lexicons.values()
    patterns = {(p, not lx.case_sensitive_regex) for lx in lexicons for p in lx.regex}
    linear = [(p, ic) for p, ic in sorted(patterns) if not python_only(p)]
    assert len(linear) > 100
    for pattern, ignore_case in linear:
        trusted = compile_trusted(pattern, ignore_case)
        checked = compile_linear(pattern, ignore_case)
        assert list(trusted.spans(text)) == list(checked.spans(text)), pattern


def test_the_compiled_lexicons_keep_whether_each_regex_is_joinable() -> None:
    # The compiled-pack cache stores the answer so a process does not parse every pattern again.
    from claimlint.nlp.matcher import build_pipeline
    from claimlint.packs import load_rules

    regexes = build_pipeline(load_rules()).compiled.regexes
    assert any(r.joinable for r in regexes) and not all(r.joinable for r in regexes)
    assert all(r.joinable is joinable(r.source) for r in regexes)


def test_the_set_patterns_kept_in_the_compiled_pack_are_those_written_afresh() -> None:
    """The compiled-pack cache keeps each regex as its Set holds it; a Set built from them is
    the one built from the patterns themselves."""
    from claimlint.nlp.matcher import CompiledMatcher, english
    from claimlint.nlp.regex_set import set_pattern
    from claimlint.packs import load_rules

    regexes = CompiledMatcher(english(), load_rules()).regexes
    assert len(regexes) > 500
    stale = [
        r.source
        for r in regexes
        if (r.joinable or r.linear) and r.in_set != set_pattern(r.source, r.joinable, True)
    ]
    assert stale == []
    assert sum(r.in_set is not None for r in regexes) > 500


def _hits_of_first_chunk(text: str, bounds: list[int], pays: int) -> tuple[list, bool]:
    """A fresh pipeline's regex hits on its first chunk, with the Sets paying from `pays`
    characters; and whether the Sets were built."""
    from claimlint.nlp import regex_hits
    from claimlint.nlp.matcher import build_pipeline

    pipeline = build_pipeline(load_rules())
    doc = pipeline.nlp.make_doc(text)
    starts = [t.idx for t in doc]
    lengths = [len(t.text) for t in doc]
    saved = regex_hits.SETS_PAY_CHARS
    regex_hits.SETS_PAY_CHARS = pays
    try:
        found = pipeline.compiled.regex_hits.hits(text, starts, lengths, bounds)
    finally:
        regex_hits.SETS_PAY_CHARS = saved
    return sorted(found), pipeline.compiled.regex_hits._regex_set is not None


def test_a_long_first_chunk_uses_the_sets_and_finds_the_same() -> None:
    paragraphs = [
        "Our NAD+ drip is 100% safe and clinically proven: 90% of clients feel younger.",
        "Compounded semaglutide is not FDA-approved; ask about side effects (Lee et al., 2021).",
        "Is IV better than a pill? Most people notice relief within 24 hours, guaranteed.",
        "If you have thoughts of suicide, call or text 988 right away.",
    ] * 3
    text = "\n\n".join(paragraphs)
    bounds = [0]
    for _ in range(len(paragraphs) - 1):
        bounds.append(text.index("\n\n", bounds[-1] + 1) + 2)
    with_sets, built = _hits_of_first_chunk(text, bounds, pays=len(text))
    without_sets, not_built = _hits_of_first_chunk(text, bounds, pays=len(text) + 1)
    assert built and not not_built
    assert with_sets == without_sets
    assert len(with_sets) > 20


def test_patterns_with_open_gaps_get_sets_of_their_own() -> None:
    """A pattern that repeats a negated class or a group without bound shares a Set only with
    others like it, a few at a time; the rest fill Sets of GROUP_SIZE."""
    from claimlint.nlp import regex_set

    gapped = [rf"\bif\b[^.;!?]{{1,60}}?,\s+call{k}\b" for k in range(40)]
    plain = [rf"\bword{k}\s+other{k}\b" for k in range(60)]
    entries = [(i, p, True) for i, p in enumerate(gapped + plain)]
    built = RegexSet(entries)
    groups = [set(indexes) for _, _, indexes in built.groups]
    gap_indexes = set(range(len(gapped)))
    assert all(g <= gap_indexes or not (g & gap_indexes) for g in groups)
    assert max(len(g) for g in groups if g <= gap_indexes) == regex_set.GAP_GROUP_SIZE
    assert max(len(g) for g in groups if not g & gap_indexes) == regex_set.GROUP_SIZE
    assert set().union(*groups) == set(range(len(entries)))
    assert regex_set.has_gap(relaxed(r"(?:\w+\s+){0,5}?risk")) and not regex_set.has_gap(r"a\s+b")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_edges, st.sampled_from(PATTERNS + ANCHORED))
def test_the_relaxed_search_finds_every_segment_a_regex_matches_in(case, pattern) -> None:
    """RegexHits._relaxed_where: the segments it names hold every match of the regex."""
    text, cuts = case
    caseless = fold_case(text)
    assume(narrow_safe(text) and narrow_safe(caseless))
    edges = edges_of(text, cuts)
    join = joinable(pattern)
    written = set_pattern(pattern, join, narrow=True)
    regex = LexiconRegex(pattern, ["x"], re.IGNORECASE, None, True, join, written)
    where = RegexHits([regex])._relaxed_where(0, JoinedBlocks(caseless, edges))
    program = compile_linear(pattern, True)
    for k in range(len(edges) - 1):
        if list(program.spans(caseless, edges[k], edges[k + 1])):
            assert k in where, (k, where)
